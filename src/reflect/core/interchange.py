"""The JSON Lines interchange format (see ARCHITECTURE.md): import all-or-nothing, export.

Import reads and checks every line before writing anything; one bad line refuses the whole file
with its line number. Unknown keys are reported as warnings, never silently dropped.
Extensions beyond the contract (all optional, all round-tripped): ``template``, ``notes`` on
people, ``rejected_themes`` (suggestions the practitioner turned down), ``resulted_from`` on a demand and ``answers`` on a control (indexes into the same
line's controls / demands).

Other records go on lines of their own, named by a ``record`` key (``brief_export``,
``meeting``, ``self_check``, ``profile``: :mod:`reflect.core.supervision.interchange`); a line
without one is an entry, as it always was. A record type this version does not know is left out with a warning.

Every string round-trips: the export escapes the characters that other programs (and Python's
``str.splitlines``) take for line ends (U+2028, U+2029, U+0085), and the import splits lines
on ``\n`` only. Messages about a bad line say what is wrong and where, never what the file
holds there (it may be a name).
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
    MAX_MINUTES,
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
BOM = "\ufeff"
# Line ends to ``str.splitlines`` (and to some editors) but legal, raw, inside a JSON string.
_LINE_LIKE = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}
_LINE_LIKE_TABLE = str.maketrans(_LINE_LIKE)


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
    brief_exports: int = 0


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
        raise _Bad(f"'{key}' must be one of {allowed}") from None


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


def _key_name(key: str) -> str:
    """An unknown key as a message may show it: a short plain word, or not at all (a key is
    the file's own text, and could be a name)."""
    if key.isascii() and key.isidentifier() and len(key) <= 30 and key == key.lower():
        return repr(key)
    return "(a key that is not a plain word)"


def _unknown(obj: dict, allowed: set[str], where: str, warnings: list[str], n: int) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        keys = ", ".join(dict.fromkeys(_key_name(k) for k in extra))
        warnings.append(f"line {n}: ignored unknown key{'s' if len(extra) > 1 else ''} {keys}{where}")


def _broken_text(value: object) -> bool:
    """Whether any string in a decoded line cannot be written as UTF-8 (a lone surrogate,
    which JSON allows as ``\\ud800``)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _float_is_finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Bad("a number is too large")
    return value


def _constant(name: str) -> None:
    raise _Bad(f"{name} is not valid JSON")


def _load(line: str) -> object:
    try:
        obj = json.loads(line, parse_float=_float_is_finite, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise _Bad("nested too deeply") from None
    except ValueError:  # an integer of thousands of digits (Python refuses to convert it)
        raise _Bad("a number is too long") from None
    if _broken_text(obj):
        raise _Bad("holds a broken character (a lone surrogate, \\ud800-\\udfff)")
    return obj


def _index(obj: dict, key: str, size: int) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
        raise _Bad(f"'{key}' must be the index of an item in this line")
    return value


def _load_object(line: str) -> dict:
    obj = _load(line)
    if not isinstance(obj, dict):
        raise _Bad("each line must be one JSON object")
    return obj


def parse_line(n: int, line: str, warnings: list[str]) -> ParsedLine:
    return parse_entry(n, _load_object(line), warnings)


def parse_entry(n: int, obj: dict, warnings: list[str]) -> ParsedLine:
    _unknown(obj, ENTRY_KEYS, "", warnings, n)
    raw_date = _text(obj, "date", required=True)
    try:
        when = datetime.fromisoformat(raw_date)
    except ValueError:
        raise _Bad("'date' is not an ISO date and time (such as 2026-03-14T17:00)") from None
    if when.tzinfo is not None:
        when = records.local_time(when)
        warnings.append(f"line {n}: a date with a UTC offset was read as this computer's local time")
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
        planned_minutes=_int(obj, "planned_minutes", 0, MAX_MINUTES),
        actual_minutes=_int(obj, "actual_minutes", 0, MAX_MINUTES),
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


def parse(lines: Iterable[str | bytes]) -> tuple[list[ParsedLine], list[str]]:
    """Check every line; raise ``ImportProblem`` listing each bad one. Blank lines are skipped.
    Lines may be bytes (read from a file), decoded here so a bad one is named by number; a
    byte-order mark at the start of the file is allowed."""
    parsed = parse_file(lines)
    return parsed.entries, parsed.warnings


def parse_file(lines: Iterable[str | bytes]) -> ParsedFile:
    """Every line checked (as :func:`parse`): entries, and the other records (meetings,
    self-checks, the profile)."""
    from reflect.core.supervision.interchange import PARSERS  # it builds on this module

    parsed = ParsedFile([], [], [])
    problems: list[str] = []
    warnings = parsed.warnings
    for n, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"line {n}: not UTF-8 text")
                continue
        if n == 1:
            line = line.removeprefix(BOM)
        if not line.strip():
            continue
        try:
            obj = _load_object(line)
            kind = obj.get("record", "entry")
            if kind == "entry":
                parsed.entries.append(parse_entry(n, obj, warnings))
            elif isinstance(kind, str) and kind in PARSERS:
                parsed.records.append(PARSERS[kind](n, obj, warnings))
            else:
                name = _key_name(kind) if isinstance(kind, str) else "(not a name)"
                warnings.append(f"line {n}: left out a record of kind {name} "
                                "(this version of Reflect does not know it)")
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


def import_lines(journal: Journal, lines: Iterable[str | bytes]) -> ImportReport:
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
    report.meetings, report.self_checks, report.profile, report.brief_exports = (
        done.meetings, done.self_checks, done.profile, done.brief_exports)
    report.clients_created = index.created_clients
    report.people_created = index.created_people
    return report


def split_lines(data: str | bytes) -> list:
    """A JSON Lines file's lines: split on ``\n`` (an ``\r`` before it dropped), never on the
    other characters ``splitlines`` takes for line ends, which a JSON string may hold raw."""
    newline, cr = ("\n", "\r") if isinstance(data, str) else (b"\n", b"\r")
    lines = data.split(newline)
    if lines and not lines[-1]:
        lines.pop()
    return [line.removesuffix(cr) for line in lines]


def import_file(journal: Journal, stream: IO[str] | IO[bytes]) -> ImportReport:
    """Import a whole file (text or binary stream): all of it, or nothing."""
    return import_lines(journal, split_lines(stream.read()))


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
    """An entry in the interchange format, from its one plain mapping (``records.entry_plain``):
    people by name instead of ids, rows linked by position, empty values left out."""
    plain = records.entry_plain(e)
    out: dict = {"date": plain["date"]}
    if e.client_id and e.client_id in people:
        out["client"] = _person_out(people[e.client_id], client=True)
    out["people"] = [_person_out(people[p], client=False) for p in e.people_ids if p in people]
    for key in ("setting", "planned_minutes", "actual_minutes", "stress_before", "stress_after"):
        if plain[key] is not None:
            out[key] = plain[key]
    out["narrative"] = plain["narrative"]
    if plain["went_well"]:
        out["went_well"] = plain["went_well"]
    demand_index = {d["id"]: i for i, d in enumerate(plain["demands"])}
    control_index = {c["id"]: i for i, c in enumerate(plain["controls"])}
    out["demands"] = []
    for d in plain["demands"]:
        item: dict = {"category": d["category"], "text": d["text"]}
        if d["intensity"] is not None:
            item["intensity"] = d["intensity"]
        if d["from_control"] in control_index:
            item["resulted_from"] = control_index[d["from_control"]]
        out["demands"].append(item)
    out["controls"] = []
    for c in plain["controls"]:
        item = {"timing": c["timing"], "text": c["text"]}
        if c["stance"]:
            item["stance"] = c["stance"]
        if c["outcome"] is not None:
            item["outcome"] = c["outcome"]
        if c["answers"] in demand_index:
            item["answers"] = demand_index[c["answers"]]
        out["controls"].append(item)
    for key in ("themes", "rejected_themes", "template"):
        if plain[key]:
            out[key] = plain[key]
    return out


def export_lines(journal: Journal) -> Iterator[str]:
    """The whole journal, oldest entry first, one JSON object per line; then the other
    records (meetings, self-checks, the practice profile)."""
    from reflect.core.supervision.interchange import export_record_lines

    people = {p.id: p for p in journal.people()}
    entry_dates = {}
    for e in journal.entries():
        entry_dates[e.id] = e.date
        yield json.dumps(entry_to_dict(e, people), ensure_ascii=False).translate(_LINE_LIKE_TABLE)
    for line in export_record_lines(journal, people, entry_dates):
        yield line.translate(_LINE_LIKE_TABLE)
