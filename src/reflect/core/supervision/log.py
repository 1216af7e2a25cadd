"""The supervision log: meetings with their cases, questions, suggestions and follow-ups.

Read and written through the journal's file like every other record (each value sealed to its
table, column and row). A meeting is saved whole, in one transaction; its parts keep their ids,
so saving an edited meeting never loses a follow-up recorded against one of its suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from reflect.core import records as core_records
from reflect.core.errors import NotFound
from reflect.core.journal import Journal

from . import records
from .model import ActionPoint, FollowUp, Meeting, PresentedCase, Suggestion, SuggestionRef

MAX_MINUTES = 24 * 60


def check_meeting(meeting: Meeting) -> None:
    """Raise ValueError, with a message for the practitioner, if the meeting cannot be saved."""
    if meeting.minutes is not None and not 0 <= meeting.minutes <= MAX_MINUTES:
        raise ValueError(f"A meeting lasts from 0 to {MAX_MINUTES} minutes.")
    for case in meeting.cases:
        for s in case.suggestions:
            if not s.text.strip():
                raise ValueError("A suggestion needs some text.")
    for a in meeting.actions:
        if not a.text.strip():
            raise ValueError("An action point needs some text.")


class SupervisionLog:
    """Meetings in one journal. Cheap to make: it holds nothing but the journal."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._file = journal.file

    # --- writing ----------------------------------------------------------------------------

    def save_meeting(self, meeting: Meeting) -> Meeting:
        """Save a new or edited meeting and everything in it, all or nothing; ids filled in."""
        check_meeting(meeting)
        new_id = core_records.new_id
        meeting.id = meeting.id or new_id()
        file = self._file
        with self._journal.transaction():
            file.put("meeting", records.meeting_row(meeting))
            kept_cases = []
            for i, case in enumerate(meeting.cases):
                case.id = case.id or new_id()
                kept_cases.append(case.id)
                if case.brief is not None and case.brief.export_id and not file.ids(
                        "brief_export", id=case.brief.export_id):
                    case.brief.export_id = None  # that export's record is gone
                file.put("meeting_case", records.case_row(meeting.id, i, case))
                file.delete("case_question", case_id=case.id)
                for j, text in enumerate(q for q in case.questions if q.strip()):
                    file.put("case_question",
                             {"id": new_id(), "case_id": case.id, "position": j, "text": text})
                self._save_suggestions(case)
            stale = set(file.ids("meeting_case", meeting_id=meeting.id)) - set(kept_cases)
            file.delete("meeting_case", id=sorted(stale))
            kept_actions = []
            for i, action in enumerate(meeting.actions):
                action.id = action.id or new_id()
                kept_actions.append(action.id)
                file.put("action_point", records.action_row(meeting.id, i, action))
            stale = set(file.ids("action_point", meeting_id=meeting.id)) - set(kept_actions)
            file.delete("action_point", id=sorted(stale))
        return meeting

    def _save_suggestions(self, case: PresentedCase) -> None:
        file = self._file
        kept = []
        for i, s in enumerate(case.suggestions):
            s.id = s.id or core_records.new_id()
            kept.append(s.id)
            file.put("suggestion", records.suggestion_row(case.id or "", i, s))
            kept_follow_ups = []
            for f in s.follow_ups:
                f.id = f.id or core_records.new_id()
                kept_follow_ups.append(f.id)
                file.put("follow_up", records.follow_up_row(s.id, f))
            stale = set(file.ids("follow_up", suggestion_id=s.id)) - set(kept_follow_ups)
            file.delete("follow_up", id=sorted(stale))
        stale_suggestions = set(file.ids("suggestion", case_id=case.id)) - set(kept)
        file.delete("suggestion", id=sorted(stale_suggestions))

    def delete_meeting(self, meeting_id: str) -> None:
        """The meeting and everything in it (its cases, questions, suggestions, follow-ups)."""
        file = self._file
        with self._journal.transaction():
            cases = file.ids("meeting_case", meeting_id=meeting_id)
            delete_cases(self._journal, cases)
            file.delete("action_point", meeting_id=meeting_id)
            file.delete("meeting", id=meeting_id)

    def add_follow_up(self, suggestion_id: str, follow_up: FollowUp) -> FollowUp:
        if not self._file.ids("suggestion", id=suggestion_id):
            raise NotFound("That suggestion is not in the journal.")
        follow_up.id = follow_up.id or core_records.new_id()
        if follow_up.entry_id and not self._file.ids("entry", id=follow_up.entry_id):
            follow_up.entry_id = None  # the entry was never saved, or deleted since
        self._file.put("follow_up", records.follow_up_row(suggestion_id, follow_up))
        return follow_up

    def set_action_done(self, action_id: str, done: bool) -> None:
        """Tick an action point done, or take the tick back."""
        rows = list(self._file.rows("action_point", records.ACTION_COLUMNS, id=action_id))
        if not rows:
            raise NotFound("That action point is not in the journal.")
        action = records.action_from_row(rows[0])
        action.done = bool(done)
        self._file.put("action_point",
                       records.action_row(rows[0]["meeting_id"], rows[0]["position"], action))

    def open_actions(self) -> list[tuple[Meeting, ActionPoint]]:
        """Action points not yet done, with their meeting, newest meeting first."""
        return [(m, a) for m in self._read() for a in m.actions if not a.done]

    def set_chosen(self, suggestion_id: str, chosen) -> None:
        """Choose a suggestion to try (a date), or take the choice back (None)."""
        ref = self.suggestion(suggestion_id)
        ref.suggestion.chosen = chosen
        s = ref.suggestion
        rows = list(self._file.rows("suggestion", ("position",), id=suggestion_id))
        self._file.put("suggestion", records.suggestion_row(ref.case_id, rows[0]["position"], s))

    # --- reading ----------------------------------------------------------------------------

    def meetings(self, *, client_id: str | None = None) -> list[Meeting]:
        """Every meeting (or those where this client's case was presented), newest first."""
        out = self._read()
        if client_id is not None:
            out = [m for m in out if any(c.client_id == client_id for c in m.cases)]
        return out

    def meeting(self, meeting_id: str) -> Meeting:
        for m in self._read(ids=[meeting_id]):
            return m
        raise NotFound("That meeting is not in the journal.")

    def suggestions(self, *, client_id: str | None = None) -> list[SuggestionRef]:
        """Every suggestion (or one client's) with its meeting, oldest meeting first."""
        out = []
        for m in reversed(self._read()):
            for case in m.cases:
                if client_id is not None and case.client_id != client_id:
                    continue
                for s in case.suggestions:
                    out.append(SuggestionRef(s, m.id or "", m.date, m.kind, case.id or "",
                                             case.client_id))
        return out

    def suggestion(self, suggestion_id: str) -> SuggestionRef:
        for ref in self.suggestions():
            if ref.suggestion.id == suggestion_id:
                return ref
        raise NotFound("That suggestion is not in the journal.")

    def _read(self, ids: Iterable[str] | None = None) -> list[Meeting]:
        file, damaged = self._file, self._journal.damaged
        where = {} if ids is None else {"id": list(ids)}
        meetings = {r["id"]: records.meeting_from_row(r)
                    for r in file.rows("meeting", records.MEETING_COLUMNS, damaged=damaged, **where)}
        if not meetings:
            return []
        by_meeting = {} if ids is None else {"meeting_id": list(meetings)}
        case_rows = list(file.rows("meeting_case", records.CASE_COLUMNS, damaged=damaged,
                                   **by_meeting))
        case_ids = [r["id"] for r in case_rows]
        by_case = {} if ids is None else {"case_id": case_ids}
        questions: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for r in file.rows("case_question", records.QUESTION_COLUMNS, damaged=damaged, **by_case):
            questions[r["case_id"]].append((r["position"], r["text"]))
        suggestions: dict[str, list[tuple[int, Suggestion]]] = defaultdict(list)
        suggestion_rows = list(file.rows("suggestion", records.SUGGESTION_COLUMNS,
                                         damaged=damaged, **by_case))
        by_suggestion = {} if ids is None else {"suggestion_id": [r["id"] for r in suggestion_rows]}
        follow_ups: dict[str, list[FollowUp]] = defaultdict(list)
        for r in file.rows("follow_up", records.FOLLOW_UP_COLUMNS, damaged=damaged,
                           **by_suggestion):
            follow_ups[r["suggestion_id"]].append(records.follow_up_from_row(r))
        for r in suggestion_rows:
            s = records.suggestion_from_row(r)
            s.follow_ups = sorted(follow_ups[s.id], key=lambda f: f.date)
            suggestions[r["case_id"]].append((r["position"], s))
        for r in sorted(case_rows, key=lambda r: r["position"]):
            if r["meeting_id"] not in meetings:
                continue
            case = records.case_from_row(r)
            case.questions = [t for _, t in sorted(questions[case.id])]
            case.suggestions = [s for _, s in sorted(suggestions[case.id], key=lambda x: x[0])]
            meetings[r["meeting_id"]].cases.append(case)
        for r in sorted(file.rows("action_point", records.ACTION_COLUMNS, damaged=damaged,
                                  **by_meeting), key=lambda r: r["position"]):
            if r["meeting_id"] in meetings:
                meetings[r["meeting_id"]].actions.append(records.action_from_row(r))
        return sorted(meetings.values(), key=lambda m: m.date, reverse=True)


def delete_cases(journal: Journal, case_ids: list[str]) -> None:
    """Cases and everything that hangs from them (as the store's table registry links them),
    in one transaction."""
    journal.file.delete_tree("meeting_case", case_ids)


def client_case_ids(journal: Journal, client_id: str) -> list[str]:
    return journal.file.ids("meeting_case", client_id=client_id)


def now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)
