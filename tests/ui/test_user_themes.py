"""The practitioner's own themes: defined in the dialog, found in entries, never a built-in's name."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reflect.ui import workers
from reflect.ui.editor.entry_editor import EntryEditor
from reflect.ui.themes.user_dialog import UserThemesDialog


def make_dialog(qtbot, journal) -> UserThemesDialog:
    dialog = UserThemesDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot, dialog, name: str, description: str, cues: str) -> None:
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClicks(dialog.description, description)
    dialog.cues.setPlainText(cues)


def test_travel_theme_is_found_in_an_entry(qtbot, journal):
    dialog = make_dialog(qtbot, journal)
    fill(qtbot, dialog, "Travel", "Getting to clients", "long drive\ntrain was late\n")
    dialog.try_text.setPlainText("Honestly, the train was late again.")
    dialog.update_try()
    assert "would be suggested" in dialog.try_result.text()
    assert "train was late" in dialog.try_result.text()
    dialog.try_text.setPlainText("A calm session, no drama.")
    dialog.update_try()
    assert "would not be suggested" in dialog.try_result.text()

    with qtbot.waitSignal(dialog.themesChanged):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [t["id"] for t in journal.user_themes()] == ["travel"]
    assert journal.user_themes()[0]["cues"] == ["long drive", "train was late"]
    assert dialog.list.count() == 1

    editor = EntryEditor(journal, SimpleNamespace(default_template="quick", autosave_seconds=30))
    qtbot.addWidget(editor)
    editor.show()
    editor.new_entry(None)
    editor.narrative.set_text("Arrived flustered: the train was late again and she had waited.")
    assert editor.save()
    qtbot.waitUntil(lambda: editor.themes_panel.chip_for("travel") is not None, timeout=15_000)
    chip = editor.themes_panel.chip_for("travel")
    assert chip.item.label == "Travel"
    assert "train was late" in chip.toolTip()
    editor.clear()
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)


def test_refuses_a_builtin_name_and_a_duplicate(qtbot, journal):
    dialog = make_dialog(qtbot, journal)
    fill(qtbot, dialog, "Self care", "", "went for a walk")
    assert not dialog.save_theme()
    assert dialog.error.isVisible()
    assert "Reflect's own themes" in dialog.error.text() and "Self-care" in dialog.error.text()
    assert journal.user_themes() == []

    fill(qtbot, dialog, "Boundaries", "", "whatever")
    assert not dialog.save_theme()
    assert journal.user_themes() == []

    fill(qtbot, dialog, "Supervision", "", "my supervisor said")
    assert dialog.save_theme()
    dialog.new_theme()
    fill(qtbot, dialog, "supervision!", "", "group said")
    assert not dialog.save_theme()
    assert "already have" in dialog.error.text()

    dialog.new_theme()
    fill(qtbot, dialog, "Paperwork", "", "")
    assert not dialog.save_theme()
    assert "cue phrase" in dialog.error.text()


def test_edit_keeps_the_id_and_delete_asks_first(qtbot, journal, monkeypatch):
    dialog = make_dialog(qtbot, journal)
    fill(qtbot, dialog, "Travel", "", "long drive")
    assert dialog.save_theme()
    dialog.list.setCurrentRow(0)
    assert dialog.name.text() == "Travel"
    dialog.name.setText("Travelling")
    dialog.cues.setPlainText("long drive\nmissed the bus")
    assert dialog.save_theme()
    saved = journal.user_themes()
    assert [(t["id"], t["label"]) for t in saved] == [("travel", "Travelling")]

    dialog.list.setCurrentRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.delete_theme()
    assert len(journal.user_themes()) == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.themesChanged):
        dialog.delete_theme()
    assert journal.user_themes() == []
    assert dialog.list.count() == 0
