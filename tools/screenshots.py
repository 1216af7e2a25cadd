"""Take the README's screenshots from the real app, on a virtual display.

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 .venv/bin/python tools/screenshots.py docs --look light --tag 1366

Creates a throwaway journal (in a temporary folder, cheap key derivation), imports the sample
journal (data/journals/sample-journal.jsonl), and grabs the whole screen at each step: the
welcome, the main window with an entry, the quick note with a new client being added, a
``theme:`` search, the themes window, the brief review, and the lock screen.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from shots import Shots

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--look", default="light", choices=("light", "dark"))
    parser.add_argument("--tag", default="", help="added to each file name, e.g. 1366")
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    cam = Shots(args.out, args.look, only=args.only,
                suffix=f"-{args.look}" + (f"-{args.tag}" if args.tag else ""))
    settle, shot, settings = cam.settle, cam.shot, cam.settings
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    session = cam.start(welcome_shot="welcome")
    window = session.window

    from reflect.core.changes import ENTRIES, PEOPLE, changes
    from reflect.core.interchange import import_lines, split_lines

    data = (ROOT / "data" / "journals" / "sample-journal.jsonl").read_bytes()
    report = import_lines(window.journal, split_lines(data))
    window.events.announce(changes(ENTRIES, PEOPLE, entries=report.entry_ids), None)  # as File → Import
    total = len(window.journal.summaries())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
            window.themes.result is None or window.themes.busy
            or len(window.themes.result.entries) < total // 2):
        settle(0.3)
    # an entry with demands and controls, in the editor
    entry = next(e for e in reversed(window.journal.entries()) if e.demands and e.controls)
    window.show_entry(entry.id)
    shot("main")

    # the themes window, on the whole sample journal (before the quick note below adds a client)
    window.show_themes()
    themes = window.themes_window
    deadline = time.monotonic() + 120  # until the analysis has finished
    while time.monotonic() < deadline and (window.themes.busy or themes.progress.isVisible()):
        settle(0.3)
    settle(1.0)
    shot("themes", themes)
    window.themes_window.close()

    # a new quick note: the prompts one field each, a new client offered
    window.clients.select_key("__all__")
    window.actions.new_entry.trigger()
    editor = window.editor
    editor.session.client.setEditText("Ada Quinn")
    editor.narrative.fields.fields[0].setPlainText(
        "She arrived early and talked about her sister's wedding before we started.")
    editor.narrative.fields.fields[1].setFocus()
    shot("quick-note")
    editor.session.add_client_button.click()
    editor.save()

    window.search.setText("theme:boundaries")
    shot("search")
    window.search.clear()


    from PySide6.QtWidgets import QWizard

    from reflect.ui.brief.wizard import BriefWizard

    client = max(window.journal.clients(), key=lambda c: len(window.journal.summaries(c.id)))
    wizard = BriefWizard(window.journal, window, client.id, settings)
    wizard.setWindowState(Qt.WindowState.WindowMaximized)
    wizard.show()
    settle(0.5)
    wizard.case_page.question.setPlainText(
        "How do I keep the boundary around messages between sessions without losing her trust?")
    wizard.next()
    settle(1.0)
    shot("brief-review")
    wizard.button(QWizard.WizardButton.CancelButton).click()

    window.actions.lock.trigger()
    settle(0.5)
    shot("unlock")
    QApplication.closeAllWindows()
    return 0


if __name__ == "__main__":
    sys.exit(main())
