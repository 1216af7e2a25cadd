"""The briefs the practitioner exported, so a case logged at a meeting can say which brief it
was presented with.

The brief wizard and ``reflect brief`` record each export once the file is written: when, for
which client, the template (the audience), the format, which sessions, the question, and the
file's name. The name is kept sealed like every other value (the practitioner chose it, and it
may hold a name) and only its last part is kept: the folder can say more than the file does.
A client's exports go with the client when they are forgotten; the files stay where they were
saved (Reflect cannot reach them).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reflect.core import records as core_records
from reflect.core.errors import NotFound
from reflect.core.journal import Journal

from . import records
from .model import BriefExport

TEMPLATES = ("group", "supervisor")
FORMATS = ("md", "html", "pdf")


def check_export(export: BriefExport) -> None:
    if export.template not in TEMPLATES:
        raise ValueError(f"A brief's template is one of {', '.join(TEMPLATES)}.")
    if export.format not in FORMATS:
        raise ValueError(f"A brief's format is one of {', '.join(FORMATS)}.")


def record_brief_export(journal: Journal, export: BriefExport) -> BriefExport:
    """Keep the record of one export (id filled in). Only the file's own name is kept."""
    check_export(export)
    export.file_name = Path(export.file_name).name if export.file_name else ""
    export.id = export.id or core_records.new_id()
    if export.client_id and not journal.file.ids("person", id=export.client_id):
        raise NotFound("That client is not in the journal.")
    known = set(journal.file.ids("entry", id=list(export.entry_ids))) if export.entry_ids else set()
    export.entry_ids = [e for e in export.entry_ids if e in known]
    journal.file.put("brief_export", records.brief_export_row(export))
    return export


def brief_exported(journal: Journal, *, client_id: str | None, template: str, fmt: str,
                   entry_ids: list[str], question: str = "", path: Path | str | None = None,
                   when: datetime | None = None) -> BriefExport:
    """What the wizard and the CLI call once a brief is written."""
    return record_brief_export(journal, BriefExport(
        date=when or datetime.now().replace(microsecond=0), client_id=client_id,
        template=template, format=fmt, entry_ids=list(entry_ids), question=question,
        file_name=Path(path).name if path else "",
    ))


def brief_exports(journal: Journal, client_id: str | None = None) -> list[BriefExport]:
    """Every recorded export (or one client's), newest first."""
    where = {} if client_id is None else {"client_id": client_id}
    out = [records.brief_export_from_row(r)
           for r in journal.file.rows("brief_export", records.BRIEF_EXPORT_COLUMNS,
                                      damaged=journal.damaged, **where)]
    return sorted(out, key=lambda b: b.date, reverse=True)


def brief_export(journal: Journal, export_id: str) -> BriefExport:
    for r in journal.file.rows("brief_export", records.BRIEF_EXPORT_COLUMNS, id=export_id):
        return records.brief_export_from_row(r)
    raise NotFound("That brief export is not in the journal.")
