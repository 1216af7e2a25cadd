"""Rendering a draft brief and writing it, behind the final gate.

The gate re-scans the exact output for every variant of every person the journal knows and
refuses to write if any is found. The file is written whole (a temporary file in the chosen
folder, then renamed), so nothing readable is left elsewhere.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

from reflect.core.deid import find_known_leaks
from reflect.core.errors import StoreError
from reflect.core.private_file import write_private

from .case import BriefDraft
from .html_brief import to_html
from .markdown_brief import to_markdown

FORMATS = ("md", "html", "pdf")


class BriefRefused(StoreError):
    """The gate found a known person in the brief; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(
            "The brief was not written: it still names someone the journal knows ("
            + "; ".join(problems[:3]) + ("; …" if len(problems) > 3 else "")
            + "). Mark those words for removal and try again."
        )


class FileNameRefused(BriefRefused):
    """The file's own name holds a known person's name; nothing was written."""

    def __init__(self) -> None:
        self.problems = ["the file's name"]
        StoreError.__init__(
            self,
            "The brief was not written: its file name contains a name the journal knows. A file's "
            "name goes wherever the file goes; choose another name.")


def file_name_names_someone(draft: BriefDraft, destination: Path | str) -> bool:
    """Whether a file's name (without its extension) holds anyone the journal knows, read as
    the gate reads the brief itself: folded, inside words and joined parts."""
    return bool(find_known_leaks(Path(destination).stem, draft.known))


def render(draft: BriefDraft, fmt: str = "md") -> str:
    md_text = to_markdown(draft)
    if fmt == "md":
        return md_text
    if fmt == "html":
        return to_html(md_text, draft.template.title)
    raise ValueError(f"render() gives text formats only, not {fmt!r}")


def gate(draft: BriefDraft, text: str) -> None:
    """Refuse, naming the problem (by role and the passage it is in, never the name), if anyone known is left.

    The text is read as written and as a browser or viewer would show it: character references
    (``&#90;``) and percent-escapes (``%5A``) decoded, so a name cannot hide behind either."""
    leaks = []
    for shown in dict.fromkeys((text, html.unescape(text), unquote(html.unescape(text)))):
        leaks += [(shown, leak) for leak in find_known_leaks(shown, draft.known)]
    if not leaks:
        return
    labels = {p.display: draft.known.pseudonyms[i] for i, p in enumerate(draft.known.people)}
    problems = []
    for shown, leak in leaks:
        problem = (f"a {leak.how} of {labels.get(leak.person, 'a known person')} "
                   f"{_where(shown, leak.start)}")
        if problem not in problems:
            problems.append(problem)
    raise BriefRefused(problems)


def _where(text: str, at: int) -> str:
    """Where in the brief a position is, as a reader finds it: under which heading and in which
    part ("in “Session 2 — a week later”, its demands"); never the words themselves."""
    lines = text[:at].split("\n")
    heading, part = "", ""
    for line in lines[:-1]:
        stripped = line.strip()
        if stripped.startswith("#"):
            heading, part = stripped.lstrip("#").strip(), ""
        elif re.fullmatch(r"\*\*[^*]+\*\*", stripped):
            part = stripped.strip("*").strip().lower()
    current = lines[-1].lstrip()
    if current.startswith(">"):
        part = "the narrative"
    elif current.startswith("**What went well"):
        part = "what went well"
    if not heading:
        return f"on line {len(lines)}"
    return f"in “{heading}”" + (f", {part}" if part else "")


def write_brief(draft: BriefDraft, fmt: str, destination: Path | str) -> Path:
    """Gate the brief in the chosen format (and the file's own name), then write it whole and
    readable by its owner only."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    destination = Path(destination)
    if file_name_names_someone(draft, destination):
        raise FileNameRefused
    md_text = to_markdown(draft)
    gate(draft, md_text)
    if fmt == "pdf":
        from . import pdf  # Qt is loaded only when a PDF is asked for

        gate(draft, pdf.plain_text(md_text))
        data, _ = pdf.render_pdf(md_text, draft.template.title)
    else:
        text = md_text if fmt == "md" else to_html(md_text, draft.template.title)
        gate(draft, text)
        data = text.encode("utf-8")
    write_private(destination, data)
    return destination
