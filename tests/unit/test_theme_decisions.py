"""The practitioner's theme decisions are stored encrypted and survive lock/unlock."""

from reflect.core.interchange import export_lines
from reflect.core.journal import Journal
from tests.conftest import PASSPHRASE


def test_accept_and_reject_survive_lock_and_unlock(sample_journal, journal_path):
    entry = sample_journal.entries()[0]
    sample_journal.set_theme_decision(entry.id, "burnout", "reject")
    sample_journal.set_theme_decision(entry.id, "isolation", "accept")
    sample_journal.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        again = j.entry(entry.id)
        assert "burnout" in again.rejected_themes and "burnout" not in again.themes
        assert "isolation" in again.themes
        j.set_theme_decision(entry.id, "burnout", None)
        assert "burnout" not in j.entry(entry.id).rejected_themes
        j.set_theme_decision(entry.id, "money", "reject")
        assert sum('"rejected_themes": ["money"]' in line for line in export_lines(j)) == 1


def test_user_themes_are_kept(journal, journal_path):
    journal.save_user_theme({"id": "travel", "label": "Travel", "cues": ["long drive", "train"]})
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.user_themes() == [{"id": "travel", "label": "Travel", "cues": ["long drive", "train"]}]
    assert b"long drive" not in journal_path.read_bytes()


def test_first_line_skips_template_headings():
    from datetime import datetime

    from reflect.core.model import Entry

    e = Entry(date=datetime(2025, 1, 1), narrative="## What happened?\n\nShe arrived late.\n## So what?\n")
    assert e.first_line() == "She arrived late."
    assert Entry(date=datetime(2025, 1, 1), narrative="## What happened?\n").first_line() == "What happened?"
