"""Errors that reach the practitioner. Every message is one clear line with no journal content.

The store's errors are re-exported so the GUI and the CLI only import from ``reflect.core``.
"""

from __future__ import annotations

from reflect.store.errors import (  # noqa: F401  (re-exported)
    DamagedRecord,
    DiskFull,
    JournalDamaged,
    JournalLocked,
    JournalTooNew,
    NotAJournal,
    StoreError,
    WrongPassphrase,
)

JournalError = StoreError


class ImportProblem(StoreError):
    """An import file was refused; ``problems`` lists each bad line as 'line N: what'."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"Nothing was imported: {problems[0]}{more}")


class NotFound(StoreError):
    pass
