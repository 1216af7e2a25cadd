"""The entry editor's themes: detect them off the UI thread and show a theme's words.

``EditorThemes`` knows the chips panel and the narrative (where its words are on screen: the
one box, or a quick note's prompt fields), nothing else of the editor: the editor hands it the journal and what is on screen (``refresh``), and hears back
through signals: ``chipsChanged`` when new chips are in place (they join the tab order) and
``decisionMade`` when the practitioner keeps, rejects, adds or undoes a theme (the editor keeps
the decision; see ``EntryEditor``). Detection results that arrive after the editor moved on
(another entry, a lock) are dropped.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from reflect.core import drafts as states
from reflect.core import themes as engine
from reflect.core.themes import EntryTheme
from reflect.ui.editor.narrative import NarrativeEditor
from reflect.ui.editor.theme_chips import ThemeChipsPanel
from reflect.ui.workers import run_in_background


class EditorThemes(QObject):
    chipsChanged = Signal()
    decisionMade = Signal(str, object)  # theme id, "accept" | "reject" | None (undone)

    def __init__(self, panel: ThemeChipsPanel, narrative: NarrativeEditor, parent=None) -> None:
        super().__init__(parent)
        self.panel = panel
        self._narrative = narrative
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
        for box in self._narrative.writing_boxes():
            box.setExtraSelections([])
        engine.forget()

    def decide(self, theme: str, decision: str | None) -> None:
        """The practitioner's say on a theme (from a chip or the "Add theme…" menu)."""
        self.decisionMade.emit(theme, decision)

    # --- evidence -------------------------------------------------------------------------

    def _highlight(self, item: EntryTheme) -> None:
        """Mark the theme's words where the narrative is on screen (the one box, or the prompt
        fields of a quick note), for spans that still match what is there."""
        plain = self._narrative.plain_text()
        boxes = self._narrative.writing_boxes()
        selections: dict[int, list[QTextEdit.ExtraSelection]] = {id(box): [] for box in boxes}
        first: tuple[QPlainTextEdit, QTextCursor] | None = None
        for ev in item.evidence:
            if ev.field != "narrative" or plain[ev.start:ev.end] != ev.text:
                continue
            shown = self._narrative.shown_at(ev.start, ev.end)
            if shown is None:
                continue
            box, start, end = shown
            cursor = QTextCursor(box.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = _marked(box)
            selections[id(box)].append(selection)
            first = first or (box, QTextCursor(cursor))
        for box in boxes:
            box.setExtraSelections(selections[id(box)])
        if first is not None:
            box, cursor = first
            if not box.viewport().rect().contains(box.cursorRect(cursor)):
                bar = box.verticalScrollBar()  # in lines: bring the first quote into sight
                bar.setValue(max(0, cursor.block().firstLineNumber() - 1))


def _marked(box: QPlainTextEdit) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = QColor(box.palette().highlight().color())
    colour.setAlpha(90)
    fmt.setBackground(colour)
    return fmt
