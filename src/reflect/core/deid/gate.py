"""The final gate before a brief leaves the journal: does any known name survive?

:func:`find_known_leaks` re-scans an output text for every variant of every known person —
names, other names, aliases, name parts, initials, titled forms and near misspellings — and an
export refuses to write a file while it returns anything.  Pseudonyms and the pipeline's own
labels ("the client's sister", "Person A") are masked first, so they never trip it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Person
from .known import KnownPeople, as_known
from .redaction import LABELS

_LABELS = re.compile(r"\b(?:Person|Doctor|Professor|Nurse|Colleague|Client) [A-Z]\b|"
                     + "|".join(re.escape(label) for label in LABELS))


@dataclass(frozen=True)
class Leak:
    start: int
    end: int
    text: str
    person: str  # the known person's display name (shown only to the journal's owner)
    how: str  # "name", "part", "alias", "initials", "title", "fuzzy", "joined", "inside"


def _mask(text: str, people: KnownPeople) -> str:
    masked = text
    for pseudo in sorted(set(people.pseudonyms), key=len, reverse=True):
        masked = re.sub(re.escape(pseudo), lambda m: " " * len(m.group()), masked,
                        flags=re.IGNORECASE)
    return _LABELS.sub(lambda m: " " * len(m.group()), masked)


def find_known_leaks(text: str, known: KnownPeople | Iterable[Person]) -> list[Leak]:
    """Every place ``text`` still names a known person; empty means the text may be exported.

    The same matching as redaction (``KnownPeople.find``: folded Unicode, names inside file
    names, addresses, handles and links), and near misspellings wherever they stand."""
    people = as_known(known)
    masked = _mask(text, people)
    return [Leak(m.start, m.end, text[m.start:m.end], people.people[m.person].display, m.how)
            for m in people.find(masked, fuzzy=True, everywhere=True)]
