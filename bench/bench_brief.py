"""Brief benchmarks: a 50-session client to Markdown (target <= 1 s) and to PDF (<= 2 s).

    python bench/bench_brief.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reflect.core.brief import build_brief, write_brief
from reflect.core.interchange import import_lines
from reflect.core.journal import Journal
from reflect.store.crypto import KdfParams
from synth import generate


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        journal, _ = Journal.create(folder / "b.reflect", "bench passphrase",
                                    kdf=KdfParams.fast_for_tests())
        import_lines(journal, generate(50, seed=3, clients=1))
        client = journal.clients()[0]
        results = {}
        for fmt in ("md", "pdf"):
            times = []
            for i in range(3):
                t = time.perf_counter()
                draft = build_brief(journal, client, question="What else could I try?")
                write_brief(draft, fmt, folder / f"brief-{i}.{fmt}")
                times.append(time.perf_counter() - t)
            results[fmt] = statistics.median(times)
        sessions = len(draft.sessions)
        journal.close()
    targets = {"md": 1.0, "pdf": 2.0}
    ok = True
    for fmt, secs in results.items():
        passed = secs <= targets[fmt]
        ok &= passed
        print(f"brief of {sessions} sessions, {fmt:>3}: {secs:6.3f} s "
              f"(target <= {targets[fmt]:.1f} s) {'PASS' if passed else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
