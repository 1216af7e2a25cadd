"""Detection results kept in the journal: used while the entry and the detector are unchanged,
never stale, encrypted, gone with the entry, and never a reason for an analysis to fail."""

import sqlite3
from datetime import datetime, timedelta

import pytest

from reflect.core.journal import Journal
from reflect.core.model import Entry, Person
from reflect.core.themes import analyse_journal
from reflect.core.themes.cache import detector_key
from reflect.core.themes.detector import ThemeDetector
from reflect.store.errors import DiskFull
from tests.conftest import PASSPHRASE

LATE = "She texted me at midnight again and I answered anyway."
TIRED = "I felt exhausted and dreading the week, running on empty."
QUIET = "We worked on her sleep diary. A steady, ordinary session."


@pytest.fixture
def detections(monkeypatch):
    """Counts the entries detection actually reads (kept results are not read again)."""
    seen: list[str] = []
    original = ThemeDetector.detect_fields

    def counting(self, fields):
        seen.append(dict(fields).get("narrative", ""))
        return original(self, fields)

    monkeypatch.setattr(ThemeDetector, "detect_fields", counting)
    return seen


def three_entries(journal):
    client = journal.save_person(Person(name="Rowena Castellane"))
    start = datetime(2025, 1, 6, 10)
    return client, [
        journal.save_entry(Entry(date=start + timedelta(weeks=i), narrative=t, client_id=client.id))
        for i, t in enumerate([LATE, TIRED, QUIET])
    ]


def themes_by_text(result):
    return [(a.entry_id, a.ids()) for a in result.entries]


def test_a_second_analysis_detects_nothing_and_finds_the_same(journal, detections):
    three_entries(journal)
    first = analyse_journal(journal)
    assert len(detections) == 3
    assert len(journal.kept_theme_results(detector_key(ThemeDetector.builtin()))) == 3
    detections.clear()
    again = analyse_journal(journal)
    assert detections == []
    assert themes_by_text(again) == themes_by_text(first)
    late = next(a for a in again.entries if "boundaries" in a.ids())
    evidence = next(t for t in late.themes if t.theme == "boundaries").evidence
    assert [e.text for e in evidence] == [LATE[e.start : e.end] for e in evidence]


def test_an_edited_entry_is_detected_again_and_never_stale(journal, detections):
    _client, (late, _tired, _quiet) = three_entries(journal)
    analyse_journal(journal)
    detections.clear()
    late.narrative = QUIET + " Nothing else to note."
    journal.save_entry(late)
    result = analyse_journal(journal)
    assert detections == [late.narrative]
    assert "boundaries" not in next(a for a in result.entries if a.entry_id == late.id).ids()


def test_a_new_user_theme_means_detecting_everything_again(journal, detections):
    three_entries(journal)
    analyse_journal(journal)
    detections.clear()
    journal.save_user_theme({"id": "diary", "label": "Sleep diary", "cues": ["sleep diary"]})
    result = analyse_journal(journal)
    assert len(detections) == 3
    assert any("diary" in a.ids() for a in result.entries)


def test_decisions_are_applied_afresh_on_kept_results(journal):
    _client, (late, _tired, _quiet) = three_entries(journal)
    analyse_journal(journal)
    journal.set_theme_decision(late.id, "boundaries", "reject")
    result = analyse_journal(journal)
    assert "boundaries" not in next(a for a in result.entries if a.entry_id == late.id).ids()


def test_kept_results_are_encrypted(journal, journal_path):
    three_entries(journal)
    analyse_journal(journal)
    journal.close()
    raw = b"".join(p.read_bytes() for p in journal_path.parent.iterdir() if p.is_file())
    conn = sqlite3.connect(journal_path)
    assert conn.execute("SELECT COUNT(*) FROM theme_cache").fetchone()[0] == 3
    conn.close()
    for secret in (b"boundaries", b"burnout", b"texted me", b"exhausted"):
        assert secret not in raw


def test_a_damaged_kept_result_is_reported_then_detected_again(journal, journal_path):
    three_entries(journal)
    first = analyse_journal(journal)
    journal.close()
    conn = sqlite3.connect(journal_path)
    row_id, blob = conn.execute("SELECT id, data FROM theme_cache LIMIT 1").fetchone()
    damaged = bytearray(blob)
    damaged[len(damaged) // 2] ^= 0x01
    conn.execute("UPDATE theme_cache SET data = ? WHERE id = ?", (bytes(damaged), row_id))
    conn.commit()
    conn.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert [(d.table, d.row_id) for d in j.verify().damaged] == [("theme_cache", row_id)]
        assert themes_by_text(analyse_journal(j)) == themes_by_text(first)
        assert j.verify().ok  # derived data: found again and kept in its place


def test_read_only_journals_keep_nothing(journal, journal_path):
    three_entries(journal)
    journal.close()
    with Journal.open(journal_path, PASSPHRASE, readonly=True) as j:
        assert len(analyse_journal(j).entries) == 3
        assert j.kept_theme_results() == {}


def test_a_full_disk_does_not_fail_the_analysis(journal, monkeypatch):
    three_entries(journal)

    def full(*_args, **_kwargs):
        raise DiskFull("The disk is full.")

    monkeypatch.setattr(journal, "keep_theme_results", full)
    assert len(analyse_journal(journal).entries) == 3


def test_deleting_and_forgetting_remove_kept_results(journal, journal_path):
    client, (late, _tired, _quiet) = three_entries(journal)
    analyse_journal(journal)
    journal.delete_entry(late.id)
    assert set(journal.kept_theme_results()) == {e.id for e in journal.entries()}
    journal.forget_client(client.id)
    assert journal.kept_theme_results() == {}


def test_a_large_import_keeps_its_themes_a_small_one_leaves_them_for_later(journal, monkeypatch):
    from reflect.core.interchange import import_lines
    from reflect.core.themes import engine as analysis

    def lines(n, start):
        return [
            f'{{"date": "2025-0{1 + (start + i) // 28}-{1 + (start + i) % 28:02d}T10:00", '
            f'"client": {{"name": "Rowena Castellane"}}, "narrative": "{LATE if i % 2 else TIRED}"}}'
            for i in range(n)
        ]

    monkeypatch.setattr(analysis, "KEEP_AT_IMPORT", 5)
    small = import_lines(journal, lines(4, 0))
    assert analysis.keep_themes_of(journal, small.entry_ids) == 0
    assert journal.kept_theme_results() == {}
    large = import_lines(journal, lines(6, 10))
    assert analysis.keep_themes_of(journal, large.entry_ids) == 6
    assert set(journal.kept_theme_results()) == set(large.entry_ids)


def test_kept_results_need_no_compiled_lexicon(journal, monkeypatch):
    from reflect.core.themes import forget

    three_entries(journal)
    first = analyse_journal(journal)
    detector = ThemeDetector(ThemeDetector.builtin().lexicon)  # a fresh one: nothing compiled
    monkeypatch.setattr(ThemeDetector, "builtin", classmethod(lambda cls: detector))
    forget()  # the engine made for the first analysis is made again, with it
    again = analyse_journal(journal)
    assert themes_by_text(again) == themes_by_text(first)
    assert not detector._ready  # every entry's themes came from the journal
