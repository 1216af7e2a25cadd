"""Change the passphrase of the open journal, and re-encrypt it under a new key.

The key derivation is calibrated off the UI thread; the re-encryption runs on it (in one
transaction, a second or so for a thousand entries), so nothing else reads or writes the journal
while its key changes. A new recovery code is then shown once, as at creation."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflect.ui.lock.gate import describe_error
from reflect.ui.lock.passphrase_form import PassphraseForm
from reflect.ui.lock.welcome import RecoveryCodePage
from reflect.ui.widgets.pages import BusyRow, label
from reflect.ui.workers import run_in_background


class ChangePassphraseDialog(QDialog):
    def __init__(self, journal, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setMinimumWidth(480)
        self.form = PassphraseForm(first_label=self.tr("&New passphrase:"))
        self.error = label("", "error")
        self.busy = BusyRow()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        choose = QWidget()
        layout = QVBoxLayout(choose)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(self.tr(
            "Choose a new passphrase. Everything in the journal is then encrypted again under "
            "a new key: the old passphrase opens nothing you write from now on, even in an old "
            "copy of the file. You get a new recovery code, and the old one stops working.")))
        layout.addWidget(label(self.tr(
            "Backups made before now still open with the old passphrase and hold what was "
            "in them then."), "hint"))
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.recovery_page = RecoveryCodePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(choose)
        self.stack.addWidget(self.recovery_page)
        QVBoxLayout(self).addWidget(self.stack)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        self.recovery_page.confirmed.connect(self.accept)
        self.form.first.setFocus()

    def reject(self) -> None:
        if self.stack.currentWidget() is self.recovery_page:
            return  # the new code is shown only once: it must be kept before leaving
        super().reject()

    def _change(self) -> None:
        if not self.form.is_valid():
            self.error.setText(self.form.problem() or
                               self.tr("Type the passphrase again to confirm it."))
            return
        self.stack.widget(0).setEnabled(False)
        self.busy.start(self.tr("Measuring this computer for the new key…"))
        passphrase = self.form.passphrase()
        run_in_background(self.journal.calibrate,
                          lambda kdf: self._rotate(passphrase, kdf), self._failed)

    def _rotate(self, passphrase: str, kdf) -> None:
        self.busy.start(self.tr("Encrypting the journal again under its new key…"))
        QTimer.singleShot(30, lambda: self._rotate_now(passphrase, kdf))  # let the words show

    def _rotate_now(self, passphrase: str, kdf) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            code = self.journal.rotate_key(passphrase, kdf)
        except Exception as exc:
            self._failed(exc)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.busy.stop()
        if code is None:  # unlocked with the recovery code, which stays valid
            self.accept()
            return
        self.recovery_page.show_code(code)
        self.stack.setCurrentWidget(self.recovery_page)
        self.recovery_page.kept.setFocus()

    def _failed(self, exc: Exception) -> None:
        self.stack.widget(0).setEnabled(True)
        self.busy.stop()
        self.error.setText(describe_error(exc))
