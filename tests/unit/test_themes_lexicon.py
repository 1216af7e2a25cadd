"""The lexicon is data a person can edit: it loads, validates, takes user themes, and the
evidence it reports is an exact slice of what was written."""

from __future__ import annotations

from datetime import datetime

import pytest

from reflect.core.model import Control, Demand, DemandCategory, Entry, Timing
from reflect.core.themes.detector import ThemeDetector
from reflect.core.themes.lexicon import (
    LexiconError,
    UserTheme,
    load_builtin,
    load_lexicon,
    phrase_pattern,
)

BUILTIN_IDS = {
    "boundaries", "transference", "countertransference", "projection", "rescuing", "burnout",
    "self_care", "safety", "consent", "ethics", "culture", "endings", "money", "isolation",
}


def test_builtin_has_the_fourteen_themes_with_labels_and_descriptions():
    themes = ThemeDetector.builtin().themes
    assert {t.id for t in themes} == BUILTIN_IDS
    assert all(t.label and t.description for t in themes)


def test_every_builtin_cue_can_be_found_by_the_fast_scan():
    detector = ThemeDetector(load_builtin()).prepare()
    slow = {c.theme.id: c.unanchored for c in detector._compiled if c.unanchored}
    assert slow == {}, "cues must start with literal words so the anchor scan can find them"


def _lexicon(cues: str, extra: str = "") -> str:
    return f"""
[macros]
WHO = '''(?:she|he)'''
[[theme]]
id = "late"
label = "Late"
description = "Lateness"
cues = [{cues}]
{extra}
"""


def test_macros_weights_and_thresholds_come_from_the_file():
    lex = load_lexicon(_lexicon("""{ re = '''{WHO} was late''', w = 0.5 }""", "threshold = 0.6"))
    detector = ThemeDetector(lex)
    assert detector.detect_text("He was late.") == []  # 0.5 < the theme's threshold 0.6
    hits = detector.detect_text("He was late. Then she was late too.")
    assert [h.theme for h in hits] == ["late"] and hits[0].score == pytest.approx(0.625)


def test_exclusions_in_the_file_are_honoured():
    lex = load_lexicon(_lexicon("""{ phrase = "late" }""", "exclusions = ['''late (?:husband|wife)''']"))
    detector = ThemeDetector(lex)
    assert detector.detect_text("She talked about her late husband.") == []
    assert detector.detect_text("She was late again.")


@pytest.mark.parametrize(
    ("cues", "message"),
    [
        ("""{ re = '''(unclosed''' }""", "bad regex"),
        ("""{ re = '''{NOPE} x''' }""", "unknown macro"),
        ("""{ phrase = "x", w = 9 }""", "out of range"),
        ("""{ phrase = "x", perspective = "theirs" }""", "perspective"),
        ("""{ re = '''x''', phrase = "x" }""", "exactly one"),
        ("""{ re = '''(?P<g>x)''' }""", "named groups"),
        ("""{ re = '''x*''' }""", "empty"),
    ],
)
def test_bad_lexicons_are_refused_with_a_clear_reason(cues, message):
    with pytest.raises(LexiconError, match=message):
        load_lexicon(_lexicon(cues))


def test_not_toml_is_refused():
    with pytest.raises(LexiconError, match="TOML"):
        load_lexicon("[[theme]\nid=")


def test_phrases_tolerate_inflection_hyphens_and_curly_apostrophes():
    detector = ThemeDetector(load_lexicon(_lexicon("""{ phrase = "friend request" }, "won't stop*" """)))
    assert detector.detect_text("Two friend-requests arrived.")
    assert detector.detect_text("She won’t stopping calling.")  # curly apostrophe, any ending
    assert phrase_pattern("gift").startswith(r"\b")


def test_user_themes_are_detected_and_can_replace_a_builtin():
    base = ThemeDetector.builtin()
    detector = base.with_user_themes(
        [UserTheme("travel", "Travel", ["long drive", "train*"]),
         {"id": "money", "label": "My money", "cues": ["overdraft"]}]
    )
    assert [t.id for t in base.themes if t.id == "travel"] == []  # the original is unchanged
    found = {h.theme for h in detector.detect_text("Another long drive, then the trains were late.")}
    assert "travel" in found
    labels = {t.id: t for t in detector.themes}
    assert labels["travel"].user_defined and labels["money"].label == "My money"
    assert detector.detect_text("We agreed a sliding scale fee.") == []  # builtin money replaced
    assert {h.theme for h in detector.detect_text("I'm in my overdraft.")} == {"money"}


def test_user_theme_cues_are_negatable():
    detector = ThemeDetector.builtin().with_user_themes([UserTheme("travel", "Travel", ["long drive"])])
    assert "travel" not in {h.theme for h in detector.detect_text("No long drive this week.")}


def test_a_user_theme_without_cues_is_refused():
    with pytest.raises(LexiconError):
        ThemeDetector.builtin().with_user_themes([UserTheme("empty", "Empty", ["  "])])


def test_evidence_slices_every_field_exactly():
    entry = Entry(
        date=datetime(2026, 3, 1, 10),
        narrative="Ran twenty minutes over again. She texted me at midnight.",
        went_well="I didn’t charge for the extra time, which felt right.",
        demands=[Demand(DemandCategory.INTRAPERSONAL, "I felt protective of him")],
        controls=[
            Control(Timing.POST, "Booked a day off", outcome="Slept ten hours and felt human"),
        ],
    )
    texts = dict(entry.texts())
    hits = ThemeDetector.builtin().detect_entry(entry)
    by_theme = {h.theme: h for h in hits}
    assert {"boundaries", "money", "countertransference", "self_care"} <= set(by_theme)
    fields_seen = set()
    for hit in hits:
        assert hit.evidence and hit.score >= 1.0
        for ev in hit.evidence:
            assert texts[ev.field][ev.start : ev.end] == ev.text
            fields_seen.add(ev.field)
    assert {"narrative", "went_well", "demand:0", "control:0", "outcome:0"} <= fields_seen


def test_detect_text_uses_the_text_field_and_offsets_of_the_original():
    text = "Quiet start.\nThen she froze when I moved to her shoulders."
    [hit] = [h for h in ThemeDetector.builtin().detect_text(text) if h.theme == "consent"]
    ev = hit.evidence[0]
    assert ev.field == "text" and text[ev.start : ev.end] == ev.text == "froze"


def test_a_cue_cannot_span_two_fields():
    entry = Entry(
        date=datetime(2026, 3, 1), narrative="It was a quiet month",
        went_well="and nothing about money at all",
    )
    hits = ThemeDetector.builtin().detect_entry(entry)
    assert all(ev.field in ("narrative", "went_well") for h in hits for ev in h.evidence)


def test_more_distinct_cues_score_higher():
    detector = ThemeDetector.builtin()
    one = detector.detect_text("Skipped lunch.")
    two = detector.detect_text("Skipped lunch, back to back all day, and cancelled my own therapy.")
    assert one[0].theme == two[0].theme == "self_care"
    assert two[0].score > one[0].score


def test_empty_entry_has_no_themes():
    assert ThemeDetector.builtin().detect_entry(Entry(date=datetime(2026, 1, 1), narrative="")) == []


def test_the_shipped_lexicon_passes_every_check_it_skips_at_start():
    from reflect.core.themes.lexicon import builtin_text, load_lexicon

    assert load_lexicon(builtin_text()) == load_builtin()  # regexes compiled and checked here
