"""Theme detection scored honestly: leave-one-writer-out (LOWO), per theme and per writer.

    .venv/bin/python bench/themes_eval.py                 # LOWO table for the shipped method
    .venv/bin/python bench/themes_eval.py --compare       # every method side by side
    .venv/bin/python bench/themes_eval.py --errors        # misses and false alarms of the left-out
    .venv/bin/python bench/themes_eval.py --curve         # learning curve (F1 vs training size)
    .venv/bin/python bench/themes_eval.py --speed         # timings (one entry, 10k entries)
    .venv/bin/python bench/themes_eval.py --speed-only    # timings (and the sample) alone

The five real writers are ``data/journals/sample-journal.jsonl`` and the four lettered journals.
For each in turn, everything learned (the learned layer's weights and its per-theme thresholds) is
produced by ``reflect.core.themes.training.train`` from the *other* writers only (plus the extra
journals in ``data/journals/extra/``, which are training data and an extra check, never part of the
headline), and the left-out writer is scored. The figure that counts is the mean of the left-out
writers' micro-F1. The rule lexicon is the same in every fold: it is hand-written from DOMAIN.md's
definitions and general English, so it is a fixed prior, not something fitted per fold.

Targets: LOWO mean micro-F1 >= 0.85, every theme >= 0.65, the sample (shipped model) >= 0.90.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from reflect.core.themes import training
from reflect.core.themes.detector import ThemeDetector
from reflect.core.themes.training import Labelled, entry_scores, load_labelled, train

ROOT = Path(__file__).resolve().parents[1]
JOURNALS = ROOT / "data" / "journals"
REAL = ["sample-journal", "a-cuddler", "b-massage", "c-recovery", "d-counsellor"]
HELDOUT = JOURNALS / "heldout"  # writers neither the rules nor the model were made from
TARGET_MEAN, TARGET_THEME, TARGET_SAMPLE, TARGET_HELDOUT = 0.85, 0.65, 0.90, 0.75
TARGET_ONE_MS, TARGET_10K_COLD, TARGET_10K_KEPT, TARGET_PEAK_MIB = 5.0, 3.0, 1.0, 300


def load_all(extra_dir: Path) -> tuple[dict[str, list[Labelled]], dict[str, list[Labelled]]]:
    real = {w: load_labelled(JOURNALS / f"{w}.jsonl") for w in REAL}
    extra = {p.stem: load_labelled(p) for p in sorted(extra_dir.glob("*.jsonl"))}
    return real, extra


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class Scores:
    def __init__(self) -> None:
        self.tp, self.fp, self.fn = Counter(), Counter(), Counter()

    def add(self, found: set[str], gold: set[str], themes) -> None:
        for t in themes:
            self.tp[t] += t in found and t in gold
            self.fp[t] += t in found and t not in gold
            self.fn[t] += t in gold and t not in found

    def micro(self) -> tuple[float, float, float]:
        return f1(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def theme(self, t: str) -> tuple[float, float, float]:
        return f1(self.tp[t], self.fp[t], self.fn[t])


# --- methods: each is train(rows) -> predict(entry) -> set of theme ids -------------------------

_ruled: dict[int, set[str]] = {}


def ruled(detector: ThemeDetector, entry) -> set[str]:
    """The rules' themes for an entry (the rules are the same in every fold: worked out once)."""
    found = _ruled.get(id(entry))
    if found is None:
        found = _ruled[id(entry)] = {h.theme for h in detector.detect_entry(entry, learned=False)}
    return found


def rules_method(detector: ThemeDetector):
    def fit(_rows):
        return lambda entry: ruled(detector, entry)
    return fit


def learned_method(detector: ThemeDetector, with_rules: bool, **kw):
    """Trained on the fold's rows only; predicts through ThemeDetector exactly as shipped
    (rules + learned), or the learned layer alone."""
    themes = [t.id for t in detector.themes]

    def rule_themes(entry):
        return ruled(detector, entry)

    def fit(rows):
        model = train(rows, themes, rules=rule_themes if with_rules else None, **kw)
        if with_rules and "embed" not in kw:
            combined = ThemeDetector(detector.lexicon, learned=model)
            return lambda entry: {h.theme for h in combined.detect_entry(entry)}

        def predict(entry):
            probs = entry_scores(model, entry, kw.get("embed"))
            found = {t for t, p, th in zip(themes, probs, model.thresholds, strict=True) if p >= th}
            return found | rule_themes(entry) if with_rules else found
        return predict
    return fit


def shipped_method(detector: ThemeDetector):
    """The detector as shipped (rules + the shipped learned model): trained on everything, so
    its score on any of these writers is NOT a held-out figure."""
    def fit(_rows):
        return lambda entry: {h.theme for h in detector.detect_entry(entry)}
    return fit


def lowo(fit, real, extra, themes, errors: bool = False, quiet: bool = False):
    """Train on all but one real writer (+ extra), score that one; returns per-writer Scores and
    the pooled Scores."""
    extra_rows = [r for rows in extra.values() for r in rows]
    per_writer, pooled = {}, Scores()
    for w, rows in real.items():
        train_rows = [r for v, rs in real.items() if v != w for r in rs] + extra_rows
        predict = fit(train_rows)
        s = Scores()
        for n, row in enumerate(rows, 1):
            found = predict(row.entry)
            s.add(found, row.themes, themes)
            pooled.add(found, row.themes, themes)
            if errors and found != row.themes:
                print(f"  {w} line {n}: missed {sorted(row.themes - found)} "
                      f"extra {sorted(found - row.themes)}")
        per_writer[w] = s
        if not quiet:
            print(f"  left out {w:16} micro-F1 {s.micro()[2]:.3f}", file=sys.stderr)
    return per_writer, pooled


def extra_check(fit, real, extra, themes):
    """Each extra writer scored by a model trained on the real writers and the other extras."""
    out = {}
    for w, rows in extra.items():
        train_rows = [r for rs in real.values() for r in rs] + [
            r for v, rs in extra.items() if v != w for r in rs
        ]
        predict = fit(train_rows)
        s = Scores()
        for row in rows:
            s.add(predict(row.entry), row.themes, themes)
        out[w] = s
    return out


def heldout_check(shipped: ThemeDetector, themes) -> float:
    """The detector exactly as shipped on the writers in data/journals/heldout/: no rule cue was
    written from them and the model was not trained on them, so this is the nearest figure to a
    writer we have never seen. Returns the mean micro-F1 over those writers."""
    print("\n=== the shipped detector on held-out writers (never trained or tuned on) ===")
    predict = shipped_method(shipped)(None)
    pooled, micros = Scores(), []
    for path in sorted(HELDOUT.glob("*.jsonl")):
        s = Scores()
        for row in load_labelled(path):
            found = predict(row.entry)
            s.add(found, row.themes, themes)
            pooled.add(found, row.themes, themes)
        p, r, f = s.micro()
        micros.append(f)
        print(f"  {path.stem:22} P {p:.2f} R {r:.2f} F1 {f:.3f}")
    mean = statistics.mean(micros) if micros else 0.0
    p, r, f = pooled.micro()
    print(f"  {'mean over writers':22} {'':13} F1 {mean:.3f}   (pooled P {p:.2f} R {r:.2f} F1 {f:.3f})")
    weak = [(t, pooled.theme(t)[2]) for t in themes if pooled.theme(t)[2] < TARGET_THEME]
    if weak:
        print(f"  themes below {TARGET_THEME}: " + ", ".join(f"{t} {f:.2f}" for t, f in weak))
    return mean


def print_table(per_writer: dict[str, Scores], pooled: Scores, themes) -> float:
    print(f"{'left-out writer':22} {'P':>5} {'R':>5} {'F1':>5}")
    micros = []
    for w, s in per_writer.items():
        p, r, f = s.micro()
        micros.append(f)
        print(f"{w:22} {p:5.2f} {r:5.2f} {f:5.2f}")
    mean = statistics.mean(micros)
    print(f"{'MEAN over left-out':22} {'':5} {'':5} {mean:5.3f}   <- the figure that counts")
    print()
    header = " ".join(f"{w[:8]:>8}" for w in per_writer)
    print(f"{'theme (pooled LOWO)':22} {'P':>5} {'R':>5} {'F1':>5}  tp fp fn | F1 per left-out: {header}")
    for t in themes:
        p, r, f = pooled.theme(t)
        flag = "" if f >= TARGET_THEME else "  <"
        cells = " ".join(f"{s.theme(t)[2]:8.2f}" for s in per_writer.values())
        print(f"{t:22} {p:5.2f} {r:5.2f} {f:5.2f}  {pooled.tp[t]:2} {pooled.fp[t]:2} "
              f"{pooled.fn[t]:2} | {' ' * 17}{cells}{flag}")
    p, r, f = pooled.micro()
    print(f"{'pooled micro':22} {p:5.2f} {r:5.2f} {f:5.2f}")
    return mean


def synthetic(sample: list, n: int) -> list:
    """``n`` entries made by recombining the sample's sentences, demands and controls (the
    journal the earlier speed figures were measured on)."""
    import random

    from reflect.core.model import Entry

    rng = random.Random(7)
    sentences = [s.strip() + "." for e in sample for s in e.narrative.split(". ") if s.strip()]
    out = []
    for i in range(n):
        base = sample[i % len(sample)]
        donor = sample[rng.randrange(len(sample))]
        out.append(Entry(
            date=base.date,
            narrative=" ".join(rng.sample(sentences, k=min(len(sentences), rng.randint(5, 9)))),
            client_id=base.client_id, went_well=base.went_well,
            demands=base.demands + donor.demands[:1], controls=base.controls + donor.controls[:1],
        ))
    return out


def speed(detector: ThemeDetector, real) -> dict[str, float]:
    """One entry, and 10k-entry journals (cold and with kept results)."""
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from reflect.core.journal import Journal
    from reflect.core.model import Person
    from reflect.core.themes import analyse_journal
    from reflect.store import crypto

    rows = [r for rs in real.values() for r in rs]
    detector.detect_entry(rows[0].entry)  # loads the lexicon and the model
    worst = 0.0
    for _ in range(3):
        for r in rows:
            t = time.perf_counter()
            detector.detect_entry(r.entry)
            worst = max(worst, time.perf_counter() - t)
    t = time.perf_counter()
    for r in rows:
        detector.detect_entry(r.entry)
    mean_ms = (time.perf_counter() - t) / len(rows) * 1000
    entries = synthetic([r.entry for r in real["sample-journal"]], 10_000)
    with tempfile.TemporaryDirectory() as tmp:
        journal, _ = Journal.create(Path(tmp) / "bench.reflect", "bench passphrase",
                                    kdf=crypto.KdfParams.fast_for_tests())
        with journal:
            with journal.transaction():
                ids: dict[str, str] = {}
                for e in entries:
                    name = e.client_id or "Unnamed"
                    if name not in ids:
                        ids[name] = journal.save_person(Person(name=name)).id
                    e.client_id = ids[name]
                    journal.save_entry(e)
            t0 = time.perf_counter()
            analyse_journal(journal)
            cold = time.perf_counter() - t0
            kept = []
            for _ in range(3):
                t0 = time.perf_counter()
                analyse_journal(journal)
                kept.append(time.perf_counter() - t0)
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = {"one_entry_worst_ms": worst * 1000, "one_entry_mean_ms": mean_ms,
           "10k_cold_s": cold, "10k_kept_s": min(kept), "peak_mib": peak}
    print(f"peak memory of this process with the 10k-entry journal: {peak:.0f} MiB "
          f"(target <= {TARGET_PEAK_MIB} MiB)")
    print(f"one entry: mean {mean_ms:.2f} ms, slowest {worst * 1000:.2f} ms "
          f"(target <= {TARGET_ONE_MS} ms)")
    print(f"10k-entry encrypted journal, analyse_journal: cold {cold:.2f} s (target <= "
          f"{TARGET_10K_COLD} s), kept results {min(kept):.2f} s (target <= {TARGET_10K_KEPT} s)")
    return out


def learning_curve(detector, real, extra, themes) -> None:
    """Mean LOWO micro-F1 of rules+learned with a fraction of the training rows."""
    import random

    print("\nlearning curve (rules + learned, LOWO mean micro-F1; training rows subsampled):")
    for frac in (0.25, 0.5, 0.75, 1.0):
        def fit(rows, frac=frac):
            rng = random.Random(1)
            keep = [r for r in rows if rng.random() < frac]
            return learned_method(detector, True)(keep)
        per_writer, _ = lowo(fit, real, extra, themes, quiet=True)
        n = int(frac * (sum(len(v) for v in real.values()) * 4 / 5
                        + sum(len(v) for v in extra.values())))
        mean = statistics.mean(s.micro()[2] for s in per_writer.values())
        print(f"  ~{n:4} training entries: {mean:.3f}")


def wordllama_embedder():
    """Static sentence vectors from wordllama's bundled 256-d model, if it is installed (an
    option measured side by side; not a dependency of Reflect)."""
    try:
        import wordllama
    except ImportError:
        return None
    model = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent,
                                     disable_download=True)
    cache: dict[str, object] = {}

    def embed(texts):
        import numpy as np

        todo = [t for t in dict.fromkeys(texts) if t not in cache]
        if todo:
            for t, v in zip(todo, model.embed(todo), strict=True):
                cache[t] = v * 3.0  # unit vectors: on the scale of the binary features
        return np.array([cache[t] for t in texts])
    return embed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", action="store_true", help="every method side by side")
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    ap.add_argument("--curve", action="store_true", help="learning curve")
    ap.add_argument("--speed", action="store_true", help="timings")
    ap.add_argument("--speed-only", action="store_true", help="timings and the sample, no LOWO")
    ap.add_argument("--extra-dir", type=Path, default=JOURNALS / "extra",
                    help="extra labelled journals (training data, and a check of their own)")
    ap.add_argument("--no-extra", action="store_true", help="train on the five real writers only")
    ap.add_argument("--method", action="append", default=[], metavar="alpha=1e-5",
                    help="also score rules + learned with a training setting changed")
    ap.add_argument("--no-extra-check", action="store_true", help="skip scoring the extra writers")
    ap.add_argument("--only-compare", action="store_true", help="with --compare: skip rules/learned only")
    ap.add_argument("--no-heldout", action="store_true",
                    help="skip scoring the shipped detector on data/journals/heldout/")
    args = ap.parse_args()
    shipped = ThemeDetector.builtin()
    detector = ThemeDetector(shipped.lexicon, learned=None)  # the rules alone
    themes = [t.id for t in detector.themes]
    real, extra = load_all(args.extra_dir)
    if args.no_extra:
        extra = {}
    print(f"writers: {', '.join(f'{w} ({len(v)})' for w, v in real.items())}")
    print(f"extra (training only): {', '.join(f'{w} ({len(v)})' for w, v in extra.items()) or 'none'}")
    methods = {"rules + learned (shipped method)": learned_method(detector, True)}
    if args.speed_only:
        methods, args.speed = {}, True
    if args.compare and not args.only_compare:
        methods = {
            "rules only": rules_method(detector),
            "learned only": learned_method(detector, False),
            **methods,
        }
    if args.compare and (embed := wordllama_embedder()) is not None:
        methods["rules + learned + wordllama sentence vectors"] = learned_method(
            detector, True, embed=embed)
    for extra_name in args.method:
        name, _, value = extra_name.partition("=")
        kind = type(getattr(training, name.upper()))
        parsed = value.lower() not in ("0", "false", "no") if kind is bool else kind(value)
        methods[f"rules + learned ({extra_name})"] = learned_method(detector, True, **{name: parsed})
    summary = {}
    for name, fit in methods.items():
        print(f"\n=== {name}: leave-one-writer-out ===")
        per_writer, pooled = lowo(fit, real, extra, themes, errors=args.errors)
        mean = print_table(per_writer, pooled, themes)
        worst_theme = min(pooled.theme(t)[2] for t in themes)
        summary[name] = (mean, worst_theme, pooled)
        if extra and not args.no_extra_check:
            print("\nextra writers (each left out, trained on the real five + the other extras):")
            for w, s in extra_check(fit, real, extra, themes).items():
                p, r, f = s.micro()
                print(f"  {w:22} P {p:.2f} R {r:.2f} F1 {f:.3f}")
    if args.compare:
        print("\n=== side by side (LOWO mean micro-F1, lowest pooled theme F1) ===")
        for name, (mean, worst_theme, _) in summary.items():
            print(f"  {name:36} {mean:.3f}   lowest theme {worst_theme:.2f}")
    if args.curve:
        learning_curve(detector, real, extra, themes)
    print("\n=== the shipped detector on the sample (trained on it: not a held-out figure) ===")
    s = Scores()
    predict = shipped_method(shipped)(None)
    for row in real["sample-journal"]:
        s.add(predict(row.entry), row.themes, themes)
    sample = s.micro()[2]
    print(f"sample micro-F1 {sample:.3f}")
    checks = [(f"sample micro-F1 {sample:.3f} >= {TARGET_SAMPLE}", sample >= TARGET_SAMPLE)]
    if summary:
        mean, worst_theme, _ = summary["rules + learned (shipped method)"]
        checks[:0] = [
            (f"LOWO mean micro-F1 {mean:.3f} >= {TARGET_MEAN}", mean >= TARGET_MEAN),
            (f"lowest theme F1 (pooled LOWO) {worst_theme:.2f} >= {TARGET_THEME}",
             worst_theme >= TARGET_THEME),
        ]
    if not args.speed_only and not args.no_heldout and HELDOUT.is_dir():
        mean_heldout = heldout_check(shipped, themes)
        checks.append((f"held-out writers, shipped detector, mean micro-F1 {mean_heldout:.3f} "
                       f">= {TARGET_HELDOUT}", mean_heldout >= TARGET_HELDOUT))
    if args.speed:
        sp = speed(shipped, real)
        checks += [
            (f"one entry {sp['one_entry_worst_ms']:.2f} ms <= {TARGET_ONE_MS} ms",
             sp["one_entry_worst_ms"] <= TARGET_ONE_MS),
            (f"10k cold {sp['10k_cold_s']:.2f} s <= {TARGET_10K_COLD} s",
             sp["10k_cold_s"] <= TARGET_10K_COLD),
            (f"10k kept {sp['10k_kept_s']:.2f} s <= {TARGET_10K_KEPT} s",
             sp["10k_kept_s"] <= TARGET_10K_KEPT),
            (f"peak memory {sp['peak_mib']:.0f} MiB <= {TARGET_PEAK_MIB} MiB",
             sp["peak_mib"] <= TARGET_PEAK_MIB),
        ]
    print("\ntargets:")
    for text, ok in checks:
        print(f"  [{'met' if ok else 'MISSED'}] {text}")


if __name__ == "__main__":
    main()
