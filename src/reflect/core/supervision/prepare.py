"""Prepare a meeting: which case to bring, and why.

A client is a good case to bring when themes keep coming back in their sessions, when sessions
with them leave the practitioner more stressed than before (and more so lately), when what was
done keeps producing *resulting demands*, or when suggestions from supervision about them are
still waiting to be followed up. A case presented very recently is suggested less strongly.
Themes come from the one themes analysis (detection and the practitioner's decisions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from reflect.core.journal import Journal
from reflect.core.model import Entry, PersonKind
from reflect.core.themes import JournalThemes, analyse_journal, stress_pattern

from .log import SupervisionLog
from .when import relative_day

RECENT_SESSIONS = 5  # what "lately" means: the client's last five sessions
ACTIVE_DAYS = 90  # a client seen in the last three months is a current case
RECENTLY_PRESENTED_DAYS = 30


@dataclass
class CaseCandidate:
    client_id: str
    client: str  # how the app shows the client (alias or name): never leaves the app
    score: float
    reasons: list[str] = field(default_factory=list)
    last_session: datetime | None = None
    last_presented: datetime | None = None
    entry_ids: list[str] = field(default_factory=list)  # the recent sessions, for the brief


def _resulting(entries: list[Entry]) -> int:
    return sum(1 for e in entries for d in e.demands if d.from_control)


def suggest_cases(
    journal: Journal,
    *,
    today: date | None = None,
    themes: JournalThemes | None = None,
    limit: int = 5,
) -> list[CaseCandidate]:
    """The clients most worth bringing to the next meeting, best first, each with its reasons
    in plain words. Clients with nothing to say for them are left out."""
    today = today or date.today()
    themes = themes or analyse_journal(journal)
    recurring: dict[str, list] = {}
    for r in themes.recurring:
        recurring.setdefault(r.client, []).append(r)
    log = SupervisionLog(journal)
    presented: dict[str, datetime] = {}
    pending: dict[str, int] = {}
    for m in log.meetings():
        for c in m.cases:
            if c.client_id and c.client_id not in presented:
                presented[c.client_id] = m.date  # newest meeting first
            for s in c.suggestions:
                if c.client_id and s.pending:
                    pending[c.client_id] = pending.get(c.client_id, 0) + 1
    out = []
    for client in journal.clients():
        if client.kind != PersonKind.CLIENT:
            continue
        entries = journal.entries(client_id=client.id or "")
        if not entries:
            continue
        recent = entries[-RECENT_SESSIONS:]
        last = entries[-1].date
        score, reasons = 0.0, []
        for r in recurring.get(client.id or "", []):
            score += r.count / r.of_sessions * 2
            label = themes.labels.get(r.theme, r.theme.replace("_", " "))
            reasons.append(f"{label} in {r.count} of the last {r.of_sessions} sessions")
        stress = stress_pattern(recent)
        if stress.trend == "rising" or (stress.sessions >= 2 and (stress.mean_change or 0) >= 2):
            score += 1.5
            steps = ", ".join(f"{c:+d}" for c in stress.changes)
            reasons.append(f"sessions leave you more stressed lately ({steps})")
        resulting = _resulting(recent)
        if resulting >= 2:
            score += 0.5 * resulting
            reasons.append(f"{resulting} resulting demands in the last {len(recent)} sessions")
        waiting = pending.get(client.id or "", 0)
        if waiting:
            score += waiting
            reasons.append(f"{waiting} suggestion{'s' if waiting > 1 else ''} from supervision "
                           "not yet followed up")
        if not reasons:
            continue
        if (today - last.date()).days > ACTIVE_DAYS:
            score *= 0.5
        when = presented.get(client.id or "")
        if when is not None and (today - when.date()) <= timedelta(days=RECENTLY_PRESENTED_DAYS):
            score *= 0.5
            reasons.append(f"already presented {relative_day(when, today)}")
        out.append(CaseCandidate(client.id or "", client.display, round(score, 2), reasons,
                                 last, when, [e.id or "" for e in recent]))
    out.sort(key=lambda c: (-c.score, c.client.casefold()))
    return out[:limit]


def brief_for(journal: Journal, client_id: str, *, template: str = "group",
              last: int = RECENT_SESSIONS, question: str = "",
              entry_ids: list[str] | None = None) -> str:
    """The brief for presenting a client's recent sessions (or those ``entry_ids``), as
    Markdown: every automatic and uncertain redaction applied, and refused (``BriefRefused``)
    if anyone the journal knows is still named, exactly as an exported brief would be."""
    from reflect.core.brief import build_brief, render
    from reflect.core.brief.export import gate

    draft = build_brief(journal, journal.person(client_id), template=template,
                        last=None if entry_ids else last, question=question,
                        entry_ids=entry_ids or None)
    text = render(draft)
    gate(draft, text)
    return text


def presenting_brief(journal: Journal, client_id: str) -> str:
    """What presenting mode shows for a client: the brief last exported for them (its
    template, sessions and question), made again the same way; else their recent sessions."""
    from .brief_exports import brief_exports

    for export in brief_exports(journal, client_id):
        if export.entry_ids:
            return brief_for(journal, client_id, template=export.template,
                             question=export.question, entry_ids=export.entry_ids)
    return brief_for(journal, client_id)
