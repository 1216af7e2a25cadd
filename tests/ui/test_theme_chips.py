"""Theme chips in the entry editor: suggested from the words, decided by the practitioner."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from reflect.core.journal import Journal
from reflect.ui import workers
from reflect.ui.editor.entry_editor import EntryEditor
from reflect.ui.editor.theme_chips import ThemeChip

PASSPHRASE = "test passphrase 1"  # the same as tests/conftest.py
TEXT = "She texted me at midnight again and I answered anyway."


@pytest.fixture
def make_editor(qtbot):
    made = []

    def make(journal):
        editor = EntryEditor(journal, SimpleNamespace(default_template="quick", autosave_seconds=30))
        qtbot.addWidget(editor)
        editor.resize(900, 1000)
        editor.show()
        made.append(editor)
        return editor

    yield make
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)


def chip_texts(editor) -> list[str]:
    return [c.item.label for c in editor.themes_panel.chips]


def wait_for_chip(qtbot, editor, label: str) -> ThemeChip:
    qtbot.waitUntil(lambda: label in chip_texts(editor), timeout=15_000)
    return next(c for c in editor.themes_panel.chips if c.item.label == label)


def write_and_save(qtbot, editor, text: str) -> str:
    editor.new_entry(None)
    editor.narrative.set_text(text)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.current_entry_id(), editor.status.text()
    return editor.current_entry_id()


def test_reject_never_comes_back_and_added_persists(qtbot, journal, journal_path, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None)  # a quick note: typed into its first prompt
    field = editor.narrative.writing_widget()
    field.setFocus()
    qtbot.keyClicks(field, TEXT)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    entry_id = editor.current_entry_id()
    assert entry_id

    chip = wait_for_chip(qtbot, editor, "Boundaries")
    assert "texted me at midnight" in chip.toolTip()
    assert chip.keep_button is not None  # a suggestion until the practitioner says

    qtbot.mouseClick(chip.remove_button, Qt.MouseButton.LeftButton)
    assert "Boundaries" not in chip_texts(editor)
    assert not editor.has_unsaved_changes()  # the decision is stored, nothing left to save
    # Saving again (the editor's state) keeps the decision, and detection does not bring it back.
    editor.narrative.set_text(TEXT + " Again.")
    assert editor.save()
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)
    assert "Boundaries" not in chip_texts(editor)

    journal.close()
    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        fresh = make_editor(reopened)
        fresh.load_entry(entry_id)
        qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)
        assert "Boundaries" not in chip_texts(fresh)
        assert "boundaries" in reopened.entry(entry_id).rejected_themes

        fresh.themes.decide("isolation", "accept")  # what the "Add theme…" menu does
        assert "Isolation" in chip_texts(fresh)
        qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)
        fresh.clear()
    finally:
        reopened.close()

    again = Journal.open(journal_path, PASSPHRASE)
    try:
        last = make_editor(again)
        last.load_entry(entry_id)
        chip = wait_for_chip(qtbot, last, "Isolation")
        assert chip.item.status == "added"
        assert chip.keep_button is None  # filled: it is the practitioner's
        assert "Boundaries" not in chip_texts(last)
    finally:
        last.clear()
        again.close()


def test_keyboard_keeps_and_rejects(qtbot, journal, make_editor):
    editor = make_editor(journal)
    entry_id = write_and_save(
        qtbot, editor, TEXT + " I felt exhausted and numb, dreading Mondays, nothing left for my family."
    )
    chip = wait_for_chip(qtbot, editor, "Boundaries")
    wait_for_chip(qtbot, editor, "Burnout")
    chip.setFocus()
    assert "texted me at midnight" in editor.themes_panel.quotes.text()
    assert editor.narrative.text.extraSelections()  # its words are marked in the narrative
    qtbot.keyClick(chip, Qt.Key.Key_Return)
    kept = editor.themes_panel.chip_for("boundaries")
    assert kept is not None and kept.item.status == "accepted"
    assert journal.entry(entry_id).themes == ["boundaries"]

    burnout = editor.themes_panel.chip_for("burnout")
    burnout.setFocus()
    qtbot.keyClick(burnout, Qt.Key.Key_Delete)
    assert editor.themes_panel.chip_for("burnout") is None
    assert journal.entry(entry_id).rejected_themes == ["burnout"]
    # Undo brings the suggestion back.
    qtbot.mouseClick(editor.themes_panel.undo_button, Qt.MouseButton.LeftButton)
    wait_for_chip(qtbot, editor, "Burnout")
    assert journal.entry(entry_id).rejected_themes == []


def test_add_menu_lists_themes_and_unsaved_entry_keeps_decisions(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None)
    qtbot.waitUntil(lambda: bool(editor.themes_panel._catalogue), timeout=15_000)
    editor.themes_panel._fill_add_menu()
    labels = [a.text() for a in editor.themes_panel.add_menu.actions()]
    assert "Isolation" in labels and "Boundaries" in labels
    next(a for a in editor.themes_panel.add_menu.actions() if a.text() == "Money").trigger()
    assert "Money" in chip_texts(editor)
    assert editor.has_unsaved_changes()
    editor.narrative.set_text("A quiet session.")
    assert editor.save()
    assert journal.entry(editor.current_entry_id()).themes == ["money"]


def test_clear_leaves_no_chip_text(qtbot, journal, make_editor):
    from drive import visible_texts

    editor = make_editor(journal)
    write_and_save(qtbot, editor, TEXT)
    wait_for_chip(qtbot, editor, "Boundaries")
    editor.themes_panel.chips[0].setFocus()
    editor.clear()
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)
    shown = visible_texts(editor)
    assert "Boundaries" not in shown and "midnight" not in shown
    assert not editor.themes_panel.chips
    assert not editor.themes_panel.quotes.text()
    assert not [c for c in editor.findChildren(ThemeChip) if not c.isHidden()]


def test_tab_from_the_narrative_reaches_the_chips(qtbot, journal, make_editor):
    editor = make_editor(journal)
    write_and_save(qtbot, editor, TEXT)
    chip = wait_for_chip(qtbot, editor, "Boundaries")
    order, widget = [], editor.narrative.text
    while len(order) < 4:  # what Tab visits: visible widgets that take focus by Tab
        widget = widget.nextInFocusChain()
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
    assert chip in order and editor.themes_panel.add_button in order
    assert order.index(chip) < order.index(editor.themes_panel.add_button)
    assert chip.accessibleName() == "Boundaries, suggested theme"
    assert "texted me at midnight" in chip.accessibleDescription()


def test_late_detection_after_the_editor_is_gone_is_dropped(qtbot, journal):
    editor = EntryEditor(journal, SimpleNamespace(default_template="quick", autosave_seconds=30))
    editor.new_entry(None)
    editor.narrative.set_text(TEXT)
    assert editor.save()
    editor.deleteLater()  # closed while its themes are still being detected
    qtbot.waitUntil(lambda: not workers.busy(), timeout=15_000)


def test_themes_follow_the_typing_and_show_their_words(qtbot, journal, make_editor):
    """Before any save, a pause in typing brings the themes, each with the words that gave it
    away shown beside it (not only in its tooltip); more typing updates them."""
    editor = make_editor(journal)
    editor.new_entry(None)
    field = editor.narrative.writing_widget()  # a quick note: its first prompt
    field.setFocus()
    qtbot.keyClicks(field, "She texted me at midnight again.")
    chip = wait_for_chip(qtbot, editor, "Boundaries")
    assert editor.current_entry_id() is None  # nothing was saved
    assert chip.words.isVisible()
    assert "texted me at midnight" in chip.words.text()
    qtbot.keyClicks(field, " I felt so alone with this, no one to ask.")
    wait_for_chip(qtbot, editor, "Isolation")
    assert field.hasFocus()  # the new chips never took the focus


def test_short_quote_beside_a_chip():
    from reflect.core.themes import Evidence
    from reflect.ui.editor.theme_chips import short_quote

    one = [Evidence("narrative", 0, 21, "texted me at midnight")]
    assert short_quote(one) == "“texted me at midnight”"
    long = [Evidence("narrative", 0, 80, "I keep thinking about how she looked at me when she "
                     "left and it stays with me"), Evidence("demand:0", 0, 4, "numb")]
    shown = short_quote(long)
    assert shown.endswith("…” +1") and len(shown) < 45


def test_a_quick_notes_prompt_fields_mark_a_themes_words_where_they_were_written(
        qtbot, journal, make_editor):
    """In a quick note each prompt has its own field: choosing a chip marks its words in the
    field they were typed in, as the one narrative box does."""
    editor = make_editor(journal)
    editor.new_entry(None)
    fields = editor.narrative.fields.fields
    assert editor.narrative.in_prompt_fields()
    fields[0].setFocus()
    qtbot.keyClicks(fields[0], "A quiet session about her garden.")
    qtbot.keyClick(fields[0], Qt.Key.Key_Tab)
    qtbot.keyClicks(fields[1], "Later she texted me at midnight again and I answered anyway.")
    chip = wait_for_chip(qtbot, editor, "Boundaries")
    chip.setFocus()
    marked = fields[1].extraSelections()
    assert marked, "no words marked in the field they were written in"
    words = [s.cursor.selectedText() for s in marked]
    assert all(w and w in fields[1].toPlainText() for w in words), words
    assert any("midnight" in w for w in words), words
    assert not fields[0].extraSelections() and not fields[2].extraSelections()
    assert not editor.narrative.text.extraSelections()  # the hidden one box marks nothing

    editor.clear()
    assert not any(f.extraSelections() for f in editor.narrative.fields.fields)
