"""Supervision in the app: a meeting logged with two suggestions is asked about on the next new
entry for that client; 'helped' shows in the client's history; the self-check appears once."""

from __future__ import annotations

from datetime import datetime

import pytest
from drive import type_in_focus, unlock, visible_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reflect.core.journal import Journal
from reflect.core.model import Entry, Person
from reflect.core.supervision import SupervisionLog, history, self_checks
from reflect.ui.supervision.history import SuggestionHistory
from reflect.ui.supervision.meeting_dialog import MeetingDialog
from reflect.ui.supervision.self_check_dialog import SelfCheckDialog
from reflect.ui.supervision.suggestion_table import TEXT, TRY

PASSPHRASE = "test passphrase 1"


@pytest.fixture
def client_journal(journal_path):
    j, _ = Journal.create(journal_path, PASSPHRASE)
    client = j.save_person(Person(name="Margaret Ellison", alias="M."))
    j.save_entry(Entry(date=datetime(2026, 1, 5, 10), narrative="She stayed over again.",
                       client_id=client.id))
    j.close()
    return journal_path, client.id


@pytest.fixture
def window(qtbot, make_session, client_journal):
    path, _client = client_journal
    session = make_session(path)
    unlock(qtbot, session)
    return session.window


def fill_meeting(dialog: MeetingDialog, texts: list[str]) -> None:
    dialog.group.setText("Thursday peer group")
    dialog.minutes.setValue(90)
    case = dialog.case_editors()[0]
    case.question.setText("How do I end on time?")
    case.questions.setPlainText("What happens in the last ten minutes?")
    for text in texts:
        row = case.suggestions.add()
        case.suggestions.item(row, TEXT).setText(text)
        case.suggestions.item(row, TRY).setCheckState(Qt.CheckState.Checked)


def test_meeting_with_two_suggestions_prompts_on_the_next_entry_and_helped_shows_in_history(
        qtbot, window, client_journal):
    _path, client_id = client_journal
    window.clients.select_key(client_id)
    window.actions.new_entry.trigger()  # a new entry for her is open: nothing to ask yet
    panel = window.supervision.panel
    assert not panel.isVisible()
    dialog = MeetingDialog(window.journal, parent=window, client_id=client_id,
                           events=window.events)
    qtbot.addWidget(dialog)
    assert dialog.case_editors()[0].client.currentText() == "M."
    fill_meeting(dialog, ["offer a fixed end time", "say the time at the start"])
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    meeting = SupervisionLog(window.journal).meetings()[0]
    assert [s.text for s in meeting.cases[0].suggestions] == [
        "offer a fixed end time", "say the time at the start"]
    # the saved meeting is announced; the entry on screen asks about it without being told
    qtbot.waitUntil(panel.isVisible)
    shown = visible_texts(panel)
    assert "From supervision today: offer a fixed end time — did you? how did it go?" in shown
    assert "From supervision today: say the time at the start — did you? how did it go?" in shown

    first = panel.rows[0]
    first.note.setText("ended at four, no fuss")
    first.buttons["helped"].click()
    assert "Kept: helped" in first.done.text() and not first.buttons["helped"].isVisible()

    dialog = SuggestionHistory(window.journal, client_id, window, window.events)
    qtbot.addWidget(dialog)
    texts = visible_texts(dialog)
    item = dialog.tree.topLevelItem(0).child(0)
    assert (item.text(0), item.text(3)) == ("offer a fixed end time", "Helped")
    assert "ended at four, no fuss" in item.child(0).text(0)
    assert dialog.tree.topLevelItem(0).child(1).text(3) == "To try — waiting"
    assert "M." in dialog.windowTitle() and "Margaret" not in texts

    # the entry is written and saved: the answer given on it is linked to it
    window.editor.focus_narrative()
    type_in_focus(qtbot, window, "Ended on time today.")
    with qtbot.waitSignal(window.editor.entrySaved, timeout=5000):
        window.actions.save.trigger()
    saved = window.editor.current_entry_id()
    helped = history(window.journal, client_id)[0].suggestion
    assert helped.follow_ups[0].entry_id == saved
    assert panel.isVisible()  # still there for the second question

    # an older entry of the client asks nothing
    window.entries.select_entry(window.journal.summaries(client_id)[-1].id)
    window.editor.load_entry(window.journal.summaries(client_id)[-1].id)
    window.supervision.refresh_prompts()
    assert not panel.isVisible()


def test_history_records_and_dismisses(qtbot, window, client_journal):
    _path, client_id = client_journal
    dialog = MeetingDialog(window.journal, parent=window, client_id=client_id,
                           events=window.events)
    qtbot.addWidget(dialog)
    fill_meeting(dialog, ["walk her to the door"])
    dialog.case_editors()[0].suggestions.item(0, TRY).setCheckState(Qt.CheckState.Unchecked)
    dialog.save()
    history_dialog = SuggestionHistory(window.journal, client_id, window, window.events)
    qtbot.addWidget(history_dialog)
    item = history_dialog.tree.topLevelItem(0).child(0)
    assert item.text(3) == "Not chosen"
    history_dialog.tree.setCurrentItem(item)
    history_dialog.try_button.click()
    qtbot.waitUntil(lambda: history_dialog.tree.topLevelItem(0).child(0).text(3)
                    == "To try — waiting")  # it reads the journal again once it is told
    history_dialog.state.setCurrentIndex(history_dialog.state.findData("dismissed"))
    history_dialog.note.setText("not right for her")
    history_dialog.record_button.click()
    qtbot.waitUntil(lambda: history_dialog.tree.topLevelItem(0).child(0).text(3) == "Dismissed")
    item = history_dialog.tree.topLevelItem(0).child(0)
    assert item.text(3) == "Dismissed" and "not right for her" in item.child(0).text(0)
    window.actions.new_entry.trigger()
    window.supervision.refresh_prompts()
    assert not window.supervision.panel.isVisible()  # settled: nothing to ask


def test_the_monthly_self_check_appears_once_and_keeps_its_answers(qtbot, window):
    banner = window.supervision.banner
    assert banner.isVisible()
    assert "self-check" in visible_texts(banner)
    dialog = SelfCheckDialog(window.journal, window)
    qtbot.addWidget(dialog)
    dialog.set_answer("over_time", "yes")
    dialog.set_answer("self_care", "sometimes")
    dialog.notes["over_time"].setText("twice with M.")
    dialog.save()
    kept = self_checks(window.journal)
    assert [(c.answers, c.notes) for c in kept] == [
        ({"over_time": "yes", "self_care": "sometimes"}, {"over_time": "twice with M."})]
    window.supervision.attach(window.journal)  # as after the next unlock
    assert not banner.isVisible()


def test_not_this_month_dismisses_the_self_check(qtbot, window):
    banner = window.supervision.banner
    banner.later.click()
    assert not banner.isVisible()
    assert [c.dismissed for c in self_checks(window.journal)] == [True]
    window.supervision.attach(window.journal)
    assert not banner.isVisible()


def test_the_self_check_can_be_turned_off(qtbot, make_session, client_journal, ui_settings):
    ui_settings.self_check_monthly = 0
    session = make_session(client_journal[0])
    unlock(qtbot, session)
    assert not session.window.supervision.banner.isVisible()


def test_presenting_counts_down_and_what_it_captured_lands_in_the_meeting(
        qtbot, window, client_journal, monkeypatch):
    _path, client_id = client_journal
    presenting = window.supervision.present(client_id)
    qtbot.addWidget(presenting)
    assert "She stayed over again." in presenting.brief.toPlainText()
    assert "Margaret" not in presenting.brief.toPlainText()  # de-identified like an export
    assert presenting.brief.document().defaultFont().pointSizeF() >= 1.5 * window.font().pointSizeF()
    presenting.present_minutes.setValue(1)
    presenting.discuss_minutes.setValue(2)
    assert (presenting.phase.text(), presenting.clock.text()) == ("Presenting", "01:00")
    presenting.start_button.click()
    assert presenting.countdown.running and presenting.start_button.text() == "&Pause"
    for _ in range(5):
        presenting.countdown.tick()
    assert presenting.clock.text() == "00:55"
    assert presenting.clock.property("role") == "error"  # the last minute shows
    for _ in range(55):
        presenting.countdown.tick()
    assert (presenting.phase.text(), presenting.clock.text()) == ("Discussion", "02:00")

    presenting.capture.setText("What does she say when you stand up?")
    presenting.add("question")
    presenting.capture.setText("offer a fixed end time")
    presenting.stance.setCurrentIndex(presenting.stance.findData("conservative"))
    presenting.capture.returnPressed.emit()  # in the discussion, Enter keeps a suggestion
    assert presenting.captured.count() == 2

    dialog = presenting.meeting_dialog()
    qtbot.addWidget(dialog)
    case = dialog.case_editors()[0]
    assert case.client.currentData() == client_id
    dialog.group.setText("Thursday peer group")
    dialog.save()
    meeting = SupervisionLog(window.journal).meetings()[0]
    assert meeting.minutes == 90  # at least the presenting and discussion time
    saved = meeting.cases[0]
    assert saved.questions == ["What does she say when you stand up?"]
    assert [(s.text, s.stance) for s in saved.suggestions] == [("offer a fixed end time",
                                                                "conservative")]
    presenting.close()
    assert not presenting.countdown.running


def test_prepare_suggests_a_case_with_its_reasons(qtbot, window, client_journal):
    from reflect.ui.supervision.prepare import PrepareDialog

    _path, client_id = client_journal
    for day, after in ((6, 4), (13, 6), (20, 8)):
        window.journal.save_entry(Entry(date=datetime(2026, 1, day, 10), narrative="session",
                                        client_id=client_id, stress_before=3, stress_after=after))
    dialog = PrepareDialog(window.journal, window)
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    assert text.startswith("M.\n") and "more stressed lately (+1, +3, +5)" in text
    with qtbot.waitSignal(dialog.presentRequested) as caught:
        dialog.present_button.click()
    assert caught.args == [client_id]


def test_hours_view_lists_by_month_and_exports_csv(qtbot, window, tmp_path):
    from reflect.core.supervision import Meeting, MeetingKind
    from reflect.ui.supervision.hours_view import HoursDialog
    from reflect.ui.supervision.meetings_view import MeetingsDialog

    log = SupervisionLog(window.journal)
    log.save_meeting(Meeting(datetime(2026, 1, 8, 18), MeetingKind.PEER_GROUP, "Thursday group", 90))
    log.save_meeting(Meeting(datetime(2026, 2, 2, 9), MeetingKind.ONE_TO_ONE, "Dr Okafor", 50))
    dialog = HoursDialog(window.journal, window)
    qtbot.addWidget(dialog)
    first = [dialog.table.item(0, c).text() for c in range(4)]
    assert first == ["2026-02", "All kinds", "1", "0.83"]  # the latest period first
    assert dialog.total.text() == "2 meetings, 2.33 hours in all."
    dialog.by.setCurrentIndex(1)
    assert [dialog.table.item(0, c).text() for c in range(4)] == ["2026", "All kinds", "2", "2.33"]
    written = dialog.export(str(tmp_path / "hours.csv"))
    assert written.read_text().splitlines() == [
        "period,kind,meetings,hours", "2026,peer group,1,1.50", "2026,one-to-one,1,0.83",
        "2026,all kinds,2,2.33"]
    meetings = MeetingsDialog(window.journal, window)
    qtbot.addWidget(meetings)
    assert meetings.table.rowCount() == 2
    assert meetings.table.item(0, 2).text() == "Dr Okafor"
    assert meetings.table.item(1, 3).text() == "1 h 30 min"


def test_forgetting_says_their_supervision_cases_go_too(qtbot, window, client_journal, monkeypatch):
    from reflect.ui.dialogs import prompts

    _path, client_id = client_journal
    dialog = MeetingDialog(window.journal, parent=window, client_id=client_id)
    qtbot.addWidget(dialog)
    fill_meeting(dialog, ["offer a fixed end time"])
    dialog.save()
    asked = []
    monkeypatch.setattr(prompts, "confirm_forget", lambda *a, **kw: asked.append(kw) or False)
    window.clients.select_key(client_id)
    window.actions.forget_client.trigger()
    assert asked and asked[0]["supervision_cases"] == 1
    assert SupervisionLog(window.journal).meetings()[0].cases  # cancelled: nothing changed


def test_presenting_goes_full_screen_and_back(qtbot, window, client_journal):
    presenting = window.supervision.present(client_journal[1])
    qtbot.addWidget(presenting)
    presenting.toggle_full_screen()
    assert presenting.isFullScreen()
    presenting.toggle_full_screen()
    assert not presenting.isFullScreen()


def test_the_themes_window_shows_the_self_check_beside_stress_and_overtime(
        qtbot, window, client_journal, monkeypatch):
    from reflect.core.changes import ENTRIES, changes
    from reflect.core.supervision import answer_self_check

    _path, client_id = client_journal
    saved = window.journal.save_entry(Entry(
        date=datetime(2026, 1, 12, 10), client_id=client_id, stress_before=3, stress_after=6,
        planned_minutes=60, actual_minutes=80,
        narrative="She texted me at midnight again and I answered anyway; we ran over."))
    window.events.announce(changes(ENTRIES, entries=[saved.id]), None)
    window.show_themes()
    themes = window.themes_window
    qtbot.addWidget(themes)
    qtbot.waitUntil(lambda: themes.stack.currentWidget() is themes.splitter, timeout=20_000)
    trend = window.supervision.trend
    assert trend.isVisibleTo(themes)
    # no self-check yet: it says what the self-check is and offers it
    assert trend.sentence.text().startswith("None yet: six short questions once a month")
    assert trend.start.isVisibleTo(themes)
    opened = []
    monkeypatch.setattr(SelfCheckDialog, "exec", lambda self: opened.append(self) or 0)
    trend.start.click()
    assert len(opened) == 1

    # answered in January (when she was also seen, stress 6 after): the month shows, and the
    # row updates itself when a self-check is kept through the dialog
    answer_self_check(window.journal, {"over_time": "yes", "days_off": "sometimes"},
                      when=datetime(2025, 12, 2, 9))
    dialog = SelfCheckDialog(window.journal, window, window.events)
    qtbot.addWidget(dialog)
    dialog.set_answer("over_time", "yes")
    dialog.set_answer("days_off", "yes")
    dialog.set_answer("friends", "yes")
    monkeypatch.setattr("reflect.core.supervision.self_check.now",
                        lambda: datetime(2026, 1, 20, 9))
    dialog.save()
    assert not trend.start.isVisibleTo(themes)
    months = [m["month"] for m in trend.shown]
    assert months == ["2025-12", "2026-01"]
    jan = trend.shown[-1]
    assert jan == {"month": "2026-01", "drift": "6 / 12", "stress": "6.0 / 10",
                   "overtime": "100 %"}
    assert trend.shown[0]["drift"] == "3 / 12"
    assert trend.sentence.text() == ("Drift on 6 of 12 in Jan 2026 (Dec 3): more than in Dec. "
                                     "Lower is steadier.")
    assert "Jan 2026: 6 / 12 · 6.0 / 10 · 100 %" in trend.toolTip()

    window.actions.lock.trigger()  # locked: nothing of it stays on screen
    assert trend.shown == [] and trend.sentence.text() == ""
