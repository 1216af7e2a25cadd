"""The meetings logged so far, newest first: open one to edit it, log a new one, delete one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reflect.core.supervision import SupervisionLog

from .labels import duration_text, kind_label, tr
from .meeting_dialog import MeetingDialog


class MeetingsDialog(QDialog):
    changed = Signal()

    def __init__(self, journal, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Supervision Meetings"))
        self.resize(820, 460)
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
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.meetings = SupervisionLog(self.journal).meetings()
        labels = {p.id: p.display for p in self.journal.clients()}
        self.table.setRowCount(len(self.meetings))
        for row, m in enumerate(self.meetings):
            suggestions = sum(len(c.suggestions) for c in m.cases)
            whose = ", ".join(labels.get(c.client_id, tr("my work")) for c in m.cases) or "—"
            cells = [f"{m.date:%d %b %Y}", kind_label(m.kind), m.group or "—",
                     duration_text(m.minutes),
                     tr("%1 · %2 suggestions").replace("%1", whose).replace("%2", str(suggestions))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setVisible(bool(self.meetings))
        self.empty.setVisible(not self.meetings)
        self._update_buttons()

    def _current(self):
        row = self.table.currentRow()
        return self.meetings[row] if 0 <= row < len(self.meetings) and self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        has = self._current() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def new(self) -> None:
        if MeetingDialog(self.journal, parent=self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def edit(self) -> None:
        m = self._current()
        if m is not None and MeetingDialog(self.journal, m, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def delete(self) -> None:
        m = self._current()
        if m is None:
            return
        answer = QMessageBox.question(
            self, tr("Delete this meeting?"),
            tr("The meeting of %1, with its cases, the group's suggestions and what you recorded "
               "about them, will be deleted. This cannot be undone.").replace("%1", f"{m.date:%d %b %Y}"))
        if answer == QMessageBox.StandardButton.Yes:
            SupervisionLog(self.journal).delete_meeting(m.id)
            self.reload()
            self.changed.emit()
