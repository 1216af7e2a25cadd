"""The journal's domain types: what a practitioner writes, in the Demand-Control Schema's terms.

Plain dataclasses with no storage or Qt in them, so every floor above the store can use them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class DemandCategory(enum.StrEnum):
    """EIPI: the four kinds of demand."""

    ENVIRONMENTAL = "environmental"
    INTERPERSONAL = "interpersonal"
    PARALINGUISTIC = "paralinguistic"
    INTRAPERSONAL = "intrapersonal"


class Timing(enum.StrEnum):
    PRE = "pre"
    DURING = "during"
    POST = "post"


class Stance(enum.StrEnum):
    CONSERVATIVE = "conservative"
    NEUTRAL = "neutral"
    LIBERAL = "liberal"


class Setting(enum.StrEnum):
    IN_PERSON = "in-person"
    ONLINE = "online"
    PHONE = "phone"
    HOME_VISIT = "home visit"  # everyday work for massage therapists, doulas, coaches, cuddlers
    OTHER = "other"


MAX_MINUTES = 3 * 24 * 60  # a birth a doula attends can last well past a day


class PersonKind(enum.StrEnum):
    CLIENT = "client"
    OTHER = "other"


class SessionNumbers:
    """What the minutes and stress ratings of a session say (for Entry and EntrySummary)."""

    planned_minutes: int | None
    actual_minutes: int | None
    stress_before: int | None
    stress_after: int | None

    @property
    def overtime_minutes(self) -> int:
        if self.planned_minutes is None or self.actual_minutes is None:
            return 0
        return max(0, self.actual_minutes - self.planned_minutes)

    @property
    def stress_change(self) -> int | None:
        if self.stress_before is None or self.stress_after is None:
            return None
        return self.stress_after - self.stress_before


@dataclass
class Person:
    """A client, or someone else in the work (a client's partner, a GP, a colleague)."""

    name: str
    kind: PersonKind = PersonKind.CLIENT
    alias: str | None = None
    aka: list[str] = field(default_factory=list)
    role: str | None = None
    notes: str | None = None
    linked_to: str | None = None  # id of the client this person belongs with
    id: str | None = None

    @property
    def display(self) -> str:
        return self.alias or self.name

    def all_names(self) -> list[str]:
        """The name and every other name the journal knows this person by."""
        names = [self.name, *self.aka]
        if self.alias:
            names.append(self.alias)
        return [n for n in names if n]


@dataclass
class Demand:
    category: DemandCategory
    text: str
    intensity: int | None = None
    from_control: str | None = None  # id of the control whose outcome this demand resulted from
    id: str | None = None


@dataclass
class Control:
    timing: Timing
    text: str
    stance: Stance | None = None
    outcome: str | None = None
    answers: str | None = None  # id of the demand this control answers
    id: str | None = None


@dataclass
class Entry(SessionNumbers):
    """One client interaction (or, with no client, a general reflection on the work)."""

    date: datetime
    narrative: str
    client_id: str | None = None
    people_ids: list[str] = field(default_factory=list)
    setting: Setting | None = None
    planned_minutes: int | None = None
    actual_minutes: int | None = None
    stress_before: int | None = None
    stress_after: int | None = None
    went_well: str | None = None
    template: str | None = None
    demands: list[Demand] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)  # themes the practitioner set or accepted
    rejected_themes: list[str] = field(default_factory=list)  # suggestions turned down: never again
    id: str | None = None


    def first_line(self) -> str:
        """The first line of what was written, skipping Markdown headings (a template's
        prompts, such as "What happened?"), unless there is nothing but headings."""
        heading = ""
        for line in self.narrative.splitlines():
            stripped = line.strip()
            if stripped.startswith("#"):
                heading = heading or stripped.lstrip("# ").strip()
                continue
            stripped = stripped.lstrip(">*- ").strip()
            if stripped:
                return stripped
        return heading

    def texts(self) -> list[tuple[str, str]]:
        """Every piece of free text in the entry as (field, text), in reading order.

        Field names: ``narrative``, ``went_well``, ``demand:N``, ``control:N``, ``outcome:N``.
        """
        out: list[tuple[str, str]] = [("narrative", self.narrative)]
        if self.went_well:
            out.append(("went_well", self.went_well))
        for i, d in enumerate(self.demands):
            out.append((f"demand:{i}", d.text))
        for i, c in enumerate(self.controls):
            out.append((f"control:{i}", c.text))
            if c.outcome:
                out.append((f"outcome:{i}", c.outcome))
        return out


@dataclass
class Profile:
    """The practitioner's practice profile, shared (by choice) at the top of a brief."""

    profession: str = ""
    modalities: str = ""
    setting: str = ""
    years_in_practice: int | None = None
    typical_clients: str = ""
    wants_from_supervision: str = ""
    current_supervision: str = ""


@dataclass(slots=True)
class EntryText:
    """What theme detection reads of an entry (``Journal.entry_texts``): its free text as
    ``Entry.texts()`` gives it, its date and client, and the practitioner's theme decisions.
    A read-only view: there is nothing in it to save."""

    id: str
    date: datetime
    client_id: str | None
    fields: list[tuple[str, str]]
    themes: list[str]
    rejected_themes: list[str]

    def texts(self) -> list[tuple[str, str]]:
        return self.fields


@dataclass
class EntrySummary(SessionNumbers):
    """What the entry list and search need of an entry, read with one decryption."""

    id: str
    date: datetime
    client_id: str | None
    first_line: str
    stress_before: int | None = None
    stress_after: int | None = None
    planned_minutes: int | None = None
    actual_minutes: int | None = None
    setting: str | None = None
    template: str | None = None
    text: str = ""  # every free-text field, lower-cased, for search

