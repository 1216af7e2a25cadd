"""What trips a new practitioner in the first hour (issue 13): clients made from the editor,
a new entry that opens at the top, the quick note's prompts one field each."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from drive import unlock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflect.core.changes import PEOPLE
from reflect.core.client_labels import distinct_labels
from reflect.core.model import EntrySummary, Person, PersonKind
from reflect.ui import workers
from reflect.ui.editor.entry_editor import EntryEditor


@pytest.fixture
def make_editor(qtbot):
    def make(journal, template="dcs"):
        editor = EntryEditor(journal, SimpleNamespace(default_template=template, autosave_seconds=30))
        qtbot.addWidget(editor)
        editor.resize(900, 700)
        editor.show()
        return editor

    yield make
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)  # no detection outlives it


def client_names(journal) -> list[str]:
    return [p.name for p in journal.clients()]


# --- clients ---------------------------------------------------------------------------------


def test_a_new_name_in_the_client_field_offers_to_add_the_client(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None)
    line = editor.session.client.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Dee Okafor")
    button = editor.session.add_client_button
    assert button.isVisible() and "Dee Okafor" in button.text()
    assert client_names(journal) == []  # only offered so far

    qtbot.keyClick(line, Qt.Key.Key_Return)  # Enter takes the offer
    assert client_names(journal) == ["Dee Okafor"]
    dee = journal.clients()[0]
    assert editor.session.client_choice() == (dee.id, "")  # chosen for this entry at once
    assert not button.isVisible()
    editor.narrative.text.setPlainText("A first session with her.")
    assert editor.save()
    assert journal.entry(editor.current_entry_id()).client_id == dee.id


def test_the_add_button_makes_the_client_and_the_lists_show_them(qtbot, make_session,
                                                                  journal_path, journal):
    journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    window.actions.new_entry.trigger()
    window.editor.session.client.setEditText("Sam Reyes")
    qtbot.mouseClick(window.editor.session.add_client_button, Qt.MouseButton.LeftButton)
    assert client_names(window.journal) == ["Sam Reyes"]
    assert window.editor.session.client.currentText() == "Sam Reyes"
    model = window.client_model
    assert "Sam Reyes" in [model.index(i, 0).data() for i in range(model.rowCount())]


def test_a_client_made_from_the_menu_can_be_chosen_in_the_open_draft(qtbot, make_session,
                                                                      journal_path, journal):
    journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    window.actions.new_entry.trigger()
    qtbot.keyClicks(window.editor.narrative.writing_widget(), "Started writing before the client")
    assert window.editor.has_unsaved_changes()

    # Journal → New Client… saves the person and announces it (what the dialog does)
    made = window.journal.save_person(Person(name="Ada Quinn", kind=PersonKind.CLIENT))
    window.events.announce(PEOPLE, window.commands)
    combo = window.editor.session.client
    assert combo.findData(made.id) > 0  # offered in the open draft at once
    combo.setCurrentIndex(combo.findData(made.id))
    assert window.editor.save()
    assert window.journal.entry(window.editor.current_entry_id()).client_id == made.id
    assert "Started writing" in window.journal.entry(window.editor.current_entry_id()).narrative


def test_a_name_typed_then_made_a_client_elsewhere_is_chosen(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None)
    editor.session.client.setEditText("Ada Quinn")
    made = journal.save_person(Person(name="Ada Quinn", kind=PersonKind.CLIENT))
    editor.reload_clients()
    assert editor.session.client_choice() == (made.id, "")


def test_clients_with_the_same_initials_are_told_apart():
    a = Person(name="Margaret Ellison", alias="M.E.", kind=PersonKind.CLIENT, id="a")
    b = Person(name="Mark Evans", alias="M.E.", kind=PersonKind.CLIENT, id="b")
    c = Person(name="Jo Park", alias="J.P.", kind=PersonKind.CLIENT, id="c")
    d = Person(name="Mona Eze", alias="m.e.", kind=PersonKind.CLIENT, id="d")

    def seen(cid, when):
        return EntrySummary(id=cid + when, date=datetime.fromisoformat(when), client_id=cid,
                            first_line="")

    labels = distinct_labels([a, b, c], [seen("a", "2026-01-05"), seen("b", "2026-03-02")])
    assert labels == {"a": "M.E. · since Jan 2026", "b": "M.E. · since Mar 2026", "c": "J.P."}
    labels = distinct_labels([a, b, d], [])  # no sessions yet: numbered, still distinct
    assert len({v.casefold() for v in labels.values()}) == 3
    assert "Margaret" not in " ".join(labels.values())


def test_the_sidebar_shows_the_disambiguated_labels(qtbot, make_session, journal_path, journal):
    journal.save_person(Person(name="Margaret Ellison", alias="M.E.", kind=PersonKind.CLIENT))
    journal.save_person(Person(name="Mark Evans", alias="M.E.", kind=PersonKind.CLIENT))
    journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    model = session.window.client_model
    shown = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert shown[1] != shown[2] and shown[1].startswith("M.E.") and shown[2].startswith("M.E.")


# --- a new entry -----------------------------------------------------------------------------


def test_new_entry_opens_at_the_top_with_focus_in_the_first_prompt(qtbot, journal, make_editor):
    editor = make_editor(journal, template="quick")
    editor.resize(900, 500)  # small enough that the form scrolls
    editor.scroll.verticalScrollBar().setValue(editor.scroll.verticalScrollBar().maximum())
    editor.new_entry(None)
    qtbot.wait(20)
    assert editor.scroll.verticalScrollBar().value() == 0
    first = editor.narrative.fields.fields[0]
    assert QApplication.focusWidget() is first or editor.focusWidget() is first
    assert first.accessibleName() == "What happened?"


# --- the quick note --------------------------------------------------------------------------


def test_tab_moves_through_the_quick_note_prompts_and_stores_one_narrative(qtbot, journal,
                                                                           make_editor):
    editor = make_editor(journal, template="quick")
    editor.new_entry(None)
    fields = editor.narrative.fields.fields
    assert [f.accessibleName() for f in fields] == [
        "What happened?", "What did I notice in myself?", "What will I take into next time?"]
    assert all(f.isVisible() for f in fields) and not editor.narrative.text.isVisible()
    fields[0].setFocus()
    answers = ["She cried at the end.", "A pull to rescue.", "Ask about her sister."]
    for i, answer in enumerate(answers):
        focused = QApplication.focusWidget() or editor.focusWidget()
        assert focused is fields[i]
        qtbot.keyClicks(focused, answer)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert editor.save()
    stored = journal.entry(editor.current_entry_id()).narrative
    assert stored == ("## What happened?\n\nShe cried at the end.\n\n"
                      "## What did I notice in myself?\n\nA pull to rescue.\n\n"
                      "## What will I take into next time?\n\nAsk about her sister.\n")

    # it opens back into the fields, and an edit keeps the rest as it was
    editor.clear()
    editor.load_entry(journal.summaries()[0].id)
    assert editor.narrative.in_prompt_fields()
    assert editor.narrative.fields.answers() == answers
    assert not editor.has_unsaved_changes()


def test_a_quick_note_written_freely_stays_in_one_box(qtbot, journal, make_editor):
    editor = make_editor(journal, template="quick")
    editor.new_entry(None)
    editor.narrative.set_text("Notes before any heading.\n\n## What happened?\n\nA lot.")
    assert not editor.narrative.in_prompt_fields()
    assert editor.narrative.text.isVisible()
    assert editor.narrative.plain_text() == "Notes before any heading.\n\n## What happened?\n\nA lot."
