"""A one-paragraph text field that wraps and grows with what is written, so every word stays
readable (a QLineEdit scrolls its start out of sight). Enter and Tab move on rather than adding
a line or a tab; ``text()`` / ``setText()`` as on a QLineEdit."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class WrapText(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None, max_lines: int = 8) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.document().setDocumentMargin(3)
        self.textChanged.connect(self._fit)
        self._fit()

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - as QLineEdit
        self.setPlainText(" ".join(text.splitlines()) if "\n" in text else text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # one paragraph: Enter belongs to the form, not to the text
            return
        super().keyPressEvent(event)

    def _lines(self) -> int:
        """How many lines the text takes at the field's width (measured with the font, so it
        is right before the document has been laid out)."""
        width = self.viewport().width() - 2 * int(self.document().documentMargin()) - 2
        if width <= 20:
            width = max(20, self.width() - 16)
        metrics = self.fontMetrics()
        total = 0
        for paragraph in (self.toPlainText() or " ").split("\n"):
            rect = metrics.boundingRect(0, 0, width, 100000,
                                        int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
                                            if " " not in paragraph else Qt.TextFlag.TextWordWrap),
                                        paragraph or " ")
            total += max(1, round(rect.height() / metrics.lineSpacing()))
        return total

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = self._lines()
        shown = min(lines, self._max_lines)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if lines > shown
                                        else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        margins = self.contentsMargins()
        height = int(shown * line + 2 * self.document().documentMargin()
                     + margins.top() + margins.bottom() + 4)
        if self.minimumHeight() != height or self.maximumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._fit()  # a narrower field wraps into more lines

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(240, self.height())
