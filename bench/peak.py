"""Run a command and measure its wall time and peak memory truthfully.

A process's peak memory (``ru_maxrss``) starts at its parent's when it is forked and is kept
across ``exec``: a command started straight from a benchmark that holds a 10k-entry journal in
memory would be charged with the benchmark's own memory. So each command is started by a small
Python process, whose child's peak is its own, and which reports it.
"""

from __future__ import annotations

import subprocess
import sys

LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:])
_, status, usage = os.wait4(proc.pid, 0)
wall = time.perf_counter() - start
sys.stderr.write(f"\\nPEAK_KIB={usage.ru_maxrss} WALL_S={wall}\\n")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(argv: list[str], **kwargs) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall seconds and peak RSS (MiB) of ``argv``, and its completed process (stderr is text,
    without the launcher's line). Keyword arguments go to :func:`subprocess.run`."""
    kwargs.setdefault("stdout", subprocess.DEVNULL)
    proc = subprocess.run([sys.executable, "-c", LAUNCHER, *argv], stderr=subprocess.PIPE,
                          text=True, **kwargs)
    err, _, tail = proc.stderr.rpartition("\nPEAK_KIB=")
    if not tail:
        raise RuntimeError(f"{argv[0]} did not run: {proc.stderr.strip()[-500:]}")
    peak, wall = tail.split()
    proc.stderr = err
    return float(wall.split("=")[1]), int(peak) / 1024, proc

