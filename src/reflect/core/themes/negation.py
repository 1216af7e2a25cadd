"""Does the clause before a cue negate it, and whose feeling is it?

Both questions look only backwards from the cue, inside its clause: a clause ends at punctuation,
a line break or a joining word ("but", "and", "because" ...). Negators *inside* a cue are part of
it ("didn't ask first", "not sure it was right", "no one to ask") and are never seen here, because
the look-back stops where the cue starts.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_LOOKBACK_CHARS = 120
_PUNCT_BREAK = re.compile(r"[.!?;:,()\[\]\"\n\x1f\u2014\u2013]|\s-\s")
_JOINERS = frozenset(
    ["but", "and", "although", "though", "however", "yet", "so", "because", "whereas", "while", "then", "until", "when"]
)
_TOKEN = re.compile(r"[\w']+")
NEGATORS = frozenset(
    ["no", "not", "never", "nothing", "none", "nor", "without", "cannot", "can't", "couldn't", "don't", "doesn't", "didn't", "won't", "wouldn't", "shouldn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "mustn't", "needn't", "hardly", "barely", "dont", "didnt", "doesnt", "wasnt", "isnt", "cant", "couldnt", "wont"]
)
# A negator followed by one of these does not negate what comes after it:
# "couldn't stop thinking about her", "can't help feeling protective", "no longer safe".
_NOT_NEGATING_NEXT = frozenset(
    ["stop", "stopped", "help", "shake", "longer", "only", "just", "one", "doubt", "wonder", "matter", "get", "sleep"]
)
# "said no to the tea": the word before makes "no" an answer, not a negation.
_ANSWER_VERBS = frozenset(["said", "say", "says", "saying", "answered", "replied"])
SUBJECT_FIRST = frozenset(["i", "i'm", "i'd", "i've", "i'll", "im", "ive", "we", "we're", "we'd", "we've"])
SUBJECT_THIRD = frozenset(
    ["she", "he", "they", "she's", "he's", "they're", "she'd", "he'd", "they'd", "shes", "hes", "theyre", "client", "client's", "clients"]
)
_PRONOUNS = SUBJECT_FIRST | SUBJECT_THIRD


def clause_before(text: str, start: int) -> str:
    """The part of the clause that precedes ``start`` (at most ~120 characters)."""
    window = text[max(0, start - _LOOKBACK_CHARS) : start]
    cut = 0
    for m in _PUNCT_BREAK.finditer(window):
        cut = m.end()
    return window[cut:]


def clause_tokens(text: str, start: int) -> list[str]:
    """Lower-case words of the clause before ``start``, after its last joining word."""
    tokens = _TOKEN.findall(clause_before(text, start).lower().replace("\u2019", "'"))
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in _JOINERS:
            return tokens[i + 1 :]
    return tokens


def is_negated(text: str, start: int, window: int = 3, tokens: list[str] | None = None) -> bool:
    """True when a negator stands within ``window`` words before ``start`` in the same clause.

    A subject pronoun between the negator and the cue ends its reach ("I didn't think she was
    safe" still reports a safety concern about her).
    """
    if tokens is None:
        tokens = clause_tokens(text, start)
    if not tokens:
        return False
    tail = tokens[-(window + 1) :]
    offset = len(tokens) - len(tail)
    for i, tok in enumerate(tail):
        if tok not in NEGATORS and not (tok.endswith("n't") and len(tok) > 3):
            continue
        following = tail[i + 1 : i + 2]
        if following and following[0] in _NOT_NEGATING_NEXT:
            continue
        previous = tokens[offset + i - 1] if offset + i > 0 else ""
        if tok == "no" and previous in _ANSWER_VERBS:
            continue
        if any(t in _PRONOUNS for t in tail[i + 1 :]):
            continue
        return True
    return False


def nearest_subject(text: str, start: int, tokens: list[str] | None = None) -> str | None:
    """``'practitioner'``, ``'client'`` or None: the nearest subject pronoun before ``start``.

    Journals are written in the first person and often drop the "I" ("Really irritated today"),
    so no subject at all is treated by callers as the practitioner's own voice.
    """
    if tokens is None:
        tokens = clause_tokens(text, start)
    for tok in reversed(tokens):
        if tok in SUBJECT_FIRST:
            return "practitioner"
        if tok in SUBJECT_THIRD:
            return "client"
    return None


# _PUNCT_BREAK in two parts that ``re`` finds fast (each starts with a known character): the
# single characters, and the dashes standing alone (where each " - " ends).
_BREAK_CHAR = re.compile(r"[.!?;:,()\[\]\"\n\x1f\u2014\u2013]")
_LONE_DASH = re.compile(r"-(?<=\s-)(?=\s)")


def _token_regex(words, *more: str) -> str:
    """A regex for any whole token (a run of ``[\\w']``) that is one of ``words`` or ``more``."""
    alternatives = [re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))]
    return r"(?<![\w'])(?:" + "|".join([*alternatives, *more]) + r")(?![\w'])"


def _word_regex(words) -> str:
    """The same as :func:`_token_regex`, faster to search: grouped by first letter, so ``re``
    only stops where a word can start, and the token's start checked just after that letter."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        rests.sort(key=lambda r: (-len(r), r))
        ch = re.escape(first)
        branches.append(
            ch + r"(?<![\w']" + ch + ")(?:" + "|".join(re.escape(r) for r in rests) + ")"
        )
    return "(?:" + "|".join(branches) + r")(?![\w'])"


# Any token :func:`is_negated` counts as a negator / :func:`nearest_subject` as a subject: in
# lower-case text, a clause without one cannot be negated / has no subject, whatever the rest.
# (Besides NEGATORS, any word ending in "n't" negates: those are looked for as plain "n't".)
_NEGATOR_WORD = re.compile(_word_regex(NEGATORS))
_SUBJECT_TOKEN = re.compile(_token_regex(_PRONOUNS))


class ClauseIndex:
    """:func:`clause_tokens` and what hangs on it, for many cue starts in one text.

    Each start's clause break is found by one search of the text read backwards (``re`` finds the
    nearest break character at C speed); the answers are remembered, because several cues often
    begin at the same place. Most clauses hold no negator and no subject pronoun at all,
    which one regex search tells without splitting them into words. The answers are exactly those
    of the functions above: a break found in the whole text but not in the look-back window only
    ever moves the cut across characters that are no part of any word.

    ``lowered`` says the text is already lower-case (the detector's usual case); only then are
    the shortcuts taken.
    """

    __slots__ = ("text", "lowered", "_reversed", "_dash_ends", "_tokens", "_negated", "_subject")

    def __init__(self, text: str, lowered: bool = False) -> None:
        self.text = text
        self.lowered = lowered
        self._reversed: str | None = None
        self._dash_ends: list[int] = []
        self._tokens: dict[int, list[str]] = {}
        self._negated: dict[tuple[int, int], bool] = {}
        self._subject: dict[int, str | None] = {}

    def _start_of_clause(self, start: int) -> tuple[int, bool]:
        """Where the look-back for ``start`` begins, and whether it ends a clause (rather than
        the look-back's length, which may cut a word in two)."""
        text = self.text
        rev = self._reversed
        if rev is None:
            rev = self._reversed = text[::-1]
            if "-" in text:
                self._dash_ends = [m.end() + 1 for m in _LONE_DASH.finditer(text)]
        lo = start - _LOOKBACK_CHARS
        n = len(text)
        # The last break character before start: the first one reading the text backwards.
        m = _BREAK_CHAR.search(rev, n - start, n - lo if lo > 0 else n)
        end = n - m.start() if m is not None else 0
        dash_ends = self._dash_ends
        if dash_ends:  # or where a " - " ends, if that is later
            i = bisect_right(dash_ends, start)
            if i and dash_ends[i - 1] > end:
                end = dash_ends[i - 1]
        if end > lo:
            return end, True
        return (0, True) if lo <= 0 else (lo, False)

    def tokens(self, start: int) -> list[str]:
        tokens = self._tokens.get(start)
        if tokens is not None:
            return tokens
        lo, _ = self._start_of_clause(start)
        tokens = _TOKEN.findall(self.text[lo:start].lower().replace("\u2019", "'"))
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k] in _JOINERS:
                tokens = tokens[k + 1 :]
                break
        self._tokens[start] = tokens
        return tokens

    def negated(self, start: int, window: int) -> bool:
        key = (start, window)
        found = self._negated.get(key)
        if found is None:
            if self.lowered:
                lo, whole = self._start_of_clause(start)
                if (
                    whole
                    and _NEGATOR_WORD.search(self.text, lo, start) is None
                    and self.text.find("n't", lo, start) < 0
                ):
                    self._negated[key] = False
                    return False
            found = is_negated(self.text, start, window, self.tokens(start))
            self._negated[key] = found
        return found

    def subject(self, start: int) -> str | None:
        """:func:`nearest_subject`."""
        if start in self._subject:
            return self._subject[start]
        if self.lowered:
            lo, whole = self._start_of_clause(start)
            if whole and _SUBJECT_TOKEN.search(self.text, lo, start) is None:
                self._subject[start] = None
                return None
        found = self._subject[start] = nearest_subject(self.text, start, self.tokens(start))
        return found

    def allows(self, start: int, perspective: str) -> bool:
        """Whether a cue that must be ``perspective``'s feeling (``any``, ``practitioner`` or
        ``client``) fits the clause it was found in: no subject counts as the practitioner's."""
        if perspective == "any":
            return True
        subject = self.subject(start)
        if perspective == "practitioner":
            return subject != "client"
        return subject != "practitioner"
