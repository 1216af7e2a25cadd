"""Building blocks the lock-screen pages share: a centred column, a header, a closing action
row, a busy row."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.widgets.look import app_icon

COLUMN_WIDTH = 440


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


class Page(QWidget):
    """A page with its content in a centred column of comfortable width."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 28)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        outer.addStretch(1)
        outer.addWidget(column, 10)
        outer.addStretch(1)
        self.body = QVBoxLayout(column)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(12)
        self.body.addStretch(1)  # with the stretch each page adds at its end: centred

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(56, 56)))
        icon.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.title = label(title, "title")
        self.title.setAccessibleName(title)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(icon)
        header.addWidget(self.title, 1)
        self.body.addLayout(header)
        self.body.addSpacing(4)

    def end_with(self, button: QWidget, *, left: QWidget | None = None) -> None:
        """The page's last row: its action ``button`` at the right (``left``, if any, at the
        left); then the stretch that, with the one above the header, keeps the column centred."""
        row = QHBoxLayout()
        if left is not None:
            row.addWidget(left)
        row.addStretch(1)
        row.addWidget(button)
        self.body.addLayout(row)
        self.body.addStretch(1)


class BusyRow(QWidget):
    """An indeterminate bar and a short message, for work that takes a second."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(minimum=0, maximum=0, textVisible=False)
        self.bar.setFixedHeight(6)
        self.bar.setStyleSheet(
            "QProgressBar { border: none; border-radius: 3px; background: palette(button); }"
            "QProgressBar::chunk { background: palette(highlight); border-radius: 3px; }"
        )
        self.text = label("", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text)
        for widget in (self.bar, self.text):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.stop()

    def start(self, message: str) -> None:
        self.text.setText(message)
        self.bar.setVisible(True)
        self.text.setVisible(True)

    def stop(self) -> None:
        self.bar.setVisible(False)
        self.text.setVisible(False)
