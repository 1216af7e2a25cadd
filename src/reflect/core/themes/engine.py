"""The one door to theme detection: a :class:`ThemeEngine` for a journal's themes.

An engine holds the built-in themes plus the practitioner's own (:func:`engine_for` a journal,
kept until those themes change). Everything that shows themes asks it:

- ``engine.analyse(entries, kept)``: each entry's themes with their evidence, the
  practitioner's decisions applied; results ``kept`` in the journal are used where the entry is
  unchanged, the rest is detected (in worker processes when there are many) and added to
  ``kept`` for :meth:`KeptResults.keep`;
- ``engine.analyse_entry(entry)``: one entry (the editor's chips);
- ``engine.recurring(analyses)``: what keeps coming back per client, and
  ``engine.summary(analyses)`` the whole picture (:class:`JournalThemes`);
- ``engine.reader(journal)``: the same analysis read a slice per turn of the app's event loop.

:func:`analyse_journal` is all of it for a journal in one call (the CLI, search, supervision).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Sequence

from reflect.core.bulk import gc_paused
from reflect.core.model import Entry, EntryText
from reflect.core.themes import parallel
from reflect.core.themes.cache import KeptResults, compact, detector_key
from reflect.core.themes.detector import ThemeDetector, ThemeHit
from reflect.core.themes.learned import forget_words
from reflect.core.themes.lexicon import ThemeInfo
from reflect.core.themes.reader import JournalReader
from reflect.core.themes.recurrence import Recurrence, recurring
from reflect.core.themes.results import EntryAnalysis, JournalThemes, entry_analysis


class ThemeEngine:
    """Theme detection for one set of themes: the built-in ones plus ``user_themes`` (as
    ``Journal.user_themes()`` gives them; the same id replaces a built-in one)."""

    def __init__(self, user_themes: Sequence[dict] = ()) -> None:
        detector = ThemeDetector.builtin()
        self._detector = detector.with_user_themes(user_themes) if user_themes else detector
        self.themes: list[ThemeInfo] = self._detector.themes  # every theme one can add by hand
        self.labels: dict[str, str] = {t.id: t.label for t in self.themes}
        self.key = detector_key(self._detector)  # names the results kept for this engine

    def prepare(self) -> ThemeEngine:
        """Compile the themes and read the learned model now rather than at first use."""
        self._detector.prepare()
        return self

    # --- detection --------------------------------------------------------------------------

    def detect(self, fields: list[tuple[str, str]]) -> list[ThemeHit]:
        """The themes detection finds in these ``(field, text)`` pairs, decisions not applied."""
        return self._detector.detect_fields(fields)

    def detect_text(self, text: str) -> list[ThemeHit]:
        """The themes in one piece of text (evidence in the field ``"text"``)."""
        return self._detector.detect_text(text)

    def detect_in_a_worker(self, fields: list[tuple[str, str]]) -> list[ThemeHit]:
        """:meth:`detect` done in a worker process started as the app starts them (``reflect
        --check`` asks whether this installation can; raises what starting one raised)."""
        return parallel.in_a_worker(self._detector, fields)

    # --- analysis ---------------------------------------------------------------------------

    def kept(self, journal) -> KeptResults:
        """The results ``journal`` keeps for this engine (and room for new ones)."""
        return KeptResults(self.key, journal.kept_theme_results(self.key))

    def analyse_entry(self, entry: Entry) -> EntryAnalysis:
        """One entry's themes, its decisions applied."""
        return entry_analysis(entry, self._detector.detect_entry(entry), self.labels)

    def analyse(
        self,
        entries: Sequence[Entry | EntryText],
        kept: KeptResults | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> list[EntryAnalysis] | None:
        """Each entry's themes, in the same order. Results ``kept`` are used where the entry is
        unchanged (and new ones added to it); the rest is detected, shared with worker
        processes when there are many (``workers`` says how many, default one per spare
        core). None when ``cancelled()``."""
        with gc_paused():
            fields = [e.texts() for e in entries]
            hits: list[list[ThemeHit] | None] = [None] * len(entries)
            if kept is not None:
                for i, e in enumerate(entries):
                    hits[i] = kept.lookup(e.id, fields[i])
            todo = [i for i, h in enumerate(hits) if h is None]
            found = parallel.detect_many(self._detector, [fields[i] for i in todo],
                                         cancelled=cancelled, workers=workers)
            if found is None:
                return None
            for i, h in zip(todo, found, strict=True):
                hits[i] = h
                if kept is not None:
                    kept.remember(entries[i].id, fields[i], compact(h))
            labels = self.labels
            return [entry_analysis(e, h or [], labels) for e, h in zip(entries, hits, strict=True)]

    def reader(self, journal) -> JournalReader:
        """The app's way to :meth:`analyse` a whole journal: read a slice per turn of its event
        loop, detect what is left in worker processes (see :mod:`.reader`)."""
        return JournalReader(journal, self, self._detector)

    # --- over time ----------------------------------------------------------------------------

    @staticmethod
    def recurring(analyses: Iterable[EntryAnalysis], *, window: int = 5,
                  min_count: int = 3) -> list[Recurrence]:
        """Themes in at least ``min_count`` of a client's last ``window`` sessions."""
        return recurring([(a.entry_id, a.date, a.client_id, a.ids()) for a in analyses],
                         window=window, min_count=min_count)

    def summary(self, analyses: Iterable[EntryAnalysis], *, window: int = 5,
                min_count: int = 3) -> JournalThemes:
        """The analyses oldest first, what recurs, and the themes' labels."""
        ordered = sorted(analyses, key=lambda a: a.date)
        return JournalThemes(ordered, self.recurring(ordered, window=window, min_count=min_count),
                             dict(self.labels))


_lock = threading.Lock()
_cached: tuple[str, ThemeEngine] | None = None  # (user themes' fingerprint, engine)


def engine_with(user_themes: Sequence[dict]) -> ThemeEngine:
    """The engine for the built-in themes plus these; the same themes reuse the engine made
    last time (compiling them takes a moment the first time)."""
    global _cached
    key = json.dumps(list(user_themes), sort_keys=True, ensure_ascii=False)
    with _lock:
        if _cached is not None and _cached[0] == key:
            return _cached[1]
    engine = ThemeEngine(user_themes)
    with _lock:
        _cached = (key, engine)
    return engine


def engine_for(journal) -> ThemeEngine:
    """The engine for this journal's themes: the built-in ones plus the practitioner's own."""
    return engine_with(journal.user_themes())


def forget() -> None:
    """Drop the engine holding the practitioner's own cue phrases, and every sentence and word
    detection remembered from the journal (on lock)."""
    global _cached
    with _lock:
        if _cached is not None:
            _cached[1]._detector.forget_text()
        _cached = None
    ThemeDetector.forget_builtin_text()
    forget_words()


def analyse_journal(
    journal,
    *,
    client_id: str | None = None,
    window: int = 5,
    min_count: int = 3,
) -> JournalThemes:
    """Every entry (or one client's) with its themes, and what recurs per client; what is found
    is kept in the journal for next time (nothing, if it is open read-only)."""
    # The cycle collector stays off throughout, and the entries and kept results read are
    # freed (by their reference counts) before it is back on, so it never walks them: for
    # 10,000 entries that walk was a third of an analysis from kept results (bench/run).
    with gc_paused():
        engine = engine_for(journal)
        analysed = _analysed(journal, engine, client_id)
        return engine.summary(analysed, window=window, min_count=min_count)


def _analysed(journal, engine: ThemeEngine, client_id: str | None) -> list[EntryAnalysis]:
    kept = engine.kept(journal)
    parallel.warm_up(journal.entry_count() - len(kept.known))  # workers ready while it reads
    analysed = engine.analyse(journal.entry_texts(client_id), kept)  # the text alone is read
    assert analysed is not None  # nothing can cancel it
    kept.keep(journal)
    return analysed


KEEP_AT_IMPORT = 100  # fewer new entries are found in no time whenever the themes are next shown


def keep_themes_of(journal, entry_ids: Sequence[str]) -> int:
    """Detect the themes of these entries now and keep them in the journal (after a large
    import), so the next whole-journal analysis has nothing left to do. Returns how many."""
    if len(entry_ids) < KEEP_AT_IMPORT:
        return 0
    engine = engine_for(journal)
    parallel.warm_up(len(entry_ids))
    kept = KeptResults(engine.key)
    engine.analyse(journal.entries(ids=entry_ids), kept)
    return kept.keep(journal)
