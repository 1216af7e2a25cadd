"""Themes of a whole journal: detection, the practitioner's decisions, and recurrence.

The practitioner always wins: a theme they rejected on an entry never comes back there, one
they accepted or added stays whatever detection says. Everything here reads through
``reflect.core.journal.Journal``. Besides the decisions, the journal keeps (encrypted) what
detection found in each entry (:mod:`.cache`), so a whole-journal analysis detects only the
entries that changed since; the many that did are shared with worker processes (:mod:`.parallel`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from reflect.core.bulk import gc_paused
from reflect.core.journal import Journal
from reflect.core.model import Entry
from reflect.core.themes.cache import KeptResults, compact, detector_key
from reflect.core.themes.detector import Evidence, ThemeDetector, ThemeHit
from reflect.core.themes.parallel import detect_many, warm_up
from reflect.core.themes.recurrence import Recurrence, counts_by_month, recurring

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


def detector_for(journal: Journal) -> ThemeDetector:
    """The built-in themes plus the practitioner's own."""
    return detector_with(journal.user_themes())


def detector_with(user_themes: list[dict]) -> ThemeDetector:
    """The built-in themes plus these of the practitioner's (as ``Journal.user_themes()``)."""
    detector = ThemeDetector.builtin()
    return detector.with_user_themes(user_themes) if user_themes else detector


def analyse_entry(entry: Entry, detector: ThemeDetector) -> list[EntryTheme]:
    return decide(entry, detector.detect_entry(entry), theme_labels(detector))


def entry_analysis(entry: Entry, hits: list[ThemeHit], labels: dict[str, str]) -> EntryAnalysis:
    """One entry's analysis from what detection found in it (see :func:`decide`)."""
    return EntryAnalysis(entry.id or "", entry.date, entry.client_id, decide(entry, hits, labels))


def theme_labels(detector: ThemeDetector) -> dict[str, str]:
    return {t.id: t.label for t in detector.themes}


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


def analyse_many(
    entries: Sequence[Entry],
    detector: ThemeDetector,
    *,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    kept: KeptResults | None = None,
    here: bool = True,
) -> list[EntryAnalysis] | None:
    """Each entry's themes, in the same order. Results ``kept`` in the journal are used where
    the entry is unchanged (and new ones added to it, for :meth:`KeptResults.keep`); the rest
    is detected, shared with worker processes when there are many (:mod:`.parallel`;
    ``workers`` says how many, default: one per spare core; ``here=False`` leaves it all to
    them). None when ``cancelled()``."""
    with gc_paused():
        fields = [e.texts() for e in entries]
        hits: list[list[ThemeHit] | None] = [None] * len(entries)
        if kept is not None:
            for i, e in enumerate(entries):
                hits[i] = kept.lookup(e.id, fields[i])
        todo = [i for i, h in enumerate(hits) if h is None]
        found = detect_many(detector, [fields[i] for i in todo], cancelled=cancelled,
                            workers=workers, here=here)
        if found is None:
            return None
        for i, h in zip(todo, found, strict=True):
            hits[i] = h
            if kept is not None:
                kept.remember(entries[i].id, fields[i], compact(h))
        labels = theme_labels(detector)
        return [entry_analysis(e, h or [], labels) for e, h in zip(entries, hits, strict=True)]


def analyse_entries(
    entries: Iterable[Entry],
    detector: ThemeDetector,
    *,
    window: int = 5,
    min_count: int = 3,
    kept: KeptResults | None = None,
) -> JournalThemes:
    analysed = analyse_many(sorted(entries, key=lambda e: e.date), detector, kept=kept)
    assert analysed is not None  # nothing can cancel it
    result = JournalThemes(analysed, [], theme_labels(detector))
    result.recurring = recurring(result.records(), window=window, min_count=min_count)
    return result


def analyse_journal(
    journal: Journal,
    *,
    client_id: str | None = None,
    window: int = 5,
    min_count: int = 3,
    detector: ThemeDetector | None = None,
) -> JournalThemes:
    """Every entry (or one client's) with its themes, and what recurs per client."""
    detector = detector or detector_for(journal)
    kept = KeptResults.read(journal, detector)
    warm_up(journal.entry_count() - len(kept.known))
    entries = journal.entries(client_id=client_id) if client_id else journal.entries()
    result = analyse_entries(entries, detector, window=window, min_count=min_count, kept=kept)
    kept.keep(journal)  # for next time (nothing, if the journal is open read-only)
    return result


KEEP_AT_IMPORT = 100  # fewer new entries are found in no time whenever the themes are next shown


def keep_themes_of(journal: Journal, entry_ids: Sequence[str]) -> int:
    """Detect the themes of these entries now and keep them in the journal (after a large
    import), so the next whole-journal analysis has nothing left to do. Returns how many."""
    if len(entry_ids) < KEEP_AT_IMPORT:
        return 0
    detector = detector_for(journal)
    warm_up(len(entry_ids))
    kept = KeptResults(detector_key(detector))
    analyse_many(journal.entries(ids=entry_ids), detector, kept=kept)
    return kept.keep(journal)
