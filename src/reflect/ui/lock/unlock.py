"""Unlocking: the passphrase (or the recovery code), and a new passphrase after a recovery."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPushButton

from reflect.ui.lock.passphrase_form import PassphraseForm
from reflect.ui.widgets.pages import BusyRow, Page, label
from reflect.ui.widgets.reveal import RevealToggle


class UnlockPage(Page):
    """Emits ``unlockRequested(secret, is_recovery_code)``; the gate runs the slow part."""

    unlockRequested = Signal(str, bool)

    def __init__(self, journal_path: Path, parent=None) -> None:
        super().__init__(self.tr("Your journal is locked"), parent)
        self.prompt = label("")
        self.body.addWidget(self.prompt)
        self.where = label(str(journal_path), "hint")
        self.body.addWidget(self.where)
        self.field = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.field.setMinimumHeight(32)
        self.body.addWidget(self.field)
        self.reveal = RevealToggle([self.field])
        self.body.addWidget(self.reveal)
        self.error = label("", "error")
        self.error.setAccessibleName(self.tr("Problem"))
        self.body.addWidget(self.error)
        self.busy = BusyRow()
        self.body.addWidget(self.busy)
        self.switch = QPushButton()
        self.switch.setFlat(True)
        self.switch.setStyleSheet(
            "QPushButton { color: palette(link); text-align: left; padding-left: 0; border: none; }")
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.end_with(self.unlock_button, left=self.switch)

        self.recovery = False
        self._apply_mode()
        self.field.returnPressed.connect(self._unlock)
        self.unlock_button.clicked.connect(self._unlock)
        self.switch.clicked.connect(self._toggle_mode)
        self.field.textEdited.connect(lambda: self.error.clear())
        self.setFocusProxy(self.field)

    def _apply_mode(self) -> None:
        if self.recovery:
            self.prompt.setText(self.tr(
                "Type the recovery code you were given when you created the journal. "
                "You will then choose a new passphrase."))
            self.reveal.setChecked(False)
            self.reveal.setVisible(False)  # a recovery code is shown as typed
            self.field.setEchoMode(QLineEdit.EchoMode.Normal)
            self.field.setPlaceholderText(self.tr("Recovery code"))
            self.field.setAccessibleName(self.tr("Recovery code"))
            self.switch.setText(self.tr("Use my &passphrase instead"))
        else:
            self.prompt.setText(self.tr("Type your passphrase to open your journal."))
            self.reveal.setChecked(False)  # hidden again each time the journal locks
            self.reveal.setVisible(True)
            self.field.setEchoMode(QLineEdit.EchoMode.Password)
            self.field.setPlaceholderText(self.tr("Passphrase"))
            self.field.setAccessibleName(self.tr("Passphrase"))
            self.switch.setText(self.tr("Forgot it? Use your &recovery code"))

    def _toggle_mode(self) -> None:
        self.recovery = not self.recovery
        self.reset()

    def reset(self, *, recovery: bool | None = None) -> None:
        """Empty and ready: called each time the journal locks."""
        if recovery is not None:
            self.recovery = recovery
        self._apply_mode()
        self.field.clear()
        self.error.clear()
        self.set_busy(False)
        self.field.setFocus()

    def _unlock(self) -> None:
        secret = self.field.text()
        if not secret.strip():
            self.show_error(self.tr("Type your recovery code first.") if self.recovery
                            else self.tr("Type your passphrase first."))
            return
        self.error.clear()
        self.set_busy(True)
        self.unlockRequested.emit(secret, self.recovery)

    def set_busy(self, busy: bool) -> None:
        self.field.setReadOnly(busy)
        self.unlock_button.setEnabled(not busy)
        self.switch.setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Unlocking…"))
        else:
            self.busy.stop()

    def show_error(self, message: str) -> None:
        """Inline, with the field focused and its text selected so typing replaces it."""
        self.set_busy(False)
        self.error.setText(message)
        self.field.setFocus()
        self.field.selectAll()


class NewPassphrasePage(Page):
    """After a recovery-code unlock: the practitioner must choose a new passphrase."""

    passphraseChosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Choose a new passphrase"), parent)
        self.body.addWidget(label(self.tr(
            "Your recovery code opened the journal. Choose a new passphrase to use from now on; "
            "your recovery code stays the same.")))
        self.form = PassphraseForm(first_label=self.tr("&New passphrase:"))
        self.body.addWidget(self.form)
        self.error = label("", "error")
        self.body.addWidget(self.error)
        self.busy = BusyRow()
        self.body.addWidget(self.busy)
        self.save_button = QPushButton(self.tr("&Save and open"))
        self.save_button.setDefault(True)
        self.end_with(self.save_button)
        self.save_button.clicked.connect(self._save)
        self.form.first.returnPressed.connect(self.form.second.setFocus)
        self.form.second.returnPressed.connect(self._save)
        self.setFocusProxy(self.form.first)

    def _save(self) -> None:
        if not self.form.is_valid():
            self.error.setText(self.form.problem() or
                               self.tr("Type the passphrase again to confirm it."))
            return
        self.error.clear()
        self.form.setEnabled(False)
        self.save_button.setEnabled(False)
        self.busy.start(self.tr("Saving your new passphrase…"))
        self.passphraseChosen.emit(self.form.passphrase())

    def show_error(self, message: str) -> None:
        self.form.setEnabled(True)
        self.save_button.setEnabled(True)
        self.busy.stop()
        self.error.setText(message)

    def reset(self) -> None:
        self.form.clear()
        self.form.setEnabled(True)
        self.save_button.setEnabled(True)
        self.busy.stop()
        self.error.clear()
