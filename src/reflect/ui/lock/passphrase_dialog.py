"""Change the passphrase of the open journal (the key derivation runs off the UI thread)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from reflect.ui.lock.gate import describe_error
from reflect.ui.lock.passphrase_form import PassphraseForm
from reflect.ui.widgets.pages import BusyRow, label
from reflect.ui.workers import run_in_background


class ChangePassphraseDialog(QDialog):
    def __init__(self, journal, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(460)
        self.form = PassphraseForm(first_label=self.tr("&New passphrase:"))
        self.error = label("", "error")
        self.busy = BusyRow()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(
            "Choose a new passphrase for this journal. Your recovery code stays the same.")))
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        self.form.first.setFocus()

    def _change(self) -> None:
        if not self.form.is_valid():
            self.error.setText(self.form.problem() or
                               self.tr("Type the passphrase again to confirm it."))
            return
        self.setEnabled(False)
        self.busy.start(self.tr("Saving your new passphrase…"))
        passphrase = self.form.passphrase()
        run_in_background(lambda: self.journal.change_passphrase(passphrase),
                          lambda _r: self.accept(), self._failed)

    def _failed(self, exc: Exception) -> None:
        self.setEnabled(True)
        self.busy.stop()
        self.error.setText(describe_error(exc))
