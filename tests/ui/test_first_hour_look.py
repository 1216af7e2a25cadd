"""The first screens and the look (issue 13): show passphrase, one Alt key per button on the
recovery page, the themes window fits a small screen and Esc closes it, tick boxes that show."""

from __future__ import annotations

from drive import unlock
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from reflect.ui.widgets.look import apply_look


def test_show_passphrase_on_the_welcome_and_unlock_pages(qtbot, make_session, journal_path):
    session = make_session(journal_path)
    form = session.gate.welcome_page.form
    assert form.first.echoMode() == QLineEdit.EchoMode.Password
    form.reveal.setChecked(True)
    assert form.first.echoMode() == form.second.echoMode() == QLineEdit.EchoMode.Normal
    form.clear()
    assert form.first.echoMode() == QLineEdit.EchoMode.Password

    page = session.gate.unlock_page
    page.reveal.setChecked(True)
    assert page.field.echoMode() == QLineEdit.EchoMode.Normal
    page.reset()  # each lock hides it again
    assert not page.reveal.isChecked() and page.field.echoMode() == QLineEdit.EchoMode.Password


def test_the_recovery_code_page_has_one_alt_key_per_button(qtbot, make_session, journal_path):
    session = make_session(journal_path)
    page = session.gate.recovery_page
    keys = [b.text().split("&")[1][0].lower() for b in page.findChildren(QPushButton)
            if "&" in b.text()]
    keys.append(page.kept.text().split("&")[1][0].lower())
    assert len(keys) == len(set(keys)), keys


def test_the_themes_window_fits_a_laptop_screen_and_esc_closes_it(qtbot, make_session,
                                                                 journal_path, journal):
    journal.close()
    session = make_session(journal_path)
    unlock(qtbot, session)
    window = session.window
    window.show_themes()
    themes = window.themes_window
    room = themes.screen().availableGeometry()
    assert themes.height() <= max(room.height() - 40, 0) or themes.height() <= 880
    assert themes.windowTitle() == "Themes"  # Qt adds " — Reflect"
    assert window.windowTitle().startswith("journal") and "Reflect" not in window.windowTitle()
    qtbot.keyClick(themes, Qt.Key.Key_Escape)
    assert not themes.isVisible()


def test_tick_boxes_are_drawn_visibly_in_the_dark_look(qapp):
    apply_look(qapp, "dark")
    try:
        sheet = qapp.styleSheet()
        assert "QCheckBox::indicator" in sheet and "QRadioButton::indicator" in sheet
        assert "#8d949a" in sheet  # a light edge on the dark base
    finally:
        apply_look(qapp, "light")
