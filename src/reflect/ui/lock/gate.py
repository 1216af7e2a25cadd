"""The gate: the small window shown whenever the journal is not open.

It shows the first-run welcome when there is no journal at the path yet, otherwise the unlock
page. The slow key derivation runs on a worker thread; ``unlocked(journal)`` is emitted on the UI
thread with an open ``reflect.core.journal.Journal``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from reflect.ui.lock.unlock import NewPassphrasePage, UnlockPage
from reflect.ui.widgets.look import app_icon
from reflect.ui.workers import run_in_background


def describe_error(exc: Exception) -> str:
    """A one-line message for the practitioner, translated where we know the case."""
    from reflect.core import errors

    tr = QCoreApplication.translate
    if isinstance(exc, errors.WrongPassphrase):
        return tr("Gate", "That didn't unlock the journal. Check for Caps Lock and try again.")
    if isinstance(exc, errors.JournalLocked):
        return tr("Gate", "This journal is already open in another Reflect window or command. "
                  "Close it there first, then try again.")
    if isinstance(exc, errors.StoreError):
        return str(exc)
    return tr("Gate", "Something went wrong: %1").replace("%1", str(exc) or type(exc).__name__)


class GateWindow(QWidget):
    unlocked = Signal(object)  # reflect.core.journal.Journal

    def __init__(self, journal_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal_path = Path(journal_path)
        self.setWindowTitle(self.tr("Reflect"))
        self.setWindowIcon(app_icon())
        self.setObjectName("gate")
        self.resize(600, 520)
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.unlock_page = UnlockPage(self.journal_path)
        self.new_passphrase_page = NewPassphrasePage()
        self.stack.addWidget(self.unlock_page)
        self.stack.addWidget(self.new_passphrase_page)
        self.welcome_page = None  # built only on first run
        self.recovery_page = None
        self._pending = None  # the journal opened by a recovery code, waiting for a passphrase

        self.unlock_page.unlockRequested.connect(self._unlock)
        self.new_passphrase_page.passphraseChosen.connect(self._set_new_passphrase)

    # --- which page -----------------------------------------------------------------------

    def show_start(self) -> None:
        """The first page for this path: welcome on first run, else unlock."""
        if self.journal_path.exists():
            self.show_unlock(after_lock=False)
        else:
            self._show_welcome()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_unlock(self, *, after_lock: bool = True) -> None:
        self.unlock_page.title.setText(
            self.tr("Reflect is locked") if after_lock else self.tr("Welcome back"))
        self.unlock_page.reset(recovery=False)
        self.stack.setCurrentWidget(self.unlock_page)
        self.show()
        self.raise_()
        self.activateWindow()
        self.unlock_page.field.setFocus()

    def _show_welcome(self) -> None:
        from reflect.ui.lock.welcome import RecoveryCodePage, WelcomePage

        if self.welcome_page is None:
            self.welcome_page = WelcomePage(self.journal_path)
            self.recovery_page = RecoveryCodePage()
            self.stack.addWidget(self.welcome_page)
            self.stack.addWidget(self.recovery_page)
            self.welcome_page.createRequested.connect(self._create)
            self.recovery_page.confirmed.connect(self._recovery_code_kept)
        self.stack.setCurrentWidget(self.welcome_page)
        self.welcome_page.form.first.setFocus()

    # --- creating ------------------------------------------------------------------------

    def _create(self, passphrase: str) -> None:
        path = self.journal_path

        def create():
            from reflect.core.journal import Journal

            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            return Journal.create(path, passphrase)

        run_in_background(create, self._created, self._create_failed)

    def _created(self, result) -> None:
        journal, code = result
        self._pending = journal
        self.welcome_page.set_busy(False)
        self.welcome_page.form.clear()
        self.recovery_page.show_code(code)
        self.stack.setCurrentWidget(self.recovery_page)
        self.recovery_page.kept.setFocus()

    def _create_failed(self, exc: Exception) -> None:
        self.welcome_page.show_error(describe_error(exc))

    def _recovery_code_kept(self) -> None:
        journal, self._pending = self._pending, None
        self._hand_over(journal)

    # --- unlocking -----------------------------------------------------------------------

    def _unlock(self, secret: str, is_recovery_code: bool) -> None:
        path = self.journal_path

        def open_journal():
            from reflect.core.journal import Journal

            if is_recovery_code:
                return Journal.open(path, recovery_code=secret.strip())
            return Journal.open(path, secret)

        def opened(journal) -> None:
            if is_recovery_code:
                self._pending = journal
                self.new_passphrase_page.reset()
                self.stack.setCurrentWidget(self.new_passphrase_page)
                self.new_passphrase_page.form.first.setFocus()
            else:
                self._hand_over(journal)

        run_in_background(open_journal, opened, self._unlock_failed)

    def _unlock_failed(self, exc: Exception) -> None:
        self.unlock_page.show_error(describe_error(exc))

    def _set_new_passphrase(self, passphrase: str) -> None:
        journal = self._pending

        def done(_result) -> None:
            self._pending = None
            self.new_passphrase_page.reset()
            self._hand_over(journal)

        # A new key as well (the recovery code it was opened with stays valid): nothing from
        # now on opens with the forgotten passphrase. Nothing else uses the journal yet.
        run_in_background(lambda: journal.rotate_key(passphrase), done,
                          lambda exc: self.new_passphrase_page.show_error(describe_error(exc)))

    def _hand_over(self, journal) -> None:
        self.unlock_page.reset(recovery=False)
        self.hide()
        self.unlocked.emit(journal)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._pending is not None and self._pending.is_open:
            self._pending.close()  # created or recovered but never handed over
            self._pending = None
        super().closeEvent(event)
