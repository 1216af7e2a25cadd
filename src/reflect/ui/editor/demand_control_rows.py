"""One demand, one control: the rows the entry editor lists, each a small form of its own.

Rows rather than a table: a control has five parts and an action, and a practitioner moving with
the keyboard should meet them in reading order, each with a name a screen reader can say.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QWidget,
)

from reflect.core.drafts import EMPTY_CONTROL, EMPTY_DEMAND
from reflect.core.model import DemandCategory, Stance, Timing
from reflect.ui.widgets.style import MutedLabel, segments
from reflect.ui.widgets.wrap_text import WrapText


def _tr(text: str) -> str:
    return QCoreApplication.translate("DemandControl", text)


def category_choices() -> list[tuple[DemandCategory, str, str]]:
    """(category, label, one-line explanation) for EIPI, in the schema's order."""
    return [
        (
            DemandCategory.ENVIRONMENTAL,
            _tr("Environmental"),
            _tr("The setting and its requirements: the room, the place, a dropping call, a policy."),
        ),
        (
            DemandCategory.INTERPERSONAL,
            _tr("Interpersonal"),
            _tr("What happens between the people present: power, culture, a client pushing limits."),
        ),
        (
            DemandCategory.PARALINGUISTIC,
            _tr("Paralinguistic"),
            _tr("How the client communicates (and body signals in touch work): silence, tears, tensing."),
        ),
        (
            DemandCategory.INTRAPERSONAL,
            _tr("Intrapersonal"),
            _tr("What goes on inside you: tiredness, irritation, attraction, worry, feeling protective."),
        ),
    ]


def timing_choices() -> list[tuple[Timing, str, str]]:
    return [
        (Timing.PRE, _tr("Before"), _tr("Before the session: preparation, training, setting terms.")),
        (Timing.DURING, _tr("During"), _tr("During the session.")),
        (Timing.POST, _tr("After"), _tr("After: debrief, notes, supervision, a follow-up message.")),
    ]


def new_row_id() -> str:
    return uuid.uuid4().hex


class RowFrame(QFrame):
    """A softly framed row with a remove button; subclasses fill the grid."""

    changed = Signal()
    removeRequested = Signal(QWidget)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 8, 10, 8)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.remove_button = QToolButton(self)
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAutoRaise(True)
        self.remove_button.clicked.connect(lambda: self.removeRequested.emit(self))

    def set_position(self, number: int) -> None:
        """Name the row's controls for screen readers: 'Demand 2 text'."""

    def focus_widgets(self) -> list[QWidget]:
        return []


class DemandRow(RowFrame):
    """Category (EIPI, explained on hover), what it was, intensity 1-5."""

    def __init__(self, data: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = {**EMPTY_DEMAND, **(data or {})}
        self.row_id: str = data["id"] or new_row_id()
        self.from_control: str | None = data["from_control"]

        self.category = QComboBox(self)
        for i, (cat, label, explanation) in enumerate(category_choices()):
            self.category.addItem(label, str(cat))
            self.category.setItemData(i, explanation, Qt.ItemDataRole.ToolTipRole)
        self.category.setMinimumContentsLength(12)
        self.text = WrapText(self)
        self.text.setPlaceholderText(self.tr("What called for a response?"))
        self.text.setMinimumWidth(100)
        self.intensity = QSpinBox(self)
        self.intensity.setRange(0, 5)
        self.intensity.setSpecialValueText(self.tr("not rated"))
        self.intensity.setSuffix(self.tr(" of 5"))
        self.intensity.setMinimumWidth(100)
        self.intensity.setToolTip(self.tr("How strongly it pressed on you, 1 (a little) to 5 (a lot)."))
        intensity_label = QLabel(self.tr("Intensity"), self)
        intensity_label.setBuddy(self.intensity)
        scale = MutedLabel(self.tr("1 a little · 5 a lot"), self)
        scale.setWordWrap(False)
        strength = QHBoxLayout()
        strength.setContentsMargins(0, 0, 0, 0)
        strength.setSpacing(8)
        strength.addWidget(intensity_label)
        strength.addWidget(self.intensity)
        strength.addWidget(scale)
        strength.addStretch(1)
        self.origin = MutedLabel("", self)
        self.origin.setVisible(False)

        self.grid.addWidget(self.category, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.text, 0, 1)
        self.grid.addWidget(self.remove_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        self.grid.addLayout(strength, 1, 1, 1, 2)
        self.grid.addWidget(self.origin, 2, 1, 1, 2)
        self.grid.setColumnStretch(1, 1)

        self.set_state(data)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.text.textChanged.connect(self.changed)
        self.intensity.valueChanged.connect(self.changed)
        self.set_position(1)

    def _category_changed(self) -> None:
        self.category.setToolTip(self.category.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        self.changed.emit()

    def set_position(self, number: int) -> None:
        self.category.setAccessibleName(self.tr("Demand %1 category").replace("%1", str(number)))
        self.text.setAccessibleName(self.tr("Demand %1").replace("%1", str(number)))
        self.intensity.setAccessibleName(
            self.tr("Demand %1 intensity, 1 (a little) to 5 (a lot)").replace("%1", str(number))
        )
        self.remove_button.setAccessibleName(
            self.tr("Remove demand %1").replace("%1", str(number))
        )
        self.remove_button.setToolTip(self.tr("Remove this demand"))

    def set_origin(self, control_text: str | None) -> None:
        """Show which control's outcome this demand resulted from."""
        if self.from_control is None:
            self.origin.setVisible(False)
            return
        what = control_text.strip() if control_text else ""
        self.origin.setText(
            self.tr("↳ Resulting demand, from the outcome of: %1").replace("%1", what)
            if what
            else self.tr("↳ Resulting demand, from the outcome of a control")
        )
        self.origin.setVisible(True)

    def set_state(self, data: dict[str, Any]) -> None:
        index = self.category.findData(data["category"])
        self.category.setCurrentIndex(max(index, 0))
        self.category.setToolTip(self.category.currentData(Qt.ItemDataRole.ToolTipRole) or "")
        self.text.setText(data["text"] or "")
        self.intensity.setValue(data["intensity"] or 0)

    def state(self) -> dict[str, Any]:
        return {
            "id": self.row_id,
            "category": self.category.currentData(),
            "text": self.text.text(),
            "intensity": self.intensity.value() or None,
            "from_control": self.from_control,
        }

    def focus_widgets(self) -> list[QWidget]:
        return [self.category, self.text, self.intensity, self.remove_button]

    def choice_label(self, number: int) -> str:
        """How a control's "Answers" list names this demand: "2 · Interpersonal: her partner…"."""
        text = " ".join(self.text.text().split())
        short = text if len(text) <= 48 else text[:47] + "…"
        return f"{number} · {self.category.currentText()}" + (f": {short}" if short else "")


class StanceSelector(QWidget):
    """Conservative · Neutral · Liberal as three segments; none chosen means 'not said'.

    Clicking the chosen segment again clears it. Each segment is a tab stop with its own name.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[str, QToolButton] = {}
        choices = [
            (Stance.CONSERVATIVE, self.tr("Conservative"), self.tr("Doing less, staying strictly in role.")),
            (Stance.NEUTRAL, self.tr("Neutral"), self.tr("Between the two ends.")),
            (Stance.LIBERAL, self.tr("Liberal"), self.tr("Doing more, stretching the role.")),
        ]
        for stance, label, tip in choices:
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.setToolTip(tip + " " + self.tr("Click again to clear."))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.group.addButton(button)
            self.buttons[str(stance)] = button
            layout.addWidget(button)
            button.toggled.connect(lambda on, s=str(stance): self._toggled(s, on))
        layout.addStretch(1)
        segments(self)

    def _toggled(self, stance: str, on: bool) -> None:
        if on:
            for other, button in self.buttons.items():
                if other != stance and button.isChecked():
                    button.blockSignals(True)
                    button.setChecked(False)
                    button.blockSignals(False)
        self.changed.emit()

    def stance(self) -> str | None:
        for stance, button in self.buttons.items():
            if button.isChecked():
                return stance
        return None

    def set_stance(self, stance: str | None) -> None:
        for name, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(name == stance)
            button.blockSignals(False)

    def set_accessible_prefix(self, prefix: str) -> None:
        for button in self.buttons.values():
            button.setAccessibleName(f"{prefix}: {button.text()}")

    def focus_widgets(self) -> list[QWidget]:
        return list(self.buttons.values())


class ControlRow(RowFrame):
    """Timing, stance, what I did, what followed — and 'turn the outcome into a demand'."""

    resultingDemandRequested = Signal(str, str)  # control id, outcome text

    def __init__(self, data: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        data = {**EMPTY_CONTROL, **(data or {})}
        self.row_id: str = data["id"] or new_row_id()
        self.answers: str | None = data["answers"]
        self._choice_ids: set[str] = set()

        self.timing = QComboBox(self)
        for i, (timing, label, tip) in enumerate(timing_choices()):
            self.timing.addItem(label, str(timing))
            self.timing.setItemData(i, tip, Qt.ItemDataRole.ToolTipRole)
        self.timing.setToolTip(self.tr("When: before, during or after the session."))
        self.stance = StanceSelector(self)
        self.answers_combo = QComboBox(self)
        self.answers_combo.setToolTip(self.tr("The demand this control responded to, if one did"))
        self.answers_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.answers_combo.setMinimumContentsLength(20)
        self._set_answer_choices([])
        self.text = WrapText(self)
        self.text.setPlaceholderText(self.tr("What did you do, decide or draw on?"))
        self.outcome = WrapText(self)
        self.outcome.setPlaceholderText(self.tr("What followed?"))
        self.to_demand = QToolButton(self)
        self.to_demand.setText(self.tr("Turn outcome into a resulting demand"))
        self.to_demand.setToolTip(
            self.tr("When what followed needs a new response, add it to the demands.")
        )
        self.to_demand.setEnabled(False)

        when = QLabel(self.tr("When"), self)
        when.setBuddy(self.timing)
        stance_label = QLabel(self.tr("Stance"), self)
        stance_label.setToolTip(self.tr("From conservative (doing less) to liberal (doing more)."))
        did = QLabel(self.tr("What I did"), self)
        did.setBuddy(self.text)
        followed = QLabel(self.tr("Outcome"), self)
        followed.setBuddy(self.outcome)
        answered = QLabel(self.tr("Answers"), self)
        answered.setBuddy(self.answers_combo)
        answered.setToolTip(self.answers_combo.toolTip())

        self.grid.addWidget(when, 0, 0)
        self.grid.addWidget(self.timing, 0, 1, Qt.AlignmentFlag.AlignLeft)
        self.grid.addWidget(self.remove_button, 0, 2)
        self.grid.addWidget(answered, 1, 0)
        self.grid.addWidget(self.answers_combo, 1, 1, 1, 2, Qt.AlignmentFlag.AlignLeft)
        self.grid.addWidget(stance_label, 2, 0)
        self.grid.addWidget(self.stance, 2, 1, 1, 2)
        self.grid.addWidget(did, 3, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.text, 3, 1, 1, 2)
        self.grid.addWidget(followed, 4, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(self.outcome, 4, 1, 1, 2)
        self.grid.addWidget(self.to_demand, 5, 1, 1, 2, Qt.AlignmentFlag.AlignRight)
        self.grid.setColumnStretch(1, 1)

        self.set_state(data)
        self.timing.currentIndexChanged.connect(self.changed)
        self.stance.changed.connect(self.changed)
        self.answers_combo.currentIndexChanged.connect(self._answer_chosen)
        self.text.textChanged.connect(self.changed)
        self.outcome.textChanged.connect(self._outcome_changed)
        self.to_demand.clicked.connect(self._request_demand)
        self.set_position(1)

    def _set_answer_choices(self, choices: list[tuple[str, str]]) -> None:
        combo = self.answers_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("No particular demand"), None)
        for demand_id, label in choices:
            combo.addItem(label, demand_id)
        index = combo.findData(self.answers) if self.answers else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def set_demand_choices(self, choices: list[tuple[str, str]]) -> None:
        """The demands this control can name as the one it answered: (demand id, label)."""
        self._choice_ids = {demand_id for demand_id, _ in choices}
        self._set_answer_choices(choices)

    def _answer_chosen(self) -> None:
        self.answers = self.answers_combo.currentData()
        self.changed.emit()

    def _outcome_changed(self) -> None:
        self.to_demand.setEnabled(bool(self.outcome.text().strip()))
        self.changed.emit()

    def _request_demand(self) -> None:
        outcome = self.outcome.text().strip()
        if outcome:
            self.resultingDemandRequested.emit(self.row_id, outcome)

    def set_has_resulting(self, has: bool) -> None:
        """Once the outcome is a demand, the action says so and goes to it instead."""
        self.to_demand.setText(
            self.tr("Show its resulting demand") if has
            else self.tr("Turn outcome into a resulting demand")
        )

    def set_position(self, number: int) -> None:
        n = str(number)
        self.timing.setAccessibleName(self.tr("Control %1 timing").replace("%1", n))
        self.answers_combo.setAccessibleName(
            self.tr("Control %1 answers which demand").replace("%1", n))
        self.stance.set_accessible_prefix(self.tr("Control %1 stance").replace("%1", n))
        self.text.setAccessibleName(self.tr("Control %1, what I did").replace("%1", n))
        self.outcome.setAccessibleName(self.tr("Control %1 outcome").replace("%1", n))
        self.to_demand.setAccessibleName(
            self.tr("Turn the outcome of control %1 into a resulting demand").replace("%1", n)
        )
        self.remove_button.setAccessibleName(self.tr("Remove control %1").replace("%1", n))
        self.remove_button.setToolTip(self.tr("Remove this control"))

    def set_state(self, data: dict[str, Any]) -> None:
        index = self.timing.findData(data["timing"])
        self.timing.setCurrentIndex(max(index, 0))
        self.stance.set_stance(data["stance"])
        self.text.setText(data["text"] or "")
        self.outcome.setText(data["outcome"] or "")
        self.to_demand.setEnabled(bool(self.outcome.text().strip()))
        self.answers = data["answers"]
        self._set_answer_choices([(self.answers_combo.itemData(i), self.answers_combo.itemText(i))
                                  for i in range(1, self.answers_combo.count())])

    def state(self) -> dict[str, Any]:
        return {
            "id": self.row_id,
            "timing": self.timing.currentData(),
            "stance": self.stance.stance(),
            "text": self.text.text(),
            "outcome": self.outcome.text(),
            # a demand since removed is not answered any more (Undo remove brings both back)
            "answers": self.answers if self.answers in self._choice_ids else None,
        }

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.timing,
            self.answers_combo,
            *self.stance.focus_widgets(),
            self.text,
            self.outcome,
            self.to_demand,
            self.remove_button,
        ]
