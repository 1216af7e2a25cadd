"""An entry draft, as the editor autosaves it in the journal: the editor's state as a plain dict,
and how it maps to an ``Entry`` (through ``records.entry_plain``, the one mapping).

A draft must bring back *everything* the practitioner had on screen, including a client name typed
but not yet saved, so the state is its own shape rather than an ``Entry``. Only plain JSON types
go in (str, int, None, lists, dicts): the journal encrypts it as it is.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reflect.core import records
from reflect.core.model import DemandCategory, Entry, Timing

STATE_VERSION = 1
# what an entry takes from the state as it is
ENTRY_KEYS = ("date", "setting", "planned_minutes", "actual_minutes", "stress_before",
              "stress_after", "narrative", "themes", "rejected_themes", "people_ids")

EMPTY_DEMAND: dict[str, Any] = {
    "id": None,
    "category": str(DemandCategory.INTERPERSONAL),
    "text": "",
    "intensity": None,
    "from_control": None,
}
EMPTY_CONTROL: dict[str, Any] = {
    "id": None,
    "timing": str(Timing.DURING),
    "stance": None,
    "text": "",
    "outcome": "",
    "answers": None,
}


def minute_date(value: datetime) -> str:
    """A date as the editor holds it: to the minute."""
    return records.format_date(value.replace(second=0, microsecond=0))


def empty_state(template_id: str, date: datetime, client_id: str | None = None) -> dict[str, Any]:
    return {
        "version": STATE_VERSION,
        "entry_id": None,
        "template": template_id,
        "date": minute_date(date),
        "client_id": client_id,
        "client_name": "",
        "setting": None,
        "planned_minutes": None,
        "actual_minutes": None,
        "stress_before": None,
        "stress_after": None,
        "narrative": "",
        "went_well": "",
        "demands": [],
        "controls": [],
        "themes": [],
        "rejected_themes": [],
        "people_ids": [],
    }


def normalise(data: dict[str, Any]) -> dict[str, Any]:
    """A complete state from a draft: missing keys get their empty value, unknown keys are kept
    out, and every demand and control row has all its fields."""
    base = empty_state(str(data.get("template") or ""), datetime.now())
    state = {key: data.get(key, default) for key, default in base.items()}
    state["version"] = STATE_VERSION
    state["narrative"] = str(state["narrative"] or "")
    state["went_well"] = str(state["went_well"] or "")
    state["client_name"] = str(state["client_name"] or "")
    state["demands"] = [{**EMPTY_DEMAND, **d} for d in state["demands"] or [] if isinstance(d, dict)]
    state["controls"] = [
        {**EMPTY_CONTROL, **c} for c in state["controls"] or [] if isinstance(c, dict)
    ]
    state["themes"] = list(state["themes"] or [])
    state["rejected_themes"] = list(state["rejected_themes"] or [])
    state["people_ids"] = list(state["people_ids"] or [])
    return state


def state_from_entry(entry: Entry, client_name: str = "") -> dict[str, Any]:
    plain = records.entry_plain(entry)
    return {
        "version": STATE_VERSION,
        "entry_id": plain.pop("id"),
        **plain,
        "template": entry.template or "",
        "date": minute_date(entry.date),
        "client_name": client_name,
        "went_well": entry.went_well or "",
        "controls": [{**c, "outcome": c["outcome"] or ""} for c in plain["controls"]],
    }


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def problems(state: dict[str, Any], prefill: str = "") -> list[str]:
    """What stops this state being saved, as codes ([] when it can be saved): ``"empty"``,
    ``"outcome_without_control"``. The editor turns them into translated sentences."""
    out: list[str] = []
    narrative = state["narrative"].strip()
    has_rows = any(not _blank(d["text"]) for d in state["demands"]) or any(
        not _blank(c["text"]) for c in state["controls"]
    )
    if (not narrative or narrative == prefill.strip()) and not has_rows:
        out.append("empty")
    if any(_blank(c["text"]) and not _blank(c["outcome"]) for c in state["controls"]):
        out.append("outcome_without_control")
    return out


def entry_from_state(state: dict[str, Any], client_id: str | None) -> Entry:
    """The ``Entry`` to save. Rows left wholly blank are dropped; nothing typed is."""
    demands = [
        {**d, "text": d["text"].strip()} for d in state["demands"] if not _blank(d["text"])
    ]
    controls = [
        {**c, "text": c["text"].strip(), "outcome": c["outcome"].strip() or None}
        for c in state["controls"]
        if not (_blank(c["text"]) and _blank(c["outcome"]))
    ]
    kept_controls = {c["id"] for c in controls}
    for d in demands:
        if d["from_control"] and d["from_control"] not in kept_controls:
            d["from_control"] = None
    return records.entry_from_plain({
        **{key: state[key] for key in ENTRY_KEYS},
        "id": state["entry_id"],
        "client_id": client_id,
        "went_well": state["went_well"].strip() or None,
        "template": state["template"] or None,
        "demands": demands,
        "controls": controls,
    })
