"""The result types of de-identification, and how a set of redactions is applied to a text.

Offsets always refer to the ORIGINAL text, so a reviewer (or the GUI) can show, accept, reject or
edit each redaction and then re-apply the edited set with :func:`apply`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = (
    "known_person", "name", "place", "organisation", "date", "time", "age", "phone", "email",
    "url", "handle", "postcode", "address", "number",
)

# The bracketed labels redaction writes; the export gate never reads them as names.
LABELS = (
    "[name]", "[place]", "[organisation]", "[address]", "[email]", "[link]", "[handle]", "[phone]",
    "[postcode]", "[ZIP]", "[number]", "[file]", "[date]", "[month]", "[holiday]", "[venue]",
    "[pet]", "[removed]", "[day]", "[season]",
)


@dataclass(frozen=True)
class Redaction:
    """One stretch of the original text and what replaces it."""

    start: int
    end: int
    original: str
    replacement: str
    kind: str
    confidence: float = 1.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class RedactedText:
    text: str
    spans: list[Redaction] = field(default_factory=list)

    def uncertain(self, below: float = 0.8) -> list[Redaction]:
        """The redactions a practitioner should look at first."""
        return [s for s in self.spans if s.confidence < below]

    def to_dict(self) -> dict:
        return {"text": self.text, "spans": [s.to_dict() for s in self.spans]}


# Higher wins when two candidate spans overlap (then the longer, then the more confident).
_PRIORITY = {
    "email": 10, "url": 10, "known_person": 9, "handle": 7, "phone": 7, "postcode": 6,
    "address": 6, "date": 5, "number": 4, "age": 4, "time": 4, "organisation": 3, "place": 3,
    "name": 2,
}


def resolve_overlaps(spans: list[Redaction]) -> list[Redaction]:
    """Keep a non-overlapping subset: higher-priority kinds first, then longer, then surer."""

    def rank(s: Redaction) -> tuple:
        return (-_PRIORITY.get(s.kind, 0), -(s.end - s.start), -s.confidence, s.start)

    chosen: list[Redaction] = []
    taken: list[tuple[int, int]] = []
    for s in sorted(spans, key=rank):
        if s.end <= s.start:
            continue
        if any(s.start < e and b < s.end for b, e in taken):
            continue
        chosen.append(s)
        taken.append((s.start, s.end))
    return sorted(chosen, key=lambda s: s.start)


def apply(text: str, spans: list[Redaction]) -> str:
    """Replace each span of ``text`` by its replacement; overlapping spans are resolved first.

    Replacements that start a sentence are capitalised ("the client" -> "The client").
    """
    out: list[str] = []
    pos = 0
    for s in resolve_overlaps(spans):
        if text[s.start:s.end] != s.original:
            raise ValueError(f"span {s.start}-{s.end} does not match the text: {s.original!r}")
        out.append(text[pos:s.start])
        rep = s.replacement
        if rep and rep[0].islower() and _starts_sentence(text, s.start):
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
        pos = s.end
    out.append(text[pos:])
    return "".join(out)


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t'\"‘“(*_":
        i -= 1
    return i < 0 or text[i] in ".!?\n:#>-•"
