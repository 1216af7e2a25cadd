"""The demands and the controls of one entry: a list of rows with an add button and an empty state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from reflect.ui.editor.demand_control_rows import ControlRow, DemandRow, RowFrame
from reflect.ui.widgets.style import MutedLabel


class RowList(QWidget):
    """Rows of one kind, in order. Emits ``changed`` on any edit, add or removal."""

    changed = Signal()
    rowsChanged = Signal()  # a row was added or removed: the tab order needs redoing
    rowRemoved = Signal(str)  # what the removed row said, for "Undo remove"

    row_type: type[RowFrame] = RowFrame

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RowFrame] = []
        self._removed: list[tuple[int, dict[str, Any]]] = []  # for undo, newest last
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.empty = MutedLabel("", self)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(8)
        self.add_button = QPushButton(self)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows_box)
        layout.addLayout(bar)
        self.add_button.clicked.connect(self._add_clicked)

    def _add_clicked(self) -> None:
        row = self.add_row()
        row.focus_widgets()[0].setFocus()

    def add_row(self, data: dict[str, Any] | None = None) -> RowFrame:
        return self.insert_row(len(self.rows), data)

    def insert_row(self, index: int, data: dict[str, Any] | None = None) -> RowFrame:
        row = self.row_type(data, self)
        index = max(0, min(index, len(self.rows)))
        self.rows.insert(index, row)
        self.rows_box.insertWidget(index, row)
        row.show()
        row.changed.connect(self.changed)
        row.removeRequested.connect(self.remove_row)
        self._renumber()
        self.rowsChanged.emit()
        self.changed.emit()
        return row

    def remove_row(self, row: QWidget) -> None:
        if row not in self.rows:
            return
        index = self.rows.index(row)
        state = row.state()
        self._removed.append((index, state))
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()
        self.rowsChanged.emit()
        self.changed.emit()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].focus_widgets()[0].setFocus()
        else:
            self.add_button.setFocus()
        self.rowRemoved.emit(str(state.get("text") or ""))

    def can_restore(self) -> bool:
        return bool(self._removed)

    def restore_removed(self) -> RowFrame | None:
        """Put the last removed row back where it was."""
        if not self._removed:
            return None
        index, state = self._removed.pop()
        row = self.insert_row(index, state)
        row.focus_widgets()[0].setFocus()
        return row

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_position(number)
        self.empty.setVisible(not self.rows)

    def clear_rows(self) -> None:
        for row in self.rows:
            self.rows_box.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        self._removed = []
        self._renumber()
        self.rowsChanged.emit()

    def set_states(self, states: list[dict[str, Any]]) -> None:
        self.blockSignals(True)
        try:
            self.clear_rows()
            for data in states:
                self.add_row(data)
        finally:
            self.blockSignals(False)
        self.rowsChanged.emit()

    def states(self) -> list[dict[str, Any]]:
        return [row.state() for row in self.rows]

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            out.extend(row.focus_widgets())
        return [*out, self.add_button]


class DemandList(RowList):
    row_type = DemandRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty.setText(
            self.tr(
                "No demands yet. A demand is anything in the work that called for a response: "
                "the room, the people, how the client communicated, or what went on in you."
            )
        )
        self.add_button.setText(self.tr("Add demand"))
        self.add_button.setAccessibleName(self.tr("Add a demand"))
        self.add_button.setToolTip(self.tr("Add a demand you met in this session"))

    def add_resulting(self, control_id: str, outcome: str, category: str | None = None) -> DemandRow:
        """The demand that resulted from a control's outcome; one per control, not duplicated."""
        for row in self.rows:
            if isinstance(row, DemandRow) and row.from_control == control_id:
                return row
        data: dict[str, Any] = {"text": outcome, "from_control": control_id}
        if category:
            data["category"] = category
        row = self.add_row(data)
        assert isinstance(row, DemandRow)
        return row

    def choices(self) -> list[tuple[str, str]]:
        """(demand id, label) of each demand, for a control's "Answers" list."""
        return [(row.row_id, row.choice_label(i)) for i, row in enumerate(self.rows, start=1)
                if isinstance(row, DemandRow)]

    def show_origins(self, control_texts: dict[str, str]) -> None:
        for row in self.rows:
            if isinstance(row, DemandRow):
                row.set_origin(control_texts.get(row.from_control or "", ""))


class ControlList(RowList):
    row_type = ControlRow
    resultingDemandRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty.setText(
            self.tr(
                "No controls yet. A control is what you brought to bear — before, during or after "
                "— from doing less and staying strictly in role to doing more."
            )
        )
        self._choices: list[tuple[str, str]] = []
        self.add_button.setText(self.tr("Add control"))
        self.add_button.setAccessibleName(self.tr("Add a control"))
        self.add_button.setToolTip(self.tr("Add something you did, decided or drew on"))

    def add_row(self, data: dict[str, Any] | None = None) -> RowFrame:
        row = super().add_row(data)
        assert isinstance(row, ControlRow)
        row.resultingDemandRequested.connect(self.resultingDemandRequested)
        row.set_demand_choices(self._choices)
        return row

    def mark_resulting(self, control_ids: set[str]) -> None:
        for row in self.rows:
            if isinstance(row, ControlRow):
                row.set_has_resulting(row.row_id in control_ids)

    def set_demand_choices(self, choices: list[tuple[str, str]]) -> None:
        self._choices = list(choices)
        for row in self.rows:
            if isinstance(row, ControlRow):
                row.set_demand_choices(choices)

    def texts(self) -> dict[str, str]:
        return {row.row_id: row.text.text() for row in self.rows if isinstance(row, ControlRow)}
