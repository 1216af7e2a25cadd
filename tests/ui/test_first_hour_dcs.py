"""Demands and controls that a new practitioner can read and link (issue 13): text that wraps,
labelled scales, and a control that names the demand it answered — stored, round-tripped
through the interchange format, and shown paired in the brief."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from reflect.core.brief import build_brief
from reflect.core.brief.export import render
from reflect.core.interchange import export_lines, import_lines
from reflect.core.model import Person, PersonKind
from reflect.ui import workers
from reflect.ui.editor.entry_editor import EntryEditor

LONG = ("Her partner came into the room halfway through and stood by the door, asking when "
        "we would be done, and I could feel her shoulders tighten under my hands")


@pytest.fixture
def editor(qtbot, journal):
    made = EntryEditor(journal, SimpleNamespace(default_template="dcs", autosave_seconds=30))
    qtbot.addWidget(made)
    made.resize(760, 900)
    made.show()
    made.new_entry(None)
    yield made
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)  # no detection outlives it


def test_a_long_demand_wraps_and_every_word_stays_in_sight(qtbot, editor):
    qtbot.mouseClick(editor.demands.add_button, Qt.MouseButton.LeftButton)
    row = editor.demands.rows[0]
    row.text.setFocus()
    qtbot.keyClicks(row.text, LONG)
    qtbot.wait(10)
    assert row.text.text() == LONG
    line = row.text.fontMetrics().lineSpacing()
    assert row.text.height() >= 2 * line  # it grew to more lines instead of scrolling sideways
    assert row.text.horizontalScrollBar().maximum() == 0
    first_line = row.text.document().firstBlock().layout().lineAt(0)
    assert first_line.textStart() == 0  # the start of the text is on screen
    qtbot.keyClick(row.text, Qt.Key.Key_Return)  # one paragraph: Enter adds no line
    assert "\n" not in row.text.text()


def test_the_scales_say_what_they_measure(editor):
    editor.demands.add_row()
    intensity = editor.demands.rows[0].intensity
    intensity.setValue(3)
    assert intensity.text() == "3 of 5"
    assert intensity.minimum() == 0 and intensity.specialValueText() == "not rated"
    assert "1 (a little) to 5 (a lot)" in intensity.accessibleName()
    stress = editor.session.stress_before
    stress.setValue(4)
    assert stress.text() == "4 of 10"


def test_a_control_names_the_demand_it_answered(qtbot, journal, editor):
    editor.demands.add_row({"category": "environmental", "text": "Cold room"})
    editor.demands.add_row({"category": "interpersonal", "text": LONG})
    qtbot.mouseClick(editor.controls.add_button, Qt.MouseButton.LeftButton)
    control = editor.controls.rows[0]
    combo = control.answers_combo
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0] == "No particular demand"
    assert labels[1] == "1 · Environmental: Cold room" and labels[2].startswith("2 · Interpersonal")
    combo.setCurrentIndex(2)
    control.text.setText("Asked him kindly to wait outside")
    client = journal.save_person(Person(name="Ruth Abel", kind=PersonKind.CLIENT))
    editor.reload_clients()  # as on the change signal
    editor.session.select_client(client.id)
    editor.narrative.text.setPlainText("A session with an interruption.")
    assert editor.save()
    saved = journal.entry(editor.current_entry_id())
    assert saved.controls[0].answers == saved.demands[1].id

    # it opens back linked
    editor.clear()
    editor.load_entry(saved.id)
    assert editor.controls.rows[0].answers_combo.currentIndex() == 2

    # round-trips through the interchange format (an optional "answers" on the control)
    line = json.loads(next(line for line in export_lines(journal) if "Asked him" in line))
    assert line["controls"][0]["answers"] == 1
    assert set(line["controls"][0]) >= {"timing", "text", "answers"}

    # and the brief shows the pairing
    text = render(build_brief(journal, client))
    control_line = next(x for x in text.splitlines() if "Asked him kindly" in x)
    assert "in answer to:" in control_line and "shoulders" in control_line


def test_removing_the_demand_unlinks_the_control(qtbot, editor):
    editor.demands.add_row({"category": "environmental", "text": "Cold room"})
    editor.controls.add_row({"text": "Turned the heating up"})
    editor._refresh_origins()
    editor.controls.rows[0].answers_combo.setCurrentIndex(1)
    assert editor.to_dict()["controls"][0]["answers"] == editor.demands.rows[0].row_id
    qtbot.mouseClick(editor.demands.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert editor.to_dict()["controls"][0]["answers"] is None
    editor.undo_remove()
    assert editor.to_dict()["controls"][0]["answers"] == editor.demands.rows[0].row_id


def test_an_imported_answers_link_survives_a_second_round_trip(journal):
    line = {"date": "2026-03-01T10:00", "narrative": "n",
            "client": {"name": "Ruth Abel"},
            "demands": [{"category": "intrapersonal", "text": "tired"}],
            "controls": [{"timing": "post", "text": "rested", "answers": 0}]}
    import_lines(journal, [json.dumps(line)])
    out = json.loads(next(iter(export_lines(journal))))
    assert out["controls"][0]["answers"] == 0
