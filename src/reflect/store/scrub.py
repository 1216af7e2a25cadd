"""Leaving no copy behind after a delete: the WAL checkpointed into the file and truncated, and
a mark in the header when another reader stops that (the next writer finishes it). The marks
are notes the journal keeps about itself."""

from __future__ import annotations

import contextlib
import sqlite3

from reflect.store import key_header
from reflect.store.connection import BUSY_TIMEOUT_MS


class JournalScrub:
    """Marks and the scrub of ``JournalFile`` (which supplies ``_conn``, ``writable`` and
    ``transaction``)."""

    _conn: sqlite3.Connection
    SCRUB_PENDING = "pending.scrub"

    def mark(self, name: str) -> bytes | None:
        """A note the journal keeps about itself in its header (a repair done, work pending)."""
        return key_header.meta(self._conn, f"mark.{name}")

    def set_mark(self, name: str, value: bytes | None = b"1") -> None:
        with self.transaction():
            if value is None:
                key_header.delete_meta(self._conn, f"mark.{name}")
            else:
                key_header.set_meta(self._conn, f"mark.{name}", value)

    def scrub(self, *, attempts: int = 3, wait_ms: int = 1000) -> bool:
        """After deleting: move every page out of the WAL into the file and truncate the WAL,
        so deleted records (overwritten there, thanks to secure_delete) leave no copy behind.

        Another process reading the journal (a read transaction) stops the checkpoint: it is
        tried ``attempts`` times, waiting up to ``wait_ms`` each. Returns True when done; if
        not, the journal keeps a mark and finishes it the next time it is opened for writing."""
        done = False
        self._conn.execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
        try:
            for _ in range(max(1, attempts)):
                busy, _log, _moved = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not busy:
                    done = True
                    break
        except sqlite3.Error:
            done = False
        finally:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if done and self.mark(self.SCRUB_PENDING):
            self.set_mark(self.SCRUB_PENDING, None)
            with contextlib.suppress(sqlite3.Error):  # the mark's own removal, out of the WAL
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif not done and self.writable:
            self.set_mark(self.SCRUB_PENDING)
        return done

    @property
    def scrub_pending(self) -> bool:
        """A forget whose last step (the checkpoint) waits for the next open."""
        return self.mark(self.SCRUB_PENDING) is not None
