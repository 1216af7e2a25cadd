"""The client list: "All entries", each client with their entry count, "General reflections".

A client with a recurring theme gets a small marker (●) and a tooltip naming the themes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reflect.core.model import EntrySummary, Person
from reflect.core.query import ALL, GENERAL
from reflect.ui.widgets.look import muted_color

KEY_ROLE = Qt.ItemDataRole.UserRole
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
RECURRING_ROLE = Qt.ItemDataRole.UserRole + 2  # "Recurring: Boundaries (3 of last 5)" or ""
MARKER = "\u25cf"


@dataclass
class ClientRow:
    key: str  # a client id, ALL or GENERAL
    label: str
    count: int
    tooltip: str = ""
    recurring: str = ""


class ClientListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ClientRow] = []
        self._recurring: dict[str, str] = {}

    def set_journal_data(self, clients: list[Person], summaries: list[EntrySummary]) -> None:
        counts = Counter(s.client_id for s in summaries)
        rows = [ClientRow(ALL, self.tr("All entries"), len(summaries))]
        for p in clients:
            tip = p.name if p.alias and p.alias != p.name else ""
            rows.append(ClientRow(p.id, p.display, counts.get(p.id, 0), tip,
                                  self._recurring.get(p.id, "")))
        rows.append(ClientRow(GENERAL, self.tr("General reflections"), counts.get(None, 0),
                              self.tr("Entries about the work in general, with no client")))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._recurring = {}
        self.endResetModel()

    def set_recurring(self, by_client: dict[str, list[tuple[str, int, int]]]) -> None:
        """client id -> [(theme label, count, of sessions)]; an empty dict clears every flag."""
        self._recurring = {
            client: self.tr("Recurring: %1").replace("%1", ", ".join(
                self.tr("%1 (%2 of last %3)").replace("%1", label).replace("%2", str(n))
                .replace("%3", str(of)) for label, n, of in themes))
            for client, themes in by_client.items() if themes}
        for i, row in enumerate(self._rows):
            text = self._recurring.get(row.key, "")
            if text != row.recurring:
                row.recurring = text
                index = self.index(i, 0)
                self.dataChanged.emit(index, index)

    def row_of(self, key: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.tr("%1, %n entries", "", row.count).replace("%1", row.label)
            return f"{text}. {row.recurring}" if row.recurring else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (row.tooltip, row.recurring) if t) or None
        if role == RECURRING_ROLE:
            return row.recurring
        if role == KEY_ROLE:
            return row.key
        if role == COUNT_ROLE:
            return row.count
        if role == Qt.ItemDataRole.FontRole and row.key in (ALL, GENERAL):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(row.key == GENERAL)
            font.setWeight(QFont.Weight.DemiBold if row.key == ALL else QFont.Weight.Normal)
            return font
        return None


class CountDelegate(QStyledItemDelegate):
    """Draws the row's name on the left and its entry count, quietly, on the right."""

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        count = str(index.data(COUNT_ROLE))
        marker = MARKER if index.data(RECURRING_ROLE) else ""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        metrics = opt.fontMetrics
        rect = option.rect.adjusted(12, 0, -12, 0)
        count_width = metrics.horizontalAdvance(count) + 12
        marker_width = metrics.horizontalAdvance(marker + "  ") if marker else 0
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(option.palette.highlightedText().color() if selected
                       else option.palette.text().color())
        name_rect = QRect(rect.adjusted(0, 0, -count_width - marker_width, 0))
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width()))
        painter.setPen(option.palette.highlightedText().color() if selected else muted_color())
        right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(rect, right, count)
        if marker:
            painter.setPen(option.palette.highlightedText().color() if selected
                           else option.palette.highlight().color())
            painter.drawText(rect.adjusted(0, 0, -count_width, 0), right, marker)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt API
        size = super().sizeHint(option, index)
        return QSize(size.width() + 48, max(size.height() + 12, 32))


class ClientListView(QListView):
    scopeChanged = Signal(str)  # ALL, GENERAL or a client id

    def __init__(self, model: ClientListModel, parent=None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(CountDelegate(self))
        self.setAccessibleName(self.tr("Clients"))
        self.setUniformItemSizes(True)
        self.selectionModel().currentChanged.connect(
            lambda current, _prev: current.isValid()
            and self.scopeChanged.emit(current.data(KEY_ROLE)))

    def current_key(self) -> str:
        index = self.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else ALL

    def select_key(self, key: str, *, quiet: bool = False) -> None:
        row = self.model().row_of(key)
        if row < 0:
            row = 0
        if quiet:
            self.selectionModel().blockSignals(True)
        self.setCurrentIndex(self.model().index(row, 0))
        if quiet:
            self.selectionModel().blockSignals(False)
            self.viewport().update()
