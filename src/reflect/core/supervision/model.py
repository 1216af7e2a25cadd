"""Supervision's domain types: meetings, the cases presented there, and what came of them.

A DC-S case presentation (DOMAIN.md): the presenter states a question and describes the case,
the group asks clarifying questions, then brainstorms *alternative controls* from conservative
to liberal. The practitioner chooses some to try; each chosen suggestion is followed up on the
next entries with that client until it is settled (helped, didn't help, or dismissed).
Plain dataclasses, no storage in them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from reflect.core.model import Stance, Timing


class MeetingKind(enum.StrEnum):
    PEER_GROUP = "peer group"
    LED_GROUP = "group with a leader"
    ONE_TO_ONE = "one-to-one"


class FollowUpState(enum.StrEnum):
    TRIED = "tried"
    NOT_TRIED = "not tried"
    HELPED = "helped"
    DIDNT_HELP = "didn't help"
    DISMISSED = "dismissed"


# A suggestion is settled once it is known to have helped or not, or was put aside; until then
# ("tried" without a verdict yet, "not tried" yet) it is asked about again on the next entry.
SETTLED = frozenset({FollowUpState.HELPED, FollowUpState.DIDNT_HELP, FollowUpState.DISMISSED})


@dataclass
class BriefLink:
    """The brief a case was presented with: when it was exported, from which template, which
    entries (ids) it covered, and the record of that export (``export_id``), when the app or
    ``reflect brief`` wrote it."""

    exported: datetime | None = None
    template: str | None = None
    entry_ids: list[str] = field(default_factory=list)
    export_id: str | None = None


@dataclass
class BriefExport:
    """A brief the practitioner exported: written by the brief wizard or ``reflect brief``.

    ``file_name`` is the file's name only (never its folder), kept sealed like everything else:
    the practitioner chose it and it may hold a name."""

    date: datetime
    client_id: str | None
    template: str  # the audience: "group" or "supervisor"
    format: str  # md, html or pdf
    entry_ids: list[str] = field(default_factory=list)
    question: str = ""
    file_name: str = ""
    id: str | None = None

    def link(self) -> BriefLink:
        """What a case presented with this brief keeps of it."""
        return BriefLink(self.date, self.template, list(self.entry_ids), self.id)


@dataclass
class FollowUp:
    state: FollowUpState
    date: datetime
    note: str = ""
    entry_id: str | None = None  # the entry it was recorded on, if any
    id: str | None = None


@dataclass
class Suggestion:
    """An alternative control the group brainstormed (the brief's conservative→liberal table)."""

    text: str
    timing: Timing | None = None
    stance: Stance | None = None
    consequence: str = ""  # its likely consequence, as the group saw it
    chosen: date | None = None  # the day the practitioner chose to try it
    follow_ups: list[FollowUp] = field(default_factory=list)  # oldest first
    id: str | None = None

    @property
    def state(self) -> FollowUpState | None:
        """The latest follow-up's state (None: nothing recorded yet)."""
        return self.follow_ups[-1].state if self.follow_ups else None

    @property
    def settled(self) -> bool:
        return self.state in SETTLED

    @property
    def pending(self) -> bool:
        """Chosen to try and not yet settled: the next entry with the client asks about it."""
        return self.chosen is not None and not self.settled


@dataclass
class PresentedCase:
    client_id: str | None  # None: a question about the work in general
    question: str = ""
    brief: BriefLink | None = None
    questions: list[str] = field(default_factory=list)  # the group's clarifying questions
    suggestions: list[Suggestion] = field(default_factory=list)
    id: str | None = None


@dataclass
class ActionPoint:
    text: str
    done: bool = False
    case_id: str | None = None  # the case it came from, if any
    id: str | None = None


@dataclass
class Meeting:
    date: datetime
    kind: MeetingKind = MeetingKind.PEER_GROUP
    group: str = ""  # the group's or the supervisor's name, as the practitioner writes it
    minutes: int | None = None
    chair: str = ""  # who chaired (rotating peer groups)
    notes: str = ""
    cases: list[PresentedCase] = field(default_factory=list)
    actions: list[ActionPoint] = field(default_factory=list)
    id: str | None = None

    def texts(self) -> list[str]:
        """Every piece of free text in the meeting (for scans and checks)."""
        out = [self.group, self.chair, self.notes]
        for c in self.cases:
            out += [c.question, *c.questions]
            for s in c.suggestions:
                out += [s.text, s.consequence, *(f.note for f in s.follow_ups)]
        out += [a.text for a in self.actions]
        return [t for t in out if t]


@dataclass
class SuggestionRef:
    """A suggestion with where it came from: what the prompts and the client's history show."""

    suggestion: Suggestion
    meeting_id: str
    meeting_date: datetime
    meeting_kind: MeetingKind
    case_id: str
    client_id: str | None
