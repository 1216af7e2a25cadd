"""Repairs an older journal needs once, made the first time it is opened for writing.

Each repair leaves a mark in the journal's header when done, so it runs once. A repair rewrites
values in place, in one transaction, and never drops one: the practitioner's words are kept
exactly, only their form is mended.

- **Dates with a UTC offset.** An import before this version kept ``2025-06-02T10:00+02:00`` as
  written; a date with an offset cannot be compared with one without, so export, themes, search
  and briefs failed. Such dates become the same moment in local time (as new imports do).
"""

from __future__ import annotations

from reflect.core import records
from reflect.store.database import JournalFile

OFFSET_DATES = "repaired.offset-dates"
ALL = (OFFSET_DATES,)


def mark_all_done(file: JournalFile) -> None:
    """A new journal needs none of the repairs."""
    with file.transaction():
        for name in ALL:
            file.set_mark(name)


def run(file: JournalFile) -> None:
    """Make every repair this journal still needs (nothing for a read-only journal: reading
    copes with every old form, see :func:`records.parse_date`)."""
    if not file.writable or file.mark(OFFSET_DATES):
        return
    with file.transaction():
        _offset_dates(file)
        file.set_mark(OFFSET_DATES)


def _mended(text: object) -> object:
    return records.format_date(records.parse_date(text)) if records.has_offset(text) else text


def _offset_dates(file: JournalFile) -> None:
    for r in file.rows("entry", ("date", "summary"), damaged=[]):
        summary = r["summary"] if isinstance(r["summary"], dict) else {}
        date = _mended(r["date"])
        if date != r["date"] or summary.get("date") != date:
            file.update("entry", r["id"], {"date": date, "summary": {**summary, "date": date}})
    for r in file.rows("draft", ("data",), damaged=[]):
        data = r["data"]
        if isinstance(data, dict) and records.has_offset(data.get("date")):
            file.update("draft", r["id"], {"data": {**data, "date": _mended(data["date"])}})
