"""Train the learned layer of theme detection and write the shipped model.

    .venv/bin/pip install -e ".[train]"
    .venv/bin/python scripts/train_themes.py            # train on the labelled journals
    .venv/bin/python scripts/train_themes.py --check    # is the shipped model trained on it?

Trains on the hand-labelled journals ``data/journals/*.jsonl`` and ``data/journals/extra/*.jsonl``
and writes
``src/reflect/resources/themes/learned.json``. The model carries the sha256 fingerprint of those
files (names and bytes) and of the feature version; the test suite checks it against them, so a
journal added or changed without retraining fails the suite.
Training is deterministic (fixed data order, fixed seed).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reflect.core.themes import ThemeDetector
from reflect.core.themes.learned import LearnedModel
from reflect.core.themes.training import fingerprint, load_labelled, train

ROOT = Path(__file__).resolve().parents[1]
JOURNALS = ROOT / "data" / "journals"
OUT = ROOT / "src" / "reflect" / "resources" / "themes" / "learned.json"


def training_files() -> list[Path]:
    return sorted(JOURNALS.glob("*.jsonl")) + sorted((JOURNALS / "extra").glob("*.jsonl"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="is the shipped model trained on this data?")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    files = training_files()
    fp = fingerprint(files)
    if args.check:
        shipped = LearnedModel.from_json(args.out.read_text("utf-8")) if args.out.exists() else None
        if shipped is not None and shipped.fingerprint == fp:
            print(f"the shipped model is trained on the current data ({fp[:12]})")
            return 0
        print("the shipped model is NOT trained on the current data: run scripts/train_themes.py")
        return 1
    detector = ThemeDetector(ThemeDetector.builtin().lexicon, learned=None)  # rules alone
    themes = [t.id for t in detector.themes]
    rows = [r for p in files for r in load_labelled(p)]
    cache: dict[int, set[str]] = {}

    def rules(entry):
        if id(entry) not in cache:
            cache[id(entry)] = {h.theme for h in detector.detect_entry(entry)}
        return cache[id(entry)]

    t0 = time.perf_counter()
    model = train(rows, themes, rules=rules, fingerprint=fp,
                  trained_on=[str(p.relative_to(ROOT)) for p in files])
    args.out.write_text(model.to_json() + "\n", "utf-8")
    print(f"trained on {len(rows)} entries from {len(files)} journals in "
          f"{time.perf_counter() - t0:.1f} s; {len(model.weights)} features; fingerprint {fp[:12]}")
    print("thresholds: " + ", ".join(f"{t} {th:.2f}" for t, th in zip(themes, model.thresholds, strict=True)))
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
