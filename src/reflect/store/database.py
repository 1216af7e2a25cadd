"""The journal file: one SQLite database (WAL), its key header, and encrypted rows.

``JournalFile`` is the only thing above the store that touches SQLite: it opens and creates the
file (``connection.py``), unlocks its data key from the header (``key_header.py``), changes
keys and runs transactions; its rows (``rows.py``) and the scrub after a delete (``scrub.py``)
are its own methods too. SQL stays in the store.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from reflect.store import crypto, key_header, migrations, rekey
from reflect.store.backup import backup_copy, backup_name
from reflect.store.connection import (
    APPLICATION_ID,
    configure,
    connect,
    translate,
    upgraded_in_memory,
)
from reflect.store.errors import NotAJournal, StoreError
from reflect.store.lockfile import WriterLock
from reflect.store.rows import JournalRows
from reflect.store.schema import TABLES
from reflect.store.scrub import JournalScrub


class JournalFile(JournalRows, JournalScrub):
    """An open, unlocked journal file."""

    def __init__(self, path: Path, conn: sqlite3.Connection, data_key: bytes, lock: WriterLock | None):
        self.path = path
        self._conn = conn
        self._cipher = crypto.FieldCipher(data_key)
        self._data_key = data_key
        self._lock = lock
        self._depth = 0
        self._recovery_code: str | None = None  # kept when opened with it, for a change of key

    # --- opening --------------------------------------------------------------------------

    @classmethod
    def create(
        cls, path: Path, passphrase: str, kdf: crypto.KdfParams | None = None
    ) -> tuple[JournalFile, str]:
        """Create a new journal; returns it and the recovery code (shown once, never stored)."""
        path = Path(path)
        if path.exists() and path.stat().st_size > 0:
            raise StoreError(f"There is already a file at {path}; choose another place.")
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        kdf = kdf or crypto.calibrate()
        lock = WriterLock(path)
        lock.acquire()
        old_umask = os.umask(0o077)
        try:
            conn = connect(path, create=True)
        finally:
            os.umask(old_umask)
        os.chmod(path, 0o600)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            configure(conn)
            migrations.migrate(conn)
            data_key = crypto.new_data_key()
            code = crypto.new_recovery_code()
            journal = cls(path, conn, data_key, lock)
            with journal.transaction():
                key_header.set_meta(conn, "format", key_header.FORMAT_MARK)
                key_header.write_passphrase_wrap(conn, data_key, passphrase, kdf)
                key_header.write_recovery_wrap(conn, data_key, code)
        except BaseException:
            conn.close()
            lock.release()
            raise
        return journal, code

    @classmethod
    def open(
        cls,
        path: Path,
        passphrase: str | None = None,
        *,
        recovery_code: str | None = None,
        writer: bool = True,
    ) -> JournalFile:
        path = Path(path)
        if not path.is_file():
            raise NotAJournal(f"There is no journal at {path}.")
        lock = WriterLock(path) if writer else None
        if lock:
            lock.acquire()
        conn = None
        try:
            conn = connect(path, create=False)
            header = key_header.read_header(conn, path)
            data_key = key_header.unwrap(header, passphrase, recovery_code)
            found = migrations.check_not_newer(conn)
            configure(conn, writer=writer)
            if found < migrations.CURRENT_VERSION and not writer:
                # A reader leaves an older file as it is (``reflect verify`` on an old backup):
                # it reads an upgraded copy in memory. Whoever next writes upgrades the file.
                conn = upgraded_in_memory(conn)
            elif found < migrations.CURRENT_VERSION:
                backup_copy(conn, path.with_name(backup_name(path, f"before-upgrade-v{found}")))
                migrations.migrate(conn)
            opened = cls(path, conn, data_key, lock)
            opened._recovery_code = recovery_code
            if writer and opened.scrub_pending:  # a forget not finished last time
                opened.scrub(attempts=1)
            return opened
        except BaseException:
            if conn is not None:
                conn.close()
            if lock:
                lock.release()
            raise

    def close(self) -> None:
        """Lock: checkpoint, close the database, forget the key, release the writer lock."""
        if self._conn is None:
            return
        with contextlib.suppress(sqlite3.Error):
            if self._lock:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._conn.close()
        self._conn = None  # type: ignore[assignment]
        self._cipher = None  # type: ignore[assignment]
        self._data_key = b""
        if self._lock:
            self._lock.release()

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def writable(self) -> bool:
        return self._lock is not None

    # --- keys -----------------------------------------------------------------------------

    def kdf_params(self) -> crypto.KdfParams:
        return key_header.kdf_params(self._conn)

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase; no content is re-encrypted.
        The key derivation is calibrated again (this machine, now; never below the floor)."""
        kdf = crypto.calibrate()
        with self.transaction():
            key_header.write_passphrase_wrap(self._conn, self._data_key, new_passphrase, kdf)

    def rotate_key(self, new_passphrase: str, kdf: crypto.KdfParams | None = None) -> str | None:
        """A new data key: every value re-encrypted under it, wrapped under the new passphrase
        (calibrated again) and the recovery code, all in one transaction (killed midway, the
        journal is as it was). Returns a new recovery code, or None when the journal was opened
        with its recovery code, which then stays valid. Old copies of the file keep the old key:
        they open with the old passphrase and hold what was in them then, nothing written later."""
        kdf = kdf or crypto.calibrate()
        new_key = crypto.new_data_key()
        new_cipher = crypto.FieldCipher(new_key)
        kept = self._recovery_code
        code = kept or crypto.new_recovery_code()
        old_key = self._data_key
        try:
            with self.transaction():
                rekey.reencrypt(self._conn, self._cipher, new_cipher,
                                {name: t.clear for name, t in TABLES.items()})
                self._data_key = new_key
                key_header.write_passphrase_wrap(self._conn, new_key, new_passphrase, kdf)
                key_header.write_recovery_wrap(self._conn, new_key, code)
        except BaseException:
            self._data_key = old_key
            raise
        self._cipher = new_cipher
        self.scrub()
        return None if kept else code

    def new_recovery_code(self) -> str:
        code = crypto.new_recovery_code()
        with self.transaction():
            key_header.write_recovery_wrap(self._conn, self._data_key, code)
        return code

    # --- transactions ---------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing: everything written inside commits together or not at all."""
        if not self.writable:
            raise StoreError("This journal was opened read-only.")
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc) from None
        self._depth = 1
        try:
            yield
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise translate(exc) from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    # --- copies ---------------------------------------------------------------------------

    def backup_to(self, destination: Path) -> Path:
        return backup_copy(self._conn, destination)

    def schema_version(self) -> int:
        return migrations.version(self._conn)
