"""One field per prompt of a template (the quick note's three questions), for the keyboard.

Each prompt is a labelled box of its own: Tab moves to the next one, Shift+Tab back. What is
stored is still one Markdown narrative, the prompts as headings and the answers under them
(``EntryTemplate.join_answers``); a narrative of that shape opens back into the fields.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from reflect.core.entry_templates import Prompt
from reflect.ui.widgets.style import MutedLabel


class PromptFields(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)  # the fields sit at the top; new ones go in before this
        self.prompts: tuple[Prompt, ...] = ()
        self.fields: list[QPlainTextEdit] = []
        self._parts: list[QWidget] = []

    def set_prompts(self, prompts: tuple[Prompt, ...]) -> None:
        if prompts == self.prompts:
            return
        for part in self._parts:
            self._layout.removeWidget(part)
            part.deleteLater()
        self._parts, self.fields, self.prompts = [], [], prompts
        for number, prompt in enumerate(prompts, start=1):
            heading = QLabel(f"&{number}  {prompt.heading}", self)
            bold = QFont(heading.font())
            bold.setBold(True)
            heading.setFont(bold)
            field = QPlainTextEdit(self)
            field.setTabChangesFocus(True)
            field.setAccessibleName(prompt.heading)
            field.setAccessibleDescription(prompt.hint)
            field.setMinimumHeight(72)
            field.setMaximumHeight(120)
            field.textChanged.connect(self.changed)
            heading.setBuddy(field)
            parts: list[QWidget] = [heading]
            if number > 1:
                gap = QWidget(self)
                gap.setFixedHeight(8)
                self._insert(gap)
                parts.append(gap)
            self._insert(heading)
            if prompt.hint:
                hint = MutedLabel(prompt.hint, self)
                self._insert(hint)
                parts.append(hint)
            self._insert(field)
            parts.append(field)
            self._parts.extend(parts)
            self.fields.append(field)

    def _insert(self, widget: QWidget) -> None:
        self._layout.insertWidget(self._layout.count() - 1, widget)

    def answers(self) -> list[str]:
        return [f.toPlainText() for f in self.fields]

    def set_answers(self, answers: list[str]) -> None:
        for field, text in zip(self.fields, answers, strict=True):
            field.blockSignals(True)
            field.setPlainText(text)
            field.document().clearUndoRedoStacks()
            field.blockSignals(False)

    def first_to_write(self) -> QPlainTextEdit | None:
        """The first prompt not yet answered (or the first one)."""
        return next((f for f in self.fields if not f.toPlainText().strip()),
                    self.fields[0] if self.fields else None)

    def clear(self) -> None:
        self.set_answers([""] * len(self.fields))
