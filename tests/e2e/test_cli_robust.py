"""The `reflect` command on odd input and under signals: what a user sees in the terminal and
what is left on disk."""

import json

import pytest

from tests.e2e.test_cli import cli_env, run


def test_an_offset_date_imports_and_export_search_and_themes_still_work(empty_journal, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"date": "2025-06-02T10:00+02:00", "narrative": "felt rushed", "client": {"name": "Ada"}}\n'
        '{"date": "2025-06-01T10:00", "narrative": "felt calm", "client": {"name": "Ada"}}\n')
    result = run("import", source, "--journal", empty_journal, env_extra={"TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    assert "UTC offset" in result.stderr
    for command in (("export",), ("search", "felt"), ("themes", "--json")):
        done = run(*command, "--journal", empty_journal)
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    exported = run("export", "--journal", empty_journal).stdout.splitlines()
    assert [json.loads(x)["date"] for x in exported] == ["2025-06-01T10:00", "2025-06-02T08:00"]


def test_each_bad_import_line_is_one_line_of_output(empty_journal, tmp_path):
    source = tmp_path / "bad.jsonl"
    source.write_bytes(
        b'\xef\xbb\xbf{"date": "2025-06-01T10:00", "narrative": "fine"}\n'
        b'{"date": "2025-06-01T10:00", "narrative": "x", "setting": "Quillfeather"}\n'
        b'{"date": "2025-06-01T10:00", "narrative": "x", "n": ' + b"[" * 20000 + b"]" * 20000 + b"}\n"
        b'{"date": "2025-06-01T10:00", "narrative": "\\udc00 Quillfeather"}\n')
    result = run("import", source, "--journal", empty_journal)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert [x.split(":")[1].strip() for x in lines[:3]] == ["line 2", "line 3", "line 4"]
    assert lines[-1] == "reflect import: Nothing was imported."
    assert "Quillfeather" not in result.stderr and "Traceback" not in result.stderr
    assert run("export", "--journal", empty_journal).stdout == ""


def test_verify_on_a_backup_leaves_its_bytes_as_they_were(filled_journal, tmp_path):
    import hashlib

    backup = run("backup", tmp_path / "copies", "--journal", filled_journal)
    assert backup.returncode == 0, backup.stderr
    copy = tmp_path / "copies" / backup.stdout.strip().rsplit("/", 1)[-1]
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    result = run("verify", "--journal", copy)
    assert result.returncode == 0, result.stderr
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]  # no -wal, no -shm


def test_passwd_rotates_the_key_and_prints_the_new_recovery_code_once(filled_journal):
    result = run("passwd", "--journal", filled_journal,
                 env_extra={"REFLECT_NEW_PASSPHRASE": "a different one"})
    assert result.returncode == 0, result.stderr
    code = result.stdout.strip()
    assert len(code.replace("-", "")) == 32
    assert "re-encrypted under a new key" in result.stderr
    assert "still open with the old passphrase" in result.stderr  # what it does not reach
    assert run("verify", "--journal", filled_journal).returncode == 1
    opened = run("verify", "--journal", filled_journal, passphrase="a different one")
    assert opened.returncode == 0, opened.stderr
    from reflect.core.journal import Journal

    Journal.open(filled_journal, recovery_code=code, readonly=True).close()


def test_sigterm_or_sighup_during_export_leaves_no_plaintext_file(journal, journal_path, sample_lines,
                                                                  tmp_path):
    import os
    import select
    import signal
    import subprocess
    import sys
    import time

    from reflect.core.interchange import import_lines

    import_lines(journal, sample_lines * 100)  # 4,000 entries: far more than a pipe holds
    journal.close()
    env = cli_env()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        out = tmp_path / f"export-{sig.name}.jsonl"
        # The half-written file is a pipe that this test reads from and then stops reading: the
        # export is caught mid-write however fast or slow the machine is, and cannot finish
        # before the signal arrives.
        partial = out.with_name(f".{out.name}.partial")
        os.mkfifo(partial, 0o600)
        reader = os.open(partial, os.O_RDONLY | os.O_NONBLOCK)
        try:
            proc = subprocess.Popen([sys.executable, "-m", "reflect", "export", "--out", str(out),
                                     "--journal", str(journal_path)], env=env,
                                    stderr=subprocess.PIPE, text=True)
            readable, _, _ = select.select([reader], [], [], 120)
            assert readable and os.read(reader, 4096), "the export never began writing"
            assert proc.poll() is None
            proc.send_signal(sig)
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:  # take what it flushes
                if select.select([reader], [], [], 0.1)[0]:
                    os.read(reader, 65536)
            _, stderr = proc.communicate(timeout=120)
        finally:
            os.close(reader)
        assert proc.returncode == 1 and "interrupted" in stderr
        assert sorted(p.name for p in tmp_path.iterdir() if "export" in p.name) == [], sig


SIGNAL_AS_THE_FILE_IS_MADE = """
import os, signal, sys
from reflect.cli import main
real_open = os.open
def open_then_signal(path, *args, **kwargs):
    fd = real_open(path, *args, **kwargs)
    if str(path).endswith(".partial"):
        os.kill(os.getpid(), signal.SIGTERM)  # lands as the file comes into being
    return fd
os.open = open_then_signal
sys.exit(main(sys.argv[1:]))
"""


def test_sigterm_the_moment_the_export_file_is_made_leaves_no_file(filled_journal, tmp_path):
    import subprocess
    import sys

    env = cli_env()
    out = tmp_path / "export.jsonl"
    done = subprocess.run([sys.executable, "-c", SIGNAL_AS_THE_FILE_IS_MADE, "export", "--out",
                           str(out), "--journal", str(filled_journal)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "interrupted" in done.stderr, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if "export" in p.name) == []


SIGNAL_RIGHT_AFTER_THE_RENAME = """
import os, signal, sys
from reflect.cli import main
real_replace = os.replace
def replace_then_signal(src, dst, *args, **kwargs):
    real_replace(src, dst, *args, **kwargs)
    if str(src).endswith(".partial"):
        os.kill(os.getpid(), signal.SIGTERM)  # lands the moment the file is complete
os.replace = replace_then_signal
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("existing", [False, True])
def test_a_signal_after_the_file_is_complete_says_it_was_written(filled_journal, tmp_path,
                                                                 existing):
    import subprocess
    import sys

    env = cli_env()
    export = tmp_path / "export.jsonl"
    brief = tmp_path / "brief.md"
    if existing:  # an older file at that name is replaced whole
        export.write_text("old\n", encoding="utf-8")
        brief.write_text("old\n", encoding="utf-8")
    for out, argv in ((export, ["export", "--out", str(export)]),
                      (brief, ["brief", "--client", "Deanna Whitcombe", "--out", str(brief)])):
        done = subprocess.run([sys.executable, "-c", SIGNAL_RIGHT_AFTER_THE_RENAME, *argv,
                               "--journal", str(filled_journal)],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stderr
        assert f"interrupted; {out} was already written in full" in done.stderr, done.stderr
        assert "nothing was changed" not in done.stderr.replace("nothing else was changed", "")
        assert out.read_text(encoding="utf-8") != "old\n"
    lines = export.read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(line) for line in lines)  # whole, every line readable
    assert brief.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_signal_before_the_rename_leaves_an_older_file_as_it_was(filled_journal, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "export.jsonl"
    out.write_text("old\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", SIGNAL_AS_THE_FILE_IS_MADE, "export", "--out",
                           str(out), "--journal", str(filled_journal)],
                          env=cli_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "interrupted; nothing was changed." in done.stderr
    assert out.read_text(encoding="utf-8") == "old\n"
