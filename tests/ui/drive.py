"""Driving the app like a practitioner: unlock, type where the focus is, read the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

PASSPHRASE = "test passphrase 1"  # the same as tests/conftest.py


def unlock(qtbot, session, passphrase: str = PASSPHRASE) -> None:
    page = session.gate.unlock_page
    page.field.setText(passphrase)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: session.window is not None and session.window.isVisible(),
                    timeout=10_000)


def accept_draft_offers(monkeypatch) -> list[int]:
    """Answer "restore the unsaved writing?" with yes; the list gets how many drafts each offer
    held."""
    from reflect.ui.dialogs import prompts

    offered: list[int] = []
    monkeypatch.setattr(prompts, "offer_drafts", lambda parent, n: offered.append(n) or True)
    return offered


def type_in_focus(qtbot, window, text: str):
    """Type where the keyboard focus is (offscreen, the window may not be active yet: then its
    focus widget, which gets the keys once it is)."""
    widget = QApplication.focusWidget() or window.focusWidget()
    assert widget is not None, "nothing has keyboard focus"
    qtbot.keyClicks(widget, text)
    return widget


def visible_texts(root) -> str:
    """Every piece of text a user could read in ``root`` and its visible children."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
    )

    out = []
    for cls, get in ((QLabel, QLabel.text), (QLineEdit, QLineEdit.text),
                     (QTextEdit, QTextEdit.toPlainText),
                     (QPlainTextEdit, QPlainTextEdit.toPlainText),
                     (QAbstractButton, QAbstractButton.text),
                     (QComboBox, QComboBox.currentText)):
        for widget in root.findChildren(cls):
            out.append(get(widget))
    return "\n".join(out)
