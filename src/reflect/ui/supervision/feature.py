"""Supervision in the main window: its menu, the follow-up questions above a new entry with a
client, and the monthly self-check banner.

It knows the window only through narrow parts: a host for the selected client, the themes it
holds and the status line (``SupervisionHost``), the entry editor's subject (``EditorSubject``),
the settings, and the one change signal. The window places ``menu``, ``banner`` and ``panel``
where they belong, calls ``attach``/``detach`` with the journal, and hands the editor over with
``watch_editor``. Whatever the dialogs change they announce on ``journalChanged`` (kind
``supervision``); this feature, and every open supervision view, refreshes itself from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from reflect.core.changes import PEOPLE, SETTINGS, SUPERVISION

from .follow_up_panel import FollowUpPanel
from .labels import tr
from .self_check_dialog import SelfCheckBanner, SelfCheckDialog


class SupervisionHost(Protocol):
    """What supervision needs of the main window."""

    def current_client_id(self) -> str | None: ...
    def theme_counts(self, entry_ids: list[str]) -> list[tuple[str, int]] | None: ...
    def show_status(self, text: str, msecs: int = 8000) -> None: ...


class EditorSubject(Protocol):
    """What supervision needs of the entry editor: which entry and client it shows, and when
    that changes (``subjectChanged``) or the entry is saved (``entrySaved(id)``)."""

    subjectChanged: object
    entrySaved: object

    def current_entry_id(self) -> str | None: ...
    def current_client_id(self) -> str | None: ...


class SupervisionFeature(QObject):
    def __init__(self, host: SupervisionHost, settings, events, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.settings = settings
        self.events = events
        self.parent_widget = parent
        self.journal = None
        self._editor: EditorSubject | None = None
        self._shown: tuple[str | None, str | None] | None = None  # (client, entry) prompted
        self._fresh: set[str] = set()  # entries saved from new while their prompts showed
        # asked a moment later, so that an entry just saved is known as saved first
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh_prompts)
        self.presenting = None  # the presenting window, while it is open
        self.panel = FollowUpPanel()
        self.panel.recorded.connect(lambda _client: self.events.announce(SUPERVISION, self.panel))
        self.banner = SelfCheckBanner()
        self.banner.done.connect(lambda: self.events.announce(SUPERVISION, self.banner))
        self.trend = None  # the self-check's trend in the themes window, once that is made
        self.menu = QMenu(tr("&Supervision"), parent)
        self.actions = self._build_menu()
        events.journalChanged.connect(self._journal_changed)

    # --- the menu ---------------------------------------------------------------------------

    def _build_menu(self) -> dict[str, QAction]:
        menu = self.menu
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
            action = QAction(text, self.menu)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            actions[key] = action
        return actions

    # --- the journal in and out -------------------------------------------------------------

    def watch_editor(self, editor: EditorSubject) -> None:
        """The entry editor whose new entries get the follow-up questions."""
        if editor is self._editor:
            return
        self._editor = editor
        editor.subjectChanged.connect(self._refresh_soon.start)
        editor.entrySaved.connect(self._entry_saved)

    def self_check_trend(self):
        """The self-check's trend for the themes window (made once; kept up to date)."""
        if self.trend is None:
            from .self_check_trend import SelfCheckTrend

            self.trend = SelfCheckTrend(self.events)
            self.trend.selfCheckRequested.connect(self.show_self_check)
            self.trend.set_journal(self.journal)
        return self.trend

    def attach(self, journal) -> None:
        self.journal = journal
        if self.trend is not None:
            self.trend.set_journal(journal)
        self._shown = None
        self._fresh.clear()
        self.refresh_prompts()
        self._offer_self_check()

    def _offer_self_check(self) -> None:
        self.banner.offer(self.journal, bool(getattr(self.settings, "self_check_monthly", 1)))

    def _journal_changed(self, what, origin) -> None:
        """Meetings, suggestions, follow-ups or self-checks changed (here or in any view), or a
        client was forgotten: ask again what the entry on screen should. What the editor itself
        changed (saving the entry) reaches here as ``entrySaved`` instead."""
        if self.journal is None or not self.journal.is_open or origin is self._editor:
            return
        forgotten = PEOPLE in what and bool(what.removed)
        # the panel's own answers stay on screen, marked as kept
        if (SUPERVISION in what or forgotten) and origin is not self.panel:
            self._shown = None
            self.refresh_prompts()
        if (SUPERVISION in what and origin is not self.banner) or SETTINGS in what:
            self._offer_self_check()

    def detach(self) -> None:
        self._refresh_soon.stop()
        if self.presenting is not None:
            self.presenting.close()
            self.presenting.deleteLater()
            self.presenting = None
        self.panel.clear()
        self.banner.hide()
        if self.trend is not None:
            self.trend.clear()
        self.journal = None
        self._shown = None

    # --- follow-ups on a new entry ----------------------------------------------------------

    def _editor_client(self) -> str | None:
        return self._editor.current_client_id() if self._editor is not None else None

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
        return self.host.current_client_id() or self._editor_client()

    def log_meeting(self) -> None:
        if self.journal is None:
            return
        from .meeting_dialog import MeetingDialog

        MeetingDialog(self.journal, parent=self.parent_widget, client_id=self._client(),
                      events=self.events).exec()

    def show_meetings(self) -> None:
        if self.journal is None:
            return
        from .meetings_view import MeetingsDialog

        MeetingsDialog(self.journal, self.parent_widget, self.events).exec()

    def show_history(self) -> None:
        if self.journal is None:
            return
        client_id = self._client()
        if not client_id:
            QMessageBox.information(self.parent_widget, tr("Choose a client"), tr(
                "Choose a client in the list first: their suggestions from supervision are "
                "shown, with what came of each."))
            return
        from .history import SuggestionHistory

        SuggestionHistory(self.journal, client_id, self.parent_widget, self.events).exec()

    def prepare(self) -> None:
        if self.journal is None:
            return
        from .prepare import PrepareDialog

        dialog = PrepareDialog(self.journal, self.parent_widget)
        dialog.briefRequested.connect(self._make_brief)
        dialog.presentRequested.connect(self.present)
        dialog.exec()

    def _make_brief(self, client_id: str) -> None:
        from reflect.ui.brief.wizard import BriefWizard

        BriefWizard(self.journal, self.parent_widget, client_id, self.settings,
                    theme_counts=self.host.theme_counts, events=self.events).exec()

    def present(self, client_id: str | None = None, markdown: str | None = None):
        """Presenting mode for a client's brief (the one last exported for them, made again,
        de-identified and checked like an export; else their recent sessions), or for a brief
        file exported earlier."""
        if self.journal is None:
            return None
        from reflect.core.errors import StoreError
        from reflect.core.supervision.prepare import presenting_brief

        client_id = client_id or self._client()
        if markdown is None and client_id is None:
            markdown, client_id = self._choose_what_to_present()
            if markdown is None and client_id is None:
                return None
        if markdown is None:
            try:
                markdown = presenting_brief(self.journal, client_id)
            except (StoreError, ValueError) as exc:
                QMessageBox.information(self.parent_widget, tr("Make the brief first"), tr(
                    "%1\n\nMake the brief (Journal → Case Brief for Supervision), review it, "
                    "export it as Markdown, and present that file.").replace("%1", str(exc)))
                return None
        from .presenting import PresentingWindow

        if self.presenting is not None:
            self.presenting.close()
            self.presenting.deleteLater()
        self.presenting = PresentingWindow(self.journal, markdown, client_id, self.settings,
                                           self.parent_widget, events=self.events)
        self.presenting.show()
        return self.presenting

    def _choose_what_to_present(self) -> tuple[str | None, str | None]:
        from PySide6.QtWidgets import QInputDialog

        clients = self.journal.clients()
        choices = [tr("A brief I exported (a Markdown file)…")] + [c.display for c in clients]
        choice, ok = QInputDialog.getItem(self.parent_widget, tr("Present a case"), tr("Whose case?"),
                                          choices, 1 if clients else 0, False)
        if not ok:
            return None, None
        if choice != choices[0]:
            return None, clients[choices.index(choice) - 1].id
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, tr("Open a brief"), "",
                                              tr("Briefs (*.md);;All files (*)"))
        if not path:
            return None, None
        try:
            return Path(path).read_text(encoding="utf-8"), None
        except (OSError, UnicodeDecodeError):
            QMessageBox.warning(self.parent_widget, tr("Cannot open the brief"),
                                tr("That file could not be read as text."))
            return None, None

    def show_hours(self) -> None:
        if self.journal is not None:
            from .hours_view import HoursDialog

            HoursDialog(self.journal, self.parent_widget).exec()

    def show_self_check(self) -> None:
        if self.journal is not None:
            parent = self.trend.window() if self.trend is not None and self.trend.isVisible() \
                else self.parent_widget
            SelfCheckDialog(self.journal, parent, self.events).exec()

    def export_profile(self) -> Path | None:
        """Which fields, which format, where: the practice profile on its own."""
        if self.journal is None:
            return None
        from .profile_export import ProfileExportDialog

        dialog = ProfileExportDialog(self.journal, self.settings, self.parent_widget)
        dialog.exec()
        if dialog.written is not None:
            self.host.show_status(tr("Practice profile saved: %1").replace(
                "%1", dialog.written.name))
        return dialog.written
