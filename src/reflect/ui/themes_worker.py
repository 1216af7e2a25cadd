"""The themes of the open journal, kept up to date off the UI thread.

``ThemesAnalysis`` compiles the detector and analyses every entry on the thread pool
(``workers.run_in_background``; detection results the journal kept are used for unchanged
entries, the rest detected on every core, and what was new is written back on the UI thread),
then keeps one result per entry in memory: after a save only that entry is
detected again (``analyse_entry``, a few ms) and recurrence is recomputed from the kept results,
which is cheap. Results are applied on the UI thread; a lock drops them all (``clear``), and a
result that arrives after a lock or a newer start is thrown away (the generation number).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reflect.core.model import Entry
from reflect.core.themes.analysis import (
    EntryAnalysis,
    JournalThemes,
    analyse_entry,
    analyse_many,
)
from reflect.core.themes.cache import KeptResults
from reflect.core.themes.detector import ThemeDetector
from reflect.core.themes.parallel import warm_up
from reflect.core.themes.recurrence import recurring
from reflect.ui import workers


@dataclass
class _Loaded:
    detector: object
    entries: dict[str, Entry]
    analyses: dict[str, EntryAnalysis]
    kept: KeptResults


def _load(journal, reading: threading.Lock, cancelled: threading.Event) -> _Loaded | None:
    """Runs on a pool thread: read every entry and the detection results the journal kept,
    compile the detector, analyse what changed.

    The journal is read while holding ``reading``: a lock waits for that before the journal
    closes, so its key is never wiped under a read. Analysis itself stops at a lock."""
    with reading:
        if cancelled.is_set() or not journal.is_open:
            return None
        user = journal.user_themes()
        rows = journal.kept_theme_results()
        warm_up(journal.entry_count() - len(rows))  # workers get ready while entries are read
        entries = {e.id: e for e in journal.entries() if e.id}
    detector = ThemeDetector.builtin()
    if user:
        detector = detector.with_user_themes(user)
    kept = KeptResults.of(detector, rows)
    analysed = analyse_many(list(entries.values()), detector, cancelled=cancelled.is_set,
                            kept=kept)
    if analysed is None:
        return None
    return _Loaded(detector, entries, {a.entry_id: a for a in analysed}, kept)


class ThemesAnalysis(QObject):
    """Signals: ``analysing`` when work starts, ``updated`` with fresh results, ``cleared``."""

    analysing = Signal()
    updated = Signal()
    cleared = Signal()
    failed = Signal(str)

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.journal = None
        self.result: JournalThemes | None = None
        self.entries: dict[str, Entry] = {}
        self._analyses: dict[str, EntryAnalysis] = {}
        self._detector = None
        self._generation = 0
        self._pending: set[str] = set()  # saved while the whole journal was being analysed
        self._reading = threading.Lock()
        self._cancelled = threading.Event()
        self.busy = False

    # --- lifecycle --------------------------------------------------------------------------

    def start(self, journal) -> None:
        """Analyse the whole journal in the background (after an unlock)."""
        self.clear()
        self.journal = journal
        self.busy = True
        generation = self._generation
        cancelled = self._cancelled = threading.Event()
        self.analysing.emit()
        workers.run_in_background(lambda: _load(journal, self._reading, cancelled),
                                  lambda loaded: self._loaded(generation, loaded),
                                  lambda exc: self._failed(generation, exc))

    def clear(self) -> None:
        """Lock: drop every result (they hold journal content) and ignore work still running.

        Returns once no background read of the journal is under way (the journal may close)."""
        self._cancelled.set()
        with self._reading:
            pass
        self._generation += 1
        self.journal = None
        self.result = None
        self.entries = {}
        self._analyses = {}
        self._detector = None
        self._pending = set()
        self.busy = False
        self.cleared.emit()

    def _loaded(self, generation: int, loaded: _Loaded | None) -> None:
        if generation != self._generation or loaded is None:
            return
        self.busy = False
        self._detector = loaded.detector
        self.entries = loaded.entries
        self._analyses = loaded.analyses
        if self.journal is not None and self.journal.is_open and loaded.kept.fresh:
            loaded.kept.keep(self.journal)  # here, on the thread that writes the journal
        pending, self._pending = self._pending, set()
        for entry_id in pending:
            self._reanalyse(entry_id)
        self.recompute()

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self.failed.emit(str(exc))

    # --- keeping up with the journal ----------------------------------------------------------

    def entry_saved(self, entry_id: str) -> None:
        if self.journal is None:
            return
        if self.busy:
            self._pending.add(entry_id)
            return
        self._reanalyse(entry_id)
        self.recompute()

    def _reanalyse(self, entry_id: str) -> None:
        found = self.journal.entries(ids=[entry_id]) if self.journal.is_open else []
        if not found:
            self.entries.pop(entry_id, None)
            self._analyses.pop(entry_id, None)
            return
        entry = found[0]
        self.entries[entry_id] = entry
        self._analyses[entry_id] = EntryAnalysis(entry_id, entry.date, entry.client_id,
                                                 analyse_entry(entry, self._detector))

    def keep_only(self, entry_ids: set[str]) -> None:
        """After a delete or a forgotten client: drop results of entries no longer there."""
        if self.busy or self.journal is None:
            return
        gone = set(self._analyses) - entry_ids
        for entry_id in gone:
            self._analyses.pop(entry_id, None)
            self.entries.pop(entry_id, None)
        if gone:
            self.recompute()

    def recompute(self) -> None:
        """Recurrence and counts from the kept per-entry results, with the current rule."""
        if self._detector is None:
            return
        analysed = sorted(self._analyses.values(), key=lambda a: (a.date, a.entry_id))
        labels = {t.id: t.label for t in self._detector.themes}
        for a in analysed:
            for t in a.themes:
                labels.setdefault(t.theme, t.label)
        result = JournalThemes(analysed, [], labels)
        window = self.settings.recurring_window
        result.recurring = recurring(result.records(), window=window,
                                     min_count=min(self.settings.recurring_min_count, window))
        self.result = result
        self.updated.emit()

    # --- what views ask ------------------------------------------------------------------------

    def recurring_by_client(self) -> dict[str, list[tuple[str, int, int]]]:
        """client id -> [(theme label, count, of sessions)], strongest first."""
        out: dict[str, list[tuple[str, int, int]]] = {}
        if self.result is None:
            return out
        for r in self.result.recurring:
            label = self.result.labels.get(r.theme, r.theme)
            out.setdefault(r.client, []).append((label, r.count, r.of_sessions))
        return out
