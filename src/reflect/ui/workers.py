"""Run slow work (the key derivation, backups) off the UI thread and hear back on it.

``run_in_background(fn, on_done, on_error)`` queues ``fn`` on the global thread pool; the
callbacks run on the UI thread through a queued signal, so they may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        try:
            try:
                result = self._fn()
            except Exception as exc:  # handed to the UI thread, which shows it
                self.relay.failed.emit(exc)
            else:
                self.relay.finished.emit(result)
        except RuntimeError:  # the app is closing and the relay is gone: nobody to tell
            pass


_running: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None],
) -> None:
    relay = _Relay()  # lives on the UI thread, so its slots run there
    _running.add(relay)

    def done(result: object) -> None:
        _running.discard(relay)
        on_done(result)

    def failed(exc: object) -> None:
        _running.discard(relay)
        on_error(exc)  # type: ignore[arg-type]

    relay.finished.connect(done)
    relay.failed.connect(failed)
    QThreadPool.globalInstance().start(_Job(fn, relay))


def busy() -> bool:
    """True while background work is still running (tests wait on this)."""
    return bool(_running)
