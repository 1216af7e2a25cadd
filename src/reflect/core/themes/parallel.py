"""Theme detection over many entries, on every core the machine lends us.

Whole-journal analysis is the one place where detection's cost adds up: ten thousand entries are
seconds of work for one core. So the entries are cut into chunks; worker processes take chunks
from the front of the line while this process takes them from the back, until the two meet. This
process never waits for a worker it could have done without: a worker that is slow to start (it
compiles the lexicon first) simply ends up doing less of the work, and a small journal is
detected here alone.

Workers are forked from a clean server process (``forkserver``; ``spawn`` where there is none),
never from the app itself, which has Qt's threads running. The server compiles the built-in
lexicon once, so every worker forked from it starts ready. Workers get the entries' texts
through pipes, in memory, and send back only theme ids, scores and offsets
(:func:`.cache.compact`): nothing is written to disk. If the machine will not give us
processes (no shared memory, a sandbox, a broken worker), the rest is detected here, with the
same results.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from reflect.core.bulk import gc_paused
from reflect.core.themes.cache import compact, expand
from reflect.core.themes.detector import ThemeDetector, ThemeHit
from reflect.core.themes.lexicon import Lexicon

Fields = list[tuple[str, str]]

MIN_ENTRIES = 1500  # below this, starting workers costs more than it saves
CHUNK = 200  # entries per piece of work: ~0.1 s, so the two ends meet evenly
_MAX_WORKERS = 7
_BOOT_MODULE = "reflect.core.themes.parallel_boot"

_lock = threading.Lock()
_context: multiprocessing.context.BaseContext | None = None


def available_workers() -> int:
    """How many worker processes to use beside this one (0: detect here alone)."""
    wanted = os.environ.get("REFLECT_THEME_WORKERS")
    if wanted is not None:
        try:
            return max(0, min(int(wanted), _MAX_WORKERS))
        except ValueError:
            pass
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, _MAX_WORKERS))


def _get_context() -> multiprocessing.context.BaseContext:
    global _context
    with _lock:
        if _context is None:
            methods = multiprocessing.get_all_start_methods()
            if "forkserver" in methods and not getattr(sys, "frozen", False):
                ctx = multiprocessing.get_context("forkserver")
                ctx.set_forkserver_preload([_BOOT_MODULE])
            else:  # Windows, or a frozen app: each worker starts afresh
                ctx = multiprocessing.get_context("spawn")
            _context = ctx
        return _context


def warm_up(entries: int) -> None:
    """Before analysing ``entries`` entries: start the worker server now, so it compiles the
    lexicon while the journal is read. Does nothing when they will be detected here alone."""
    if entries < MIN_ENTRIES or available_workers() == 0:
        return
    try:
        ctx = _get_context()
        if ctx.get_start_method() == "forkserver":
            from multiprocessing import forkserver

            forkserver.ensure_running()
    except (OSError, ValueError, RuntimeError):  # pragma: no cover - no processes here
        pass


# --- in the worker --------------------------------------------------------------------------

_worker_detector: ThemeDetector | None = None


def _init_worker(lexicon: Lexicon) -> None:
    global _worker_detector
    builtin = ThemeDetector.builtin()
    detector = builtin if lexicon == builtin.lexicon else ThemeDetector(lexicon)
    _worker_detector = detector.prepare()


def _detect_chunk(chunk: list[Fields]) -> list[list]:
    detector = _worker_detector
    assert detector is not None
    with gc_paused():
        return [compact(detector.detect_fields(fields)) for fields in chunk]


# --- here -----------------------------------------------------------------------------------


def detect_many(
    detector: ThemeDetector,
    fields: Sequence[Fields],
    *,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> list[list[ThemeHit]] | None:
    """``[detector.detect_fields(f) for f in fields]``, shared with worker processes when there
    are enough entries (this process detects too); None when ``cancelled()`` turned true on the
    way."""
    return _shared(detector, fields, cancelled, workers, True, compacted=False)


def detect_compact(
    detector: ThemeDetector,
    fields: Sequence[Fields],
    *,
    cancelled: Callable[[], bool] | None = None,
    workers: int | None = None,
    here: bool = False,
) -> list[list] | None:
    """Like :func:`detect_many`, each entry's hits in their compact form
    (:func:`.cache.compact`), and by default all detected in worker processes while there are
    any: the desktop app's way, so no Python work of detection's takes its interpreter's time
    from the window's (the caller expands them a few at a time)."""
    return _shared(detector, fields, cancelled, workers, here, compacted=True)


def _shared(detector, fields, cancelled, workers, here, *, compacted: bool):
    stop = cancelled or (lambda: False)

    def local(part: Sequence[Fields]) -> list | None:
        found = _here(detector, part, stop)
        if compacted and found is not None:
            return [compact(hits) for hits in found]
        return found

    if workers is None:
        workers = available_workers()
    if workers <= 0 or len(fields) < MIN_ENTRIES:
        return local(fields)
    chunks = [list(fields[i : i + CHUNK]) for i in range(0, len(fields), CHUNK)]
    results: list[list | None] = [None] * len(chunks)
    pool = futures = None
    try:
        pool = ProcessPoolExecutor(
            max_workers=min(workers, len(chunks) - 1 if here else len(chunks)),
            mp_context=_get_context(),
            initializer=_init_worker,
            initargs=(detector.lexicon,),
        )
        futures = [pool.submit(_detect_chunk, chunk) for chunk in chunks]
    except (OSError, ValueError, RuntimeError, ImportError):  # no processes: all of it here
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        return local(fields)
    finished = False
    try:
        # From the back, each chunk no worker has taken yet (a future cancels only then).
        for i in range(len(chunks) - 1 if here else -1, -1, -1):
            if stop():
                return None
            if not futures[i].cancel():
                break
            results[i] = local(chunks[i])
            if results[i] is None:
                return None
        for i, future in enumerate(futures):
            if results[i] is None:
                found = _collect(future, stop)
                if found is _FAILED:  # that worker died or could not start: do it here
                    found = local(chunks[i])
                elif found is not None and not compacted:
                    found = [expand(c, f) for c, f in zip(found, chunks[i], strict=True)]
                if found is None:
                    return None
                results[i] = found
        finished = True
    finally:
        if not finished:  # cancelled (a lock): no worker goes on holding journal text
            _terminate(pool)
        pool.shutdown(wait=False, cancel_futures=True)
    return [hits for chunk in results for hits in chunk]  # type: ignore[union-attr]


def in_a_worker(detector: ThemeDetector, fields: Fields) -> list[ThemeHit]:
    """One entry's hits, found in a worker process started as the app starts them, and nothing
    found here: ``reflect --check`` asks whether this installation can start its workers
    (raises what starting one raised)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=_get_context(), initializer=_init_worker,
                             initargs=(detector.lexicon,)) as pool:
        found = pool.submit(_detect_chunk, [fields]).result(timeout=300)
    return expand(found[0], fields)


def _terminate(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # already gone
            process.terminate()


_FAILED = object()


def _collect(future: Future, stop: Callable[[], bool]):
    """A worker's compact results, None when stopped, or ``_FAILED``."""
    while True:
        if stop():
            return None
        try:
            return future.result(timeout=0.2)
        except TimeoutError:
            continue
        except Exception:  # a worker died or could not start
            return _FAILED


def _here(
    detector: ThemeDetector, fields: Sequence[Fields], stop: Callable[[], bool]
) -> list[list[ThemeHit]] | None:
    out = []
    with gc_paused():
        for n, f in enumerate(fields):
            if n % 64 == 0 and stop():
                return None
            out.append(detector.detect_fields(f))
    return out
