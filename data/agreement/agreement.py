"""Inter-labeller agreement on the theme labels of the four lettered journals.

    python data/agreement/agreement.py sample        # the 60 drawn entries, text only (no gold)
    python data/agreement/agreement.py score         # blind labels vs gold: micro-F1, per theme

The draw: 15 entries from each of a-cuddler, b-massage, c-recovery, d-counsellor, chosen with
``random.Random(SEED).sample`` over the line numbers of each file (in that order of files).
An entry is named ``<writer>:<line>`` (1-based line number in data/journals/<writer>.jsonl) with its
date as a check. ``blind-labels.jsonl`` holds one line per drawn entry: ``id``, ``date``, ``themes``.
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
JOURNALS = HERE.parent / "journals"
WRITERS = ["a-cuddler", "b-massage", "c-recovery", "d-counsellor"]
PER_WRITER = 15
SEED = 9  # issue 9
THEMES = ["boundaries", "transference", "countertransference", "projection", "rescuing", "burnout",
          "self_care", "safety", "consent", "ethics", "culture", "endings", "money", "isolation"]
LABELS = HERE / "blind-labels.jsonl"


def draw() -> list[tuple[str, int, dict]]:
    rng = random.Random(SEED)
    out = []
    for w in WRITERS:
        lines = (JOURNALS / f"{w}.jsonl").read_text("utf-8").splitlines()
        for n in sorted(rng.sample(range(1, len(lines) + 1), PER_WRITER)):
            out.append((w, n, json.loads(lines[n - 1])))
    return out


def show(obj: dict) -> str:
    """The entry as a labeller sees it: every free-text field, never ``gold``."""
    parts = [f"date {obj['date']}  setting {obj.get('setting')}  "
             f"minutes {obj.get('planned_minutes')}->{obj.get('actual_minutes')}  "
             f"stress {obj.get('stress_before')}->{obj.get('stress_after')}",
             "NARRATIVE: " + obj.get("narrative", "")]
    if obj.get("went_well"):
        parts.append("WENT WELL: " + obj["went_well"])
    for d in obj.get("demands", []):
        parts.append(f"DEMAND ({d['category']}, {d.get('intensity')}): {d['text']}")
    for c in obj.get("controls", []):
        parts.append(f"CONTROL ({c['timing']}, {c.get('stance')}): {c['text']} -> {c.get('outcome')}")
    return "\n".join(parts)


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score() -> str:
    drawn = {f"{w}:{n}": obj for w, n, obj in draw()}
    blind = [json.loads(x) for x in LABELS.read_text("utf-8").splitlines() if x.strip()]
    assert [b["id"] for b in blind] == list(drawn), "blind-labels.jsonl must follow the draw"
    tp, fp, fn = Counter(), Counter(), Counter()
    per_writer: dict[str, Counter] = {w: Counter() for w in WRITERS}
    exact = 0
    for b in blind:
        obj = drawn[b["id"]]
        assert b["date"] == obj["date"], b["id"]
        mine, gold = set(b["themes"]), set(obj["gold"]["themes"])
        assert mine <= set(THEMES), b["id"]
        exact += mine == gold
        w = b["id"].split(":")[0]
        for t in THEMES:
            tp[t] += t in mine and t in gold
            fp[t] += t in mine and t not in gold
            fn[t] += t in gold and t not in mine
            per_writer[w]["tp"] += t in mine and t in gold
            per_writer[w]["fp"] += t in mine and t not in gold
            per_writer[w]["fn"] += t in gold and t not in mine
    out = []
    P, R, F = f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    out.append(f"micro  P {P:.2f}  R {R:.2f}  F1 {F:.2f}   "
               f"(tp {sum(tp.values())}, fp {sum(fp.values())}, fn {sum(fn.values())}; "
               f"identical theme sets {exact}/{len(blind)})")
    macro = []
    out.append("")
    out.append(f"{'theme':20} {'gold':>4} {'mine':>4} {'both':>4}   {'P':>4} {'R':>4} {'F1':>4}")
    for t in THEMES:
        p, r, f = f1(tp[t], fp[t], fn[t])
        macro.append(f)
        out.append(f"{t:20} {tp[t] + fn[t]:4} {tp[t] + fp[t]:4} {tp[t]:4}   {p:4.2f} {r:4.2f} {f:4.2f}")
    out.append(f"{'macro F1':20} {'':14}   {'':4} {'':4} {sum(macro) / len(macro):4.2f}")
    out.append("")
    for w, c in per_writer.items():
        p, r, f = f1(c["tp"], c["fp"], c["fn"])
        out.append(f"{w:20} P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if argv[:1] == ["sample"]:
        for w, n, obj in draw():
            print(f"=== {w}:{n}\n{show(obj)}\n")
        return 0
    if argv[:1] == ["score"]:
        print(score())
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
