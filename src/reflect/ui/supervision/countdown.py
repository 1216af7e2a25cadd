"""The presenter's clock: presenting time, then discussion time, then over time, a second at a
time. ``tick()`` is what the timer calls each second (tests call it directly)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

PRESENTING, DISCUSSION, OVER = "presenting", "discussion", "over"


def clock(seconds: int) -> str:
    """'09:59'; past zero, '+01:05' (time over)."""
    sign = "+" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    return f"{sign}{minutes:02d}:{secs:02d}"


class Countdown(QObject):
    ticked = Signal(str, int)  # phase, seconds left in it (negative: over time)
    phaseChanged = Signal(str)

    def __init__(self, presenting_minutes: int = 10, discussion_minutes: int = 20,
                 parent=None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.set_minutes(presenting_minutes, discussion_minutes)

    def set_minutes(self, presenting: int, discussion: int) -> None:
        """Start again with these lengths (the clock stops)."""
        self._timer.stop()
        self.lengths = {PRESENTING: max(0, presenting) * 60, DISCUSSION: max(0, discussion) * 60}
        self.phase = PRESENTING
        self.remaining = self.lengths[PRESENTING]
        self.ticked.emit(self.phase, self.remaining)
        self.phaseChanged.emit(self.phase)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def next_phase(self) -> None:
        if self.phase == PRESENTING:
            self.phase, self.remaining = DISCUSSION, self.lengths[DISCUSSION]
        else:
            self.phase, self.remaining = OVER, 0
        self.phaseChanged.emit(self.phase)
        self.ticked.emit(self.phase, self.remaining)

    def tick(self) -> None:
        self.remaining -= 1
        if self.phase == PRESENTING and self.remaining <= 0:
            self.next_phase()
            return
        if self.phase == DISCUSSION and self.remaining <= 0:
            self.next_phase()
            return
        self.ticked.emit(self.phase, self.remaining)
