"""The monthly self-check's trend, for the themes window, in a column beside Stress and Running
over: the latest drift (how far the six answers leaned towards drift, of 12) and the months
before it, which way it goes, and month by month with stress and overtime in its tooltip.
Before any self-check, it says what the self-check is and offers it.

It reads the journal through core (``self_check_trend``) and refreshes itself from
``journalChanged`` while it is shown; ``clear`` empties it (lock)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from reflect.core.changes import ENTRIES, PEOPLE, SUPERVISION
from reflect.core.supervision import self_check_trend
from reflect.core.supervision.self_check import MAX_DRIFT

from .labels import tr

MONTHS = 6


def month_name(key: str) -> str:
    d = date(int(key[:4]), int(key[5:7]), 1)
    return d.strftime("%b %Y") if d.month == 1 else d.strftime("%b")


def cells(point) -> dict[str, str]:
    return {
        "drift": "—" if point.drift is None else f"{point.drift} / {MAX_DRIFT}",
        "stress": "—" if point.mean_stress_after is None else f"{point.mean_stress_after:.1f} / 10",
        "overtime": "—" if point.overtime_share is None else f"{round(point.overtime_share * 100)} %",
    }


def summary(points) -> str:
    """The drift in plain words: the latest month, the months before it, and which way it goes."""
    answered = [p for p in points if p.drift is not None]
    if not answered:
        return ""
    last = answered[-1]
    text = tr("Drift on %1 of %2 in %3").replace("%1", str(last.drift)).replace(
        "%2", str(MAX_DRIFT)).replace("%3", month_name(last.month))
    earlier = answered[-4:-1]
    if earlier:
        before = earlier[-1]
        text += " (" + ", ".join(f"{month_name(p.month)} {p.drift}" for p in reversed(earlier)) + ")"
        if last.drift < before.drift:
            text += tr(": fewer than in %1")
        elif last.drift > before.drift:
            text += tr(": more than in %1")
        else:
            text += tr(": as in %1")
        text = text.replace("%1", month_name(before.month))
    return text + tr(". Lower is steadier.")


def month_lines(points) -> str:
    """Month by month: the drift beside stress and overtime that month (all clients)."""
    lines = [tr("Month: self-check drift · stress after sessions · sessions over time")]
    for p in reversed(points):
        c = cells(p)
        lines.append(f"{month_name(p.month)}: {c['drift']} · {c['stress']} · {c['overtime']}")
    return "\n".join(lines)


class SelfCheckTrend(QWidget):
    """A column for the themes window's patterns, beside Stress and Running over."""

    selfCheckRequested = Signal()

    def __init__(self, events=None, parent=None) -> None:
        super().__init__(parent)
        self.journal = None
        self.setAccessibleName(tr("Self-check beside stress and overtime"))
        self.title = QLabel(tr("Self-check (monthly)"))
        self.title.setProperty("role", "hint")
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.sentence.setAccessibleName(tr("Self-check"))
        self.start = QPushButton(tr("Take the &self-check…"))
        self.start.setFlat(True)
        self.start.setStyleSheet("text-align: left; padding: 0; text-decoration: underline;")
        self.start.clicked.connect(self.selfCheckRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.sentence)
        layout.addWidget(self.start, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.shown: list[dict[str, str]] = []  # per month shown, oldest first
        self._stale = True
        if events is not None:
            events.journalChanged.connect(self._journal_changed)
        self._fill([])

    def set_journal(self, journal) -> None:
        self.journal = journal
        self._stale = True
        if self.isVisible():
            self.refresh()

    def clear(self) -> None:
        """Lock: nothing of the journal stays on screen."""
        self.journal = None
        self._fill([])

    def _journal_changed(self, what, _origin) -> None:
        """Read again now if shown, else when next shown (an entry saved costs nothing here
        while the themes window is closed)."""
        if SUPERVISION in what or ENTRIES in what or PEOPLE in what:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        if self.journal is None or not self.journal.is_open:
            self._fill([])
            return
        points = self_check_trend(self.journal)
        if not any(p.drift is not None for p in points):
            self._fill([], empty=True)
            return
        first = next(i for i, p in enumerate(points) if p.drift is not None)
        self._fill(points[first:][-MONTHS:])

    def _fill(self, points, empty: bool = False) -> None:
        self.shown = [{"month": p.month, **cells(p)} for p in points]
        if points:
            self.sentence.setText(summary(points))
            self.setToolTip(month_lines(points))
            self.sentence.setProperty("role", None)
        else:
            self.sentence.setText(tr("None yet: six short questions once a month that notice "
                                     "boundary drift, set beside your stress and overtime.")
                                  if empty else "")
            self.setToolTip("")
            self.sentence.setProperty("role", "hint" if empty else None)
        self.sentence.style().unpolish(self.sentence)
        self.sentence.style().polish(self.sentence)
        self.start.setVisible(empty)
