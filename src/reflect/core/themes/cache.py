"""Detection results kept in the journal, so a whole-journal analysis detects only what changed.

Detection depends on two things only: the entry's text and the detector (the lexicon with the
practitioner's own themes, the learned model, and the code that reads them). So each result is kept (encrypted, like
everything in the journal) with a fingerprint of both, and used again only while both still
match: an edited entry, a new user theme or another version of Reflect simply means detecting
again. The practitioner's decisions are not part of it; they are applied afresh every time.

What is kept is the compact form of :mod:`.parallel`: theme ids, scores and offsets into the
entry's own fields (the evidence's words are cut from the entry again when read).
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field

import reflect
from reflect.core.themes.detector import Evidence, ThemeDetector, ThemeHit
from reflect.store.errors import StoreError

# Bump when detection finds something else in the same text with the same lexicon.
DETECTION_VERSION = 4  # 4: Markdown headings (a quick note's prompts) are not read

Fields = list[tuple[str, str]]


def detector_key(detector: ThemeDetector) -> str:
    """Fingerprint of everything but the text that detection depends on."""
    digest = hashlib.sha256(f"{reflect.__version__}|{DETECTION_VERSION}|".encode())
    digest.update(repr(detector.lexicon).encode())
    digest.update(f"|learned {detector.learned_id}".encode())
    return digest.hexdigest()[:32]


def text_key(fields: Fields) -> str:
    digest = hashlib.sha256()
    for name, text in fields:
        digest.update(name.encode())
        digest.update(b"\x00")
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\x01")
    return digest.hexdigest()[:32]


def compact(hits: list[ThemeHit]) -> list:
    return [[h.theme, h.score, [[e.field, e.start, e.end] for e in h.evidence]] for h in hits]


def expand(themes: list, fields: Fields) -> list[ThemeHit]:
    """Hits back from their compact form, the evidence's words cut from ``fields``."""
    texts = dict(fields)
    return [
        ThemeHit(theme, score, [Evidence(f, s, e, texts[f][s:e]) for f, s, e in spans])
        for theme, score, spans in themes
    ]


@dataclass
class KeptResults:
    """The journal's kept results for one detector, and the new ones to keep."""

    key: str
    known: dict[str, dict] = field(default_factory=dict)
    fresh: dict[str, dict] = field(default_factory=dict)

    def lookup(self, entry_id: str | None, fields: Fields) -> list[ThemeHit] | None:
        """The kept hits for this entry, if its text is the same as when they were found."""
        data = self.known.get(entry_id or "")
        if data is None or data.get("text") != text_key(fields):
            return None
        try:
            return expand(data["themes"], fields)
        except (KeyError, TypeError, ValueError):  # not what we wrote: detect it again
            return None

    def remember(self, entry_id: str | None, fields: Fields, themes: list) -> None:
        """A new result to keep: ``themes`` in compact form (:func:`compact`)."""
        if entry_id:
            self.fresh[entry_id] = {"text": text_key(fields), "themes": themes}

    def keep(self, journal, count: int | None = None) -> int:
        """Write the new results, or only the first ``count`` (the app writes a batch at a time
        between other events, so its window never waits long); what is left stays in
        ``fresh``. Returns how many were kept: none in a journal opened read-only. Never fails
        what asked for the analysis: if the disk is full, they are all found again next time."""
        batch = self.fresh if count is None else dict(itertools.islice(self.fresh.items(), count))
        try:
            kept = journal.keep_theme_results(self.key, batch)
        except StoreError:
            self.fresh = {}
            return 0
        for entry_id in list(batch):
            self.known[entry_id] = self.fresh.pop(entry_id)
        return kept
