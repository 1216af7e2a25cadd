"""Writing an exported file whole and readable by its owner only (briefs, the profile, hours).

A temporary file beside the destination is created with mode 600 (and set to 600 again, in case
a stale one was left with another mode), written, flushed to disk, then renamed over the
destination; the temporary file never outlives the call, whatever happens.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def write_private(destination: Path, data: bytes) -> None:
    tmp = destination.with_name(f".{destination.name}.partial")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            if hasattr(os, "fchmod"):
                os.fchmod(out.fileno(), 0o600)
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, destination)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
