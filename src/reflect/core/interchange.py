"""The JSON Lines interchange format (see ARCHITECTURE.md): import all-or-nothing, export.

Import reads and checks every line before writing anything; one bad line refuses the whole file
with its line number. Unknown keys are reported as warnings, never silently dropped.
Extensions beyond the contract (all optional, all round-tripped): ``template``, ``notes`` on
people, ``rejected_themes`` (suggestions the practitioner turned down), ``resulted_from`` on a demand and ``answers`` on a control (indexes into the same
line's controls / demands).

Other records go on lines of their own, named by a ``record`` key (``meeting``, ``self_check``,
``profile``: :mod:`reflect.core.supervision.interchange`); a line without one is an entry, as
it always was. A record type this version does not know is left out with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO

from reflect.core import records
from reflect.core.errors import ImportProblem
from reflect.core.journal import Journal
from reflect.core.model import (
    Control,
    Demand,
    DemandCategory,
    Entry,
    Person,
    PersonKind,
    Setting,
    Stance,
    Timing,
)

ENTRY_KEYS = {
    "date", "client", "people", "setting", "planned_minutes", "actual_minutes", "stress_before",
    "stress_after", "narrative", "went_well", "demands", "controls", "themes", "template",
    "rejected_themes", "record",
}
CLIENT_KEYS = {"name", "alias", "aka", "notes"}
PERSON_KEYS = {"name", "role", "aka", "alias", "notes"}
DEMAND_KEYS = {"category", "text", "intensity", "resulted_from"}
CONTROL_KEYS = {"timing", "text", "stance", "outcome", "answers"}


class _Bad(Exception):
    pass


@dataclass
class ParsedLine:
    number: int
    entry: Entry
    client: dict | None
    people: list[dict]


@dataclass
class ImportReport:
    entries: int = 0
    clients_created: int = 0
    people_created: int = 0
    warnings: list[str] = field(default_factory=list)
    entry_ids: list[str] = field(default_factory=list)
    meetings: int = 0
    self_checks: int = 0
    profile: bool = False


@dataclass
class ParsedFile:
    entries: list[ParsedLine]
    records: list  # reflect.core.supervision.interchange.ParsedRecord: meetings, self-checks, …
    warnings: list[str]


# --- checking ------------------------------------------------------------------------------


def _text(obj: dict, key: str, *, required: bool = False) -> str | None:
    value = obj.get(key)
    if value is None:
        if required:
            raise _Bad(f"'{key}' is required")
        return None
    if not isinstance(value, str):
        raise _Bad(f"'{key}' must be text")
    if required and not value.strip():
        raise _Bad(f"'{key}' must not be empty")
    return value


def _int(obj: dict, key: str, lo: int, hi: int) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise _Bad(f"'{key}' must be a whole number from {lo} to {hi}")
    return value


def _choice(obj: dict, key: str, kind, *, required: bool = False):
    value = obj.get(key)
    if value is None:
        if required:
            raise _Bad(f"'{key}' is required")
        return None
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in kind)
        raise _Bad(f"'{key}' must be one of {allowed} (found {value!r})") from None


def _names(obj: dict, key: str) -> list[str]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"'{key}' must be a list of text")
    return list(value)


def _objects(obj: dict, key: str) -> list[dict]:
    value = obj.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise _Bad(f"'{key}' must be a list of objects")
    return value


def _unknown(obj: dict, allowed: set[str], where: str, warnings: list[str], n: int) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        keys = ", ".join(repr(k) for k in extra)
        warnings.append(f"line {n}: ignored unknown key{'s' if len(extra) > 1 else ''} {keys}{where}")


def _index(obj: dict, key: str, size: int) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        raise _Bad(f"'{key}' must be the index of an item in this line")
    return value


def _load(line: str) -> dict:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise _Bad("each line must be one JSON object")
    return obj


def parse_line(n: int, line: str, warnings: list[str]) -> ParsedLine:
    return parse_entry(n, _load(line), warnings)


def parse_entry(n: int, obj: dict, warnings: list[str]) -> ParsedLine:
    _unknown(obj, ENTRY_KEYS, "", warnings, n)
    raw_date = _text(obj, "date", required=True)
    try:
        when = datetime.fromisoformat(raw_date)
    except ValueError:
        raise _Bad(f"'date' is not an ISO date and time (found {raw_date!r})") from None
    client = obj.get("client")
    if client is not None:
        if not isinstance(client, dict):
            raise _Bad("'client' must be an object with a 'name'")
        _text(client, "name", required=True)
        _text(client, "alias")
        _text(client, "notes")
        _names(client, "aka")
        _unknown(client, CLIENT_KEYS, " in 'client'", warnings, n)
    people = _objects(obj, "people")
    for p in people:
        _text(p, "name", required=True)
        _text(p, "role")
        _text(p, "alias")
        _text(p, "notes")
        _names(p, "aka")
        _unknown(p, PERSON_KEYS, " in 'people'", warnings, n)
    raw_demands = _objects(obj, "demands")
    raw_controls = _objects(obj, "controls")
    demands = []
    for d in raw_demands:
        _unknown(d, DEMAND_KEYS, " in 'demands'", warnings, n)
        demands.append(
            Demand(
                category=_choice(d, "category", DemandCategory, required=True),
                text=_text(d, "text", required=True),
                intensity=_int(d, "intensity", 0, 10),
                id=records.new_id(),
            )
        )
    controls = []
    for c in raw_controls:
        _unknown(c, CONTROL_KEYS, " in 'controls'", warnings, n)
        controls.append(
            Control(
                timing=_choice(c, "timing", Timing, required=True),
                text=_text(c, "text", required=True),
                stance=_choice(c, "stance", Stance),
                outcome=_text(c, "outcome"),
                id=records.new_id(),
            )
        )
    for d, raw in zip(demands, raw_demands, strict=True):
        i = _index(raw, "resulted_from", len(controls))
        d.from_control = controls[i].id if i is not None else None
    for c, raw in zip(controls, raw_controls, strict=True):
        i = _index(raw, "answers", len(demands))
        c.answers = demands[i].id if i is not None else None
    entry = Entry(
        date=when,
        narrative=_text(obj, "narrative", required=True),
        setting=_choice(obj, "setting", Setting),
        planned_minutes=_int(obj, "planned_minutes", 0, 24 * 60),
        actual_minutes=_int(obj, "actual_minutes", 0, 24 * 60),
        stress_before=_int(obj, "stress_before", 0, 10),
        stress_after=_int(obj, "stress_after", 0, 10),
        went_well=_text(obj, "went_well"),
        template=_text(obj, "template"),
        themes=_names(obj, "themes"),
        rejected_themes=_names(obj, "rejected_themes"),
        demands=demands,
        controls=controls,
    )
    return ParsedLine(n, entry, client, people)


def parse(lines: Iterable[str]) -> tuple[list[ParsedLine], list[str]]:
    """Check every line; raise ``ImportProblem`` listing each bad one. Blank lines are skipped."""
    parsed = parse_file(lines)
    return parsed.entries, parsed.warnings


def parse_file(lines: Iterable[str]) -> ParsedFile:
    """Every line checked: entries, and the other records (meetings, self-checks, profile)."""
    from reflect.core.supervision.interchange import PARSERS  # it builds on this module

    parsed = ParsedFile([], [], [])
    problems: list[str] = []
    warnings = parsed.warnings
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = _load(line)
            kind = obj.get("record", "entry")
            if kind == "entry":
                parsed.entries.append(parse_entry(n, obj, warnings))
            elif isinstance(kind, str) and kind in PARSERS:
                parsed.records.append(PARSERS[kind](n, obj, warnings))
            else:
                warnings.append(f"line {n}: left out a {str(kind)[:40]!r} record "
                                "(this version of Reflect does not know that kind)")
        except _Bad as exc:
            problems.append(f"line {n}: {exc}")
    if problems:
        raise ImportProblem(problems)
    return parsed


# --- importing -----------------------------------------------------------------------------


class _PeopleIndex:
    """Matches people by full name (any case) across lines and against the journal."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.by_key: dict[tuple[str | None, str], Person] = {}
        for p in journal.people():
            owner = None if p.kind == PersonKind.CLIENT else (p.linked_to or "")
            self.by_key[(owner, p.name.casefold())] = p
        self.created_clients = 0
        self.created_people = 0

    def _upsert(self, key, make, raw: dict) -> Person:
        person = self.by_key.get(key)
        changed = False
        if person is None:
            person = make()
            changed = True
        for name in raw.get("aka") or []:
            if name not in person.aka:
                person.aka.append(name)
                changed = True
        for attr in ("alias", "notes", "role"):
            if raw.get(attr) and not getattr(person, attr):
                setattr(person, attr, raw[attr])
                changed = True
        if changed:
            self.journal.save_person(person)
            self.by_key[key] = person
        return person

    def client(self, raw: dict) -> Person:
        key = (None, raw["name"].casefold())
        before = key in self.by_key
        person = self._upsert(key, lambda: Person(name=raw["name"], kind=PersonKind.CLIENT), raw)
        self.created_clients += not before
        return person

    def other(self, raw: dict, client: Person | None) -> Person:
        owner = client.id if client else ""
        key = (owner, raw["name"].casefold())
        before = key in self.by_key
        person = self._upsert(
            key,
            lambda: Person(
                name=raw["name"],
                kind=PersonKind.OTHER,
                linked_to=client.id if client else None,
            ),
            raw,
        )
        self.created_people += not before
        return person


def import_lines(journal: Journal, lines: Iterable[str]) -> ImportReport:
    """Import every line in one transaction, or nothing at all."""
    from reflect.core.supervision.interchange import import_records

    parsed = parse_file(lines)
    report = ImportReport(warnings=parsed.warnings)
    with journal.transaction():
        index = _PeopleIndex(journal)
        for line in parsed.entries:
            client = index.client(line.client) if line.client else None
            entry = line.entry
            entry.client_id = client.id if client else None
            entry.people_ids = [index.other(p, client).id for p in line.people]
            report.entry_ids.append(journal.save_entry(entry).id or "")
            report.entries += 1
        done = import_records(journal, parsed.records, index.client, report.warnings)
    report.meetings, report.self_checks, report.profile = (
        done.meetings, done.self_checks, done.profile)
    report.clients_created = index.created_clients
    report.people_created = index.created_people
    return report


def import_file(journal: Journal, stream: IO[str]) -> ImportReport:
    try:
        lines = stream.read().splitlines()
    except UnicodeDecodeError:
        raise ImportProblem(["the file is not UTF-8 text"]) from None
    return import_lines(journal, lines)


# --- exporting -----------------------------------------------------------------------------


def _person_out(p: Person, *, client: bool) -> dict:
    out: dict = {"name": p.name}
    if client:
        if p.alias:
            out["alias"] = p.alias
    else:
        if p.role:
            out["role"] = p.role
        if p.alias:
            out["alias"] = p.alias
    if p.aka:
        out["aka"] = list(p.aka)
    if p.notes:
        out["notes"] = p.notes
    return out


def entry_to_dict(e: Entry, people: dict[str, Person]) -> dict:
    out: dict = {"date": records.format_date(e.date)}
    if e.client_id and e.client_id in people:
        out["client"] = _person_out(people[e.client_id], client=True)
    out["people"] = [_person_out(people[p], client=False) for p in e.people_ids if p in people]
    for key in ("setting", "planned_minutes", "actual_minutes", "stress_before", "stress_after"):
        value = getattr(e, key)
        if value is not None:
            out[key] = str(value) if key == "setting" else value
    out["narrative"] = e.narrative
    if e.went_well:
        out["went_well"] = e.went_well
    demand_index = {d.id: i for i, d in enumerate(e.demands)}
    control_index = {c.id: i for i, c in enumerate(e.controls)}
    out["demands"] = []
    for d in e.demands:
        item: dict = {"category": str(d.category), "text": d.text}
        if d.intensity is not None:
            item["intensity"] = d.intensity
        if d.from_control in control_index:
            item["resulted_from"] = control_index[d.from_control]
        out["demands"].append(item)
    out["controls"] = []
    for c in e.controls:
        item = {"timing": str(c.timing), "text": c.text}
        if c.stance:
            item["stance"] = str(c.stance)
        if c.outcome is not None:
            item["outcome"] = c.outcome
        if c.answers in demand_index:
            item["answers"] = demand_index[c.answers]
        out["controls"].append(item)
    if e.themes:
        out["themes"] = list(e.themes)
    if e.rejected_themes:
        out["rejected_themes"] = list(e.rejected_themes)
    if e.template:
        out["template"] = e.template
    return out


def export_lines(journal: Journal) -> Iterator[str]:
    """The whole journal, oldest entry first, one JSON object per line; then the other
    records (meetings, self-checks, the practice profile)."""
    from reflect.core.supervision.interchange import export_record_lines

    people = {p.id: p for p in journal.people()}
    entry_dates = {}
    for e in journal.entries():
        entry_dates[e.id] = e.date
        yield json.dumps(entry_to_dict(e, people), ensure_ascii=False)
    yield from export_record_lines(journal, people, entry_dates)
