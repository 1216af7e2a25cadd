"""Small touches of style for the entry editor, drawn from the palette so light and dark both work."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# Segmented buttons (Write | Preview, Conservative | Neutral | Liberal): the chosen one is filled
# with the highlight colour; keyboard focus keeps its own, different outline.
SEGMENTS_QSS = """
QToolButton {
    padding: 4px 14px;
    border: 1px solid palette(mid);
    background: palette(button);
    color: palette(button-text);
}
QToolButton:hover { background: palette(midlight); }
QToolButton:checked {
    background: palette(highlight);
    color: palette(highlighted-text);
    border-color: palette(highlight);
}
QToolButton:focus { border: 2px solid palette(text); padding: 3px 13px; }
QToolButton:disabled { color: palette(mid); }
"""


class MutedLabel(QLabel):
    """Secondary text (hints, explanations) in the palette's placeholder colour, following the
    application palette when the look changes between light and dark."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._follow_palette()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._follow_palette()

    def _follow_palette(self) -> None:
        palette = QApplication.palette(self)
        colour = palette.color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)


def segments(container: QWidget) -> None:
    """Style the tool buttons inside ``container`` as one segmented control."""
    container.setStyleSheet(SEGMENTS_QSS)
