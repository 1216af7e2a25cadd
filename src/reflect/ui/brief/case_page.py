"""Wizard page 1, the case: which client, which sessions, which template, and the question."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reflect.core.brief import list_templates
from reflect.ui.brief.models import SessionListModel
from reflect.ui.widgets.pages import label


class CasePage(QWizardPage):
    def __init__(self, journal, client_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._warned_no_question = False
        self.setTitle(self.tr("The case"))
        self.setSubTitle(self.tr("Choose a client, the sessions to bring, and say what you want "
                                 "from supervision. Nothing leaves the journal on this page."))

        self.client = QComboBox()
        self.client.setAccessibleName(self.tr("Client"))
        for p in journal.clients():
            shown = p.display if p.display == p.name else f"{p.display} — {p.name}"
            self.client.addItem(shown, p.id)
        if client_id is not None and self.client.findData(client_id) >= 0:
            self.client.setCurrentIndex(self.client.findData(client_id))

        self.sessions_model = SessionListModel(self)
        self.sessions = QListView()
        self.sessions.setModel(self.sessions_model)
        self.sessions.setAccessibleName(self.tr("Sessions to include"))
        self.sessions.setUniformItemSizes(True)
        self.sessions.setMinimumHeight(130)
        self.sessions.setMaximumHeight(260)
        self.last = QSpinBox()
        self.last.setAccessibleName(self.tr("Only the most recent sessions"))
        self.last.setSpecialValueText(self.tr("all"))
        self.last.setMinimum(0)
        self.last.setMinimumWidth(self.last.fontMetrics().horizontalAdvance("0000") + 40)
        self.sessions_hint = label("", "hint")
        last_row = QHBoxLayout()
        last_label = QLabel(self.tr("Include the &last"))
        last_label.setBuddy(self.last)
        last_row.addWidget(last_label)
        last_row.addWidget(self.last)
        last_row.addWidget(QLabel(self.tr("sessions (or tick them one by one)")))
        last_row.addStretch(1)
        last_row.addWidget(self.sessions_hint)

        self.templates = QButtonGroup(self)
        template_box = QVBoxLayout()
        template_box.setSpacing(2)
        for i, t in enumerate(list_templates()):
            radio = QRadioButton(t.label)
            radio.setProperty("template_id", t.id)
            radio.setAccessibleDescription(t.description)
            self.templates.addButton(radio, i)
            template_box.addWidget(radio)
            desc = label(t.description, "hint")
            desc.setContentsMargins(24, 0, 0, 8)
            template_box.addWidget(desc)
        if self.templates.buttons():
            self.templates.buttons()[0].setChecked(True)
        templates = QWidget()
        templates.setLayout(template_box)
        template_box.setContentsMargins(0, 0, 0, 0)

        self.question = QPlainTextEdit()
        self.question.setAccessibleName(self.tr("What I want from this"))
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText(self.tr(
            "e.g. How do I keep the boundary around messages between sessions without "
            "damaging the trust we have built?"))
        lines = self.question.fontMetrics().lineSpacing()
        self.question.setMinimumHeight(lines * 5 + 16)
        self.question.setMaximumHeight(lines * 8 + 16)
        self.question_hint = label("", "error")
        self.question_hint.setVisible(False)

        form = QFormLayout()
        form.setVerticalSpacing(14)
        form.setHorizontalSpacing(18)
        form.addRow(self._buddy(self.tr("&Client"), self.client), self.client)
        sessions_col = QVBoxLayout()
        sessions_col.addWidget(self.sessions)
        sessions_col.addLayout(last_row)
        form.addRow(self._buddy(self.tr("&Sessions"), self.sessions), sessions_col)
        form.addRow(self._buddy(self.tr("&Template"), templates), templates)
        from reflect.ui.brief.profile_choice import ProfileChoice

        self.profile = ProfileChoice(journal.profile())
        self.profile.setAccessibleName(self.tr("Practice profile fields to include"))
        form.addRow(self._buddy(self.tr("From your\n&profile"), self.profile), self.profile)
        question_col = QVBoxLayout()
        question_col.addWidget(self.question)
        question_col.addWidget(self.question_hint)
        form.addRow(self._buddy(self.tr("&What I want\nfrom this"), self.question), question_col)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addLayout(form)
        outer.addStretch(1)

        self.client.currentIndexChanged.connect(self._client_changed)
        self.last.valueChanged.connect(self.sessions_model.check_newest)
        self.sessions_model.dataChanged.connect(self._sessions_changed)
        self.sessions_model.modelReset.connect(self._sessions_changed)
        self.question.textChanged.connect(self._question_changed)
        self._client_changed()

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        buddy = QLabel(text)
        buddy.setBuddy(widget)
        return buddy

    # --- what the wizard reads -----------------------------------------------------------

    def client_id(self) -> str | None:
        return self.client.currentData()

    def entry_ids(self) -> list[str]:
        return self.sessions_model.checked_ids()

    def template_id(self) -> str:
        button = self.templates.checkedButton()
        return button.property("template_id") if button else "group"

    def question_text(self) -> str:
        return self.question.toPlainText().strip()

    def profile_fields(self) -> tuple[str, ...]:
        return self.profile.fields()

    def case_key(self) -> tuple:
        return (self.client_id(), tuple(self.entry_ids()), self.template_id(), self.question_text(),
                self.profile_fields())

    # --- behaviour -------------------------------------------------------------------------

    def _client_changed(self) -> None:
        cid = self.client_id()
        summaries = self.journal.summaries(cid) if cid else []
        self.sessions_model.set_rows(summaries)
        self.last.blockSignals(True)
        self.last.setMaximum(len(summaries))
        self.last.setValue(0)
        self.last.blockSignals(False)

    def _sessions_changed(self, *args) -> None:
        n, total = len(self.entry_ids()), self.sessions_model.rowCount()
        if not total:
            self.sessions_hint.setText(self.tr("This client has no sessions yet."))
        else:
            self.sessions_hint.setText(self.tr("%1 of %2 chosen").replace("%1", str(n))
                                       .replace("%2", str(total)))
        self.completeChanged.emit()

    def _question_changed(self) -> None:
        if self.question_text():
            self.question_hint.setVisible(False)
            self._warned_no_question = False

    def show_problem(self, text: str) -> None:
        """Why the case cannot go on (shown under the question)."""
        self.question_hint.setText(text)
        self.question_hint.setVisible(True)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.client_id()) and bool(self.entry_ids())

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        if not self.question_text() and not self._warned_no_question:
            self._warned_no_question = True
            self.question_hint.setText(self.tr(
                "You have not written a question. The people reading the brief will not know "
                "what you want from them. Write one, or press Next again to go on without it."))
            self.question_hint.setVisible(True)
            self.question.setFocus()
            return False
        return self.wizard().prepare_draft()
