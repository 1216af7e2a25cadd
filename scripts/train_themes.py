"""Train the learned layer of theme detection and write the shipped model.

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python scripts/train_themes.py            # train on the labelled journals
    .venv/bin/python scripts/train_themes.py --check    # is the shipped model trained on it?

Trains on the hand-labelled journals ``data/journals/*.jsonl`` and ``data/journals/extra/*.jsonl``
and writes
``src/reflect/resources/themes/learned.json``. The model carries the sha256 fingerprint of those
files (names and bytes) and of the feature version; the test suite checks it against them, so a
journal added or changed without retraining fails the suite.
Training is deterministic (fixed data order, fixed seed): run it again on the same data and the
same model comes out (a test checks that the shipped one does).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reflect.core.themes.learned import LearnedModel
from reflect.core.themes.training import fingerprint, journal_files, train_repository

ROOT = Path(__file__).resolve().parents[1]
JOURNALS = ROOT / "data" / "journals"
OUT = ROOT / "src" / "reflect" / "resources" / "themes" / "learned.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="is the shipped model trained on this data?")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    files = journal_files(JOURNALS)
    fp = fingerprint(files)
    if args.check:
        shipped = LearnedModel.from_json(args.out.read_text("utf-8")) if args.out.exists() else None
        if shipped is not None and shipped.fingerprint == fp:
            print(f"the shipped model is trained on the current data ({fp[:12]})")
            return 0
        print("the shipped model is NOT trained on the current data: run scripts/train_themes.py")
        return 1
    t0 = time.perf_counter()
    model = train_repository(ROOT)
    args.out.write_text(model.to_json() + "\n", "utf-8")
    print(f"trained on {len(files)} journals in "
          f"{time.perf_counter() - t0:.1f} s; {len(model.weights)} features; fingerprint {fp[:12]}")
    print("thresholds: " + ", ".join(
        f"{t} {th:.2f}" for t, th in zip(model.themes, model.thresholds, strict=True)))
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
