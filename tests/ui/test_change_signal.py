"""One change signal: whoever changes the journal announces it; every view refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_themes_dashboard import COUNT_ROLE, sample_app  # noqa: F401

from reflect.core.changes import ENTRIES, PEOPLE, changes
from reflect.ui.dialogs import prompts


def test_deleting_the_shown_entry_updates_list_editor_and_themes_window(
        qtbot, sample_app, monkeypatch):  # noqa: F811
    _session, window, dash, expected, _names = sample_app
    entry = next(a for a in expected.entries if "boundaries" in a.ids() and a.client_id)
    count = dash.heat_model.index_of(entry.client_id, "boundaries").data(COUNT_ROLE)
    window.show_entry(entry.entry_id)
    assert window.editor.current_entry_id() == entry.entry_id
    rows = window.entry_model.rowCount()
    monkeypatch.setattr(prompts, "confirm_delete_entry", lambda parent, what: True)
    window.actions.delete_entry.trigger()
    assert window.entry_model.row_of(entry.entry_id) == -1
    assert window.entry_model.rowCount() == rows - 1
    assert window.editor.current_entry_id() is None  # a new entry, not the deleted one
    assert window.editor.narrative.plain_text() != ""  # the template's prompts, ready to write

    def counted():
        index = dash.heat_model.index_of(entry.client_id, "boundaries")
        return index.data(COUNT_ROLE) if index.isValid() else 0

    qtbot.waitUntil(lambda: counted() == count - 1, timeout=5000)


def test_a_change_made_elsewhere_shows_once_announced(qtbot, sample_app):  # noqa: F811
    """A view that changes the journal only announces it; the lists and the themes window
    follow (here a client renamed outside the window's own commands)."""
    _session, window, dash, expected, _names = sample_app
    client = window.journal.person(expected.recurring[0].client)
    client.alias = "Renamed Q."
    window.journal.save_person(client)
    row = window.client_model.row_of(client.id)
    assert "Renamed Q." not in str(window.client_model.index(row, 0).data())
    window.events.announce(changes(PEOPLE), origin=None)
    row = window.client_model.row_of(client.id)
    assert "Renamed Q." in str(window.client_model.index(row, 0).data())
    qtbot.waitUntil(lambda: "Renamed Q." in str(
        [dash.heat_model.headerData(r, Qt.Orientation.Vertical)
         for r in range(dash.heat_model.rowCount())]), timeout=5000)


def test_changes_name_known_kinds_only():
    import pytest

    assert ENTRIES in changes(ENTRIES, entries=["x"])
    with pytest.raises(ValueError):
        changes("entires")


def _forget_app(qtbot, make_session, sample_journal, monkeypatch):
    from drive import unlock

    dee = sample_journal.find_people("Dee")[0]
    other = next(c for c in sample_journal.clients() if c.id != dee.id)
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    monkeypatch.setattr(prompts, "confirm_forget", lambda *a, **kw: True)
    return session.window, session.journal, dee, other


def test_forgetting_the_client_being_written_about_keeps_no_draft_of_them(
        qtbot, make_session, sample_journal, monkeypatch):
    window, journal, dee, _other = _forget_app(qtbot, make_session, sample_journal, monkeypatch)
    window.clients.select_key(dee.id)
    window.show_entry(journal.summaries(dee.id)[0].id)
    qtbot.keyClicks(window.editor.narrative.text, " unsaved words about Dee")
    assert window.editor.has_unsaved_changes()
    window.actions.forget_client.trigger()
    assert window.editor.current_entry_id() is None and not window.editor.has_unsaved_changes()
    assert not any("about Dee" in str(d) for d in journal.drafts().values())


def test_forgetting_a_client_keeps_unsaved_writing_about_another(
        qtbot, make_session, sample_journal, monkeypatch):
    window, journal, dee, other = _forget_app(qtbot, make_session, sample_journal, monkeypatch)
    window.clients.select_key(other.id)
    window.actions.new_entry.trigger()
    qtbot.keyClicks(window.editor.narrative.text, " words about someone else")
    window.clients.select_key(dee.id)  # the unsaved entry stays in the editor
    window.actions.forget_client.trigger()
    assert not journal.find_people("Dee")
    assert any("about someone else" in str(d) for d in journal.drafts().values())
