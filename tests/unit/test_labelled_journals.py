"""The hand-labelled journals (data/journals/, extra/) that training and the benchmarks read:
every line imports, and every gold label points at words the entry really holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflect.core.interchange import import_lines
from reflect.core.themes.lexicon import load_builtin

DATA = Path(__file__).resolve().parents[2] / "data" / "journals"
FILES = (sorted(DATA.glob("*.jsonl")) + sorted((DATA / "extra").glob("*.jsonl"))
         + sorted((DATA / "heldout").glob("*.jsonl")))
THEMES = {t.id for t in load_builtin().themes}


def entry_text(obj: dict) -> str:
    parts = [obj.get("narrative") or "", obj.get("went_well") or ""]
    parts += [d.get("text", "") for d in obj.get("demands") or []]
    for c in obj.get("controls") or []:
        parts += [c.get("text", ""), c.get("outcome") or ""]
    return "\n\n".join(p for p in parts if p)


def test_there_are_labelled_journals():
    assert len(FILES) >= 5
    assert DATA / "sample-journal.jsonl" in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_line_of_a_labelled_journal_imports(journal, path):
    lines = path.read_text("utf-8").splitlines()
    report = import_lines(journal, lines)
    assert report.entries == len(lines)
    assert [w for w in report.warnings if "'gold'" not in w] == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gold_labels_quote_the_entry(path):
    problems = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        obj = json.loads(line)
        gold, text = obj["gold"], entry_text(obj)
        themes = gold["themes"]
        problems += [f"line {n}: unknown theme {t}" for t in themes if t not in THEMES]
        if "evidence" in gold:  # the sample journal predates evidence
            ev = gold["evidence"]
            if set(ev) != set(themes):
                problems.append(f"line {n}: evidence for {sorted(ev)}, themes {sorted(themes)}")
            problems += [f"line {n}: {t} evidence not in the entry: {q!r}"
                         for t, qs in ev.items() for q in (qs or [""])
                         if not q or q.lower() not in text.lower()]
        problems += [f"line {n}: identifier not in the entry: {s!r}"
                     for s in gold.get("identifiers", []) if s not in text]
        problems += [f"line {n}: keep phrase not in the entry: {s!r}"
                     for s in gold.get("keep", []) if s not in text]
    assert problems == []
