"""Supervision: meetings, the cases presented, the group's alternatives, and following them up.

Modules, each one concept:

- :mod:`.model` — Meeting, PresentedCase, Suggestion, FollowUp, ActionPoint (plain dataclasses)
- :mod:`.brief_exports` — the briefs exported, which a presented case links to
- :mod:`.log` — ``SupervisionLog``: meetings saved whole and read back (encrypted like everything)
- :mod:`.follow_up` — choose to try, the prompts on the next entries, outcomes, a client's history
- :mod:`.hours` — supervision hours per month and year, by kind; CSV
- :mod:`.prepare` — which case to bring to the next meeting, and why
- :mod:`.self_check` — the monthly self-check questions, answers and their trend
- :mod:`.profile` — the practice profile on its own (Markdown/PDF), and its lines in a brief
- :mod:`.interchange` — meetings, self-checks and the profile as JSON Lines records
"""

from .brief_exports import brief_export, brief_exported, brief_exports, record_brief_export
from .follow_up import (
    FollowUpPrompt,
    choose_to_try,
    dismiss,
    history,
    pending_follow_ups,
    prompt_text,
    record_outcome,
)
from .hours import HoursRow, hours_csv, supervision_hours
from .log import SupervisionLog
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
    SuggestionRef,
)
from .self_check import (
    QUESTIONS,
    SelfCheck,
    answer_self_check,
    dismiss_self_check,
    self_check_due,
    self_check_trend,
    self_checks,
)

__all__ = [
    "QUESTIONS", "ActionPoint", "BriefExport", "BriefLink", "FollowUp", "FollowUpPrompt",
    "FollowUpState", "HoursRow", "Meeting", "MeetingKind", "PresentedCase", "SelfCheck",
    "Suggestion", "SuggestionRef", "SupervisionLog", "answer_self_check", "brief_export",
    "brief_exported", "brief_exports", "choose_to_try", "dismiss", "dismiss_self_check",
    "history", "hours_csv", "pending_follow_ups", "prompt_text", "record_brief_export",
    "record_outcome", "self_check_due", "self_check_trend", "self_checks", "supervision_hours",
]
