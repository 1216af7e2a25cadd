"""Reading a whole journal for its themes a slice at a time, on the UI thread.

Reading and decrypting ten thousand entries is most of a second of Python. Done on a
background thread, it would share the interpreter with the window, which needs it back at
every call into Qt, and typing would stutter while it lasts. So the app reads a slice of
entries per turn of the event loop instead (a few milliseconds each; keys and paints come
first), and takes each entry's themes from those the journal kept where the entry has not
changed. Only the entries left over need detecting, which happens in worker processes
(:mod:`reflect.core.themes.parallel`), off this process's interpreter.
"""

from __future__ import annotations

import threading
import time

from reflect.core.model import Entry
from reflect.core.themes import parallel
from reflect.core.themes.cache import KeptResults, expand
from reflect.core.themes.detector import ThemeDetector
from reflect.core.themes.results import EntryAnalysis, entry_analysis

BATCH = 25  # entries read together
BUDGET = 0.004  # seconds of reading per turn of the event loop (a keystroke waits no longer)


class JournalReader:
    """``step()`` until it returns True; then ``entries``, ``analyses`` (of the entries whose
    kept themes were current) and ``todo`` (the entries still to detect) are complete.
    ``detect()`` finds the themes of ``todo`` (off the UI thread), and they come back
    through ``take()``, a few at a time too. Made by ``ThemeEngine.reader``."""

    def __init__(self, journal, engine, detector: ThemeDetector) -> None:
        self.journal = journal
        self.engine = engine  # the ThemeEngine that made it
        self._detector = detector  # compiled only if something is detected here
        self.kept = KeptResults(engine.key)
        self.labels = engine.labels
        self._ids = journal.entry_ids()
        # Worker processes get ready (compiling the themes) while the journal is read.
        parallel.warm_up(len(self._ids) - journal.kept_theme_count())
        self._next = 0
        self.entries: dict[str, Entry] = {}
        self.analyses: dict[str, EntryAnalysis] = {}
        self.todo: list[Entry] = []

    @property
    def total(self) -> int:
        return len(self._ids)

    def step(self, budget: float = BUDGET) -> bool:
        """Read batches for about ``budget`` seconds; True once every entry has been read."""
        until = time.perf_counter() + budget
        while self._next < len(self._ids):
            self._read(self._ids[self._next : self._next + BATCH])
            if time.perf_counter() >= until:
                break
        return self._next >= len(self._ids)

    def _read(self, ids: list[str]) -> None:
        self._next += len(ids)
        self.kept.known.update(self.journal.kept_theme_results(self.kept.key, ids=ids))
        for entry in self.journal.entries(ids=ids):
            if not entry.id:
                continue
            self.entries[entry.id] = entry
            hits = self.kept.lookup(entry.id, entry.texts())
            if hits is None:
                self.todo.append(entry)
            else:
                self.analyses[entry.id] = entry_analysis(entry, hits, self.labels)

    def detect(self, cancelled: threading.Event | None = None,
               workers: int | None = None) -> list[list] | None:
        """The themes of ``todo``, compact (for :meth:`take`), detected in worker processes
        when it can (journal text only in memory and pipes), so no Python work of detection's
        takes the window's interpreter time; None when ``cancelled`` was set."""
        return parallel.detect_compact(self._detector, [e.texts() for e in self.todo],
                                       cancelled=cancelled.is_set if cancelled else None,
                                       workers=workers)

    def take(self, found: list[list], start: int, budget: float = BUDGET) -> int:
        """Turn detection's compact results for ``todo[start:]`` into analyses (and results to
        keep) for about ``budget`` seconds; returns where to go on from."""
        until = time.perf_counter() + budget
        i = start
        while i < len(found):
            entry, themes = self.todo[i], found[i]
            fields = entry.texts()
            self.kept.remember(entry.id, fields, themes)
            self.analyses[entry.id or ""] = entry_analysis(entry, expand(themes, fields),
                                                           self.labels)
            i += 1
            if i % BATCH == 0 and time.perf_counter() >= until:
                break
        return i
