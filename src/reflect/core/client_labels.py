"""What the lists call each client: their alias (often initials, for privacy on screen) or name,
told apart when two clients would otherwise look identical.

Two clients shown as "M." get the month of their first session ("M. · since Mar 2026"), which
says nothing about who they are; when that does not tell them apart either, a number does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from reflect.core.model import EntrySummary, Person


def distinct_labels(clients: Iterable[Person], summaries: Iterable[EntrySummary]) -> dict[str, str]:
    """client id -> the label the lists show; no two clients share one (compared ignoring case)."""
    clients = list(clients)
    first: dict[str, datetime] = {}
    for s in summaries:
        if s.client_id and (s.client_id not in first or s.date < first[s.client_id]):
            first[s.client_id] = s.date
    groups: dict[str, list[Person]] = defaultdict(list)
    for p in clients:
        groups[p.display.strip().casefold()].append(p)
    labels = {p.id: p.display for p in clients}
    for same in groups.values():
        if len(same) < 2:
            continue
        same.sort(key=lambda p: (first.get(p.id) or datetime.max, p.id))
        months = [first[p.id].strftime("%b %Y") if p.id in first else "" for p in same]
        for number, (p, month) in enumerate(zip(same, months, strict=True), start=1):
            if month and months.count(month) == 1:
                labels[p.id] = f"{p.display} · since {month}"
            else:
                labels[p.id] = f"{p.display} ({number})"
    return labels
