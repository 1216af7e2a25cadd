"""Above a new entry with a client: what supervision suggested that the practitioner chose to
try, asked plainly ("From supervision on Friday: offer a fixed end time — did you? how did it
go?"), with one click for tried / not tried / helped / didn't help / dismiss and a note.

An answer is kept at once (the practitioner's words are never held back for the entry's save);
once the entry is saved, answers given on it are linked to it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.supervision import (
    FollowUpPrompt,
    FollowUpState,
    pending_follow_ups,
    record_outcome,
)

from .labels import state_label, tr

BUTTONS = (
    (FollowUpState.HELPED, "Helpe&d"),
    (FollowUpState.DIDNT_HELP, "D&idn't help"),
    (FollowUpState.TRIED, "Tried, not sure"),
    (FollowUpState.NOT_TRIED, "Not &yet"),
    (FollowUpState.DISMISSED, "Dismiss"),
)


class PromptRow(QWidget):
    answered = Signal(str, str, str)  # suggestion id, state, note

    def __init__(self, prompt: FollowUpPrompt, parent=None) -> None:
        super().__init__(parent)
        self.prompt = prompt
        self.text = QLabel(prompt.text)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(tr("Follow-up question"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0 , 2)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        if prompt.last_state is not None:
            last = tr("Last time: %1").replace("%1", state_label(prompt.last_state).lower())
            if prompt.last_note:
                last += f" — {prompt.last_note}"
            hint = QLabel(last)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("How it went (optional)"))
        self.note.setAccessibleName(tr("Note on the suggestion"))
        self.note.setMinimumWidth(160)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.note, 1)
        self.buttons: dict[str, QPushButton] = {}
        for state, text in BUTTONS:
            button = QPushButton(tr(text))
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=state: self._answer(s))
            row.addWidget(button)
            self.buttons[str(state)] = button
        layout.addLayout(row)
        self.done = QLabel()
        self.done.setProperty("role", "hint")
        self.done.hide()
        layout.addWidget(self.done)

    def _answer(self, state: FollowUpState) -> None:
        self.answered.emit(self.prompt.suggestion_id, str(state), self.note.text().strip())

    def show_recorded(self, state: str) -> None:
        for button in self.buttons.values():
            button.hide()
        self.note.setReadOnly(True)
        if not self.note.text():
            self.note.hide()
        self.done.setText(tr("Kept: %1. You'll find it in the client's suggestion history.")
                          .replace("%1", state_label(FollowUpState(state)).lower()))
        self.done.show()


class FollowUpPanel(QFrame):
    """Shows the prompts for one client; the window tells it which client and entry."""

    recorded = Signal(str)  # a client id whose history changed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("FollowUpPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#FollowUpPanel { border: 1px solid palette(mid); border-radius: 6px;"
                           " background: palette(alternate-base); }")
        self.journal = None
        self.client_id: str | None = None
        self.entry_id: str | None = None
        self.rows: list[PromptRow] = []
        self._answers: list[tuple[str, str]] = []  # (follow-up id, suggestion id) without entry
        title = QLabel(tr("From supervision"))
        title.setProperty("role", "subtitle")
        close = QToolButton()
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(tr("Hide until the next entry"))
        close.setAccessibleName(tr("Hide the follow-up questions"))
        close.clicked.connect(self.hide)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(close)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addLayout(head)
        layout.addLayout(self.body)
        self.hide()

    def show_for(self, journal, client_id: str | None, entry_id: str | None = None) -> None:
        """The prompts for a new entry with this client (nothing for none, or none pending)."""
        self.clear()
        self.journal, self.client_id, self.entry_id = journal, client_id, entry_id
        if journal is None or not journal.is_open or not client_id:
            return
        for prompt in pending_follow_ups(journal, client_id, entry_id=entry_id):
            row = PromptRow(prompt, self)
            row.answered.connect(lambda sid, state, note, r=row: self._record(r, sid, state, note))
            self.body.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(self.rows))

    def entry_saved(self, entry_id: str) -> None:
        """The entry these answers were given on is saved: link them to it."""
        self.entry_id = entry_id
        if self.journal is None or not self._answers:
            return
        from reflect.core.supervision import SupervisionLog

        log = SupervisionLog(self.journal)
        for suggestion_id in {sid for _fid, sid in self._answers}:
            ref = log.suggestion(suggestion_id)
            mine = {fid for fid, sid in self._answers if sid == suggestion_id}
            for f in ref.suggestion.follow_ups:
                if f.id in mine and f.entry_id is None:
                    f.entry_id = entry_id
                    log.add_follow_up(suggestion_id, f)
        self._answers = []

    def _record(self, row: PromptRow, suggestion_id: str, state: str, note: str) -> None:
        follow_up = record_outcome(self.journal, suggestion_id, state, note,
                                   entry_id=self.entry_id)
        if self.entry_id is None:
            self._answers.append((follow_up.id or "", suggestion_id))
        row.show_recorded(state)
        self.recorded.emit(self.client_id or "")

    def clear(self) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        self._answers = []
        self.journal = None
        self.client_id = self.entry_id = None
        self.hide()
