"""A brief counts the themes the journal already keeps: it does not detect them again."""

from __future__ import annotations

from reflect.core.brief import build_brief
from reflect.core.themes import analyse_journal
from reflect.core.themes.detector import ThemeDetector


def test_a_brief_reuses_the_kept_analysis(sample_journal, monkeypatch):
    analysis = analyse_journal(sample_journal)  # what the app or `reflect themes` did before
    client = sample_journal.clients()[0]
    expected = {}
    for a in analysis.entries:
        if a.client_id == client.id:
            for t in a.themes:
                expected[t.label] = expected.get(t.label, 0) + 1

    def no_detection(*_args, **_kwargs):
        raise AssertionError("the brief detected themes again")

    monkeypatch.setattr(ThemeDetector, "detect_fields", no_detection)
    draft = build_brief(sample_journal, client)
    assert draft.themes and dict(draft.themes) == expected


def test_counts_from_the_analysis_the_app_holds_match_the_briefs(sample_journal):
    """The brief wizard takes its theme counts from the app's analysis (counts_for): the same
    counts a brief works out itself; an entry the analysis lacks makes it work them out."""
    from reflect.core.brief.case import theme_counts

    analysis = analyse_journal(sample_journal)
    client = sample_journal.clients()[0]
    ids = [a.entry_id for a in analysis.entries if a.client_id == client.id][:4]
    held = analysis.counts_for(ids)
    assert held is not None
    assert dict(held) == dict(theme_counts(sample_journal.entries(ids=ids), sample_journal))
    assert [n for _, n in held] == sorted((n for _, n in held), reverse=True)
    assert analysis.counts_for([*ids, "not-an-entry"]) is None
    assert analysis.counts_for([]) is None
