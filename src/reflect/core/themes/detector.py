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

import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache

from reflect.core.bulk import settle_long_lived
from reflect.core.model import Entry
from reflect.core.themes.compiler import AnchorScanner, CompiledTheme, compile_theme
from reflect.core.themes.headings import without_headings
from reflect.core.themes.learned import LearnedModel, shipped_id, shipped_model
from reflect.core.themes.lexicon import (
    Lexicon,
    ThemeDef,
    ThemeInfo,
    UserTheme,
    load_builtin,
    user_theme_def,
)
from reflect.core.themes.negation import ClauseIndex

_SEPARATOR = "\n\x1f\n"  # a line break (ends any clause) around a character no cue matches
_MAX_REPEATS = 3
_MAX_LEARNED_EVIDENCE = 2
_MAX_SPANS_PER_CUE = 20
# Work per entry is capped: text past this many characters of a field is not read for themes
# (a journal entry is a few thousand; a pasted book would otherwise cost seconds).
MAX_FIELD_CHARS = 50_000


@dataclass(slots=True)
class Evidence:
    """An exact span of one field's text: ``text == field_text[start:end]``."""

    field: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class ThemeHit:
    theme: str
    score: float
    evidence: list[Evidence] = field(default_factory=list)


class ThemeDetector:
    """Detects the themes of a :class:`~reflect.core.themes.lexicon.Lexicon` in entries or text."""

    def __init__(self, lexicon: Lexicon, learned: LearnedModel | None | str = "shipped") -> None:
        self.lexicon = lexicon
        # The learned layer (see .learned), read when first needed; None: rules alone.
        self._learned: LearnedModel | None | str = learned
        # Compiled when first needed: a whole-journal analysis that finds every entry's themes
        # kept in the journal (see .cache) needs the lexicon's names, never its regexes.
        self._compiling = threading.Lock()
        self._ready = False
        # (field kind, sentence) -> the learned layer's scores, for sentences met again.
        self._memo: dict = {}

    def forget_text(self) -> None:
        """Drop every sentence remembered from the texts detected (on lock)."""
        self._memo = {}

    @staticmethod
    def forget_builtin_text() -> None:
        """:meth:`forget_text` for the shared built-in detector, if it was made."""
        if _builtin_detector.cache_info().currsize:
            _builtin_detector().forget_text()

    def _compile(self) -> None:
        with self._compiling:
            if self._ready:
                return
            self._compiled, self._scanner = _compiled_lexicon(self.lexicon.themes)
            self._plans = _Plans(self._compiled, self._scanner.cues_at)
            self._fallbacks = [
                (t, theme, theme.fallback)
                for t, theme in enumerate(self._compiled)
                if theme.fallback is not None
            ]
            self._ready = True
        settle_long_lived()

    @classmethod
    def builtin(cls) -> ThemeDetector:
        """The detector for the shipped lexicon (compiled once per process, then shared)."""
        return _builtin_detector()

    def prepare(self) -> ThemeDetector:
        """Make now what detection would otherwise make on first use (each anchor's plan, the
        learned model), so a process that detects a lot does not pay for it
        while the practitioner waits."""
        self._compile()
        for anchor in self._scanner.cues_at:
            self._plans[anchor]  # made and kept by _Plans.__missing__
        self.learned  # noqa: B018 - reads the learned model now (workers fork with it)
        return self

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
        return ThemeDetector(self.lexicon.with_themes(defs), self._learned)

    @property
    def learned_id(self) -> str:
        """Names the learned layer without loading it (for the key of kept results)."""
        if self._learned == "shipped":
            return shipped_id()
        return self._learned.id if self._learned is not None else ""  # type: ignore[union-attr]

    @property
    def learned(self) -> LearnedModel | None:
        """The learned layer this detector combines with its rules (None: rules alone)."""
        if self._learned == "shipped":
            self._learned = shipped_model()
            settle_long_lived()
        return self._learned  # type: ignore[return-value]

    def detect_text(self, text: str, *, learned: bool = True) -> list[ThemeHit]:
        """Themes in a single piece of text; evidence uses the field name ``"text"``."""
        return self.detect_fields([("text", text)], learned=learned)

    def detect_entry(self, entry: Entry, *, learned: bool = True) -> list[ThemeHit]:
        """Themes in every free-text field of an entry (see :meth:`Entry.texts`)."""
        return self.detect_fields(entry.texts(), learned=learned)

    def detect_fields(
        self, fields: list[tuple[str, str]], *, learned: bool = True
    ) -> list[ThemeHit]:
        """The rules' themes, and the learned layer's where the rules found nothing: a theme
        the learned layer finds is reported with the sentence(s) that led to it as evidence."""
        fields = [(name, without_headings(text[:MAX_FIELD_CHARS])) for name, text in fields if text]
        if not fields:
            return []
        model = self.learned if learned else None
        if model is None:
            return self._rules(fields)
        vetoes: list[tuple[str, str, int, int]] = []
        hits = self._rules(fields, vetoes)
        return self._with_learned(model, fields, hits, vetoes)

    def _with_learned(
        self, model: LearnedModel, fields, hits: list[ThemeHit], vetoes
    ) -> list[ThemeHit]:
        """``hits`` and the themes the learned layer finds besides, except in a sentence that
        holds a trap of the theme or a negated cue of it ("never lonely")."""
        if not self._ready:
            self._compile()
        by_id = {c.theme.id: c for c in self._compiled}
        order = {name: i for i, (name, _) in enumerate(fields)}
        texts = dict(fields)
        found, best = model.detect(fields, self._memo)
        if best:  # a rule hit no sentence comes near, in the model's eyes, is dropped
            hits = [h for h in hits if not (
                h.theme in best and not by_id[h.theme].theme.user_defined
                and model.vetoed(h.theme, best[h.theme]))]
        have = {h.theme for h in hits}
        added = []
        for theme, spans in found.items():
            compiled = by_id.get(theme)
            if theme in have or compiled is None or compiled.theme.user_defined:
                continue
            evidence = []
            best = 0.0
            for name, start, end, p in spans:
                sentence = texts[name][start:end]
                if compiled.exclusion is not None and compiled.exclusion.search(sentence):
                    continue  # a trap ("the garden boundary wall") is not the theme
                if vetoes and _vetoed(vetoes, theme, name, texts[name], start, end):
                    continue  # the rules saw the theme's cue in that sentence, negated
                evidence.append(Evidence(name, start, end, sentence))
                best = max(best, p)
                if len(evidence) == _MAX_LEARNED_EVIDENCE:
                    break
            if evidence:
                evidence.sort(key=lambda ev: (order[ev.field], ev.start))
                added.append(ThemeHit(theme, round(best, 3), evidence))
        if not added:
            return hits
        # Rule hits first (by score), then the learned layer's (by probability).
        added.sort(key=lambda h: -h.score)
        return hits + added

    def _rules(self, fields: list[tuple[str, str]], vetoes: list | None = None) -> list[ThemeHit]:
        """The rules' themes; a negated cue is added to ``vetoes`` as (theme, field, start, end)."""
        if not self._ready:
            self._compile()
        starts: list[int] = []
        pos = 0
        for _, text in fields:
            starts.append(pos)
            pos += len(text) + len(_SEPARATOR)
        joined = _SEPARATOR.join(text for _, text in fields)
        if "\u2019" in joined or "\u2018" in joined:  # curly apostrophes: same length
            joined = joined.replace("\u2019", "'").replace("\u2018", "'")
        scan, positions, anchors = self._scanner.scan(joined)
        # Every cue match, in the order the checks below must see them.
        matches: list[tuple[int, int, int, int]] = []  # (theme, cue, start, end)
        add = matches.append
        lowered = scan is not joined
        plans = self._plans
        for pos, tries in zip(positions, map(plans.__getitem__, anchors), strict=True):
            for t, c, match, as_written in tries:
                m = match(joined if as_written else scan, pos)
                if m is not None:
                    add((t, c, pos, m.end()))
        for t, theme, fallback in self._fallbacks:
            for m in fallback.finditer(scan):
                c = theme.fallback_cues[m.lastgroup]  # type: ignore[index]
                add((t, c, m.start(), m.end()))
        if not matches:
            return []
        raw: list | None = [] if vetoes is not None else None
        hits = self._score(self._kept(matches, scan, lowered, starts, fields, raw), fields)
        if raw:
            compiled = self._compiled
            for t, start, end in raw:
                i = bisect_right(starts, start) - 1
                vetoes.append((compiled[t].theme.id, fields[i][0], start - starts[i], end - starts[i]))
        return hits

    def _kept(
        self, matches, scan, lowered, starts, fields, vetoes: list | None = None
    ) -> dict[int, dict[int, list[Evidence]]]:
        """theme index -> cue index -> spans, leaving out every match that crosses fields, is
        excluded, negated or misdirected. A negated match is added to ``vetoes`` as (theme,
        start, end) in the joined text: the learned layer does not report its theme there."""
        found: dict[int, dict[int, list[Evidence]]] = {}
        compiled = self._compiled
        window = self.lexicon.negation_window
        clauses = ClauseIndex(scan, lowered)
        negated: dict[int, bool] = {}
        one_field = len(fields) == 1
        for t, c, start, end in matches:
            if end == start:
                continue
            if one_field:
                field_start = 0
                name, text = fields[0]
            else:
                i = bisect_right(starts, start) - 1
                field_start = starts[i]
                name, text = fields[i]
            if end > field_start + len(text):
                continue  # crossed into the next field
            by_cue = found.get(t)
            if by_cue is not None and len(by_cue.get(c, ())) >= _MAX_SPANS_PER_CUE:
                continue  # enough to score and show: the work per entry stays bounded
            theme = compiled[t]
            if theme.exclusion is not None and _excluded(theme, scan, start, end):
                continue
            no = negated.get(start)
            if no is None:
                no = negated[start] = clauses.negated(start, window)
            if no:
                if vetoes is not None:
                    vetoes.append((t, start, end))
                continue
            perspective = theme.theme.cues[c].perspective
            if perspective != "any" and not clauses.allows(start, perspective):
                continue
            s, e = start - field_start, end - field_start
            if by_cue is None:
                by_cue = found[t] = {}
            spans = by_cue.get(c)
            if spans is None:
                spans = by_cue[c] = []
            else:
                # A cue's matches come in reading order, so only its last span can overlap.
                last = spans[-1]
                if last.field == name and last.start < e and s < last.end:
                    continue  # the same cue found again inside its own match ("the only one")
            spans.append(Evidence(name, s, e, text[s:e]))
        return found

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
                hits.append((-score, t, ThemeHit(theme.id, round(score, 3), _distinct(evidence, order))))
        hits.sort(key=lambda h: (h[0], h[1]))
        return [h[2] for h in hits]


def _vetoed(vetoes, theme: str, name: str, text: str, start: int, end: int) -> bool:
    """Whether a negated cue of ``theme`` stands in the whole sentence around ``start:end``
    ("I'm never lonely in this work; the peer group is great": neither part is isolation)."""
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    hi = min(ends) if ends else len(text)
    return any(v[0] == theme and v[1] == name and lo <= v[2] < hi for v in vetoes)


def _distinct(evidence: list[Evidence], order: dict[str, int]) -> list[Evidence]:
    """The spans in reading order, each stretch of text once: a span inside the one before it
    (another cue's words within a longer cue's: "furious" in "furious at Zeke") is left out."""
    if len(evidence) == 1:
        return evidence
    evidence.sort(key=lambda ev: (order[ev.field], ev.start, -ev.end))
    out = [evidence[0]]
    last = out[0]
    for ev in evidence[1:]:
        if ev.field == last.field and ev.end <= last.end:
            continue
        out.append(ev)
        last = ev
    return out


def _excluded(theme: CompiledTheme, scan: str, start: int, end: int) -> bool:
    """Whether an exclusion (a trap phrase) found within 50 characters of ``start:end``
    overlaps it."""
    exclusion = theme.exclusion
    assert exclusion is not None
    lo = start - 50 if start > 50 else 0
    return any(x.start() < end and start < x.end() for x in exclusion.finditer(scan, lo, end + 50))


# (theme index, cue index, that cue's ``match``, whether it reads the text as written)
_Try = tuple[int, int, Callable, bool]


class _Plans(dict):
    """anchor -> the cues to try there, each with its own regex's ``match`` (one small regex per
    cue is faster than one alternation of them: ``re`` can reject each by its literal prefix).
    Made the first time the anchor is met and shared between anchors with the same cues."""

    def __init__(self, compiled: tuple[CompiledTheme, ...], cues_at) -> None:
        super().__init__()
        self._compiled = compiled
        self._cues_at = cues_at
        self._by_cues: dict[tuple[tuple[int, int], ...], tuple[_Try, ...]] = {}

    def __missing__(self, anchor: str) -> tuple[_Try, ...]:
        pairs = self._cues_at.get(anchor, ())
        tries = self._by_cues.get(pairs)
        if tries is None:
            compiled = self._compiled
            tries = tuple(
                (
                    t,
                    c,
                    compiled[t].cue_regexes[c].match,
                    compiled[t].sees_case(c),
                )
                for t, c in pairs
            )
            self._by_cues[pairs] = tries
        self[anchor] = tries
        return tries


@lru_cache(maxsize=256)
def _compiled_theme(theme: ThemeDef, ordinal: int) -> CompiledTheme:
    """Each theme is compiled once per process: a detector with the practitioner's own themes
    added reuses the built-in ones (kept in memory only)."""
    return compile_theme(theme, ordinal)


@lru_cache(maxsize=4)
def _compiled_lexicon(
    themes: tuple[ThemeDef, ...],
) -> tuple[tuple[CompiledTheme, ...], AnchorScanner]:
    compiled = tuple(_compiled_theme(theme, i) for i, theme in enumerate(themes))
    return compiled, AnchorScanner(compiled)


@cache
def _builtin_detector() -> ThemeDetector:
    return ThemeDetector(load_builtin())
