"""SIGTERM and SIGHUP (log-out, shutdown, a closed terminal) end the app the way Quit does,
without questions: the writing in progress is kept as an encrypted draft, the automatic backup
is made, the journal is closed.

Python runs a signal handler only when it gets control back, which a Qt event loop waiting for
events never gives it; the handler's wake-up byte on a socket (``signal.set_wakeup_fd``) wakes
the loop through a ``QSocketNotifier``."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class StopSignals(QObject):
    """While it lives, SIGTERM/SIGHUP call ``stop`` once, on the Qt thread. ``restore()`` puts
    back what was there before."""

    def __init__(self, stop: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._stopping = False
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {sig: signal.signal(sig, self._handle) for sig in SIGNALS}

    def _handle(self, signum: int, _frame: object) -> None:
        if not self._stopping:
            self._stopping = True
            QTimer.singleShot(0, self._stop)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass

    def restore(self) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        signal.set_wakeup_fd(self._old_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
