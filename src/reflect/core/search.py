"""Finding entries: words (all must appear), a client, a date range."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from datetime import date, datetime

from reflect.core.journal import Journal
from reflect.core.model import EntrySummary, Person
from reflect.core.records import local_time

SNIPPET_CHARS = 140


@dataclass
class SearchHit:
    id: str
    date: datetime
    client: str | None  # the client's name, or None for a general reflection
    snippet: str


def parse_day(text: str | None, *, end: bool = False) -> datetime | None:
    """'2025-03' or '2025-03-11' or a full ISO timestamp; an end bound covers its whole day."""
    if not text:
        return None
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    value = datetime.fromisoformat(text)
    if end and len(text) <= 10:
        value = value.replace(hour=23, minute=59, second=59)
    return local_time(value)


def terms(query: str) -> list[str]:
    try:
        parts = shlex.split(query)
    except ValueError:
        parts = query.split()
    return [p.casefold() for p in parts if p.strip()]


def matches(
    summary: EntrySummary,
    words: list[str],
    people: dict[str, Person],
    since: datetime | None = None,
    until: datetime | None = None,
) -> bool:
    if since and summary.date < since:
        return False
    if until and summary.date > until:
        return False
    if not words:
        return True
    client = people.get(summary.client_id) if summary.client_id else None
    names = " ".join(client.all_names()).casefold() if client else ""
    return all(w in summary.text or w in names for w in words)


def snippet(text: str, words: list[str]) -> str:
    flat = " ".join(text.split())
    lowered = flat.casefold()
    at = min((i for i in (lowered.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = flat[start : start + SNIPPET_CHARS]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(flat) else "")


def search(
    journal: Journal,
    query: str = "",
    *,
    client: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
) -> list[SearchHit]:
    """Matching entries, newest first."""
    words = terms(query)
    lo = local_time(since) if isinstance(since, datetime) else parse_day(
        str(since) if since else None)
    hi = local_time(until) if isinstance(until, datetime) else parse_day(
        str(until) if until else None, end=True)
    people = {p.id: p for p in journal.people()}
    client_ids: set[str] = set()
    if client:
        found = journal.find_people(client)
        if not found:
            return []
        client_ids = {p.id for p in found}
    names = {pid: " ".join(p.all_names()).casefold() for pid, p in people.items()}

    def text_filter(client_id: str | None, text: str) -> bool:
        if client and client_id not in client_ids:
            return False
        known = names.get(client_id, "") if client_id else ""
        return all(w in text or w in known for w in words)

    found_summaries = [
        s for s in journal.summaries(text_filter=text_filter) if matches(s, [], people, lo, hi)
    ]
    narratives = journal.narratives([s.id for s in found_summaries])
    return [
        SearchHit(
            id=s.id,
            date=s.date,
            client=people[s.client_id].name if s.client_id in people else None,
            snippet=snippet(narratives.get(s.id, s.first_line), words),
        )
        for s in found_summaries
    ]
