"""Supervision in the JSON Lines interchange format: records beside the entry lines.

A line with ``"record": "brief_export"``, ``"meeting"``, ``"self_check"`` or ``"profile"`` is
one of these; every
other line (no ``record`` key, or ``"record": "entry"``) is an entry, exactly as before. People
are named as on entry lines (``{"name": ...}``, matched by name across the file and the journal);
entries a meeting refers to (the brief's sessions, the entry a follow-up was recorded on) are
named by their ``date`` among that client's entries. A reference that matches no entry is left
out with a warning naming the line. A case's ``brief`` is linked to the ``brief_export`` record
of the same client exported at the same time (in the file or already in the journal). See the
README's "Interchange format" section.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from reflect.core import records as core_records
from reflect.core.interchange import (
    _Bad,
    _choice,
    _int,
    _key_name,
    _names,
    _objects,
    _text,
    _unknown,
)
from reflect.core.journal import Journal
from reflect.core.model import Person, Profile, Stance, Timing

from .brief_exports import FORMATS as BRIEF_FORMATS
from .brief_exports import TEMPLATES as BRIEF_TEMPLATES
from .brief_exports import brief_exports, record_brief_export
from .log import MAX_MINUTES, SupervisionLog, check_meeting
from .model import (
    ActionPoint,
    BriefExport,
    BriefLink,
    FollowUp,
    FollowUpState,
    Meeting,
    MeetingKind,
    PresentedCase,
    Suggestion,
)
from .self_check import ANSWERS, BY_ID, SelfCheck, save_self_check, self_checks

MEETING_KEYS = {"record", "date", "kind", "group", "minutes", "chair", "notes", "cases", "actions"}
CASE_KEYS = {"client", "question", "brief", "questions", "suggestions"}
BRIEF_KEYS = {"exported", "template", "entries"}
BRIEF_EXPORT_KEYS = {"record", "date", "client", "template", "format", "entries", "question",
                     "file"}
SUGGESTION_KEYS = {"text", "timing", "stance", "consequence", "chosen", "follow_ups"}
FOLLOW_UP_KEYS = {"date", "state", "note", "entry"}
ACTION_KEYS = {"text", "done", "case"}
SELF_CHECK_KEYS = {"record", "date", "answers", "notes", "dismissed"}
PROFILE_TEXTS = ("profession", "modalities", "setting", "typical_clients",
                 "wants_from_supervision", "current_supervision")
PROFILE_KEYS = {"record", *PROFILE_TEXTS, "years_in_practice"}


# --- checking --------------------------------------------------------------------------------


# Messages say what is wrong and where, never what the file holds there (it may be a name).


def _iso(raw: str, what: str) -> datetime:
    try:
        return core_records.local_time(datetime.fromisoformat(raw))
    except ValueError:
        raise _Bad(f"{what} is not an ISO date and time (such as 2026-03-14T17:00)") from None


def _when(obj: dict, key: str, *, required: bool = False) -> datetime | None:
    raw = _text(obj, key, required=required)
    return None if raw is None else _iso(raw, f"'{key}'")


def _day(obj: dict, key: str) -> date | None:
    raw = _text(obj, key)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        raise _Bad(f"'{key}' is not an ISO date (such as 2026-03-14)") from None


def _flag(obj: dict, key: str) -> bool:
    value = obj.get(key, False)
    if not isinstance(value, bool):
        raise _Bad(f"'{key}' must be true or false")
    return value


@dataclass
class CaseRefs:
    """What a case names and the journal must resolve on import."""

    client: dict | None
    brief_entries: list[datetime] = field(default_factory=list)
    follow_up_entries: list[tuple[FollowUp, datetime]] = field(default_factory=list)


@dataclass
class ParsedRecord:
    number: int
    kind: str  # "brief_export", "meeting", "self_check", "profile"
    value: object  # a BriefExport, a Meeting, a SelfCheck, or a dict of profile fields
    refs: list[CaseRefs] = field(default_factory=list)  # a meeting's, one per case


def _follow_up(n: int, raw: dict, warnings: list[str], refs: CaseRefs) -> FollowUp:
    _unknown(raw, FOLLOW_UP_KEYS, " in 'follow_ups'", warnings, n)
    f = FollowUp(state=_choice(raw, "state", FollowUpState, required=True),
                 date=_when(raw, "date", required=True), note=_text(raw, "note") or "")
    entry = _when(raw, "entry")
    if entry is not None:
        refs.follow_up_entries.append((f, entry))
    return f


def _suggestion(n: int, raw: dict, warnings: list[str], refs: CaseRefs) -> Suggestion:
    _unknown(raw, SUGGESTION_KEYS, " in 'suggestions'", warnings, n)
    return Suggestion(
        text=_text(raw, "text", required=True),
        timing=_choice(raw, "timing", Timing),
        stance=_choice(raw, "stance", Stance),
        consequence=_text(raw, "consequence") or "",
        chosen=_day(raw, "chosen"),
        follow_ups=sorted((_follow_up(n, f, warnings, refs) for f in _objects(raw, "follow_ups")),
                          key=lambda f: f.date),
    )


def _client(n: int, raw: dict, warnings: list[str], what: str) -> dict | None:
    client = raw.get("client")
    if client is not None:
        if not isinstance(client, dict):
            raise _Bad(f"{what}'s 'client' must be an object with a 'name'")
        _text(client, "name", required=True)
        _unknown(client, {"name"}, f" in {what}'s 'client'", warnings, n)
    return client


def _case(n: int, raw: dict, warnings: list[str]) -> tuple[PresentedCase, CaseRefs]:
    _unknown(raw, CASE_KEYS, " in 'cases'", warnings, n)
    refs = CaseRefs(_client(n, raw, warnings, "a case"))
    brief = None
    raw_brief = raw.get("brief")
    if raw_brief is not None:
        if not isinstance(raw_brief, dict):
            raise _Bad("a case's 'brief' must be an object")
        _unknown(raw_brief, BRIEF_KEYS, " in 'brief'", warnings, n)
        brief = BriefLink(_when(raw_brief, "exported"), _text(raw_brief, "template"))
        for text in _names(raw_brief, "entries"):
            refs.brief_entries.append(_iso(text, "each of a brief's 'entries'"))
    case = PresentedCase(
        client_id=None, question=_text(raw, "question") or "", brief=brief,
        questions=_names(raw, "questions"),
        suggestions=[_suggestion(n, s, warnings, refs) for s in _objects(raw, "suggestions")],
    )
    return case, refs


def parse_meeting(n: int, obj: dict, warnings: list[str]) -> ParsedRecord:
    _unknown(obj, MEETING_KEYS, "", warnings, n)
    cases, refs = [], []
    for raw in _objects(obj, "cases"):
        case, ref = _case(n, raw, warnings)
        cases.append(case)
        refs.append(ref)
    actions = []
    for raw in _objects(obj, "actions"):
        _unknown(raw, ACTION_KEYS, " in 'actions'", warnings, n)
        index = raw.get("case")
        if index is not None and (isinstance(index, bool) or not isinstance(index, int)
                                  or not 0 <= index < len(cases)):
            raise _Bad("an action's 'case' must be the index of a case in this line")
        action = ActionPoint(_text(raw, "text", required=True), _flag(raw, "done"))
        action.case_id = str(index) if index is not None else None  # resolved on import
        actions.append(action)
    meeting = Meeting(
        date=_when(obj, "date", required=True),
        kind=_choice(obj, "kind", MeetingKind) or MeetingKind.PEER_GROUP,
        group=_text(obj, "group") or "", minutes=_int(obj, "minutes", 0, MAX_MINUTES),
        chair=_text(obj, "chair") or "", notes=_text(obj, "notes") or "",
        cases=cases, actions=actions,
    )
    try:
        check_meeting(meeting)
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    return ParsedRecord(n, "meeting", meeting, refs)


def parse_brief_export(n: int, obj: dict, warnings: list[str]) -> ParsedRecord:
    _unknown(obj, BRIEF_EXPORT_KEYS, "", warnings, n)
    refs = CaseRefs(_client(n, obj, warnings, "a brief"))
    template, fmt = _text(obj, "template") or "group", _text(obj, "format") or "md"
    if template not in BRIEF_TEMPLATES:
        raise _Bad(f"'template' is one of {', '.join(BRIEF_TEMPLATES)}")
    if fmt not in BRIEF_FORMATS:
        raise _Bad(f"'format' is one of {', '.join(BRIEF_FORMATS)}")
    for text in _names(obj, "entries"):
        refs.brief_entries.append(_iso(text, "each of a brief's 'entries'"))
    export = BriefExport(date=_when(obj, "date", required=True), client_id=None,
                         template=template, format=fmt, question=_text(obj, "question") or "",
                         file_name=_text(obj, "file") or "")
    return ParsedRecord(n, "brief_export", export, [refs])


def parse_self_check(n: int, obj: dict, warnings: list[str]) -> ParsedRecord:
    _unknown(obj, SELF_CHECK_KEYS, "", warnings, n)
    answers = obj.get("answers") or {}
    notes = obj.get("notes") or {}
    for key, value in (("answers", answers), ("notes", notes)):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise _Bad(f"'{key}' must map question ids to text")
        unknown = sorted(set(value) - set(BY_ID))
        if unknown:
            raise _Bad(f"'{key}' names no self-check question {_key_name(unknown[0])} "
                       f"(questions: {', '.join(BY_ID)})")
    if any(v not in ANSWERS for v in answers.values()):
        raise _Bad(f"each answer is one of {', '.join(ANSWERS)}")
    dismissed = _flag(obj, "dismissed")
    if not dismissed and not answers:
        raise _Bad("a self-check has 'answers' or is 'dismissed'")
    check = SelfCheck(_when(obj, "date", required=True), dict(answers), dict(notes), dismissed)
    return ParsedRecord(n, "self_check", check)


def parse_profile(n: int, obj: dict, warnings: list[str]) -> ParsedRecord:
    _unknown(obj, PROFILE_KEYS, "", warnings, n)
    values: dict[str, object] = {k: _text(obj, k) for k in PROFILE_TEXTS if k in obj}
    if "years_in_practice" in obj:
        values["years_in_practice"] = _int(obj, "years_in_practice", 0, 80)
    return ParsedRecord(n, "profile", values)


PARSERS = {"brief_export": parse_brief_export, "meeting": parse_meeting, "self_check": parse_self_check, "profile": parse_profile}


# --- importing -------------------------------------------------------------------------------


@dataclass
class RecordReport:
    brief_exports: int = 0
    meetings: int = 0
    self_checks: int = 0
    profile: bool = False


class _EntryDates:
    """client id -> {entry date: entry id}, read once the file's entries are saved."""

    def __init__(self, journal: Journal) -> None:
        self.by_client: dict[str | None, dict[datetime, str]] = {}
        for s in journal.summaries():
            self.by_client.setdefault(s.client_id, {}).setdefault(s.date, s.id)

    def find(self, client_id: str | None, when: datetime) -> str | None:
        return self.by_client.get(client_id, {}).get(when)


def import_records(journal: Journal, parsed: list[ParsedRecord], client_for,
                   warnings: list[str]) -> RecordReport:
    """Save the parsed records (inside the caller's transaction, after its entries).
    ``client_for(raw)`` finds or creates a client from ``{"name": ...}``, as entry lines do."""
    report = RecordReport()
    if not parsed:
        return report
    dates = _EntryDates(journal)
    log = SupervisionLog(journal)
    # briefs first, wherever they are in the file, so that a meeting's case can link to one
    for record in sorted(parsed, key=lambda r: r.kind != "brief_export"):
        if record.kind == "brief_export":
            _import_brief_export(journal, record, client_for, dates, warnings)
            report.brief_exports += 1
        elif record.kind == "meeting":
            exports = {(b.client_id, b.date): b.id for b in brief_exports(journal)}
            _import_meeting(log, record, client_for, dates, warnings, exports)
            report.meetings += 1
        elif record.kind == "self_check":
            save_self_check(journal, record.value)  # type: ignore[arg-type]
            report.self_checks += 1
        else:
            profile = journal.profile()
            for key, value in record.value.items():  # type: ignore[union-attr]
                setattr(profile, key, value if value is not None else
                        (None if key == "years_in_practice" else ""))
            journal.save_profile(profile)
            report.profile = True
    return report


def _import_brief_export(journal: Journal, record: ParsedRecord, client_for, dates: _EntryDates,
                         warnings: list[str]) -> None:
    export: BriefExport = record.value  # type: ignore[assignment]
    refs = record.refs[0]
    client: Person | None = client_for(refs.client) if refs.client else None
    export.client_id = client.id if client else None
    for when in refs.brief_entries:
        found = dates.find(export.client_id, when)
        if found:
            export.entry_ids.append(found)
        else:
            warnings.append(f"line {record.number}: a session the brief names is not among the "
                            "client's entries; left out")
    record_brief_export(journal, export)


def _import_meeting(log: SupervisionLog, record: ParsedRecord, client_for, dates: _EntryDates,
                    warnings: list[str], exports: dict | None = None) -> None:
    meeting: Meeting = record.value  # type: ignore[assignment]
    n = record.number
    for case, refs in zip(meeting.cases, record.refs, strict=True):
        case.id = core_records.new_id()
        client: Person | None = client_for(refs.client) if refs.client else None
        case.client_id = client.id if client else None
        if case.brief is not None:
            if case.brief.exported is not None:
                case.brief.export_id = (exports or {}).get((case.client_id, case.brief.exported))
            for when in refs.brief_entries:
                found = dates.find(case.client_id, when)
                if found:
                    case.brief.entry_ids.append(found)
                else:
                    warnings.append(f"line {n}: a session the brief names is not among the "
                                    "client's entries; left out")
        for follow_up, when in refs.follow_up_entries:
            follow_up.entry_id = dates.find(case.client_id, when)
            if follow_up.entry_id is None:
                warnings.append(f"line {n}: the entry a follow-up names is not among the "
                                "client's entries; the follow-up is kept without it")
    for action in meeting.actions:
        if action.case_id is not None:
            action.case_id = meeting.cases[int(action.case_id)].id
    log.save_meeting(meeting)


# --- exporting -------------------------------------------------------------------------------


def _drop_empty(d: dict) -> dict:
    return {k: v for k, v in d.items() if v not in (None, "", [], {})}


def meeting_to_dict(m: Meeting, people: dict[str, Person], entry_dates: dict[str, datetime]) -> dict:
    def date_of(entry_id: str | None) -> str | None:
        when = entry_dates.get(entry_id or "")
        return core_records.format_date(when) if when else None

    cases = []
    case_index = {}
    for i, c in enumerate(m.cases):
        case_index[c.id] = i
        client = people.get(c.client_id or "")
        brief = None
        if c.brief is not None:
            brief = _drop_empty({
                "exported": core_records.format_date(c.brief.exported) if c.brief.exported else None,
                "template": c.brief.template,
                "entries": [d for d in map(date_of, c.brief.entry_ids) if d],
            }) or None
        suggestions = []
        for s in c.suggestions:
            suggestions.append(_drop_empty({
                "text": s.text,
                "timing": str(s.timing) if s.timing else None,
                "stance": str(s.stance) if s.stance else None,
                "consequence": s.consequence,
                "chosen": s.chosen.isoformat() if s.chosen else None,
                "follow_ups": [_drop_empty({
                    "date": core_records.format_date(f.date), "state": str(f.state),
                    "note": f.note, "entry": date_of(f.entry_id),
                }) for f in s.follow_ups],
            }))
        cases.append(_drop_empty({
            "client": {"name": client.name} if client else None,
            "question": c.question, "brief": brief, "questions": list(c.questions),
            "suggestions": suggestions,
        }))
    actions = []
    for a in m.actions:
        item: dict = {"text": a.text}
        if a.done:
            item["done"] = True
        if a.case_id in case_index:
            item["case"] = case_index[a.case_id]
        actions.append(item)
    return {"record": "meeting", **_drop_empty({
        "date": core_records.format_date(m.date), "kind": str(m.kind), "group": m.group,
        "minutes": m.minutes, "chair": m.chair, "notes": m.notes, "cases": cases,
        "actions": actions,
    })}


def brief_export_to_dict(b: BriefExport, people: dict[str, Person],
                         entry_dates: dict[str, datetime]) -> dict:
    client = people.get(b.client_id or "")
    return {"record": "brief_export", **_drop_empty({
        "date": core_records.format_date(b.date),
        "client": {"name": client.name} if client else None,
        "template": b.template, "format": b.format,
        "entries": [core_records.format_date(entry_dates[e]) for e in b.entry_ids
                    if e in entry_dates],
        "question": b.question, "file": b.file_name,
    })}


def self_check_to_dict(c: SelfCheck) -> dict:
    out: dict = {"record": "self_check", "date": core_records.format_date(c.date)}
    if c.dismissed:
        out["dismissed"] = True
    if c.answers:
        out["answers"] = dict(c.answers)
    if c.notes:
        out["notes"] = dict(c.notes)
    return out


def profile_to_dict(p: Profile) -> dict | None:
    values = _drop_empty({k: getattr(p, k) for k in (*PROFILE_TEXTS, "years_in_practice")})
    return {"record": "profile", **values} if values else None


def export_record_lines(journal: Journal, people: dict[str, Person],
                        entry_dates: dict[str, datetime]) -> Iterator[str]:
    """After the entry lines: the briefs exported, meetings (each oldest first), self-checks,
    then the profile."""
    for b in reversed(brief_exports(journal)):
        yield json.dumps(brief_export_to_dict(b, people, entry_dates), ensure_ascii=False)
    for m in reversed(SupervisionLog(journal).meetings()):
        yield json.dumps(meeting_to_dict(m, people, entry_dates), ensure_ascii=False)
    for c in self_checks(journal):
        yield json.dumps(self_check_to_dict(c), ensure_ascii=False)
    profile = profile_to_dict(journal.profile())
    if profile:
        yield json.dumps(profile, ensure_ascii=False)


def meetings_report(journal: Journal, client_id: str | None = None) -> list[dict]:
    """Meetings as ``reflect meetings --json`` prints them: the interchange record, plus each
    meeting's, case's and suggestion's id and each suggestion's current state (null: nothing
    recorded yet) and whether it is waiting to be followed up. Newest meeting first."""
    people = {p.id or "": p for p in journal.people()}
    entry_dates = {s.id: s.date for s in journal.summaries()}
    exports = {b.id: b for b in brief_exports(journal)}
    out = []
    for m in SupervisionLog(journal).meetings(client_id=client_id):
        item = meeting_to_dict(m, people, entry_dates)
        item.pop("record")
        item = {"id": m.id, **item}
        for case, raw in zip(m.cases, item.get("cases", []), strict=True):
            raw["id"] = case.id
            export = exports.get(case.brief.export_id) if case.brief else None
            if export is not None:  # the exported brief this case was presented with
                raw.setdefault("brief", {})["export"] = _drop_empty({
                    "id": export.id, "date": core_records.format_date(export.date),
                    "template": export.template, "format": export.format,
                    "question": export.question, "file": export.file_name,
                })
            if case.client_id in people:
                raw["client"] = {"name": people[case.client_id].name,
                                 "display": people[case.client_id].display}
            for s, raw_s in zip(case.suggestions, raw.get("suggestions", []), strict=True):
                raw_s["id"] = s.id
                raw_s["state"] = str(s.state) if s.state else None
                raw_s["pending"] = s.pending
        for action, raw_a in zip(m.actions, item.get("actions", []), strict=True):
            raw_a["id"] = action.id
            raw_a["done"] = action.done
        out.append(item)
    return out
