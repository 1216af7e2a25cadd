"""A quick note's narrative is its prompts as Markdown headings with the answers under them. The
headings are the template's words, not the practitioner's: they must never be a theme's evidence
(every quick note, even an empty one, used to show Rescuing from "What did I notice in myself?"),
and the evidence pane shows them as headings, not as "##" text."""

from __future__ import annotations

from datetime import date

from reflect.core.entry_templates import get_template
from reflect.core.model import Entry
from reflect.core.themes import engine_with
from reflect.core.themes.explain import evidence_html
from reflect.core.themes.headings import without_headings

QUICK = get_template("quick")


def _themes(answers: list[str]) -> dict[str, list[str]]:
    text = QUICK.join_answers(answers)
    return {h.theme: [e.text for e in h.evidence] for h in engine_with(()).detect_text(text)}


def test_an_empty_or_ordinary_quick_note_has_no_theme() -> None:
    assert _themes(["", "", ""]) == {}
    assert _themes(["Usual session, worked on her shoulders.", "Calm, a bit hungry.",
                    "Same plan next week."]) == {}


def test_a_theme_in_an_answer_is_found_with_the_answer_as_evidence() -> None:
    found = _themes(["She was crying about the rent again.",
                     "I offered to pay her rent myself this month, on my own money.",
                     "Bring it to supervision."])
    assert "rescuing" in found
    for words in found["rescuing"]:
        assert "notice in myself" not in words
        assert "#" not in words


def test_headings_are_blanked_in_place() -> None:
    text = QUICK.join_answers(["one", "two", "three"])
    masked = without_headings(text)
    assert len(masked) == len(text)
    assert "What did I notice" not in masked
    assert masked.index("two") == text.index("two")
    assert without_headings("a #hashtag and # not at the start") == "a #hashtag and # not at the start"


def test_the_evidence_pane_shows_a_heading_as_a_heading() -> None:
    entry = Entry(date=date(2026, 11, 2),
                  narrative=QUICK.join_answers(["Talked about her week.", "Tired.", "Sleep."]))
    html = evidence_html(entry, [], heading="Burnout")
    assert "<b>What did I notice in myself?</b>" in html
    assert "##" not in html
