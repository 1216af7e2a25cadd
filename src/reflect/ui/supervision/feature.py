"""Supervision in the main window: its menu, the follow-up questions above a new entry with a
client, and the monthly self-check banner. The window calls ``attach``/``detach`` with the
journal; everything else is reached through the window's public parts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from .follow_up_panel import FollowUpPanel
from .labels import tr
from .self_check_dialog import SelfCheckBanner, SelfCheckDialog


class SupervisionFeature(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.journal = None
        self._editor = None
        self._shown: tuple[str | None, str | None] | None = None  # (client, entry) prompted
        self._fresh: set[str] = set()  # entries saved from new while their prompts showed
        # asked a moment later, so that an entry just saved is known as saved first
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh_prompts)
        self.presenting = None  # the presenting window, while it is open
        self.panel = FollowUpPanel()
        self.banner = SelfCheckBanner()
        window.editor_layout.insertWidget(0, self.panel)
        window.editor_layout.insertWidget(0, self.banner)
        self.actions = self._build_menu()

    # --- the menu ---------------------------------------------------------------------------

    def _build_menu(self) -> dict[str, QAction]:
        bar = self.w.menuBar()
        menu = bar.addMenu(tr("&Supervision"))
        help_menu = bar.actions()[-2] if len(bar.actions()) > 1 else None
        if help_menu is not None:  # before Help, where a user looks last
            bar.insertMenu(help_menu, menu)
        items = [
            ("log", tr("&Log a Meeting…"), "Ctrl+Shift+M", self.log_meeting),
            ("meetings", tr("&Meetings…"), None, self.show_meetings),
            None,
            ("prepare", tr("&Prepare a Meeting…"), None, self.prepare),
            ("present", tr("P&resent a Case…"), None, lambda: self.present()),
            None,
            ("history", tr("&Suggestions for This Client…"), None, self.show_history),
            None,
            ("hours", tr("Supervision &Hours…"), None, self.show_hours),
            ("self_check", tr("Monthly Self-&Check…"), None, self.show_self_check),
            ("profile", tr("Export Practice &Profile…"), None, self.export_profile),
        ]
        actions = {}
        for item in items:
            if item is None:
                menu.addSeparator()
                continue
            key, text, shortcut, slot = item
            action = QAction(text, self.w)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            actions[key] = action
        self.menu = menu
        return actions

    # --- the journal in and out -------------------------------------------------------------

    def attach(self, journal) -> None:
        self.journal = journal
        editor = self.w.editor
        if editor is not None and editor is not self._editor:
            self._editor = editor
            session = getattr(editor, "session", None)
            if session is not None:
                session.changed.connect(self._refresh_soon.start)
            editor.dirtyChanged.connect(lambda _dirty: self._refresh_soon.start())
            editor.entrySaved.connect(self._entry_saved)
        self._shown = None
        self._fresh.clear()
        self.refresh_prompts()
        self.banner.offer(journal, bool(getattr(self.w.settings, "self_check_monthly", 1)))

    def detach(self) -> None:
        self._refresh_soon.stop()
        if self.presenting is not None:
            self.presenting.close()
            self.presenting.deleteLater()
            self.presenting = None
        self.panel.clear()
        self.banner.hide()
        self.journal = None
        self._shown = None

    # --- follow-ups on a new entry ----------------------------------------------------------

    def _editor_client(self) -> str | None:
        state = self._editor.to_dict() if self._editor is not None else {}
        return state.get("client_id")

    def refresh_prompts(self) -> None:
        if self.journal is None or self._editor is None or not self.journal.is_open:
            return
        entry_id = self._editor.current_entry_id()
        client_id = self._editor_client()
        if entry_id is not None and entry_id not in self._fresh:
            self._shown = None
            self.panel.clear()  # an older entry: no questions on it
            return
        key = (client_id, entry_id)
        if key == self._shown or (self._shown and self._shown[0] == client_id
                                  and entry_id in self._fresh):
            return  # nothing changed: keep what is typed in the notes
        self._shown = key
        self.panel.show_for(self.journal, client_id, entry_id)

    def _entry_saved(self, entry_id: str) -> None:
        if self._shown is not None and self._shown[1] is None:
            self._fresh.add(entry_id)
            self._shown = (self._shown[0], entry_id)
            self.panel.entry_saved(entry_id)

    # --- dialogs ----------------------------------------------------------------------------

    def _client(self) -> str | None:
        return self.w.current_client_id() or (self._editor_client() if self._editor else None)

    def log_meeting(self) -> None:
        if self.journal is None:
            return
        from .meeting_dialog import MeetingDialog

        if MeetingDialog(self.journal, parent=self.w, client_id=self._client()).exec() == \
                QDialog.DialogCode.Accepted:
            self._changed()

    def show_meetings(self) -> None:
        if self.journal is None:
            return
        from .meetings_view import MeetingsDialog

        dialog = MeetingsDialog(self.journal, self.w)
        dialog.changed.connect(self._changed)
        dialog.exec()

    def show_history(self) -> None:
        if self.journal is None:
            return
        client_id = self._client()
        if not client_id:
            QMessageBox.information(self.w, tr("Choose a client"), tr(
                "Choose a client in the list first: their suggestions from supervision are "
                "shown, with what came of each."))
            return
        from .history import SuggestionHistory

        dialog = SuggestionHistory(self.journal, client_id, self.w)
        dialog.changed.connect(self._changed)
        dialog.exec()

    def prepare(self) -> None:
        if self.journal is None:
            return
        from .prepare import PrepareDialog

        dialog = PrepareDialog(self.journal, self.w)
        dialog.briefRequested.connect(self._make_brief)
        dialog.presentRequested.connect(self.present)
        dialog.exec()

    def _make_brief(self, client_id: str) -> None:
        from reflect.ui.brief.wizard import BriefWizard

        BriefWizard(self.journal, self.w, client_id).exec()

    def present(self, client_id: str | None = None, markdown: str | None = None):
        """Presenting mode for a client's recent sessions (their brief, de-identified and
        checked like an export), or for a brief file exported earlier."""
        if self.journal is None:
            return None
        from reflect.core.errors import StoreError
        from reflect.core.supervision.prepare import brief_for

        client_id = client_id or self._client()
        if markdown is None and client_id is None:
            markdown, client_id = self._choose_what_to_present()
            if markdown is None and client_id is None:
                return None
        if markdown is None:
            try:
                markdown = brief_for(self.journal, client_id)
            except (StoreError, ValueError) as exc:
                QMessageBox.information(self.w, tr("Make the brief first"), tr(
                    "%1\n\nMake the brief (Journal → Case Brief for Supervision), review it, "
                    "export it as Markdown, and present that file.").replace("%1", str(exc)))
                return None
        from .presenting import PresentingWindow

        if self.presenting is not None:
            self.presenting.close()
            self.presenting.deleteLater()
        self.presenting = PresentingWindow(self.journal, markdown, client_id, self.w.settings,
                                           self.w)
        self.presenting.savedIntoMeeting.connect(lambda _id: self._changed())
        self.presenting.show()
        return self.presenting

    def _choose_what_to_present(self) -> tuple[str | None, str | None]:
        from PySide6.QtWidgets import QInputDialog

        clients = self.journal.clients()
        choices = [tr("A brief I exported (a Markdown file)…")] + [c.display for c in clients]
        choice, ok = QInputDialog.getItem(self.w, tr("Present a case"), tr("Whose case?"),
                                          choices, 1 if clients else 0, False)
        if not ok:
            return None, None
        if choice != choices[0]:
            return None, clients[choices.index(choice) - 1].id
        path, _ = QFileDialog.getOpenFileName(self.w, tr("Open a brief"), "",
                                              tr("Briefs (*.md);;All files (*)"))
        if not path:
            return None, None
        try:
            return Path(path).read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError):
            QMessageBox.warning(self.w, tr("Cannot open the brief"),
                                tr("That file could not be read as text."))
            return None, None

    def show_hours(self) -> None:
        if self.journal is not None:
            from .hours_view import HoursDialog

            HoursDialog(self.journal, self.w).exec()

    def show_self_check(self) -> None:
        if self.journal is not None:
            SelfCheckDialog(self.journal, self.w).exec()
            self.banner.offer(self.journal, bool(getattr(self.w.settings, "self_check_monthly", 1)))

    def export_profile(self, path: str | None = None) -> Path | None:
        if self.journal is None:
            return None
        from reflect.core.supervision.profile import write_profile

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.w, tr("Export your practice profile"), "practice-profile.pdf",
                tr("PDF (*.pdf);;Markdown (*.md)"))
            if not path:
                return None
        fmt = "md" if path.lower().endswith(".md") else "pdf"
        try:
            written = write_profile(self.journal, fmt, path)
        except Exception as exc:  # shown as it is (messages carry no content)
            QMessageBox.warning(self.w, tr("Profile not exported"), str(exc))
            return None
        self.w.statusBar().showMessage(tr("Practice profile saved: %1").replace(
            "%1", Path(written).name), 8000)
        return Path(written)

    def _changed(self) -> None:
        """Meetings or suggestions changed: ask again what the entry on screen should."""
        self._shown = None
        self.refresh_prompts()
