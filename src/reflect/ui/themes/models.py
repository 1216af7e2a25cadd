"""Thin Qt models for the themes window: the client × theme heat map and a cell's entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from reflect.core.query import GENERAL
from reflect.core.themes import JournalThemes, Recurrence

KEY_ROLE = Qt.ItemDataRole.UserRole  # a client id or GENERAL (rows); a theme id (columns)
THEME_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
RECURRING_ROLE = Qt.ItemDataRole.UserRole + 3  # bool
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 4
MARKER = "\u25cf"


def blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


@dataclass
class HeatRow:
    key: str  # client id or GENERAL
    label: str


class HeatMapModel(QAbstractTableModel):
    """Rows: clients (and general reflections); columns: themes that occur; cell: sessions."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[HeatRow] = []
        self._themes: list[tuple[str, str]] = []  # (id, label)
        self._counts: dict[tuple[str, str], int] = {}
        self._recurring: dict[tuple[str, str], Recurrence] = {}
        self._max = 1

    def set_result(self, result: JournalThemes | None, client_labels: dict[str, str]) -> None:
        """Rebuild from an analysis; ``client_labels`` is id -> alias or name, in list order."""
        self.beginResetModel()
        self._rows, self._themes, self._counts, self._recurring = [], [], {}, {}
        if result is not None:
            totals: dict[str, int] = {}
            for (client, theme), entries in result.grid().items():
                key = client or GENERAL
                self._counts[(key, theme)] = len(entries)
                totals[theme] = totals.get(theme, 0) + len(entries)
            self._themes = [(t, result.labels.get(t, t.replace("_", " ").title()))
                            for t in sorted(totals, key=lambda t: (-totals[t], t))]
            present = {client or GENERAL for client, _ in result.grid()}
            present |= {a.client_id or GENERAL for a in result.entries}
            self._rows = [HeatRow(cid, label) for cid, label in client_labels.items()
                          if cid in present]
            if GENERAL in present:
                self._rows.append(HeatRow(GENERAL, self.tr("General reflections")))
            self._recurring = {(r.client, r.theme): r for r in result.recurring}
            self._max = max(self._counts.values(), default=1)
        self.endResetModel()

    def clear(self) -> None:
        self.set_result(None, {})

    # --- lookups ---------------------------------------------------------------------------

    def row_key(self, row: int) -> str:
        return self._rows[row].key

    def row_label(self, row: int) -> str:
        return self._rows[row].label

    def theme(self, column: int) -> tuple[str, str]:
        return self._themes[column]

    def index_of(self, key: str, theme: str) -> QModelIndex:
        rows = [i for i, r in enumerate(self._rows) if r.key == key]
        cols = [i for i, (t, _) in enumerate(self._themes) if t == theme]
        return self.index(rows[0], cols[0]) if rows and cols else QModelIndex()

    # --- Qt --------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._themes)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        horizontal = orientation == Qt.Orientation.Horizontal
        items = self._themes if horizontal else self._rows
        if not 0 <= section < len(items):
            return None
        label = items[section][1] if horizontal else items[section].label
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == KEY_ROLE:
            return items[section][0] if horizontal else items[section].key
        if role == Qt.ItemDataRole.FontRole and not horizontal and items[section].key == GENERAL:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)
                                       and 0 <= index.column() < len(self._themes)):
            return None
        row = self._rows[index.row()]
        theme, label = self._themes[index.column()]
        count = self._counts.get((row.key, theme), 0)
        rec = self._recurring.get((row.key, theme))
        if role == Qt.ItemDataRole.DisplayRole:
            if not count:
                return ""
            return f"{MARKER} {count}" if rec else str(count)
        if role == COUNT_ROLE:
            return count
        if role == RECURRING_ROLE:
            return rec is not None
        if role == KEY_ROLE:
            return row.key
        if role == THEME_ROLE:
            return theme
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and rec is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and count:
            palette = QApplication.palette()
            strength = 0.12 + 0.7 * (count / self._max)
            if role == Qt.ItemDataRole.BackgroundRole:
                accent = palette.color(QPalette.ColorRole.Highlight)
                if QApplication.instance().property("reflectDark"):
                    accent = accent.lighter(140)  # the dark base is close to the accent
                return blend(palette.color(QPalette.ColorRole.Base), accent, strength)
            return palette.color(QPalette.ColorRole.HighlightedText if strength > 0.5
                                 else QPalette.ColorRole.Text)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.tr("%1 · %2: %n sessions", "", count).replace("%1", row.label) \
                .replace("%2", label)
            if rec is not None:
                text += "\n" + self.tr("Recurring: %1 of the last %n sessions", "",
                                        rec.of_sessions).replace("%1", str(rec.count))
            return text
        return None


@dataclass
class EntryRow:
    entry_id: str
    date: datetime
    first_line: str
    note: str  # "suggested", "accepted", "added by you"


class ThemeEntriesModel(QAbstractTableModel):
    """The entries behind one heat-map cell: date and first line, newest first."""

    HEADERS = ("Date", "First line")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []

    def set_rows(self, rows: list[EntryRow]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: r.date, reverse=True)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def entry_id(self, row: int) -> str:
        return self._rows[row].entry_id

    def row_of(self, entry_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.entry_id == entry_id), -1)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row.date.strftime("%d %b %Y")
            return row.first_line or self.tr("(no text)")
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return row.note
        if role == ENTRY_ROLE:
            return row.entry_id
        return None
