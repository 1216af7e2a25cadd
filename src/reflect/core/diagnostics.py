"""Describing an unexpected error without repeating anything it carried.

Exception messages and variables can hold journal text, so a report names only the exception's
type and the code it passed through (file, line, function).
"""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    frames = traceback.extract_tb(tb)
    lines = [f"{exc_type.__module__}.{exc_type.__qualname__}"]
    lines += [f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines)
