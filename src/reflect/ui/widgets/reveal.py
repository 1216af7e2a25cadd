"""“Show passphrase”: a tick box that shows what was typed in one or more password fields, for
a practitioner who wants to check a long passphrase. Off again whenever the journal locks."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget


class RevealToggle(QCheckBox):
    def __init__(self, fields: list[QLineEdit], text: str = "", parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setText(text or self.tr("S&how passphrase"))
        self.setToolTip(self.tr("Show what you typed, to check it (make sure no one is looking)"))
        self._fields = fields
        self.toggled.connect(self._apply)

    def _apply(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self._fields:
            field.setEchoMode(mode)
