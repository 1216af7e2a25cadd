"""The learned layer: a theme recognised from a sentence's meaning-bearing words, not its spelling.

The rules (:mod:`.detector`) find a theme where a cue of the lexicon matches. This layer reads
every *sentence* of an entry (a clause-sized stretch: a sentence, or the part of a long one before
a semicolon or dash) as a bag of features and scores it per theme with a linear model trained on
hand-labelled journals (``data/journals``, see ``scripts/train_themes.py``):

- word stems and pairs of neighbouring stems ("felt protect", "no one"), so "protective",
  "protected" and "protecting" are one feature;
- the same stems marked with whose they are: ``i>`` after a first-person subject in the clause
  ("I felt irritated"), ``o>`` after a third-person one ("she felt irritated"), so a model tells
  the practitioner's own feelings from the client's;
- ``neg>`` for stems within three words after a negator ("no issues", "didn't ask");
- the kind of field the sentence is in (the narrative, a demand, a control, an outcome ...).

A sentence whose probability reaches the theme's threshold is the theme's evidence: the exact
words of that sentence, as the rules give theirs. Scoring is a dictionary look-up per feature,
in plain Python (no numpy at run time); the model is a JSON resource, read the first time it is
needed, carrying the fingerprint of the data it was trained on.
"""

from __future__ import annotations

import hashlib
import json
import math
import operator
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

MODEL_RESOURCE = "resources/themes/learned.json"
FEATURE_VERSION = 1
# Work per text is capped: a pasted book, or one word repeated 100,000 times, costs at most this
# many sentences and this many words per sentence (the rules cap their own work likewise).
MAX_SENTENCES = 400
MAX_WORDS = 80
MEMO_SENTENCES = 4096  # sentences whose scores a detector remembers (see LearnedModel.detect)

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+|;\s*|\s[-\u2013\u2014]+\s|\s*\x1f\s*")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_FIRST = frozenset(["i", "i'm", "i'd", "i've", "i'll", "im", "ive", "me", "my", "myself", "mine"])
_THIRD = frozenset(
    ["she", "he", "they", "she's", "he's", "they're", "she'd", "he'd", "they'd", "her", "him", "them", "his", "their", "hers", "theirs", "herself", "himself", "themselves", "client", "client's"]
)
_SUBJECT_FIRST = frozenset(["i", "i'm", "i'd", "i've", "i'll", "im", "ive"])
_SUBJECT_THIRD = frozenset(["she", "he", "they", "she's", "he's", "they're", "she'd", "he'd", "they'd", "client"])
_NEGATORS = frozenset(
    ["no", "not", "never", "nothing", "none", "nor", "without", "cannot", "can't", "couldn't", "don't", "doesn't", "didn't", "won't", "wouldn't", "shouldn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "dont", "didnt", "doesnt", "wasnt", "isnt", "cant", "couldnt", "wont"]
)
_STOP = frozenset(
    ["a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "as", "is", "was", "were", "be", "been", "am", "are", "it", "its", "this", "that", "these", "those", "there", "then", "so"]
)
_SUFFIXES = ("ingly", "edly", "ness", "ment", "ings", "ing", "ies", "ied", "ive", "ed", "es", "ly", "s")


_stems: dict[str, str] = {}


def forget_words() -> None:
    """Drop the words remembered from the texts read (on lock: no journal word stays)."""
    _stems.clear()
    _words.clear()


_MAX_STEMS = 50_000  # words remembered (a journal uses far fewer): stemming is most of the cost


def stem(word: str) -> str:
    """A crude English stem: enough that "protective", "protected", "protecting" meet."""
    found = _stems.get(word)
    if found is None:
        found = _stem(word)
        if len(_stems) < _MAX_STEMS:
            _stems[word] = found
    return found


def _stem(word: str) -> str:
    if word.endswith("n't"):
        return "not"
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        word = word.split("'", 1)[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiousl":
        word = word[:-1]  # "stopp" -> "stop"
    return word


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence-sized stretch of ``text``, surrounding space left out."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _add(text, pos, m.start(), out)
        pos = m.end()
        if len(out) >= MAX_SENTENCES:
            return out
    _add(text, pos, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 3:
        out.append((start, end))


def field_kind(name: str) -> str:
    return name.split(":", 1)[0]


def features(sentence: str, kind: str = "narrative") -> set[str]:
    """The features of one sentence (see the module's docstring)."""
    words = _WORD.findall(sentence.lower().replace("\u2019", "'"))[:MAX_WORDS]
    feats = {"f:" + kind}
    add = feats.add
    info = _words.get
    who = ""
    negated = 0
    prev = None
    for word in words:
        found = info(word)
        if found is None:
            found = _word(word)
        subject, negator, person, plain, mine, others, denied, before, after = found
        if subject:
            who = subject
        if negator:
            negated = 3
            add("w:not")
            prev = "b:not"
            continue
        if person:
            add(person)
        if plain:
            add(plain)
            if who:
                add(mine if who == "i>" else others)
            if negated:
                add(denied)
        if prev is not None:
            add(prev + after)
        prev = before
        if negated:
            negated -= 1
    return feats


# word -> what :func:`features` makes of it, so each sentence costs a look-up per word (the
# strings a word adds are made once). Bounded like the stems.
_words: dict[str, tuple] = {}


def _word(word: str) -> tuple:
    subject = "i>" if word in _SUBJECT_FIRST else "o>" if word in _SUBJECT_THIRD else ""
    person = "p:1" if word in _FIRST else "p:3" if word in _THIRD else ""
    s = stem(word)
    found = (
        subject,
        word in _NEGATORS,
        person,
        "" if word in _STOP else "w:" + s,
        "i>" + s,
        "o>" + s,
        "neg>" + s,
        "b:" + s,
        "_" + s,
    )
    if len(_words) < _MAX_STEMS:
        _words[word] = found
    return found


def _sigmoid(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v)) if v > -40 else 0.0


@lru_cache(maxsize=8)
def _logit_cuts(thresholds: tuple[float, ...]) -> tuple[float, ...]:
    """The score each probability threshold stands for (p >= th exactly when z >= log-odds)."""
    return tuple(math.log(th / (1 - th)) if 0 < th < 1 else (math.inf if th >= 1 else -math.inf)
                 for th in thresholds)


@dataclass(frozen=True, slots=True)
class LearnedModel:
    """Per-theme linear models over sentence features."""

    themes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per theme
    bias: tuple[float, ...]
    thresholds: tuple[float, ...]  # probability a sentence needs, per theme
    fingerprint: str  # sha256 of the training data (and the feature version)
    trained_on: tuple[str, ...] = ()
    # Per theme: a rule hit stands only if some sentence reaches this probability (0: always).
    vetoes: tuple[float, ...] = ()

    def logits(self, feats: set[str]) -> list[float]:
        """The linear score per theme for a sentence with these features."""
        rows = list(filter(None, map(self.weights.get, feats)))  # weights are non-empty tuples
        rows.append(self.bias)
        return list(map(sum, zip(*rows, strict=True)))

    def scores(self, feats: set[str]) -> list[float]:
        """Probability per theme for a sentence with these features."""
        return [_sigmoid(v) for v in self.logits(feats)]

    def detect(
        self, fields: list[tuple[str, str]], memo: dict | None = None
    ) -> tuple[dict[str, list[tuple[str, int, int, float]]], dict[str, float]]:
        """theme -> [(field, start, end, probability)] for each sentence that reaches the
        theme's threshold, strongest first; and theme -> the highest probability of any
        sentence (only where the model has vetoes; otherwise empty).

        ``memo`` ((field kind, sentence) -> scores, kept by the caller for this model) spares
        scoring a sentence seen before: the editor detects an entry again at every pause in
        typing, where all sentences but one are unchanged."""
        found: dict[str, list[tuple[str, int, int, float]]] = {}
        cuts = _logit_cuts(self.thresholds)  # compare scores, not probabilities
        themes = self.themes
        track = any(self.vetoes)
        best = [-math.inf] * len(themes)
        for name, text in fields:
            kind = field_kind(name)
            for start, end in sentences(text):
                sentence = text[start:end]
                if memo is None:
                    z = self.logits(features(sentence, kind))
                else:
                    z = memo.get((kind, sentence))
                    if z is None:
                        if len(memo) >= MEMO_SENTENCES:
                            memo.clear()
                        z = memo[(kind, sentence)] = self.logits(features(sentence, kind))
                if track:
                    best = list(map(max, best, z))
                if any(map(operator.ge, z, cuts)):  # most sentences reach no theme
                    for t in [t for t, (v, c) in enumerate(zip(z, cuts, strict=True)) if v >= c]:
                        found.setdefault(themes[t], []).append((name, start, end, _sigmoid(z[t])))
        for spans in found.values():
            spans.sort(key=lambda s: -s[3])
        return found, ({t: _sigmoid(b) for t, b in zip(themes, best, strict=True)} if track else {})

    def vetoed(self, theme: str, best: float) -> bool:
        """Whether the rules' hit of ``theme`` is overruled: no sentence came near it."""
        try:
            return best < self.vetoes[self.themes.index(theme)]
        except (ValueError, IndexError):
            return False

    @property
    def id(self) -> str:
        """sha256 of what the model decides with (weights, bias, thresholds, features)."""
        body = json.dumps([FEATURE_VERSION, self.themes, self._rounded()], separators=(",", ":"))
        return hashlib.sha256(body.encode()).hexdigest()[:32]

    def _rounded(self) -> dict:
        return {
            "bias": [round(b, 5) for b in self.bias],
            "thresholds": [round(t, 4) for t in self.thresholds],
            "vetoes": [round(v, 4) for v in self.vetoes],
            "weights": {f: [round(x, 4) for x in w] for f, w in sorted(self.weights.items())},
        }

    def to_json(self) -> str:
        """The shipped form; its first line names the model (read by :func:`shipped_id`)."""
        return f'{{"id":"{self.id}",\n' + json.dumps(
            {
                "feature_version": FEATURE_VERSION,
                "fingerprint": self.fingerprint,
                "trained_on": list(self.trained_on),
                "themes": list(self.themes),
                **self._rounded(),
            },
            separators=(",", ":"),
        )[1:]

    @classmethod
    def from_json(cls, text: str) -> LearnedModel:
        data = json.loads(text)
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError("the learned theme model was made for other features; retrain it")
        return cls(
            themes=tuple(data["themes"]),
            weights={f: tuple(w) for f, w in data["weights"].items()},
            bias=tuple(data["bias"]),
            thresholds=tuple(data["thresholds"]),
            fingerprint=data["fingerprint"],
            trained_on=tuple(data.get("trained_on", ())),
            vetoes=tuple(data.get("vetoes", ())),
        )


def _shipped():
    return resources.files("reflect").joinpath(MODEL_RESOURCE)


@cache
def shipped_id() -> str:
    """The shipped model's id, read from its first line (the model itself is not loaded), or
    "" when there is none: part of the key of the theme results a journal keeps."""
    try:
        with _shipped().open("r", encoding="utf-8") as f:
            head = f.readline()
    except (FileNotFoundError, OSError):
        return ""
    m = re.match(r'\{"id":"([0-9a-f]+)"', head)
    return m.group(1) if m else "unnamed"


@cache
def shipped_model() -> LearnedModel | None:
    """The model shipped with Reflect (read once, when first needed), or None if absent."""
    try:
        text = _shipped().read_text("utf-8")
    except (FileNotFoundError, OSError):
        return None
    return LearnedModel.from_json(text)
