"""A brief exported from the wizard is recorded; logging the meeting offers it for that client's
case (the newest first) and links the case to it; action points are ticked done in the meeting
dialog and in the meetings view, and the tick is kept."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from reflect.core.changes import SUPERVISION
from reflect.core.model import Person
from reflect.core.supervision import (
    ActionPoint,
    Meeting,
    PresentedCase,
    SupervisionLog,
    brief_exported,
    brief_exports,
)
from reflect.core.supervision.interchange import meetings_report
from reflect.ui.events import JournalEvents
from reflect.ui.supervision.meeting_dialog import MeetingDialog
from reflect.ui.supervision.meetings_view import MeetingsDialog
from tests.ui.test_brief_wizard import QUESTION, export, to_review


def test_the_wizard_records_its_export_and_the_meeting_links_the_case_to_it(
        qtbot, sample_journal, tmp_path, monkeypatch):
    from reflect.ui.brief.wizard import BriefWizard

    dee = sample_journal.find_people("Dee")[0]
    events = JournalEvents()
    heard = []
    events.journalChanged.connect(lambda what, origin: heard.append(what))
    wizard = BriefWizard(sample_journal, None, dee.id, events=events)
    qtbot.addWidget(wizard)
    wizard.show()
    to_review(qtbot, wizard)
    export(qtbot, wizard, monkeypatch, tmp_path / "for-thursday.md")
    recorded = brief_exports(sample_journal, dee.id)
    assert len(recorded) == 1
    brief = recorded[0]
    assert (brief.template, brief.format, brief.file_name) == ("group", "md", "for-thursday.md")
    assert brief.question == QUESTION and len(brief.entry_ids) == 3
    assert any(SUPERVISION in what for what in heard)
    wizard.accept()

    # an older export, for the same client, and one for someone else
    brief_exported(sample_journal, client_id=dee.id, template="supervisor", fmt="pdf",
                   entry_ids=[], when=datetime(2025, 1, 1, 9))
    other = sample_journal.save_person(Person(name="Ruth Abernathy"))
    brief_exported(sample_journal, client_id=other.id, template="group", fmt="pdf", entry_ids=[])

    dialog = MeetingDialog(sample_journal, client_id=dee.id, events=events)
    qtbot.addWidget(dialog)
    case = dialog.case_editors()[0]
    offered = [case.brief.itemText(i) for i in range(case.brief.count())]
    assert offered[0] == "None recorded"
    assert len(offered) == 3  # Dee's two exports, not Ruth's
    assert "for a group · Markdown · 3 sessions — for-thursday.md" in offered[1]
    assert "for a supervisor · PDF" in offered[2]
    assert case.brief.currentIndex() == 1  # the one just exported is chosen already
    assert case.question.text() == QUESTION  # the brief's question fills the empty field
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    report = meetings_report(sample_journal, dee.id)[0]["cases"][0]
    assert report["brief"]["export"]["file"] == "for-thursday.md"
    assert report["brief"]["export"]["id"] == brief.id

    # opened again, the case keeps its brief; choosing none takes the link away
    again = MeetingDialog(sample_journal, SupervisionLog(sample_journal).meetings()[0],
                          events=events)
    qtbot.addWidget(again)
    editor = again.case_editors()[0]
    assert editor.brief.currentData() == brief.id
    editor.brief.setCurrentIndex(0)
    again.save()
    assert SupervisionLog(sample_journal).meetings()[0].cases[0].brief is None


def test_action_points_are_ticked_in_the_dialog_and_in_the_meetings_view(qtbot, journal):
    client = journal.save_person(Person(name="Margaret Ellison", alias="M."))
    log = SupervisionLog(journal)
    m = log.save_meeting(Meeting(datetime(2026, 3, 20, 18), cases=[PresentedCase(client.id)]))
    events = JournalEvents()
    dialog = MeetingDialog(journal, m, events=events)
    qtbot.addWidget(dialog)
    dialog.show()
    actions = dialog.case_editors()[0].actions
    qtbot.keyClicks(actions.new, "bring the contract")
    qtbot.keyClick(actions.new, Qt.Key.Key_Return)
    qtbot.keyClicks(actions.new, "book the room")
    qtbot.keyClick(actions.new, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter added the point; it did not press Save
    assert actions.list.count() == 2
    actions.set_done(0, True)
    assert actions.list.item(0).font().strikeOut()
    dialog.save()
    assert [(a.text, a.done) for a in log.meeting(m.id).actions] == [
        ("bring the contract", True), ("book the room", False)]

    view = MeetingsDialog(journal, events=events)
    qtbot.addWidget(view)
    view.table.selectRow(0)
    ticks = view.actions
    assert [ticks.item(i).text() for i in range(ticks.count())] == [
        "bring the contract", "book the room"]
    assert ticks.item(0).checkState() == Qt.CheckState.Checked
    ticks.item(1).setCheckState(Qt.CheckState.Checked)  # ticked in the view: kept at once
    ticks.item(0).setCheckState(Qt.CheckState.Unchecked)  # and un-ticked
    assert [(a.text, a.done) for a in log.meeting(m.id).actions] == [
        ("bring the contract", False), ("book the room", True)]
    assert [a["done"] for a in meetings_report(journal)[0]["actions"]] == [False, True]
    assert "1 of 2 action points done" in view.table.item(0, 4).text()


def test_an_unsaved_new_action_point_typed_is_not_lost(qtbot, journal):
    client = journal.save_person(Person(name="Margaret Ellison"))
    dialog = MeetingDialog(journal, client_id=client.id)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.case_editors()[0].actions.new, "ring the landlord")
    dialog.save()
    meeting = SupervisionLog(journal).meetings()[0]
    assert [a.text for a in meeting.actions] == ["ring the landlord"]
    assert meeting.actions[0] == ActionPoint("ring the landlord", False, meeting.cases[0].id,
                                             meeting.actions[0].id)


def test_export_practice_profile_asks_which_fields_and_remembers(qtbot, journal, tmp_path,
                                                                 ui_settings, monkeypatch):
    from reflect.core.model import Profile
    from reflect.ui.supervision.profile_export import ProfileExportDialog

    journal.save_profile(Profile(profession="massage therapist", setting="private practice",
                                 typical_clients="office workers with back pain",
                                 current_supervision="monthly peer group"))
    dialog = ProfileExportDialog(journal, ui_settings)
    qtbot.addWidget(dialog)
    boxes = dialog.choice.boxes
    # only the fields filled in are offered, all ticked the first time
    assert set(boxes) == {"profession", "setting", "typical_clients", "current_supervision"}
    assert all(b.isChecked() for b in boxes.values())
    assert "office workers" in dialog.preview.toPlainText()
    boxes["typical_clients"].setChecked(False)
    assert "office workers" not in dialog.preview.toPlainText()  # the preview follows
    next(b for b in dialog.formats.buttons() if b.property("fmt") == "md").setChecked(True)
    written = dialog.choose_and_write(tmp_path / "for-the-group")
    assert written == tmp_path / "for-the-group.md"
    text = written.read_text()
    assert "massage therapist" in text and "monthly peer group" in text
    assert "office workers" not in text
    assert (written.stat().st_mode & 0o777) == 0o600  # the owner-only writer

    again = ProfileExportDialog(journal, ui_settings)  # the choice is remembered
    qtbot.addWidget(again)
    assert not again.choice.boxes["typical_clients"].isChecked()
    assert again.choice.boxes["profession"].isChecked() and again.fmt() == "md"
    for box in again.choice.boxes.values():
        box.setChecked(False)
    assert not again.save_button.isEnabled()
    assert again.error.text() == "Tick at least one field to include."


def test_a_profile_naming_a_client_is_refused_in_the_dialog(qtbot, journal, tmp_path):
    from reflect.core.model import Profile
    from reflect.ui.supervision.profile_export import ProfileExportDialog

    journal.save_person(Person(name="Margaret Ellison"))
    journal.save_profile(Profile(profession="counsellor", typical_clients="people like Margaret"))
    dialog = ProfileExportDialog(journal)
    qtbot.addWidget(dialog)
    out = tmp_path / "out"
    out.mkdir()
    assert dialog.choose_and_write(out / "profile.pdf") is None
    assert "names someone the journal knows" in dialog.error.text()
    assert list(out.iterdir()) == [] and dialog.written is None


def test_a_clients_history_shows_the_brief_and_ticks_their_action_points(qtbot, journal):
    from reflect.ui.supervision.history import SuggestionHistory

    client = journal.save_person(Person(name="Margaret Ellison", alias="M."))
    other = journal.save_person(Person(name="Ruth Abernathy"))
    export = brief_exported(journal, client_id=client.id, template="group", fmt="pdf",
                            entry_ids=[], when=datetime(2026, 3, 19, 21, 5))
    log = SupervisionLog(journal)
    m = log.save_meeting(Meeting(datetime(2026, 3, 20, 18), cases=[
        PresentedCase(client.id, brief=export.link()), PresentedCase(other.id)]))
    m.actions = [ActionPoint("bring the contract", case_id=m.cases[0].id),
                 ActionPoint("ask Ruth's consent", case_id=m.cases[1].id)]
    log.save_meeting(m)
    events = JournalEvents()
    dialog = SuggestionHistory(journal, client.id, None, events)
    qtbot.addWidget(dialog)
    meeting = dialog.tree.topLevelItem(0)
    assert meeting.text(0).endswith("Peer group · brief of 19 Mar, PDF")
    assert [meeting.child(i).text(0) for i in range(meeting.childCount())] == [
        "Action: bring the contract"]  # only this client's case
    meeting.child(0).setCheckState(0, Qt.CheckState.Checked)
    assert [a.done for a in log.meeting(m.id).actions] == [True, False]
    qtbot.wait(10)  # the view reads the journal again: the tick is what was kept
    assert dialog.tree.topLevelItem(0).child(0).checkState(0) == Qt.CheckState.Checked


def test_presenting_shows_the_brief_last_exported_for_the_client(journal):
    from reflect.core.model import Entry
    from reflect.core.supervision.prepare import presenting_brief

    client = journal.save_person(Person(name="Margaret Ellison"))
    first = journal.save_entry(Entry(date=datetime(2026, 3, 1, 10), client_id=client.id,
                                     narrative="The first session, about the car."))
    journal.save_entry(Entry(date=datetime(2026, 3, 8, 10), client_id=client.id,
                             narrative="The second session, about the garden."))
    assert "(No question written yet" in presenting_brief(journal, client.id)
    brief_exported(journal, client_id=client.id, template="supervisor", fmt="md",
                   entry_ids=[first.id], question="How do I end on time?")
    text = presenting_brief(journal, client.id)
    assert "How do I end on time?" in text
    assert "about the car" in text and "about the garden" not in text


def test_a_brief_file_named_after_the_client_is_not_written(qtbot, sample_journal, tmp_path,
                                                            monkeypatch):
    """A file's name travels with it: the brief is not saved under a name the journal knows,
    and nothing is recorded."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from reflect.ui.brief.wizard import EXPORT, BriefWizard

    dee = sample_journal.find_people("Dee")[0]
    wizard = BriefWizard(sample_journal, None, dee.id)
    qtbot.addWidget(wizard)
    wizard.show()
    to_review(qtbot, wizard)
    wizard.review_page.reviewed.setChecked(True)
    wizard.next()
    assert wizard.currentId() == EXPORT
    page = wizard.export_page
    next(b for b in page.formats.buttons() if b.property("fmt") == "md").setChecked(True)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    for name in ("brief-for-dee.md", "Whitcombe_case.md", "case-brief-group.md"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, n=name: (str(tmp_path / n), ""))
        wizard.export_page.save_button.click()
    qtbot.waitUntil(lambda: wizard.export_page.written is not None, timeout=20_000)
    assert len(warned) == 2 and "brief-for-dee.md" in warned[0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".md") == ["case-brief-group.md"]
    assert [b.file_name for b in brief_exports(sample_journal, dee.id)] == ["case-brief-group.md"]
