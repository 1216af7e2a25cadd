"""Between domain objects and the store's rows: how a Person or an Entry is written and read."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from reflect.core.model import (
    Control,
    Demand,
    DemandCategory,
    Entry,
    EntrySummary,
    Person,
    PersonKind,
    Setting,
    Stance,
    Timing,
)
from reflect.store.schema import TABLES

# The columns each object is read from, as the store's table registry declares them.
PERSON_COLUMNS = TABLES["person"].fields
ENTRY_COLUMNS = TABLES["entry"].fields
DEMAND_COLUMNS = TABLES["demand"].fields
CONTROL_COLUMNS = TABLES["control"].fields

def new_id() -> str:
    return uuid.uuid4().hex


def local_time(value: datetime) -> datetime:
    """A date as the journal keeps it: this computer's wall-clock time, with no UTC offset.

    A date written with an offset (``2025-06-02T10:00+02:00``, or ``...Z``) is the same moment
    in local time. Mixing the two kinds cannot be compared or sorted, so none is ever kept."""
    if value.tzinfo is None:
        return value
    return value.astimezone().replace(tzinfo=None)


def format_date(value: datetime) -> str:
    value = local_time(value)
    return value.isoformat(timespec="minutes" if value.second == 0 else "seconds")


def parse_date(text: str) -> datetime:
    """A stored date; one kept with an offset by an older Reflect reads as local time."""
    return local_time(datetime.fromisoformat(text))


def has_offset(text: object) -> bool:
    """Whether a stored date carries a UTC offset (what the journal repairs when it opens)."""
    try:
        return datetime.fromisoformat(text).tzinfo is not None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


# --- people ----------------------------------------------------------------------------------


def person_row(p: Person) -> dict[str, object]:
    return {
        "id": p.id,
        "linked_to": p.linked_to,
        "kind": str(p.kind),
        "name": p.name,
        "alias": p.alias,
        "aka": list(p.aka),
        "role": p.role,
        "notes": p.notes,
    }


def person_from_row(r: dict) -> Person:
    return Person(
        id=r["id"],
        linked_to=r["linked_to"],
        kind=PersonKind(r["kind"]),
        name=r["name"],
        alias=r["alias"],
        aka=list(r["aka"] or []),
        role=r["role"],
        notes=r["notes"],
    )


# --- entries ---------------------------------------------------------------------------------


def search_text(entry: Entry) -> str:
    return "\n".join(text for _, text in entry.texts() if text).lower()


def entry_plain(e: Entry) -> dict[str, Any]:
    """An entry as plain JSON values (enums as their text, the date as ``format_date`` writes
    it): the one mapping of an ``Entry`` that its row, the editor's draft and the interchange
    format start from."""
    return {
        "id": e.id,
        "client_id": e.client_id,
        "date": format_date(e.date),
        "setting": str(e.setting) if e.setting else None,
        "planned_minutes": e.planned_minutes,
        "actual_minutes": e.actual_minutes,
        "stress_before": e.stress_before,
        "stress_after": e.stress_after,
        "narrative": e.narrative,
        "went_well": e.went_well,
        "template": e.template,
        "themes": list(e.themes),
        "rejected_themes": list(e.rejected_themes),
        "people_ids": list(e.people_ids),
        "demands": [demand_plain(d) for d in e.demands],
        "controls": [control_plain(c) for c in e.controls],
    }


def demand_plain(d: Demand) -> dict[str, Any]:
    return {"id": d.id, "category": str(d.category), "text": d.text, "intensity": d.intensity,
            "from_control": d.from_control}


def control_plain(c: Control) -> dict[str, Any]:
    return {"id": c.id, "timing": str(c.timing), "stance": str(c.stance) if c.stance else None,
            "text": c.text, "outcome": c.outcome, "answers": c.answers}


def entry_from_plain(p: dict[str, Any]) -> Entry:
    """The ``Entry`` back from ``entry_plain``'s shape (rows in the order given)."""
    return Entry(
        id=p["id"],
        client_id=p["client_id"],
        date=parse_date(p["date"]),
        setting=Setting(p["setting"]) if p["setting"] else None,
        planned_minutes=p["planned_minutes"],
        actual_minutes=p["actual_minutes"],
        stress_before=p["stress_before"],
        stress_after=p["stress_after"],
        narrative=p["narrative"],
        went_well=p["went_well"],
        template=p["template"],
        themes=list(p["themes"] or []),
        rejected_themes=list(p.get("rejected_themes") or []),
        people_ids=list(p["people_ids"]),
        demands=[demand_from_plain(d) for d in p["demands"]],
        controls=[control_from_plain(c) for c in p["controls"]],
    )


def demand_from_plain(d: dict[str, Any]) -> Demand:
    return Demand(id=d["id"], category=DemandCategory(d["category"]), text=d["text"],
                  intensity=d["intensity"], from_control=d["from_control"])


def control_from_plain(c: dict[str, Any]) -> Control:
    return Control(id=c["id"], timing=Timing(c["timing"]),
                   stance=Stance(c["stance"]) if c["stance"] else None, text=c["text"],
                   outcome=c["outcome"], answers=c["answers"])


def entry_row(e: Entry) -> dict[str, object]:
    plain = entry_plain(e)
    summary = {
        "date": plain["date"],
        "first_line": e.first_line()[:200],
        "stress_before": e.stress_before,
        "stress_after": e.stress_after,
        "planned_minutes": e.planned_minutes,
        "actual_minutes": e.actual_minutes,
        "setting": plain["setting"],
        "template": e.template,
    }
    return {
        "id": e.id,
        **{column: plain[column] for column in ENTRY_COLUMNS},
        "summary": summary,
        "search": search_text(e),
    }


def demand_row(entry_id: str, position: int, d: Demand) -> dict[str, object]:
    return {"entry_id": entry_id, "position": position, **demand_plain(d)}


def control_row(entry_id: str, position: int, c: Control) -> dict[str, object]:
    return {"entry_id": entry_id, "position": position, **control_plain(c)}


def entry_from_rows(
    r: dict, demands: list[dict], controls: list[dict], people_ids: list[str]
) -> Entry:
    return entry_from_plain({
        **r,
        "people_ids": people_ids,
        "demands": sorted(demands, key=lambda d: d["position"]),
        "controls": sorted(controls, key=lambda c: c["position"]),
    })


def summary_from_row(row_id: str, client_id: str | None, s: dict, text: str | None) -> EntrySummary:
    return EntrySummary(
        id=row_id,
        client_id=client_id,
        date=parse_date(s["date"]),
        first_line=s["first_line"],
        stress_before=s["stress_before"],
        stress_after=s["stress_after"],
        planned_minutes=s["planned_minutes"],
        actual_minutes=s["actual_minutes"],
        setting=s["setting"],
        template=s["template"],
        text=text if text is not None else s.get("text", ""),
    )
