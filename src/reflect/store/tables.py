"""The journal's tables, declared with SQLModel: the current schema with its column types.

Every content column is ``bytes``: AEAD ciphertext written by ``reflect.store.crypto``. What is
left in the clear is what the encryption contract allows: random row ids, foreign keys, the
position of a demand or control in its entry, and the header in ``meta``.

These declarations are not imported on the hot path (importing SQLModel costs ~0.75 s, more than
the whole search budget): the runtime uses the standard ``sqlite3`` module, and migrations are
frozen SQL, as migrations must be; what the runtime needs to know (clear and sealed columns,
keys, links) is in ``schema.TABLES``. ``tests/unit/test_schema.py`` proves that a freshly migrated
journal, these declarations and that registry agree.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class Meta(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True)
    value: bytes


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: str = Field(primary_key=True)
    linked_to: str | None = Field(default=None, foreign_key="person.id", index=True)
    kind: bytes
    name: bytes
    alias: bytes
    aka: bytes
    role: bytes
    notes: bytes


class Entry(SQLModel, table=True):
    __tablename__ = "entry"
    id: str = Field(primary_key=True)
    client_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    date: bytes
    setting: bytes
    planned_minutes: bytes
    actual_minutes: bytes
    stress_before: bytes
    stress_after: bytes
    narrative: bytes
    went_well: bytes
    template: bytes
    themes: bytes
    summary: bytes  # derived: what the entry list and search need, in one value
    rejected_themes: bytes | None = None  # schema 3: themes the practitioner turned down
    search: bytes | None = None  # schema 3: every free-text field, lower-cased, sealed raw


class EntryPerson(SQLModel, table=True):
    __tablename__ = "entry_person"
    entry_id: str = Field(primary_key=True, foreign_key="entry.id")
    person_id: str = Field(primary_key=True, foreign_key="person.id", index=True)


class Demand(SQLModel, table=True):
    __tablename__ = "demand"
    id: str = Field(primary_key=True)
    entry_id: str = Field(foreign_key="entry.id", index=True)
    position: int
    category: bytes
    text: bytes
    intensity: bytes
    from_control: str | None = None


class Control(SQLModel, table=True):
    __tablename__ = "control"
    id: str = Field(primary_key=True)
    entry_id: str = Field(foreign_key="entry.id", index=True)
    position: int
    timing: bytes
    stance: bytes
    text: bytes
    outcome: bytes
    answers: str | None = None


class Profile(SQLModel, table=True):
    __tablename__ = "profile"
    id: str = Field(primary_key=True)
    data: bytes


class Draft(SQLModel, table=True):
    """Autosaved, unsaved editor content (schema 2)."""

    __tablename__ = "draft"
    id: str = Field(primary_key=True)
    data: bytes


class UserTheme(SQLModel, table=True):
    """A theme the practitioner defined, with its cue phrases (schema 3)."""

    __tablename__ = "user_theme"
    id: str = Field(primary_key=True)
    data: bytes


class ThemeCache(SQLModel, table=True):
    """An entry's detected themes, kept so a whole-journal analysis only detects what changed
    (schema 4). Derived data: losing it costs one detection, never a word."""

    __tablename__ = "theme_cache"
    id: str = Field(primary_key=True, foreign_key="entry.id")
    data: bytes


# --- supervision (schema 5): meetings, the cases presented, what the group asked and suggested,
# what the practitioner chose to try and how it went, and the monthly self-check.


class Meeting(SQLModel, table=True):
    """A supervision meeting: peer group, group with a leader, or one-to-one."""

    __tablename__ = "meeting"
    id: str = Field(primary_key=True)
    date: bytes
    kind: bytes
    group_name: bytes  # the group's or the supervisor's name, as the practitioner writes it
    minutes: bytes
    chair: bytes
    notes: bytes


class BriefExport(SQLModel, table=True):
    """A brief the practitioner exported: when, for whom, which template, format and sessions,
    the question, and the file's name (sealed: a file name can hold a name)."""

    __tablename__ = "brief_export"
    id: str = Field(primary_key=True)
    client_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    date: bytes
    template: bytes
    format: bytes
    entries: bytes
    question: bytes
    file_name: bytes


class MeetingCase(SQLModel, table=True):
    """A case presented at a meeting, and the brief it was presented with."""

    __tablename__ = "meeting_case"
    id: str = Field(primary_key=True)
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    client_id: str | None = Field(default=None, foreign_key="person.id", index=True)
    position: int
    question: bytes
    brief: bytes
    # the exported brief it was presented with (schema 6; NULL when none, or it was removed)
    brief_export_id: str | None = Field(default=None, foreign_key="brief_export.id", index=True)


class CaseQuestion(SQLModel, table=True):
    """A clarifying question the group asked about a case."""

    __tablename__ = "case_question"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="meeting_case.id", index=True)
    position: int
    text: bytes


class Suggestion(SQLModel, table=True):
    """An alternative control the group suggested, and whether the practitioner chose to try it."""

    __tablename__ = "suggestion"
    id: str = Field(primary_key=True)
    case_id: str = Field(foreign_key="meeting_case.id", index=True)
    position: int
    text: bytes
    timing: bytes
    stance: bytes
    consequence: bytes
    chosen: bytes


class FollowUp(SQLModel, table=True):
    """What became of a suggestion: tried, not tried, helped, didn't help, or dismissed."""

    __tablename__ = "follow_up"
    id: str = Field(primary_key=True)
    suggestion_id: str = Field(foreign_key="suggestion.id", index=True)
    entry_id: str | None = Field(default=None, foreign_key="entry.id", index=True)
    date: bytes
    state: bytes
    note: bytes


class ActionPoint(SQLModel, table=True):
    __tablename__ = "action_point"
    id: str = Field(primary_key=True)
    meeting_id: str = Field(foreign_key="meeting.id", index=True)
    case_id: str | None = Field(default=None, foreign_key="meeting_case.id", index=True)
    position: int
    text: bytes
    done: bytes


class SelfCheck(SQLModel, table=True):
    """One month's self-check: the answers, or that it was dismissed."""

    __tablename__ = "self_check"
    id: str = Field(primary_key=True)
    date: bytes
    answers: bytes
    dismissed: bytes
