"""Action points as a list to tick off: each one's box says whether it is done; type a new one
and press Enter to add it, double-click (or F2) to reword one, Delete or Remove to take it out.

Used where a meeting is logged (the edits are saved with the meeting) and where meetings are
looked back on (``toggled`` lets the view save a tick at once)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.supervision import ActionPoint

from .labels import tr

ACTION = Qt.ItemDataRole.UserRole


def action_item(action: ActionPoint, *, editable: bool = True) -> QListWidgetItem:
    item = QListWidgetItem(action.text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    item.setFlags(flags)
    item.setCheckState(Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked)
    item.setData(ACTION, action)
    show_done(item)
    return item


def show_done(item: QListWidgetItem) -> None:
    """A done action point is struck through, as on a paper list."""
    font = item.font()
    font.setStrikeOut(item.checkState() == Qt.CheckState.Checked)
    item.setFont(font)
    item.setToolTip(tr("Done") if item.checkState() == Qt.CheckState.Checked else tr("To do"))


class NewActionLine(QLineEdit):
    """Enter adds the action point here; it does not also press the dialog's default button."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.returnPressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ActionList(QWidget):
    """The action points of one case, editable: text, done, added, removed."""

    def __init__(self, actions: list[ActionPoint], parent=None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Action points"))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setMaximumHeight(96)
        self.list.setStyleSheet("QListView::item { padding: 3px 2px; }")  # room for the ticks
        for action in actions:
            self.list.addItem(action_item(action))
        self.list.itemChanged.connect(self._changed)
        self.new = NewActionLine()
        self.new.setPlaceholderText(tr("What you will do next, then Enter"))
        self.new.setAccessibleName(tr("New action point"))
        self.new.returnPressed.connect(self.add_typed)
        add = QPushButton(tr("Add"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_typed)
        remove = QPushButton(tr("Remove"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        row = QHBoxLayout()
        row.addWidget(self.new, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def _changed(self, item: QListWidgetItem) -> None:
        self.list.blockSignals(True)
        show_done(item)
        self.list.blockSignals(False)

    def add(self, text: str) -> None:
        text = text.strip()
        if text:
            self.list.addItem(action_item(ActionPoint(text)))

    def add_typed(self) -> None:
        self.add(self.new.text())
        self.new.clear()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def set_done(self, row: int, done: bool) -> None:
        self.list.item(row).setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def action_points(self) -> list[ActionPoint]:
        """As listed: each keeps its id; its text and done as shown (an emptied one is left out).
        Text still typed in the new-point field is added, so nothing typed is lost."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            action: ActionPoint = item.data(ACTION)
            text = item.text().strip()
            if not text:
                continue
            action.text = text
            action.done = item.checkState() == Qt.CheckState.Checked
            out.append(action)
        if self.new.text().strip():
            out.append(ActionPoint(self.new.text().strip()))
        return out
