"""The entry editor's themes: detect them off the UI thread, store the practitioner's decisions.

For a saved entry a decision goes straight to ``Journal.set_theme_decision`` and the editor's
state (``themes`` / ``rejected_themes``) follows, also in its saved baseline, so a decision never
makes the entry look unsaved and a later save never undoes it. For an entry not saved yet the
decisions stay in the editor's state and are saved with the entry. Detection results that arrive
after the editor moved on (another entry, a lock) are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reflect.core import drafts as states
from reflect.core.themes.analysis import EntryTheme
from reflect.ui.editor import theme_chips_detect as detection
from reflect.ui.editor.theme_chips import ACCEPT, REJECT, ThemeChipsPanel

if TYPE_CHECKING:
    from reflect.ui.editor.entry_editor import EntryEditor


TYPING_PAUSE_MS = 700


class EditorThemes(QObject):
    def __init__(self, editor: EntryEditor, panel: ThemeChipsPanel) -> None:
        super().__init__(editor)
        self._editor = editor
        self.panel = panel
        self._generation = 0
        # While typing, the themes follow what is written once the practitioner pauses.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.refresh(quiet=True))
        panel.decided.connect(self.decide)
        panel.evidenceRequested.connect(self._highlight)

    # --- detection ------------------------------------------------------------------------

    def typed(self) -> None:
        """Something was written: detect again when the typing pauses (debounced)."""
        self._typing.start()

    def refresh(self, quiet: bool = False) -> None:
        """Detect the themes of what is on screen now (after a load, a save, or a pause in
        typing: ``quiet`` keeps the chips as they are until the new ones arrive)."""
        self._typing.stop()
        editor = self._editor
        self._generation += 1
        generation = self._generation
        journal = editor._journal
        if journal is None or not journal.is_open or not editor.isEnabled():
            return
        state = editor.to_dict()
        try:
            entry = states.entry_from_state(state, state["client_id"])
            user_themes = journal.user_themes()
        except Exception as exc:  # a half-typed date, a damaged record: say so, keep editing
            self.panel.set_failed(str(exc))
            return
        if not quiet:
            self.panel.set_busy()

        def done(result: detection.Detected) -> None:
            if generation != self._generation or not shiboken6.isValid(self.panel):
                return  # the editor moved on, or was closed, while detection ran
            self.panel.set_catalogue(result.catalogue)
            self.panel.set_themes(result.themes)
            self._editor._fix_tab_order()  # new chips take their place after the narrative

        def failed(exc: Exception) -> None:
            if generation == self._generation and shiboken6.isValid(self.panel):
                self.panel.set_failed(str(exc))

        detection.detect_in_background(entry, user_themes, done, failed)

    def clear(self) -> None:
        self._typing.stop()
        self._generation += 1  # late results find nothing to show
        self.panel.clear()
        self._editor.narrative.text.setExtraSelections([])
        detection.forget()

    # --- decisions ------------------------------------------------------------------------

    def decide(self, theme: str, decision: str | None) -> None:
        editor = self._editor
        extra = editor._entry_extra
        label = self.panel.label_of(theme)
        if editor._entry_id and editor._journal_open():
            try:
                entry = editor._journal.set_theme_decision(editor._entry_id, theme, decision)
            except Exception as exc:
                editor._set_status(
                    editor.tr("Could not keep that decision: %1").replace("%1", str(exc)), error=True
                )
                return
            themes, rejected = list(entry.themes), list(entry.rejected_themes)
            if editor._baseline is not None:
                editor._baseline["themes"] = list(themes)
                editor._baseline["rejected_themes"] = list(rejected)
            editor.themesDecided.emit(editor._entry_id)  # the dashboard sees it at once
        else:
            themes = [t for t in extra["themes"] if t != theme]
            rejected = [t for t in extra.get("rejected_themes", []) if t != theme]
            if decision == ACCEPT:
                themes.append(theme)
            elif decision == REJECT:
                rejected.append(theme)
        extra["themes"], extra["rejected_themes"] = themes, rejected
        editor._changed()
        self.panel.apply_decision(theme, decision, label)
        editor._fix_tab_order()
        if decision is None or decision == ACCEPT:
            self.refresh()  # an undone "not this" may bring the suggestion back with its words

    # --- evidence -------------------------------------------------------------------------

    def _highlight(self, item: EntryTheme) -> None:
        """Mark the theme's words in the narrative (spans that still match what is there)."""
        text_edit = self._editor.narrative.text
        document = text_edit.document()
        plain = text_edit.toPlainText()
        fmt = QTextCharFormat()
        colour = QColor(text_edit.palette().highlight().color())
        colour.setAlpha(90)
        fmt.setBackground(colour)
        selections = []
        first = None
        for ev in item.evidence:
            if ev.field != "narrative" or plain[ev.start:ev.end] != ev.text:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(ev.start)
            cursor.setPosition(ev.end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            first = first or QTextCursor(cursor)
        text_edit.setExtraSelections(selections)
        if first is not None and not text_edit.viewport().rect().contains(text_edit.cursorRect(first)):
            bar = text_edit.verticalScrollBar()  # in lines: bring the first quote into sight
            bar.setValue(max(0, first.block().firstLineNumber() - 1))
