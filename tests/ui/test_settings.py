"""Settings: typed, versioned, round-trip, and never stop the app when the file is odd."""

from __future__ import annotations

import json

from reflect.settings import SETTINGS_VERSION, Settings


def test_round_trip(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings.load(path)
    assert s.idle_lock_minutes == 10 and s.look == "system"
    s.idle_lock_minutes, s.look, s.backup_folder, s.backup_keep = 3, "dark", "/b", 4
    s.save()
    again = Settings.load(path)
    assert (again.idle_lock_minutes, again.look, again.backup_folder, again.backup_keep) == (
        3, "dark", "/b", 4)
    assert json.loads(path.read_text())["version"] == SETTINGS_VERSION
    assert path.stat().st_mode & 0o077 == 0


def test_bad_values_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"idle_lock_minutes": "soon", "look": "purple", "backup_keep": -3}))
    s = Settings.load(path)
    assert (s.idle_lock_minutes, s.look, s.backup_keep) == (10, "system", 1)
    path.write_text("{not json")
    assert Settings.load(path).idle_lock_minutes == 10
