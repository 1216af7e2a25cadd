"""The journal's tables in one registry: which columns stay clear, which are sealed, how rows link.

Everything else that needs the schema's shape is derived from ``TABLES``: the clear columns
(``JournalFile`` seals every other column), the keys an upsert conflicts on, the columns core
reads back into its objects, and what deleting a row takes along (``JournalFile.delete_tree``):
every row that hangs from it through a link marked ``"delete"``, however deep. So a new table
linked to a client is forgotten with the client because its link is declared here, not because
someone remembered to add it to ``forget_client``.

The frozen migrations create the tables; ``tables.py`` declares them with SQLModel;
``tests/unit/test_schema.py`` checks that all three agree (tables, columns, clear or sealed,
foreign keys and what each does when its parent row is deleted). The ``meta`` table (the key
header) is not content and is not listed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Link:
    """``column`` holds the id of a row of ``parent``. When that row is deleted, this row is
    deleted too (``"delete"``) or stays with the column set to NULL (``"keep"``)."""

    column: str
    parent: str
    on_delete: Literal["delete", "keep"] = "delete"


@dataclass(frozen=True)
class Table:
    name: str
    clear: tuple[str, ...]  # stored as written: row ids, foreign keys, positions
    sealed: tuple[str, ...] = ()  # AEAD ciphertext, each value bound to table, column and row
    key: tuple[str, ...] = ("id",)
    links: tuple[Link, ...] = ()
    later: frozenset[str] = frozenset()  # sealed columns added by a later migration: NULL in older rows
    raw: frozenset[str] = frozenset()  # sealed as raw UTF-8 rather than JSON (read on every search)
    derived: frozenset[str] = frozenset()  # written from the other columns, never read back

    @property
    def columns(self) -> tuple[str, ...]:
        return self.clear + self.sealed

    @property
    def fields(self) -> tuple[str, ...]:
        """The columns an object is read from: all but the key and the derived ones."""
        return tuple(c for c in self.columns if c not in self.key and c not in self.derived)


def _tables(*tables: Table) -> dict[str, Table]:
    return {t.name: t for t in tables}


# Parents before children, in the order the migrations create them.
TABLES: dict[str, Table] = _tables(
    Table("person", ("id", "linked_to"), ("kind", "name", "alias", "aka", "role", "notes"),
          links=(Link("linked_to", "person"),)),  # a client's linked people go with the client
    Table("entry", ("id", "client_id"),
          ("date", "setting", "planned_minutes", "actual_minutes", "stress_before",
           "stress_after", "narrative", "went_well", "template", "themes", "summary",
           "rejected_themes", "search"),
          links=(Link("client_id", "person"),),
          later=frozenset({"rejected_themes", "search"}),
          raw=frozenset({"search"}),
          derived=frozenset({"summary", "search"})),
    Table("entry_person", ("entry_id", "person_id"), key=("entry_id", "person_id"),
          links=(Link("entry_id", "entry"), Link("person_id", "person"))),
    Table("demand", ("id", "entry_id", "position", "from_control"),
          ("category", "text", "intensity"), links=(Link("entry_id", "entry"),)),
    Table("control", ("id", "entry_id", "position", "answers"),
          ("timing", "stance", "text", "outcome"), links=(Link("entry_id", "entry"),)),
    Table("profile", ("id",), ("data",)),
    # A draft names what it belongs to inside its sealed data (an entry id, a client's name
    # typed but not saved); ``Journal.forget_client`` looks there.
    Table("draft", ("id",), ("data",)),
    Table("user_theme", ("id",), ("data",)),
    Table("theme_cache", ("id",), ("data",), links=(Link("id", "entry"),)),
    # supervision: a client's cases go with the client; the meetings stay (the practitioner's hours)
    Table("meeting", ("id",), ("date", "kind", "group_name", "minutes", "chair", "notes")),
    # a brief written for a client (the app's wizard or ``reflect brief``); made by schema 6,
    # listed before the cases that link to it (parents first)
    Table("brief_export", ("id", "client_id"),
          ("date", "template", "format", "entries", "question", "file_name"),
          links=(Link("client_id", "person"),)),
    Table("meeting_case", ("id", "meeting_id", "client_id", "position", "brief_export_id"),
          ("question", "brief"),
          links=(Link("meeting_id", "meeting"), Link("client_id", "person"),
                 Link("brief_export_id", "brief_export", "keep"))),
    Table("case_question", ("id", "case_id", "position"), ("text",),
          links=(Link("case_id", "meeting_case"),)),
    Table("suggestion", ("id", "case_id", "position"),
          ("text", "timing", "stance", "consequence", "chosen"),
          links=(Link("case_id", "meeting_case"),)),
    Table("follow_up", ("id", "suggestion_id", "entry_id"), ("date", "state", "note"),
          links=(Link("suggestion_id", "suggestion"), Link("entry_id", "entry", "keep"))),
    Table("action_point", ("id", "meeting_id", "case_id", "position"), ("text", "done"),
          links=(Link("meeting_id", "meeting"), Link("case_id", "meeting_case"))),
    Table("self_check", ("id",), ("date", "answers", "dismissed")),
)


def table(name: str) -> Table:
    return TABLES[name]


def dependents(parent: str) -> list[tuple[Table, Link]]:
    """The tables whose rows go when a row of ``parent`` is deleted, and the link that says so."""
    return [
        (t, link)
        for t in TABLES.values()
        for link in t.links
        if link.parent == parent and link.on_delete == "delete"
    ]
