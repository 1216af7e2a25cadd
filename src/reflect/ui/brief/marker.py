"""One passage as written, to mark more text for removal (the journal owner's eyes only).

The passage's original text sits in a read-only editor you can select in (mouse or
Shift+arrows); its current redactions are tinted in their type's colour, names still showing are
tinted red. "Mark selected text" asks the wizard to redact the selection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reflect.core.brief import BriefDraft
from reflect.ui.brief.models import passage_label
from reflect.ui.brief.preview import INK, LEAK, PAPER, kind_colour


def to_utf16(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) text position."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    units = 0
    for i, ch in enumerate(text):
        if units >= position:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


class PassageMarker(QWidget):
    markRequested = Signal(str, int, int, str)  # passage key, start, end (original), replacement

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.passage = QComboBox()
        self.passage.setAccessibleName(self.tr("Passage"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setAccessibleName(self.tr("The passage as you wrote it"))
        self.text.setAccessibleDescription(self.tr(
            "Select words with the mouse or Shift and the arrow keys, then mark them."))
        self.text.setTabChangesFocus(True)
        paper = self.text.palette()
        paper.setColor(paper.ColorRole.Base, QColor(PAPER))
        paper.setColor(paper.ColorRole.Text, QColor(INK))
        self.text.setPalette(paper)
        self.replacement = QLineEdit(self.tr("[detail removed]"))
        self.replacement.setAccessibleName(self.tr("Replace the marked text with"))
        self.mark_button = QPushButton(self.tr("&Mark selected text"))
        self.mark_button.setEnabled(False)
        self.mark_button.setToolTip(self.tr("Remove the selected words from the brief"))

        top = QHBoxLayout()
        which = QLabel(self.tr("Pa&ssage"))
        which.setBuddy(self.passage)
        top.addWidget(which)
        top.addWidget(self.passage, 1)
        bottom = QHBoxLayout()
        rep = QLabel(self.tr("Sho&w as"))
        rep.setBuddy(self.replacement)
        bottom.addWidget(rep)
        bottom.addWidget(self.replacement, 1)
        bottom.addWidget(self.mark_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)

        self._draft: BriefDraft | None = None
        self._leaks: dict[str, list[tuple[int, int]]] = {}
        self.passage.currentIndexChanged.connect(lambda _i: self._show_passage())
        self.text.selectionChanged.connect(self._selection_changed)
        self.mark_button.clicked.connect(self._mark)

    def set_draft(self, draft: BriefDraft, leaks: dict[str, list[tuple[int, int]]]) -> None:
        """Fill the passage list (keeping the current passage) and redraw its tints."""
        self._draft, self._leaks = draft, leaks
        current = self.current_key()
        self.passage.blockSignals(True)
        self.passage.clear()
        for key in draft.passages:
            mark = "⚠ " if leaks.get(key) else ""
            self.passage.addItem(mark + passage_label(key, self.tr), key)
        at = self.passage.findData(current) if current else -1
        self.passage.setCurrentIndex(max(at, 0))
        self.passage.blockSignals(False)
        self._show_passage(keep_scroll=current == self.current_key())

    def show_span(self, key: str, start: int, end: int) -> None:
        """Open ``key`` and select original[start:end]."""
        at = self.passage.findData(key)
        if at < 0:
            return
        if at != self.passage.currentIndex():
            self.passage.setCurrentIndex(at)
        original = self._draft.passages[key].original
        cursor = self.text.textCursor()
        cursor.setPosition(to_utf16(original, start))
        cursor.setPosition(to_utf16(original, end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()

    def current_key(self) -> str | None:
        return self.passage.currentData()

    def selection(self) -> tuple[int, int] | None:
        """The selection as offsets into the original text, or None."""
        key = self.current_key()
        cursor = self.text.textCursor()
        if not key or self._draft is None or not cursor.hasSelection():
            return None
        original = self._draft.passages[key].original
        start = from_utf16(original, cursor.selectionStart())
        end = from_utf16(original, cursor.selectionEnd())
        shown = cursor.selectedText().replace("\u2029", "\n").replace("\u2028", "\n")
        if original[start:end].replace("\r\n", "\n").replace("\r", "\n") != shown:
            return None  # the view and the text disagree (odd line endings): mark nothing
        while start < end and original[start].isspace():
            start += 1
        while end > start and original[end - 1].isspace():
            end -= 1
        return (start, end) if end > start else None

    def wipe(self) -> None:
        self._draft, self._leaks = None, {}
        self.passage.clear()
        self.text.clear()

    def _show_passage(self, keep_scroll: bool = False) -> None:
        key = self.current_key()
        bar = self.text.verticalScrollBar()
        where = bar.value()
        if self._draft is None or key not in self._draft.passages:
            self.text.clear()
            return
        passage = self._draft.passages[key]
        self.text.setPlainText(passage.original)
        tints = []
        for s in passage.spans:
            tints.append(self._tint(passage.original, s.start, s.end, kind_colour(s.kind)))
        for start, end in self._leaks.get(key, []):
            tints.append(self._tint(passage.original, start, end, LEAK))
        self.text.setExtraSelections(tints)
        if keep_scroll:
            bar.setValue(where)
        self._selection_changed()

    def _tint(self, original: str, start: int, end: int, colour: str) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(colour))
        fmt.setForeground(QColor(INK))
        sel.format = fmt
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(to_utf16(original, start))
        cursor.setPosition(to_utf16(original, end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        return sel

    def _selection_changed(self) -> None:
        self.mark_button.setEnabled(self.selection() is not None)

    def _mark(self) -> None:
        found = self.selection()
        key = self.current_key()
        if found is None or key is None:
            return
        replacement = self.replacement.text().strip() or self.tr("[detail removed]")
        self.markRequested.emit(key, found[0], found[1], replacement)
