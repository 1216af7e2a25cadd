"""The questions the app asks before doing something that cannot be taken back.

Each is a plain function returning the answer, so tests replace it with ``monkeypatch``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Prompts", text)


def ask_unsaved(parent: QWidget) -> str:
    """'save', 'discard' or 'cancel' for an entry with unsaved changes."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Unsaved changes"))
    box.setText(_tr("This entry has changes that are not saved yet."))
    box.setInformativeText(_tr("Do you want to save them?"))
    save = box.addButton(_tr("&Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("&Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return "save"
    if clicked is discard:
        return "discard"
    return "cancel"


def offer_drafts(parent: QWidget, count: int) -> bool:
    """True to bring back unsaved writing found after an unlock."""
    text = _tr("You have unsaved writing from last time.")
    if count > 1:
        text = QCoreApplication.translate(
            "Prompts", "You have unsaved writing from last time (%n drafts).", None, count)
    answer = QMessageBox.question(
        parent, _tr("Unsaved writing"),
        text + "\n\n" + _tr("Open it now so you can finish it? If you choose not to, "
                            "it is thrown away."),
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard,
        QMessageBox.StandardButton.Open,
    )
    return answer == QMessageBox.StandardButton.Open


def _copies_text(copies: Sequence[Path]) -> str:
    if len(copies) == 1:
        return _tr("1 copy of the journal that Reflect made (%1)").replace("%1", copies[0].name)
    return _tr("%1 copies of the journal that Reflect made (backups, and copies kept before "
               "an upgrade)").replace("%1", str(len(copies)))


def confirm_forget(
    parent: QWidget, client: str, entries: int, people: list[str], *,
    copies: Sequence[Path] = (), supervision_cases: int = 0, brief_exports: int = 0,
) -> bool:
    lines = [_tr("This permanently deletes:"), "", "• " + client]
    lines.append("• " + QCoreApplication.translate("Prompts", "%n entries about them", None,
                                                   entries))
    lines += ["• " + name for name in people]
    if supervision_cases:
        lines.append("• " + _tr("their case as presented in supervision (%1 time(s)), with the "
                                "group's questions and suggestions; the meetings stay")
                     .replace("%1", str(supervision_cases)))
    if brief_exports:
        lines.append("• " + QCoreApplication.translate(
            "Prompts", "the record of the %n briefs exported for them; the brief files stay where "
            "you saved them", None, brief_exports))
    lines += ["", _tr("Nothing of them stays in the journal, and this cannot be undone.")]
    if copies:
        lines += ["", _tr("Not reached: %1 still hold them. You will be asked next whether "
                          "to remove them.").replace("%1", _copies_text(copies))]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Forget this client"))
    box.setText(_tr("Forget %1?").replace("%1", client))
    box.setInformativeText("\n".join(lines))
    forget = box.addButton(_tr("&Forget permanently"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is forget


def offer_remove_copies(parent: QWidget, copies: Sequence[Path], *, fresh_backup: bool) -> bool:
    """After a forget: True to overwrite and delete Reflect's own copies that still hold them."""
    text = _tr("%1 still hold the client you forgot.").replace("%1", _copies_text(copies))
    text = text[:1].upper() + text[1:]
    more = (_tr("Remove them? A fresh backup of the journal as it is now is made first, "
                "so you still have one.") if fresh_backup
            else _tr("Remove them? Copies you made yourself elsewhere are not touched."))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Copies of the journal"))
    box.setText(text)
    box.setInformativeText(more + "\n\n" + "\n".join(str(p) for p in copies[:8])
                           + ("\n…" if len(copies) > 8 else ""))
    remove = box.addButton(_tr("&Remove the copies"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("&Keep them"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(remove)
    box.exec()
    return box.clickedButton() is remove


def forget_not_finished(parent: QWidget) -> None:
    QMessageBox.information(
        parent, _tr("Forget not finished yet"),
        _tr("The client's records are deleted from the journal, but another program is "
            "reading the journal file right now, so their encrypted copies in it are not yet "
            "overwritten. Reflect finishes this the next time the journal is opened."))


def confirm_delete_entry(parent: QWidget, what: str) -> bool:
    answer = QMessageBox.question(
        parent, _tr("Delete entry"),
        _tr("Delete the entry “%1”? This cannot be undone.").replace("%1", what),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.warning(parent, title, message)
