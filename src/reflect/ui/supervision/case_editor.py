"""One case presented at a meeting: whose, the question, the group's clarifying questions, the
alternative controls they suggested (the brief's conservative→liberal table) and action points."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.records import new_id
from reflect.core.supervision import ActionPoint, PresentedCase

from .labels import tr
from .suggestion_table import SuggestionTable


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class CaseEditor(QWidget):
    def __init__(self, clients: list, case: PresentedCase | None = None,
                 actions: list[ActionPoint] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._case = case or PresentedCase(None)
        self._actions = list(actions or [])
        self.client = QComboBox()
        self.client.addItem(tr("No particular client — a question about my work"), None)
        for person in clients:
            self.client.addItem(person.display, person.id)
        self.client.setCurrentIndex(max(0, self.client.findData(self._case.client_id)))
        self.client.setAccessibleName(tr("Whose case"))
        self.question = QLineEdit(self._case.question)
        self.question.setPlaceholderText(tr("What you wanted help with"))
        self.question.setAccessibleName(tr("Your question"))
        self.questions = QPlainTextEdit("\n".join(self._case.questions))
        self.questions.setPlaceholderText(tr("One per line: what the group asked to understand "
                                             "the demands"))
        self.questions.setTabChangesFocus(True)
        self.questions.setFixedHeight(70)
        self.questions.setAccessibleName(tr("Clarifying questions"))
        self.suggestions = SuggestionTable()
        self.suggestions.set_suggestions(self._case.suggestions)
        self.suggestions.setMinimumHeight(150)
        add = QPushButton(tr("&Add a suggestion"))
        add.clicked.connect(self._add_row)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self.suggestions.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.actions = QPlainTextEdit("\n".join(a.text for a in self._actions))
        self.actions.setPlaceholderText(tr("One per line: what you will do next"))
        self.actions.setTabChangesFocus(True)
        self.actions.setFixedHeight(56)
        self.actions.setAccessibleName(tr("Action points"))

        form = QFormLayout()
        form.addRow(tr("&Whose case:"), self.client)
        form.addRow(tr("&Question:"), self.question)
        form.addRow(tr("The group &asked:"), self.questions)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.suggestions, 1)
        layout.addLayout(buttons)
        actions_form = QFormLayout()
        actions_form.addRow(tr("Action &points:"), self.actions)
        layout.addLayout(actions_form)

    def _add_row(self) -> None:
        row = self.suggestions.add()
        self.suggestions.setCurrentCell(row, 0)
        self.suggestions.editItem(self.suggestions.item(row, 0))

    def label(self) -> str:
        return self.client.currentText() if self.client.currentData() else tr("My work")

    def case(self) -> PresentedCase:
        c = self._case
        c.id = c.id or new_id()  # so its action points can point at it before it is saved
        c.client_id = self.client.currentData()
        c.question = self.question.text().strip()
        c.questions = _lines(self.questions)
        c.suggestions = self.suggestions.suggestions()
        return c

    def action_points(self) -> list[ActionPoint]:
        """The action points, keeping those unchanged (and whether they are done)."""
        old = {a.text: a for a in self._actions}
        case_id = self.case().id
        out = [old.get(text) or ActionPoint(text) for text in _lines(self.actions)]
        for action in out:
            action.case_id = case_id
        return out

    def add_captured(self, questions: list[str], suggestions: list) -> None:
        """Questions and suggestions noted during presenting mode."""
        if questions:
            current = self.questions.toPlainText().rstrip()
            self.questions.setPlainText("\n".join([current, *questions]).strip())
        for s in suggestions:
            self.suggestions.add(s)
