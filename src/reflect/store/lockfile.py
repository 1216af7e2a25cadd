"""One writer at a time: an advisory lock held on ``<journal>.lock`` while a journal is open.

The operating system releases the lock when the process ends, however it ends (``kill -9``
included), so a crash never leaves a journal that refuses to open.
"""

from __future__ import annotations

import os
from pathlib import Path

from reflect.store.errors import JournalLocked

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class WriterLock:
    def __init__(self, journal_path: Path) -> None:
        self.path = Path(str(journal_path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise JournalLocked(
                "This journal is already open in another Reflect window or command. "
                "Close it there first."
            )
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        # The file stays: unlinking it would let two processes lock two different files.
        fd, self._fd = self._fd, None
        os.close(fd)

    @property
    def held(self) -> bool:
        return self._fd is not None
