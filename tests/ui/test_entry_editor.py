"""The entry editor, driven through its real widgets; assertions are on what the journal holds."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from reflect.core.model import DemandCategory, Entry, PersonKind, Setting, Stance, Timing
from reflect.ui.editor.demand_control_rows import ControlRow, DemandRow
from reflect.ui.editor.entry_editor import EntryEditor


@pytest.fixture
def make_editor(qtbot):
    def make(journal, **settings):
        options = {"default_template": "dcs", "autosave_seconds": 0.2, **settings}
        editor = EntryEditor(journal, SimpleNamespace(**options))
        qtbot.addWidget(editor)
        editor.resize(900, 1000)
        editor.show()
        return editor

    return make


def type_into(qtbot, widget, text: str) -> None:
    """Type as a person would, Enter for each new line."""
    widget.setFocus()
    for i, line in enumerate(text.split("\n")):
        if i:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def set_combo(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def add_demand(qtbot, editor, category: DemandCategory, text: str, intensity: int) -> DemandRow:
    qtbot.mouseClick(editor.demands.add_button, Qt.MouseButton.LeftButton)
    row = editor.demands.rows[-1]
    set_combo(row.category, str(category))
    type_into(qtbot, row.text, text)
    row.intensity.setValue(intensity)
    return row


def add_control(qtbot, editor, timing: Timing, stance: Stance, text: str, outcome: str) -> ControlRow:
    qtbot.mouseClick(editor.controls.add_button, Qt.MouseButton.LeftButton)
    row = editor.controls.rows[-1]
    set_combo(row.timing, str(timing))
    qtbot.mouseClick(row.stance.buttons[str(stance)], Qt.MouseButton.LeftButton)
    type_into(qtbot, row.text, text)
    type_into(qtbot, row.outcome, outcome)
    return row


def save(qtbot, editor) -> str:
    with qtbot.waitSignal(editor.entrySaved, timeout=10_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    return saved.args[0]


# --- a whole entry ---------------------------------------------------------------------------


def test_new_entry_with_demands_and_controls_round_trips_every_field(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    assert editor.focusWidget() is editor.narrative.text

    s = editor.session
    s.date.setDateTime(QDateTime(datetime(2025, 4, 2, 17, 30)))
    s.client.lineEdit().selectAll()
    type_into(qtbot, s.client.lineEdit(), "Mara Quinn")
    set_combo(s.setting, str(Setting.ONLINE))
    s.planned.setValue(50)
    s.actual.setValue(70)
    s.stress_before.setValue(3)
    s.stress_after.setValue(7)
    type_into(qtbot, editor.narrative.text, "She asked to keep going.\nI said yes.")
    add_demand(qtbot, editor, DemandCategory.INTERPERSONAL, "Client asked to run over", 4)
    add_demand(qtbot, editor, DemandCategory.INTRAPERSONAL, "Felt I had to rescue her", 3)
    add_control(qtbot, editor, Timing.DURING, Stance.LIBERAL, "Stayed twenty minutes", "Next client waited")
    add_control(qtbot, editor, Timing.POST, Stance.CONSERVATIVE, "Took it to supervision", "")
    type_into(qtbot, editor.went_well, "I noticed the pull while it happened.")
    assert s.overtime.text() == "20 min over"

    entry_id = save(qtbot, editor)
    assert not editor.has_unsaved_changes()
    assert editor.current_entry_id() == entry_id

    entry = journal.entry(entry_id)
    client = journal.person(entry.client_id)
    assert (client.name, client.kind) == ("Mara Quinn", PersonKind.CLIENT)
    assert entry.date == datetime(2025, 4, 2, 17, 30)
    assert entry.setting == Setting.ONLINE
    assert (entry.planned_minutes, entry.actual_minutes) == (50, 70)
    assert (entry.stress_before, entry.stress_after) == (3, 7)
    assert entry.narrative == "She asked to keep going.\nI said yes."
    assert entry.went_well == "I noticed the pull while it happened."
    assert entry.template == "dcs"
    assert [(d.category, d.text, d.intensity) for d in entry.demands] == [
        (DemandCategory.INTERPERSONAL, "Client asked to run over", 4),
        (DemandCategory.INTRAPERSONAL, "Felt I had to rescue her", 3),
    ]
    assert [(c.timing, c.stance, c.text, c.outcome) for c in entry.controls] == [
        (Timing.DURING, Stance.LIBERAL, "Stayed twenty minutes", "Next client waited"),
        (Timing.POST, Stance.CONSERVATIVE, "Took it to supervision", None),
    ]


def test_loaded_entry_saved_unchanged_is_identical(qtbot, sample_journal, make_editor):
    editor = make_editor(sample_journal)
    rich = [e for e in sample_journal.entries() if e.demands and e.controls and e.client_id]
    original = rich[0]
    editor.load_entry(original.id)
    assert not editor.has_unsaved_changes()
    assert editor.narrative.plain_text() == original.narrative
    # a change, then undone, leaves it clean again
    type_into(qtbot, editor.narrative.text, "x")
    assert editor.has_unsaved_changes()
    editor.narrative.text.undo()
    assert not editor.has_unsaved_changes()
    type_into(qtbot, editor.went_well, " ")
    assert save(qtbot, editor) == original.id
    again = sample_journal.entry(original.id)
    original.went_well = (original.went_well or "").strip() or None
    assert again == original


def test_typed_name_of_a_known_client_is_not_duplicated(qtbot, sample_journal, make_editor):
    editor = make_editor(sample_journal)
    before = len(sample_journal.clients())
    known = next(p for p in sample_journal.clients() if p.aka)
    editor.new_entry(None)
    editor.session.client.lineEdit().selectAll()
    type_into(qtbot, editor.session.client.lineEdit(), known.aka[0])
    type_into(qtbot, editor.narrative.text, "A short note.")
    entry = sample_journal.entry(save(qtbot, editor))
    assert entry.client_id == known.id
    assert len(sample_journal.clients()) == before


def test_new_entry_prefills_the_client_and_no_client_is_a_general_reflection(
    qtbot, sample_journal, make_editor
):
    editor = make_editor(sample_journal)
    client = sample_journal.clients()[0]
    editor.new_entry(client.id)
    assert editor.session.client_choice() == (client.id, "")
    editor.session.client.setCurrentIndex(0)
    assert editor.session.client.currentText() == "No client — a general reflection"
    type_into(qtbot, editor.narrative.text, "On the work in general.")
    assert sample_journal.entry(save(qtbot, editor)).client_id is None


def test_outcome_becomes_a_resulting_demand_in_one_action(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    control = add_control(
        qtbot, editor, Timing.DURING, Stance.LIBERAL, "Gave her my number", "She texted at midnight"
    )
    assert control.to_demand.isEnabled()
    qtbot.mouseClick(control.to_demand, Qt.MouseButton.LeftButton)
    assert control.to_demand.text() == "Show its resulting demand"
    qtbot.mouseClick(control.to_demand, Qt.MouseButton.LeftButton)  # not duplicated
    assert len(editor.demands.rows) == 1
    demand = editor.demands.rows[0]
    assert demand.text.text() == "She texted at midnight"
    assert demand.origin.isVisible()
    assert "Gave her my number" in demand.origin.text()

    entry = journal.entry(save(qtbot, editor))
    assert entry.demands[0].text == "She texted at midnight"
    assert entry.demands[0].from_control == entry.controls[0].id


def test_outcome_action_is_disabled_without_an_outcome(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    control = add_control(qtbot, editor, Timing.PRE, Stance.NEUTRAL, "Set clear terms", "")
    assert not control.to_demand.isEnabled()


def test_stance_segment_clicked_again_is_cleared(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    control = add_control(qtbot, editor, Timing.PRE, Stance.LIBERAL, "Offered a call", "")
    qtbot.mouseClick(control.stance.buttons["conservative"], Qt.MouseButton.LeftButton)
    assert control.stance.stance() == "conservative"
    qtbot.mouseClick(control.stance.buttons["conservative"], Qt.MouseButton.LeftButton)
    assert control.stance.stance() is None


# --- templates and preview -------------------------------------------------------------------


def test_template_choice_prefills_and_never_overwrites_writing(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "gibbs")
    text = editor.narrative.plain_text()
    assert "## Description" in text and "## Action plan" in text
    assert editor.template_combo.currentData() == "gibbs"

    set_combo(editor.template_combo, "driscoll")
    assert editor.narrative.plain_text().startswith("## What?")
    editor.narrative.place_cursor_for_writing()
    type_into(qtbot, editor.narrative.text, "A hard session.")
    assert "What happened?" in editor.narrative.hint.text() or editor.narrative.hint.text()

    set_combo(editor.template_combo, "quick")
    assert "A hard session." in editor.narrative.plain_text()
    assert "## What?" in editor.narrative.plain_text()
    entry = journal.entry(save(qtbot, editor))
    assert entry.template == "quick"


def test_quick_note_keeps_demands_and_controls_behind_more(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "quick")
    assert editor.narrative.plain_text().count("## ") == 3
    assert not editor.sections["demands"].isVisible()
    assert not editor.sections["controls"].isVisible()
    qtbot.mouseClick(editor.more_button, Qt.MouseButton.LeftButton)
    assert editor.sections["demands"].isVisible()
    assert editor.sections["controls"].isVisible()


def test_quick_note_with_demands_opens_the_expander_when_loaded(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "quick")
    qtbot.mouseClick(editor.more_button, Qt.MouseButton.LeftButton)
    add_demand(qtbot, editor, DemandCategory.ENVIRONMENTAL, "Cold room", 2)
    entry_id = save(qtbot, editor)
    other = make_editor(journal)
    other.load_entry(entry_id)
    assert other.sections["demands"].isVisible()


def test_markdown_preview_shows_rendered_text(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    type_into(qtbot, editor.narrative.text, "## Feelings\n\nI was *tired* and **cross**.\n\n- one\n- two")
    qtbot.mouseClick(editor.narrative.preview_button, Qt.MouseButton.LeftButton)
    preview = editor.narrative.preview
    assert preview.isVisible() and not editor.narrative.text.isVisible()
    assert preview.isReadOnly()
    assert "I was tired and cross." in preview.toPlainText()
    assert "##" not in preview.toPlainText()
    html = preview.toHtml()
    assert "font-style:italic" in html and "font-weight" in html
    assert preview.document().firstBlock().blockFormat().headingLevel() == 2
    qtbot.mouseClick(editor.narrative.write_button, Qt.MouseButton.LeftButton)
    assert editor.narrative.text.isVisible()


def test_category_explains_itself_on_hover(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    row = add_demand(qtbot, editor, DemandCategory.PARALINGUISTIC, "Long silences", 2)
    tips = [row.category.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(4)]
    assert all(tips) and len(set(tips)) == 4
    assert "communicates" in row.category.toolTip()


# --- nothing lost ----------------------------------------------------------------------------


def test_nothing_to_save_is_refused_with_a_message(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "gibbs")
    assert editor.save() is False
    assert "Write a few words" in editor.status.text()
    assert journal.entry_count() == 0


def test_autosave_writes_an_encrypted_draft_after_the_interval(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    assert not journal.drafts()
    with qtbot.waitSignal(editor.dirtyChanged):
        type_into(qtbot, editor.narrative.text, "Started to write")
    qtbot.waitUntil(lambda: bool(journal.drafts()), timeout=10_000)
    (key, data), = journal.drafts().items()
    assert key.startswith("new:")
    assert data["narrative"] == "Started to write"
    save(qtbot, editor)
    assert journal.drafts() == {}


def test_crash_mid_typing_then_reopen_restores_the_draft(
    qtbot, journal, journal_path, make_editor
):
    from conftest import PASSPHRASE
    from reflect.core.journal import Journal

    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    type_into(qtbot, editor.narrative.text, "She froze when I touched her shoulder")
    row = add_demand(qtbot, editor, DemandCategory.PARALINGUISTIC, "Froze under touch", 5)
    editor.session.client.lineEdit().selectAll()
    type_into(qtbot, editor.session.client.lineEdit(), "New Person")
    qtbot.waitUntil(
        lambda: any(
            d.get("client_name") == "New Person" for d in journal.drafts().values()
        ),
        timeout=10_000,
    )
    typed = editor.to_dict()
    # the crash: the editor vanishes without saving, the journal is closed under it
    editor._autosave.stop()
    editor.setParent(None)
    editor.deleteLater()
    journal.close()
    QApplication.processEvents()

    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        drafts = reopened.drafts()
        assert len(drafts) == 1
        (key, data), = drafts.items()
        assert data["narrative"] == "She froze when I touched her shoulder"
        fresh = make_editor(reopened)
        fresh.restore_draft(key, data)
        assert fresh.narrative.plain_text() == "She froze when I touched her shoulder"
        assert fresh.demands.rows[0].text.text() == "Froze under touch"
        assert fresh.demands.rows[0].row_id == row.row_id
        assert fresh.session.client.currentText() == "New Person"
        assert fresh.to_dict() == typed
        assert fresh.has_unsaved_changes()
        entry = reopened.entry(save(qtbot, fresh))
        assert entry.narrative == "She froze when I touched her shoulder"
        assert reopened.person(entry.client_id).name == "New Person"
        assert reopened.drafts() == {}
    finally:
        reopened.close()


def test_restore_draft_of_an_existing_entry_keeps_its_id(qtbot, sample_journal, make_editor):
    editor = make_editor(sample_journal)
    original = sample_journal.entries()[0]
    editor.load_entry(original.id)
    type_into(qtbot, editor.narrative.text, " More.")
    qtbot.waitUntil(lambda: f"entry:{original.id}" in sample_journal.drafts(), timeout=10_000)
    data = sample_journal.drafts()[f"entry:{original.id}"]
    other = make_editor(sample_journal)
    other.restore_draft(f"entry:{original.id}", data)
    assert other.current_entry_id() == original.id
    assert other.narrative.plain_text() == original.narrative + " More."
    assert save(qtbot, other) == original.id
    assert sample_journal.entry(original.id).narrative.endswith(" More.")


def test_clear_leaves_no_journal_content_in_any_widget(qtbot, sample_journal, make_editor):
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

    editor = make_editor(sample_journal)
    entry = next(e for e in sample_journal.entries() if e.client_id and e.demands and e.controls)
    editor.load_entry(entry.id)
    qtbot.mouseClick(editor.narrative.preview_button, Qt.MouseButton.LeftButton)
    secrets = [p for person in sample_journal.people() for p in person.all_names()]
    secrets += [t for _, t in entry.texts() if t]
    secrets += [line for line in entry.narrative.splitlines() if line.strip()]

    editor.clear()
    assert editor.current_entry_id() is None
    assert not editor.has_unsaved_changes()

    shown: list[str] = []
    for w in editor.findChildren(QLineEdit):
        shown += [w.text(), w.placeholderText()]
    for w in editor.findChildren(QPlainTextEdit):
        shown.append(w.toPlainText())
    for w in editor.findChildren(QTextEdit):
        shown.append(w.toPlainText())
    for w in editor.findChildren(QComboBox):
        shown += [w.itemText(i) for i in range(w.count())] + [w.currentText()]
    for w in editor.findChildren(QLabel):
        shown.append(w.text())
    for text in shown:
        for secret in secrets:
            assert secret not in text, f"{secret!r} still shown after clear()"
    assert editor.session.client.count() == 0
    assert editor.narrative.plain_text() == ""


def test_clear_with_unsaved_work_keeps_it_as_a_draft(qtbot, journal, make_editor):
    editor = make_editor(journal, autosave_seconds=60)
    editor.new_entry(None, "dcs")
    type_into(qtbot, editor.narrative.text, "Typed just before the lock")
    editor.clear()
    (data,) = journal.drafts().values()
    assert data["narrative"] == "Typed just before the lock"


def test_set_journal_after_reunlock_shows_that_journals_clients(
    qtbot, journal, journal_path, make_editor
):
    from conftest import PASSPHRASE
    from reflect.core.journal import Journal
    from reflect.core.model import Person

    journal.save_person(Person(name="Ada Example"))
    editor = make_editor(journal)
    editor.new_entry(None)
    journal.close()
    editor.clear()
    reopened = Journal.open(journal_path, PASSPHRASE)
    try:
        editor.set_journal(reopened)
        editor.new_entry(None)
        items = [editor.session.client.itemText(i) for i in range(editor.session.client.count())]
        assert "Ada Example" in items
    finally:
        reopened.close()


# --- keyboard and accessibility --------------------------------------------------------------


def test_every_focusable_control_has_an_accessible_name(qtbot, sample_journal, make_editor):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QPlainTextEdit

    editor = make_editor(sample_journal)
    editor.load_entry(next(e.id for e in sample_journal.entries() if e.demands and e.controls))
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QPlainTextEdit)
    for w in [w for kind in kinds for w in editor.findChildren(kind)]:
        if w.parent() is not None and isinstance(w.parent(), QComboBox | QAbstractSpinBox):
            continue
        name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        assert name, f"{type(w).__name__} without an accessible name"


def test_tab_order_follows_reading_order(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    add_demand(qtbot, editor, DemandCategory.ENVIRONMENTAL, "Cold room", 1)
    order = []
    widget = editor.template_combo
    for _ in range(60):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget is not None and not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget = widget.nextInFocusChain()
        if widget is editor.template_combo or widget is None:
            break
    position = {id(w): i for i, w in enumerate(order)}

    def at(w):
        return position[id(w)]

    s = editor.session
    demand = editor.demands.rows[0]
    assert at(s.date) < at(s.client) < at(s.planned) < at(s.stress_after)
    assert at(s.stress_after) < at(editor.narrative.text) < at(demand.category) < at(demand.text)
    assert at(demand.text) < at(editor.demands.add_button) < at(editor.controls.add_button)
    assert at(editor.controls.add_button) < at(editor.went_well) < at(editor.save_button)


def test_removing_a_row_can_be_undone(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    add_demand(qtbot, editor, DemandCategory.ENVIRONMENTAL, "Cold room", 2)
    add_demand(qtbot, editor, DemandCategory.INTERPERSONAL, "Partner in the room", 4)
    qtbot.mouseClick(editor.demands.rows[0].remove_button, Qt.MouseButton.LeftButton)
    assert [r.text.text() for r in editor.demands.rows] == ["Partner in the room"]
    assert editor.undo_remove_button.isVisible()
    assert "Cold room" in editor.status.text()
    qtbot.mouseClick(editor.undo_remove_button, Qt.MouseButton.LeftButton)
    assert [r.text.text() for r in editor.demands.rows] == ["Cold room", "Partner in the room"]
    assert editor.demands.rows[0].intensity.value() == 2
    assert not editor.undo_remove_button.isVisible()


def test_typed_new_client_is_flagged_before_saving(qtbot, sample_journal, make_editor):
    editor = make_editor(sample_journal)
    editor.new_entry(None)
    line = editor.session.client.lineEdit()
    line.selectAll()
    type_into(qtbot, line, "Someone New")
    button = editor.session.add_client_button
    assert button.isVisible() and button.text() == "Add “Someone New” as a client"
    known = next(p for p in sample_journal.clients() if p.aka)
    line.selectAll()
    type_into(qtbot, line, known.aka[0])
    assert not button.isVisible()


def test_edit_actions_undo_and_redo_the_narrative(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    undo, redo = editor.edit_actions()
    type_into(qtbot, editor.narrative.text, "word")
    assert undo.isEnabled()
    undo.trigger()
    assert editor.narrative.plain_text() == ""
    redo.trigger()
    assert editor.narrative.plain_text() == "word"


def test_edit_actions_act_on_the_focused_field(qtbot, journal, make_editor):
    editor = make_editor(journal)
    editor.new_entry(None, "dcs")
    type_into(qtbot, editor.narrative.text, "narrative")
    type_into(qtbot, editor.went_well, "a good moment")
    undo, _redo = editor.edit_actions()
    undo.trigger()
    assert editor.went_well.toPlainText() == ""
    assert editor.narrative.plain_text() == "narrative"


def test_an_old_entrys_unknown_template_is_kept_when_saved(qtbot, journal, make_editor):
    from reflect.core.model import Entry

    saved = journal.save_entry(
        Entry(date=datetime(2024, 1, 5, 9, 0), narrative="Old words", template="retired")
    )
    editor = make_editor(journal)
    editor.load_entry(saved.id)
    assert editor.template_combo.currentData() == "dcs"  # shown in the full layout
    type_into(qtbot, editor.narrative.text, " and new ones")
    save(qtbot, editor)
    again = journal.entry(saved.id)
    assert (again.template, again.narrative) == ("retired", "Old words and new ones")


def test_editor_state_is_plain_json_and_restores_exactly(qtbot, sample_journal, make_editor):
    import json

    editor = make_editor(sample_journal)
    entry = next(e for e in sample_journal.entries() if e.demands and e.controls)
    editor.load_entry(entry.id)
    type_into(qtbot, editor.narrative.text, "\n\n## Later\n\n*still* thinking")
    state = editor.to_dict()
    copy = json.loads(json.dumps(state))
    other = make_editor(sample_journal)
    other.from_dict(copy)
    assert other.to_dict() == state


def test_a_home_visit_of_three_days_is_shown_and_saved_as_it_is(qtbot, journal, make_editor):
    entry = journal.save_entry(Entry(date=datetime(2026, 4, 1, 6, 0), narrative="a long birth",
                                     setting=Setting.HOME_VISIT, planned_minutes=600,
                                     actual_minutes=4320))
    editor = make_editor(journal)
    editor.load_entry(entry.id)
    assert editor.session.setting.currentText() == "Home visit"
    assert editor.session.actual.value() == 4320
    assert not editor.has_unsaved_changes()
    type_into(qtbot, editor.went_well, "stayed steady")
    assert save(qtbot, editor) == entry.id
    again = journal.entry(entry.id)
    assert (again.setting, again.actual_minutes) == (Setting.HOME_VISIT, 4320)
