"""Unicode folding for name matching, with a map back to the original text.

Names are compared after NFKC (full-width ``Ｚｅｐｈｙｒｉｎｅ`` is ``Zephyrine``), with accents
removed (``Zoë`` is ``Zoe``, ``Ångström`` is ``Angstrom``), typographic apostrophes and hyphens
made plain (``O’Brien`` is ``O'Brien``), letters NFKC leaves alone spelled out (``ß`` is ``ss``)
invisible characters dropped (a zero-width space or soft hyphen inside a name hides nothing), and
Cyrillic, Greek and other letters that look like Latin ones read as those (``Zеphyrine`` with a
Cyrillic ``е``, ``ΖΕΡΗΥRΙΝΕ`` in Greek capitals: the confusables of Unicode TR39 that stand for
a Latin letter).  Folding serves matching only: offsets map back to the text as written.
Case is kept: the matchers decide where case matters ("Will" the name, "will" the verb).

>>> folded("Zoë O’Brien-Ångström")
'Zoe O'Brien-Angstrom'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_SPELLED = {
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i",
    "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L",
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u02bc": "'", "\u2032": "'", "\uff07": "'",
    "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2043": "-", "\u00ad": "",
}
# Letters of other scripts drawn like a Latin letter (Unicode TR39 confusables whose prototype is
# one Latin letter): a name spelled with them looks right to a reader and must match.
_CONFUSABLE = dict(zip(
    "АВЕКМНОРСТХУЅІЈԚԜҮҺӀԀЅ"  # Cyrillic capitals
    "аеорсухѕіјԁһԛԝүӏɡ"  # Cyrillic small (and Latin script g)
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧϹϺ"  # Greek capitals (and lunate sigma, san)
    "αοριυνκϲϳ"  # Greek small
    "ՕօսզցհոՏ"  # Armenian
    "ᎪᏴᏟᎠᎬᎻᏆᏦᎷᏀᎡᏚᎢᏔᏃ",  # Cherokee
    "ABEKMHOPCTXYSIJQWYhlDS"
    "aeopcyxsijdhqwylg"
    "ABEZHIKMNOPTYXCM"
    "aopiuvkcj"
    "OouqghnS"
    "ABCDEHJKMGRSTWZ", strict=True))
# Digits written for letters inside a word ("Qu1llfeather", "Z3ph"): the gate also reads a word
# that mixes letters and digits this way (1 as i and, apart, as l).
_LEET = {one: str.maketrans("013457", f"o{one}east") for one in "il"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u034f"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    if ch in _SPELLED:
        return _SPELLED[ch]
    if ch in _CONFUSABLE:
        return _CONFUSABLE[ch]
    if ch.isascii():
        return ch
    out = []
    for c in unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", ch)):
        if unicodedata.category(c) == "Mn":
            continue
        out.append(_SPELLED.get(c) or _CONFUSABLE.get(c, c))
    return unicodedata.normalize("NFC", "".join(out))


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, the index of the original character."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original stretch a folded ``[start, end)`` came from."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        return self.origin[start], (self.origin[end - 1] + 1 if end > start else self.origin[start])


def fold(text: str) -> Folded:
    if text.isascii() and "`" not in text:
        return Folded(text, tuple(range(len(text))), len(text))
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        chars.append(f)
        origin.extend([i] * len(f))
    return Folded("".join(chars), tuple(origin), len(text))


def folded(text: str) -> str:
    return fold(text).text


MIXED_WORD = re.compile(r"\b[^\W_]*(?:[^\W\d_]\d|\d[^\W\d_])[^\W_]*")


def unleet(text: str, one: str = "i") -> str:
    """``text`` with digits read as letters inside words that mix them with letters
    ("Qu1llfeather" -> "Quillfeather", "Z3ph" -> "Zeph"); ``one`` is how 1 is read (i or l).
    Every other character, and the length, stay as they were."""
    return MIXED_WORD.sub(lambda m: m.group().translate(_LEET[one]), text)
