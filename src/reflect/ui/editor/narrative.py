"""The narrative: Markdown written in a plain text editor, with a rendered, read-only preview.

The preview never loads anything from outside: links are not followed and the renderer's output
stays in a local ``QTextBrowser``. A hint line above the text shows the prompt of the template
heading the cursor is under ("Feelings — What were you thinking and feeling?").

A template with ``prompt_fields`` (the quick note) shows one field per prompt instead, as long as
the narrative has that shape; otherwise (written freely, or in another template) the one box.
"""

from __future__ import annotations

import markdown
from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QKeySequence,
    QShortcut,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.entry_templates import EntryTemplate
from reflect.ui.editor.prompt_fields import PromptFields
from reflect.ui.widgets.style import MutedLabel, segments

PREVIEW_SHORTCUT = "Ctrl+Shift+P"


def render_markdown(text: str) -> str:
    return markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")


class HeadingHighlighter(QSyntaxHighlighter):
    """Markdown headings in bold while writing, so a template's prompts stand out."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        if text.startswith("#"):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            self.setFormat(0, len(text), fmt)


class NarrativeEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._template: EntryTemplate | None = None
        self._fields_mode = False

        self.write_button = QToolButton(self)
        self.write_button.setText(self.tr("Write"))
        self.preview_button = QToolButton(self)
        self.preview_button.setText(self.tr("Preview"))
        self.write_button.setAccessibleName(self.tr("Write the narrative"))
        self.preview_button.setAccessibleName(self.tr("Preview the narrative"))
        self.preview_button.setToolTip(
            self.tr("Show the narrative as formatted text (%1)").replace("%1", PREVIEW_SHORTCUT)
        )
        self.write_button.setToolTip(self.tr("Back to writing (%1)").replace("%1", PREVIEW_SHORTCUT))
        group = QButtonGroup(self)
        for button in (self.write_button, self.preview_button):
            button.setCheckable(True)
            button.setMinimumWidth(80)
            group.addButton(button)
        self.write_button.setChecked(True)

        self.hint = MutedLabel("", self)
        self.hint.setAccessibleName(self.tr("Prompt for this part of the narrative"))

        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(self.tr("Narrative"))
        self.text.setToolTip(
            self.tr("What happened, in your own words. Markdown works: ## heading, *emphasis*, - list.")
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(280)
        metrics = QFontMetricsF(self.text.font())
        self.text.document().setDocumentMargin(metrics.height() * 0.5)
        self._highlighter = HeadingHighlighter(self.text.document())

        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Narrative preview"))
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setReadOnly(True)
        self.preview.setMinimumHeight(280)

        self.fields = PromptFields(self)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.preview)
        self.stack.addWidget(self.fields)

        toggle_box = QWidget(self)
        toggle_layout = QHBoxLayout(toggle_box)
        toggle_layout.setContentsMargins(0, 0, 0, 0)
        toggle_layout.setSpacing(0)
        toggle_layout.addWidget(self.write_button)
        toggle_layout.addWidget(self.preview_button)
        segments(toggle_box)
        bar = QHBoxLayout()
        bar.setSpacing(0)
        bar.addWidget(toggle_box)
        bar.addSpacing(16)
        bar.addWidget(self.hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        self.write_button.toggled.connect(lambda on: on and self.show_write())
        self.preview_button.toggled.connect(lambda on: on and self.show_preview())
        self.text.textChanged.connect(self.changed)
        self.fields.changed.connect(self._fields_changed)
        self.text.cursorPositionChanged.connect(self._update_hint)
        toggle = QShortcut(QKeySequence(PREVIEW_SHORTCUT), self)
        toggle.activated.connect(self.toggle_preview)

    # --- modes ----------------------------------------------------------------------------

    def is_previewing(self) -> bool:
        return self.stack.currentWidget() is self.preview

    def show_preview(self) -> None:
        self.preview.setHtml(render_markdown(self.text.toPlainText()))
        self.stack.setCurrentWidget(self.preview)
        self.preview_button.setChecked(True)

    def show_write(self) -> None:
        self.preview.clear()  # the rendered copy is not kept around once it is out of sight
        self.stack.setCurrentWidget(self.fields if self._fields_mode else self.text)
        self.write_button.setChecked(True)
        self._update_hint()

    def toggle_preview(self) -> None:
        if self.is_previewing():
            self.show_write()
            self.writing_widget().setFocus()
        else:
            self.show_preview()

    def in_prompt_fields(self) -> bool:
        """True while each prompt has its own field."""
        return self._fields_mode

    def writing_widget(self) -> QPlainTextEdit:
        """Where writing goes now: the first unanswered prompt's field, or the one box."""
        if self._fields_mode:
            return self.fields.first_to_write() or self.text
        return self.text

    def _fields_changed(self) -> None:
        """The fields are the narrative: keep the one-box copy the same, then say it changed."""
        if self._template is None:
            return
        self.text.blockSignals(True)
        self.text.setPlainText(self._template.join_answers(self.fields.answers()))
        self.text.blockSignals(False)
        self.changed.emit()

    def _choose_page(self) -> None:
        """Fields when the template has them and the narrative fits them; else the one box."""
        template = self._template
        answers = None
        if template is not None and template.prompt_fields:
            answers = template.split_answers(self.text.toPlainText())
        self._fields_mode = answers is not None
        if answers is not None:
            self.fields.set_prompts(template.prompts)
            self.fields.set_answers(answers)
        else:
            self.fields.clear()  # nothing lingers out of sight
        if not self.is_previewing():
            self.stack.setCurrentWidget(self.fields if self._fields_mode else self.text)

    # --- content --------------------------------------------------------------------------

    def plain_text(self) -> str:
        if self._fields_mode and self._template is not None:
            return self._template.join_answers(self.fields.answers())
        return self.text.toPlainText()

    def set_text(self, text: str, *, undoable: bool = False) -> None:
        """Replace the text. Loading is not undoable; swapping a template's pre-fill is."""
        if undoable:
            cursor = QTextCursor(self.text.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        else:
            self.text.setPlainText(text)
        self._choose_page()
        if self.is_previewing():
            self.show_preview()

    def set_template(self, template: EntryTemplate | None) -> None:
        self._template = template
        self.text.setPlaceholderText(template.placeholder_text() if template else "")
        self._choose_page()
        self._update_hint()

    def place_cursor_for_writing(self) -> None:
        """Under the first heading when the text is a template's pre-fill; else at the end."""
        cursor = self.text.textCursor()
        text = self.text.toPlainText()
        if self._template is not None and self._template.prefill() and self._template.is_prefill(text):
            first_break = text.find("\n")
            cursor.setPosition(first_break + 1 if first_break >= 0 else len(text))
            self.text.setTextCursor(cursor)
            self.text.verticalScrollBar().setValue(0)  # keep the first heading in sight
        else:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            self.text.setTextCursor(cursor)

    def _update_hint(self) -> None:
        hint = ""
        if self._template is not None and self._template.prompts and not self._fields_mode:
            block = self.text.textCursor().block()
            while block.isValid():
                line = block.text()
                if line.startswith("#"):
                    heading = line.lstrip("#").strip()
                    found = self._template.hint_for(heading)
                    hint = f"{heading} — {found}" if found else ""
                    break
                block = block.previous()
        self.hint.setText(hint)

    def clear(self) -> None:
        self.show_write()
        self.text.clear()
        self.text.document().clearUndoRedoStacks()
        self._choose_page()
        self.preview.clear()
        self.hint.clear()

    def writing_boxes(self) -> list[QPlainTextEdit]:
        """Every box the narrative can be written in: the one box and each prompt's field."""
        return [self.text, *self.fields.fields]

    def shown_at(self, start: int, end: int) -> tuple[QPlainTextEdit, int, int] | None:
        """Where the narrative's characters ``start:end`` are on screen: the box that shows
        them and their place in it (in a prompt's field when the prompts have fields; None when
        they cross from one answer into the next)."""
        if not (self._fields_mode and self._template is not None):
            return self.text, start, end
        answers = self.fields.answers()
        for field, answer, at in zip(self.fields.fields, answers,
                                     self._template.answer_starts(answers), strict=True):
            if at <= start and end - at <= len(answer):
                return field, start - at, end - at
        return None

    def focus_widgets(self) -> list[QWidget]:
        return [self.write_button, self.preview_button, self.text, *self.fields.fields, self.preview]
