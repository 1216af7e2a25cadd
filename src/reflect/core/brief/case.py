"""Gathering a case into a draft brief: every piece of journal text becomes a de-identified Passage.

The draft keeps each passage's original text and its redactions, so a reviewer can undo a
redaction or mark more text (``Passage.undo`` / ``Passage.mark``) before the brief is rendered.
Nothing here writes anything.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from reflect.core.deid import KnownPeople, Labels, Redaction, apply, find_redactions
from reflect.core.journal import Journal
from reflect.core.model import Entry, Person, PersonKind, Profile

from .relative_time import gap, span
from .templates import BriefTemplate, get_template


@dataclass
class Passage:
    """One piece of journal text on its way into a brief."""

    key: str
    original: str
    spans: list[Redaction] = field(default_factory=list)

    @property
    def text(self) -> str:
        return apply(self.original, self.spans)

    def undo(self, span: Redaction) -> None:
        """Keep this stretch as written (the practitioner judged it safe)."""
        self.spans = [s for s in self.spans if s != span]

    def mark(self, start: int, end: int, replacement: str = "[removed]") -> Redaction:
        """Redact more text by hand (offsets in the original)."""
        added = Redaction(start, end, self.original[start:end], replacement, "manual", 1.0)
        self.spans = sorted(
            [s for s in self.spans if s.end <= start or s.start >= end] + [added],
            key=lambda s: s.start,
        )
        return added


@dataclass
class SessionFacts:
    number: int
    when: str  # "session 1", "three weeks later"
    setting: str | None
    planned: int | None
    actual: int | None
    stress_before: int | None
    stress_after: int | None
    narrative: str  # passage keys
    went_well: str | None
    demands: list[tuple[str, str, int | None, bool]]  # (category, passage key, intensity, resulting)
    controls: list[tuple[str, str | None, str, str | None]]  # (timing, stance, text key, outcome key)
    # a control's text key -> the passage key of the demand it answered (when it names one)
    answers: dict[str, str] = field(default_factory=dict)


@dataclass
class BriefDraft:
    template: BriefTemplate
    client_label: str  # the client's pseudonym
    people_labels: list[str]  # pseudonyms of the other people in the case
    profile: Profile
    sessions: list[SessionFacts]
    passages: dict[str, Passage]
    themes: list[tuple[str, int]]  # (theme label, sessions it appears in)
    known: KnownPeople
    span_text: str = ""
    # the practice profile's fields the practitioner chose to include (see supervision.profile)
    profile_fields: tuple[str, ...] = ("profession", "modalities", "setting", "years_in_practice")

    def text(self, key: str | None) -> str:
        return self.passages[key].text if key else ""

    def all_redactions(self) -> list[tuple[str, Redaction]]:
        """Every redaction, the least certain first (for review)."""
        found = [(k, s) for k, p in self.passages.items() for s in p.spans]
        return sorted(found, key=lambda ks: (ks[1].confidence, ks[0], ks[1].start))


def known_people_for(journal: Journal, client: Person) -> KnownPeople:
    """The client first ('the client'), then their people, then everyone else the journal knows."""
    linked = journal.linked_people(client.id)
    others = [p for p in journal.people() if p.id != client.id and p.linked_to != client.id]
    ordered = [client, *linked, *sorted(others, key=lambda p: p.kind != PersonKind.CLIENT)]
    return KnownPeople(ordered)


def choose_entries(
    journal: Journal, client: Person, *, last: int | None = None, entry_ids: list[str] | None = None
) -> list[Entry]:
    entries = journal.entries(client_id=client.id)
    if entry_ids:
        wanted = set(entry_ids)
        entries = [e for e in entries if e.id in wanted]
    if last:
        entries = entries[-last:]
    return entries


def build_brief(
    journal: Journal,
    client: Person,
    *,
    template: str = "group",
    question: str = "",
    last: int | None = None,
    entry_ids: list[str] | None = None,
    themes: list[tuple[str, int]] | None = None,
    profile_fields: tuple[str, ...] | list[str] | None = None,
) -> BriefDraft:
    """A draft brief for one client's sessions, every passage already de-identified.
    ``profile_fields``: which fields of the practice profile to include (None: the usual four,
    ``()``: none of it)."""
    from reflect.core.supervision.profile import BRIEF_DEFAULT, check_fields

    chosen_fields = check_fields(BRIEF_DEFAULT if profile_fields is None else profile_fields)
    entries = choose_entries(journal, client, last=last, entry_ids=entry_ids)
    if not entries:
        raise ValueError("There are no sessions to put in this brief.")
    known = known_people_for(journal, client)
    labels = Labels()  # one unknown person is "Person A" in every passage of the brief
    passages: dict[str, Passage] = {}

    def passage(key: str, text: str | None, reference: datetime) -> str | None:
        if not text:
            return None
        spans = find_redactions(text, known, reference_date=reference, labels=labels)
        passages[key] = Passage(key, text, spans)
        return key

    first = entries[0].date
    passage("question", question, first)
    sessions: list[SessionFacts] = []
    for n, e in enumerate(entries, start=1):
        when = "first session" if n == 1 else gap(entries[n - 2].date, e.date)
        resulting = {d.id for d in e.demands if d.from_control}
        demand_keys = {d.id: f"s{n}.demand{i}" for i, d in enumerate(e.demands) if d.text}
        sessions.append(
            SessionFacts(
                number=n,
                when=when,
                setting=str(e.setting) if e.setting else None,
                planned=e.planned_minutes,
                actual=e.actual_minutes,
                stress_before=e.stress_before,
                stress_after=e.stress_after,
                narrative=passage(f"s{n}.narrative", e.narrative, e.date) or "",
                went_well=passage(f"s{n}.went_well", e.went_well, e.date),
                demands=[
                    (str(d.category), passage(f"s{n}.demand{i}", d.text, e.date), d.intensity,
                     d.id in resulting)
                    for i, d in enumerate(e.demands)
                ],
                controls=[
                    (str(c.timing), str(c.stance) if c.stance else None,
                     passage(f"s{n}.control{i}", c.text, e.date),
                     passage(f"s{n}.outcome{i}", c.outcome, e.date))
                    for i, c in enumerate(e.controls)
                ],
                answers={f"s{n}.control{i}": demand_keys[c.answers]
                         for i, c in enumerate(e.controls)
                         if c.text and c.answers in demand_keys},
            )
        )
    return BriefDraft(
        template=get_template(template),
        client_label=known.pseudonyms[0],
        people_labels=known.pseudonyms[1 : 1 + len(journal.linked_people(client.id))],
        profile=journal.profile(),
        sessions=sessions,
        passages=passages,
        themes=themes if themes is not None else theme_counts(entries, journal),
        known=known,
        span_text=span(entries[0].date, entries[-1].date),
        profile_fields=chosen_fields,
    )


def theme_counts(entries: list[Entry], journal: Journal | None = None) -> list[tuple[str, int]]:
    """Themes across the sessions, most frequent first: the same detection and decisions as
    everywhere else (``reflect.core.themes``), from the results the journal keeps (what
    the app or ``reflect themes`` already found is not detected again)."""
    from reflect.core.themes import ThemeEngine, engine_for

    engine = engine_for(journal) if journal is not None else ThemeEngine()
    kept = engine.kept(journal) if journal is not None else None
    analysed = engine.analyse(sorted(entries, key=lambda e: e.date), kept)
    assert analysed is not None  # nothing can cancel it
    counts: Counter[str] = Counter()
    for a in analysed:
        counts.update({t.label for t in a.themes})
    return counts.most_common()
