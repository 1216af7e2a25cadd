"""Between supervision's domain objects and the store's rows (every value sealed by the store)."""

from __future__ import annotations

from datetime import date, datetime

from reflect.core.model import Stance, Timing
from reflect.core.records import format_date, parse_date
from reflect.store.schema import TABLES

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

# The columns each object is read from, as the store's table registry declares them.
MEETING_COLUMNS = TABLES["meeting"].fields
CASE_COLUMNS = TABLES["meeting_case"].fields
QUESTION_COLUMNS = TABLES["case_question"].fields
SUGGESTION_COLUMNS = TABLES["suggestion"].fields
FOLLOW_UP_COLUMNS = TABLES["follow_up"].fields
ACTION_COLUMNS = TABLES["action_point"].fields
SELF_CHECK_COLUMNS = TABLES["self_check"].fields
BRIEF_EXPORT_COLUMNS = TABLES["brief_export"].fields


def meeting_row(m: Meeting) -> dict[str, object]:
    return {
        "id": m.id, "date": format_date(m.date), "kind": str(m.kind), "group_name": m.group,
        "minutes": m.minutes, "chair": m.chair, "notes": m.notes,
    }


def meeting_from_row(r: dict) -> Meeting:
    return Meeting(
        id=r["id"], date=parse_date(r["date"]), kind=MeetingKind(r["kind"]),
        group=r["group_name"] or "", minutes=r["minutes"], chair=r["chair"] or "",
        notes=r["notes"] or "",
    )


def brief_value(link: BriefLink | None) -> dict | None:
    if link is None:
        return None
    return {
        "exported": format_date(link.exported) if link.exported else None,
        "template": link.template,
        "entries": list(link.entry_ids),
    }


def brief_from_value(value: dict | None) -> BriefLink | None:
    if not value:
        return None
    exported = value.get("exported")
    return BriefLink(
        exported=parse_date(exported) if exported else None,
        template=value.get("template"),
        entry_ids=list(value.get("entries") or []),
    )


def case_row(meeting_id: str, position: int, c: PresentedCase) -> dict[str, object]:
    return {
        "id": c.id, "meeting_id": meeting_id, "client_id": c.client_id, "position": position,
        "question": c.question, "brief": brief_value(c.brief),
        "brief_export_id": c.brief.export_id if c.brief else None,
    }


def case_from_row(r: dict) -> PresentedCase:
    brief = brief_from_value(r["brief"])
    if brief is not None:
        brief.export_id = r.get("brief_export_id")
    return PresentedCase(
        id=r["id"], client_id=r["client_id"], question=r["question"] or "", brief=brief,
    )


def brief_export_row(b: BriefExport) -> dict[str, object]:
    return {
        "id": b.id, "client_id": b.client_id, "date": format_date(b.date),
        "template": b.template, "format": b.format, "entries": list(b.entry_ids),
        "question": b.question, "file_name": b.file_name,
    }


def brief_export_from_row(r: dict) -> BriefExport:
    return BriefExport(
        id=r["id"], client_id=r["client_id"], date=parse_date(r["date"]),
        template=r["template"] or "", format=r["format"] or "",
        entry_ids=list(r["entries"] or []), question=r["question"] or "",
        file_name=r["file_name"] or "",
    )


def suggestion_row(case_id: str, position: int, s: Suggestion) -> dict[str, object]:
    return {
        "id": s.id, "case_id": case_id, "position": position, "text": s.text,
        "timing": str(s.timing) if s.timing else None,
        "stance": str(s.stance) if s.stance else None,
        "consequence": s.consequence,
        "chosen": s.chosen.isoformat() if s.chosen else None,
    }


def suggestion_from_row(r: dict) -> Suggestion:
    return Suggestion(
        id=r["id"], text=r["text"], timing=Timing(r["timing"]) if r["timing"] else None,
        stance=Stance(r["stance"]) if r["stance"] else None, consequence=r["consequence"] or "",
        chosen=date.fromisoformat(r["chosen"]) if r["chosen"] else None,
    )


def follow_up_row(suggestion_id: str, f: FollowUp) -> dict[str, object]:
    return {
        "id": f.id, "suggestion_id": suggestion_id, "entry_id": f.entry_id,
        "date": format_date(f.date), "state": str(f.state), "note": f.note,
    }


def follow_up_from_row(r: dict) -> FollowUp:
    return FollowUp(
        id=r["id"], state=FollowUpState(r["state"]), date=parse_date(r["date"]),
        note=r["note"] or "", entry_id=r["entry_id"],
    )


def action_row(meeting_id: str, position: int, a: ActionPoint) -> dict[str, object]:
    return {
        "id": a.id, "meeting_id": meeting_id, "case_id": a.case_id, "position": position,
        "text": a.text, "done": bool(a.done),
    }


def action_from_row(r: dict) -> ActionPoint:
    return ActionPoint(id=r["id"], text=r["text"], done=bool(r["done"]), case_id=r["case_id"])


def as_datetime(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
