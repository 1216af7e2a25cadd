"""Entry templates are resources: every shipped one loads, and bad ones are refused by name."""

from __future__ import annotations

import pytest

from reflect.core.entry_templates import (
    SECTIONS,
    TemplateError,
    get_template,
    has_template,
    list_templates,
    parse_template,
)


def test_the_four_shipped_templates_load_in_order():
    ids = [t.id for t in list_templates()]
    assert ids == ["quick", "dcs", "gibbs", "driscoll"]
    for t in list_templates():
        assert t.label and t.description
        assert t.shows("narrative")
        assert set(t.sections) | set(t.more) <= set(SECTIONS)


def test_quick_note_has_three_prompts_and_keeps_dcs_behind_more():
    quick = get_template("quick")
    assert len(quick.prompts) == 3
    assert not quick.shows("demands") and not quick.shows("controls")
    assert {"demands", "controls"} <= quick.more
    assert quick.prefill().count("## ") == 3


def test_gibbs_and_driscoll_prefill_their_stages_as_headings():
    gibbs = get_template("gibbs").prefill()
    stages = ["Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]
    positions = [gibbs.index(f"## {s}") for s in stages]
    assert positions == sorted(positions)
    driscoll = get_template("driscoll").prefill()
    assert [line for line in driscoll.splitlines() if line] == [
        "## What?",
        "## So what?",
        "## Now what?",
    ]


def test_full_dcs_shows_every_section_and_prefills_nothing():
    dcs = get_template("dcs")
    assert dcs.sections == frozenset(SECTIONS)
    assert dcs.prefill() == ""
    assert "without judging" in dcs.placeholder_text()


def test_unknown_template_falls_back_to_full_dcs_so_old_entries_still_open():
    assert not has_template("retired-template")
    assert get_template("retired-template").id == "dcs"
    assert get_template(None).id == "dcs"


def test_prefill_is_recognised_and_hints_follow_headings():
    gibbs = get_template("gibbs")
    assert gibbs.is_prefill(gibbs.prefill() + "\n\n")
    assert not gibbs.is_prefill(gibbs.prefill() + "She cried.")
    assert gibbs.hint_for("## Feelings") == "What were you thinking and feeling?"
    assert gibbs.hint_for("## Something else") == ""


@pytest.mark.parametrize(
    "data, reason",
    [
        ({}, "no label"),
        ({"label": "X", "narrative": "poem"}, "narrative must be"),
        ({"label": "X", "sections": ["narrative", "horoscope"]}, "unknown sections"),
        ({"label": "X", "sections": ["session"]}, "must show the narrative"),
    ],
)
def test_bad_templates_are_refused_with_a_reason(data, reason):
    with pytest.raises(TemplateError, match=reason):
        parse_template("bad", data)
