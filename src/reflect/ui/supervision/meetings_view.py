"""The meetings logged so far, newest first: open one to edit it, log a new one, delete one;
tick the chosen meeting's action points done (kept at once).

It refreshes itself from ``journalChanged`` (a meeting saved or deleted here or anywhere else,
a client forgotten), never by being told to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reflect.core.changes import PEOPLE, SUPERVISION
from reflect.core.supervision import SupervisionLog
from reflect.ui.events import JournalEvents

from .action_list import ACTION, action_item, show_done
from .labels import day_text, duration_text, kind_label, tr
from .meeting_dialog import MeetingDialog


class MeetingsDialog(QDialog):
    def __init__(self, journal, parent=None, events: JournalEvents | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.events = events if events is not None else JournalEvents(self)
        self.events.journalChanged.connect(self._journal_changed)
        self.meetings = []
        self.setWindowTitle(tr("Supervision Meetings"))
        self.resize(860, 560)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("When"), tr("Kind"), tr("Group or supervisor"),
                                              tr("How long"), tr("Cases and suggestions")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(tr("Meetings"))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.actions_title = QLabel(tr("&Action points — tick what you have done"))
        self.actions_title.setProperty("role", "subtitle")
        self.actions = QListWidget()
        self.actions.setAccessibleName(tr("Action points of this meeting"))
        self.actions_title.setBuddy(self.actions)
        self.actions.setMaximumHeight(120)
        self.actions.setStyleSheet("QListView::item { padding: 3px 2px; }")  # room for the ticks
        self.actions.itemChanged.connect(self._ticked)
        self.no_actions = QLabel(tr("No action points in this meeting."))
        self.no_actions.setProperty("role", "hint")
        self.empty = QLabel(tr("No meetings yet. After supervision, log the meeting: what you "
                               "presented, what the group asked and suggested."))
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        new = QPushButton(tr("&Log a Meeting…"))
        new.clicked.connect(self.new)
        self.edit_button = QPushButton(tr("&Open…"))
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete)
        row = QHBoxLayout()
        for b in (new, self.edit_button, self.delete_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.actions_title)
        layout.addWidget(self.actions)
        layout.addWidget(self.no_actions)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        keep = self._current().id if self._current() is not None else None
        self.meetings = SupervisionLog(self.journal).meetings()
        self._labels = {p.id: p.display for p in self.journal.clients()}
        self.table.setRowCount(len(self.meetings))
        for row, m in enumerate(self.meetings):
            cells = [day_text(m.date), kind_label(m.kind), m.group or "—",
                     duration_text(m.minutes), self._summary(m)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setVisible(bool(self.meetings))
        self.empty.setVisible(not self.meetings)
        ids = [m.id for m in self.meetings]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        self._update_buttons()

    def _summary(self, m) -> str:
        suggestions = sum(len(c.suggestions) for c in m.cases)
        whose = ", ".join(self._labels.get(c.client_id, tr("my work")) for c in m.cases)
        if not m.cases:
            text = tr("No case recorded")
        else:
            text = (tr("%1 · 1 suggestion") if suggestions == 1 else tr("%1 · %2 suggestions")
                    .replace("%2", str(suggestions))).replace("%1", whose)
        if m.actions:
            done = sum(a.done for a in m.actions)
            text += " · " + tr("%1 of %2 action points done").replace(
                "%1", str(done)).replace("%2", str(len(m.actions)))
        return text

    def _journal_changed(self, what, origin) -> None:
        if origin is not self and (SUPERVISION in what or PEOPLE in what):
            self.reload()

    def _show_actions(self) -> None:
        m = self._current()
        self.actions.blockSignals(True)
        self.actions.clear()
        for action in (m.actions if m is not None else []):
            self.actions.addItem(action_item(action, editable=False))
        self.actions.blockSignals(False)
        has = bool(m is not None and m.actions)
        self.actions.setVisible(has)
        self.actions_title.setVisible(has)
        self.no_actions.setVisible(m is not None and not m.actions)

    def _ticked(self, item) -> None:
        """A tick is kept at once, and the meeting's line says how many are done."""
        action = item.data(ACTION)
        action.done = item.checkState() == Qt.CheckState.Checked
        SupervisionLog(self.journal).set_action_done(action.id, action.done)
        self.actions.blockSignals(True)
        show_done(item)
        self.actions.blockSignals(False)
        row = self.table.currentRow()
        if 0 <= row < len(self.meetings):
            self.table.item(row, 4).setText(self._summary(self.meetings[row]))
        self.events.announce(SUPERVISION, self)

    def _current(self):
        row = self.table.currentRow()
        return self.meetings[row] if 0 <= row < len(self.meetings) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        has = self._current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self._show_actions()

    def new(self) -> None:
        MeetingDialog(self.journal, parent=self, events=self.events).exec()

    def edit(self) -> None:
        m = self._current()
        if m is not None:
            MeetingDialog(self.journal, m, self, events=self.events).exec()

    def delete(self) -> None:
        m = self._current()
        if m is None:
            return
        answer = QMessageBox.question(
            self, tr("Delete this meeting?"),
            tr("The meeting of %1, with its cases, the group's suggestions and what you recorded "
               "about them, will be deleted. This cannot be undone.").replace("%1", day_text(m.date)))
        if answer == QMessageBox.StandardButton.Yes:
            SupervisionLog(self.journal).delete_meeting(m.id)
            self.events.announce(SUPERVISION, None)  # this view too: the meeting is gone
