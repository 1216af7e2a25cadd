"""What the theme engine answers: each entry's themes, the practitioner's decisions applied.

The practitioner always wins: a theme they rejected on an entry never comes back there, one
they accepted or added stays whatever detection says (:func:`decide`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reflect.core.model import Entry
from reflect.core.themes.detector import Evidence, ThemeHit
from reflect.core.themes.recurrence import Recurrence, counts_by_month

AUTO, USER = "auto", "user"
SUGGESTED, ACCEPTED, ADDED = "suggested", "accepted", "added"


@dataclass(slots=True)
class EntryTheme:
    theme: str
    label: str
    score: float
    source: str  # "auto": detection found it; "user": only the practitioner's hand
    status: str  # "suggested" (detected, not yet decided), "accepted", or "added" by hand
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class EntryAnalysis:
    entry_id: str
    date: datetime
    client_id: str | None
    themes: list[EntryTheme]

    def ids(self) -> list[str]:
        return [t.theme for t in self.themes]


@dataclass
class JournalThemes:
    entries: list[EntryAnalysis]  # oldest first
    recurring: list[Recurrence]
    labels: dict[str, str]

    def records(self):
        return [(a.entry_id, a.date, a.client_id, a.ids()) for a in self.entries]

    def counts_for(self, entry_ids: Sequence[str]) -> list[tuple[str, int]] | None:
        """(theme label, entries) over these entries, most frequent first, as a brief counts
        them; None when some entry is not in this analysis (then a brief works them out)."""
        by_id = {a.entry_id: a for a in self.entries}
        if not entry_ids or any(i not in by_id for i in entry_ids):
            return None
        counts: dict[str, int] = {}
        for i in entry_ids:
            for t in by_id[i].themes:
                counts[t.label] = counts.get(t.label, 0) + 1
        return sorted(counts.items(), key=lambda kv: -kv[1])  # stable: first seen first on ties

    def counts_by_month(self) -> dict[str, dict[str, int]]:
        """theme -> {"YYYY-MM": entries}."""
        return counts_by_month(self.records())

    def grid(self) -> dict[tuple[str | None, str], list[EntryAnalysis]]:
        """(client id, theme) -> the entries where it appears: the heat map's cells."""
        cells: dict[tuple[str | None, str], list[EntryAnalysis]] = defaultdict(list)
        for a in self.entries:
            for t in a.themes:
                cells[(a.client_id, t.theme)].append(a)
        return dict(cells)


def entry_analysis(entry: Entry, hits: list[ThemeHit], labels: dict[str, str]) -> EntryAnalysis:
    """One entry's analysis from what detection found in it (see :func:`decide`)."""
    return EntryAnalysis(entry.id or "", entry.date, entry.client_id, decide(entry, hits, labels))


def decide(entry: Entry, hits: list[ThemeHit], labels: dict[str, str]) -> list[EntryTheme]:
    """An entry's themes: what detection found (``hits``), overruled by the practitioner."""
    if not entry.themes and not entry.rejected_themes:  # most entries: nothing decided yet
        return [EntryTheme(h.theme, labels.get(h.theme, h.theme), h.score, AUTO, SUGGESTED,
                           h.evidence) for h in hits]
    rejected = set(entry.rejected_themes)
    chosen = list(dict.fromkeys(entry.themes))
    out: list[EntryTheme] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.theme in rejected:
            continue
        status = ACCEPTED if hit.theme in chosen else SUGGESTED
        # the evidence: each stretch once, in reading order (the detector's)
        out.append(EntryTheme(hit.theme, labels.get(hit.theme, hit.theme), hit.score, AUTO,
                              status, hit.evidence))
        seen.add(hit.theme)
    for theme in chosen:
        if theme not in seen and theme not in rejected:
            out.append(EntryTheme(theme, labels.get(theme, theme.replace("_", " ")), 1.0, USER,
                                  ADDED))
    return out
