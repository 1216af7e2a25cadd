"""Why an entry matched a search: a short piece of its text around the first word found, and
where each searched word stands in that piece (for highlighting). No Qt."""

from __future__ import annotations

SNIPPET_CHARS = 120


def matched_snippet(text: str, words: list[str], size: int = SNIPPET_CHARS
                    ) -> tuple[str, list[tuple[int, int]]] | None:
    """(piece, [(start, end) of each searched word in it]) or None when no word is in ``text``.
    Words match as the search does: case-folded, anywhere in a word."""
    flat = " ".join(text.split())
    lowered = flat.casefold()
    found = [i for i in (lowered.find(w) for w in words if w) if i >= 0]
    if not found or len(lowered) != len(flat):  # (folding changed lengths: no safe spans)
        return None
    at = min(found)
    start = max(0, at - size // 3)
    if start:
        space = flat.rfind(" ", 0, start)  # begin at a word
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(flat), start + size)
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > at else end
    prefix = "…" if start else ""
    piece = prefix + flat[start:end] + ("…" if end < len(flat) else "")
    spans: list[tuple[int, int]] = []
    window = lowered[start:end]
    for w in words:
        if not w:
            continue
        i = window.find(w)
        while i >= 0:
            spans.append((len(prefix) + i, len(prefix) + i + len(w)))
            i = window.find(w, i + len(w))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return piece, merged
