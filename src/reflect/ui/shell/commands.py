"""What the main window's Journal, View and Help menus do: clients, forgetting, deleting an
entry, backups, the passphrase, settings, the look, drafts offered back after an unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from reflect.core.query import ALL
from reflect.ui.brief.wizard import BriefWizard
from reflect.ui.dialogs import forget, prompts
from reflect.ui.dialogs.profile import ProfileDialog
from reflect.ui.shell.menus import SHORTCUTS
from reflect.ui.themes.user_dialog import edit_user_themes
from reflect.ui.widgets.look import apply_look


class WorkspaceCommands:
    def __init__(self, window) -> None:
        self.w = window
        self.restorable_silently: set[str] = set()  # drafts this app kept when it locked
        a = window.actions
        a.new_client.triggered.connect(self.new_client)
        a.edit_client.triggered.connect(self.edit_client)
        a.forget_client.triggered.connect(self.forget_client)
        a.delete_entry.triggered.connect(self.delete_entry)
        a.backup.triggered.connect(self.backup_now)
        a.change_passphrase.triggered.connect(self.change_passphrase)
        a.user_themes.triggered.connect(self.edit_user_themes)
        a.profile.triggered.connect(self.edit_profile)
        a.brief.triggered.connect(self.make_brief)
        a.settings.triggered.connect(self.open_settings)
        a.themes.triggered.connect(window.show_themes)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.about)
        a.look.triggered.connect(lambda action: self.set_look(action.data()))
        for action in a.look.actions():
            action.setChecked(action.data() == window.settings.look)
        window.clients.doubleClicked.connect(lambda _index: self.edit_client())
        window.clients.scopeChanged.connect(self._update_enabled)
        self._update_enabled()

    def _update_enabled(self, *_args) -> None:
        has_client = self.w.current_client_id() is not None
        self.w.actions.edit_client.setEnabled(has_client)
        self.w.actions.forget_client.setEnabled(has_client)

    # --- clients --------------------------------------------------------------------------

    def new_client(self) -> None:
        self._client_dialog(None)

    def edit_client(self) -> None:
        client_id = self.w.current_client_id()
        if client_id and self.w.journal is not None:
            self._client_dialog(self.w.journal.person(client_id))

    def forget_client(self) -> None:
        client_id = self.w.current_client_id()
        if not client_id or self.w.journal is None:
            return
        asked = forget.confirm(self.w, self.w.journal, client_id, self.w.settings.backup_folder)
        if asked is None:
            return
        self._forget(client_id, asked)

    def _forget(self, client_id: str, asked) -> None:
        editor = self.w.editor
        shown = getattr(editor, "current_entry_id", lambda: None)()
        client_entries = {s.id for s in self.w._summaries if s.client_id == client_id}
        if shown in client_entries or (shown is None and editor.has_unsaved_changes()):
            editor.clear()
            editor.new_entry(None, self.w.settings.default_template or None)
        summary = self.w.journal.forget_client(client_id)
        self.w.clients.select_key(ALL, quiet=True)
        self.w.reload(keep_scope=False)
        self.w.statusBar().showMessage(
            self.w.tr("%1 and their %2 entries are gone from the journal.")
            .replace("%1", summary.client).replace("%2", str(summary.entries)), 8000)
        forget.finish(self.w, self.w.journal, asked, summary, self.w.settings.backup_folder)

    def _client_dialog(self, client) -> None:
        from reflect.ui.dialogs.people import ClientDialog

        dialog = ClientDialog(self.w.journal, client, self.w,
                              backup_folder=self.w.settings.backup_folder)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.forgotten:
            self.w.clients.select_key(ALL, quiet=True)
            self.w.reload(keep_scope=False)
            if self.w.editor is not None and not self.w.editor.has_unsaved_changes():
                self.w.editor.new_entry(None, self.w.settings.default_template or None)
            return
        self.w.reload()
        self.w.clients.select_key(dialog.client.id)
        self.w.themes.recompute()  # a new alias shows in the themes window too

    # --- entries and the journal ----------------------------------------------------------

    def delete_entry(self) -> None:
        entry_id = self.w.entries.current_id()
        if not entry_id:
            return
        row = self.w.entry_model.row_of(entry_id)
        what = self.w.entry_model.summary(row).first_line[:60] if row >= 0 else ""
        if not prompts.confirm_delete_entry(self.w, what):
            return
        shown = getattr(self.w.editor, "current_entry_id", lambda: None)() == entry_id
        # The deleted entry's unsaved edits go with it (never kept as a draft to be offered
        # back); another entry's unsaved edits are kept as a draft, as always.
        self.w.editor.clear(keep_draft=not shown)
        self.w.journal.delete_entry(entry_id)
        self.w.journal.discard_draft(f"entry:{entry_id}")
        self.w.editor.new_entry(self.w.current_client_id(), self.w.settings.default_template)
        self.w.reload()

    def backup_now(self) -> None:
        folder = self.w.settings.backup_folder
        if not folder:
            folder = QFileDialog.getExistingDirectory(self.w, self.w.tr("Back up to folder"))
            if not folder:
                return
        try:
            QApplication.setOverrideCursor(self._wait_cursor())
            dest = self.w.journal.backup(folder, label="manual", keep=self.w.settings.backup_keep)
        except Exception as exc:  # noqa: BLE001 - shown to the practitioner
            QMessageBox.warning(self.w, self.w.tr("Backup failed"), str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.w.statusBar().showMessage(
            self.w.tr("Encrypted backup saved: %1").replace("%1", Path(dest).name), 8000)

    @staticmethod
    def _wait_cursor():
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QCursor

        return QCursor(Qt.CursorShape.WaitCursor)

    def edit_profile(self) -> None:
        if self.w.journal is not None:
            ProfileDialog(self.w.journal, self.w).exec()

    def make_brief(self) -> None:
        """The case brief wizard, starting from the client selected in the list."""
        if self.w.journal is None:
            return
        if not self.w.journal.clients():
            QMessageBox.information(self.w, self.w.tr("No clients yet"), self.w.tr(
                "A brief is made from a client's sessions. Write an entry for a client first."))
            return
        BriefWizard(self.w.journal, self.w, self.w.current_client_id()).exec()

    def edit_user_themes(self) -> None:
        if self.w.journal is not None:
            edit_user_themes(self.w.journal, self.w, self.w.editor.refresh_themes)

    def change_passphrase(self) -> None:
        from reflect.ui.lock.passphrase_dialog import ChangePassphraseDialog

        ChangePassphraseDialog(self.w.journal, self.w).exec()

    def offer_drafts(self) -> str | None:
        """After an unlock: bring back unsaved writing. Returns the key restored, if any."""
        drafts = self.w.journal.drafts()
        if not drafts:
            return None
        keys = list(drafts)
        silent = set(keys) <= self.restorable_silently  # we kept them ourselves at the lock
        self.restorable_silently.clear()
        if not silent and not prompts.offer_drafts(self.w, len(keys)):
            for key in keys:
                self.w.journal.discard_draft(key)
            return None
        key = keys[0]
        self.w.editor.restore_draft(key, drafts[key])
        return key

    # --- settings, look, help -------------------------------------------------------------

    def open_settings(self) -> None:
        from reflect.ui.dialogs.settings import SettingsDialog

        dialog = SettingsDialog(self.w.settings, self.w)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_look(self.w.settings.look)
            self.w.themes.recompute()  # the recurrence rule may have changed
            self.w.settingsChanged.emit()

    def set_look(self, look: str) -> None:
        self.w.settings.look = look
        for action in self.w.actions.look.actions():
            action.setChecked(action.data() == look)
        apply_look(QApplication.instance(), look)
        self.w.entries.tree.viewport().update()
        self.w.settings.save_quietly()

    def show_shortcuts(self) -> None:
        rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{self.w.tr(what)}</td></tr>"
                       for keys, what in SHORTCUTS)
        QMessageBox.information(self.w, self.w.tr("Keyboard shortcuts"), f"<table>{rows}</table>")

    def about(self) -> None:
        from reflect import __version__

        QMessageBox.about(self.w, self.w.tr("About Reflect"), self.w.tr(
            "<h3>Reflect %1</h3><p>A private, encrypted journal for reflective practice, "
            "structured with the Demand-Control Schema.</p><p>Your journal stays on this "
            "computer, encrypted with your passphrase.</p>").replace("%1", __version__))
