"""The journal file: one SQLite database (WAL), its key header, and encrypted rows.

``JournalFile`` is the only thing above the store that touches SQLite. It writes and reads rows
as plain Python values; each content value is sealed with the data key on the way in and
opened on the way out. SQL stays in this module.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from urllib.parse import quote

from reflect.store import crypto, migrations, rekey
from reflect.store.backup import backup_copy, backup_name
from reflect.store.errors import (
    DamagedRecord,
    DiskFull,
    JournalDamaged,
    NotAJournal,
    StoreError,
    WrongPassphrase,
)
from reflect.store.lockfile import WriterLock
from reflect.store.schema import TABLES, dependents

BUSY_TIMEOUT_MS = 5000  # how long a statement waits for another process's lock
APPLICATION_ID = 0x52464C54  # "RFLT" in the SQLite header: this file is a Reflect journal
FORMAT_MARK = b"reflect-journal"

def _translate(exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "disk is full" in text or "disk i/o" in text:
        return DiskFull("The disk is full, so nothing was saved. Free some space and try again.")
    if "malformed" in text or "not a database" in text or "encrypted" in text:
        return JournalDamaged(
            "The journal file is damaged or incomplete. Restore it from a backup; "
            "nothing was changed."
        )
    return StoreError(f"The journal could not be used: {exc}")


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    mode = "rwc" if create else "rw"
    conn = sqlite3.connect(
        f"file:{quote(str(path))}?mode={mode}",
        uri=True,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # the GUI unlocks on a worker thread and then uses it
        timeout=BUSY_TIMEOUT_MS / 1000,
    )
    return conn


def _configure(conn: sqlite3.Connection, *, writer: bool = True) -> None:
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


def _upgraded_in_memory(conn: sqlite3.Connection) -> sqlite3.Connection:
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


class JournalFile:
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
            conn = _connect(path, create=True)
        finally:
            os.umask(old_umask)
        os.chmod(path, 0o600)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _configure(conn)
            migrations.migrate(conn)
            data_key = crypto.new_data_key()
            code = crypto.new_recovery_code()
            journal = cls(path, conn, data_key, lock)
            with journal.transaction():
                journal._set_meta("format", FORMAT_MARK)
                journal._write_passphrase_wrap(passphrase, kdf)
                journal._write_recovery_wrap(code)
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
            conn = _connect(path, create=False)
            header = cls._read_header(conn, path)
            data_key = cls._unwrap(header, passphrase, recovery_code)
            found = migrations.check_not_newer(conn)
            _configure(conn, writer=writer)
            if found < migrations.CURRENT_VERSION and not writer:
                # A reader leaves an older file as it is (``reflect verify`` on an old backup):
                # it reads an upgraded copy in memory. Whoever next writes upgrades the file.
                conn = _upgraded_in_memory(conn)
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

    @staticmethod
    def _read_header(conn: sqlite3.Connection, path: Path) -> dict[str, bytes]:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise NotAJournal(f"{path.name} is not a Reflect journal.")
            rows = conn.execute("SELECT key, value FROM meta").fetchall()
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc).lower():
                raise NotAJournal(f"{path.name} is not a Reflect journal.") from None
            raise _translate(exc) from None
        header = {k: bytes(v) for k, v in rows}
        if header.get("format") != FORMAT_MARK or "wrap.passphrase" not in header:
            raise JournalDamaged(f"{path.name} has no readable journal header; nothing was changed.")
        return header

    @staticmethod
    def _unwrap(header: dict[str, bytes], passphrase: str | None, recovery_code: str | None) -> bytes:
        damaged = JournalDamaged(
            "The journal's header is damaged (its key settings cannot be right); "
            "restore it from a backup. Nothing was changed."
        )
        try:
            if recovery_code is not None:
                if "recovery.salt" not in header or "wrap.recovery" not in header:
                    raise damaged
                kek = crypto.recovery_kek(recovery_code, header["recovery.salt"])
                return crypto.unwrap_key(kek, header["wrap.recovery"], "recovery")
            if passphrase is None:
                raise WrongPassphrase("A passphrase is needed to open this journal.")
            try:
                params = crypto.KdfParams.from_json(header["kdf"].decode("utf-8"))
            except (KeyError, UnicodeDecodeError, crypto.DamagedHeader):
                raise damaged from None
            return crypto.unwrap_key(params.derive(passphrase), header["wrap.passphrase"], "passphrase")
        except crypto.DecryptionError:
            what = "recovery code" if recovery_code is not None else "passphrase"
            raise WrongPassphrase(f"That {what} does not open this journal.") from None

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

    def _set_meta(self, key: str, value: bytes) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def _write_passphrase_wrap(self, passphrase: str, kdf: crypto.KdfParams) -> None:
        kek = kdf.derive(passphrase)
        self._set_meta("kdf", kdf.to_json().encode())
        self._set_meta("wrap.passphrase", crypto.wrap_key(kek, self._data_key, "passphrase"))

    def _write_recovery_wrap(self, code: str) -> None:
        salt = os.urandom(16)
        self._set_meta("recovery.salt", salt)
        kek = crypto.recovery_kek(code, salt)
        self._set_meta("wrap.recovery", crypto.wrap_key(kek, self._data_key, "recovery"))

    def kdf_params(self) -> crypto.KdfParams:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'kdf'").fetchone()
        return crypto.KdfParams.from_json(bytes(row[0]).decode())

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the data key under a new passphrase; no content is re-encrypted.
        The key derivation is calibrated again (this machine, now; never below the floor)."""
        kdf = crypto.calibrate()
        with self.transaction():
            self._write_passphrase_wrap(new_passphrase, kdf)

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
                self._write_passphrase_wrap(new_passphrase, kdf)
                self._write_recovery_wrap(code)
        except BaseException:
            self._data_key = old_key
            raise
        self._cipher = new_cipher
        self.scrub()
        return None if kept else code

    def new_recovery_code(self) -> str:
        code = crypto.new_recovery_code()
        with self.transaction():
            self._write_recovery_wrap(code)
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
            raise _translate(exc) from None
        self._depth = 1
        try:
            yield
            self._conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise _translate(exc) from None
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")
            raise
        finally:
            self._depth = 0

    # --- rows -----------------------------------------------------------------------------

    def put(self, table: str, row: dict[str, object]) -> None:
        """Insert or replace one row; every non-clear column is sealed to its place."""
        shape = TABLES[table]
        clear, raw = shape.clear, shape.raw
        row_id = str(row.get("id") or row.get("entry_id"))
        cols = list(row)
        values = [
            row[c] if c in clear
            else self._cipher.seal_raw(table, c, row_id, row[c]) if c in raw
            else self._cipher.seal(table, c, row_id, row[c])
            for c in cols
        ]
        # An upsert, never INSERT OR REPLACE: a replace deletes the old row first, and the
        # foreign keys' ON DELETE CASCADE would take its children with it.
        keys = shape.key
        updates = [c for c in cols if c not in keys]
        action = (
            "DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updates)
            if updates
            else "DO NOTHING"
        )
        sql = (
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
            f"ON CONFLICT ({', '.join(keys)}) {action}"
        )
        with self.transaction():
            self._conn.execute(sql, values)

    def update(self, table: str, row_id: str, values: dict[str, object]) -> None:
        """Rewrite some encrypted columns of one existing row (each sealed to its place)."""
        shape = TABLES[table]
        cols = [c for c in values if c not in shape.clear]
        sealed = [
            self._cipher.seal_raw(table, c, row_id, values[c]) if c in shape.raw
            else self._cipher.seal(table, c, row_id, values[c])
            for c in cols
        ]
        with self.transaction():
            self._conn.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE id = ?",
                [*sealed, row_id],
            )

    def mark(self, name: str) -> bytes | None:
        """A note the journal keeps about itself in its header (a repair done, work pending)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (f"mark.{name}",)).fetchone()
        return bytes(row[0]) if row else None

    def set_mark(self, name: str, value: bytes | None = b"1") -> None:
        with self.transaction():
            if value is None:
                self._conn.execute("DELETE FROM meta WHERE key = ?", (f"mark.{name}",))
            else:
                self._set_meta(f"mark.{name}", value)

    def delete(self, table: str, **where: object) -> int:
        clause, params = self._where(table, where)
        with self.transaction():
            return self._conn.execute(f"DELETE FROM {table}{clause}", params).rowcount

    def delete_tree(self, table: str, ids: Sequence[str]) -> None:
        """Delete rows by id together with every row that hangs from them through a link the
        schema registry marks ``"delete"``, however deep, children first, in one transaction.
        What goes with a client, an entry or a case is derived from the registry alone."""
        with self.transaction():
            self._delete_tree(table, list(ids), set())

    def _delete_tree(self, table: str, ids: list[str], seen: set[tuple[str, str]]) -> None:
        ids = [i for i in ids if (table, i) not in seen]
        if not ids:
            return
        seen.update((table, i) for i in ids)
        for child, link in dependents(table):
            if "id" in child.key:
                self._delete_tree(child.name, self.ids(child.name, **{link.column: ids}), seen)
            else:  # a row keyed by its links alone: nothing can hang from it
                self.delete(child.name, **{link.column: ids})
        self.delete(table, id=ids)

    def rows(
        self,
        table: str,
        columns: Sequence[str],
        *,
        damaged: list[DamagedRecord] | None = None,
        test: tuple[str, Callable[[dict[str, object]], bool]] | None = None,
        **where: object,
    ) -> Iterator[dict[str, object]]:
        """Rows as dicts of plain values.

        A value that fails to authenticate raises ``DamagedRecord`` - or, if a ``damaged`` list
        is given, the row is reported there and skipped, so every other record still reads.
        With ``test=(column, predicate)``, that column is opened first (with the clear ones) and
        the others only for rows the predicate accepts: a search opens one value per entry."""
        shape = TABLES[table]
        clear = shape.clear
        clause, params = self._where(table, where)
        key_col = "id" if "id" in clear else "entry_id"
        first = [key_col, *(c for c in clear if c in columns and c != key_col)]
        if test:
            first.append(test[0])
        select = first + [c for c in columns if c not in first]
        try:
            fetched = self._conn.execute(
                f"SELECT {', '.join(select)} FROM {table}{clause}", params
            ).fetchall()
        except sqlite3.Error as exc:
            raise _translate(exc) from None
        plan = [
            (i, name, name in clear, name in shape.later, name in shape.raw)
            for i, name in enumerate(select)
        ]
        split = len(first)
        head, rest = plan[:split], plan[split:]
        for raw in fetched:
            out: dict[str, object] = {}
            try:
                self._open_into(table, raw, head, out)
                if test and not test[1](out):
                    continue
                if rest:
                    self._open_into(table, raw, rest, out)
            except DamagedRecord as record:
                if damaged is None:
                    raise
                damaged.append(record)
                continue
            yield out

    def _open_into(self, table: str, raw: tuple, plan: list[tuple], out: dict[str, object]) -> None:
        row_id = raw[0]
        cipher = self._cipher
        name = ""
        try:
            for i, name, is_clear, later, is_raw in plan:
                value = raw[i]
                if is_clear or (later and value is None):
                    out[name] = value
                elif is_raw:
                    out[name] = cipher.open_raw(table, name, row_id, value)
                else:
                    out[name] = cipher.open(table, name, row_id, value)
        except crypto.DecryptionError:
            raise DamagedRecord(table, row_id, name) from None

    def ids(self, table: str, **where: object) -> list[str]:
        clause, params = self._where(table, where)
        return [r[0] for r in self._conn.execute(f"SELECT id FROM {table}{clause}", params)]

    def count(self, table: str) -> int:
        return self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    @staticmethod
    def _where(table: str, where: dict[str, object]) -> tuple[str, list[object]]:
        clear = TABLES[table].clear
        parts: list[str] = []
        params: list[object] = []
        for col, value in where.items():
            if col not in clear:
                raise ValueError(f"cannot filter on encrypted column {table}.{col}")
            if isinstance(value, (list, tuple, set, frozenset)):
                values = list(value)
                parts.append(f"{col} IN ({', '.join('?' * len(values))})" if values else "0")
                params.extend(values)
            elif value is None:
                parts.append(f"{col} IS NULL")
            else:
                parts.append(f"{col} = ?")
                params.append(value)
        return (" WHERE " + " AND ".join(parts) if parts else ""), params

    def tables(self) -> Iterable[str]:
        return TABLES.keys()

    def all_columns(self, table: str) -> list[str]:
        return [r[1] for r in self._conn.execute(f"PRAGMA table_info({table})")]

    # --- maintenance ----------------------------------------------------------------------

    SCRUB_PENDING = "pending.scrub"

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

    def backup_to(self, destination: Path) -> Path:
        return backup_copy(self._conn, destination)

    def schema_version(self) -> int:
        return migrations.version(self._conn)
