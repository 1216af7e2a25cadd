"""Demand-Control patterns over a run of entries: what demands, what controls, what it cost.

Pure functions over :class:`~reflect.core.model.Entry` objects: the balance of EIPI demand
categories, controls by timing and stance (with a one-line summary such as "mostly conservative,
during"), stress before and after, and running over time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean

from reflect.core.model import DemandCategory, Entry, Stance, Timing

_MOSTLY = 0.5  # a share above this makes one kind "mostly"
_FLAT = 0.1  # slope per session below which a trend is "steady"


@dataclass(frozen=True)
class EipiBalance:
    counts: dict[str, int]
    shares: dict[str, float]
    total: int
    dominant: str | None  # the category with most demands, or None if there are none


@dataclass(frozen=True)
class ControlPattern:
    grid: dict[tuple[str, str], int]  # (timing, stance) -> count; stance "unset" if none given
    by_timing: dict[str, int]
    by_stance: dict[str, int]
    total: int
    summary: str


@dataclass(frozen=True)
class StressPattern:
    sessions: int  # entries with both a before and an after rating
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None  # after - before; positive means sessions left you more stressed
    trend: str  # "rising", "falling", "steady" or "not enough data"
    changes: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class OvertimePattern:
    sessions: int  # entries with planned and actual minutes
    overtime_sessions: int
    share: float | None
    mean_minutes_over: float | None  # over all timed sessions
    trend: str  # share in the later half vs the earlier half: "rising", "falling", "steady"


def eipi_balance(entries: Iterable[Entry]) -> EipiBalance:
    counts = {c.value: 0 for c in DemandCategory}
    for entry in entries:
        for demand in entry.demands:
            counts[DemandCategory(demand.category).value] += 1
    total = sum(counts.values())
    shares = {k: (v / total if total else 0.0) for k, v in counts.items()}
    dominant = max(counts, key=lambda k: counts[k]) if total else None
    return EipiBalance(counts, shares, total, dominant)


def control_pattern(entries: Iterable[Entry]) -> ControlPattern:
    grid: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        for control in entry.controls:
            stance = Stance(control.stance).value if control.stance else "unset"
            grid[(Timing(control.timing).value, stance)] += 1
    by_timing = {t.value: 0 for t in Timing}
    by_stance = {s.value: 0 for s in Stance}
    for (timing, stance), n in grid.items():
        by_timing[timing] += n
        by_stance[stance] = by_stance.get(stance, 0) + n
    total = sum(grid.values())
    return ControlPattern(dict(grid), by_timing, by_stance, total, _summary(by_timing, by_stance))


def _summary(by_timing: dict[str, int], by_stance: dict[str, int]) -> str:
    rated = {k: v for k, v in by_stance.items() if k != "unset"}
    timed = sum(by_timing.values())
    if not timed:
        return "no controls yet"
    stance_total = sum(rated.values())
    if stance_total:
        top = max(rated, key=lambda k: rated[k])
        share = rated[top] / stance_total
        stance = f"mostly {top}" if share > _MOSTLY else f"mixed stances, leaning {top}"
    else:
        stance = "stance not recorded"
    top_t = max(by_timing, key=lambda k: by_timing[k])
    timing = top_t if by_timing[top_t] / timed > _MOSTLY else f"spread across timings, most {top_t}"
    return f"{stance}, {timing}"


def _slope(values: Sequence[float]) -> float:
    n = len(values)
    xs = range(n)
    mx, my = (n - 1) / 2, mean(values)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, values, strict=True)) / var


def _trend(values: Sequence[float], flat: float = _FLAT) -> str:
    if len(values) < 3:
        return "not enough data"
    slope = _slope(values)
    if slope > flat:
        return "rising"
    if slope < -flat:
        return "falling"
    return "steady"


def stress_pattern(entries: Iterable[Entry]) -> StressPattern:
    """Mean stress before/after and the trend of (after - before) over time, oldest first."""
    rated = sorted(
        (e for e in entries if e.stress_before is not None and e.stress_after is not None),
        key=lambda e: e.date,
    )
    if not rated:
        return StressPattern(0, None, None, None, "not enough data", [])
    changes = [e.stress_change for e in rated]  # type: ignore[misc]
    return StressPattern(
        sessions=len(rated),
        mean_before=round(mean(e.stress_before for e in rated), 2),  # type: ignore[misc]
        mean_after=round(mean(e.stress_after for e in rated), 2),  # type: ignore[misc]
        mean_change=round(mean(changes), 2),
        trend=_trend(changes),
        changes=changes,
    )


def overtime_pattern(entries: Iterable[Entry]) -> OvertimePattern:
    """How often sessions ran over, and whether that is getting more or less frequent."""
    timed = sorted(
        (e for e in entries if e.planned_minutes is not None and e.actual_minutes is not None),
        key=lambda e: e.date,
    )
    if not timed:
        return OvertimePattern(0, 0, None, None, "not enough data")
    over = [1.0 if e.overtime_minutes > 0 else 0.0 for e in timed]
    trend = "not enough data"
    if len(timed) >= 4:
        half = len(over) // 2
        early, late = mean(over[:half]), mean(over[half:])
        trend = "rising" if late - early > _FLAT else "falling" if early - late > _FLAT else "steady"
    return OvertimePattern(
        sessions=len(timed),
        overtime_sessions=int(sum(over)),
        share=round(mean(over), 3),
        mean_minutes_over=round(mean(e.overtime_minutes for e in timed), 2),
        trend=trend,
    )
