"""What the main window's Journal, View and Help menus do: clients, forgetting, deleting an
entry, backups, the passphrase, settings, the look, drafts offered back after an unlock.

A command changes the journal through core and announces what changed on the window's one
change signal (``host.events``); it never refreshes a view itself. It reaches the window only
through the narrow ``CommandsHost`` interface below.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from reflect.core.changes import ENTRIES, PEOPLE, SETTINGS, THEMES, changes
from reflect.core.model import EntrySummary
from reflect.ui.brief.wizard import BriefWizard
from reflect.ui.dialogs import forget, prompts
from reflect.ui.dialogs.profile import ProfileDialog
from reflect.ui.shell.menus import SHORTCUTS
from reflect.ui.themes.user_dialog import edit_user_themes
from reflect.ui.widgets.look import apply_look


class CommandsHost(Protocol):
    """What the commands need of the main window: the journal, the settings, the change
    signal, the selection, the status bar, and a parent for dialogs."""

    journal: object
    settings: object
    events: object

    def current_client_id(self) -> str | None: ...
    def theme_counts(self, entry_ids: list[str]) -> list[tuple[str, int]] | None: ...
    def selected_entry(self) -> EntrySummary | None: ...
    def select_client(self, key: str) -> None: ...
    def keep_unsaved_writing(self) -> None: ...
    def show_status(self, text: str, msecs: int = 8000) -> None: ...


class WorkspaceCommands(QObject):
    def __init__(self, host: CommandsHost, actions) -> None:
        super().__init__(host if isinstance(host, QObject) else None)
        self.host = host
        self.parent_widget: QWidget | None = host if isinstance(host, QWidget) else None
        self.actions = actions
        self.restorable_silently: set[str] = set()  # drafts this app kept when it locked
        a = actions
        a.new_client.triggered.connect(self.new_client)
        a.edit_client.triggered.connect(self.edit_client)
        a.forget_client.triggered.connect(self.forget_client)
        a.delete_entry.triggered.connect(self.delete_entry)
        a.backup.triggered.connect(self.backup_now)
        a.import_file.triggered.connect(self.import_entries)
        a.change_passphrase.triggered.connect(self.change_passphrase)
        a.user_themes.triggered.connect(self.edit_user_themes)
        a.profile.triggered.connect(self.edit_profile)
        a.brief.triggered.connect(self.make_brief)
        a.settings.triggered.connect(self.open_settings)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.about)
        a.look.triggered.connect(lambda action: self.set_look(action.data()))
        for action in a.look.actions():
            action.setChecked(action.data() == host.settings.look)
        self.update_enabled()

    @property
    def journal(self):
        return self.host.journal

    def _announce(self, what) -> None:
        self.host.events.announce(what, self)

    def update_enabled(self, *_args) -> None:
        has_client = self.host.current_client_id() is not None
        self.actions.edit_client.setEnabled(has_client)
        self.actions.forget_client.setEnabled(has_client)

    # --- clients --------------------------------------------------------------------------

    def new_client(self) -> None:
        self._client_dialog(None)

    def edit_client(self) -> None:
        client_id = self.host.current_client_id()
        if client_id and self.journal is not None:
            self._client_dialog(self.journal.person(client_id))

    def forget_client(self) -> None:
        client_id = self.host.current_client_id()
        if not client_id or self.journal is None:
            return
        asked = forget.confirm(self.parent_widget, self.journal, client_id,
                               self.host.settings.backup_folder)
        if asked is None:
            return
        self.host.keep_unsaved_writing()  # drafts about the client are forgotten with them
        summary = self.journal.forget_client(client_id)
        self._announce(changes(PEOPLE, ENTRIES, removed=[client_id]))
        self.host.show_status(
            self.tr("%1 and their %n entries are gone from the journal.", "", summary.entries)
            .replace("%1", summary.client), 8000)
        forget.finish(self.parent_widget, self.journal, asked, summary,
                      self.host.settings.backup_folder)

    def _client_dialog(self, client) -> None:
        from reflect.ui.dialogs.people import ClientDialog

        self.host.keep_unsaved_writing()  # the dialog may forget the client, drafts and all
        dialog = ClientDialog(self.journal, client, self.parent_widget,
                              backup_folder=self.host.settings.backup_folder)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.forgotten:
            self._announce(changes(PEOPLE, ENTRIES, removed=[dialog.client.id]))
            return
        self._announce(changes(PEOPLE))  # a new alias shows in the lists and the themes window
        self.host.select_client(dialog.client.id)

    # --- entries and the journal ----------------------------------------------------------

    def delete_entry(self) -> None:
        summary = self.host.selected_entry()
        if summary is None:
            return
        if not prompts.confirm_delete_entry(self.parent_widget, summary.first_line[:60]):
            return
        self.journal.delete_entry(summary.id)
        self.journal.discard_draft(f"entry:{summary.id}")
        self._announce(changes(ENTRIES, entries=[summary.id], removed=[summary.id]))

    def import_entries(self) -> None:
        """File → Import…: choose a file, see what it adds, import it all or nothing."""
        if self.journal is None:
            return
        from reflect.ui.dialogs.import_dialog import ImportDialog
        from reflect.ui.widgets.folders import remember_folder, start_folder

        chosen, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Import entries"), str(start_folder(self.host.settings)),
            self.tr("Reflect export (*.jsonl *.json);;All files (*)"))
        if not chosen:
            return
        remember_folder(self.host.settings, Path(chosen).parent)
        dialog = ImportDialog(self.journal, Path(chosen), self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.report is None:
            return
        report = dialog.report
        self._announce(changes(ENTRIES, PEOPLE, entries=report.entry_ids))
        self.host.show_status(self.tr("Imported %n entries.", "", report.entries), 8000)

    def backup_now(self) -> None:
        folder = self.host.settings.backup_folder
        if not folder:
            folder = QFileDialog.getExistingDirectory(self.parent_widget, self.tr("Back up to folder"))
            if not folder:
                return
        try:
            QApplication.setOverrideCursor(self._wait_cursor())
            dest = self.journal.backup(folder, label="manual", keep=self.host.settings.backup_keep)
        except Exception as exc:  # shown to the practitioner
            QMessageBox.warning(self.parent_widget, self.tr("Backup failed"), str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.host.show_status(
            self.tr("Encrypted backup saved: %1").replace("%1", Path(dest).name), 8000)

    @staticmethod
    def _wait_cursor():
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QCursor

        return QCursor(Qt.CursorShape.WaitCursor)

    def edit_profile(self) -> None:
        if self.journal is not None:
            ProfileDialog(self.journal, self.parent_widget).exec()

    def make_brief(self) -> None:
        """The case brief wizard, starting from the client selected in the list."""
        if self.journal is None:
            return
        if not self.journal.clients():
            QMessageBox.information(self.parent_widget, self.tr("No clients yet"), self.tr(
                "A brief is made from a client's sessions. Write an entry for a client first."))
            return
        BriefWizard(self.journal, self.parent_widget, self.host.current_client_id(),
                    settings=self.host.settings, theme_counts=self.host.theme_counts,
                    events=self.host.events).exec()

    def edit_user_themes(self) -> None:
        if self.journal is not None:
            edit_user_themes(self.journal, self.parent_widget,
                             lambda: self._announce(changes(THEMES)))

    def change_passphrase(self) -> None:
        from reflect.ui.lock.passphrase_dialog import ChangePassphraseDialog

        ChangePassphraseDialog(self.journal, self.parent_widget).exec()

    def offer_drafts(self) -> tuple[str, dict] | None:
        """After an unlock: unsaved writing to bring back (key, draft), if the practitioner
        wants it (drafts this app kept at a lock come back without asking)."""
        drafts = self.journal.drafts()
        if not drafts:
            return None
        keys = list(drafts)
        silent = set(keys) <= self.restorable_silently  # we kept them ourselves at the lock
        self.restorable_silently.clear()
        if not silent and not prompts.offer_drafts(self.parent_widget, len(keys)):
            for key in keys:
                self.journal.discard_draft(key)
            return None
        key = keys[0]
        return key, drafts[key]

    # --- settings, look, help -------------------------------------------------------------

    def open_settings(self) -> None:
        from reflect.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.host.settings, self.parent_widget)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_look(self.host.settings.look)  # announces that the settings changed

    def set_look(self, look: str) -> None:
        self.host.settings.look = look
        for action in self.actions.look.actions():
            action.setChecked(action.data() == look)
        apply_look(QApplication.instance(), look)
        self.host.settings.save_quietly()
        self._announce(changes(SETTINGS))

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{self.tr(what)}</td></tr>"
                       for keys, what in SHORTCUTS)
        QMessageBox.information(self.parent_widget, self.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def about(self) -> None:
        from reflect import __version__

        QMessageBox.about(self.parent_widget, self.tr("About Reflect"), self.tr(
            "<h3>Reflect %1</h3><p>A private, encrypted journal for reflective practice, "
            "structured with the Demand-Control Schema.</p><p>Your journal stays on this "
            "computer, encrypted with your passphrase.</p>").replace("%1", __version__))
