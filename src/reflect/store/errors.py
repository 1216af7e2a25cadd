"""Errors the store raises. Messages are for people and never contain journal content."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something about the journal file stopped the operation; nothing was changed."""


class NotAJournal(StoreError):
    pass


class JournalDamaged(StoreError):
    pass


class JournalTooNew(StoreError):
    pass


class JournalLocked(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class DiskFull(StoreError):
    pass


class DamagedRecord(StoreError):
    """One stored value failed to authenticate. Names the record, never its content."""

    def __init__(self, table: str, row_id: str, column: str) -> None:
        super().__init__(f"{table} {row_id}: the value in '{column}' is damaged")
        self.table = table
        self.row_id = row_id
        self.column = column
