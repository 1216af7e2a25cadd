"""Idle lock: any key, click, wheel or pointer movement in the app restarts a countdown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``interval_ms`` without user input, while started."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self._interval = interval_ms
        self._installed = False

    def set_interval(self, interval_ms: int) -> None:
        """0 turns idle locking off."""
        self._interval = interval_ms
        if self._installed:
            self.start()

    def start(self) -> None:
        if not self._installed:
            QApplication.instance().installEventFilter(self)
            self._installed = True
        if self._interval > 0:
            self._timer.start(self._interval)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()
        if self._installed:
            QApplication.instance().removeEventFilter(self)
            self._installed = False

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and self._interval > 0:
            self._timer.start(self._interval)
        return False
