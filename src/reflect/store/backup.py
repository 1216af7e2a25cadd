"""Encrypted backups: a consistent copy of the journal file, written whole then renamed.

The copy holds the same ciphertext and the same wrapped keys, so it opens with the same
passphrase (or recovery code) and nothing readable is ever written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_SUFFIX = ".reflect"


def backup_name(journal_path: Path, label: str = "backup") -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{Path(journal_path).stem}-{label}-{stamp}{BACKUP_SUFFIX}"


def backup_copy(conn: sqlite3.Connection, destination: Path) -> Path:
    """Copy the open database to ``destination`` atomically (temp file, fsync, rename)."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = destination.with_name(destination.name + ".partial")
    old_umask = os.umask(0o077)
    try:
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            target.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        os.umask(old_umask)
    return destination


def prune_backups(folder: Path, stem: str, keep: int, label: str = "auto") -> list[Path]:
    """Keep the newest ``keep`` backups of one journal with one label; return what was removed."""
    found = sorted(Path(folder).glob(f"{stem}-{label}-*{BACKUP_SUFFIX}"), key=lambda p: p.name)
    doomed = found[: max(0, len(found) - keep)]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


# Copies Reflect makes by itself: before a schema upgrade (beside the journal), and the app's
# automatic and Back Up Now copies (in the backup folder). Copies the practitioner asked for by
# path (``reflect backup DIR``) are theirs, and are not listed.
OWN_LABELS = ("before-upgrade-v*", "auto", "manual")


def own_copies(journal_path: Path, folders: tuple[Path, ...] = ()) -> list[Path]:
    """Reflect's own copies of this journal, in its folder and in ``folders``, oldest first."""
    journal_path = Path(journal_path)
    found: set[Path] = set()
    for folder in (journal_path.parent, *map(Path, folders)):
        if not folder.is_dir():
            continue
        for label in OWN_LABELS:
            found.update(p for p in folder.glob(f"{journal_path.stem}-{label}-*{BACKUP_SUFFIX}")
                         if p.is_file() and p.resolve() != journal_path.resolve())
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name))


def remove_copy(path: Path) -> None:
    """Overwrite a copy with zeros, flush, then delete it (and any -wal/-shm beside it)."""
    path = Path(path)
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if not part.exists():
            continue
        size = part.stat().st_size
        with open(part, "r+b", buffering=0) as out:
            chunk = b"\0" * (1 << 20)
            written = 0
            while written < size:
                written += out.write(chunk[: min(len(chunk), size - written)])
            os.fsync(out.fileno())
        part.unlink()
