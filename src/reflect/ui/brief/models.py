"""Thin models for the brief wizard: a client's sessions to choose from, and the redactions."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from reflect.core.deid import Redaction
from reflect.core.model import EntrySummary
from reflect.ui.brief.preview import UNCERTAIN_BELOW, kind_colour, kind_label

ID_ROLE = Qt.ItemDataRole.UserRole
_PASSAGE = re.compile(r"s(\d+)\.(narrative|went_well|demand|control|outcome)(\d*)$")


def passage_label(key: str, tr=lambda s: s) -> str:
    """'question' -> 'Question'; 's2.demand0' -> 'Session 2 · demand 1'."""
    if key == "question":
        return tr("Your question")
    m = _PASSAGE.match(key)
    if not m:
        return key
    session, part, n = m.groups()
    names = {"narrative": tr("narrative"), "went_well": tr("what went well"),
             "demand": tr("demand"), "control": tr("control"), "outcome": tr("outcome")}
    where = names[part] + (f" {int(n) + 1}" if n else "")
    return tr("Session %1 · %2").replace("%1", session).replace("%2", where)


class SessionListModel(QAbstractListModel):
    """One client's entries (newest first), each with a check box: date and first line."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EntrySummary] = []
        self._checked: list[bool] = []

    def set_rows(self, summaries: list[EntrySummary]) -> None:
        self.beginResetModel()
        self._rows = list(summaries)
        self._checked = [True] * len(self._rows)
        self.endResetModel()

    def check_newest(self, n: int) -> None:
        """Check the ``n`` most recent sessions (0: all of them)."""
        self._checked = [n <= 0 or i < n for i in range(len(self._rows))]
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])

    def checked_ids(self) -> list[str]:
        return [r.id for r, c in zip(self._rows, self._checked, strict=True) if c]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = row.first_line if len(row.first_line) <= 90 else row.first_line[:89] + "…"
            return f"{row.date:%Y-%m-%d}   {first}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self._checked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.first_line
        if role == ID_ROLE:
            return row.id
        return None

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if hasattr(value, "value") else value
        self._checked[index.row()] = state == Qt.CheckState.Checked.value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class RedactionTableModel(QAbstractTableModel):
    """Every redaction of a draft, least certain first: check, type, replacement, original, where."""

    COLUMNS = ("Check", "Type", "Shown as", "Original", "Where")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, Redaction]] = []

    def set_rows(self, rows: list[tuple[str, Redaction]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def uncertain_count(self) -> int:
        return sum(1 for _k, s in self.rows if s.confidence < UNCERTAIN_BELOW)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.COLUMNS)):
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        key, s = self.rows[index.row()]
        col = index.column()
        uncertain = s.confidence < UNCERTAIN_BELOW
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("To check") if uncertain else "",
                kind_label(s.kind),
                s.replacement,
                s.original,
                passage_label(key, self.tr),
            ][col]
        if role == Qt.ItemDataRole.DecorationRole and col == 1:
            return QColor(kind_colour(s.kind))
        if role == Qt.ItemDataRole.FontRole and col == 0 and uncertain:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ToolTipRole:
            sure = self.tr("%1% sure").replace("%1", str(round(s.confidence * 100)))
            return f"{kind_label(s.kind)} — {sure}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            check = self.tr("to check: ") if uncertain else ""
            return (check + self.tr("%1 shown as %2, written as %3")
                    .replace("%1", kind_label(s.kind)).replace("%2", s.replacement)
                    .replace("%3", s.original))
        return None
