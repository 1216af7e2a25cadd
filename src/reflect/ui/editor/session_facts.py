"""The facts of a session: when, with whom, where, how long, and stress before and after.

The client is an editable combo: pick a client, choose "No client — a general reflection", or type
a new name. A new name shows an "Add as a client" button (Enter does the same): the client is made
at once and chosen. A name left typed is still created as a client when the entry is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from reflect.core.model import MAX_MINUTES, Person, Setting
from reflect.ui.widgets.style import MutedLabel

NOT_SET = -1


def _spin(parent: QWidget, low: int, high: int, special: str, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setRange(low, high)
    spin.setSpecialValueText(special)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(100)
    spin.setMaximumWidth(180)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


class SessionFields(QWidget):
    changed = Signal()
    createClientRequested = Signal(str)  # a new name typed in the client field, to add at once

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Set by the editor: is this typed name already a client (by any of their names)?
        self.is_known_client: Callable[[str], bool] = lambda name: False
        self.date = QDateTimeEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy, HH:mm")
        self.date.setAccessibleName(self.tr("Date and time of the session"))
        self.date.setToolTip(self.tr("When the session happened"))
        self.date.setMinimumWidth(150)

        self.client = QComboBox(self)
        self.client.setEditable(True)
        self.client.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.client.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.client.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.client.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.client.setMinimumContentsLength(18)
        self.client.setAccessibleName(self.tr("Client"))
        self.client.setToolTip(
            self.tr("Pick a client, or type a new name: they are added when you save.")
        )
        self.client.lineEdit().setPlaceholderText(self.tr("Pick or type a name"))
        self.client_note = MutedLabel("", self)
        self.client_note.setWordWrap(False)
        self.add_client_button = QToolButton(self)
        self.add_client_button.setVisible(False)
        self.add_client_button.setToolTip(
            self.tr("Add this name to your clients now, and file this entry under them (Enter)")
        )
        self.add_client_button.clicked.connect(self._request_client)
        self.client.lineEdit().returnPressed.connect(self._return_in_client)
        client_box = QWidget(self)
        client_row = QHBoxLayout(client_box)
        client_row.setContentsMargins(0, 0, 0, 0)
        client_row.addWidget(self.client, 1)
        client_row.addWidget(self.add_client_button)
        client_row.addWidget(self.client_note)

        self.setting = QComboBox(self)
        self.setting.addItem(self.tr("Not said"), None)
        for value, label in (
            (Setting.IN_PERSON, self.tr("In person")),
            (Setting.ONLINE, self.tr("Online")),
            (Setting.PHONE, self.tr("Phone")),
            (Setting.HOME_VISIT, self.tr("Home visit")),
            (Setting.OTHER, self.tr("Other")),
        ):
            self.setting.addItem(label, str(value))
        self.setting.setAccessibleName(self.tr("Setting"))
        self.setting.setToolTip(self.tr("Where the session took place"))
        self.setting.setMinimumWidth(100)

        # up to three days: a birth a doula attends can last well past one
        self.planned = _spin(self, 0, MAX_MINUTES, self.tr("not set"), self.tr(" min"))
        self.planned.setSingleStep(5)
        self.planned.setAccessibleName(self.tr("Planned minutes"))
        self.planned.setToolTip(self.tr("How long the session was booked for"))
        self.actual = _spin(self, 0, MAX_MINUTES, self.tr("not set"), self.tr(" min"))
        self.actual.setSingleStep(5)
        self.actual.setAccessibleName(self.tr("Actual minutes"))
        self.actual.setToolTip(self.tr("How long it really took"))
        self.overtime = MutedLabel("", self)

        self.stress_before = _spin(self, NOT_SET, 10, self.tr("not rated"))
        self.stress_before.setAccessibleName(self.tr("Stress before, 0 to 10"))
        self.stress_after = _spin(self, NOT_SET, 10, self.tr("not rated"))
        self.stress_after.setAccessibleName(self.tr("Stress after, 0 to 10"))
        for spin in (self.stress_before, self.stress_after):
            spin.setToolTip(self.tr("0 is calm, 10 is as stressed as you get"))
            spin.setSuffix(self.tr(" of 10"))
        self.stress_scale = MutedLabel(self.tr("0 calm · 10 as stressed as you get"), self)
        self.stress_change = MutedLabel("", self)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(10)
        rows = [
            (self.tr("&When"), self.date, self.tr("Settin&g"), self.setting),
            (self.tr("C&lient"), client_box, None, None),
            (self.tr("&Planned"), self.planned, self.tr("Act&ual"), self.actual),
            (self.tr("Stress &before"), self.stress_before, self.tr("Stress &after"), self.stress_after),
        ]
        self.stress_labels: list[QLabel] = []
        for r, (label1, field1, label2, field2) in enumerate(rows):
            first = QLabel(label1, self)
            first.setBuddy(self.client if field1 is client_box else field1)
            grid.addWidget(first, r, 0)
            if field2 is None:
                grid.addWidget(field1, r, 1, 1, 4)
                continue
            grid.addWidget(field1, r, 1)
            second = QLabel(label2, self)
            second.setBuddy(field2)
            grid.addWidget(second, r, 2, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(field2, r, 3)
            if r == 3:
                self.stress_labels = [first, second]
        grid.addWidget(self.overtime, 2, 4)
        grid.addWidget(self.stress_change, 3, 4)
        grid.addWidget(self.stress_scale, 4, 1, 1, 4)
        grid.setColumnStretch(4, 1)

        self.date.dateTimeChanged.connect(self.changed)
        self.client.currentTextChanged.connect(self._client_changed)
        self.setting.currentIndexChanged.connect(self.changed)
        for spin in (self.planned, self.actual, self.stress_before, self.stress_after):
            spin.valueChanged.connect(self._numbers_changed)

    # --- clients --------------------------------------------------------------------------

    def no_client_label(self) -> str:
        return self.tr("No client — a general reflection")

    def set_clients(self, clients: list[Person]) -> None:
        text = self.client.currentText()
        self.client.blockSignals(True)
        self.client.clear()
        self.client.addItem(self.no_client_label(), None)
        for person in clients:
            label = person.name if not person.alias else f"{person.name} ({person.alias})"
            self.client.addItem(label, person.id)
        self.client.setEditText(text)
        self.client.blockSignals(False)

    def select_client(self, client_id: str | None, typed_name: str = "") -> None:
        index = self.client.findData(client_id) if client_id else -1
        if index >= 0:
            self.client.setCurrentIndex(index)
            self.client.setEditText(self.client.itemText(index))
        elif typed_name:
            self.client.setCurrentIndex(-1)
            self.client.setEditText(typed_name)
        else:
            self.client.setCurrentIndex(0)
            self.client.setEditText(self.no_client_label())
        self._refresh_offer()

    def client_choice(self) -> tuple[str | None, str]:
        """(id of a known client or None, the name typed when it is a new one)."""
        text = self.client.currentText().strip()
        if not text or text == self.no_client_label():
            return None, ""
        index = self.client.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.client.itemData(index), ""
        return None, text

    def new_client_name(self) -> str:
        """The name typed in the client field when it is not yet a client ('' otherwise)."""
        _, name = self.client_choice()
        return name if name and not self.is_known_client(name) else ""

    def _client_changed(self) -> None:
        self._refresh_offer()
        self.changed.emit()

    def _refresh_offer(self) -> None:
        name = self.new_client_name()
        shown = name if len(name) <= 24 else name[:23] + "…"
        self.add_client_button.setText(self.tr("Add “%1” as a client").replace("%1", shown))
        self.add_client_button.setAccessibleName(
            self.tr("Add %1 as a new client").replace("%1", name)
        )
        self.add_client_button.setVisible(bool(name))
        self.client_note.setText("")

    def _request_client(self) -> None:
        name = self.new_client_name()
        if name:
            self.createClientRequested.emit(name)

    def _return_in_client(self) -> None:
        if self.new_client_name():
            self._request_client()

    # --- numbers --------------------------------------------------------------------------

    def _numbers_changed(self) -> None:
        planned, actual = self.planned.value(), self.actual.value()
        over = actual - planned if planned and actual else 0
        self.overtime.setText(self.tr("%1 min over").replace("%1", str(over)) if over > 0 else "")
        before, after = self.stress_before.value(), self.stress_after.value()
        if before >= 0 and after >= 0:
            change = after - before
            self.stress_change.setText(
                self.tr("change %1").replace("%1", f"{change:+d}") if change else self.tr("no change")
            )
        else:
            self.stress_change.setText("")
        self.changed.emit()

    def set_stress_visible(self, visible: bool) -> None:
        for w in (self.stress_before, self.stress_after, self.stress_scale, self.stress_change):
            w.setVisible(visible)
        for label in self.stress_labels:
            label.setVisible(visible)

    # --- state ----------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        client_id, client_name = self.client_choice()

        def value(spin: QSpinBox) -> int | None:
            return spin.value() if spin.value() > spin.minimum() else None

        return {
            "date": self.date.dateTime().toPython().replace(second=0, microsecond=0).isoformat(
                timespec="minutes"
            ),
            "client_id": client_id,
            "client_name": client_name,
            "setting": self.setting.currentData(),
            "planned_minutes": value(self.planned),
            "actual_minutes": value(self.actual),
            "stress_before": value(self.stress_before),
            "stress_after": value(self.stress_after),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        self.date.setDateTime(QDateTime(datetime.fromisoformat(state["date"])))
        self.select_client(state["client_id"], state["client_name"])
        self.setting.setCurrentIndex(max(self.setting.findData(state["setting"]), 0))
        self.planned.setValue(state["planned_minutes"] or 0)
        self.actual.setValue(state["actual_minutes"] or 0)
        for spin, key in ((self.stress_before, "stress_before"), (self.stress_after, "stress_after")):
            spin.setValue(NOT_SET if state[key] is None else state[key])

    def clear(self) -> None:
        self.client.blockSignals(True)
        self.client.clear()
        self.client.clearEditText()
        self.client.blockSignals(False)
        self.client_note.clear()
        self.add_client_button.setVisible(False)
        self.date.setDateTime(QDateTime.currentDateTime())
        self.setting.setCurrentIndex(0)
        for spin in (self.planned, self.actual):
            spin.setValue(0)
        for spin in (self.stress_before, self.stress_after):
            spin.setValue(NOT_SET)

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.date,
            self.setting,
            self.client,
            self.add_client_button,
            self.planned,
            self.actual,
            self.stress_before,
            self.stress_after,
        ]
