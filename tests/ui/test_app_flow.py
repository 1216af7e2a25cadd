"""The whole path a practitioner walks: first run → create → write → save → find → lock → unlock."""

from __future__ import annotations

from drive import PASSPHRASE, accept_draft_offers, type_in_focus, unlock, visible_texts
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflect.core.journal import Journal
from reflect.ui.dialogs import prompts

WORD = "lighthousekeeper"


def test_first_run_create_write_find_lock_unlock(qtbot, make_session, journal_path):
    assert not journal_path.exists()
    session = make_session(journal_path)
    gate = session.gate
    assert gate.stack.currentWidget() is gate.welcome_page
    assert "encrypted" in visible_texts(gate.welcome_page)

    # a short passphrase is refused inline; nothing is created
    form = gate.welcome_page.form
    form.first.setText("short")
    form.second.setText("short")
    gate.welcome_page.create_button.click()
    assert "at least 8" in gate.welcome_page.error.text()
    assert not journal_path.exists()

    form.first.setText(PASSPHRASE)
    form.second.setText(PASSPHRASE)
    gate.welcome_page.create_button.click()
    qtbot.waitUntil(lambda: gate.stack.currentWidget() is gate.recovery_page, timeout=10_000)
    code = gate.recovery_page.code.text()
    assert len(code) >= 16
    assert not gate.recovery_page.continue_button.isEnabled()
    gate.recovery_page.kept.setChecked(True)
    gate.recovery_page.continue_button.click()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible())
    window = session.window
    assert gate.recovery_page.code.text() == ""  # shown once

    # empty journal: the entries pane says what to do next
    assert window.entry_model.rowCount() == 0
    assert "Ctrl+N" in window.entries.empty.text()

    # Ctrl+N puts the cursor in the narrative; type; Ctrl+S saves
    window.actions.new_entry.trigger()
    typed_into = type_in_focus(qtbot, window, f"Walked by the {WORD} cottage after the session")
    assert typed_into.inherits("QPlainTextEdit") or typed_into.inherits("QTextEdit")
    with qtbot.waitSignal(window.editor.entrySaved, timeout=5000):
        window.actions.save.trigger()
    assert window.entry_model.rowCount() == 1
    assert "1 entry" in window.count_label.text() or "1 entries" in window.count_label.text()

    # the search field filters live
    window.actions.find.trigger()
    qtbot.keyClicks(window.search, WORD[:8])
    assert window.entry_model.rowCount() == 1
    window.search.setText("zebra")
    assert window.entry_model.rowCount() == 0
    assert "Nothing matches" in window.entries.empty.text()
    window.search.setText(WORD)

    # Ctrl+L: nothing of the journal stays on screen or in the models
    window.actions.lock.trigger()
    assert gate.isVisible() and not window.isVisible()
    assert window.entry_model.rowCount() == 0
    assert window.client_model.rowCount() == 0
    assert not session.journal
    assert WORD not in visible_texts(window)
    assert WORD not in visible_texts(gate)

    # unlock: it is all still there
    unlock(qtbot, session)
    assert window.entry_model.rowCount() == 1
    assert WORD in window.entry_model.summary(0).text


def test_wrong_passphrase_message_inline(qtbot, make_session, journal):
    journal.close()
    session = make_session(journal.path)
    page = session.gate.unlock_page
    assert session.gate.stack.currentWidget() is page
    page.field.setText("not the passphrase")
    page.field.setFocus()
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=10_000)
    assert "didn't unlock" in page.error.text()
    assert page.field.hasSelectedText() and page.field.selectedText() == "not the passphrase"
    assert session.window is None


def test_second_instance_is_refused_with_a_message(qtbot, make_session, journal):
    journal.close()
    holder = Journal.open(journal.path, PASSPHRASE)  # "another Reflect" has it open
    try:
        session = make_session(journal.path)
        page = session.gate.unlock_page
        page.field.setText(PASSPHRASE)
        page.unlock_button.click()
        qtbot.waitUntil(lambda: bool(page.error.text()), timeout=10_000)
        assert "already open" in page.error.text()
        assert session.window is None
    finally:
        holder.close()


def test_idle_lock(qtbot, make_session, sample_journal):
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    assert session.window.entry_model.rowCount() > 0
    session.idle.set_interval(50)
    qtbot.waitUntil(lambda: session.gate.isVisible() and session.journal is None, timeout=5000)
    assert session.window.entry_model.rowCount() == 0
    assert not session.window.isVisible()


def test_recovery_code_unlocks_then_asks_for_a_new_passphrase(qtbot, make_session, journal_path):
    journal, code = Journal.create(journal_path, PASSPHRASE)
    journal.close()
    session = make_session(journal_path)
    gate = session.gate
    gate.unlock_page.switch.click()
    assert gate.unlock_page.recovery
    gate.unlock_page.field.setText(code)
    gate.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: gate.stack.currentWidget() is gate.new_passphrase_page,
                    timeout=10_000)
    form = gate.new_passphrase_page.form
    form.first.setText("a brand new passphrase")
    form.second.setText("a brand new passphrase")
    gate.new_passphrase_page.save_button.click()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible(),
                    timeout=10_000)
    session.lock()
    unlock(qtbot, session, "a brand new passphrase")


def test_crash_mid_typing_offers_the_draft_back(qtbot, make_session, journal, monkeypatch):
    journal.close()
    session = make_session(journal.path)
    unlock(qtbot, session)
    window = session.window
    window.actions.new_entry.trigger()
    type_in_focus(qtbot, window, "half a thought about the cuckoo clock")
    qtbot.waitUntil(lambda: bool(session.journal.drafts()), timeout=10_000)
    # the process "dies": nothing is saved or cleared, the file lock goes with it
    session.journal._file.close()
    session.journal = None
    window.journal = None
    window.hide()

    offered = accept_draft_offers(monkeypatch)
    again = make_session(journal.path)
    unlock(qtbot, again)
    assert offered == [1]
    assert "cuckoo clock" in visible_texts(again.window.editor)
    assert again.window.editor.has_unsaved_changes()


def test_quit_with_unsaved_changes_asks(qtbot, make_session, journal, monkeypatch):
    journal.close()
    session = make_session(journal.path)
    unlock(qtbot, session)
    window = session.window
    window.actions.new_entry.trigger()
    type_in_focus(qtbot, window, "not saved yet")
    asked = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent: asked.append(1) or "cancel")
    window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(prompts, "ask_unsaved", lambda parent: "save")
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(1))
    with qtbot.waitSignal(window.closed):
        window.close()
    assert not window.isVisible()
    qtbot.waitUntil(lambda: bool(quits))
    reopened = Journal.open(journal.path, PASSPHRASE)
    try:
        (saved,) = reopened.summaries()
        assert "not saved yet" in saved.text
    finally:
        reopened.close()
