"""When something goes wrong: tell the practitioner calmly, and record only where it happened.

A crash report names the exception's type and the code it passed through (file, line, function)
and nothing else: never the exception's message or any variable, which could hold journal text.
Drafts are autosaved encrypted, so the writing itself is offered back at the next unlock.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

from reflect.core.diagnostics import describe


def crash_log_path() -> Path:
    from platformdirs import user_log_path

    return user_log_path("Reflect", appauthor=False) / "crash.log"


def record(exc_type, tb, path: Path | None = None) -> Path:
    path = path or crash_log_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as out:
        out.write(f"--- {datetime.now():%Y-%m-%d %H:%M:%S}\n{describe(exc_type, tb)}\n")
    return path


def install() -> None:
    """Replace the default hook, which would print the exception's message to the terminal."""

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            where = record(exc_type, tb)
        except OSError:
            where = None
        sys.stderr.write("Reflect met an unexpected problem:\n" + describe(exc_type, tb) + "\n")
        _tell_the_user(where)

    sys.excepthook = hook


def _tell_the_user(where: Path | None) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None:
        return
    text = app.translate(
        "crash",
        "Something went wrong inside Reflect. What you were writing is autosaved and "
        "encrypted; it will be offered back when you next unlock.",
    )
    if where is not None:
        text += "\n\n" + app.translate("crash", "A note of where it happened (with none of your "
                                       "writing in it) was saved to:") + f"\n{where}"
    QMessageBox.warning(None, app.translate("crash", "Something went wrong"), text)
