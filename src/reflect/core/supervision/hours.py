"""Supervision hours per month and per year, by kind of meeting: what many professions ask a
practitioner to log for registration. Exported as CSV."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from reflect.core.journal import Journal

from .log import SupervisionLog
from .model import Meeting, MeetingKind

ALL_KINDS = "all kinds"


@dataclass(frozen=True)
class HoursRow:
    period: str  # "2026-03" (a month) or "2026" (a year)
    kind: str  # a MeetingKind's value, or "all kinds"
    meetings: int
    minutes: int

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


def hours_rows(meetings: list[Meeting], *, by: str = "month", year: int | None = None) -> list[HoursRow]:
    """One row per period and kind (kinds with no meeting left out) and one for all kinds,
    oldest period first. ``by`` is "month" or "year"; ``year`` keeps just that year.
    A meeting with no duration counts as a meeting of 0 minutes."""
    if by not in ("month", "year"):
        raise ValueError("hours are counted by month or by year")
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for m in meetings:
        if year is not None and m.date.year != year:
            continue
        period = f"{m.date.year:04d}" if by == "year" else f"{m.date.year:04d}-{m.date.month:02d}"
        for kind in (str(m.kind), ALL_KINDS):
            counts[(period, kind)][0] += 1
            counts[(period, kind)][1] += m.minutes or 0
    order = {str(k): i for i, k in enumerate(MeetingKind)} | {ALL_KINDS: len(MeetingKind)}
    keys = sorted(counts, key=lambda pk: (pk[0], order[pk[1]]))
    return [HoursRow(p, k, counts[(p, k)][0], counts[(p, k)][1]) for p, k in keys]


def supervision_hours(journal: Journal, *, by: str = "month", year: int | None = None) -> list[HoursRow]:
    return hours_rows(SupervisionLog(journal).meetings(), by=by, year=year)


def hours_csv(rows: list[HoursRow]) -> str:
    """period,kind,meetings,hours — hours to two decimals, as a spreadsheet reads them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "kind", "meetings", "hours"])
    for r in rows:
        writer.writerow([r.period, r.kind, r.meetings, f"{r.hours:.2f}"])
    return out.getvalue()
