"""The review's logic, apart from its widgets: a draft, the reviewer's changes, and undo.

``leaks()`` runs the same known-person scan the export gate runs, on each passage as written,
and reports the stretches no redaction covers — so a name the reviewer kept shows in red at
once. The gate on the rendered output stays the authority; this is only an early warning.
"""

from __future__ import annotations

import dataclasses

from reflect.core.brief import BriefDraft, Passage
from reflect.core.deid import Redaction, find_known_leaks


class ReviewState:
    def __init__(self, draft: BriefDraft) -> None:
        self.draft = draft
        self._history: list[tuple[str, list[Redaction]]] = []
        self._leaks: dict[str, list[tuple[int, int]]] | None = None

    def rows(self) -> list[tuple[str, Redaction]]:
        return self.draft.all_redactions()

    def leaks(self) -> dict[str, list[tuple[int, int]]]:
        """passage key -> (start, end) in the original of each known name left uncovered."""
        if self._leaks is None:
            found: dict[str, list[tuple[int, int]]] = {}
            for key, p in self.draft.passages.items():
                for leak in find_known_leaks(p.original, self.draft.known):
                    covered = any(s.start <= leak.start and leak.end <= s.end for s in p.spans)
                    overlapping = any(s.start < leak.end and leak.start < s.end for s in p.spans)
                    if not covered and not overlapping:
                        found.setdefault(key, []).append((leak.start, leak.end))
            self._leaks = found
        return self._leaks

    def keep(self, key: str, span: Redaction) -> None:
        passage = self.draft.passages[key]
        self._history.append((key, list(passage.spans)))
        passage.undo(span)
        self._leaks = None

    def mark(self, key: str, start: int, end: int, replacement: str) -> Redaction:
        passage = self.draft.passages[key]
        self._history.append((key, list(passage.spans)))
        self._leaks = None
        return passage.mark(start, end, replacement)

    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> None:
        if self._history:
            key, spans = self._history.pop()
            self.draft.passages[key].spans = spans
            self._leaks = None

    def snapshot(self) -> BriefDraft:
        """A copy whose passages no later change can touch (for writing off the UI thread)."""
        passages = {k: Passage(k, p.original, list(p.spans)) for k, p in self.draft.passages.items()}
        return dataclasses.replace(self.draft, passages=passages)
