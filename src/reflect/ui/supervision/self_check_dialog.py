"""The monthly self-check: six questions to notice boundary drift (no / sometimes / yes, and a
note), with the last months' answers set beside stress and overtime. Offered once a month by a
banner above the editor (a setting), which "Not this month" dismisses until the next."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reflect.core.changes import SUPERVISION
from reflect.core.supervision import (
    QUESTIONS,
    answer_self_check,
    dismiss_self_check,
    self_check_due,
    self_check_trend,
)
from reflect.core.supervision.self_check import ANSWERS, MAX_DRIFT

from .labels import tr

ANSWER_LABELS = {"no": "No", "sometimes": "Sometimes", "yes": "Yes"}
TREND_MONTHS = 6


class SelfCheckDialog(QDialog):
    def __init__(self, journal, parent=None, events=None) -> None:
        """``events``: where the answers (or "not this month") are announced."""
        super().__init__(parent)
        self.journal = journal
        self._events = events
        self.setWindowTitle(tr("Monthly Self-Check"))
        self.resize(760, 600)
        intro = QLabel(tr("A few minutes to notice drift before it becomes a habit. Answer for "
                          "the last month; your answers stay encrypted in the journal."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        self.groups: dict[str, QButtonGroup] = {}
        self.notes: dict[str, QLineEdit] = {}
        for row, q in enumerate(QUESTIONS):
            text = QLabel(tr(q.text))
            text.setWordWrap(True)
            grid.addWidget(text, row * 2, 0)
            group = QButtonGroup(self)
            buttons = QHBoxLayout()
            for i, answer in enumerate(ANSWERS):
                radio = QRadioButton(tr(ANSWER_LABELS[answer]))
                radio.setAccessibleName(f"{tr(q.text)} {tr(ANSWER_LABELS[answer])}")
                group.addButton(radio, i)
                buttons.addWidget(radio)
            grid.addLayout(buttons, row * 2, 1)
            note = QLineEdit()
            note.setPlaceholderText(tr("A note, if you like"))
            note.setAccessibleName(tr("Note on: %1").replace("%1", tr(q.text)))
            grid.addWidget(note, row * 2 + 1, 0, 1, 2)
            self.groups[q.id] = group
            self.notes[q.id] = note
        grid.setColumnStretch(0, 1)
        self.trend = QTableWidget(0, 4)
        self.trend.setHorizontalHeaderLabels([tr("Month"), tr("Drift (of %1)").replace(
            "%1", str(MAX_DRIFT)), tr("Stress after sessions"), tr("Sessions over time")])
        self.trend.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.trend.verticalHeader().setVisible(False)
        self.trend.setMaximumHeight(170)
        self.trend.setAccessibleName(tr("Your last months"))
        self._fill_trend()
        self.error = QLabel()
        self.error.setProperty("role", "error")
        buttons = QDialogButtonBox()
        save = buttons.addButton(tr("&Keep my answers"), QDialogButtonBox.ButtonRole.AcceptRole)
        later = buttons.addButton(tr("Not this &month"), QDialogButtonBox.ButtonRole.RejectRole)
        save.clicked.connect(self.save)
        later.clicked.connect(self.not_this_month)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        trend_title = QLabel(tr("Your last months, beside your sessions"))
        trend_title.setProperty("role", "subtitle")
        layout.addWidget(trend_title)
        layout.addWidget(self.trend)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill_trend(self) -> None:
        points = self_check_trend(self.journal)[-TREND_MONTHS:]
        self.trend.setRowCount(len(points))
        for row, p in enumerate(reversed(points)):
            cells = [
                p.month,
                "—" if p.drift is None else str(p.drift),
                "—" if p.mean_stress_after is None else f"{p.mean_stress_after:.1f} / 10",
                "—" if p.overtime_share is None else f"{round(p.overtime_share * 100)} %",
            ]
            for column, text in enumerate(cells):
                self.trend.setItem(row, column, QTableWidgetItem(text))

    def set_answer(self, question: str, answer: str) -> None:
        self.groups[question].button(ANSWERS.index(answer)).setChecked(True)

    def answers(self) -> dict[str, str]:
        return {qid: ANSWERS[g.checkedId()] for qid, g in self.groups.items() if g.checkedId() >= 0}

    def save(self) -> None:
        answers = self.answers()
        if not answers:
            self.error.setText(tr("Answer at least one question, or choose “Not this month”."))
            return
        notes = {qid: e.text() for qid, e in self.notes.items() if e.text().strip()}
        answer_self_check(self.journal, answers, notes)
        self._announce()
        self.accept()

    def not_this_month(self) -> None:
        dismiss_self_check(self.journal)
        self._announce()
        self.reject()

    def _announce(self) -> None:
        if self._events is not None:
            self._events.announce(SUPERVISION, self)


class SelfCheckBanner(QFrame):
    """'A new month: time for your self-check' — Start, or Not this month."""

    done = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("SelfCheckBanner")
        self.setStyleSheet("#SelfCheckBanner { border: 1px solid palette(mid); border-radius: 6px;"
                           " background: palette(alternate-base); }")
        self.journal = None
        text = QLabel(tr("A new month: time for your self-check — six questions, two minutes."))
        text.setWordWrap(True)
        self.start = QPushButton(tr("Sta&rt"))
        self.later = QPushButton(tr("Not this month"))
        self.start.clicked.connect(self.open_dialog)
        self.later.clicked.connect(self._not_this_month)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(text, 1)
        layout.addWidget(self.start)
        layout.addWidget(self.later)
        self.hide()

    def offer(self, journal, enabled: bool) -> None:
        self.journal = journal
        self.setVisible(bool(enabled and journal is not None and self_check_due(journal)))

    def open_dialog(self) -> None:
        if self.journal is None:
            return
        SelfCheckDialog(self.journal, self.window()).exec()
        self.setVisible(self_check_due(self.journal))
        self.done.emit()

    def _not_this_month(self) -> None:
        if self.journal is not None:
            dismiss_self_check(self.journal)
        self.hide()
        self.done.emit()
