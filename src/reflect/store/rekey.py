"""Re-encrypting every stored value under a new data key (``reflect passwd``, Change Passphrase).

Each value is opened with the old key and sealed again with the new one, to the same place (its
table, column and row), inside the caller's one transaction: a process killed midway leaves the
journal exactly as it was, under the old key, and the old passphrase still opens it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from reflect.store import crypto
from reflect.store.errors import StoreError

# Derived data: a value of these tables that no longer opens is dropped (found again later)
# rather than stopping the change of key.
DERIVED = {"theme_cache"}


def reencrypt(
    conn: sqlite3.Connection,
    old: crypto.FieldCipher,
    new: crypto.FieldCipher,
    clear_columns: Mapping[str, tuple[str, ...]],
) -> int:
    """Seal every encrypted value of every table again under ``new``; returns how many.

    Raises ``StoreError`` (before anything is committed: the caller's transaction rolls back)
    if a record does not open, since it could not be carried over."""
    count = 0
    for table, clear in clear_columns.items():
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in clear]
        if not columns:
            continue
        key = "id" if "id" in clear else "entry_id"
        rows = conn.execute(f"SELECT {key}, {', '.join(columns)} FROM {table}").fetchall()
        updates = []
        dropped = []
        for row_id, *values in rows:
            try:
                sealed = [
                    None if value is None else old.reseal(new, table, column, row_id, value)
                    for column, value in zip(columns, values, strict=True)
                ]
            except crypto.DecryptionError:
                if table in DERIVED:
                    dropped.append((row_id,))
                    continue
                raise StoreError(
                    f"{table} {row_id} is damaged, so it cannot be re-encrypted. Run "
                    "'reflect verify' and restore the damaged records first; nothing was changed."
                ) from None
            updates.append((*sealed, row_id))
            count += len(columns)
        conn.executemany(
            f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE {key} = ?",
            updates,
        )
        conn.executemany(f"DELETE FROM {table} WHERE {key} = ?", dropped)
    return count
