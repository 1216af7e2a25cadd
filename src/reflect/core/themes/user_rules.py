"""The rules behind the user-themes dialog, with no widgets: ids from names, clashes, "try it".

A theme's id is derived from its name once, when it is created (``slug("Long drives")`` ->
``long_drives``), and kept when the theme is renamed, so the decisions already stored on entries
keep pointing at it. A name whose id would be a built-in theme's is refused: overriding a built-in
is not something to do by accident.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from reflect.core.themes.detector import Evidence, ThemeDetector
from reflect.core.themes.lexicon import (
    Lexicon,
    LexiconError,
    UserTheme,
    load_builtin,
    user_theme_def,
)

BUILTIN = "builtin"
TAKEN = "taken"
NO_NAME = "no_name"
NO_CUES = "no_cues"


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    key = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return f"my_{key}" if key[:1].isdigit() else key  # an id starts with a letter


def cue_lines(text: str) -> list[str]:
    """One cue phrase per line; blank lines and repeats dropped."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


@cache
def _builtin() -> Lexicon:
    return load_builtin()


def builtin_labels() -> dict[str, str]:
    return {t.id: t.label for t in _builtin().themes}


def user_theme_problem(name: str, cues: list[str], editing: str | None, user_ids: set[str]) -> str | None:
    """Why this theme cannot be saved, as a code, or None. ``editing`` is the id being edited."""
    key = slug(name)
    if not key:
        return NO_NAME
    if key in builtin_labels() or (editing and editing in builtin_labels()):
        return BUILTIN
    if editing is None and key in user_ids:
        return TAKEN
    if not cues:
        return NO_CUES
    return None


def user_theme_dict(name: str, description: str, cues: list[str], editing: str | None) -> dict:
    return {
        "id": editing or slug(name),
        "label": name.strip(),
        "description": description.strip(),
        "cues": cues,
    }


def try_theme(name: str, cues: list[str], text: str) -> list[Evidence] | None:
    """The words in ``text`` that trigger a theme with these cues (the same negation rules as
    detection), or None when it is not triggered."""
    if not cues or not text.strip():
        return None
    builtin = _builtin()
    try:
        theme = user_theme_def(UserTheme(slug(name) or "try", name or "try", cues))
    except LexiconError:
        return None
    lexicon = Lexicon((theme,), builtin.threshold, builtin.repeat_bonus, builtin.negation_window)
    hits = ThemeDetector(lexicon).detect_text(text)
    return hits[0].evidence if hits else None
