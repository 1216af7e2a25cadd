"""Where things live by default: the user's journal, for the GUI and the CLI alike."""

from __future__ import annotations

import os
from pathlib import Path


def default_journal_path() -> Path:
    """``$REFLECT_JOURNAL`` if set, else ``journal.reflect`` in the platform's app-data folder."""
    env = os.environ.get("REFLECT_JOURNAL")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Reflect", appauthor=False) / "journal.reflect"
