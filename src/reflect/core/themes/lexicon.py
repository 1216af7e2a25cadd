"""The theme lexicon: themes as readable, editable data (``resources/themes/builtin.toml``).

A lexicon holds, per theme, a label, a one-line description, weighted cues (plain phrases or regular
expressions), exclusions (trap phrases that look like cues but are not) and, per cue, an optional
*perspective*: whose feeling the cue must be (``practitioner`` or ``client``).

Phrases are forgiving: words may be separated by any run of spaces or hyphens, every word may take a
common English ending (``-s``, ``-ed``, ``-ing`` ...), and a word ending in ``*`` matches any ending.
Regexes are written in Python syntax, are matched case-insensitively and may use ``{MACRO}``
references to the ``[macros]`` table (``{THEY}``, ``{GAP}`` ...), so a pattern stays readable.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

PERSPECTIVES = ("any", "practitioner", "client")
_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_PHRASE_ENDING = r"(?:s|es|'s|d|ed|ing)?"


class LexiconError(ValueError):
    """A theme lexicon that cannot be used, with what is wrong and where."""


@dataclass(frozen=True)
class Cue:
    """One signal for a theme: a compiled-ready regex source and how much it counts."""

    pattern: str
    weight: float = 1.0
    perspective: str = "any"
    source: str = ""  # the phrase or regex as written, for people reading the lexicon


@dataclass(frozen=True)
class ThemeDef:
    id: str
    label: str
    description: str = ""
    cues: tuple[Cue, ...] = ()
    exclusions: tuple[str, ...] = ()
    threshold: float | None = None
    user_defined: bool = False


@dataclass(frozen=True)
class ThemeInfo:
    """What the UI shows about a theme."""

    id: str
    label: str
    description: str
    user_defined: bool = False


@dataclass(frozen=True)
class UserTheme:
    """A theme a practitioner adds: plain cue phrases, all counting fully."""

    id: str
    label: str
    cues: list[str] = field(default_factory=list)
    description: str = ""


@dataclass(frozen=True)
class Lexicon:
    themes: tuple[ThemeDef, ...]
    threshold: float = 1.0
    repeat_bonus: float = 0.25
    negation_window: int = 3

    def theme(self, theme_id: str) -> ThemeDef:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise KeyError(theme_id)

    def with_themes(self, extra: list[ThemeDef]) -> Lexicon:
        """A lexicon with ``extra`` added; a theme with an existing id replaces it."""
        ids = {t.id for t in extra}
        kept = tuple(t for t in self.themes if t.id not in ids)
        return Lexicon(kept + tuple(extra), self.threshold, self.repeat_bonus, self.negation_window)


def phrase_pattern(phrase: str) -> str:
    """A forgiving regex for a plain phrase ("friend request" also finds "friend-requests")."""
    words = phrase.strip().lower().split()
    if not words:
        raise LexiconError("empty cue phrase")
    parts = []
    for word in words:
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word).replace("'", "['’]") + _PHRASE_ENDING)
    return r"\b" + r"[\s\-]+".join(parts) + r"\b"


def expand_macros(pattern: str, macros: dict[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in macros:
            raise LexiconError(f"{where}: unknown macro {{{name}}}")
        return macros[name]

    # Macros may refer to earlier macros; two passes are plenty for readable data.
    return _MACRO.sub(sub, _MACRO.sub(sub, pattern))


def _check_regex(pattern: str, where: str) -> None:
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(f"{where}: bad regex: {exc}") from exc
    if compiled.groupindex:
        raise LexiconError(f"{where}: named groups are reserved for the detector")
    if compiled.match(""):
        raise LexiconError(f"{where}: pattern matches empty text")


def _cue(raw: Any, macros: dict[str, str], where: str, check: bool = True) -> Cue:
    if isinstance(raw, str):
        raw = {"phrase": raw}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: a cue is a phrase or a table with 're' or 'phrase'")
    unknown = set(raw) - {"re", "phrase", "w", "perspective", "note"}
    if unknown:
        raise LexiconError(f"{where}: unknown cue keys {sorted(unknown)}")
    if ("re" in raw) == ("phrase" in raw):
        raise LexiconError(f"{where}: give exactly one of 're' or 'phrase'")
    weight = float(raw.get("w", 1.0))
    if not 0 < weight <= 5:
        raise LexiconError(f"{where}: weight {weight} out of range (0, 5]")
    perspective = raw.get("perspective", "any")
    if perspective not in PERSPECTIVES:
        raise LexiconError(f"{where}: perspective must be one of {PERSPECTIVES}")
    if "re" in raw:
        source = str(raw["re"])
        pattern = expand_macros(source, macros, where)
    else:
        source = str(raw["phrase"])
        pattern = phrase_pattern(source)
    if check:
        _check_regex(pattern, where)
    return Cue(pattern, weight, perspective, source)


def _theme(raw: dict[str, Any], macros: dict[str, str], index: int, check: bool = True) -> ThemeDef:
    theme_id = raw.get("id")
    if not isinstance(theme_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", theme_id):
        raise LexiconError(f"theme #{index + 1}: id must be lower_snake_case, got {theme_id!r}")
    where = f"theme {theme_id!r}"
    cues = tuple(
        _cue(c, macros, f"{where} cue #{i + 1}", check)
        for i, c in enumerate(raw.get("cues", []))
    )
    if not cues:
        raise LexiconError(f"{where}: no cues")
    exclusions = []
    for i, ex in enumerate(raw.get("exclusions", [])):
        pattern = expand_macros(str(ex), macros, f"{where} exclusion #{i + 1}")
        if check:
            _check_regex(pattern, f"{where} exclusion #{i + 1}")
        exclusions.append(pattern)
    threshold = raw.get("threshold")
    return ThemeDef(
        id=theme_id,
        label=str(raw.get("label") or theme_id.replace("_", " ").capitalize()),
        description=str(raw.get("description", "")),
        cues=cues,
        exclusions=tuple(exclusions),
        threshold=float(threshold) if threshold is not None else None,
    )


def parse_lexicon(data: dict[str, Any], *, check_regexes: bool = True) -> Lexicon:
    """Validate a lexicon already read from TOML; raises :class:`LexiconError` naming the fault.
    (``check_regexes=False`` skips compiling every regex to check it: for the shipped lexicon,
    which the test suite checks, so a start that only needs its names does not pay for it.)"""
    settings = data.get("settings", {})
    macros = {k: str(v) for k, v in data.get("macros", {}).items()}
    raw_themes = data.get("theme", [])
    if not raw_themes:
        raise LexiconError("lexicon has no [[theme]] tables")
    themes = [_theme(t, macros, i, check_regexes) for i, t in enumerate(raw_themes)]
    ids = [t.id for t in themes]
    if len(set(ids)) != len(ids):
        raise LexiconError(f"duplicate theme ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    return Lexicon(
        themes=tuple(themes),
        threshold=float(settings.get("threshold", 1.0)),
        repeat_bonus=float(settings.get("repeat_bonus", 0.25)),
        negation_window=int(settings.get("negation_window", 3)),
    )


def load_lexicon(source: str | Path, *, check_regexes: bool = True) -> Lexicon:
    """Load a lexicon from TOML text or from a ``.toml`` file path."""
    text = source.read_text("utf-8") if isinstance(source, Path) else source
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"not valid TOML: {exc}") from exc
    return parse_lexicon(data, check_regexes=check_regexes)


def load_builtin() -> Lexicon:
    return load_lexicon(builtin_text(), check_regexes=False)


def builtin_text() -> str:
    return resources.files("reflect").joinpath("resources/themes/builtin.toml").read_text("utf-8")


def user_theme_def(theme: UserTheme) -> ThemeDef:
    """A practitioner's own theme as a lexicon theme: each phrase is one full-weight cue."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", theme.id):
        raise LexiconError(f"user theme id must be lower_snake_case, got {theme.id!r}")
    cues = tuple(Cue(phrase_pattern(c), 1.0, "any", c) for c in theme.cues if c.strip())
    if not cues:
        raise LexiconError(f"user theme {theme.id!r} has no cues")
    return ThemeDef(theme.id, theme.label, theme.description, cues, user_defined=True)
