"""What changed in the journal: the record every change announces, as Anki's ``OpChanges``.

Whoever changes the journal (through ``Journal``) announces a ``Changes`` once; each view looks
only at the kinds it cares about and refreshes itself. Nobody refreshes another view by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

ENTRIES = "entries"  # entries written, edited or deleted (ids in ``entries`` when known)
PEOPLE = "people"  # clients and linked people added, edited or forgotten
THEMES = "themes"  # a theme decision on an entry, or the practitioner's own themes
DRAFTS = "drafts"  # autosaved drafts kept or discarded
SETTINGS = "settings"  # the app's settings (the look, the recurrence rule): not journal data
# meetings, their suggestions and follow-ups, action points, self-checks, briefs exported
SUPERVISION = "supervision"
KINDS = frozenset({ENTRIES, PEOPLE, THEMES, DRAFTS, SETTINGS, SUPERVISION})


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str]
    entries: frozenset[str] = frozenset()  # the entries concerned, when the change knows them
    removed: frozenset[str] = frozenset()  # ids of entries and people that are gone

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds


def changes(*kinds: str, entries: Iterable[str] = (), removed: Iterable[str] = ()) -> Changes:
    unknown = set(kinds) - KINDS
    if unknown:
        raise ValueError(f"unknown kind of change: {sorted(unknown)}")
    return Changes(frozenset(kinds), frozenset(entries), frozenset(removed))
