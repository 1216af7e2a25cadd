"""Forgetting a client, from the menu or the client dialog: ask, forget, then what forget
does not reach by itself (Reflect's own copies; a file another program is reading)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflect.core.journal import ForgetSummary, Journal
from reflect.ui.dialogs import prompts


def confirm(parent: QWidget, journal: Journal, client_id: str, backup_folder: str) -> ForgetSummary | None:
    """What forgetting would remove, if the practitioner confirms; None if not."""
    summary = journal.describe_forget(client_id, [backup_folder] if backup_folder else [])
    if not prompts.confirm_forget(parent, summary.client, summary.entries, summary.people,
                                  copies=summary.copies,
                                  supervision_cases=summary.supervision_cases,
                                  brief_exports=summary.brief_exports):
        return None
    return summary


def finish(parent: QWidget, journal: Journal, asked: ForgetSummary, done: ForgetSummary,
           backup_folder: str) -> None:
    """After the forget: offer to remove the copies named when asking; say if the file
    could not be overwritten yet."""
    copies = [p for p in asked.copies if p.exists()]
    if copies and prompts.offer_remove_copies(parent, copies, fresh_backup=bool(backup_folder)):
        try:
            journal.remove_copies(copies, fresh_backup_in=backup_folder or None)
        except OSError as exc:
            prompts.show_error(parent, parent.tr("Copies of the journal"),
                               parent.tr("Some copies could not be removed: %1")
                               .replace("%1", exc.strerror or str(type(exc).__name__)))
    if not done.complete:
        prompts.forget_not_finished(parent)
