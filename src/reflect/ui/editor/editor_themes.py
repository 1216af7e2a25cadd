"""The entry editor's themes: detect them off the UI thread and show a theme's words.

``EditorThemes`` knows the chips panel and the narrative's text field, nothing else of the
editor: the editor hands it the journal and what is on screen (``refresh``), and hears back
through signals: ``chipsChanged`` when new chips are in place (they join the tab order) and
``decisionMade`` when the practitioner keeps, rejects, adds or undoes a theme (the editor keeps
the decision; see ``EntryEditor``). Detection results that arrive after the editor moved on
(another entry, a lock) are dropped.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reflect.core import drafts as states
from reflect.core import themes as engine
from reflect.core.themes import EntryTheme
from reflect.ui.editor.theme_chips import ThemeChipsPanel
from reflect.ui.workers import run_in_background


class EditorThemes(QObject):
    chipsChanged = Signal()
    decisionMade = Signal(str, object)  # theme id, "accept" | "reject" | None (undone)

    def __init__(self, panel: ThemeChipsPanel, text: QTextEdit, parent=None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._text = text
        self._generation = 0
        panel.decided.connect(self.decide)
        panel.evidenceRequested.connect(self._highlight)

    # --- detection ------------------------------------------------------------------------

    def refresh(self, journal, state: dict | None, quiet: bool = False) -> None:
        """Detect the themes of ``state`` (what is on screen now, after a load, a save or a
        pause in typing); with no usable journal, only drop what is still on its way. ``quiet``
        keeps the chips as they are (no "Looking for themes…") until the new ones arrive."""
        self._generation += 1
        generation = self._generation
        if journal is None or not journal.is_open or state is None:
            return
        try:
            entry = states.entry_from_state(state, state["client_id"])
            user_themes = journal.user_themes()
        except Exception as exc:  # a half-typed date, a damaged record: say so, keep editing
            self.panel.set_failed(str(exc))
            return
        if not quiet:
            self.panel.set_busy()

        def detect():  # on a pool thread: the engine for these themes is made once, then kept
            found = engine.engine_with(user_themes)
            return found.themes, found.analyse_entry(entry).themes

        def done(result) -> None:
            if generation != self._generation or not shiboken6.isValid(self.panel):
                return  # the editor moved on, or was closed, while detection ran
            catalogue, themes = result
            self.panel.set_catalogue(catalogue)
            self.panel.set_themes(themes)
            self.chipsChanged.emit()  # new chips take their place after the narrative

        def failed(exc: Exception) -> None:
            if generation == self._generation and shiboken6.isValid(self.panel):
                self.panel.set_failed(str(exc))

        run_in_background(detect, done, failed)

    def clear(self) -> None:
        self._generation += 1  # late results find nothing to show
        self.panel.clear()
        self._text.setExtraSelections([])
        engine.forget()

    def decide(self, theme: str, decision: str | None) -> None:
        """The practitioner's say on a theme (from a chip or the "Add theme…" menu)."""
        self.decisionMade.emit(theme, decision)

    # --- evidence -------------------------------------------------------------------------

    def _highlight(self, item: EntryTheme) -> None:
        """Mark the theme's words in the narrative (spans that still match what is there)."""
        text_edit = self._text
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
