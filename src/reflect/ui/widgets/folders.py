"""Where a file dialog opens: the last folder the practitioner used, else Documents, else the
home folder — never wherever the app happened to be started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def start_folder(settings) -> Path:
    last = Path(getattr(settings, "last_folder", "") or "")
    if str(last) not in ("", ".") and last.is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(settings, folder: Path) -> None:
    """The next file dialog opens here (kept in the settings: a folder, never journal content)."""
    if settings is not None and hasattr(settings, "last_folder"):
        settings.last_folder = str(folder)
        settings.save_quietly()
