"""Recurrence over time and Demand-Control pattern summaries (pure functions)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from reflect.core.model import Control, Demand, DemandCategory, Entry, Stance, Timing
from reflect.core.themes.recurrence import (
    Recurrence,
    control_pattern,
    counts_by_month,
    counts_by_month_per_client,
    eipi_balance,
    overtime_pattern,
    recurring,
    stress_pattern,
)


def sessions(client, themes_per_session, start_day=1):
    return [
        (f"{client}-{i}", date(2026, 1, start_day) + timedelta(days=7 * i), client, themes)
        for i, themes in enumerate(themes_per_session)
    ]


def test_theme_in_three_of_last_five_sessions_recurs():
    recs = sessions("c1", [["boundaries"], [], ["boundaries"], ["money"], ["boundaries"]])
    assert recurring(recs) == [
        Recurrence("c1", "boundaries", 3, 5, date(2026, 1, 1), date(2026, 1, 29))
    ]


def test_only_the_last_window_sessions_count():
    # boundaries three times, but two of them are older than the last five sessions
    recs = sessions("c1", [["boundaries"], ["boundaries"], [], [], ["boundaries"], [], []])
    assert recurring(recs, window=5, min_count=3) == []
    assert recurring(recs, window=7, min_count=3)[0].count == 3


def test_input_order_does_not_matter_and_clients_are_separate():
    recs = sessions("a", [["safety"]] * 3) + sessions("b", [["safety"], [], []])
    result = recurring(list(reversed(recs)))
    assert [(r.client, r.theme, r.count, r.of_sessions) for r in result] == [("a", "safety", 3, 3)]


def test_general_reflections_are_not_sessions():
    recs = [(f"g{i}", date(2026, 2, i + 1), None, ["burnout"]) for i in range(5)]
    assert recurring(recs) == []


def test_a_theme_listed_twice_on_one_entry_counts_once():
    recs = sessions("c", [["money", "money"], ["money"], []])
    assert recurring(recs, min_count=3) == []


def test_bad_window_is_refused():
    with pytest.raises(ValueError):
        recurring([], window=0)


def test_counts_by_month_overall_and_per_client():
    recs = [
        ("1", datetime(2026, 1, 5, 9), "a", ["money", "endings"]),
        ("2", datetime(2026, 1, 20, 9), "b", ["money"]),
        ("3", datetime(2026, 2, 2, 9), "a", ["money"]),
        ("4", datetime(2026, 2, 3, 9), None, ["burnout"]),
    ]
    assert counts_by_month(recs) == {
        "burnout": {"2026-02": 1},
        "endings": {"2026-01": 1},
        "money": {"2026-01": 2, "2026-02": 1},
    }
    per = counts_by_month_per_client(recs)
    assert per["a"]["money"] == {"2026-01": 1, "2026-02": 1}
    assert per[None] == {"burnout": {"2026-02": 1}}


def entry(day, demands=(), controls=(), before=None, after=None, planned=None, actual=None):
    return Entry(
        date=datetime(2026, 3, day), narrative="x",
        demands=[Demand(DemandCategory(c), "d") for c in demands],
        controls=[Control(Timing(t), "c", Stance(s) if s else None) for t, s in controls],
        stress_before=before, stress_after=after,
        planned_minutes=planned, actual_minutes=actual,
    )


def test_eipi_balance_counts_and_shares():
    b = eipi_balance([entry(1, ["interpersonal", "interpersonal", "intrapersonal"]),
                      entry(2, ["environmental"])])
    assert b.total == 4 and b.dominant == "interpersonal"
    assert b.counts == {"environmental": 1, "interpersonal": 2, "paralinguistic": 0,
                        "intrapersonal": 1}
    assert b.shares["interpersonal"] == pytest.approx(0.5)
    assert eipi_balance([]).dominant is None


def test_controls_summary_names_the_usual_stance_and_timing():
    p = control_pattern([
        entry(1, controls=[("during", "conservative"), ("during", "conservative")]),
        entry(2, controls=[("post", "liberal"), ("during", None)]),
    ])
    assert p.grid[("during", "conservative")] == 2 and p.grid[("during", "unset")] == 1
    assert p.summary == "mostly conservative, during"
    mixed = control_pattern([entry(1, controls=[("pre", "liberal"), ("post", "conservative"),
                                                ("during", "neutral")])])
    assert mixed.summary.startswith("mixed stances") and "spread across timings" in mixed.summary
    assert control_pattern([]).summary == "no controls yet"


def test_stress_change_and_trend():
    rising = [entry(d, before=3, after=3 + d) for d in (1, 2, 3, 4)]
    s = stress_pattern(list(reversed(rising)))
    assert s.sessions == 4 and s.mean_change == pytest.approx(2.5) and s.trend == "rising"
    assert s.changes == [1, 2, 3, 4]
    assert stress_pattern([entry(1, before=5, after=3)] * 3).trend == "steady"
    assert stress_pattern([entry(1)]).trend == "not enough data"


def test_overtime_share_and_trend():
    es = [entry(1, planned=50, actual=50), entry(2, planned=50, actual=50),
          entry(3, planned=50, actual=70), entry(4, planned=50, actual=65), entry(5)]
    o = overtime_pattern(es)
    assert (o.sessions, o.overtime_sessions) == (4, 2)
    assert o.share == pytest.approx(0.5) and o.mean_minutes_over == pytest.approx(8.75)
    assert o.trend == "rising"
    assert overtime_pattern([]).share is None
