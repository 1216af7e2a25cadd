"""The SQLite connection under a journal file: how it is opened and set up, and what its
errors mean to a practitioner."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from reflect.store import migrations
from reflect.store.errors import DiskFull, JournalDamaged, StoreError

BUSY_TIMEOUT_MS = 5000  # how long a statement waits for another process's lock
APPLICATION_ID = 0x52464C54  # "RFLT" in the SQLite header: this file is a Reflect journal


def translate(exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "disk is full" in text or "disk i/o" in text:
        return DiskFull("The disk is full, so nothing was saved. Free some space and try again.")
    if "malformed" in text or "not a database" in text or "encrypted" in text:
        return JournalDamaged(
            "The journal file is damaged or incomplete. Restore it from a backup; "
            "nothing was changed."
        )
    return StoreError(f"The journal could not be used: {exc}")


def connect(path: Path, create: bool) -> sqlite3.Connection:
    mode = "rwc" if create else "rw"
    conn = sqlite3.connect(
        f"file:{quote(str(path))}?mode={mode}",
        uri=True,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # the GUI unlocks on a worker thread and then uses it
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    return conn


def configure(conn: sqlite3.Connection, *, writer: bool = True) -> None:
    """Settings of this connection. Only a writer puts the file in WAL mode (a setting kept in
    the file): a reader leaves every byte as it was, so ``reflect verify`` on a backup (one
    self-contained file) checks it without changing it."""
    if writer:
        conn.execute("PRAGMA journal_mode = WAL")
    for pragma in (
        "PRAGMA synchronous = FULL",  # a committed entry survives power loss, not just a crash
        "PRAGMA secure_delete = ON",  # deleted records are overwritten, not left in free pages
        "PRAGMA foreign_keys = ON",
        "PRAGMA temp_store = MEMORY",
    ):
        conn.execute(pragma)


def upgraded_in_memory(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older journal, copied into memory and migrated there; the file is not touched."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.backup(memory)
        migrations.migrate(memory)
    except BaseException:
        memory.close()
        raise
    finally:
        conn.close()
    return memory
