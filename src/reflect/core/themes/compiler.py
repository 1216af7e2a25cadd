"""Turn a theme's cues into ONE fast regex.

Python's ``re`` tries every branch of an alternation at every position, which is slow for a theme
with dozens of flexible cues. So each theme's regex is guarded by a lookahead built from the cues'
*anchors* (the literal text every match of a cue must start with), factored into a trie:

    \\b(?=(?:s(?:ta|aw)|t(?:ext|old)|...))(?:(?P<c0>cue 0)|(?P<c1>cue 1)|...)

Most word starts fail the trie after a character or two, and the cue branches are only tried where
some cue can begin. Each cue is a named group, so ``match.lastgroup`` says which cue matched.
Cues whose start cannot be reduced to literals go in an unguarded branch (correct, only slower).

The anchors are read from ``re``'s own parser (``re._parser``, private). That stays because it
pays: with every cue left unanchored (the plain alternations), the rules take about 30 times
as long per entry (1.8-2.0 ms -> 57-63 ms on the 600 labelled entries, the same machine and
load, December 2026); the case-sensitive twins of each regex that were once built on the same
parser are gone (a cue that tells capitals apart is simply matched against the text as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

from reflect.core.themes.lexicon import ThemeDef

FLAGS = re.IGNORECASE
_MAX_PREFIXES = 48
_ANCHOR_CHARS = 10  # longer anchors only make the scanning trie bigger
_ONE = 1

_LITERAL = sre_parse.LITERAL
_BRANCH = sre_parse.BRANCH
_SUBPATTERN = sre_parse.SUBPATTERN
_AT = sre_parse.AT
_IN = sre_parse.IN
_ZERO_WIDTH = (sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT)

def _prefixes(items: list) -> tuple[set[str], bool]:
    """Literal prefixes of a parsed sequence, and whether the sequence was literal to its end."""
    prefixes = {""}
    for op, av in items:
        if op is _LITERAL:
            prefixes = {p + chr(av).lower() for p in prefixes}
            continue
        if op is _AT or op in _ZERO_WIDTH:  # consumes nothing: the prefix still holds
            continue
        if op is _BRANCH:
            sub, complete = set(), True
            for alt in av[1]:
                alt_prefixes, alt_complete = _prefixes(list(alt))
                sub |= alt_prefixes
                complete = complete and alt_complete
        elif op is _SUBPATTERN:
            sub, complete = _prefixes(list(av[-1]))
        elif op is _IN and all(o is _LITERAL for o, _ in av):
            sub, complete = {chr(c).lower() for _, c in av}, True
        elif op in _REPEATS and av[0] == 0 and av[1] == 1:  # an optional part: with or without
            sub, complete = _prefixes(list(av[2]))
            sub = sub | {""}
        else:
            return prefixes, False
        if prefixes == {""}:
            expanded = sub
        else:
            expanded = {p + s for p in prefixes for s in sub}
            if len(expanded) > _MAX_PREFIXES:
                return prefixes, False  # stop before the combinations explode
        if "" in expanded and not complete:
            return prefixes, False
        prefixes = expanded
        if not complete:
            return prefixes, False
    return prefixes, True

@lru_cache(maxsize=2048)
def anchors(pattern: str) -> frozenset[str] | None:
    """Literal (lower-case) prefixes that every match of ``pattern`` starts with, or None."""
    parsed = sre_parse.parse(pattern, FLAGS)
    found, _ = _prefixes(list(parsed))
    if not found or "" in found:
        return None
    return frozenset(found)

def trie_regex(words: set[str] | frozenset[str]) -> str:
    """A regex matching exactly the given literal strings, factored by common prefixes."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:  # a shorter word ends here: the rest is optional
            return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
        return body

    return build(trie)

@dataclass(frozen=True)
class CompiledTheme:
    theme: ThemeDef
    cue_regexes: tuple[re.Pattern[str], ...]  # one per cue, tried only where its anchor is
    cue_anchors: tuple[frozenset[str] | None, ...]
    fallback: re.Pattern[str] | None  # cues without literal anchors, searched the slow way
    exclusion: re.Pattern[str] | None
    fallback_cues: dict[str, int]  # group name in ``fallback`` -> cue index

    def sees_case(self, c: int) -> bool:
        """Whether cue ``c`` has a part that tells capitals from small letters (``(?-i:[A-Z])``,
        a name): it is matched against the text as written, not the lower-cased text."""
        return "(?-i" in self.cue_regexes[c].pattern

    @property
    def unanchored(self) -> tuple[int, ...]:
        return tuple(self.fallback_cues.values())


def _guarded(pattern: str) -> re.Pattern[str]:
    """``pattern`` behind a lookahead of its anchors, so most positions fail at once."""
    found = anchors(pattern)
    if not found:
        return re.compile(pattern, FLAGS)
    return re.compile(r"(?<!\w)(?=" + trie_regex(found) + ")(?:" + pattern + ")", FLAGS)

def compile_theme(theme: ThemeDef, ordinal: int) -> CompiledTheme:
    unguarded: list[str] = []
    fallback_cues: dict[str, int] = {}
    cue_anchors = []
    for i, cue in enumerate(theme.cues):
        found = anchors(cue.pattern)
        cue_anchors.append(frozenset(found) if found else None)
        if found is None:
            name = f"t{ordinal}c{i}"
            fallback_cues[name] = i
            unguarded.append(f"(?P<{name}>{cue.pattern})")
    fallback = re.compile(r"\b(?:" + "|".join(unguarded) + ")", FLAGS) if unguarded else None
    exclusion = None
    if theme.exclusions:
        exclusion = _guarded("|".join(f"(?:{p})" for p in theme.exclusions))
    cue_regexes = tuple(re.compile(c.pattern, FLAGS) for c in theme.cues)
    return CompiledTheme(
        theme,
        cue_regexes,
        tuple(cue_anchors),
        fallback,
        exclusion,
        fallback_cues,
    )

# A word starts after one of these (or at the very start of the text).
_WORD_START = "[ \n\t\r'\"(\\[/\u2014\u2013\u201c\u2018\\-\x1f.,;:!?*_>#]"

class AnchorScanner:
    """One pass over the text finds every word start where some cue can begin.

    The anchors of every cue of every theme form one trie regex. Where it matches, only the cues
    owning that anchor (or a shorter anchor it starts with) are tried, each with its own small
    regex, so the work grows with what is in the text rather than with the size of the lexicon.
    """

    def __init__(self, themes: tuple[CompiledTheme, ...]) -> None:
        owners: dict[str, set[tuple[int, int]]] = {}
        for t, compiled in enumerate(themes):
            for c, found in enumerate(compiled.cue_anchors):
                for anchor in {a[:_ANCHOR_CHARS] for a in found or ()}:
                    owners.setdefault(anchor, set()).add((t, c))
        self.cues_at: dict[str, tuple[tuple[int, int], ...]] = {}
        for anchor in owners:
            found_here: set[tuple[int, int]] = set()
            for k in range(1, len(anchor) + 1):
                found_here |= owners.get(anchor[:k], set())
            self.cues_at[anchor] = tuple(sorted(found_here))
        body = trie_regex(set(owners)) if owners else "(?!)"
        # Case-sensitive over lower-cased text (faster); the other, compiled only when first
        # needed, for the rare text whose lower-casing changes its length, so offsets would no
        # longer line up. The anchor is looked at, not consumed, so an anchor spanning several
        # words ("felt ") cannot hide a cue that starts at the next word.
        self._pattern = _WORD_START + "(?=(" + body + "))"
        self._inner = re.compile(self._pattern)
        self._inner_anycase: re.Pattern[str] | None = None

    def scan(self, text: str) -> tuple[str, list[int], list[str]]:
        """(text to match on, candidate positions, the lower-case anchor found at each).

        One ``re.split`` does the whole scan in C: its pieces alternate between the text between
        two hits and the anchor captured at a hit, and each hit consumes the one character before
        its word, so the positions are running sums of the pieces' lengths plus one per hit.
        """
        lowered = text.lower()
        if len(lowered) == len(text):
            scan, inner = lowered, self._inner
        else:  # pragma: no cover - e.g. a dotted capital I; still correct, just slower
            if self._inner_anycase is None:
                self._inner_anycase = re.compile(self._pattern, FLAGS)
            scan, inner = text, self._inner_anycase
        # A space in front lets the same regex find an anchor at the very start of the text.
        pieces = inner.split(" " + scan)
        anchors = pieces[1::2]
        if not anchors:
            return scan, [], anchors
        lengths = list(map(len, pieces[0:-1:2]))
        lengths[0] -= 1  # the space in front
        positions = list(accumulate(map(_ONE.__add__, lengths)))
        if scan is text:  # pragma: no cover
            anchors = [a.lower() for a in anchors]
        return scan, positions, anchors
