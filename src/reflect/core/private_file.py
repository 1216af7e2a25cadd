"""Writing an exported file whole and readable by its owner only (briefs, the profile, hours,
``reflect export --out``).

A temporary file beside the destination is created with mode 600 (and set to 600 again, in case
a stale one was left with another mode), written, flushed to disk, then renamed over the
destination; the temporary file never outlives the call, whatever happens (an error, a full
disk, Ctrl+C or the CLI's SIGTERM/SIGHUP unwinding through it). What is written may come all at
once (``write_private``) or line by line as it is produced (``write_private_lines``: a whole
journal's export is never held in memory).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def private_output(destination: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``destination`` into; it appears there, whole, when the block
    ends without an error, and not at all otherwise."""
    destination = Path(destination)
    tmp = destination.with_name(f".{destination.name}.partial")
    try:  # a signal may land the moment the file is made: it is inside, so it is removed
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), 0o600)
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, destination)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_private(destination: Path, data: bytes) -> None:
    with private_output(destination) as out:
        out.write(data)


def write_private_lines(destination: Path, lines: Iterable[str]) -> None:
    """Each line, UTF-8, ended by a newline."""
    with private_output(destination) as out:
        for line in lines:
            out.write(line.encode("utf-8") + b"\n")
