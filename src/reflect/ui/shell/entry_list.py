"""The entry list: a thin table model over ``EntrySummary`` rows, and its view with an empty state.

Columns: date, client alias, first line, stress change ("4→7"), overtime ("+15 min").
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, Qt, QTime, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStackedWidget, QTableView, QWidget

from reflect.core.model import EntrySummary
from reflect.ui.widgets.look import error_color, muted_color
from reflect.ui.widgets.pages import label

DATE, CLIENT, FIRST_LINE, STRESS, OVERTIME = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole
_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, ID_ROLE,
})


def stress_text(s: EntrySummary) -> str:
    if s.stress_before is None or s.stress_after is None:
        return ""
    return f"{s.stress_before}→{s.stress_after}"


class EntryTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EntrySummary] = []
        self._clients: dict[str, str] = {}  # client id -> what the list shows (alias or name)
        self._locale = QLocale()
        self._headers = (self.tr("Date"), self.tr("Client"), self.tr("Entry"),
                         self.tr("Stress"), self.tr("Over time"))

    def set_rows(self, rows: list[EntrySummary], clients: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = rows
        if clients is not None:
            self._clients = clients
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([], {})

    def summary(self, row: int) -> EntrySummary:
        return self._rows[row]

    def row_of(self, entry_id: str) -> int:
        for i, s in enumerate(self._rows):
            if s.id == entry_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 5):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:  # the view asks for many roles per cell; answer the rest fast
            return None
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == DATE:
                return self._locale.toString(
                    QDate(s.date.year, s.date.month, s.date.day), QLocale.FormatType.LongFormat
                ) + ", " + self._locale.toString(QTime(s.date.hour, s.date.minute),
                                                 QLocale.FormatType.ShortFormat)
            if col == STRESS and s.stress_change is not None:
                return self.tr("Stress before %1, after %2 (0-10)").replace(
                    "%1", str(s.stress_before)).replace("%2", str(s.stress_after))
            if col == OVERTIME and s.overtime_minutes:
                return self.tr("Planned %1 min, took %2 min").replace(
                    "%1", str(s.planned_minutes)).replace("%2", str(s.actual_minutes))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STRESS and (s.stress_change or 0) >= 2:
                return error_color()
            if col == OVERTIME and s.overtime_minutes:
                return error_color()
            if col == DATE or (col == CLIENT and not s.client_id):
                return muted_color()
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (STRESS, OVERTIME):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return s.id
        return None

    def _display(self, s: EntrySummary, col: int) -> str:
        if col == DATE:
            return self._locale.toString(QDate(s.date.year, s.date.month, s.date.day), "d MMM yyyy")
        if col == CLIENT:
            if not s.client_id:
                return self.tr("General")
            return self._clients.get(s.client_id, "")
        if col == FIRST_LINE:
            return s.first_line or self.tr("(no text)")
        if col == STRESS:
            return stress_text(s)
        if col == OVERTIME:
            minutes = s.overtime_minutes
            return self.tr("+%1 min").replace("%1", str(minutes)) if minutes else ""
        return ""


class EntryListView(QStackedWidget):
    """The list of entries, or a sentence saying what to do when there is nothing to list."""

    entryActivated = Signal(str)  # the selected entry changed (by click or keyboard)

    def __init__(self, model: EntryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # A table, not a tree: its layout costs nothing per row, so a reset of 10,000 rows on
        # every keystroke stays instant (a QTreeView lays out every row after a reset).
        self.tree = QTableView()
        self.tree.setModel(model)
        self.tree.setShowGrid(False)
        self.tree.setWordWrap(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setTabKeyNavigation(False)
        self.tree.verticalHeader().hide()
        rows = self.tree.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.tree.horizontalHeader().setHighlightSections(False)
        self.tree.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAccessibleName(self.tr("Entries"))
        header = self.tree.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(FIRST_LINE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((DATE, 92), (CLIENT, 64), (STRESS, 56), (OVERTIME, 72)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        self.empty = label("", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setAccessibleName(self.tr("No entries"))
        self.addWidget(self.tree)
        self.addWidget(self.empty)
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        model.modelReset.connect(self._update_state)
        self.empty_text = ""

    def set_empty_text(self, text: str) -> None:
        self.empty_text = text
        self.empty.setText(text)
        self._update_state()

    def _update_state(self) -> None:
        self.setCurrentWidget(self.tree if self.model.rowCount() else self.empty)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.entryActivated.emit(self.model.summary(current.row()).id)

    def select_entry(self, entry_id: str) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().blockSignals(False)
        self.tree.viewport().update()
        self.tree.scrollTo(index)
        return True

    def select_first(self) -> None:
        """Make the first row current, as a click would (the editor follows)."""
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return self.model.summary(index.row()).id if index.isValid() else None
