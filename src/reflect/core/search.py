"""Finding entries in a journal: the search language of :mod:`reflect.core.query` (words,
``client:``, ``template:``, ``theme:``, ``since:``, ``until:``), plus a client and a date range given apart
(the ``reflect search`` options)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from reflect.core.client_names import clients_called
from reflect.core.journal import Journal
from reflect.core.model import EntrySummary, Person
from reflect.core.query import (
    EntryFilter,
    names_of,
    parse_day,
    parse_query,
    theme_names,
    themed,
    words_match,
)
from reflect.core.records import local_time

SNIPPET_CHARS = 140


@dataclass
class SearchHit:
    id: str
    date: datetime
    client: str | None  # the client's name, or None for a general reflection
    snippet: str


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
    client = people.get(summary.client_id) if summary.client_id else None
    return words_match(words, summary.text, names_of(client))


def snippet(text: str, words: list[str]) -> str:
    flat = " ".join(text.split())
    lowered = flat.casefold()
    at = min((i for i in (lowered.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - SNIPPET_CHARS // 3)
    piece = flat[start : start + SNIPPET_CHARS]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET_CHARS < len(flat) else "")


def _bound(value: str | date | None, *, end: bool) -> datetime | None:
    if isinstance(value, datetime):
        return local_time(value)
    return parse_day(str(value) if value else None, end=end)


def search(
    journal: Journal,
    query: str = "",
    *,
    client: str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
) -> list[SearchHit]:
    """Matching entries, newest first. ``query`` may hold tokens as the app's search field does;
    ``client``, ``since`` and ``until`` narrow it further. A date token that cannot be read
    raises ``ValueError`` naming it."""
    parsed = parse_query(query)
    if parsed.problems:
        raise ValueError(f"Dates look like 2025-03 or 2025-03-14, not {parsed.problems[0]!r}.")
    words = parsed.words
    bounds = [b for b in (parsed.since, _bound(since, end=False)) if b]
    parsed.since = max(bounds, default=None)
    bounds = [b for b in (parsed.until, _bound(until, end=True)) if b]
    parsed.until = min(bounds, default=None)
    people = {p.id: p for p in journal.people()}
    client_ids: set[str] | None = None
    if client:
        client_ids = {p.id for p in clients_called(journal.people(), client)}
    if parsed.clients:
        named = EntryFilter(people.values())
        for part in parsed.clients:
            ids = named.clients_named(part)
            client_ids = ids if client_ids is None else client_ids & ids
    if client_ids is not None and not client_ids:
        return []
    names = {pid: names_of(p) for pid, p in people.items()}

    def text_filter(client_id: str | None, text: str) -> bool:
        if client_ids is not None and client_id not in client_ids:
            return False
        return words_match(words, text, names.get(client_id, ""))

    found_summaries = [
        s for s in journal.summaries(text_filter=text_filter)
        if parsed.dated(s.date) and parsed.templated(s.template)
    ]
    if parsed.themes and found_summaries:
        from reflect.core.themes import analyse_journal

        analysis = analyse_journal(journal)  # kept results: detects only what changed
        by_entry = {a.entry_id: theme_names(a.ids(), analysis.labels) for a in analysis.entries}
        found_summaries = [
            s for s in found_summaries if themed(parsed.themes, by_entry.get(s.id, ""))
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
