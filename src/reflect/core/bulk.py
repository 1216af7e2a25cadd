"""``gc_paused()``: for work that makes many small, long-lived objects at once.

Reading a whole journal or detecting its themes makes hundreds of thousands of objects that all
stay (entries, evidence) and hold no reference cycles. Python's cycle collector, triggered by
the allocations, would go through all of them again and again; each full pass holds the
interpreter for tens of milliseconds or more, freezing the app's window meanwhile, for nothing.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_long_lived() -> None:
    """After loading what stays for the life of the process (a compiled lexicon, a learned
    model: tens of thousands of objects), collect what is garbage now and move everything left
    out of the cycle collector's sight (``gc.freeze``), so none of its later full passes walks
    them again: such a pass, triggered by whatever is allocated next, was the slowest single
    entry's pause (bench/themes_eval.py --speed). Whatever is alive now stays alive anyway."""
    gc.collect()
    gc.freeze()
