"""Following up what the group suggested: choose to try, be asked on the next entries with that
client, record what happened, and see the client's history of suggestions and results.

The prompt reads "From supervision on Tuesday: offer a fixed end time — did you? how did it
go?", and comes back on each new entry with the client until the suggestion is settled: it
helped, it didn't help, or the practitioner dismissed it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reflect.core.journal import Journal

from .log import SupervisionLog, now
from .model import FollowUp, FollowUpState, SuggestionRef
from .when import relative_day


@dataclass
class FollowUpPrompt:
    """One question for the practitioner on a new entry with the client."""

    suggestion_id: str
    text: str  # "From supervision on Tuesday: offer a fixed end time — did you? how did it go?"
    suggestion: str
    meeting_date: datetime
    last_state: FollowUpState | None  # what was recorded last time (tried / not tried), if any
    last_note: str


def prompt_text(suggestion: str, meeting_date: datetime | date, today: date | None = None) -> str:
    when = relative_day(meeting_date, today or date.today())
    on = "" if when in ("today", "yesterday") else "on "
    return f"From supervision {on}{when}: {suggestion.strip()} — did you? how did it go?"


def choose_to_try(journal: Journal, suggestion_id: str, when: date | None = None) -> None:
    """The practitioner will try this suggestion: it becomes a prompt on the next entries."""
    SupervisionLog(journal).set_chosen(suggestion_id, when or date.today())


def unchoose(journal: Journal, suggestion_id: str) -> None:
    SupervisionLog(journal).set_chosen(suggestion_id, None)


def record_outcome(
    journal: Journal,
    suggestion_id: str,
    state: FollowUpState | str,
    note: str = "",
    *,
    entry_id: str | None = None,
    when: datetime | None = None,
) -> FollowUp:
    """Record tried / not tried / helped / didn't help / dismissed, with an optional note.

    Dismissing a suggestion the practitioner never chose settles it just the same."""
    follow_up = FollowUp(FollowUpState(state), when or now(), note.strip(), entry_id)
    return SupervisionLog(journal).add_follow_up(suggestion_id, follow_up)


def dismiss(journal: Journal, suggestion_id: str, note: str = "") -> FollowUp:
    return record_outcome(journal, suggestion_id, FollowUpState.DISMISSED, note)


def pending_follow_ups(
    journal: Journal,
    client_id: str,
    *,
    today: date | None = None,
    entry_id: str | None = None,
) -> list[FollowUpPrompt]:
    """What to ask on a new entry with this client: each suggestion chosen to try and not yet
    settled, from meetings on or before ``today``, oldest meeting first. With ``entry_id``,
    suggestions already answered on that entry are not asked about again."""
    today = today or date.today()
    out = []
    for ref in SupervisionLog(journal).suggestions(client_id=client_id):
        s = ref.suggestion
        if not s.pending or ref.meeting_date.date() > today:
            continue
        if entry_id and any(f.entry_id == entry_id for f in s.follow_ups):
            continue
        last = s.follow_ups[-1] if s.follow_ups else None
        out.append(FollowUpPrompt(
            suggestion_id=s.id or "",
            text=prompt_text(s.text, ref.meeting_date, today),
            suggestion=s.text,
            meeting_date=ref.meeting_date,
            last_state=last.state if last else None,
            last_note=last.note if last else "",
        ))
    return out


def history(journal: Journal, client_id: str) -> list[SuggestionRef]:
    """Every suggestion made about this client, newest meeting first, with its follow-ups."""
    refs = SupervisionLog(journal).suggestions(client_id=client_id)
    return sorted(refs, key=lambda r: r.meeting_date, reverse=True)


def unfollowed_count(journal: Journal, client_id: str) -> int:
    """Suggestions chosen to try that are still waiting for an answer."""
    return sum(1 for r in SupervisionLog(journal).suggestions(client_id=client_id)
               if r.suggestion.pending)
