"""Deleting an entry with unsaved edits: its text is gone, never kept as a draft and offered back."""

from __future__ import annotations

from datetime import datetime

from drive import accept_draft_offers, unlock, visible_texts

from reflect.core.model import Entry
from reflect.ui.dialogs import prompts


def test_deleting_an_entry_with_unsaved_edits_does_not_offer_them_back(
    qtbot, make_session, journal, monkeypatch
):
    saved = journal.save_entry(Entry(date=datetime(2026, 2, 3, 10), narrative="the entry to delete"))
    journal.close()
    session = make_session(journal.path)
    unlock(qtbot, session)
    window = session.window
    assert window.entries.select_entry(saved.id)
    qtbot.waitUntil(lambda: window.editor.current_entry_id() == saved.id, timeout=5000)
    qtbot.keyClicks(window.editor.narrative.text, " and a secret edit")
    assert window.editor.has_unsaved_changes()
    window.editor.flush_draft()  # an autosave already happened...
    qtbot.keyClicks(window.editor.narrative.text, ", then more")  # ...and more typed since
    monkeypatch.setattr(prompts, "confirm_delete_entry", lambda *a: True)
    window.actions.delete_entry.trigger()
    assert session.journal.entry_count() == 0
    assert session.journal.drafts() == {}

    offered = accept_draft_offers(monkeypatch)
    session.lock()
    unlock(qtbot, session)
    assert offered == []
    assert "secret edit" not in visible_texts(session.window.editor)
