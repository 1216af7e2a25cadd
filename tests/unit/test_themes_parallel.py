"""Whole-journal detection shared with worker processes gives exactly what one process gives."""

import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timedelta

import pytest

from reflect.core.model import Control, Demand, DemandCategory, Entry, Timing
from reflect.core.themes import ThemeEngine, parallel
from reflect.core.themes.cache import compact, expand
from reflect.core.themes.detector import ThemeDetector

SENTENCES = [
    "She texted me at midnight again and I answered anyway.",
    "He reminds me of my brother and I wanted to shake him.",
    "I felt exhausted and dreading the week, running on empty.",
    "We talked about ending our work together in three sessions.",
    "No boundary issues today, a steady session.",
    "She asked me to stop and I checked in before touching her shoulder.",
    "I wasn't sure it was right to accept the gift, so I will take it to supervision.",
    "There was nobody I could talk to about it afterwards.",
    "The garden boundary wall was being rebuilt outside.",
    "He could not pay this month and asked for a lower fee.",
]


def make_entries(n: int) -> list[Entry]:
    start = datetime(2025, 1, 6, 9)
    out = []
    for i in range(n):
        picked = [SENTENCES[(i * k + k) % len(SENTENCES)] for k in range(1, 4)]
        out.append(
            Entry(
                id=f"e{i}",
                date=start + timedelta(days=i),
                narrative=" ".join(picked),
                client_id=f"c{i % 7}",
                went_well="I held the time" if i % 2 else None,
                demands=[Demand(DemandCategory.INTRAPERSONAL, SENTENCES[i % len(SENTENCES)])],
                controls=[Control(Timing.POST, "took it to supervision", None, "felt lighter")],
            )
        )
    return out


@pytest.fixture
def small_chunks(monkeypatch):
    """Make a few dozen entries enough to use workers, in small pieces."""
    monkeypatch.setattr(parallel, "MIN_ENTRIES", 10)
    monkeypatch.setattr(parallel, "CHUNK", 4)


def serial(detector, entries):
    return [detector.detect_entry(e) for e in entries]


def test_workers_find_the_same_themes_scores_and_evidence(small_chunks, monkeypatch):
    here = parallel._here
    done_here = []

    def slow_here(detector, fields, stop):  # leave the worker time to start and take some
        time.sleep(0.25)
        done_here.extend(fields)
        return here(detector, fields, stop)

    monkeypatch.setattr(parallel, "_here", slow_here)
    detector = ThemeDetector.builtin()
    entries = make_entries(60)
    shared = parallel.detect_many(detector, [e.texts() for e in entries], workers=1)
    assert 0 < len(done_here) < len(entries)  # both this process and a worker took part
    assert shared == serial(detector, entries)
    found = {h.theme for hits in shared for h in hits}
    assert {"boundaries", "countertransference", "burnout", "endings"} <= found
    for entry, hits in zip(entries, shared, strict=True):
        texts = dict(entry.texts())
        for hit in hits:
            for ev in hit.evidence:
                assert texts[ev.field][ev.start : ev.end] == ev.text


def test_workers_know_the_practitioners_own_themes(small_chunks):
    detector = ThemeDetector.builtin().with_user_themes(
        [{"id": "gifts", "label": "Gifts", "cues": ["accept the gift"]}]
    )
    entries = make_entries(30)
    shared = parallel.detect_many(detector, [e.texts() for e in entries], workers=1)
    assert shared == serial(detector, entries)
    assert any(h.theme == "gifts" for hits in shared for h in hits)


def test_analysis_keeps_entry_order_and_decisions(small_chunks):
    engine = ThemeEngine()
    entries = make_entries(40)
    entries[3].rejected_themes = ["boundaries"]
    entries[5].themes = ["money"]
    analysed = engine.analyse(entries)
    assert [a.entry_id for a in analysed] == [e.id for e in entries]
    for a, e in zip(analysed, entries, strict=True):
        assert a.themes == engine.analyse_entry(e).themes
    assert "boundaries" not in analysed[3].ids()
    assert "money" in analysed[5].ids()


def test_no_processes_means_everything_is_detected_here(small_chunks, monkeypatch):
    def refuse():
        raise OSError("no /dev/shm here")

    monkeypatch.setattr(parallel, "_get_context", refuse)
    detector = ThemeDetector.builtin()
    entries = make_entries(25)
    assert parallel.detect_many(detector, [e.texts() for e in entries], workers=1) == serial(
        detector, entries
    )


class BrokenPool:
    """A pool whose every worker dies: each piece of work comes back failed."""

    def __init__(self, *args, **kwargs) -> None:
        self._processes = {}

    def submit(self, fn, *args):
        future: Future = Future()
        future.set_running_or_notify_cancel()  # taken by a worker: cannot be cancelled
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, wait=True, cancel_futures=False) -> None:
        pass


def test_work_of_a_worker_that_died_is_detected_here(small_chunks, monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", BrokenPool)
    detector = ThemeDetector.builtin()
    entries = make_entries(30)
    fields = [e.texts() for e in entries]
    assert parallel.detect_many(detector, fields, workers=1) == serial(detector, entries)
    assert parallel.detect_compact(detector, fields, workers=1) == [
        compact(hits) for hits in serial(detector, entries)
    ]


def test_compact_results_expand_to_the_same_hits(small_chunks):
    detector = ThemeDetector.builtin()
    entries = make_entries(40)
    fields = [e.texts() for e in entries]
    found = parallel.detect_compact(detector, fields, workers=1)
    assert [expand(c, f) for c, f in zip(found, fields, strict=True)] == serial(detector, entries)


def test_cancelled_gives_nothing(small_chunks):
    detector = ThemeDetector.builtin()
    entries = make_entries(30)
    assert parallel.detect_many(detector, [e.texts() for e in entries], workers=1,
                                cancelled=lambda: True) is None
    assert parallel.detect_many(detector, [e.texts() for e in entries], workers=0,
                                cancelled=lambda: True) is None


def test_small_journals_and_one_core_use_no_workers(monkeypatch):
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", None)  # would fail if it were used
    detector = ThemeDetector.builtin()
    entries = make_entries(20)
    assert parallel.detect_many(detector, [e.texts() for e in entries]) == serial(detector, entries)
    monkeypatch.setenv("REFLECT_THEME_WORKERS", "0")
    assert parallel.available_workers() == 0
    monkeypatch.setenv("REFLECT_THEME_WORKERS", "3")
    assert parallel.available_workers() == 3
