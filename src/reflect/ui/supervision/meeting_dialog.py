"""Log a supervision meeting (or edit one): when, what kind, the group's or supervisor's name,
how long, who chaired; the cases presented, each on its own tab; notes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
)

from reflect.core.changes import SUPERVISION
from reflect.core.supervision import (
    Meeting,
    MeetingKind,
    PresentedCase,
    SupervisionLog,
    brief_exports,
)

from .case_editor import CaseEditor
from .labels import kind_label, tr


class MeetingDialog(QDialog):
    def __init__(self, journal, meeting: Meeting | None = None, parent=None, *,
                 client_id: str | None = None, events=None) -> None:
        """``events``: where the saved meeting is announced (the views that show meetings,
        suggestions and follow-ups refresh themselves from it)."""
        super().__init__(parent)
        self.journal = journal
        self._events = events
        self.meeting = meeting or Meeting(datetime.now().replace(second=0, microsecond=0),
                                          minutes=90, cases=[PresentedCase(client_id)])
        self.setWindowTitle(tr("Supervision Meeting") if meeting else tr("Log a Supervision Meeting"))
        self.resize(860, 640)
        self._clients = journal.clients()
        self._exports = brief_exports(journal)
        m = self.meeting
        self.when = QDateTimeEdit(QDateTime(m.date))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy  HH:mm")
        self.when.setAccessibleName(tr("When"))
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(self.kind.findData(m.kind))
        self.kind.setAccessibleName(tr("Kind of meeting"))
        self.group = QLineEdit(m.group)
        self.group.setPlaceholderText(tr("The group's name, or your supervisor's"))
        self.group.setAccessibleName(tr("Group or supervisor"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(tr(" min"))
        self.minutes.setSpecialValueText(tr("not said"))
        self.minutes.setValue(m.minutes or 0)
        self.minutes.setAccessibleName(tr("How long"))
        self.chair = QLineEdit(m.chair)
        self.chair.setPlaceholderText(tr("Who chaired (rotating groups)"))
        self.chair.setAccessibleName(tr("Who chaired"))
        self.notes = QPlainTextEdit(m.notes)
        self.notes.setPlaceholderText(tr("Anything else worth keeping from the meeting"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(54)
        self.notes.setAccessibleName(tr("Notes"))

        top = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.when)
        row.addWidget(self.kind)
        row.addStretch(1)
        when_label = QLabel(tr("&When:"))
        when_label.setBuddy(self.when)
        top.addRow(when_label, row)
        top.addRow(tr("&Group or supervisor:"), self.group)
        row2 = QHBoxLayout()
        row2.addWidget(self.minutes)
        row2.addWidget(QLabel(tr("Chaired by:")))
        row2.addWidget(self.chair, 1)
        how_long = QLabel(tr("&How long:"))
        how_long.setBuddy(self.minutes)
        top.addRow(how_long, row2)

        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_case)
        for case in m.cases or [PresentedCase(client_id)]:
            case_actions = [a for a in m.actions if a.case_id == case.id and case.id]
            self._add_case(case, case_actions)
        self._meeting_actions = [a for a in m.actions if not a.case_id or
                                 a.case_id not in {c.id for c in m.cases}]
        add_case = QPushButton(tr("Another &case"))
        add_case.clicked.connect(lambda: self._add_case(PresentedCase(None), []))
        self.tabs.setCornerWidget(add_case)

        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        notes_form = QFormLayout()
        notes_form.addRow(tr("&Notes:"), self.notes)
        layout.addLayout(notes_form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _add_case(self, case: PresentedCase, actions) -> CaseEditor:
        editor = CaseEditor(self._clients, case, actions, exports=self._exports,
                            meeting_date=self.meeting.date)
        index = self.tabs.addTab(editor, editor.label())
        editor.client.currentIndexChanged.connect(
            lambda _i, e=editor: self.tabs.setTabText(self.tabs.indexOf(e), e.label()))
        self.tabs.setCurrentIndex(index)
        return editor

    def _close_case(self, index: int) -> None:
        if self.tabs.count() > 1:
            self.tabs.removeTab(index)

    def case_editors(self) -> list[CaseEditor]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def edited(self) -> Meeting:
        m = self.meeting
        m.date = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        m.kind = self.kind.currentData()
        m.group = self.group.text().strip()
        m.minutes = self.minutes.value() or None
        m.chair = self.chair.text().strip()
        m.notes = self.notes.toPlainText().strip()
        editors = self.case_editors()
        m.cases = [e.case() for e in editors]
        m.actions = list(self._meeting_actions) + [a for e in editors for a in e.action_points()]
        return m

    def save(self) -> None:
        meeting = self.edited()
        try:
            SupervisionLog(self.journal).save_meeting(meeting)
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        except Exception as exc:  # a store error, shown as it is (no content)
            self.error.setText(tr("Not saved: %1").replace("%1", str(exc)))
            return
        if self._events is not None:
            self._events.announce(SUPERVISION, self)
        self.accept()
