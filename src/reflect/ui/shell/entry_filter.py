"""The live filter behind the search field: words, ``client:``, ``template:``, ``since:``,
``until:``. Pure Python over the in-memory summaries, so it stays instant on 10,000 entries.

Words follow ``reflect.core.search`` (every word must appear in the entry's text or in the
client's names); the client names are matched once per keystroke, not once per entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from reflect.core.model import EntrySummary, Person
from reflect.core.search import parse_day, terms

ALL = "__all__"  # the client list's "All entries" row
GENERAL = "__general__"  # entries with no client: general reflections on the work


@dataclass
class Query:
    words: list[str] = field(default_factory=list)
    clients: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    since: datetime | None = None
    until: datetime | None = None
    problems: list[str] = field(default_factory=list)  # tokens that could not be read

    @property
    def empty(self) -> bool:
        return not (self.words or self.clients or self.templates or self.since or self.until)


def parse_query(text: str) -> Query:
    query = Query()
    for token in terms(text):
        key, sep, value = token.partition(":")
        if not sep or not value or key not in ("client", "template", "since", "until"):
            query.words.append(token)
        elif key == "client":
            query.clients.append(value)
        elif key == "template":
            query.templates.append(value)
        else:
            try:
                day = parse_day(value, end=key == "until")
            except ValueError:
                query.problems.append(token)
                continue
            if key == "since":
                query.since = day
            else:
                query.until = day
    return query


def _names(people: Iterable[Person]) -> dict[str, str]:
    return {p.id: " ".join(p.all_names()).casefold() for p in people if p.id}


class EntryFilter:
    """Holds the client names once; ``apply`` is called on every keystroke."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        self.set_people(people)

    def set_people(self, people: Iterable[Person]) -> None:
        self._names = _names(people)

    def _clients_named(self, word: str) -> set[str]:
        return {pid for pid, names in self._names.items() if word in names}

    def apply(
        self, summaries: list[EntrySummary], query: Query, scope: str = ALL
    ) -> list[EntrySummary]:
        rows = summaries
        if scope == GENERAL:
            rows = [s for s in rows if s.client_id is None]
        elif scope != ALL:
            rows = [s for s in rows if s.client_id == scope]
        if query.empty:
            return list(rows)
        for wanted in query.clients:
            ids = self._clients_named(wanted)
            rows = [s for s in rows if s.client_id in ids]
        for wanted in query.templates:
            rows = [s for s in rows if s.template and wanted in s.template.casefold()]
        if query.since:
            rows = [s for s in rows if s.date >= query.since]
        if query.until:
            rows = [s for s in rows if s.date <= query.until]
        for word in query.words:
            ids = self._clients_named(word)
            rows = [s for s in rows if word in s.text or s.client_id in ids]
        return rows
