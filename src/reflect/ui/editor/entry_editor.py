"""The entry editor: write down a session in the Demand-Control Schema's terms, and lose nothing.

``EntryEditor`` composes the session facts, the Markdown narrative, the demands and controls, and
"what went well", laid out by the template the practitioner picked. Every change marks the editor
dirty; while dirty, an encrypted draft is written to the journal every few seconds, so a crash, a
power cut or a lock costs at most those seconds. The editor never touches SQL or ciphertext: it
goes through ``Journal``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from reflect.core import drafts as states
from reflect.core.changes import ENTRIES, PEOPLE, THEMES, changes
from reflect.core.entry_templates import get_template, has_template
from reflect.core.journal import Journal
from reflect.core.model import Person, PersonKind
from reflect.ui.editor.demand_control_lists import RowList
from reflect.ui.editor.editor_themes import EditorThemes
from reflect.ui.editor.theme_chips import ACCEPT, REJECT
from reflect.ui.editor.view import DEFAULT_TEMPLATE, EntryEditorView

DEFAULT_AUTOSAVE_SECONDS = 3.0


THEMES_AFTER_TYPING_MS = 700  # a pause this long in typing detects the themes again

class EntryEditor(EntryEditorView):
    """One entry at a time. See the module docstring; the main window uses only the public
    methods and the two signals. What it changes in the journal it announces on ``events``
    (an entry saved, a theme decided); it refreshes itself when the practitioner's own themes
    change."""

    entrySaved = Signal(str)
    dirtyChanged = Signal(bool)
    # another entry shown, or the client chosen for this one changed (see current_client_id)
    subjectChanged = Signal()

    def __init__(self, journal: Journal | None, settings: object = None, parent=None,
                 events=None) -> None:
        default = str(getattr(settings, "default_template", None) or DEFAULT_TEMPLATE)
        super().__init__(default if has_template(default) else DEFAULT_TEMPLATE, parent)
        self.setObjectName("EntryEditor")
        self._journal = journal
        seconds = getattr(settings, "autosave_seconds", None) or DEFAULT_AUTOSAVE_SECONDS
        self._entry_id: str | None = None
        self._draft_key: str | None = None
        self._baseline: dict[str, Any] | None = None  # None: differs from the journal by definition
        self._last_drafted: dict[str, Any] | None = None
        self._dirty = False
        self._entry_extra: dict[str, Any] = {"themes": [], "rejected_themes": [], "people_ids": []}
        self._template_key = self._template.id  # what is saved; kept as found for old entries
        self._autosave = QTimer(self)
        self._autosave.setInterval(max(100, int(float(seconds) * 1000)))
        self._autosave.timeout.connect(self.flush_draft)
        # While typing, the themes follow what is written once the practitioner pauses.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(THEMES_AFTER_TYPING_MS)
        self._typing.timeout.connect(lambda: self.refresh_themes(quiet=True))
        self.session.is_known_client = lambda name: bool(
            self._journal_open() and self._journal.find_people(name, kind=PersonKind.CLIENT)
        )
        self.themes = EditorThemes(self.themes_panel, self.narrative, self)
        self.themes.chipsChanged.connect(self._fix_tab_order)
        self.themes.decisionMade.connect(self._decide_theme)
        self._events = events
        if events is not None:
            events.journalChanged.connect(self._journal_changed)
        self._wire()
        self.setEnabled(False)

    def _wire(self) -> None:
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        self.session.changed.connect(self._changed)
        self.session.changed.connect(self.subjectChanged)
        self.session.createClientRequested.connect(self.create_client)
        self.narrative.changed.connect(self._changed)
        self.demands.changed.connect(self._controls_changed)
        self.controls.changed.connect(self._controls_changed)
        self.went_well.textChanged.connect(self._changed)
        self.demands.rowsChanged.connect(self._fix_tab_order)
        self.controls.rowsChanged.connect(self._fix_tab_order)
        self.controls.resultingDemandRequested.connect(self.add_resulting_demand)
        self.more_button.toggled.connect(self._more_toggled)
        self.save_button.clicked.connect(self.save)
        self._removed_from: list[RowList] = []
        self.demands.rowRemoved.connect(lambda text: self._row_removed(self.demands, text))
        self.controls.rowRemoved.connect(lambda text: self._row_removed(self.controls, text))
        self.undo_remove_button.clicked.connect(self.undo_remove)
        self.undo_action.triggered.connect(lambda: self._text_target().undo())
        self.redo_action.triggered.connect(lambda: self._text_target().redo())

    def _text_target(self):
        """The text field Undo/Redo from a menu act on: the focused one, else the narrative."""
        focused = QApplication.focusWidget() or self.focusWidget()
        if (
            isinstance(focused, QLineEdit | QPlainTextEdit)
            and self.isAncestorOf(focused)
            and not focused.isReadOnly()
        ):
            return focused
        return self.narrative.text

    def _row_removed(self, rows: RowList, text: str) -> None:
        self._removed_from.append(rows)
        what = self.tr("demand") if rows is self.demands else self.tr("control")
        self._set_status(
            self.tr("Removed a %1: “%2”").replace("%1", what).replace("%2", text.strip()[:60])
            if text.strip()
            else self.tr("Removed an empty %1.").replace("%1", what)
        )
        self.undo_remove_button.setVisible(True)

    def undo_remove(self) -> None:
        """Put back the last demand or control removed (removal is undoable, not confirmed)."""
        while self._removed_from:
            rows = self._removed_from.pop()
            if rows.restore_removed() is not None:
                self._refresh_origins()
                self._set_status(self.tr("Put it back."))
                break
        self.undo_remove_button.setVisible(bool(self._removed_from))

    def _template_chosen(self) -> None:
        new = get_template(self.template_combo.currentData())
        old = self._template
        text = self.narrative.plain_text()
        # Swap the pre-filled prompts only while nothing has been written under them.
        swap = not text.strip() or old.is_prefill(text)
        self._apply_template(new, prefill=swap)
        self._template_key = new.id
        if not swap:
            self._set_status(self.tr("Template changed; your narrative is left as you wrote it."))
        self._changed()


    # --- state ----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Everything on screen as plain data: what a draft holds."""
        state = states.empty_state(self._template_key, datetime.now())
        state.update(self.session.state())
        state.update(
            entry_id=self._entry_id,
            narrative=self.narrative.plain_text(),
            went_well=self.went_well.toPlainText(),
            demands=self.demands.states(),
            controls=self.controls.states(),
            themes=list(self._entry_extra["themes"]),
            rejected_themes=list(self._entry_extra["rejected_themes"]),
            people_ids=list(self._entry_extra["people_ids"]),
        )
        return state

    def from_dict(self, data: dict[str, Any]) -> None:
        """Put a state back on screen exactly (the inverse of ``to_dict``)."""
        state = states.normalise(data)
        self._loading = True
        try:
            self.setEnabled(True)
            self._entry_id = state["entry_id"]
            self._removed_from = []
            self.undo_remove_button.setVisible(False)
            self._entry_extra = {
                "themes": state["themes"],
                "rejected_themes": state["rejected_themes"],
                "people_ids": state["people_ids"],
            }
            self._reload_clients()
            self.session.set_state(state)
            self.narrative.show_write()
            self.narrative.set_text(state["narrative"])
            self.went_well.setPlainText(state["went_well"])
            self.demands.set_states(state["demands"])
            self.controls.set_states(state["controls"])
            self.more_button.setChecked(False)
            template_id = state["template"] if has_template(state["template"]) else None
            self._apply_template(get_template(template_id or self._default_template), prefill=False)
            self._template_key = state["template"] or ""
            self.narrative.place_cursor_for_writing()
            self._refresh_origins()
            self.narrative.text.document().clearUndoRedoStacks()
        finally:
            self._loading = False

    def _reload_clients(self) -> None:
        clients = self._journal.clients() if self._journal is not None and self._journal.is_open else []
        self.session.set_clients(clients)

    def reload_clients(self) -> None:
        """Offer the journal's clients as they are now (one was added or renamed elsewhere),
        keeping what the client field shows; a typed name that is now a client is chosen."""
        if not self._journal_open() or not self.isEnabled():
            return
        client_id, name = self.session.client_choice()
        self._reload_clients()
        if name:
            known = self._journal.find_people(name, kind=PersonKind.CLIENT)
            self.session.select_client(known[0].id if known else None, name)
        else:
            self.session.select_client(client_id)
        self._changed()

    def create_client(self, name: str) -> str | None:
        """Add the typed name as a client now and file this entry under them."""
        name = name.strip()
        if not name or not self._journal_open():
            return None
        known = self._journal.find_people(name, kind=PersonKind.CLIENT)
        try:
            person = known[0] if known else self._journal.save_person(
                Person(name=name, kind=PersonKind.CLIENT))
        except Exception as exc:  # the typed name stays in the field; nothing else changed
            self._set_status(self.tr("Could not add the client: %1").replace("%1", str(exc)),
                             error=True)
            return None
        self._reload_clients()
        self.session.select_client(person.id)
        self._changed()
        self._set_status(self.tr("Added %1 to your clients.").replace("%1", person.display))
        self._announce(changes(PEOPLE))  # the lists show them; other views follow
        return person.id

    # --- dirty tracking and drafts --------------------------------------------------------

    def _controls_changed(self) -> None:
        self._refresh_origins()
        self._changed()

    def _refresh_origins(self) -> None:
        self.controls.set_demand_choices(self.demands.choices())
        self.demands.show_origins(self.controls.texts())
        self.controls.mark_resulting({r.from_control for r in self.demands.rows if r.from_control})

    def _changed(self) -> None:
        if self._loading:
            return
        self._typing.start()  # the chips follow the writing, once typing pauses
        self._set_dirty(self._baseline is None or self.to_dict() != self._baseline)
        if self.status.property("kind") == "error":
            self._set_status("")

    def _set_dirty(self, dirty: bool) -> None:
        if dirty and not self._autosave.isActive():
            self._autosave.start()
        if dirty == self._dirty:
            return
        self._dirty = dirty
        if not dirty:
            self._autosave.stop()
            self._discard_draft()
        self.dirtyChanged.emit(dirty)

    def has_unsaved_changes(self) -> bool:
        return self._dirty

    def flush_draft(self) -> bool:
        """Write the encrypted draft now if anything changed since the last one. Safe to call
        before a lock; returns False only when a draft was needed and could not be written."""
        if not self._dirty or self._draft_key is None:
            return True
        state = self.to_dict()
        if state == self._last_drafted:
            return True
        if self._journal is None or not self._journal.is_open:
            return False
        try:
            self._journal.save_draft(self._draft_key, state)
        except Exception as exc:  # the editor stays usable; the message says what is at risk
            self._set_status(
                self.tr("Could not write the draft: %1").replace("%1", str(exc)), error=True
            )
            return False
        self._last_drafted = state
        self._set_status(
            self.tr("Draft kept safe at %1").replace("%1", datetime.now().strftime("%H:%M:%S"))
        )
        return True

    def _discard_draft(self) -> None:
        if self._draft_key and self._last_drafted is not None and self._journal_open():
            self._journal.discard_draft(self._draft_key)
        self._last_drafted = None

    def _journal_open(self) -> bool:
        return self._journal is not None and self._journal.is_open

    def _set_status(self, text: str, *, error: bool = False) -> None:
        self.status.setProperty("kind", "error" if error else "info")
        self.status.setText(text)

    # --- the interface the main window uses -----------------------------------------------

    def set_journal(self, journal: Journal | None) -> None:
        """Use another (re-unlocked) journal. The editor starts empty: call new_entry/load_entry."""
        self.clear()
        self._journal = journal

    def current_entry_id(self) -> str | None:
        return self._entry_id

    def current_client_id(self) -> str | None:
        """The client chosen for the entry shown (None: none, or a new name not saved yet)."""
        return self.session.client_choice()[0]

    def refresh_themes(self, quiet: bool = False) -> None:
        """Detect the entry's themes again (after a load, a save, the practitioner's own themes
        changed, or a pause in typing: ``quiet`` keeps the chips until the new ones arrive)."""
        self._typing.stop()
        usable = self._journal_open() and self.isEnabled()
        self.themes.refresh(self._journal if usable else None, self.to_dict() if usable else None,
                            quiet=quiet)

    def _journal_changed(self, what, origin) -> None:
        if origin is not self and THEMES in what and not what.entries:
            self.refresh_themes()  # the practitioner's own themes changed
        if origin is not self and PEOPLE in what:
            self.reload_clients()  # a client made elsewhere can be chosen in this entry at once

    def _announce(self, what) -> None:
        if self._events is not None:
            self._events.announce(what, self)

    def _decide_theme(self, theme: str, decision: str | None) -> None:
        """For a saved entry a decision goes straight to ``Journal.set_theme_decision`` and the
        state (``themes`` / ``rejected_themes``) follows, also in its saved baseline, so a
        decision never makes the entry look unsaved and a later save never undoes it. For an
        entry not saved yet the decisions stay in the state and are saved with the entry."""
        extra = self._entry_extra
        label = self.themes_panel.label_of(theme)
        if self._entry_id and self._journal_open():
            try:
                entry = self._journal.set_theme_decision(self._entry_id, theme, decision)
            except Exception as exc:
                self._set_status(
                    self.tr("Could not keep that decision: %1").replace("%1", str(exc)), error=True
                )
                return
            themes, rejected = list(entry.themes), list(entry.rejected_themes)
            if self._baseline is not None:
                self._baseline["themes"] = list(themes)
                self._baseline["rejected_themes"] = list(rejected)
            self._announce(changes(THEMES, entries=[self._entry_id]))  # the dashboard sees it
        else:
            themes = [t for t in extra["themes"] if t != theme]
            rejected = [t for t in extra.get("rejected_themes", []) if t != theme]
            if decision == ACCEPT:
                themes.append(theme)
            elif decision == REJECT:
                rejected.append(theme)
        extra["themes"], extra["rejected_themes"] = themes, rejected
        self._changed()
        self.themes_panel.apply_decision(theme, decision, label)
        self._fix_tab_order()
        if decision is None or decision == ACCEPT:
            self.refresh_themes()  # an undone "not this" may bring the suggestion back

    def _start(self, state: dict[str, Any], draft_key: str, *, clean: bool) -> None:
        if self._dirty:
            self.flush_draft()  # switching away never drops what was typed
        self._autosave.stop()
        self._draft_key = draft_key
        self._last_drafted = None
        self._set_status("")
        self.from_dict(state)
        self._baseline = self.to_dict() if clean else None
        self._dirty = not clean
        if not clean:
            self._autosave.start()
        self.dirtyChanged.emit(self._dirty)
        self.subjectChanged.emit()
        self.refresh_themes()

    def new_entry(self, client_id: str | None, template_id: str | None = None) -> None:
        """A fresh entry dated now, for this client, with the template's prompts pre-filled."""
        template = get_template(template_id if has_template(template_id) else self._default_template)
        state = states.empty_state(template.id, datetime.now(), client_id)
        state["narrative"] = template.prefill()
        self._start(state, f"new:{uuid.uuid4().hex}", clean=True)
        self.focus_narrative()
        self.narrative.place_cursor_for_writing()

    def load_entry(self, entry_id: str) -> None:
        entry = self._journal.entry(entry_id)
        self._start(states.state_from_entry(entry), f"entry:{entry.id}", clean=True)
        self._scroll_to_top()  # an entry opens at its beginning: the date and the client

    def restore_draft(self, key: str, data: dict) -> None:
        """Bring a draft back exactly as it was typed. It stays unsaved until the user saves."""
        state = states.normalise(data)
        if state["entry_id"] is None and key.startswith("entry:"):
            state["entry_id"] = key.removeprefix("entry:")
        self._start(state, key, clean=False)
        self._last_drafted = self.to_dict()  # it is in the journal already
        self._set_status(self.tr("Restored the draft you had not saved. Save to keep it in the journal."))

    def add_resulting_demand(self, control_id: str, outcome: str) -> None:
        """One action: a control's outcome becomes a new demand linked to that control."""
        answers = next((r.answers for r in self.controls.rows if r.row_id == control_id), None)
        category = next(
            (d["category"] for d in self.demands.states() if answers and d["id"] == answers), None
        )
        row = self.demands.add_resulting(control_id, outcome, category)
        if self.more_button.isVisible() and not self.more_button.isChecked():
            self.more_button.setChecked(True)
        self._refresh_origins()
        self.scroll.ensureWidgetVisible(row)
        row.category.setFocus()
        self._set_status(self.tr("Added a resulting demand. Choose its category."))

    def save(self) -> bool:
        """Validate and save in one transaction; a new client typed in is created with it."""
        if not self._journal_open() or not self.isEnabled():
            return False
        state = self.to_dict()
        problems = states.problems(state, self._template.prefill())
        if problems:
            messages = {
                "empty": self.tr("Write a few words about the session first."),
                "outcome_without_control": self.tr(
                    "A control has an outcome but no description of what you did."
                ),
            }
            self._set_status(" ".join(messages[p] for p in problems), error=True)
            return False
        try:
            with self._journal.transaction():
                client_id = state["client_id"] or self._client_for_name(state["client_name"])
                entry = self._journal.save_entry(states.entry_from_state(state, client_id))
        except Exception as exc:  # nothing was saved; the draft and the screen keep every word
            self.flush_draft()
            self._set_status(self.tr("Not saved: %1").replace("%1", str(exc)), error=True)
            return False
        old_key = self._draft_key
        if old_key and self._journal_open():
            self._journal.discard_draft(old_key)
        self._entry_id = entry.id
        self._draft_key = f"entry:{entry.id}"
        if state["client_name"]:
            self._reload_clients()
            self.session.select_client(client_id)
        self._baseline = self.to_dict()
        self._last_drafted = None
        self._set_dirty(False)
        self._set_status(self.tr("Saved at %1").replace("%1", datetime.now().strftime("%H:%M")))
        self.refresh_themes()  # saving an entry updates its themes at once
        kinds = (ENTRIES, PEOPLE) if state["client_name"] else (ENTRIES,)
        self._announce(changes(*kinds, entries=[entry.id]))
        self.entrySaved.emit(entry.id)
        return True

    def _client_for_name(self, name: str) -> str | None:
        if not name:
            return None
        known = self._journal.find_people(name, kind=PersonKind.CLIENT)
        if known:
            return known[0].id
        return self._journal.save_person(Person(name=name, kind=PersonKind.CLIENT)).id

    def drop(self) -> None:
        """What it shows is gone from the journal (deleted, or its client forgotten): empty it
        without keeping a draft of it."""
        was_dirty, self._dirty = self._dirty, False
        self.clear()
        if was_dirty:
            self.dirtyChanged.emit(False)

    def clear(self) -> None:
        """Empty every widget that shows journal content and forget the entry (used on lock).

        Unsaved work is first written as an encrypted draft, if the journal is still open."""
        if self._dirty:
            self.flush_draft()
        self._autosave.stop()
        self._loading = True
        try:
            self.session.clear()
            self.narrative.clear()
            self.went_well.clear()
            self.went_well.document().clearUndoRedoStacks()
            self.demands.clear_rows()
            self.controls.clear_rows()
            self._removed_from = []
            self.undo_remove_button.setVisible(False)
            self.more_button.setChecked(False)
            self._apply_template(get_template(self._default_template), prefill=False)
            self._template_key = self._template.id
        finally:
            self._loading = False
        self._entry_id = None
        self._draft_key = None
        self._baseline = None
        self._last_drafted = None
        self._entry_extra = {"themes": [], "rejected_themes": [], "people_ids": []}
        self._typing.stop()
        self.themes.clear()
        self._set_status("")
        was_dirty, self._dirty = self._dirty, False
        if was_dirty:
            self.dirtyChanged.emit(False)
        self.setEnabled(False)
