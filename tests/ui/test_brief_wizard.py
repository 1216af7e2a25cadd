"""The case-brief wizard on the sample journal: choose, review, export — and the gate, through
the GUI. Assertions are on what the practitioner sees and on what is on disk."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QWizard

from reflect.ui import workers
from reflect.ui.brief.marker import to_utf16
from reflect.ui.brief.models import RedactionTableModel, SessionListModel
from reflect.ui.brief.preview import UNCERTAIN_BELOW
from reflect.ui.brief.wizard import CASE, EXPORT, REVIEW, BriefWizard

QUESTION = "How do I hold the line when Dee messages me late at night?"


def names_of(journal, client) -> set[str]:
    """Every name, other name and name part of the client and their people."""
    out: set[str] = set()
    for p in [client, *journal.linked_people(client.id)]:
        for n in p.all_names():
            out.add(n)
            out.update(part for part in re.split(r"[\s-]+", n) if len(part) >= 3)
    return out


def leaked(text: str, names: set[str]) -> list[str]:
    return [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.IGNORECASE)]


def output_text(path, fmt: str) -> str:
    if fmt != "pdf":
        return path.read_text(encoding="utf-8")
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)


def open_wizard(qtbot, journal, client) -> BriefWizard:
    wizard = BriefWizard(journal, None, client.id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_review(qtbot, wizard: BriefWizard, last: int = 3, question: str = QUESTION) -> None:
    page = wizard.case_page
    page.last.setValue(last)
    qtbot.keyClicks(page.question, question)
    wizard.next()
    assert wizard.currentId() == REVIEW


def select_row(page, predicate) -> int:
    row = next(i for i, (k, s) in enumerate(page.model.rows) if predicate(k, s))
    page.table.selectRow(row)
    return row


def mark_in_passage(page, key: str, words: str) -> None:
    """Select ``words`` in the passage view (as a user would) and press Mark."""
    marker = page.marker
    marker.passage.setCurrentIndex(marker.passage.findData(key))
    original = page.state.draft.passages[key].original
    start = original.index(words)
    cursor = marker.text.textCursor()
    cursor.setPosition(to_utf16(original, start))
    cursor.setPosition(to_utf16(original, start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    marker.text.setTextCursor(cursor)
    assert marker.mark_button.isEnabled()
    marker.mark_button.click()


def export(qtbot, wizard: BriefWizard, monkeypatch, target) -> None:
    page = wizard.review_page
    page.reviewed.setChecked(True)
    wizard.next()
    assert wizard.currentId() == EXPORT
    export_page = wizard.export_page
    fmt = target.suffix.lstrip(".")
    next(b for b in export_page.formats.buttons() if b.property("fmt") == fmt).setChecked(True)
    asked = {}

    def fake_save(parent, caption, default, filters):
        asked["default"] = default
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_save)
    export_page.save_button.click()
    qtbot.waitUntil(lambda: not workers.busy(), timeout=20_000)
    assert asked["default"].endswith(f"case-brief-group.{fmt}")  # no client name in it


def test_models_pass_qtmodeltester(qtmodeltester, sample_journal):
    dee = sample_journal.find_people("Dee")[0]
    sessions = SessionListModel()
    sessions.set_rows(sample_journal.summaries(dee.id))
    qtmodeltester.check(sessions, force_py=True)
    sessions.check_newest(3)
    assert len(sessions.checked_ids()) == 3
    from reflect.core.brief import build_brief

    redactions = RedactionTableModel()
    redactions.set_rows(build_brief(sample_journal, dee).all_redactions())
    qtmodeltester.check(redactions, force_py=True)
    assert redactions.rowCount() > 10


@pytest.mark.parametrize("fmt", ["md", "html", "pdf"])
def test_walk_review_and_export(qtbot, sample_journal, tmp_path, monkeypatch, fmt):
    dee = sample_journal.find_people("Dee")[0]
    wizard = open_wizard(qtbot, sample_journal, dee)
    assert wizard.case_page.client_id() == dee.id
    to_review(qtbot, wizard)
    page = wizard.review_page
    assert len(page.state.draft.sessions) == 3
    rows = page.model.rows
    assert rows and [s.confidence for _k, s in rows] == sorted(s.confidence for _k, s in rows)
    assert page.count.text().startswith(f"{len(rows)} redactions, 0 to check")
    shown = page.preview.shown_html
    assert shown.count("<span title=") == len(rows)  # every redaction highlighted
    assert "\ue000" not in shown and "\ue002" not in shown
    assert "Review" not in page.preview.toPlainText()  # the preview is the brief, nothing else
    assert "The client" in page.preview.toPlainText()

    # keep a non-person redaction as written: the original words come back in the preview
    select_row(page, lambda k, s: s.kind == "organisation")
    assert "Tallis Freight" not in page.preview.toPlainText()
    page.keep_button.click()
    assert "Tallis Freight" in page.preview.toPlainText()
    assert page.model.rowCount() == len(rows) - 1

    # mark more text: select it in the passage as written, mark it, and it is gone
    mark_in_passage(page, "s1.narrative", "her car's in the garage")
    assert "in the garage" not in page.preview.toPlainText()
    assert "[detail removed]" in page.preview.toPlainText()
    assert page.model.rowCount() == len(rows)
    current = page.model.rows[page.table.currentIndex().row()][1]
    assert current.kind == "manual" and current.original == "her car's in the garage"

    # undo brings the words back; mark them again
    assert page.undo_button.isEnabled()
    page.undo_button.click()
    assert "in the garage" in page.preview.toPlainText()
    mark_in_passage(page, "s1.narrative", "her car's in the garage")
    assert "in the garage" not in page.preview.toPlainText()

    # the review gate: Next is closed until the practitioner says they have reviewed
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    target = tmp_path / f"brief.{fmt}"
    export(qtbot, wizard, monkeypatch, target)
    assert target.exists(), wizard.export_page.result.text()
    assert str(target) in wizard.export_page.result.text()
    assert wizard.export_page.open_folder.isVisible()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    text = output_text(target, fmt)
    assert "the client" in text.lower() and "Tallis Freight" in text
    assert "in the garage" not in text
    assert leaked(text, names_of(sample_journal, dee)) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []

    wizard.accept()
    assert wizard.review_state is None and page.preview.toPlainText() == ""


def test_the_gate_refuses_through_the_gui(qtbot, sample_journal, tmp_path, monkeypatch):
    dee = sample_journal.find_people("Dee")[0]
    wizard = open_wizard(qtbot, sample_journal, dee)
    to_review(qtbot, wizard)
    page = wizard.review_page
    select_row(page, lambda k, s: s.kind == "known_person" and k == "s1.narrative")
    assert "journal knows" in page.note.text()  # warned before keeping it
    page.keep_button.click()
    assert "still showing" in page.count.text()  # the early warning
    assert 'background-color:#ff9b8f' in page.preview.shown_html
    out = tmp_path / "out"
    out.mkdir()
    target = out / "leaky.md"
    export(qtbot, wizard, monkeypatch, target)
    assert wizard.currentId() == REVIEW  # sent back to the review
    assert page.problem.isVisible()
    message = page.problem.text()
    assert "not written" in message and "the client" in message and "line" in message
    assert "Dee" not in message
    assert not page.reviewed.isChecked()
    assert not target.exists() and list(out.iterdir()) == []
    assert page.marker.current_key() == "s1.narrative"

    # undo the keep, review again, and now it is written
    page.undo_button.click()
    assert not page.problem.isVisible() and "still showing" not in page.count.text()
    export(qtbot, wizard, monkeypatch, target)
    assert target.exists()
    assert leaked(target.read_text(), names_of(sample_journal, dee)) == []


def test_uncertain_redactions_come_first_and_are_marked(qtbot, sample_journal):
    toby = sample_journal.find_people("Toby")[0]
    wizard = open_wizard(qtbot, sample_journal, toby)
    to_review(qtbot, wizard, last=0, question="Am I too close to this client?")
    page = wizard.review_page
    flags = [s.confidence < UNCERTAIN_BELOW for _k, s in page.model.rows]
    n = sum(flags)
    assert n >= 1 and flags[:n] == [True] * n
    assert page.model.index(0, 0).data() == "To check"
    assert page.model.index(n, 0).data() == ""
    assert f", {n} to check" in page.count.text()


def test_no_question_warns_once_then_goes_on(qtbot, sample_journal):
    dee = sample_journal.find_people("Dee")[0]
    wizard = open_wizard(qtbot, sample_journal, dee)
    wizard.next()
    assert wizard.currentId() == CASE
    assert wizard.case_page.question_hint.isVisible()
    wizard.next()
    assert wizard.currentId() == REVIEW
    assert len(wizard.review_state.draft.sessions) == len(sample_journal.summaries(dee.id))


def test_no_sessions_chosen_keeps_next_closed(qtbot, sample_journal):
    dee = sample_journal.find_people("Dee")[0]
    wizard = open_wizard(qtbot, sample_journal, dee)
    model = wizard.case_page.sessions_model
    for row in range(model.rowCount()):
        model.setData(model.index(row), 0, 10)  # Qt.CheckStateRole, unchecked
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "0 of" in wizard.case_page.sessions_hint.text()


def test_review_by_keyboard_alone(qtbot, sample_journal):
    from PySide6.QtCore import Qt

    dee = sample_journal.find_people("Dee")[0]
    wizard = open_wizard(qtbot, sample_journal, dee)
    to_review(qtbot, wizard)
    page = wizard.review_page
    n = page.model.rowCount()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)  # shortcuts reach the active window only
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    key, span = page.model.rows[1]
    assert page.marker.current_key() == key  # the passage view follows the row
    qtbot.keyClick(page.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # keep
    assert page.model.rowCount() == n - 1
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    qtbot.waitUntil(lambda: page.model.rowCount() == n)  # a button's shortcut animates a click
    # select words in the passage view with the keyboard, and mark them
    page.marker.text.setFocus()
    page.marker.text.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(page.marker.text, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert page.marker.mark_button.isEnabled()
    qtbot.keyClick(page.reviewed, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(page.reviewed.isChecked)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_brief_includes_only_the_profile_fields_ticked(qtbot, sample_journal):
    from reflect.core.brief import render
    from reflect.core.model import Profile

    sample_journal.save_profile(Profile(profession="counsellor", setting="private practice",
                                        years_in_practice=9,
                                        current_supervision="monthly peer group"))
    client = sample_journal.find_people("Deanna Whitcombe")[0]
    wizard = open_wizard(qtbot, sample_journal, client)
    boxes = wizard.case_page.profile.boxes
    assert list(boxes) == ["profession", "setting", "years_in_practice", "current_supervision"]
    assert [b.isChecked() for b in boxes.values()] == [True, True, True, False]
    boxes["years_in_practice"].setChecked(False)
    boxes["current_supervision"].setChecked(True)
    to_review(qtbot, wizard)
    text = render(wizard.review_state.draft)
    assert "**Practitioner:** counsellor, private practice" in text
    assert "**Current supervision:** monthly peer group" in text
    assert "Years in practice" not in text
