"""`reflect --check`: the installation's self-test, run from source as the built app runs it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.cli import main
from tests.e2e.test_cli import cli_env

STEPS = ["modules", "resources", "qt", "create", "write", "read back", "themes", "brief",
         "clean up"]


def step_lines(out: str) -> dict[str, str]:
    """Step name -> its status ('ok', 'FAIL', 'skip'), read from the report's columns."""
    found = {}
    for line in out.splitlines():
        if line.startswith("  ") and line[2:7].strip() in ("ok", "FAIL", "skip"):
            found[line[8:18].strip()] = line[2:7].strip()
    return found


def throwaway_folder(out: str) -> Path:
    m = re.search(r"encrypted journal in (\S+) \(", out)
    assert m, out
    return Path(m.group(1))


def test_check_passes_every_step_and_leaves_nothing_behind(fast_kdf, capsys):
    code = main(["--check"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert step_lines(out) == dict.fromkeys(STEPS, "ok"), out
    assert "Self-check passed: all 9 steps" in out
    assert "boundaries, countertransference found; the same in a worker process" in out
    assert "one-page PDF" in out
    folder = throwaway_folder(out)
    assert folder.name.startswith("reflect-check-")
    assert not folder.exists()


def test_a_missing_word_list_fails_the_check_and_says_which(fast_kdf, capsys, monkeypatch):
    from reflect.core.deid import lexicon

    monkeypatch.setattr(lexicon, "places", lambda: frozenset())
    code = main(["--check"])
    out = capsys.readouterr().out
    assert code == 1
    assert step_lines(out)["resources"] == "FAIL"
    assert "the de-identification list places is too short" in out
    assert "Self-check FAILED: 1 of 9 steps did not pass" in out
    assert not throwaway_folder(out).exists()


def test_a_failing_step_still_deletes_the_throwaway_journal(fast_kdf, capsys, monkeypatch):
    import reflect.core.brief as brief

    def broken(*args, **kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(brief, "write_brief", broken)
    code = main(["--check"])
    out = capsys.readouterr().out
    assert code == 1
    lines = step_lines(out)
    assert lines["brief"] == "FAIL" and lines["clean up"] == "ok"
    assert "OSError: No space left on device" in out
    assert not throwaway_folder(out).exists()


def test_steps_that_need_a_failed_one_are_reported_not_run(fast_kdf, capsys, monkeypatch):
    from reflect.core.journal import Journal

    def refuse(*args, **kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(Journal, "create", refuse)
    assert main(["--check"]) == 1
    lines = step_lines(capsys.readouterr().out)
    assert lines["create"] == "FAIL"
    assert lines["write"] == lines["read back"] == lines["themes"] == lines["brief"] == "skip"


def test_a_module_for_development_only_is_left_out_but_a_missing_dependency_fails(monkeypatch):
    """A module that needs a package of an extra (theme training: numpy) is not the app's; one
    that needs a package the app depends on is a broken installation."""
    import importlib

    from reflect.cli import self_check

    real = importlib.import_module

    def missing(package):
        def fake(name, *args):
            if name == "reflect.core.journal":
                raise ModuleNotFoundError(f"No module named {package!r}", name=package)
            return real(name, *args)
        return fake

    monkeypatch.setattr(importlib, "import_module", missing("numpy"))
    assert "left out, for development only: reflect.core.journal (needs numpy)" in (
        self_check.check_modules(None))
    for package in ("sqlmodel", "PySide6", "reflect.core"):
        monkeypatch.setattr(importlib, "import_module", missing(package))
        with pytest.raises(ModuleNotFoundError):
            self_check.check_modules(None)


def test_check_takes_no_command(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--check", "verify"])
    assert exc.value.code == 2
    assert "--check takes no command" in capsys.readouterr().err


@pytest.mark.slow
def test_check_as_a_real_process_with_the_real_kdf(tmp_path):
    """What the built app runs after it is built: the same command, a real calibrated KDF."""
    env = cli_env(passphrase=None, env_extra={"QT_QPA_PLATFORM": "offscreen",
                                              "TMPDIR": str(tmp_path)})
    proc = subprocess.run([sys.executable, "-m", "reflect", "--check"], capture_output=True,
                          text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert step_lines(proc.stdout) == dict.fromkeys(STEPS, "ok")
    assert f"run by Python {sys.version.split()[0]}" in proc.stdout.splitlines()[0]
    assert list(tmp_path.iterdir()) == []  # nothing left in the temporary folder
