"""The app's settings: typed, versioned, kept apart from the journal, never holding its content.

Stored as one small JSON file in the platform's config folder (``$REFLECT_CONFIG_DIR`` overrides
it), written whole: temp file, fsync, replace. Unknown or malformed values fall back to defaults,
so a hand-edited file can never stop the app from starting.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

SETTINGS_VERSION = 2  # 2: the recurrence rule (recurring_min_count of recurring_window)
LOOKS = ("system", "light", "dark")


def settings_folder() -> Path:
    env = os.environ.get("REFLECT_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_path

    return user_config_path("Reflect", appauthor=False)


@dataclass
class Settings:
    idle_lock_minutes: int = 10  # 0 = never lock on idle
    default_template: str = "quick"
    look: str = "system"  # system | light | dark
    backup_folder: str = ""  # empty: no automatic backup
    backup_keep: int = 10
    last_journal: str = ""
    window_geometry: str = ""  # base64 of QMainWindow.saveGeometry()
    splitter_state: str = ""
    # a theme recurs for a client when it is in at least this many of their last N sessions
    recurring_min_count: int = 3
    recurring_window: int = 5
    themes_geometry: str = ""  # base64 of the themes window's saveGeometry()
    self_check_monthly: int = 1  # 1: offer the self-check once a month; 0: only from the menu
    presenting_minutes: int = 10  # presenting mode's countdown: presenting, then discussion
    discussion_minutes: int = 20
    last_folder: str = ""  # where a brief was last saved or a file imported from (a folder)
    # the practice profile exported on its own: the fields last chosen (names, comma-separated;
    # empty: never chosen, all are offered) and the format
    profile_export_fields: str = ""
    profile_export_format: str = "pdf"
    version: int = SETTINGS_VERSION
    path: Path | None = field(default=None, repr=False, compare=False)

    # --- load / save ----------------------------------------------------------------------

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_folder() / "settings.json"
        settings = cls(path=path)
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if not isinstance(raw, dict):
            return settings
        for f in fields(cls):
            if f.name in ("path", "version") or f.name not in raw:
                continue
            value = raw[f.name]
            if isinstance(value, type(getattr(settings, f.name))) and not isinstance(value, bool):
                setattr(settings, f.name, value)
        settings._clamp()
        return settings

    def _clamp(self) -> None:
        self.idle_lock_minutes = max(0, min(self.idle_lock_minutes, 24 * 60))
        self.backup_keep = max(1, min(self.backup_keep, 100))
        self.recurring_window = max(1, min(self.recurring_window, 50))
        self.recurring_min_count = max(1, min(self.recurring_min_count, self.recurring_window))
        self.self_check_monthly = 1 if self.self_check_monthly else 0
        self.presenting_minutes = max(1, min(self.presenting_minutes, 120))
        self.discussion_minutes = max(1, min(self.discussion_minutes, 180))
        if self.look not in LOOKS:
            self.look = "system"
        if self.profile_export_format not in ("pdf", "md"):
            self.profile_export_format = "pdf"

    def save(self) -> None:
        if self.path is None:
            return
        self._clamp()
        data = {k: v for k, v in asdict(self).items() if k != "path"}
        data["version"] = SETTINGS_VERSION
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, indent=2, sort_keys=True)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise

    def save_quietly(self) -> bool:
        """Save, or carry on if the config folder cannot be written (the app still works)."""
        try:
            self.save()
        except OSError:
            return False
        return True

    # --- derived --------------------------------------------------------------------------

    @property
    def idle_lock_ms(self) -> int:
        return self.idle_lock_minutes * 60_000
