"""Finding a client by what the practitioner calls them: ``--client Deanna`` for "Deanna
Whitcombe".

A name is compared after the same Unicode folding the brief's name gate uses (NFKC, accents
removed, typographic apostrophes and hyphens made plain) and case folding, so "zoe" is "Zoë".
A client whose full name, alias or other name *is* the name given wins; only when nobody's is,
a client counts when every word given is a word of their names ("Deanna", "Whitcombe", "Dee W").
Several clients can fit a first name: the caller says so and asks for more of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reflect.core.deid.fold import folded
from reflect.core.model import Person, PersonKind

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def name_key(text: str) -> str:
    """A name as it is compared: folded, case-folded, one space between words."""
    return " ".join(folded(text).casefold().split())


def name_words(text: str) -> list[str]:
    """The words of a name as they are compared ("Mary-Jane O’Neil" -> mary, jane, o'neil)."""
    return _WORD.findall(name_key(text))


def clients_called(people: Iterable[Person], name: str) -> list[Person]:
    """The clients ``name`` fits: those with a name, alias or other name equal to it; if there
    are none, those whose names hold every word of it."""
    clients = [p for p in people if p.kind == PersonKind.CLIENT]
    wanted = name_key(name)
    if not wanted:
        return []
    exact = [p for p in clients if any(name_key(n) == wanted for n in p.all_names())]
    if exact:
        return exact
    words = set(name_words(name))
    if not words:
        return []
    return [p for p in clients
            if words <= {w for n in p.all_names() for w in name_words(n)}]
