"""Word tokens with offsets, and where sentences start: shared by the name detectors."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Any letter of any script, with combining marks: "Ōtāhuhu", "Łukasz", "Nguyễn", "Dvořák" are
# one word each (a Latin-1-only class cut them into pieces that passed as fragments).
_WORD = r"[^\W\d_][^\W\d_\u0300-\u036f]*(?:[\u0300-\u036f]+[^\W\d_]*)*"
TOKEN_RE = re.compile(rf"{_WORD}(?:['’\-]{_WORD})*['’]?|&")
_SENTENCE_END = set(".!?\n:;\"“”'‘’([—–-•*#>")
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame", "lady",
    "lord", "rev", "revd", "reverend", "father", "fr", "sister", "nurse", "auntie", "aunty",
    "aunt", "uncle", "nana", "nanna", "grandma", "grandad", "grandpa", "granny", "cllr", "judge",
    "officer", "pc", "sgt", "coach",
}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    sentence_start: bool

    @property
    def base(self) -> str:
        """The token without a possessive ending ("Dee's" -> "Dee", "Joneses'" -> "Joneses")."""
        t = self.text.replace("’", "'")
        if t.endswith("'s"):
            return self.text[:-2]
        if t.endswith("'"):
            return self.text[:-1]
        return self.text

    @property
    def base_end(self) -> int:
        return self.start + len(self.base)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def all_caps(self) -> bool:
        letters = [c for c in self.base if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def lower(self) -> str:
        return self.base.lower()

    @property
    def is_title(self) -> bool:
        return self.lower.rstrip(".") in TITLES and self.capitalised


def starts_sentence(text: str, start: int) -> bool:
    """True if the word at ``start`` opens a sentence, line, quote or list item."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if unicodedata.category(ch) in ("So", "Sk", "Cs") or ch in "\ufe0f\u200d":
        return True  # "Spring reset 🌱 Down from 22 clients": an emoji ends a sentence
    if ch in _SENTENCE_END:
        if ch == "." and i >= 1 and text[i - 1].isupper() and (i < 2 or not text[i - 2].isalpha()):
            return False  # an initial: "D. Whitcombe"
        return not (ch == "." and _is_title_abbrev(text, i))  # "Dr. Okafor" goes on
    return False


_ABBREVIATED_TITLES = {"mr", "mrs", "ms", "mx", "dr", "prof", "rev", "revd", "fr", "st", "sgt",
                       "cllr", "pc", "lt", "capt", "col", "gen", "sr", "jr"}


def _is_title_abbrev(text: str, dot: int) -> bool:
    """"Dr. Okafor" goes on; "the OH doctor. Explained" is a new sentence."""
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:dot].lower() in _ABBREVIATED_TITLES


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), starts_sentence(text, m.start()))
            for m in TOKEN_RE.finditer(text)]


def gap(text: str, a: Token, b: Token) -> str:
    """The characters between two tokens."""
    return text[a.end:b.start]
