"""Prepare a meeting: the cases most worth bringing, each with its reasons in plain words; from
there, make the brief (the brief wizard, to review every redaction) or present it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from reflect.core.supervision.prepare import suggest_cases

from .labels import tr


class PrepareDialog(QDialog):
    briefRequested = Signal(str)  # client id: make the brief (review the redactions)
    presentRequested = Signal(str)  # client id: present it now

    def __init__(self, journal, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Prepare a Meeting"))
        self.resize(640, 460)
        intro = QLabel(tr("Which case to bring? These clients' recent sessions have something "
                          "a group could help with. Choose one, then make the brief."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        self.list = QListWidget()
        self.list.setAccessibleName(tr("Cases worth bringing"))
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _i: self._brief())
        self.empty = QLabel(tr("Nothing stands out in your recent sessions. Any case you "
                               "wonder about is worth bringing: choose it in the brief wizard."))
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        self.brief_button = QPushButton(tr("Make the &brief…"))
        self.brief_button.clicked.connect(self._brief)
        self.present_button = QPushButton(tr("&Present it…"))
        self.present_button.clicked.connect(self._present)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.brief_button)
        row.addWidget(self.present_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.candidates = suggest_cases(self.journal)
        finally:
            QApplication.restoreOverrideCursor()
        self.list.clear()
        for c in self.candidates:
            text = c.client + "\n" + "\n".join(f"  • {r}" for r in c.reasons)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.client_id)
            font = item.font()
            item.setFont(font)
            self.list.addItem(item)
        self.list.setVisible(bool(self.candidates))
        self.empty.setVisible(not self.candidates)
        if self.candidates:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current_client(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self, *_args) -> None:
        has = self.current_client() is not None
        self.brief_button.setEnabled(has)
        self.present_button.setEnabled(has)

    def _brief(self) -> None:
        client = self.current_client()
        if client:
            self.accept()
            self.briefRequested.emit(client)

    def _present(self) -> None:
        client = self.current_client()
        if client:
            self.accept()
            self.presentRequested.emit(client)
