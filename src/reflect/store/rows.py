"""Rows of a journal's tables as plain values: every content value sealed on its way in and
opened on its way out, each to its table, column and row (the registry in ``schema.py`` says
which columns stay clear)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence

from reflect.store import crypto
from reflect.store.connection import translate
from reflect.store.errors import DamagedRecord
from reflect.store.schema import TABLES, dependents


class JournalRows:
    """The row operations of ``JournalFile`` (which supplies ``_conn``, ``_cipher`` and
    ``transaction``)."""

    _conn: sqlite3.Connection
    _cipher: crypto.FieldCipher

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
            raise translate(exc) from None
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
