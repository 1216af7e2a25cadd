"""What an import file would add, said before anything is written: how many entries, about how
many clients (and how many are new to this journal), over which dates, and — once, plainly —
what the file holds that Reflect does not use. No Qt; the app's File → Import… shows it.

Reading the file checks every line exactly as the import will (``interchange.parse_file``), so a
file the preview accepts imports the same way, and a bad line is refused here with its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from reflect.core.interchange import ParsedFile, parse_file, split_lines
from reflect.core.journal import Journal
from reflect.core.model import PersonKind

_UNKNOWN = re.compile(r"^line \d+: ignored unknown keys? (?P<keys>.*?)(?: in '[a-z_]+')?$")
_KEY = re.compile(r"'([^']*)'|\((a key that is not a plain word)\)")


@dataclass
class ImportPreview:
    entries: int = 0
    clients: int = 0  # different clients the entries are about
    new_clients: int = 0  # of those, not yet in this journal
    general: int = 0  # entries with no client
    first: datetime | None = None
    last: datetime | None = None
    other_records: int = 0  # meetings, self-checks, a profile
    unknown_keys: list[str] = field(default_factory=list)  # in the order first seen
    unknown_lines: int = 0
    notes: list[str] = field(default_factory=list)  # any other warning, as core wrote it
    parsed: ParsedFile | None = field(default=None, repr=False)


def preview_lines(journal: Journal, lines: list) -> ImportPreview:
    """Raises ``ImportProblem`` (every bad line, by number) as the import would."""
    parsed = parse_file(lines)
    out = ImportPreview(parsed=parsed, entries=len(parsed.entries),
                        other_records=len(parsed.records))
    dates = [line.entry.date for line in parsed.entries]
    if dates:
        out.first, out.last = min(dates), max(dates)
    names: dict[str, str] = {}
    for line in parsed.entries:
        name = (line.client or {}).get("name") if line.client else None
        if name and name.strip():
            names.setdefault(name.strip().casefold(), name.strip())
        else:
            out.general += 1
    out.clients = len(names)
    out.new_clients = sum(1 for name in names.values()
                          if not journal.find_people(name, kind=PersonKind.CLIENT))
    seen_lines = set()
    for warning in parsed.warnings:
        m = _UNKNOWN.match(warning)
        if not m:
            out.notes.append(warning)
            continue
        seen_lines.add(warning.split(":", 1)[0])
        for quoted, odd in _KEY.findall(m.group("keys")):
            key = quoted or odd
            if key and key not in out.unknown_keys:
                out.unknown_keys.append(key)
    out.unknown_lines = len(seen_lines)
    return out


def preview_file(journal: Journal, data: bytes) -> ImportPreview:
    return preview_lines(journal, split_lines(data))
