"""The themes of the open journal, kept up to date without slowing the window.

``ThemesAnalysis`` reads the journal a slice per turn of the event loop (the theme engine's
``reader``), taking each unchanged entry's themes from those the journal kept; the entries left
are detected on the thread pool (``workers.run_in_background``), in worker processes when there
are many, and what was new is written back a batch at a time. It then keeps one result per
entry in memory: after a save only that entry is detected again (``analyse_entry``, a few ms)
and recurrence is recomputed from the kept results, which is cheap. A brief asks this analysis
for its themes (``result.counts_for``) rather than detecting them again. Results are applied on the UI thread; a lock drops them all (``clear``), and a
result that arrives after a lock or a newer start is thrown away (the generation number).

It keeps up with the journal by itself, from the window's one change signal: entries saved or
decided are detected again, entries gone are dropped, and recurrence is recomputed when people
or the settings (the recurrence rule) change.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal

from reflect.core.changes import ENTRIES, PEOPLE, SETTINGS, THEMES
from reflect.core.model import Entry
from reflect.core.themes import (
    EntryAnalysis,
    JournalReader,
    JournalThemes,
    KeptResults,
    ThemeEngine,
    engine_for,
)
from reflect.ui import workers

KEEP_BATCH = 200  # detection results written per turn of the event loop (~10 ms)


class ThemesAnalysis(QObject):
    """Signals: ``analysing`` when work starts, ``updated`` with fresh results, ``cleared``."""

    analysing = Signal()
    updated = Signal()
    cleared = Signal()
    failed = Signal(str)

    def __init__(self, settings, events=None, parent=None) -> None:
        super().__init__(parent)
        if events is not None:
            events.journalChanged.connect(self._journal_changed)
        self.settings = settings
        self.journal = None
        self.result: JournalThemes | None = None
        self.entries: dict[str, Entry] = {}
        self._analyses: dict[str, EntryAnalysis] = {}
        self._engine: ThemeEngine | None = None
        self._generation = 0
        self._pending: set[str] = set()  # saved while the whole journal was being analysed
        self._cancelled = threading.Event()
        self.busy = False

    # --- lifecycle --------------------------------------------------------------------------

    def start(self, journal) -> None:
        """Analyse the whole journal: read it a slice per turn of the event loop (the window
        stays quick), then detect what changed since the themes the journal kept, off the UI
        thread."""
        self.clear()
        self.journal = journal
        self.busy = True
        generation = self._generation
        self._cancelled = threading.Event()
        self.analysing.emit()
        try:
            reader = engine_for(journal).reader(journal)  # its workers get ready as it reads
        except Exception as exc:  # shown in the themes window
            self._failed(generation, exc)
            return
        QTimer.singleShot(0, lambda: self._read_some(generation, reader))

    def _read_some(self, generation: int, reader: JournalReader) -> None:
        if generation != self._generation or self.journal is None or not self.journal.is_open:
            return
        try:
            done = reader.step()
        except Exception as exc:  # shown in the themes window
            self._failed(generation, exc)
            return
        if not done:
            QTimer.singleShot(0, lambda: self._read_some(generation, reader))
        elif not reader.todo:
            self._loaded(generation, reader)
        else:
            cancelled = self._cancelled
            workers.run_in_background(lambda: reader.detect(cancelled),
                                      lambda found: self._take_some(generation, reader, found, 0),
                                      lambda exc: self._failed(generation, exc))

    def _take_some(self, generation: int, reader: JournalReader, found: list[list] | None,
                   start: int) -> None:
        if generation != self._generation or found is None:
            return
        done = reader.take(found, start)
        if done < len(found):
            QTimer.singleShot(0, lambda: self._take_some(generation, reader, found, done))
        else:
            self._loaded(generation, reader)

    def clear(self) -> None:
        """Lock: drop every result (they hold journal content) and ignore work still running
        (detection under way stops, and its worker processes with it)."""
        self._cancelled.set()
        self._generation += 1
        self.journal = None
        self.result = None
        self.entries = {}
        self._analyses = {}
        self._engine = None
        self._pending = set()
        self.busy = False
        self.cleared.emit()

    def _loaded(self, generation: int, reader: JournalReader) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self._engine = reader.engine
        self.entries = reader.entries
        self._analyses = reader.analyses
        if reader.kept.fresh:
            self._keep(generation, reader.kept)
        pending, self._pending = self._pending, set()
        for entry_id in pending:
            self._reanalyse(entry_id)
        self.recompute()

    def _keep(self, generation: int, kept: KeptResults) -> None:
        """Write what was newly detected into the journal, a batch per turn of the event loop,
        on the UI thread (the one that writes the journal), until a lock or a newer analysis."""
        if generation != self._generation or self.journal is None or not self.journal.is_open:
            return
        kept.keep(self.journal, KEEP_BATCH)
        if kept.fresh:
            QTimer.singleShot(0, lambda: self._keep(generation, kept))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self.failed.emit(str(exc))

    # --- keeping up with the journal ----------------------------------------------------------

    def _journal_changed(self, what, _origin) -> None:
        if self.journal is None:
            return
        if what.entries and (ENTRIES in what or THEMES in what):
            self.entries_changed(what.entries)
        elif ENTRIES in what:
            self.keep_only(set(self.journal.entry_ids()))
        if PEOPLE in what or SETTINGS in what:
            self.recompute()  # client names and the recurrence rule show in the results

    def entries_changed(self, entry_ids) -> None:
        """Saved, decided or deleted entries: detect them again (or drop them), then recompute."""
        if self.journal is None:
            return
        if self.busy:
            self._pending.update(entry_ids)
            return
        for entry_id in entry_ids:
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
        self._analyses[entry_id] = self._engine.analyse_entry(entry)

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
        if self._engine is None:
            return
        analysed = sorted(self._analyses.values(), key=lambda a: (a.date, a.entry_id))
        window = self.settings.recurring_window
        result = self._engine.summary(analysed, window=window,
                                      min_count=min(self.settings.recurring_min_count, window))
        for a in analysed:  # a theme added by hand that is no longer one of the journal's
            for t in a.themes:
                result.labels.setdefault(t.theme, t.label)
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
