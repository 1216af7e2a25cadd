"""Markdown headings in a narrative are its structure, not what the practitioner wrote about the
session: a quick note's narrative is its prompts as ``## What did I notice in myself?`` headings
with the answers under them. Detection reads the answers only; the evidence pane shows a heading
as a heading, not as ``##`` text."""

from __future__ import annotations

import re

# An ATX heading (CommonMark: up to three spaces, one to six #, then a space or the line's end).
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t][^\n]*)?$", re.MULTILINE)


def without_headings(text: str) -> str:
    """``text`` with every heading line blanked: the same length, so offsets found in the result
    are offsets in ``text``."""
    if "#" not in text:
        return text
    return _HEADING.sub(lambda m: " " * len(m.group()), text)


def heading_title(line: str) -> str | None:
    """The words of a heading line (``## What happened?`` -> ``What happened?``), else None."""
    if _HEADING.fullmatch(line) is None:
        return None
    return line.strip().lstrip("#").strip()
