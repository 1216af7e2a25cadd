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


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


# MIGRATIONS[n] brings a journal from version n to n + 1.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1), _script(_V2), _script(_V3), _script(_V4),
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
