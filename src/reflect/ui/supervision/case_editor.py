"""One case presented at a meeting: whose, the brief it was presented with (one of the briefs
exported for that client), the question, the group's clarifying questions, the alternative
controls they suggested (the brief's conservative→liberal table) and action points."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
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
from reflect.core.supervision import ActionPoint, BriefExport, BriefLink, PresentedCase

from .action_list import ActionList
from .labels import brief_label, tr
from .suggestion_table import SuggestionTable

KEEP = "keep"  # the brief link the case had, with no export recorded (older journals, imports)
RECENT = timedelta(days=60)  # a brief exported this long before a meeting is offered first


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


class CaseEditor(QWidget):
    def __init__(self, clients: list, case: PresentedCase | None = None,
                 actions: list[ActionPoint] | None = None, parent=None, *,
                 exports: list[BriefExport] | None = None,
                 meeting_date: datetime | None = None) -> None:
        super().__init__(parent)
        self._case = case or PresentedCase(None)
        self._new = self._case.id is None and self._case.brief is None
        self._exports = list(exports or [])  # newest first
        self._meeting_date = meeting_date or datetime.now()
        self._actions = list(actions or [])
        self.client = QComboBox()
        self.client.addItem(tr("No particular client — a question about my work"), None)
        for person in clients:
            self.client.addItem(person.display, person.id)
        self.client.setCurrentIndex(max(0, self.client.findData(self._case.client_id)))
        self.client.setAccessibleName(tr("Whose case"))
        self.brief = QComboBox()
        self.brief.setAccessibleName(tr("Brief presented"))
        self.brief.setToolTip(tr("The brief you exported for this case (Journal → Case Brief "
                                 "for Supervision records each export)."))
        self.brief.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.brief.setMinimumContentsLength(30)
        self.brief.activated.connect(self._brief_chosen)
        self.question = QLineEdit(self._case.question)
        self.question.setPlaceholderText(tr("What you wanted help with"))
        self.question.setAccessibleName(tr("Your question"))
        self._fill_briefs(first=True)
        self.client.currentIndexChanged.connect(lambda _i: self._fill_briefs())
        self.questions = QPlainTextEdit("\n".join(self._case.questions))
        self.questions.setPlaceholderText(tr("One per line: what the group asked to understand "
                                             "the demands"))
        self.questions.setTabChangesFocus(True)
        self.questions.setFixedHeight(70)
        self.questions.setAccessibleName(tr("Clarifying questions"))
        self.suggestions = SuggestionTable()
        self.suggestions.set_suggestions(self._case.suggestions)
        self.suggestions.setMinimumHeight(150)
        add = QPushButton(tr("A&dd a suggestion"))
        add.clicked.connect(self._add_row)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(self.suggestions.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.actions = ActionList(self._actions)

        form = QFormLayout()
        form.addRow(tr("Wh&ose case:"), self.client)
        form.addRow(tr("&Brief presented:"), self.brief)
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

    # --- the brief it was presented with ---------------------------------------------------

    def _fill_briefs(self, first: bool = False) -> None:
        """The briefs exported for the chosen client, newest first. A new case starts with the
        newest one exported shortly before the meeting; an existing case keeps its own."""
        client_id = self.client.currentData()
        previous = None if first else self.brief.currentData()
        self.brief.clear()
        self.brief.addItem(tr("None recorded"), None)
        link = self._case.brief
        if link is not None and not link.export_id and link.exported is not None:
            self.brief.addItem(brief_label(link.exported, link.template, None,
                                           len(link.entry_ids)), KEEP)
        mine = [e for e in self._exports if client_id and e.client_id == client_id]
        for e in mine:
            self.brief.addItem(brief_label(e.date, e.template, e.format, len(e.entry_ids),
                                           e.file_name), e.id)
            self.brief.setItemData(self.brief.count() - 1, e.question or None,
                                   Qt.ItemDataRole.ToolTipRole)
        want = previous
        if first:
            if link is not None:
                want = link.export_id or KEEP
            elif self._new:
                recent = [e for e in mine
                          if self._meeting_date - RECENT <= e.date <= self._meeting_date + RECENT]
                want = recent[0].id if recent else None
        self.brief.setCurrentIndex(max(0, self.brief.findData(want)))
        self.brief.setEnabled(self.brief.count() > 1)
        if first or previous != self.brief.currentData():
            self._brief_chosen()

    def _brief_chosen(self, *_args) -> None:
        """A brief's question fills an empty question field."""
        export = self.chosen_export()
        if export is not None and export.question and not self.question.text().strip():
            self.question.setText(export.question)

    def chosen_export(self) -> BriefExport | None:
        return next((e for e in self._exports if e.id == self.brief.currentData()), None)

    def _brief_link(self) -> BriefLink | None:
        chosen = self.brief.currentData()
        if chosen == KEEP:
            return self._case.brief
        export = self.chosen_export()
        return export.link() if export is not None else None

    def label(self) -> str:
        return self.client.currentText() if self.client.currentData() else tr("My work")

    def case(self) -> PresentedCase:
        c = self._case
        c.id = c.id or new_id()  # so its action points can point at it before it is saved
        c.client_id = self.client.currentData()
        c.brief = self._brief_link()
        c.question = self.question.text().strip()
        c.questions = _lines(self.questions)
        c.suggestions = self.suggestions.suggestions()
        return c

    def action_points(self) -> list[ActionPoint]:
        """The action points as listed, each with whether it is done."""
        case_id = self.case().id
        out = self.actions.action_points()
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
