"""What keeps coming back: theme counts over time and recurring themes per client.

Pure functions over plain records ``(entry_id, date, client_id_or_None, [theme ids])`` so the
store and the journal can feed them however they like. DC-S pattern summaries over entries live in
:mod:`reflect.core.themes.dcs_patterns` and are re-exported here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reflect.core.themes.dcs_patterns import (
    ControlPattern,
    EipiBalance,
    OvertimePattern,
    StressPattern,
    control_pattern,
    eipi_balance,
    overtime_pattern,
    stress_pattern,
)

Record = tuple[str, date | datetime, str | None, Sequence[str]]

__all__ = [
    "ControlPattern",
    "EipiBalance",
    "OvertimePattern",
    "Record",
    "Recurrence",
    "StressPattern",
    "control_pattern",
    "counts_by_month",
    "counts_by_month_per_client",
    "eipi_balance",
    "overtime_pattern",
    "recurring",
    "stress_pattern",
]


@dataclass(frozen=True)
class Recurrence:
    """``theme`` appeared in ``count`` of the client's last ``of_sessions`` sessions."""

    client: str
    theme: str
    count: int
    of_sessions: int
    first: date  # the earliest of those sessions that had the theme
    last: date  # the latest one


def _day(d: date | datetime) -> date:
    return d.date() if isinstance(d, datetime) else d


def _month(d: date | datetime) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def counts_by_month(records: Iterable[Record]) -> dict[str, dict[str, int]]:
    """theme -> {"YYYY-MM": number of entries with that theme}, months in order.

    A theme listed twice on one entry counts once.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _, when, _, themes in records:
        for theme in set(themes):
            counts[theme][_month(when)] += 1
    return {t: dict(sorted(c.items())) for t, c in sorted(counts.items())}


def counts_by_month_per_client(
    records: Iterable[Record],
) -> dict[str | None, dict[str, dict[str, int]]]:
    """client (None for general reflections) -> theme -> {"YYYY-MM": count}."""
    by_client: dict[str | None, list[Record]] = defaultdict(list)
    for record in records:
        by_client[record[2]].append(record)
    return {client: counts_by_month(rows) for client, rows in by_client.items()}


def recurring(
    records: Iterable[Record], window: int = 5, min_count: int = 3
) -> list[Recurrence]:
    """Themes that appear in at least ``min_count`` of a client's last ``window`` sessions.

    Entries without a client (general reflections) are not sessions and are left out. Sessions
    are ordered by date, then by entry id so the result does not depend on input order. Sorted by
    count (highest first), then client and theme.
    """
    if window < 1 or min_count < 1:
        raise ValueError("window and min_count must be at least 1")
    sessions: dict[str, list[tuple[date | datetime, str, Sequence[str]]]] = defaultdict(list)
    for entry_id, when, client, themes in records:
        if client is not None:
            sessions[client].append((when, entry_id, themes))
    out = []
    for client, rows in sessions.items():
        rows.sort(key=lambda r: (_sort_key(r[0]), r[1]))
        recent = rows[-window:]
        dates_by_theme: dict[str, list[date]] = defaultdict(list)
        for when, _, themes in recent:
            for theme in set(themes):
                dates_by_theme[theme].append(_day(when))
        for theme, dates in dates_by_theme.items():
            if len(dates) >= min_count:
                out.append(Recurrence(client, theme, len(dates), len(recent), dates[0], dates[-1]))
    out.sort(key=lambda r: (-r.count, r.client, r.theme))
    return out


def _sort_key(d: date | datetime) -> datetime:
    return d if isinstance(d, datetime) else datetime(d.year, d.month, d.day)
