"""File → Import… with a preview in a practitioner's words (issue 13)."""

from __future__ import annotations

import json

from drive import unlock
from PySide6.QtWidgets import QDialog, QFileDialog

from reflect.core.model import Person, PersonKind
from reflect.ui.dialogs import import_dialog
from reflect.ui.dialogs.import_dialog import ImportDialog


def lines(*entries) -> str:
    return "\n".join(json.dumps(e) for e in entries) + "\n"


ENTRIES = [
    {"date": "2026-03-03T10:00", "client": {"name": "Ruth Abel"}, "narrative": "First.",
     "gold": {"themes": ["boundaries"]}},
    {"date": "2026-04-10T10:00", "client": {"name": "Ruth Abel"}, "narrative": "Second.",
     "gold": {"themes": []}},
    {"date": "2026-05-14T09:00", "client": {"name": "Sam Reyes"}, "narrative": "Third.",
     "mood": "ok"},
    {"date": "2026-05-20T09:00", "narrative": "On the work in general."},
]


def test_the_preview_says_what_the_file_adds(qtbot, journal, tmp_path):
    journal.save_person(Person(name="Sam Reyes", kind=PersonKind.CLIENT))
    path = tmp_path / "export.jsonl"
    path.write_text(lines(*ENTRIES))
    dialog = ImportDialog(journal, path)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "4 entries about 2 clients (1 new to this journal)" in text
    assert "1 of them a general reflection" in text
    assert "from 3 March 2026 to 20 May 2026" in text
    extra = dialog.extra.text()
    assert extra == ("Some lines had extra information Reflect doesn't use (gold, mood); "
                     "it will be left out.")
    assert "line 1" not in extra and "key" not in extra
    assert journal.summaries() == []  # nothing is written by looking

    dialog.import_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(journal.summaries()) == 4
    assert sorted(p.name for p in journal.clients()) == ["Ruth Abel", "Sam Reyes"]


def test_one_entry_reads_in_the_singular(qtbot, journal, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(lines(ENTRIES[3]))
    dialog = ImportDialog(journal, path)
    qtbot.addWidget(dialog)
    assert dialog.summary.text().startswith(
        "This will add 1 entry, a general reflection, written on 20 May 2026.")
    assert not dialog.extra.isVisibleTo(dialog)


def test_a_bad_line_is_named_and_nothing_is_imported(qtbot, journal, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(lines(ENTRIES[0]) + "{not json\n")
    dialog = ImportDialog(journal, path)
    qtbot.addWidget(dialog)
    assert "line 2" in dialog.summary.text() and "Nothing can be imported" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert journal.summaries() == []


def test_file_import_from_the_menu(qtbot, make_session, journal_path, journal, tmp_path,
                                   monkeypatch):
    journal.close()
    path = tmp_path / "export.jsonl"
    path.write_text(lines(*ENTRIES))
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    asked = {}

    def choose(parent, caption, folder, filters):
        asked["folder"] = folder
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    shown = []
    monkeypatch.setattr(import_dialog.ImportDialog, "exec",
                        lambda self: (shown.append(self.summary.text()),
                                      self.import_button.click(), self.result())[-1])
    window.actions.import_file.trigger()
    assert shown and "4 entries" in shown[0]
    assert window.entry_model.rowCount() == 4  # the lists follow at once
    assert "Imported 4 entries." in window.statusBar().currentMessage()
    assert session.settings.last_folder == str(tmp_path) if hasattr(session, "settings") else True
