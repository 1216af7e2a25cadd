"""The practice profile dialog and the Journal menu's way into the brief wizard."""

from __future__ import annotations

from drive import unlock
from PySide6.QtWidgets import QLineEdit, QMessageBox

from reflect.core.brief import build_brief, render
from reflect.core.journal import Journal
from reflect.ui.dialogs.profile import ProfileDialog
from reflect.ui.shell import commands as workspace_commands
from tests.conftest import PASSPHRASE


def test_profile_is_saved_encrypted_and_reaches_the_brief(qtbot, sample_journal, journal_path):
    dialog = ProfileDialog(sample_journal)
    qtbot.addWidget(dialog)
    profession = dialog.fields["profession"]
    assert isinstance(profession, QLineEdit)
    qtbot.keyClicks(profession, "Counsellor")
    qtbot.keyClicks(dialog.fields["setting"], "private practice")
    dialog.years.setValue(9)
    dialog.accept()
    sample_journal.close()
    assert b"private practice" not in journal_path.read_bytes()
    with Journal.open(journal_path, PASSPHRASE) as j:
        assert j.profile().profession == "Counsellor" and j.profile().years_in_practice == 9
        md = render(build_brief(j, j.find_people("Dee")[0]))
    assert "**Practitioner:** Counsellor, private practice" in md
    assert "**Years in practice:** 9" in md


def test_brief_menu_opens_the_wizard_for_the_selected_client(qtbot, make_session, sample_journal,
                                                              monkeypatch):
    dee = sample_journal.find_people("Dee")[0]
    sample_journal.close()
    session = make_session(sample_journal.path)
    unlock(qtbot, session)
    window = session.window
    window.clients.select_key(dee.id)
    opened = []

    class FakeWizard:
        def __init__(self, journal, parent, client_id, settings=None, theme_counts=None,
                     events=None):
            opened.append((journal is session.journal, parent is window, client_id))
            # the brief counts themes from the analysis the window already holds
            assert theme_counts == window.theme_counts
            assert events is window.events  # each export recorded is announced there

        def exec(self):
            return 0

    monkeypatch.setattr(workspace_commands, "BriefWizard", FakeWizard)
    window.actions.brief.trigger()
    assert opened == [(True, True, dee.id)]
    assert window.actions.brief.shortcut().toString() == "Ctrl+Shift+B"


def test_brief_menu_with_no_clients_explains(qtbot, make_session, journal, monkeypatch):
    journal.close()
    session = make_session(journal.path)
    unlock(qtbot, session)
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[1]))
    session.window.actions.brief.trigger()
    assert said == ["No clients yet"]
