"""The journal's header (the ``meta`` table): the format mark, the key-derivation settings and
the data key wrapped under the passphrase and under the recovery code."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reflect.store import crypto
from reflect.store.connection import APPLICATION_ID, translate
from reflect.store.errors import JournalDamaged, NotAJournal, WrongPassphrase

FORMAT_MARK = b"reflect-journal"


def read_header(conn: sqlite3.Connection, path: Path) -> dict[str, bytes]:
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAJournal(f"{path.name} is not a Reflect journal.")
        rows = conn.execute("SELECT key, value FROM meta").fetchall()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise NotAJournal(f"{path.name} is not a Reflect journal.") from None
        raise translate(exc) from None
    header = {k: bytes(v) for k, v in rows}
    if header.get("format") != FORMAT_MARK or "wrap.passphrase" not in header:
        raise JournalDamaged(f"{path.name} has no readable journal header; nothing was changed.")
    return header


def unwrap(header: dict[str, bytes], passphrase: str | None, recovery_code: str | None) -> bytes:
    """The data key, unwrapped with the passphrase or the recovery code."""
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


def set_meta(conn: sqlite3.Connection, key: str, value: bytes) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def meta(conn: sqlite3.Connection, key: str) -> bytes | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return bytes(row[0]) if row else None


def delete_meta(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("DELETE FROM meta WHERE key = ?", (key,))


def write_passphrase_wrap(conn: sqlite3.Connection, data_key: bytes, passphrase: str,
                          kdf: crypto.KdfParams) -> None:
    kek = kdf.derive(passphrase)
    set_meta(conn, "kdf", kdf.to_json().encode())
    set_meta(conn, "wrap.passphrase", crypto.wrap_key(kek, data_key, "passphrase"))


def write_recovery_wrap(conn: sqlite3.Connection, data_key: bytes, code: str) -> None:
    salt = os.urandom(16)
    set_meta(conn, "recovery.salt", salt)
    kek = crypto.recovery_kek(code, salt)
    set_meta(conn, "wrap.recovery", crypto.wrap_key(kek, data_key, "recovery"))


def kdf_params(conn: sqlite3.Connection) -> crypto.KdfParams:
    row = conn.execute("SELECT value FROM meta WHERE key = 'kdf'").fetchone()
    return crypto.KdfParams.from_json(bytes(row[0]).decode())
