"""First run: a calm welcome, a passphrase, then the recovery code, shown once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
)

from reflect.ui.lock.passphrase_form import PassphraseForm
from reflect.ui.widgets.pages import BusyRow, Page, label


class WelcomePage(Page):
    """Emits ``createRequested(passphrase)``; the gate creates the journal off the UI thread."""

    createRequested = Signal(str)

    def __init__(self, journal_path: Path, parent=None) -> None:
        super().__init__(self.tr("Welcome to Reflect"), parent)
        intro = label(self.tr(
            "Reflect keeps your notes on each session — what happened, what it asked of you "
            "and what you did — so you can look back and bring it to supervision. "
            "Everything is encrypted with your passphrase and stays on this computer."
        ))
        where = label(self.tr("Your journal will be kept in %1").replace(
            "%1", str(journal_path)), "hint")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.addWidget(intro)
        self.body.addWidget(where)
        self.body.addSpacing(8)
        self.body.addWidget(label(self.tr("Choose a passphrase"), "subtitle"))
        self.form = PassphraseForm()
        self.body.addWidget(self.form)
        self.error = label("", "error")
        self.error.setAccessibleName(self.tr("Problem"))
        self.body.addWidget(self.error)
        self.busy = BusyRow()
        self.body.addWidget(self.busy)
        self.create_button = QPushButton(self.tr("&Create my journal"))
        self.create_button.setDefault(True)
        self.create_button.setAutoDefault(True)
        self.end_with(self.create_button)

        self.create_button.clicked.connect(self._create)
        self.form.first.returnPressed.connect(self.form.second.setFocus)
        self.form.second.returnPressed.connect(self._create)
        self.form.first.textChanged.connect(lambda: self.error.clear())
        self.setFocusProxy(self.form.first)

    def _create(self) -> None:
        problem = self.form.problem()
        if not self.form.is_valid():
            self.error.setText(problem or self.tr("Type the passphrase again to confirm it."))
            (self.form.second if len(self.form.passphrase()) >= 8 else self.form.first).setFocus()
            return
        self.error.clear()
        self.set_busy(True)
        self.createRequested.emit(self.form.passphrase())

    def set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.create_button.setEnabled(not busy)
        if busy:
            self.busy.start(self.tr("Creating your journal and protecting it with your "
                                    "passphrase…"))
        else:
            self.busy.stop()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.form.first.setFocus()


CLIPBOARD_SECONDS = 60  # long enough to paste it into a password manager


class RecoveryCodePage(Page):
    """The recovery code, once. ``confirmed`` is emitted when the practitioner has kept it."""

    confirmed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Keep your recovery code safe"), parent)
        self.body.addWidget(label(self.tr(
            "If you ever forget your passphrase, this code is the only other way into your "
            "journal. It is shown only this once. Write it down, or save it somewhere away "
            "from this computer."
        )))
        self.code = label("", "code", wrap=True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.body.addWidget(self.code)
        copy = QPushButton(self.tr("&Copy"))  # Alt+O is Continue
        save = QPushButton(self.tr("&Save to file…"))
        row = QHBoxLayout()
        row.addWidget(copy)
        row.addWidget(save)
        row.addStretch(1)
        self.body.addLayout(row)
        self.kept = QCheckBox(self.tr("I have &written it down or saved it"))
        self.body.addWidget(self.kept)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        self.end_with(self.continue_button)

        copy.clicked.connect(self._copy)
        self._copied = ""  # what Copy put on the clipboard, to take it off again
        self._clipboard_timer = QTimer(self)
        self._clipboard_timer.setSingleShot(True)
        self._clipboard_timer.setInterval(CLIPBOARD_SECONDS * 1000)
        self._clipboard_timer.timeout.connect(self.clear_clipboard)
        save.clicked.connect(self._save)
        self.kept.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)
        self.setFocusProxy(self.kept)

    def show_code(self, code: str) -> None:
        self.code.setText(code)
        self.kept.setChecked(False)

    def _copy(self) -> None:
        self._copied = self.code.text()
        QGuiApplication.clipboard().setText(self._copied)
        self._clipboard_timer.start()

    def clear_clipboard(self) -> None:
        """Take the code off the clipboard, if it is still what Copy put there (after a short
        time, and when the page goes), so it is not pasted somewhere by accident later."""
        self._clipboard_timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._copied and clipboard.text() == self._copied:
            clipboard.clear()
        self._copied = ""

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.clear_clipboard()
        super().hideEvent(event)

    def _save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save recovery code"), str(Path.home() / "reflect-recovery-code.txt"),
            self.tr("Text files (*.txt)"))
        if not name:
            return
        text = self.tr("Reflect recovery code\n\n%1\n\nKeep this somewhere safe. With it, "
                       "anyone can open your journal.\n").replace("%1", self.code.text())
        try:
            Path(name).write_text(text, encoding="utf-8")
            Path(name).chmod(0o600)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                self.tr("The file could not be written: %1").replace(
                                    "%1", exc.strerror or str(exc)))
            return
        self.kept.setChecked(True)

    def _continue(self) -> None:
        if self.kept.isChecked():
            self.clear_clipboard()
            self.code.clear()  # shown once: not kept in a widget any longer than needed
            self.confirmed.emit()
