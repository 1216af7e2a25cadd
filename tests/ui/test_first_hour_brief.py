"""The brief wizard's save dialog opens somewhere sensible (issue 13)."""

from __future__ import annotations

from types import SimpleNamespace

from reflect.ui.widgets.folders import remember_folder, start_folder


def test_the_save_dialog_opens_in_the_last_folder_else_documents_else_home(tmp_path,
                                                                          monkeypatch):
    from PySide6.QtCore import QStandardPaths

    documents = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    saved = []
    settings = SimpleNamespace(last_folder="", save_quietly=lambda: saved.append(True))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert start_folder(settings) == tmp_path  # no Documents folder: home, not the cwd's guess
    documents.mkdir()
    assert start_folder(settings) == documents
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    remember_folder(settings, briefs)
    assert settings.last_folder == str(briefs) and saved
    assert start_folder(settings) == briefs
    briefs.rmdir()  # a folder that is gone is not offered
    assert start_folder(settings) == documents


# --- wording: plural forms --------------------------------------------------------------------


def test_every_numerus_string_has_its_english_forms():
    """The compiled English plural forms cover every "%n" string in the sources (the build
    tool refuses a string without a singular, and --check says whether the files are current)."""
    import subprocess
    import sys
    from pathlib import Path

    tool = Path(__file__).resolve().parents[2] / "tools" / "english_plurals.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_plural_forms_read_right(qtbot, make_session, journal_path, journal):
    from datetime import datetime

    from drive import unlock
    from PySide6.QtCore import QCoreApplication

    from reflect.core.model import Entry

    assert QCoreApplication.translate("MainWindow", "%n entries", "", 1) == "1 entry"
    assert QCoreApplication.translate("MainWindow", "%n entries", "", 2) == "2 entries"
    assert QCoreApplication.translate("ReviewPage", "%n redactions", "", 1) == "1 redaction"
    journal.save_entry(Entry(date=datetime(2026, 3, 1, 10), narrative="One."))
    journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    assert session.window.count_label.text() == "1 entry"
