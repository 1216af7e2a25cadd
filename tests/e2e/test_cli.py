"""The real `reflect` command in a subprocess: the contract in ARCHITECTURE.md."""

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reflect.core.interchange import import_lines
from reflect.core.journal import Journal
from tests.conftest import PASSPHRASE, SAMPLE


def cli_env(passphrase=PASSPHRASE, env_extra=None) -> dict[str, str]:
    """This process's environment without any REFLECT_ setting of the caller's, and the
    passphrase the command should read (none: it asks)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
    if passphrase is not None:
        env["REFLECT_PASSPHRASE"] = passphrase
    env.update(env_extra or {})
    return env


def run(*args, env_extra=None, input=None, passphrase=PASSPHRASE):
    return subprocess.run(
        [sys.executable, "-m", "reflect", *map(str, args)],
        capture_output=True, text=True, env=cli_env(passphrase, env_extra), input=input,
        timeout=120,
    )


def test_init_import_export_round_trip(tmp_path):
    path = tmp_path / "j.reflect"
    init = run("init", "--journal", path)  # the real, calibrated KDF
    assert init.returncode == 0, init.stderr
    code = init.stdout.strip()
    assert len(code) == 39 and code.count("-") == 7
    imported = run("import", "--journal", path, SAMPLE)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 40 entries" in imported.stderr
    assert "ignored unknown key 'gold' on 40 lines" in imported.stderr
    exported = run("export", "--format", "jsonl", "--journal", path)
    assert exported.returncode == 0
    lines = [json.loads(x) for x in exported.stdout.splitlines()]
    originals = {json.loads(x)["narrative"] for x in SAMPLE.read_text().splitlines()}
    assert {x["narrative"] for x in lines} == originals
    # recovery code opens it and sets a new passphrase
    again = run("passwd", "--recovery", "--journal", path,
                env_extra={"REFLECT_RECOVERY_CODE": code, "REFLECT_NEW_PASSPHRASE": "newer passphrase"})
    assert again.returncode == 0, again.stderr
    assert run("verify", "--journal", path).returncode == 1
    assert run("verify", "--journal", path, passphrase="newer passphrase").returncode == 0


def test_wrong_passphrase_exits_1_with_one_line_and_changes_nothing(filled_journal):
    before = hashlib.sha256(filled_journal.read_bytes()).hexdigest()
    result = run("search", "sister", "--journal", filled_journal, passphrase="wrong one")
    assert result.returncode == 1
    assert result.stderr.strip() == "reflect search: That passphrase does not open this journal."
    assert result.stdout == ""
    assert hashlib.sha256(filled_journal.read_bytes()).hexdigest() == before


def test_no_passphrase_and_no_terminal_is_a_usage_error(filled_journal):
    result = run("verify", "--journal", filled_journal, passphrase=None, input="")
    assert result.returncode == 2
    assert "No passphrase given" in result.stderr


def test_passphrase_sources(filled_journal, tmp_path):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    assert run("verify", "--journal", filled_journal, "--passphrase-file", secret,
               passphrase=None).returncode == 0
    assert run("verify", "--journal", filled_journal, "--passphrase-stdin",
               passphrase=None, input=PASSPHRASE + "\n").returncode == 0


def test_search_prints_date_client_and_snippet(filled_journal):
    result = run("search", "sister", "--client", "Dee", "--journal", filled_journal)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert rows and all("Deanna Whitcombe" in r for r in rows)
    assert any("sister" in r.lower() for r in rows)
    as_json = run("search", "sister", "--since", "2025-03", "--until", "2025-03-31", "--json",
                  "--journal", filled_journal)
    hits = json.loads(as_json.stdout)
    assert hits and all(h["date"].startswith("2025-03") for h in hits)
    assert set(hits[0]) >= {"date", "client", "snippet"}
    assert run("search", "x", "--since", "yesterday", "--journal", filled_journal).returncode == 2


def test_search_reads_the_apps_tokens(sample_journal, journal_path):
    """`reflect search` takes the search field's tokens and finds what the app's filter shows."""
    from datetime import datetime

    from reflect.core.model import Entry
    from reflect.core.query import EntryFilter, parse_query

    for day, template in ((3, "dcs"), (4, "quick"), (5, "dcs")):
        sample_journal.save_entry(Entry(datetime(2026, 1, day, 9), "written with a template",
                                        template=template))
    typed = "sister client:dee since:2025-03 until:2025-03-31"
    shown = EntryFilter(sample_journal.people()).apply(sample_journal.summaries(), parse_query(typed))
    template = "dcs"
    by_template = EntryFilter(sample_journal.people()).apply(
        sample_journal.summaries(), parse_query(f"template:{template}"))
    sample_journal.close()
    hits = json.loads(run("search", *typed.split(), "--json", "--journal", journal_path).stdout)
    assert shown and [h["id"] for h in hits] == [s.id for s in shown]
    assert all(h["client"] == "Deanna Whitcombe" and h["date"].startswith("2025-03") for h in hits)
    flags = run("search", "sister", "--client", "Dee", "--since", "2025-03", "--until",
                "2025-03-31", "--json", "--journal", journal_path)
    assert json.loads(flags.stdout) == hits
    hits = json.loads(run("search", f"template:{template}", "--json", "--journal",
                          journal_path).stdout)
    assert len(by_template) == 2 and [h["id"] for h in hits] == [s.id for s in by_template]
    bad = run("search", "sister", "since:yesterday", "--journal", journal_path)
    assert bad.returncode == 2 and "since:yesterday" in bad.stderr and not bad.stdout


def test_passwd_changes_the_passphrase(filled_journal):
    result = run("passwd", "--journal", filled_journal,
                 env_extra={"REFLECT_NEW_PASSPHRASE": "a different one"})
    assert result.returncode == 0, result.stderr
    assert run("verify", "--journal", filled_journal).returncode == 1
    assert run("verify", "--journal", filled_journal, passphrase="a different one").returncode == 0


def test_verify_names_a_flipped_byte(filled_journal):
    conn = sqlite3.connect(filled_journal)
    row_id, blob = conn.execute("SELECT id, text FROM control LIMIT 1").fetchone()
    conn.execute("UPDATE control SET text = ? WHERE id = ?", (blob[:-1] + bytes([blob[-1] ^ 1]), row_id))
    conn.commit()
    conn.close()
    result = run("verify", "--journal", filled_journal)
    assert result.returncode == 1
    assert f"control {row_id}" in result.stderr
    assert run("search", "--journal", filled_journal).returncode == 0


def test_malformed_import_names_the_line(empty_journal, tmp_path):
    bad = tmp_path / "bad.jsonl"
    lines = SAMPLE.read_text().splitlines()
    lines[11] = lines[11].replace('"timing": "during"', '"timing": "whenever"', 1)
    bad.write_text("\n".join(lines))
    result = run("import", bad, "--journal", empty_journal)
    assert result.returncode == 1
    assert "line 12" in result.stderr and "'timing' must be one of" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert run("search", "--journal", empty_journal).stdout == ""


def test_not_a_journal_and_newer_version(tmp_path, filled_journal):
    junk = tmp_path / "junk.reflect"
    junk.write_bytes(os.urandom(4096))
    result = run("verify", "--journal", junk)
    assert result.returncode == 1 and "not a Reflect journal" in result.stderr
    conn = sqlite3.connect(filled_journal)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    result = run("search", "--journal", filled_journal)
    assert result.returncode == 1 and "newer version of Reflect" in result.stderr


def test_backup_is_an_encrypted_copy_that_opens(filled_journal, tmp_path):
    result = run("backup", tmp_path / "backups", "--journal", filled_journal)
    assert result.returncode == 0, result.stderr
    copy = tmp_path / "backups" / result.stdout.strip().split("/")[-1]
    assert copy.exists() and b"Whitcombe" not in copy.read_bytes()
    with Journal.open(copy, PASSPHRASE, readonly=True) as j:
        assert j.entry_count() == 40


def test_version_and_usage():
    assert run("--version").stdout.startswith("reflect ")
    assert run("frobnicate").returncode == 2


@pytest.mark.slow
def test_kill_9_during_a_large_import_leaves_it_entirely_absent(journal, journal_path, tmp_path):
    import_lines(journal, SAMPLE.read_text().splitlines()[:3])
    journal.close()
    big = tmp_path / "big.jsonl"
    template = json.loads(SAMPLE.read_text().splitlines()[0])
    template.pop("gold")
    with big.open("w") as out:
        for i in range(6000):
            template["narrative"] = f"Synthetic session {i}. " * 20
            out.write(json.dumps(template) + "\n")
    proc = subprocess.Popen([sys.executable, "-m", "reflect", "import", str(big), "--journal",
                             str(journal_path)], env=cli_env(), stderr=subprocess.PIPE)
    wal = journal_path.with_name(journal_path.name + "-wal")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 1_000_000):
        assert proc.poll() is None, "the import finished before it could be interrupted"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.entry_count() == 3
        assert j.verify().ok


SAVER = """
import sys
from datetime import datetime
from reflect.core.journal import Journal
from reflect.core.model import Entry
j = Journal.open(sys.argv[1], sys.argv[2])
for i in range(100000):
    j.save_entry(Entry(date=datetime(2026, 1, 1, 9, 0), narrative=f"entry {i}"))
    print(i + 1, flush=True)
"""


@pytest.mark.slow
def test_kill_9_loses_no_entry_that_was_saved(empty_journal):
    proc = subprocess.Popen([sys.executable, "-c", SAVER, str(empty_journal), PASSPHRASE],
                            stdout=subprocess.PIPE, text=True)
    saved = 0
    while saved < 40:
        saved = int(proc.stdout.readline())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Journal.open(empty_journal, PASSPHRASE) as j:
        assert j.entry_count() >= saved
        assert j.verify().ok


def kept_rows(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM theme_cache").fetchone()[0]
    finally:
        conn.close()


def test_themes_keeps_what_it_found_unless_the_journal_is_open_elsewhere(filled_journal):
    from reflect.store.lockfile import WriterLock

    lock = WriterLock(filled_journal)
    lock.acquire()  # as the app would hold it
    try:
        busy = run("themes", "--json", "--journal", filled_journal)
    finally:
        lock.release()
    assert busy.returncode == 0, busy.stderr
    assert kept_rows(filled_journal) == 0  # read-only: nothing written
    first = run("themes", "--json", "--journal", filled_journal)
    assert first.returncode == 0, first.stderr
    assert kept_rows(filled_journal) == 40
    again = run("themes", "--json", "--journal", filled_journal)
    assert json.loads(again.stdout) == json.loads(first.stdout) == json.loads(busy.stdout)


def test_themes_json_and_text(filled_journal):
    result = run("themes", "--json", "--journal", filled_journal)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["entries"]) == 40
    some = next(e for e in data["entries"] if e["themes"])
    theme = some["themes"][0]
    assert set(theme) >= {"id", "score", "source", "evidence"}
    assert theme["source"] in ("auto", "user") and theme["evidence"]
    for r in data["recurring"]:
        assert set(r) >= {"client", "theme", "count", "of_sessions", "first", "last"}
        assert 3 <= r["count"] <= r["of_sessions"] <= 5
    dee = json.loads(run("themes", "--client", "Dee", "--json", "--journal", filled_journal).stdout)
    assert {e["client"] for e in dee["entries"]} == {"Deanna Whitcombe"}
    text = run("themes", "--text", "--json", passphrase=None,
               input="I stayed twenty minutes over again and then she texted me at 11pm.")
    found = json.loads(text.stdout)["themes"]
    assert [t["id"] for t in found] == ["boundaries"]
    negated = run("themes", "--text", passphrase=None, input="No boundary issues today.")
    assert negated.returncode == 0 and negated.stdout == ""


def test_search_finds_entries_by_theme(sample_journal, journal_path):
    """`theme:boundaries` finds the entries whose themes (found, or the practitioner's own
    decisions) include it, as the app's search field does; a theme the practitioner rejected on
    an entry does not find it."""
    from datetime import datetime

    from reflect.core.model import Entry
    from reflect.core.query import EntryFilter, parse_query, theme_names
    from reflect.core.themes import analyse_journal

    over = sample_journal.save_entry(Entry(datetime(2026, 2, 2, 9), "Stayed forty minutes over "
                                           "again and she texted me at midnight."))
    plain = sample_journal.save_entry(Entry(datetime(2026, 2, 3, 9), "Fixed the garden "
                                            "boundary wall on my day at home."))
    analysis = analyse_journal(sample_journal)
    by_entry = {a.entry_id: theme_names(a.ids(), analysis.labels) for a in analysis.entries}
    app = EntryFilter(sample_journal.people())
    app.set_themes(by_entry)
    shown = app.apply(sample_journal.summaries(), parse_query("theme:boundaries"))
    sample_journal.close()
    hits = json.loads(run("search", "theme:boundaries", "--json", "--journal",
                          journal_path).stdout)
    ids = [h["id"] for h in hits]
    assert over.id in ids and plain.id not in ids
    assert ids == [s.id for s in shown]
    # the label works too, and words narrow it
    by_label = json.loads(run("search", "theme:self", "--json", "--journal", journal_path).stdout)
    assert by_label and all(h["id"] in by_entry and "self" in by_entry[h["id"]]
                            for h in by_label)
    narrowed = json.loads(run("search", "midnight", "theme:boundaries", "--json", "--journal",
                              journal_path).stdout)
    assert [h["id"] for h in narrowed] == [over.id]


def test_client_by_first_name_and_a_clear_word_when_it_fits_several(sample_journal,
                                                                      journal_path, tmp_path):
    """--client takes any word of a client's names (after folding); several clients fitting
    one is a usage error that lists them, and changes nothing."""
    from datetime import datetime

    from reflect.core.model import Entry, Person

    for name in ("Sam Hale", "Sam Ortiz", "Zoë Ångström"):
        person = sample_journal.save_person(Person(name=name))
        sample_journal.save_entry(Entry(datetime(2026, 1, 5, 9), f"a session with {name}",
                                        client_id=person.id))
    sample_journal.close()
    found = run("search", "--client", "Deanna", "--json", "--journal", journal_path)
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits and {h["client"] for h in hits} == {"Deanna Whitcombe"}
    by_alias = json.loads(run("search", "--client", "Dee", "--json", "--journal",
                              journal_path).stdout)
    assert [h["id"] for h in by_alias] == [h["id"] for h in hits]
    zoe = json.loads(run("search", "--client", "zoe", "--json", "--journal", journal_path).stdout)
    assert [h["client"] for h in zoe] == ["Zoë Ångström"]

    before = hashlib.sha256(journal_path.read_bytes()).hexdigest()
    for command in (("search",), ("themes",), ("brief", "--template", "group", "--format", "md",
                                               "--out", tmp_path / "b.md")):
        both = run(*command, "--client", "sam", "--journal", journal_path)
        assert both.returncode == 2, both.stderr
        assert "Sam Hale" in both.stderr and "Sam Ortiz" in both.stderr
        assert "More than one client goes by that name" in both.stderr
        assert both.stdout == ""
    nobody = run("search", "--client", "Deann", "--journal", journal_path)
    assert nobody.returncode == 2 and "No client by that name" in nobody.stderr
    assert not (tmp_path / "b.md").exists()
    assert hashlib.sha256(journal_path.read_bytes()).hexdigest() == before

    brief = run("brief", "--client", "Deanna", "--template", "group", "--format", "md",
                "--out", tmp_path / "d.md", "--journal", journal_path)
    assert brief.returncode == 0, brief.stderr
    assert "Deanna" not in (tmp_path / "d.md").read_text(encoding="utf-8")
