"""Which fields of the practice profile a brief includes: a tick for each one filled in, the
usual four ticked to start with. Nothing of the profile goes into a brief unticked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from reflect.core.supervision.profile import BRIEF_DEFAULT, FIELDS, filled
from reflect.ui.widgets.pages import label


class ProfileChoice(QWidget):
    changed = Signal()

    def __init__(self, profile, parent=None, chosen=None) -> None:
        """``chosen``: the fields ticked to start with (the usual four when not given)."""
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(18)
        present = {title for title, _text in filled(profile)}
        shown = [(key, title) for key, title in FIELDS if title in present]
        for i, (key, title) in enumerate(shown):
            box = QCheckBox(self.tr(title))
            box.setChecked(key in (BRIEF_DEFAULT if chosen is None else chosen))
            box.setToolTip(str(getattr(profile, key)))
            box.toggled.connect(self.changed)
            self.boxes[key] = box
            layout.addWidget(box, i // 3, i % 3)
        if not shown:
            hint = label(self.tr("Your practice profile is empty (Journal → Practice Profile…)."),
                         "hint", wrap=False)
            layout.addWidget(hint, 0, 0)

    def fields(self) -> tuple[str, ...]:
        return tuple(key for key, box in self.boxes.items() if box.isChecked())
