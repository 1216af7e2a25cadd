"""One Alt key, one place: in every window and dialog, no two things shown at the same time offer
the same Alt+letter (with two, Alt+letter only moves the focus between them and the menu or
button never opens). The windows are opened as a practitioner meets them: the main window with
a DC-S entry, a quick note, the monthly self-check banner and a supervision follow-up showing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from drive import unlock
from mnemonics import clashes, letter, offered
from PySide6.QtWidgets import QWidget

from reflect.core.journal import Journal
from reflect.core.model import Entry, Person
from reflect.core.supervision import Meeting, PresentedCase, Suggestion, SupervisionLog

PASSPHRASE = "test passphrase 1"


def no_clash(qtbot, window: QWidget, where: str) -> None:
    window.show()
    qtbot.waitExposed(window)
    found = clashes(window)
    assert not found, f"{where}: one Alt key for several things: {found}"


def test_letters_are_read_as_qt_reads_them():
    assert letter("C&lients") == "l"
    assert letter("Fish && &Chips") == "c"
    assert letter("No key") is None and letter("Ends with &") is None


def test_the_main_window_offers_each_alt_key_once(qtbot, make_session, journal_path):
    j, _code = Journal.create(journal_path, PASSPHRASE)
    client = j.save_person(Person(name="Margaret Ellison", alias="M."))
    yesterday = datetime.now() - timedelta(days=1)
    j.save_entry(Entry(date=yesterday, narrative="She stayed over again and I let the session run "
                       "long: my boundaries slipped, I wanted to rescue her.", client_id=client.id))
    SupervisionLog(j).save_meeting(Meeting(date=yesterday, group="Thursday peer group", cases=[
        PresentedCase(client_id=client.id, question="How do I end on time?",
                      suggestions=[Suggestion(text="offer a fixed end time",
                                              chosen=date.today())])]))
    j.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    window.show()

    window.clients.select_key(client.id)
    window.new_entry()
    editor = window.editor
    panel = window.supervision.panel
    qtbot.waitUntil(panel.isVisible)  # "From supervision …: offer a fixed end time — did you?"
    window.supervision.banner.show()  # "A new month: time for your self-check"
    for template in ("dcs", "quick", "gibbs", "driscoll"):
        editor.template_combo.setCurrentIndex(editor.template_combo.findData(template))
        if template == "dcs":
            editor.demands.add_button.click()
            editor.controls.add_button.click()
        no_clash(qtbot, window, f"main window, {template} entry")

    for key in "fevjsh":  # the menus keep their usual keys
        assert key in offered(window), key

    window.show_themes()
    themes = window.themes_window
    qtbot.waitUntil(lambda: themes.stack.currentWidget() is themes.splitter, timeout=20_000)
    no_clash(qtbot, window.themes_window, "themes window")
    assert {"c", "p", "o"} <= set(offered(window.themes_window))  # the walk sees its keys


def test_the_lock_pages_offer_each_alt_key_once(qtbot, make_session, journal_path):
    session = make_session(journal_path)  # first run: the welcome page
    gate = session.gate
    for page in (gate.welcome_page, gate.recovery_page, gate.unlock_page,
                 gate.new_passphrase_page):
        gate.stack.setCurrentWidget(page)
        no_clash(qtbot, gate, type(page).__name__)


def test_every_dialog_offers_each_alt_key_once(qtbot, sample_journal, ui_settings, tmp_path):
    from reflect.ui.brief.wizard import REVIEW, BriefWizard
    from reflect.ui.dialogs.import_dialog import ImportDialog
    from reflect.ui.dialogs.people import ClientDialog
    from reflect.ui.dialogs.profile import ProfileDialog
    from reflect.ui.dialogs.settings import SettingsDialog
    from reflect.ui.lock.passphrase_dialog import ChangePassphraseDialog
    from reflect.ui.supervision.history import SuggestionHistory
    from reflect.ui.supervision.hours_view import HoursDialog
    from reflect.ui.supervision.meeting_dialog import MeetingDialog
    from reflect.ui.supervision.meetings_view import MeetingsDialog
    from reflect.ui.supervision.prepare import PrepareDialog
    from reflect.ui.supervision.profile_export import ProfileExportDialog
    from reflect.ui.supervision.self_check_dialog import SelfCheckDialog
    from reflect.ui.themes.user_dialog import UserThemesDialog

    journal = sample_journal
    client = journal.clients()[0]
    lines = tmp_path / "more.jsonl"
    lines.write_text('{"date": "2025-01-01", "narrative": "A general note."}\n', encoding="utf-8")
    dialogs = {
        "client": ClientDialog(journal, client),
        "new client": ClientDialog(journal, None),
        "practice profile": ProfileDialog(journal),
        "settings": SettingsDialog(ui_settings),
        "your themes": UserThemesDialog(journal),
        "import": ImportDialog(journal, lines),
        "change passphrase": ChangePassphraseDialog(journal),
        "meeting": MeetingDialog(journal, client_id=client.id),
        "meetings": MeetingsDialog(journal),
        "self-check": SelfCheckDialog(journal),
        "prepare a meeting": PrepareDialog(journal),
        "hours": HoursDialog(journal),
        "profile export": ProfileExportDialog(journal),
        "suggestion history": SuggestionHistory(journal, client.id),
    }
    for where, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        no_clash(qtbot, dialog, where)
        dialog.close()

    wizard = BriefWizard(journal, None, client.id)
    qtbot.addWidget(wizard)
    no_clash(qtbot, wizard, "brief: the case")
    wizard.case_page.last.setValue(2)
    wizard.case_page.question.setPlainText("How do I end on time?")
    wizard.next()
    assert wizard.currentId() == REVIEW
    no_clash(qtbot, wizard, "brief: the review")
