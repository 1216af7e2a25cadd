"""Evaluate de-identification on a JSONL journal with ``gold`` labels.

For every entry, its narrative, went_well, demands, controls and outcomes are redacted with that
entry's known people (client + people), then:

- identifiers leaked (``gold.identifiers`` still present), split into known-person vs other;
- % of other identifiers removed; % of ``gold.keep`` phrases kept;
- time to redact ~2,000 words (target <= 0.5 s).

Usage::

    python bench/redact_eval.py [--data FILE] [--cli] [--verbose]

``--cli`` runs ``python -m reflect redact --known-json FILE --json`` in a subprocess per entry
(needs the ``redact`` command registered); the default calls the pipeline in-process.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reflect.core.deid import deidentify, find_known_leaks
from reflect.core.model import Person, PersonKind

DEFAULT_DATA = Path(__file__).resolve().parents[1] / "data" / "journals" / "sample-journal.jsonl"
SEP = "\n\n"


def entry_people(entry: dict) -> list[dict]:
    people = []
    if entry.get("client"):
        people.append({**entry["client"], "role": None, "kind": "client"})
    for p in entry.get("people") or []:
        people.append({**p, "kind": "other"})
    return people


def to_person(d: dict) -> Person:
    kind = PersonKind.CLIENT if d.get("kind", "client") == "client" else PersonKind.OTHER
    return Person(name=d.get("name") or "", alias=d.get("alias"), aka=list(d.get("aka") or []),
                  role=d.get("role"), kind=kind)


def entry_text(entry: dict) -> str:
    parts = [entry.get("narrative") or "", entry.get("went_well") or ""]
    parts += [d.get("text", "") for d in entry.get("demands") or []]
    for c in entry.get("controls") or []:
        parts += [c.get("text", ""), c.get("outcome") or ""]
    return SEP.join(p for p in parts if p)


def redact_cli(text: str, people: list[dict]) -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(people, f)
    try:
        proc = subprocess.run([sys.executable, "-m", "reflect", "redact", "--known-json", f.name,
                               "--json"], input=text, capture_output=True, text=True, check=True)
    finally:
        Path(f.name).unlink(missing_ok=True)
    return json.loads(proc.stdout)["text"]


def present(needle: str, hay: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay) is not None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cli", action="store_true", help="redact through the CLI in a subprocess")
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)

    entries = [json.loads(line) for line in args.data.read_text().splitlines() if line.strip()]
    known_leaks: list[str] = []
    other_leaks: list[str] = []
    other_total = 0
    keep_total = keep_kept = 0
    lost: list[str] = []
    gate_fail = 0
    for n, e in enumerate(entries, 1):
        people = entry_people(e)
        persons = [to_person(p) for p in people]
        text = entry_text(e)
        out = redact_cli(text, people) if args.cli else deidentify(text, persons).text
        names = {v.lower() for p in persons for v in p.all_names()}
        names |= {part.lower() for p in persons for v in p.all_names() for part in v.split()}
        gold = e.get("gold") or {}
        for ident in gold.get("identifiers", []):
            is_known = ident.lower() in names or any(
                w.lower() in names for w in ident.split() if w[:1].isupper())
            if not is_known:
                other_total += 1
            if present(ident, out):
                (known_leaks if is_known else other_leaks).append(f"#{n}: {ident}")
        for phrase in gold.get("keep", []):
            keep_total += 1
            if phrase in out:
                keep_kept += 1
            else:
                lost.append(f"#{n}: {phrase}")
        if find_known_leaks(out, persons):
            gate_fail += 1
            if args.verbose:
                print(f"#{n} gate: {find_known_leaks(out, persons)}")
        if args.verbose:
            print(f"--- #{n}\n{out}\n")

    other_removed = 100.0 * (other_total - len(other_leaks)) / max(1, other_total)
    kept = 100.0 * keep_kept / max(1, keep_total)
    print(f"entries: {len(entries)}  ({'cli' if args.cli else 'in-process'})")
    print(f"known-person leaks: {len(known_leaks)}  {known_leaks}")
    print(f"other identifier leaks: {len(other_leaks)} of {other_total}  {other_leaks}")
    print(f"other identifiers removed: {other_removed:.1f}%  (target >= 97%)")
    print(f"keep phrases kept: {keep_kept}/{keep_total} = {kept:.1f}%  (target >= 95%)  {lost}")
    print(f"entries failing the export gate after redaction: {gate_fail}")

    all_text = " ".join(entry_text(e) for e in entries).split()
    words = (all_text * (2000 // max(1, len(all_text)) + 1))[:2000]
    sample = " ".join(words)
    persons = [to_person(p) for e in entries for p in entry_people(e)]
    t0 = time.perf_counter()
    deidentify("warm up Dee at Tallis Freight", persons)
    t1 = time.perf_counter()
    deidentify(sample, persons)
    t2 = time.perf_counter()
    print(f"first call (loads word lists): {t1 - t0:.2f} s")
    print(f"redact 2,000 words with {len(persons)} known people: {t2 - t1:.3f} s  (target <= 0.5 s)")
    ok = not known_leaks and other_removed >= 97 and kept >= 95
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
