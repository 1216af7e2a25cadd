"""Training the learned layer (:mod:`.learned`) from hand-labelled journals.

Only the training script (``scripts/train_themes.py``), the benchmark (``bench/themes_eval.py``)
and tests import this module; it needs numpy, scipy and scikit-learn (the ``train`` extra), which the app never loads.

A labelled journal is the interchange format with ``gold.themes`` (the entry's theme ids) and
``gold.evidence`` (per theme, the exact words that show it). Each sentence of an entry is one
training example per theme: positive where it holds that theme's evidence, negative where the
entry does not have the theme at all; a sentence of an entry that has the theme elsewhere counts
as a weak negative (labellers quote the clearest words, not every one).

Per-theme thresholds are chosen by cross-validation *by writer inside the training data*: the
training writers, in four groups, are left out in turn, a model trained on the others scores it, and the threshold
that makes the whole detector (rules, or this layer) best on those left-out writers is kept. So
nothing is ever tuned on the data a model is scored on.

Training is deterministic: the rows are put in a fixed order (by writer, then as written) and
each sentence's features are read in sorted order, so the same journals give the same model
whatever order they are passed in and whatever Python's string hashing; :func:`train_repository`
is what ``scripts/train_themes.py`` ships, and a test retrains with it and compares.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from reflect.core.model import Control, Demand, DemandCategory, Entry, Stance, Timing
from reflect.core.themes.learned import (
    FEATURE_VERSION,
    LearnedModel,
    features,
    field_kind,
    sentences,
)

WEAK_NEGATIVE = 0.3
MIN_COUNT = 2
ALPHA = 1e-4  # strength of the L2 penalty (LOWO: 1e-3 0.679, 1e-4 0.672, 1e-5 0.629)
EPOCHS = 20
INNER_FOLDS = 4
VETO_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3)
VETOES = False  # let the learned layer overrule rule hits (LOWO +0.001, and it drops clear cues)
THRESHOLD_GRID = tuple(round(0.30 + 0.025 * i, 3) for i in range(27))  # 0.30 .. 0.95


@dataclass
class Example:
    feats: set[str]
    text: str = ""
    labels: dict[str, float] = field(default_factory=dict)  # theme -> 1 (evidence) / 0
    weights: dict[str, float] = field(default_factory=dict)


@dataclass
class Labelled:
    """One hand-labelled entry."""

    entry: Entry
    themes: set[str]
    evidence: dict[str, list[str]]
    writer: str = ""
    examples: list[Example] | None = field(default=None, repr=False, compare=False)


def entry_from(obj: dict) -> Entry:
    """An :class:`Entry` from one line of a labelled journal (the ``gold`` part is not read)."""
    return Entry(
        date=datetime.fromisoformat(obj["date"]),
        narrative=obj.get("narrative", ""),
        client_id=(obj.get("client") or {}).get("name"),
        planned_minutes=obj.get("planned_minutes"),
        actual_minutes=obj.get("actual_minutes"),
        stress_before=obj.get("stress_before"),
        stress_after=obj.get("stress_after"),
        went_well=obj.get("went_well"),
        demands=[
            Demand(DemandCategory(d["category"]), d["text"], d.get("intensity"))
            for d in obj.get("demands", [])
        ],
        controls=[
            Control(
                Timing(c["timing"]),
                c["text"],
                Stance(c["stance"]) if c.get("stance") else None,
                c.get("outcome"),
            )
            for c in obj.get("controls", [])
        ],
    )


def load_labelled(path: Path) -> list[Labelled]:
    writer = path.stem
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            gold = obj.get("gold", {})
            rows.append(
                Labelled(
                    entry_from(obj),
                    set(gold.get("themes", [])),
                    {t: list(v) for t, v in (gold.get("evidence") or {}).items()},
                    writer,
                )
            )
    return rows


def fingerprint(paths: Iterable[Path]) -> str:
    """sha256 over the training files' names and bytes (sorted by name) and the feature version."""
    digest = hashlib.sha256(f"features {FEATURE_VERSION}\n".encode())
    for p in sorted(paths, key=lambda p: p.name):
        digest.update(p.name.encode() + b"\x00")
        digest.update(p.read_bytes())
    return digest.hexdigest()


def _evidence_spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    low = text.lower()
    spans = []
    for q in quotes:
        q = q.strip().lower()
        if not q:
            continue
        at = low.find(q)
        while at >= 0:
            spans.append((at, at + len(q)))
            at = low.find(q, at + 1)
    return spans


def examples(row: Labelled) -> list[Example]:
    """One example per sentence of the entry, labelled from its gold evidence."""
    if row.examples is not None:
        return row.examples
    out = []
    for name, text in row.entry.texts():
        if not text:
            continue
        ev = {t: _evidence_spans(text, q) for t, q in row.evidence.items()}
        for start, end in sentences(text):
            ex = Example(features(text[start:end], field_kind(name)), text[start:end])
            for t, spans in ev.items():
                if any(s < end and start < e for s, e in spans):
                    ex.labels[t] = 1.0
            out.append(ex)
    row.examples = out
    return out


def fit(
    exs: Sequence[Example], themes: Sequence[str], rows_themes: Sequence[set[str]] | None = None,
    *, alpha: float = ALPHA, epochs: int = EPOCHS, embed: Embed | None = None,
) -> tuple[dict[str, tuple[float, ...]], tuple[float, ...]]:
    """Per-theme L2 logistic regression over sparse binary features (scikit-learn's SGD, fixed
    seed: the same data gives the same model).

    ``rows_themes[i]`` is the set of themes of example i's entry (for the weak negatives)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import SGDClassifier

    counts: dict[str, int] = {}
    for ex in exs:
        for f in ex.feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, ex in enumerate(exs):
        for f in sorted(ex.feats):  # a set's order follows string hashing: fix it
            col = index.get(f)
            if col is not None:
                rows.append(r)
                cols.append(col)
    n, d, k = len(exs), len(vocab), len(themes)
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, d))
    if embed is not None:  # an option measured in bench/themes_eval.py --compare
        from scipy.sparse import hstack

        dense = embed([ex.text for ex in exs])
        vocab += [f"e:{i}" for i in range(dense.shape[1])]
        index.update({f"e:{i}": d + i for i in range(dense.shape[1])})
        X = hstack([X, csr_matrix(dense)]).tocsr()
        d = X.shape[1]
    W = np.zeros((d, k))
    b = np.full(k, -10.0)
    for t, theme in enumerate(themes):
        y = np.array([1 if ex.labels.get(theme) else 0 for ex in exs])
        pos = int(y.sum())
        if pos == 0:
            continue
        # Positives are rare: weigh them up (square root of the imbalance, at most x10);
        # a sentence of an entry that has the theme elsewhere is a weak negative.
        pos_w = min(10.0, max(1.0, ((n - pos) / pos) ** 0.5))
        sw = np.ones(n)
        for r in range(n):
            if y[r]:
                sw[r] = pos_w
            elif rows_themes is not None and theme in rows_themes[r]:
                sw[r] = WEAK_NEGATIVE
        clf = SGDClassifier(loss="log_loss", alpha=alpha, max_iter=epochs, tol=None, random_state=0)
        clf.fit(X, y, sample_weight=sw)
        W[:, t] = clf.coef_[0]
        b[t] = clf.intercept_[0]
    weights = {
        f: tuple(round(float(x), 4) for x in W[i])
        for f, i in index.items()
        if np.abs(W[i]).max() >= 0.005
    }
    return weights, tuple(float(x) for x in b)


RuleThemes = Callable[[Entry], set[str]]


def _ordered(rows: Sequence[Labelled]) -> list[Labelled]:
    """The rows by writer (each writer's in their own order): what SGD sees does not depend on
    the order the journals were listed in."""
    return sorted(rows, key=lambda r: r.writer)
Embed = Callable[[list[str]], "np.ndarray"]


def _model(rows: Sequence[Labelled], themes: Sequence[str], thresholds, fp: str, **kw) -> LearnedModel:
    exs, entry_themes = [], []
    for row in _ordered(rows):
        for ex in examples(row):
            exs.append(ex)
            entry_themes.append(row.themes)
    weights, bias = fit(exs, themes, entry_themes, **kw)
    return LearnedModel(tuple(themes), weights, bias, tuple(thresholds), fp)


def entry_scores(model: LearnedModel, entry: Entry, embed: Embed | None = None) -> list[float]:
    """The highest sentence probability per theme in an entry."""
    best = [0.0] * len(model.themes)
    spans = [(name, text, s, e) for name, text in entry.texts() if text for s, e in sentences(text)]
    if not spans:
        return best
    dense = None
    if embed is not None:
        E = embed([text[s:e] for _, text, s, e in spans])
        names = [f"e:{i}" for i in range(E.shape[1])]
        We = np.array([model.weights.get(f, (0.0,) * len(best)) for f in names])
        dense = E @ We
    for i, (name, text, s, e) in enumerate(spans):
        probs = model.scores(features(text[s:e], field_kind(name)))
        if dense is not None:
            probs = [1 / (1 + np.exp(-(np.log(p / (1 - p)) + dz))) if 0 < p < 1 else p
                     for p, dz in zip(probs, dense[i], strict=True)]
        for t, p in enumerate(probs):
            if p > best[t]:
                best[t] = p
    return best


def choose_thresholds(
    rows: Sequence[Labelled], themes: Sequence[str], rules: RuleThemes | None,
    use_vetoes: bool = False, **kw
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Per-theme thresholds, and vetoes (the probability below which the learned layer overrules
    a rule hit of the theme; 0: never), by leave-one-writer-out inside ``rows`` (see the module
    docstring)."""
    writers = sorted({r.writer for r in rows})
    if len(writers) < 2:
        return tuple(0.7 for _ in themes), tuple(0.0 for _ in themes)
    # Writers in at most INNER_FOLDS groups (round robin), each group left out in turn.
    group = {w: i % INNER_FOLDS for i, w in enumerate(writers)}
    scored: list[tuple[list[float], set[str], set[str]]] = []  # (probs, rule themes, gold)
    for g in sorted(set(group.values())):
        train = [r for r in rows if group[r.writer] != g]
        model = _model(train, themes, [1.0] * len(themes), "", **kw)
        for r in rows:
            if group[r.writer] == g:
                ruled = rules(r.entry) if rules else set()
                scored.append((entry_scores(model, r.entry, kw.get("embed")), ruled, r.themes))
    thresholds, vetoes = [], []
    for t, theme in enumerate(themes):
        best, best_f = (0.95, 0.0), -1.0
        for veto in VETO_GRID if rules and use_vetoes else (0.0,):
            for th in THRESHOLD_GRID:
                tp = fp = fn = 0
                for probs, ruled, gold in scored:
                    p = probs[t]
                    found = (theme in ruled and p >= veto) or p >= th
                    tp += found and theme in gold
                    fp += found and theme not in gold
                    fn += (not found) and theme in gold
                f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
                if f > best_f + 1e-9:
                    best, best_f = (th, veto), f
        thresholds.append(best[0])
        vetoes.append(best[1])
    return tuple(thresholds), tuple(vetoes)


def train(
    rows: Sequence[Labelled], themes: Sequence[str], *, rules: RuleThemes | None = None,
    fingerprint: str = "", trained_on: Sequence[str] = (), **kw,
) -> LearnedModel:
    """A model trained on ``rows`` only, its thresholds chosen by writer inside ``rows``."""
    use_vetoes = kw.pop("vetoes", VETOES)
    thresholds, vetoes = choose_thresholds(rows, themes, rules, use_vetoes, **kw)
    model = _model(rows, themes, thresholds, fingerprint, **kw)
    return LearnedModel(
        model.themes, model.weights, model.bias, thresholds, fingerprint, tuple(trained_on),
        vetoes,
    )


def journal_files(journals: Path) -> list[Path]:
    """The labelled journals a shipped model is trained on: ``journals/*.jsonl`` and
    ``journals/extra/*.jsonl``."""
    return sorted(journals.glob("*.jsonl")) + sorted((journals / "extra").glob("*.jsonl"))


def train_repository(root: Path) -> LearnedModel:
    """The model ``scripts/train_themes.py`` ships: trained on the repository's labelled journals
    (``root/data/journals``), its thresholds chosen against the built-in rules."""
    from reflect.core.themes.detector import ThemeDetector

    files = journal_files(root / "data" / "journals")
    detector = ThemeDetector(ThemeDetector.builtin().lexicon, learned=None)  # rules alone
    themes = [t.id for t in detector.themes]
    rows = [r for p in files for r in load_labelled(p)]
    cache: dict[int, set[str]] = {}

    def rules(entry: Entry) -> set[str]:
        if id(entry) not in cache:
            cache[id(entry)] = {h.theme for h in detector.detect_entry(entry)}
        return cache[id(entry)]

    return train(rows, themes, rules=rules, fingerprint=fingerprint(files),
                 trained_on=[p.relative_to(root).as_posix() for p in files])
