"""The main window: clients | entries | the entry editor, with menus and a status bar.

It shows an open journal between ``attach(journal)`` and ``detach()``; ``detach`` (lock) keeps
unsaved writing as an encrypted draft and then empties every widget that showed journal content.
What the menus do lives in ``commands``, the lock/quit lifecycle in ``lifecycle``.

It owns the one change signal (``events``, :mod:`reflect.ui.events`) and refreshes itself from
it: whatever changed entries or people (the editor saving, a command deleting or forgetting)
announces it there, and the lists reload; the editor starts a new entry when the one it showed
is gone.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reflect.core.changes import ENTRIES, PEOPLE, SETTINGS
from reflect.core.client_labels import distinct_labels
from reflect.core.query import ALL, GENERAL, EntryFilter, parse_query, theme_names
from reflect.ui.dialogs import prompts
from reflect.ui.editor.entry_editor import EntryEditor
from reflect.ui.events import JournalEvents
from reflect.ui.shell.client_list import ClientListModel, ClientListView
from reflect.ui.shell.entry_list import EntryListView, EntryTableModel
from reflect.ui.shell.menus import build_menus
from reflect.ui.themes.analysis import ThemesAnalysis
from reflect.ui.widgets.look import app_icon
from reflect.ui.widgets.pages import label


class MainWindow(QMainWindow):
    lockRequested = Signal()
    closed = Signal()  # the practitioner closed the window (after any unsaved-changes question)

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.journal = None
        self.editor = None
        self.events = JournalEvents(self)
        self.events.journalChanged.connect(self._journal_changed)
        self._summaries = []
        self._filter = EntryFilter()
        self._drafts_at_attach: set[str] = set()
        self.setWindowTitle(self.tr("Reflect"))
        self.setWindowIcon(app_icon())
        self.resize(1280, 800)

        self.client_model = ClientListModel(self)
        self.clients = ClientListView(self.client_model)
        self.entry_model = EntryTableModel(self)
        self.entries = EntryListView(self.entry_model)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search — words, client:dee, template:gibbs, "
                                               "since:2025-03"))
        self.search.setAccessibleName(self.tr("Search entries"))
        self.search.setToolTip(self.tr(
            "Type words to find entries that contain all of them.\n"
            "client:NAME, template:NAME, theme:NAME (e.g. theme:boundaries),\n"
            "since:YYYY-MM(-DD), until:YYYY-MM(-DD) narrow it down.\n"
            "Esc clears the search."))

        left = self._column(self.tr("&Clients"), self.clients)
        middle = self._column(self.tr("E&ntries"), self.entries, self.search)
        self.editor_holder = QWidget()
        self.editor_layout = QVBoxLayout(self.editor_holder)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget in (left, middle, self.editor_holder):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([190, 500, 676])
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Showing 10000 of "
                                                                              "10000 entries__"))
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.statusBar().addPermanentWidget(self.count_label)

        self.actions = build_menus(self)
        self._edit_menu_extras = []
        self.actions.lock.triggered.connect(self.lockRequested)
        self.actions.quit.triggered.connect(self.close)
        self.actions.new_entry.triggered.connect(self.new_entry)
        self.actions.save.triggered.connect(self.save_entry)
        self.actions.find.triggered.connect(self.focus_search)
        self.search.textChanged.connect(self.apply_filter)
        self.search.installEventFilter(self)
        self.clients.scopeChanged.connect(self._scope_changed)
        self.entries.entryActivated.connect(self._entry_activated)
        self._restore_geometry()

        self.themes = ThemesAnalysis(settings, self.events, self)
        self.themes.updated.connect(self._themes_updated)
        self.themes.cleared.connect(lambda: self.client_model.set_recurring({}))
        self.themes_window = None  # made on first View → Themes

        from reflect.ui.shell.commands import WorkspaceCommands
        from reflect.ui.supervision.feature import SupervisionFeature

        self.commands = WorkspaceCommands(self, self.actions)
        self.actions.themes.triggered.connect(self.show_themes)
        self.clients.doubleClicked.connect(lambda _index: self.commands.edit_client())
        self.clients.scopeChanged.connect(self.commands.update_enabled)
        self.supervision = SupervisionFeature(self, settings, self.events, self)
        bar = self.menuBar()
        help_menu = bar.actions()[-1] if bar.actions() else None
        bar.insertMenu(help_menu, self.supervision.menu)  # before Help, where a user looks last
        self.editor_layout.insertWidget(0, self.supervision.panel)
        self.editor_layout.insertWidget(0, self.supervision.banner)

    def _column(self, title: str, view: QWidget, above: QWidget | None = None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 10, 6, 10)
        layout.setSpacing(8)
        heading = label(title, "subtitle", wrap=False)
        heading.setBuddy(view.tree if isinstance(view, EntryListView) else view)
        layout.addWidget(heading)
        if above is not None:
            layout.addWidget(above)
        layout.addWidget(view, 1)
        return box

    # --- the journal in, the journal out --------------------------------------------------

    def attach(self, journal) -> None:
        self.journal = journal
        if self.editor is not None:
            self.editor.set_journal(journal)
        else:
            self.editor = EntryEditor(journal, self.settings, self.editor_holder, self.events)
            self.editor_layout.addWidget(self.editor)
            self.editor.entrySaved.connect(self._entry_saved)
            self.editor.dirtyChanged.connect(self.setWindowModified)
            self._edit_menu_extras = self.editor.edit_actions()
            edit_menu = self.menuBar().actions()[1].menu()
            edit_menu.insertActions(edit_menu.actions()[0], self._edit_menu_extras)
            edit_menu.insertSeparator(edit_menu.actions()[len(self._edit_menu_extras)])
            self.supervision.watch_editor(self.editor)
        self.editor.setVisible(True)
        # Qt adds " — Reflect" (the application's display name) itself.
        self.setWindowTitle(journal.path.stem + "[*]")
        self.reload()
        self.themes.start(journal)
        self.clients.select_key(ALL, quiet=True)
        restored = self.commands.offer_drafts()
        if restored is not None:
            self.editor.restore_draft(*restored)
        self._drafts_at_attach = set(journal.drafts()) - {restored and restored[0]}
        if not self.editor.has_unsaved_changes():
            if self._summaries:
                first = self._summaries[0].id
                self.entries.select_entry(first)
                self.editor.load_entry(first)
            else:
                self.editor.new_entry(None, self.settings.default_template or None)
        self.supervision.attach(journal)

    def detach(self) -> None:
        """Lock: keep unsaved writing as a draft, then empty everything that showed content."""
        self._save_geometry()
        journal = self.journal
        if self.editor is not None and journal is not None and journal.is_open:
            self.editor.flush_draft()
        if self.editor is not None:
            self.editor.clear()
        if journal is not None and journal.is_open:
            # the drafts kept at a lock come back after the unlock without a question
            self.commands.restorable_silently = set(journal.drafts())
        self.supervision.detach()
        self.themes.clear()
        if self.themes_window is not None:
            self.themes_window.save_geometry()
            self.themes_window.hide()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.entry_model.clear()
        self.client_model.clear()
        self.entries.set_empty_text("")
        self._summaries = []
        self._filter.set_people([])
        self.count_label.clear()
        self.statusBar().clearMessage()
        self.setWindowModified(False)
        self.setWindowTitle(self.tr("Reflect"))
        self.journal = None

    # --- data -----------------------------------------------------------------------------

    def reload(self, *, keep_scope: bool = True) -> None:
        """Read summaries and clients again (after a save, a forget, an edit)."""
        scope = self.clients.current_key() if keep_scope else ALL
        self._summaries = self.journal.summaries()
        clients = self.journal.clients()
        self._filter.set_people(self.journal.people())
        self._client_labels = distinct_labels(clients, self._summaries)
        self.client_model.set_journal_data(clients, self._summaries)
        self.clients.select_key(scope, quiet=True)
        self.apply_filter()

    def apply_filter(self) -> None:
        if self.journal is None:
            return
        query = parse_query(self.search.text())
        scope = self.clients.current_key()
        rows = self._filter.apply(self._summaries, query, scope)
        current = self.entries.current_id()
        self.entry_model.set_search(query.words, self._narrative_of)
        self.entry_model.set_rows(rows, self._client_labels)
        if current:
            self.entries.select_entry(current)
        elsewhere = 0
        if not rows and not query.empty and scope != ALL:
            elsewhere = len(self._filter.apply(self._summaries, query, ALL))
        self._update_empty_text(query, scope, elsewhere)
        total = len(self._summaries)
        text = self.tr("%n entries", "", total)
        if len(rows) != total:
            text = self.tr("Showing %1 of %2").replace("%1", str(len(rows))).replace(
                "%2", text)
        self.count_label.setText(text)

    def _narrative_of(self, entry_id: str) -> str:
        """One entry's narrative, for the snippet that shows why it matched a search."""
        if self.journal is None or not self.journal.is_open:
            return ""
        return self.journal.narratives([entry_id]).get(entry_id, "")

    def _update_empty_text(self, query, scope: str, elsewhere: int = 0) -> None:
        if not query.empty and scope != ALL and elsewhere:
            where = (self.tr("in your general reflections") if scope == GENERAL
                     else self.tr("for this client"))
            text = self.tr("Your search is still on: nothing %1 matches “%2”.\n"
                           "%n entries elsewhere do: choose All entries to see them, or press "
                           "Esc in the search field to clear it.", "", elsewhere
                           ).replace("%1", where).replace("%2", self.search.text().strip())
        elif not query.empty and scope != ALL:
            where = (self.tr("in your general reflections") if scope == GENERAL
                     else self.tr("for this client"))
            text = self.tr("Your search is still on: nothing %1 matches “%2”.\n"
                           "Press Esc in the search field to clear it.").replace(
                "%1", where).replace("%2", self.search.text().strip())
        elif not query.empty:
            text = self.tr("Nothing matches your search.\nTry fewer words, or press Esc to "
                           "clear it.")
        elif not self._summaries:
            text = self.tr("No entries yet.\nPress Ctrl+N after a session to write one.")
        elif scope == GENERAL:
            text = self.tr("No general reflections yet.\nThey are entries about your work "
                           "with no particular client.")
        else:
            text = self.tr("No entries for this client yet.\nPress Ctrl+N to write one.")
        self.entries.set_empty_text(text)

    # --- what the practitioner does -------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_client_id(self) -> str | None:
        key = self.clients.current_key()
        return None if key in (ALL, GENERAL) else key

    def new_entry(self) -> None:
        if self.journal is None or not self.resolve_unsaved():
            return
        self.entries.tree.clearSelection()
        self.entries.tree.setCurrentIndex(self.entry_model.index(-1, -1))
        self.editor.new_entry(self.current_client_id(), self.settings.default_template or None)
        self.editor.focus_narrative()

    def save_entry(self) -> None:
        if self.editor is not None and self.journal is not None:
            self.editor.save()

    def resolve_unsaved(self) -> bool:
        """Ask about unsaved changes; True when it is fine to move on."""
        if self.editor is None or not self.editor.has_unsaved_changes():
            return True
        answer = prompts.ask_unsaved(self)
        if answer == "save":
            return self.editor.save()
        if answer == "discard":
            self.discard_editor_drafts()
            return True
        return False

    def discard_editor_drafts(self) -> None:
        if self.journal is not None and self.journal.is_open:
            for key in set(self.journal.drafts()) - self._drafts_at_attach:
                self.journal.discard_draft(key)

    def _scope_changed(self, _key: str) -> None:
        """Another client: list their entries and show the newest, unless writing is unsaved.
        A search left on says so, rather than quietly emptying the list."""
        self.apply_filter()
        if self.search.text().strip():
            self.statusBar().showMessage(
                self.tr("Your search “%1” is still on (Esc in the search field clears it).")
                .replace("%1", self.search.text().strip()), 6000)
        if self.entries.current_id() is None and not self.editor.has_unsaved_changes():
            self.entries.select_first()

    def _entry_activated(self, entry_id: str) -> None:
        current = self.editor.current_entry_id()
        if current == entry_id:
            return
        if not self.resolve_unsaved():
            if current:
                self.entries.select_entry(current)
            return
        self.editor.load_entry(entry_id)
        self.discard_stale_drafts()

    def discard_stale_drafts(self) -> None:
        """Drafts of writing the practitioner chose to discard (nothing else is unsaved)."""
        if self.journal is not None and not self.editor.has_unsaved_changes():
            for key in set(self.journal.drafts()) - self._drafts_at_attach:
                self.journal.discard_draft(key)

    def _journal_changed(self, what, origin) -> None:
        if SETTINGS in what:
            self.entries.tree.viewport().update()  # the look may have changed
        if self.journal is None or not (ENTRIES in what or PEOPLE in what):
            return
        self.reload(keep_scope=self.clients.current_key() not in what.removed)
        shown = self.editor.current_entry_id()
        gone = shown is not None and shown not in {s.id for s in self._summaries}
        forgotten = shown is None and PEOPLE in what and bool(what.removed)
        if origin is not self.editor and (gone or forgotten and self.editor.has_unsaved_changes()):
            self.editor.drop()  # what it showed is no longer in the journal
            self.editor.new_entry(self.current_client_id(), self.settings.default_template or None)

    def _entry_saved(self, entry_id: str) -> None:
        self._list_entry(entry_id)
        self.statusBar().showMessage(self.tr("Saved."), 3000)

    def _list_entry(self, entry_id: str) -> None:
        """Select the entry in the list, clearing the search and the client if they hide it."""
        if not self.entries.select_entry(entry_id):
            self.search.clear()
            self.clients.select_key(ALL, quiet=True)
            self.apply_filter()
            self.entries.select_entry(entry_id)

    def selected_entry(self):
        """The entry selected in the list (its summary), or None."""
        entry_id = self.entries.current_id()
        row = self.entry_model.row_of(entry_id) if entry_id else -1
        return self.entry_model.summary(row) if row >= 0 else None

    def keep_unsaved_writing(self) -> None:
        """Write the editor's unsaved writing as a draft now (before a change that may take
        what it shows away: forgetting a client removes the drafts about them too)."""
        if self.editor is not None:
            self.editor.flush_draft()

    def select_client(self, key: str) -> None:
        self.clients.select_key(key)

    def show_status(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def show_entry(self, entry_id: str) -> None:
        """Bring an entry into the editor (from the themes window), listing it in the middle."""
        if self.journal is None:
            return
        self.raise_()
        self.activateWindow()
        self._list_entry(entry_id)
        self._entry_activated(entry_id)

    # --- themes -----------------------------------------------------------------------------

    def theme_counts(self, entry_ids: list[str]) -> list[tuple[str, int]] | None:
        """The themes of these entries from the analysis this window holds (for a brief)."""
        result = self.themes.result
        return result.counts_for(entry_ids) if result is not None else None

    def _themes_updated(self) -> None:
        self.client_model.set_recurring(self.themes.recurring_by_client())
        result = self.themes.result
        self._filter.set_themes(
            None if result is None else
            {a.entry_id: theme_names(a.ids(), result.labels) for a in result.entries}
        )
        if parse_query(self.search.text()).themes:
            self.apply_filter()  # a theme: search waits for the themes, then shows them

    def client_labels(self) -> dict[str, str]:
        return distinct_labels(self.journal.clients(), self._summaries) if self.journal else {}

    def show_themes(self) -> None:
        if self.journal is None:
            return
        if self.themes_window is None:
            from reflect.ui.themes.window import ThemesWindow

            self.themes_window = ThemesWindow(self.themes, self.settings, self.client_labels,
                                              self.show_entry, self,
                                              beside_stress=self.supervision.self_check_trend())
        self.themes_window.show()
        self.themes_window.raise_()
        self.themes_window.activateWindow()

    # --- window ---------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        from PySide6.QtCore import QEvent

        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape and self.search.text()):
            self.search.clear()
            return True
        return super().eventFilter(watched, event)

    def _restore_geometry(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.settings.window_geometry.encode()))
        if self.settings.splitter_state:
            self.splitter.restoreState(QByteArray.fromBase64(self.settings.splitter_state.encode()))

    def _save_geometry(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
        self.settings.splitter_state = bytes(self.splitter.saveState().toBase64()).decode()
        self.settings.save_quietly()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.journal is not None and not self.resolve_unsaved():
            event.ignore()
            return
        self._save_geometry()
        self.themes.clear()  # no background read of the journal once it may close
        if self.themes_window is not None:
            self.themes_window.close()
        event.accept()
        QTimer.singleShot(0, self.closed)
