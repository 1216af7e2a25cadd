"""Find the themes in what a practitioner wrote, with the exact words that point to each.

All of an entry's free text (narrative, what went well, demands, controls, outcomes) is scanned in
one pass per theme: the fields are joined with a separator no cue can cross, and every match is
mapped back to its field and offsets there, so ``Evidence.text == field_text[start:end]``.

A theme is reported when its score reaches the threshold. The score adds up the weights of the
*distinct* cues found (a strong cue weighs 1 and is enough alone; weak cues need company), plus a
small bonus when a cue comes back in the same entry. Cues that are negated in their clause
("no boundary issues today"), that sit inside a trap phrase ("the garden boundary wall"), or that
are somebody else's feeling when the theme needs the practitioner's own, do not count.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

from reflect.core.model import Entry
from reflect.core.themes.compiler import AnchorScanner, CompiledTheme, compile_theme
from reflect.core.themes.lexicon import (
    Lexicon,
    ThemeInfo,
    UserTheme,
    load_builtin,
    user_theme_def,
)
from reflect.core.themes.negation import ClauseIndex

_SEPARATOR = "\n\x1f\n"  # a line break (ends any clause) around a character no cue matches
_MAX_REPEATS = 3


@dataclass
class Evidence:
    """An exact span of one field's text: ``text == field_text[start:end]``."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class ThemeHit:
    theme: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)


class ThemeDetector:
    """Detects the themes of a :class:`~reflect.core.themes.lexicon.Lexicon` in entries or text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._compiled: tuple[CompiledTheme, ...] = tuple(
            compile_theme(theme, i) for i, theme in enumerate(lexicon.themes)
        )
        self._scanner = AnchorScanner(self._compiled)
        # anchor -> (theme index, cue index, that cue's ``match``) for every cue to try there
        self._tries_at: dict[str, tuple[tuple[int, int, Callable], ...]] = {
            anchor: tuple((t, c, self._compiled[t].cue_regexes[c].match) for t, c in pairs)
            for anchor, pairs in self._scanner.cues_at.items()
        }

    @classmethod
    def builtin(cls) -> ThemeDetector:
        """The detector for the shipped lexicon (compiled once per process, then shared)."""
        return _builtin_detector()

    @property
    def themes(self) -> list[ThemeInfo]:
        return [
            ThemeInfo(t.id, t.label, t.description, t.user_defined) for t in self.lexicon.themes
        ]

    def with_user_themes(
        self, user_themes: Iterable[UserTheme | Mapping[str, object]]
    ) -> ThemeDetector:
        """A new detector that also finds the practitioner's own themes (the same id replaces)."""
        defs = []
        for ut in user_themes:
            if isinstance(ut, Mapping):
                ut = UserTheme(
                    id=str(ut["id"]),
                    label=str(ut.get("label") or ut["id"]),
                    cues=[str(c) for c in ut.get("cues", [])],  # type: ignore[union-attr]
                    description=str(ut.get("description", "")),
                )
            defs.append(user_theme_def(ut))
        return ThemeDetector(self.lexicon.with_themes(defs))

    def detect_text(self, text: str) -> list[ThemeHit]:
        """Themes in a single piece of text; evidence uses the field name ``"text"``."""
        return self.detect_fields([("text", text)])

    def detect_entry(self, entry: Entry) -> list[ThemeHit]:
        """Themes in every free-text field of an entry (see :meth:`Entry.texts`)."""
        return self.detect_fields(entry.texts())

    def detect_fields(self, fields: list[tuple[str, str]]) -> list[ThemeHit]:
        fields = [(name, text) for name, text in fields if text]
        if not fields:
            return []
        starts: list[int] = []
        pos = 0
        for _, text in fields:
            starts.append(pos)
            pos += len(text) + len(_SEPARATOR)
        joined = _SEPARATOR.join(text for _, text in fields)
        if "\u2019" in joined or "\u2018" in joined:  # curly apostrophes: same length
            joined = joined.replace("\u2019", "'").replace("\u2018", "'")
        scan, positions, anchors = self._scanner.scan(joined)
        found: dict[int, dict[int, list[Evidence]]] = {}  # theme index -> cue index -> spans
        clauses = ClauseIndex(scan)
        keep = self._keep
        tries_at = self._tries_at
        for pos, tries in zip(positions, map(tries_at.get, anchors), strict=True):
            for t, c, match in tries or ():
                m = match(scan, pos)
                if m is not None:
                    keep(t, c, pos, m.end(), scan, starts, fields, found, clauses)
        for t, theme in enumerate(self._compiled):
            if theme.fallback is not None:
                for m in theme.fallback.finditer(scan):
                    c = theme.fallback_cues[m.lastgroup]  # type: ignore[index]
                    keep(t, c, m.start(), m.end(), scan, starts, fields, found, clauses)
        return self._score(found, fields)

    def _keep(self, t, cue_index, start, end, scan, starts, fields, found, clauses) -> None:
        """Record one cue match unless it crosses fields, is excluded, negated or misdirected."""
        if end == start:
            return
        i = bisect_right(starts, start) - 1
        field_start = starts[i]
        name, text = fields[i]
        if end > field_start + len(text):
            return  # crossed into the next field
        compiled = self._compiled[t]
        if compiled.exclusion is not None and any(
            x.start() < end and start < x.end()
            for x in compiled.exclusion.finditer(scan, max(0, start - 50), end + 50)
        ):
            return
        if clauses.negated(start, self.lexicon.negation_window):
            return
        if not clauses.allows(start, compiled.theme.cues[cue_index].perspective):
            return
        s, e = start - field_start, end - field_start
        spans = found.setdefault(t, {}).setdefault(cue_index, [])
        if any(ev.field == name and ev.start < e and s < ev.end for ev in spans):
            return  # the same cue found again inside its own match ("the only one" / "only one")
        spans.append(Evidence(name, s, e, text[s:e]))

    def _score(self, found, fields) -> list[ThemeHit]:
        lex = self.lexicon
        order = {name: i for i, (name, _) in enumerate(fields)}
        hits = []
        for t, by_cue in found.items():
            theme = self._compiled[t].theme
            score = 0.0
            evidence: list[Evidence] = []
            for cue_index, spans in by_cue.items():
                repeats = min(len(spans), _MAX_REPEATS) - 1
                score += theme.cues[cue_index].weight * (1.0 + lex.repeat_bonus * repeats)
                evidence.extend(spans)
            threshold = theme.threshold or lex.threshold
            if score + 1e-9 >= threshold:
                evidence.sort(key=lambda ev: (order[ev.field], ev.start))
                hits.append((-score, t, ThemeHit(theme.id, round(score, 3), evidence)))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits]


@cache
def _builtin_detector() -> ThemeDetector:
    return ThemeDetector(load_builtin())
