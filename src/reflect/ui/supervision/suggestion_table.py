"""The group's alternative controls as a table: what, when, stance, likely consequence, and
whether the practitioner will try it. Edits keep each suggestion's id and follow-ups."""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
)

from reflect.core.model import Stance, Timing
from reflect.core.supervision import Suggestion

from .labels import stance_label, timing_label, tr

TEXT, WHEN, STANCE, CONSEQUENCE, TRY = range(5)


class SuggestionTable(QTableWidget):
    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels([tr("Suggestion"), tr("When"), tr("Stance"),
                                        tr("Likely consequence"), tr("I'll try it")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CONSEQUENCE, QHeaderView.ResizeMode.Stretch)
        for column in (WHEN, STANCE, TRY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setVisible(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName(tr("Alternative controls the group suggested"))
        self._kept: list[Suggestion | None] = []
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def add(self, suggestion: Suggestion | None = None) -> int:
        s = suggestion or Suggestion("")
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        self.setItem(row, TEXT, QTableWidgetItem(s.text))
        self.setItem(row, CONSEQUENCE, QTableWidgetItem(s.consequence))
        when = QComboBox()
        when.addItem("—", None)
        for t in Timing:
            when.addItem(timing_label(t), t)
        when.setCurrentIndex(max(0, when.findData(s.timing)))
        when.setAccessibleName(tr("When"))
        stance = QComboBox()
        stance.addItem("—", None)
        for st in (Stance.CONSERVATIVE, Stance.NEUTRAL, Stance.LIBERAL):
            stance.addItem(stance_label(st), st)
        stance.setCurrentIndex(max(0, stance.findData(s.stance)))
        stance.setAccessibleName(tr("Stance"))
        self.setCellWidget(row, WHEN, when)
        self.setCellWidget(row, STANCE, stance)
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if s.chosen else Qt.CheckState.Unchecked)
        self.setItem(row, TRY, check)
        self._kept.append(copy.deepcopy(suggestion) if suggestion else None)
        self.blockSignals(False)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.selectedIndexes()}, reverse=True)
        for row in rows:
            self.removeRow(row)
            del self._kept[row]
        if rows:
            self.changed.emit()

    def set_suggestions(self, suggestions: list[Suggestion]) -> None:
        self.setRowCount(0)
        self._kept = []
        for s in suggestions:
            self.add(s)

    def suggestions(self, today: date | None = None) -> list[Suggestion]:
        """What the table says, blank rows left out; a newly ticked one is chosen today."""
        out = []
        for row in range(self.rowCount()):
            text = (self.item(row, TEXT).text() if self.item(row, TEXT) else "").strip()
            if not text:
                continue
            s = self._kept[row] or Suggestion(text)
            s.text = text
            s.timing = self.cellWidget(row, WHEN).currentData()
            s.stance = self.cellWidget(row, STANCE).currentData()
            s.consequence = (self.item(row, CONSEQUENCE).text() or "").strip()
            ticked = self.item(row, TRY).checkState() == Qt.CheckState.Checked
            if not ticked:
                s.chosen = None
            elif s.chosen is None:
                s.chosen = today or date.today()
            out.append(s)
        return out
