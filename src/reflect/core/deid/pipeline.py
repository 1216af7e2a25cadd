"""De-identification in one call: known people first, then shaped identifiers, then the rest.

>>> from reflect.core.model import Person
>>> deidentify("Dee rang on 2 April.", [Person("Deanna Whitcombe", aka=["Dee"])]).text
'The client rang in April.'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..model import Person
from . import ages, dates, gazetteer, patterns, venues, when
from .known import KnownPeople, as_known
from .redaction import RedactedText, Redaction, apply, resolve_overlaps


def find_redactions(text: str, known: KnownPeople | Iterable[Person] | None = None, *,
                    reference_date: date | datetime | None = None,
                    labels: gazetteer.Labels | None = None) -> list[Redaction]:
    """Every redaction the pipeline proposes for ``text`` (non-overlapping, in text order).

    Pass one ``gazetteer.Labels`` to every call for texts that belong together (a brief), so
    an unknown person is "Person A" in each of them."""
    people = as_known(known)
    spans = people.redactions(text)
    spans += patterns.find_all(text)
    spans += dates.find_dates(text, reference_date)
    spans += dates.find_times(text)
    spans += ages.find_ages(text, after=[s.end for s in spans if s.kind == "known_person"])
    spans += when.find_all(text)
    spans += venues.find_all(text)
    taken = [(s.start, s.end) for s in spans if s.kind != "age"]
    spans += gazetteer.find_unknown(text, skip=taken, labels=labels)
    return resolve_overlaps(spans)


def deidentify(text: str, known: KnownPeople | Iterable[Person] | None = None, *,
               reference_date: date | datetime | None = None) -> RedactedText:
    """Redact ``text``: role pseudonyms for known people, generic labels for everything else.

    Recall comes first: doubtful spans are redacted with a lower ``confidence`` so the
    practitioner can review them (``RedactedText.uncertain()``) and restore what is safe.
    """
    spans = find_redactions(text, known, reference_date=reference_date)
    return RedactedText(apply(text, spans), spans)


__all__ = ["deidentify", "find_redactions", "apply"]
