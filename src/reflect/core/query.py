"""The search language the app's search field and ``reflect search`` share, and its one rule.

A query is words and tokens: ``client:NAME``, ``template:NAME``, ``theme:NAME``, ``since:DATE``,
``until:DATE`` (dates as ``2025-03`` or ``2025-03-14``; ``until`` covers its whole day).
``theme:`` matches part of a theme's id or label ("theme:boundaries", "theme:self_care",
"theme:self") among the entry's themes: those detected and the practitioner's own decisions. A word matches an entry
when it appears in the entry's text or in its client's names (``words_match``, the rule written
once); ``client:`` and ``template:`` match part of a client's names or a template's name.

``EntryFilter`` applies a query to the in-memory summaries, so the app's live filter stays
instant on 10,000 entries; ``reflect.core.search`` applies it to a journal.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from reflect.core.client_names import name_key
from reflect.core.model import EntrySummary, Person
from reflect.core.records import local_time

ALL = "__all__"  # the client list's "All entries" row
GENERAL = "__general__"  # entries with no client: general reflections on the work
TOKENS = ("client", "template", "theme", "since", "until")


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


def names_of(person: Person | None) -> str:
    """A client's names as the rule reads them: name, alias and other names, case-folded."""
    return " ".join(person.all_names()).casefold() if person else ""


def words_match(words: Iterable[str], text: str, client_names: str) -> bool:
    """The rule for words: every word appears in the entry's (case-folded) text or in its
    client's names."""
    return all(w in text or w in client_names for w in words)


@dataclass
class Query:
    words: list[str] = field(default_factory=list)
    clients: list[str] = field(default_factory=list)
    templates: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    since: datetime | None = None
    until: datetime | None = None
    problems: list[str] = field(default_factory=list)  # tokens that could not be read

    @property
    def empty(self) -> bool:
        return not (
            self.words or self.clients or self.templates or self.themes or self.since
            or self.until
        )

    def dated(self, when: datetime) -> bool:
        return (not self.since or when >= self.since) and (not self.until or when <= self.until)

    def templated(self, template: str | None) -> bool:
        return all(template and wanted in template.casefold() for wanted in self.templates)


def parse_query(text: str) -> Query:
    query = Query()
    for token in terms(text):
        key, sep, value = token.partition(":")
        if not sep or not value or key not in TOKENS:
            query.words.append(token)
        elif key == "client":
            query.clients.append(value)
        elif key == "template":
            query.templates.append(value)
        elif key == "theme":
            query.themes.append(value)
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


def themed(wanted: list[str], theme_names: str) -> bool:
    """The rule for ``theme:`` tokens: each names part of one of the entry's themes.
    ``theme_names`` is the entry's theme ids and labels, case-folded, joined by spaces."""
    return all(w in theme_names for w in wanted)


def theme_names(themes: Iterable[str], labels: dict[str, str]) -> str:
    """An entry's themes as :func:`themed` reads them: ids and labels, case-folded."""
    return " ".join(f"{t} {labels.get(t, t)}".casefold() for t in themes)


class EntryFilter:
    """Holds the client names (and, once known, each entry's themes); ``apply`` is called on
    every keystroke."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        self.set_people(people)
        self._themes: dict[str, str] | None = None

    def set_themes(self, themes: dict[str, str] | None) -> None:
        """entry id -> :func:`theme_names`; None until the journal's themes are known (then a
        ``theme:`` token matches nothing yet)."""
        self._themes = themes

    def set_people(self, people: Iterable[Person]) -> None:
        people = [p for p in people if p.id]
        self._names = {p.id: names_of(p) for p in people}
        self._name_keys = {p.id: "\n".join(name_key(n) for n in p.all_names()) for p in people}

    def clients_named(self, part: str) -> set[str]:
        """The ids of the clients one of whose names contains ``part`` (a ``client:`` token),
        both compared after Unicode and case folding (``client:zoe`` finds Zoë)."""
        wanted = name_key(part)
        return {pid for pid, names in self._name_keys.items() if wanted in names}

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
            ids = self.clients_named(wanted)
            rows = [s for s in rows if s.client_id in ids]
        if query.themes:
            known = self._themes or {}
            rows = [s for s in rows if themed(query.themes, known.get(s.id, ""))]
        if query.templates or query.since or query.until:
            rows = [s for s in rows if query.templated(s.template) and query.dated(s.date)]
        if query.words:
            names, words = self._names, query.words
            rows = [s for s in rows if words_match(words, s.text, names.get(s.client_id, ""))]
        return rows
