"""Schema versions in ``PRAGMA user_version``; ordered, frozen migrations.

A journal from a newer Reflect is refused; an older one is copied aside first, then migrated
in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reflect.store.errors import JournalTooNew

_V1 = """
CREATE TABLE meta (key VARCHAR NOT NULL PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE person (
    id VARCHAR NOT NULL PRIMARY KEY,
    linked_to VARCHAR REFERENCES person (id) ON DELETE CASCADE,
    kind BLOB NOT NULL, name BLOB NOT NULL, alias BLOB NOT NULL, aka BLOB NOT NULL,
    role BLOB NOT NULL, notes BLOB NOT NULL);
CREATE INDEX ix_person_linked_to ON person (linked_to);
CREATE TABLE entry (
    id VARCHAR NOT NULL PRIMARY KEY,
    client_id VARCHAR REFERENCES person (id) ON DELETE CASCADE,
    date BLOB NOT NULL, setting BLOB NOT NULL, planned_minutes BLOB NOT NULL,
    actual_minutes BLOB NOT NULL, stress_before BLOB NOT NULL, stress_after BLOB NOT NULL,
    narrative BLOB NOT NULL, went_well BLOB NOT NULL, template BLOB NOT NULL,
    themes BLOB NOT NULL, summary BLOB NOT NULL);
CREATE INDEX ix_entry_client_id ON entry (client_id);
CREATE TABLE entry_person (
    entry_id VARCHAR NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    person_id VARCHAR NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (entry_id, person_id));
CREATE INDEX ix_entry_person_person_id ON entry_person (person_id);
CREATE TABLE demand (
    id VARCHAR NOT NULL PRIMARY KEY,
    entry_id VARCHAR NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    category BLOB NOT NULL, text BLOB NOT NULL, intensity BLOB NOT NULL,
    from_control VARCHAR);
CREATE INDEX ix_demand_entry_id ON demand (entry_id);
CREATE TABLE control (
    id VARCHAR NOT NULL PRIMARY KEY,
    entry_id VARCHAR NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    timing BLOB NOT NULL, stance BLOB NOT NULL, text BLOB NOT NULL, outcome BLOB NOT NULL,
    answers VARCHAR);
CREATE INDEX ix_control_entry_id ON control (entry_id);
CREATE TABLE profile (id VARCHAR NOT NULL PRIMARY KEY, data BLOB NOT NULL);
"""

_V2 = """
CREATE TABLE draft (id VARCHAR NOT NULL PRIMARY KEY, data BLOB NOT NULL);
"""

_V3 = """
ALTER TABLE entry ADD COLUMN rejected_themes BLOB;
ALTER TABLE entry ADD COLUMN search BLOB;
CREATE TABLE user_theme (id VARCHAR NOT NULL PRIMARY KEY, data BLOB NOT NULL);
"""

_V4 = """
CREATE TABLE theme_cache (
    id VARCHAR NOT NULL PRIMARY KEY REFERENCES entry (id) ON DELETE CASCADE,
    data BLOB NOT NULL);
"""


_V5 = """
CREATE TABLE meeting (
    id VARCHAR NOT NULL PRIMARY KEY,
    date BLOB NOT NULL, kind BLOB NOT NULL, group_name BLOB NOT NULL, minutes BLOB NOT NULL,
    chair BLOB NOT NULL, notes BLOB NOT NULL);
CREATE TABLE meeting_case (
    id VARCHAR NOT NULL PRIMARY KEY,
    meeting_id VARCHAR NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    client_id VARCHAR REFERENCES person (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    question BLOB NOT NULL, brief BLOB NOT NULL);
CREATE INDEX ix_meeting_case_meeting_id ON meeting_case (meeting_id);
CREATE INDEX ix_meeting_case_client_id ON meeting_case (client_id);
CREATE TABLE case_question (
    id VARCHAR NOT NULL PRIMARY KEY,
    case_id VARCHAR NOT NULL REFERENCES meeting_case (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text BLOB NOT NULL);
CREATE INDEX ix_case_question_case_id ON case_question (case_id);
CREATE TABLE suggestion (
    id VARCHAR NOT NULL PRIMARY KEY,
    case_id VARCHAR NOT NULL REFERENCES meeting_case (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text BLOB NOT NULL, timing BLOB NOT NULL, stance BLOB NOT NULL, consequence BLOB NOT NULL,
    chosen BLOB NOT NULL);
CREATE INDEX ix_suggestion_case_id ON suggestion (case_id);
CREATE TABLE follow_up (
    id VARCHAR NOT NULL PRIMARY KEY,
    suggestion_id VARCHAR NOT NULL REFERENCES suggestion (id) ON DELETE CASCADE,
    entry_id VARCHAR REFERENCES entry (id) ON DELETE SET NULL,
    date BLOB NOT NULL, state BLOB NOT NULL, note BLOB NOT NULL);
CREATE INDEX ix_follow_up_suggestion_id ON follow_up (suggestion_id);
CREATE INDEX ix_follow_up_entry_id ON follow_up (entry_id);
CREATE TABLE action_point (
    id VARCHAR NOT NULL PRIMARY KEY,
    meeting_id VARCHAR NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    case_id VARCHAR REFERENCES meeting_case (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text BLOB NOT NULL, done BLOB NOT NULL);
CREATE INDEX ix_action_point_meeting_id ON action_point (meeting_id);
CREATE INDEX ix_action_point_case_id ON action_point (case_id);
CREATE TABLE self_check (
    id VARCHAR NOT NULL PRIMARY KEY,
    date BLOB NOT NULL, answers BLOB NOT NULL, dismissed BLOB NOT NULL);
"""

# Schema 6: each brief export is recorded (when, for which client, which template and format,
# which sessions, the question, the file's name: all sealed), and a presented case can link to
# the exported brief it was presented with. Rows from schema 5 keep their ``brief`` value.
_V6 = """
CREATE TABLE brief_export (
    id VARCHAR NOT NULL PRIMARY KEY,
    client_id VARCHAR REFERENCES person (id) ON DELETE CASCADE,
    date BLOB NOT NULL, template BLOB NOT NULL, format BLOB NOT NULL, entries BLOB NOT NULL,
    question BLOB NOT NULL, file_name BLOB NOT NULL);
CREATE INDEX ix_brief_export_client_id ON brief_export (client_id);
ALTER TABLE meeting_case ADD COLUMN brief_export_id VARCHAR
    REFERENCES brief_export (id) ON DELETE SET NULL;
CREATE INDEX ix_meeting_case_brief_export_id ON meeting_case (brief_export_id);
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


# MIGRATIONS[n] brings a journal from version n to n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1), _script(_V2), _script(_V3), _script(_V4), _script(_V5),
    _script(_V6),
]
CURRENT_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def check_not_newer(conn: sqlite3.Connection) -> int:
    found = version(conn)
    if found > CURRENT_VERSION:
        raise JournalTooNew(
            f"This journal was written by a newer version of Reflect (journal format {found}; "
            f"this version reads up to {CURRENT_VERSION}). Update Reflect to open it. "
            "Nothing was changed."
        )
    return found


def migrate(conn: sqlite3.Connection, target: int = CURRENT_VERSION) -> int:
    """Run the pending migrations in one transaction; returns the version reached."""
    start = check_not_newer(conn)
    if start >= target:
        return start
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(start, target):
            MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {int(target)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return target
