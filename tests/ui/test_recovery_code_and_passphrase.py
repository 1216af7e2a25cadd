"""The recovery code leaves the clipboard after Copy; changing the passphrase re-encrypts the
journal and shows the new recovery code once."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from reflect.core.journal import Journal
from reflect.ui.lock.welcome import RecoveryCodePage

CODE = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A"


def _copy_button(page):
    return next(b for b in page.findChildren(type(page.continue_button)) if "opy" in b.text())


def test_the_code_leaves_the_clipboard_when_the_page_is_done(qtbot):
    page = RecoveryCodePage()
    qtbot.addWidget(page)
    page.show()
    page.show_code(CODE)
    _copy_button(page).click()
    assert QGuiApplication.clipboard().text() == CODE
    page.kept.setChecked(True)
    page.continue_button.click()
    assert QGuiApplication.clipboard().text() == ""


def test_the_code_leaves_the_clipboard_after_a_short_time_unless_replaced(qtbot):
    page = RecoveryCodePage()
    qtbot.addWidget(page)
    page.show()
    page.show_code(CODE)
    page._clipboard_timer.setInterval(50)
    _copy_button(page).click()
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == "", timeout=10_000)
    _copy_button(page).click()
    QGuiApplication.clipboard().setText("something the user copied since")
    page.hide()
    assert QGuiApplication.clipboard().text() == "something the user copied since"


def test_change_passphrase_reencrypts_and_shows_the_new_recovery_code(qtbot, journal, journal_path):
    from reflect.ui.lock.passphrase_dialog import ChangePassphraseDialog

    dialog = ChangePassphraseDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.first.setText("a new long passphrase")
    dialog.form.second.setText("a new long passphrase")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.recovery_page, timeout=10_000)
    code = dialog.recovery_page.code.text()
    dialog.reject()  # Esc: the code must be kept first
    assert dialog.isVisible()
    dialog.recovery_page.kept.setChecked(True)
    dialog.recovery_page.continue_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    journal.close()
    Journal.open(journal_path, "a new long passphrase").close()
    Journal.open(journal_path, recovery_code=code).close()
