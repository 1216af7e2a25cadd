"""Presenting mode: the brief in large type, a countdown the presenter can see (presenting, then
discussion; both lengths chosen here and remembered), and a quick-capture box for the group's
questions and suggestions as they come, saved into the meeting afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reflect.core.model import Stance
from reflect.core.supervision import Suggestion

from .countdown import DISCUSSION, OVER, PRESENTING, Countdown, clock
from .labels import stance_label, tr
from .meeting_dialog import MeetingDialog

PHASES = {PRESENTING: "Presenting", DISCUSSION: "Discussion", OVER: "Over time"}
QUESTION, SUGGESTION = "question", "suggestion"


class PresentingWindow(QWidget):
    savedIntoMeeting = Signal(str)  # the meeting's id

    def __init__(self, journal, brief_markdown: str, client_id: str | None, settings=None,
                 parent=None, events=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.journal = journal
        self.events = events  # the meeting saved from here is announced there
        self.client_id = client_id
        self.settings = settings
        self.setWindowTitle(tr("Presenting — Reflect"))
        self.resize(1200, 780)
        present = int(getattr(settings, "presenting_minutes", 10) or 10)
        discuss = int(getattr(settings, "discussion_minutes", 20) or 20)
        self.countdown = Countdown(present, discuss, self)

        self.phase = QLabel()
        self.phase.setProperty("role", "subtitle")
        self.clock = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 3)
        big.setBold(True)
        big.setStyleHint(QFont.StyleHint.Monospace)
        self.clock.setFont(big)
        self.clock.setAccessibleName(tr("Time left"))
        self.start_button = QPushButton(tr("&Start"))
        self.start_button.clicked.connect(self._start_pause)
        self.next_button = QPushButton(tr("&Next: discussion"))
        self.next_button.clicked.connect(self.countdown.next_phase)
        self.present_minutes = QSpinBox(minimum=1, maximum=120, suffix=tr(" min presenting"))
        self.present_minutes.setValue(present)
        self.discuss_minutes = QSpinBox(minimum=1, maximum=180, suffix=tr(" min discussing"))
        self.discuss_minutes.setValue(discuss)
        for spin in (self.present_minutes, self.discuss_minutes):
            spin.valueChanged.connect(self._minutes_changed)
        top = QHBoxLayout()
        top.addWidget(self.phase)
        top.addSpacing(12)
        top.addWidget(self.clock)
        top.addSpacing(12)
        top.addWidget(self.start_button)
        top.addWidget(self.next_button)
        top.addStretch(1)
        top.addWidget(self.present_minutes)
        top.addWidget(self.discuss_minutes)

        self.brief = QTextBrowser()
        self.brief.setOpenLinks(False)
        # large type for reading aloud: the body at about 1.6 times the app's size, headings
        # only a little larger than the body (the default h1 would fill half the screen)
        body = QFont(self.font())
        body.setPointSizeF(max(15.0, body.pointSizeF() * 1.6))
        self.brief.document().setDefaultFont(body)
        self.brief.document().setDefaultStyleSheet(
            "".join(f"h{level} {{ font-size: {round(body.pointSizeF() * scale)}pt; }}"
                    for level, scale in ((1, 1.4), (2, 1.2), (3, 1.08)))
            + "blockquote { margin-left: 18px; }")
        self.brief.document().setDocumentMargin(24)
        from reflect.core.brief.html_brief import body_html

        self.brief.setHtml(body_html(brief_markdown).replace(
            "<table>", '<table width="100%" border="1" cellspacing="0" cellpadding="6">'))
        self.brief.setAccessibleName(tr("The brief"))

        self.brief.setToolTip(tr("F11: full screen. Ctrl+Plus / Ctrl+Minus: larger or smaller type."))
        self.capture = QLineEdit()
        self.capture.setPlaceholderText(tr("Type what the group asks or suggests, then Enter"))
        self.capture.setAccessibleName(tr("Quick capture"))
        self.capture.returnPressed.connect(lambda: self.add(self._default_kind()))
        self.stance = QComboBox()
        self.stance.addItem("—", None)
        for st in (Stance.CONSERVATIVE, Stance.NEUTRAL, Stance.LIBERAL):
            self.stance.addItem(stance_label(st), st)
        self.stance.setAccessibleName(tr("Stance of the suggestion"))
        as_question = QPushButton(tr("As a &question"))
        as_question.clicked.connect(lambda: self.add(QUESTION))
        as_suggestion = QPushButton(tr("As a s&uggestion"))
        as_suggestion.clicked.connect(lambda: self.add(SUGGESTION))
        self.captured = QListWidget()
        self.captured.setWordWrap(True)
        self.captured.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.captured.setSpacing(3)
        self.captured.setAccessibleName(tr("Captured questions and suggestions"))
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(lambda: self.captured.takeItem(self.captured.currentRow()))
        self.save_button = QPushButton(tr("Save into a &meeting…"))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save_into_meeting)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 0, 0, 0)
        title = QLabel(tr("Quick capture"))
        title.setProperty("role", "subtitle")
        side_layout.addWidget(title)
        side_layout.addWidget(self.capture)
        kind_row = QHBoxLayout()
        kind_row.addWidget(as_question)
        kind_row.addWidget(as_suggestion)
        stance_label_widget = QLabel(tr("S&tance:"))
        stance_label_widget.setBuddy(self.stance)
        kind_row.addWidget(stance_label_widget)
        kind_row.addWidget(self.stance)
        side_layout.addLayout(kind_row)
        side_layout.addWidget(self.captured, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(remove)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        side_layout.addLayout(bottom)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.brief)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([820, 360])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self.zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self.zoom(-1))
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        self.countdown.ticked.connect(self._show_time)
        self.countdown.phaseChanged.connect(self._show_phase)
        self._show_phase(self.countdown.phase)
        self._show_time(self.countdown.phase, self.countdown.remaining)

    # --- the clock --------------------------------------------------------------------------

    def _start_pause(self) -> None:
        if self.countdown.running:
            self.countdown.pause()
            self.start_button.setText(tr("&Resume"))
        else:
            self.countdown.start()
            self.start_button.setText(tr("&Pause"))

    def _minutes_changed(self) -> None:
        self.countdown.set_minutes(self.present_minutes.value(), self.discuss_minutes.value())
        self.start_button.setText(tr("&Start"))
        if self.settings is not None:
            self.settings.presenting_minutes = self.present_minutes.value()
            self.settings.discussion_minutes = self.discuss_minutes.value()
            save = getattr(self.settings, "save_quietly", None)
            if save:
                save()

    def _show_time(self, phase: str, remaining: int) -> None:
        self.clock.setText(clock(-remaining if phase == OVER else remaining))
        late = phase == OVER or (remaining <= 60 and phase == PRESENTING)
        self.clock.setProperty("role", "error" if late else "")
        self.clock.style().unpolish(self.clock)
        self.clock.style().polish(self.clock)

    def _show_phase(self, phase: str) -> None:
        self.phase.setText(tr(PHASES[phase]))
        self.next_button.setText(tr("&Next: discussion") if phase == PRESENTING else tr("&End"))
        self.next_button.setEnabled(phase != OVER)

    def toggle_full_screen(self) -> None:
        """The brief on the whole screen (F11), for a room or a shared screen; F11 again leaves."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def zoom(self, steps: int) -> None:
        if steps > 0:
            self.brief.zoomIn(steps)
        elif steps < 0:
            self.brief.zoomOut(-steps)

    # --- quick capture ----------------------------------------------------------------------

    def _default_kind(self) -> str:
        return QUESTION if self.countdown.phase == PRESENTING else SUGGESTION

    def add(self, kind: str) -> None:
        text = self.capture.text().strip()
        if not text:
            return
        stance = self.stance.currentData() if kind == SUGGESTION else None
        prefix = tr("Question") if kind == QUESTION else tr("Suggestion")
        label = f"{prefix}: {text}" + (f" ({stance_label(stance).lower()})" if stance else "")
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, (kind, text, str(stance) if stance else None))
        self.captured.addItem(item)
        self.capture.clear()
        self.stance.setCurrentIndex(0)

    def captured_items(self) -> tuple[list[str], list[Suggestion]]:
        questions, suggestions = [], []
        for i in range(self.captured.count()):
            kind, text, stance = self.captured.item(i).data(Qt.ItemDataRole.UserRole)
            if kind == QUESTION:
                questions.append(text)
            else:
                suggestions.append(Suggestion(text, stance=Stance(stance) if stance else None))
        return questions, suggestions

    def meeting_dialog(self) -> MeetingDialog:
        """The meeting dialog, its case already holding what was captured."""
        dialog = MeetingDialog(self.journal, parent=self, client_id=self.client_id,
                               events=self.events)
        minutes = self.present_minutes.value() + self.discuss_minutes.value()
        dialog.minutes.setValue(max(dialog.minutes.value(), minutes))
        questions, suggestions = self.captured_items()
        case = dialog.case_editors()[0]
        case.add_captured(questions, suggestions)
        return dialog

    def save_into_meeting(self) -> None:
        dialog = self.meeting_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.captured.clear()
            self.savedIntoMeeting.emit(dialog.meeting.id or "")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.countdown.pause()
        super().closeEvent(event)
