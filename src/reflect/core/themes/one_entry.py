"""One entry's themes as the editor's chips show them, with the detector kept once built.

Compiling the built-in themes plus the practitioner's own takes about a second the first time in a
process, so the editor calls ``detect`` off the UI thread. The journal is read on the UI thread (its
database connection lives there): the entry and the user themes are handed to the worker as plain
data, and the detector for those user themes is kept until they change. ``forget()`` drops it on
lock, so no user cue phrase stays in memory after the journal is closed.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

from reflect.core.model import Entry
from reflect.core.themes import ThemeDetector, ThemeInfo, analysis
from reflect.core.themes.analysis import EntryTheme, analyse_entry

_lock = threading.Lock()
_cached: tuple[str, ThemeDetector] | None = None  # (user themes' fingerprint, detector)


def fingerprint(user_themes: list[dict]) -> str:
    return json.dumps(user_themes, sort_keys=True, ensure_ascii=False)


def detector_with(user_themes: list[dict]) -> ThemeDetector:
    """Built-ins plus these user themes; the same themes reuse the detector built last time."""
    global _cached
    key = fingerprint(user_themes)
    with _lock:
        if _cached is not None and _cached[0] == key:
            return _cached[1]
    detector = analysis.detector_with(user_themes)
    with _lock:
        _cached = (key, detector)
    return detector


def forget() -> None:
    """Drop the detector holding the practitioner's own cue phrases (on lock)."""
    global _cached
    with _lock:
        _cached = None


@dataclass
class Detected:
    themes: list[EntryTheme]  # what the entry shows, decisions applied
    catalogue: list[ThemeInfo]  # every theme one can add by hand


def detect(entry: Entry, user_themes: list[dict]) -> Detected:
    """The entry's themes (its decisions applied) and every theme one can add by hand."""
    detector = detector_with(user_themes)
    return Detected(analyse_entry(entry, detector), detector.themes)
