"""The app's lifecycle: gate → main window → lock → gate …, idle lock, backup and quit.

The session holds the open journal and hands it to the main window; no other object keeps it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from reflect.core.changes import SETTINGS
from reflect.ui.lock.gate import GateWindow
from reflect.ui.lock.idle import IdleWatcher


class Session(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, journal_path: Path, settings, parent=None) -> None:
        super().__init__(parent)
        self.journal_path = Path(journal_path)
        self.settings = settings
        self.journal = None
        self.window = None
        self.gate = GateWindow(self.journal_path)
        self.gate.unlocked.connect(self._unlocked)
        self.idle = IdleWatcher(settings.idle_lock_ms, self)
        self.idle.idle.connect(self.lock)

    def start(self) -> None:
        self.gate.show_start()

    # --- unlock and lock ------------------------------------------------------------------

    def _unlocked(self, journal) -> None:
        self.journal = journal
        self.settings.last_journal = str(self.journal_path)
        self.settings.save_quietly()
        if self.window is None:
            from reflect.ui.shell.main_window import MainWindow

            self.window = MainWindow(self.settings)
            self.window.lockRequested.connect(self.lock)
            self.window.closed.connect(self.quit)
            self.window.events.journalChanged.connect(self._changed)
        self.window.attach(journal)
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
        self.idle.set_interval(self.settings.idle_lock_ms)
        self.idle.start()
        self.unlocked.emit()

    def _changed(self, what, _origin) -> None:
        if SETTINGS in what:
            self.idle.set_interval(self.settings.idle_lock_ms)

    def lock(self) -> None:
        """Keep drafts, empty every content widget, drop the key, show the unlock page."""
        if self.journal is None:
            return
        self.idle.stop()
        window, journal = self.window, self.journal
        self._close_popups()
        window.detach()  # keeps unsaved writing as drafts, then empties itself
        self.journal = None
        journal.close()
        self.gate.show_unlock(after_lock=True)
        window.hide()
        self.locked.emit()

    def _close_popups(self) -> None:
        """Dialogs and menus may show journal content; they go first."""
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget not in (self.window, self.gate) and (
                widget.isModal() or widget.isWindow() and widget.inherits("QMenu")
                or widget.inherits("QDialog")
            ):
                if widget.inherits("QDialog"):
                    widget.reject()
                else:
                    widget.close()

    # --- quitting -------------------------------------------------------------------------

    def quit(self) -> None:
        self.shutdown()
        self.gate.close()
        QApplication.quit()

    def terminate(self) -> None:
        """SIGTERM/SIGHUP: quit now, asking nothing. Unsaved writing is kept as a draft (offered
        back at the next unlock), then the backup is made and the journal closed."""
        self._close_popups()
        if self.window is not None and self.journal is not None and self.journal.is_open:
            with contextlib.suppress(Exception):  # the backup and the close must still happen
                self.window.detach()
        if self.window is not None:
            self.window.journal = None  # nothing left to ask about: it was kept as a draft
            self.window.hide()
        self.quit()

    def shutdown(self) -> None:
        """Back up (when a folder is set) and close the journal. Safe to call twice."""
        self.idle.stop()
        journal, self.journal = self.journal, None
        if journal is None or not journal.is_open:
            return
        if self.settings.backup_folder:
            # a failed backup must not stop the journal from closing
            with contextlib.suppress(Exception):
                journal.backup(self.settings.backup_folder, label="auto",
                               keep=self.settings.backup_keep)
        journal.close()
