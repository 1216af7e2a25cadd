"""The monthly self-check: the questions bodywork practitioners use to notice boundary drift
(DOMAIN.md), answered once a month (or dismissed for the month), kept encrypted, and their trend
set next to the journal's stress ratings and overtime."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from statistics import mean

from reflect.core import records as core_records
from reflect.core.journal import Journal
from reflect.core.records import format_date, parse_date

from . import records
from .log import now

ANSWERS = ("no", "sometimes", "yes")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    drift_when: str  # the answer that points to drift: "yes" or "no"

    def drift(self, answer: str) -> int:
        """0 (all is well), 1 (sometimes), 2 (drifting)."""
        if answer == "sometimes":
            return 1
        return 2 if answer == self.drift_when else 0


QUESTIONS = (
    Question("earning", "Am I earning what I need, and am I working too hard for it?", "no"),
    Question("friends", "Am I friends with clients, or do they contact me at home?", "yes"),
    Question("days_off", "Do I come in on days off for last-minute clients?", "yes"),
    Question("over_time", "Do I routinely run over time?", "yes"),
    Question("fixing", "Do I feel frustrated when I can't \"fix\" someone?", "yes"),
    Question("self_care", "Do I do the self-care I recommend to clients?", "no"),
)
BY_ID = {q.id: q for q in QUESTIONS}
MAX_DRIFT = 2 * len(QUESTIONS)


@dataclass
class SelfCheck:
    date: datetime
    answers: dict[str, str] = field(default_factory=dict)  # question id -> no/sometimes/yes
    notes: dict[str, str] = field(default_factory=dict)  # question id -> what the practitioner added
    dismissed: bool = False
    id: str | None = None

    @property
    def month(self) -> str:
        return f"{self.date.year:04d}-{self.date.month:02d}"

    @property
    def drift(self) -> int | None:
        """How many answers point to drift (sometimes counts half), 0..12; None if dismissed."""
        if self.dismissed or not self.answers:
            return None
        return sum(BY_ID[q].drift(a) for q, a in self.answers.items() if q in BY_ID)


def _check_answers(answers: dict[str, str], notes: dict[str, str]) -> None:
    unknown = set(answers) - set(BY_ID) | set(notes) - set(BY_ID)
    if unknown:
        raise ValueError("Those are not self-check questions.")
    for value in answers.values():
        if value not in ANSWERS:
            raise ValueError("Each answer is no, sometimes or yes.")
    if not answers:
        raise ValueError("Answer at least one question, or dismiss the self-check.")


def self_checks(journal: Journal) -> list[SelfCheck]:
    """Every self-check answered or dismissed, oldest first."""
    out = []
    for r in journal.file.rows("self_check", records.SELF_CHECK_COLUMNS, damaged=journal.damaged):
        data = r["answers"] or {}
        out.append(SelfCheck(
            id=r["id"], date=parse_date(r["date"]), dismissed=bool(r["dismissed"]),
            answers=dict(data.get("answers") or {}), notes=dict(data.get("notes") or {}),
        ))
    return sorted(out, key=lambda c: c.date)


def save_self_check(journal: Journal, check: SelfCheck) -> SelfCheck:
    if not check.dismissed:
        _check_answers(check.answers, check.notes)
    check.id = check.id or core_records.new_id()
    notes = {k: v.strip() for k, v in check.notes.items() if v.strip()}
    journal.file.put("self_check", {
        "id": check.id, "date": format_date(check.date),
        "answers": {"answers": dict(check.answers), "notes": notes},
        "dismissed": bool(check.dismissed),
    })
    return check


def answer_self_check(
    journal: Journal, answers: dict[str, str], notes: dict[str, str] | None = None,
    when: datetime | None = None,
) -> SelfCheck:
    return save_self_check(journal, SelfCheck(when or now(), dict(answers), dict(notes or {})))


def dismiss_self_check(journal: Journal, when: datetime | None = None) -> SelfCheck:
    """Not this month: the self-check is not asked again until next month."""
    return save_self_check(journal, SelfCheck(when or now(), dismissed=True))


def self_check_due(journal: Journal, today: date | None = None) -> bool:
    """True when this month's self-check has been neither answered nor dismissed."""
    today = today or date.today()
    month = f"{today.year:04d}-{today.month:02d}"
    return all(c.month != month for c in self_checks(journal))


@dataclass(frozen=True)
class TrendPoint:
    """One month: the self-check's drift, and what the journal's sessions said that month."""

    month: str
    drift: int | None  # None: no self-check answered that month
    sessions: int
    mean_stress_after: float | None
    mean_stress_change: float | None
    overtime_share: float | None  # of the sessions with planned and actual minutes


def self_check_trend(journal: Journal) -> list[TrendPoint]:
    """Month by month, from the first self-check or session to the last: the drift next to
    stress and overtime (what the issue calls 'their trend shown next to stress and overtime')."""
    drift: dict[str, int] = {}
    for c in self_checks(journal):
        if c.drift is not None:
            drift[c.month] = c.drift  # the latest answer of a month counts
    by_month: dict[str, list] = {}
    for s in journal.summaries():
        if s.client_id is None:
            continue
        by_month.setdefault(f"{s.date.year:04d}-{s.date.month:02d}", []).append(s)
    months = sorted(set(drift) | set(by_month))
    out = []
    for month in months:
        sessions = by_month.get(month, [])
        after = [s.stress_after for s in sessions if s.stress_after is not None]
        change = [s.stress_change for s in sessions if s.stress_change is not None]
        timed = [s for s in sessions if s.planned_minutes is not None and s.actual_minutes is not None]
        out.append(TrendPoint(
            month=month,
            drift=drift.get(month),
            sessions=len(sessions),
            mean_stress_after=round(mean(after), 1) if after else None,
            mean_stress_change=round(mean(change), 1) if change else None,
            overtime_share=round(sum(1 for s in timed if s.overtime_minutes) / len(timed), 2)
            if timed else None,
        ))
    return out
