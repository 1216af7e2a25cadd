"""Themes of a journal: the practitioner's decisions win, recurrence follows the rule."""

from datetime import datetime, timedelta

from reflect.core.journal import Journal
from reflect.core.model import Entry, Person
from reflect.core.themes import analyse_journal
from reflect.core.themes.detector import ThemeDetector
from tests.conftest import PASSPHRASE

LATE = "She texted me at midnight again and I answered anyway."
QUIET = "We worked on her sleep diary. A steady, ordinary session."


def client_with(journal, texts):
    client = journal.save_person(Person(name="Rowena Castellane"))
    start = datetime(2025, 1, 6, 10)
    for i, text in enumerate(texts):
        journal.save_entry(Entry(date=start + timedelta(weeks=i), narrative=text, client_id=client.id))
    return client


def test_recurring_when_in_3_of_the_last_5_sessions(journal):
    client = client_with(journal, [QUIET, LATE, QUIET, LATE, QUIET, LATE])
    result = analyse_journal(journal)
    (rec,) = [r for r in result.recurring if r.theme == "boundaries"]
    assert (rec.client, rec.count, rec.of_sessions) == (client.id, 3, 5)
    assert analyse_journal(journal, min_count=4).recurring == []
    assert [r.theme for r in analyse_journal(journal, window=3, min_count=2).recurring] == ["boundaries"]


def test_not_recurring_when_only_2_of_the_last_5(journal):
    client_with(journal, [LATE, LATE, QUIET, QUIET, QUIET, LATE, QUIET])
    assert [r for r in analyse_journal(journal).recurring if r.theme == "boundaries"] == []


def test_rejected_never_returns_and_accepted_and_added_stay(journal, journal_path):
    client_with(journal, [LATE])
    entry = journal.entries()[0]
    (first,) = analyse_journal(journal).entries
    boundaries = next(t for t in first.themes if t.theme == "boundaries")
    assert (boundaries.source, boundaries.status) == ("auto", "suggested")
    assert {e.text for e in boundaries.evidence} >= {"texted me at midnight"}
    journal.set_theme_decision(entry.id, "boundaries", "reject")
    journal.set_theme_decision(entry.id, "isolation", "accept")
    journal.close()
    with Journal.open(journal_path, PASSPHRASE) as j:
        (again,) = analyse_journal(j).entries
        assert "boundaries" not in again.ids()
        isolation = next(t for t in again.themes if t.theme == "isolation")
        assert (isolation.source, isolation.status) == ("user", "added")


def test_evidence_is_each_stretch_once_in_reading_order():
    detector = ThemeDetector.builtin()
    (hit,) = [h for h in detector.detect_fields([
        ("narrative", "Felt furious at Zeke. Felt furious at Zeke."),
        ("went_well", "I was furious at Zeke but held it."),
    ]) if h.theme == "countertransference"]
    # "furious" alone is a cue too, but its words are inside the longer one's: listed once.
    assert [(e.field, e.text) for e in hit.evidence] == [
        ("narrative", "furious at Zeke"), ("narrative", "furious at Zeke"),
        ("went_well", "furious at Zeke"),
    ]


