"""Known names hidden inside other tokens: file names, e-mail addresses, handles, URLs, glued words.

A text is cut into *chunks* (runs without spaces or brackets) and each chunk into *pieces*: split
on anything that is not a letter (``_ - . @ / :`` and digits) and at camel case
(``ZephyrineQuillfeather``). A piece names a known person when it is

- one of their name parts (``zephyrine`` in ``zephyrine_quillfeather_notes.docx``); a part that
  is also an everyday word ("Will", "Hope") only when capitalised or next to another part of the
  same person;
- their name parts glued together, with at most one initial (``zephyrinequillfeather``,
  ``zquillfeather``, ``quillfeatherz``);
- or a longer piece containing a distinctive part (five letters or more, not an English word):
  ``quillfeathernotes``;
- a part cut in two by a sign (``Quill-feather``, ``quill.feather``);
- an all-digit part (``Agent 47``) only next to another part of the same person (``agent47``,
  ``agent_47``): a number alone is just a number.

Pieces are matched on the folded text (``fold.py``), so this serves redaction and the export gate
alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import lexicon

CHUNK_RE = re.compile(r"[^\s<>\"()\[\]{},;!?*|`“”‘’]+")
_LETTERS_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_DIGITS_RE = re.compile(r"\d{2,}")
_HAS_DIGITS = re.compile(r"\d\d")
_CAMEL_SPLIT = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]")
_CAMEL_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[^\W\d_]+")
_FILE_EXT = re.compile(r"\.[A-Za-z][A-Za-z0-9]{1,4}$")
_IDENTIFIER_SIGN = re.compile(r"[_@/\\:#=~+]|\w\.\w|[a-z][A-Z]|[A-Za-z]\d|\d[A-Za-z]")


@dataclass(frozen=True)
class PartInfo:
    persons: frozenset[int]
    case_sensitive: bool  # an everyday word too ("will", "hope", short names)
    distinctive: bool  # long and not an English word: found even inside a longer piece


@dataclass(frozen=True)
class PieceMatch:
    start: int
    end: int
    person: int
    how: str  # "part", "joined", "inside"


def key(text: str) -> str:
    """A name part as pieces are compared: lower case, letters and digits only."""
    return re.sub(r"[\W_]+", "", text.lower())


class PartIndex:
    """Every single-word name part of the known people, for matching pieces."""

    def __init__(self, parts: Iterable[tuple[str, int, bool]], initials: dict[int, set[str]]):
        found: dict[str, tuple[set[int], bool]] = {}
        for text, person, case_sensitive in parts:
            k = key(text)
            if len(k) < 2:
                continue
            persons, cs = found.get(k, (set(), True))
            persons.add(person)
            found[k] = (persons, cs and case_sensitive)
        self.parts: dict[str, PartInfo] = {
            k: PartInfo(frozenset(p), cs, len(k) >= 5 and not cs and not lexicon.is_word(k, rare=True))
            for k, (p, cs) in found.items()}
        self.initials = {person: {c.lower() for c in letters} for person, letters in initials.items()}
        distinct = sorted((k for k, v in self.parts.items() if v.distinctive), key=len, reverse=True)
        self._inside = re.compile("|".join(map(re.escape, distinct))) if distinct else None

    def find(self, text: str, skip: bytearray | None = None) -> list[PieceMatch]:
        out: list[PieceMatch] = []
        for chunk in CHUNK_RE.finditer(text):
            here = len(out)
            pieces = list(_pieces(text, chunk.start(), chunk.end()))
            persons_here = [self._persons(p) for _, p in pieces]
            for i, (start, piece) in enumerate(pieces):
                end = start + len(piece)
                if skip is not None and 1 in skip[start:end]:
                    continue
                neighbours = set().union(*(persons_here[:i] + persons_here[i + 1:]))
                hit = self._match(piece, neighbours)
                if hit is not None:
                    out.append(PieceMatch(start, end, *hit))
            if len(pieces) > 1:  # a chunk of one piece has nothing to join
                out += self._split_parts(text, chunk.start(), chunk.end(), skip, out[here:])
        return out

    def _split_parts(self, text: str, start: int, end: int, skip: bytearray | None,
                     found: list[PieceMatch]) -> list[PieceMatch]:
        """A name part cut by one sign ("Quill-feather", "zeph.yrine"): two or three letter runs
        with a single character between them that together spell a part."""
        runs = [(m.start(), m.end()) for m in _LETTERS_RE.finditer(text, start, end)]
        out: list[PieceMatch] = []
        for i in range(len(runs)):
            for j in range(i + 1, min(i + 3, len(runs))):
                if runs[j][0] - runs[j - 1][1] != 1:
                    break
                s, e = runs[i][0], runs[j][1]
                if (skip is not None and 1 in skip[s:e]) or any(
                        m.start < e and s < m.end for m in found + out):
                    continue
                info = self.parts.get(key(text[s:e]))
                if info is not None and info.persons and (not info.case_sensitive
                                                          or text[s].isupper()):
                    out.append(PieceMatch(s, e, min(info.persons), "part"))
        return out

    def _persons(self, piece: str) -> set[int]:
        info = self.parts.get(key(piece))
        return set(info.persons) if info else set()

    def _match(self, piece: str, neighbours: set[int]) -> tuple[int, str] | None:
        low = key(piece)
        info = self.parts.get(low)
        if piece.isdigit():  # a number is a name part only beside another part of that person
            return (min(info.persons & neighbours), "part") \
                if info is not None and info.persons & neighbours else None
        if info is not None:
            if not info.case_sensitive or piece[:1].isupper() or info.persons & neighbours:
                return min(info.persons), "part"
            return None
        if len(low) < 4 or lexicon.is_word(low, rare=True):
            return None
        joined = self._joined(low)
        if joined is not None:
            return joined, "joined"
        if self._inside is not None:
            m = self._inside.search(low)
            if m:
                return min(self.parts[m.group()].persons), "inside"
        return None

    def _joined(self, low: str) -> int | None:
        """The person whose name parts (and at most one initial) make up ``low`` exactly."""
        n = len(low)
        # reach[i]: {person: (full parts used, initials used)} for segmentations of low[:i]
        reach: list[dict[int, tuple[int, int]]] = [{} for _ in range(n + 1)]
        reach[0] = {-1: (0, 0)}
        for i in range(n):
            if not reach[i]:
                continue
            for j in range(i + 1, n + 1):
                seg = low[i:j]
                info = self.parts.get(seg) if j - i >= 2 else None
                initial_of = {p for p, letters in self.initials.items() if seg in letters} \
                    if j - i == 1 else set()
                if info is None and not initial_of:
                    continue
                for person, (full, inits) in reach[i].items():
                    if info is not None and len(seg) >= 3:
                        for p in info.persons if person == -1 else info.persons & {person}:
                            _better(reach[j], p, (full + 1, inits))
                    for p in initial_of if person == -1 else initial_of & {person}:
                        _better(reach[j], p, (full, inits + 1))
        done = [p for p, (full, inits) in reach[n].items()
                if p != -1 and full >= 1 and inits <= 1 and full + inits >= 2]
        return min(done) if done else None


def _better(slot: dict[int, tuple[int, int]], person: int, used: tuple[int, int]) -> None:
    if person not in slot or used[1] < slot[person][1]:
        slot[person] = used


def _pieces(text: str, start: int, end: int) -> Iterable[tuple[int, str]]:
    """The pieces of ``text[start:end]``: a run of letters (with inner apostrophes, as in
    "O'Brien") whole, and split at camel case and apostrophes; and runs of two or more digits."""
    runs = list(_LETTERS_RE.finditer(text, start, end))
    if _HAS_DIGITS.search(text, start, end):
        runs = sorted([*runs, *_DIGITS_RE.finditer(text, start, end)], key=lambda m: m.start())
    for run in runs:
        yield run.start(), run.group()
        if "'" in run.group() or _CAMEL_SPLIT.search(run.group()):
            for m in _CAMEL_RE.finditer(run.group()):
                yield run.start() + m.start(), m.group()


def identifier_around(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The identifier (file name, address, handle, link, glued name) that ``[start, end)`` sits in,
    with the label that replaces it whole; None when the match stands in ordinary prose."""
    s, e = start, end
    while s > 0 and not _stop(text[s - 1]):
        s -= 1
    while e < len(text) and not _stop(text[e]):
        e += 1
    while e > end and text[e - 1] in ".:-'":
        e -= 1
    while s < start and text[s] in "'-":
        s += 1
    body = text[s:e]
    if (s, e) == (start, end) or not _IDENTIFIER_SIGN.search(body):
        return None
    return s, e, label_for(body)


def _stop(ch: str) -> bool:
    return ch.isspace() or ch in "<>\"()[]{},;!?*|`“”‘’"


def label_for(identifier: str) -> str:
    from .patterns import URL_RE

    if identifier.startswith("@"):
        return "[handle]"
    if "@" in identifier:
        return "[email]"
    if "://" in identifier or "/" in identifier or URL_RE.fullmatch(identifier):
        return "[link]"
    if _FILE_EXT.search(identifier):
        return "[file]"
    return "[name]"
