"""Words the supervision views share: kinds, timings, stances, follow-up states."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from reflect.core.model import Stance, Timing
from reflect.core.supervision import FollowUpState, MeetingKind


def tr(text: str) -> str:
    return QCoreApplication.translate("supervision", text)


def kind_label(kind: MeetingKind) -> str:
    return {MeetingKind.PEER_GROUP: tr("Peer group"),
            MeetingKind.LED_GROUP: tr("Group with a leader"),
            MeetingKind.ONE_TO_ONE: tr("One-to-one")}[kind]


def timing_label(timing: Timing | None) -> str:
    if timing is None:
        return "—"
    return {Timing.PRE: tr("Before"), Timing.DURING: tr("During"), Timing.POST: tr("After")}[timing]


def stance_label(stance: Stance | None) -> str:
    if stance is None:
        return "—"
    return {Stance.CONSERVATIVE: tr("Conservative"), Stance.NEUTRAL: tr("Neutral"),
            Stance.LIBERAL: tr("Liberal")}[stance]


def state_label(state: FollowUpState | None, chosen: bool = False) -> str:
    if state is None:
        return tr("To try — waiting") if chosen else tr("Not chosen")
    return {FollowUpState.TRIED: tr("Tried"), FollowUpState.NOT_TRIED: tr("Not tried yet"),
            FollowUpState.HELPED: tr("Helped"), FollowUpState.DIDNT_HELP: tr("Didn't help"),
            FollowUpState.DISMISSED: tr("Dismissed")}[state]


def duration_text(minutes: int | None) -> str:
    if not minutes:
        return "—"
    hours, rest = divmod(minutes, 60)
    if not hours:
        return tr("%1 min").replace("%1", str(rest))
    return tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", f"{rest:02d}")


FORMAT_NAMES = {"pdf": "PDF", "html": "HTML", "md": "Markdown"}


def day_text(when: datetime) -> str:
    """"19 Mar 2026" (no leading zero)."""
    return f"{when.day} {when:%b %Y}"


def brief_label(exported: datetime, template: str | None, fmt: str | None, sessions: int,
                file_name: str = "") -> str:
    """"Exported 19 Mar 2026, 21:05 · for a group · PDF · 3 sessions — case-brief.pdf"."""
    parts = [tr("Exported %1").replace("%1", f"{day_text(exported)}, {exported:%H:%M}")]
    if template:
        parts.append(tr("for a supervisor") if template == "supervisor" else tr("for a group"))
    if fmt:
        parts.append(FORMAT_NAMES.get(fmt, fmt))
    if sessions:
        parts.append(tr("1 session") if sessions == 1 else
                     tr("%1 sessions").replace("%1", str(sessions)))
    text = " · ".join(parts)
    return f"{text} — {file_name}" if file_name else text
