"""reflect redact [--known NAME ...] [--known-json FILE] [--date D] [--json] < text

The de-identification pipeline alone, for scripting: standard input in, redacted text out.
The first ``--known`` name is the client; later ones become "Colleague A", "Colleague B"...
``--known-json`` takes a JSON list of people ``{name, role, aka, alias, kind}`` (a single object
is accepted too), so roles give pseudonyms like "the client's sister".
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from reflect.cli.options import print_json

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "redact", help="de-identify text from standard input",
        description="Read text on standard input and print it de-identified. Known people get "
        "role-based pseudonyms; other names, places, dates, ages and contact details are "
        "redacted. Exit codes: 0 ok, 1 error, 2 usage.",
    )
    p.add_argument("--known", action="append", default=[], metavar="NAME",
                   help="a known person's full name (repeatable; the first is the client)")
    p.add_argument("--known-json", type=Path, metavar="FILE",
                   help="JSON list of people: {name, role, aka, alias, kind}")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="the entry's date: day-level dates become relative ('three weeks later')")
    p.add_argument("--json", action="store_true",
                   help='print {"text": ..., "spans": [{start, end, original, replacement, '
                   'kind, confidence}]}')
    p.set_defaults(func=run)


def _people_from_json(path: Path) -> list:
    from reflect.core.model import Person, PersonKind

    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("people", [data]) if "name" not in data else [data]
    if not isinstance(data, list):
        raise ValueError("expected a list of people")
    people = []
    for i, d in enumerate(data):
        if not isinstance(d, dict) or not (d.get("name") or d.get("aka") or d.get("alias")):
            raise ValueError(f"person {i + 1} needs a name")
        aka = d.get("aka") or []
        if isinstance(aka, str):
            aka = [aka]
        kind = d.get("kind")
        if kind is None:
            role = str(d.get("role") or "").strip().lower()
            kind = "other" if role and role != "client" else ("client" if i == 0 else "other")
        name = d.get("name") or (aka[0] if aka else d.get("alias"))
        people.append(Person(
            name=str(name),
            alias=d.get("alias"), aka=[str(a) for a in aka], role=d.get("role"),
            kind=PersonKind.CLIENT if kind == "client" else PersonKind.OTHER))
    return people


def run(args: argparse.Namespace) -> int:
    from reflect.core.deid import deidentify
    from reflect.core.model import Person, PersonKind

    people = []
    if args.known_json:
        try:
            people += _people_from_json(args.known_json)
        except OSError as exc:
            print(f"reflect redact: cannot read {args.known_json}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
        except (ValueError, TypeError) as exc:
            print(f"reflect redact: {args.known_json} is not a list of people: {exc}",
                  file=sys.stderr)
            return EXIT_USAGE
    for i, name in enumerate(args.known):
        if not name.strip():
            print("reflect redact: --known needs a name", file=sys.stderr)
            return EXIT_USAGE
        first = i == 0 and not any(p.kind == PersonKind.CLIENT for p in people)
        people.append(Person(name=name.strip(),
                             kind=PersonKind.CLIENT if first else PersonKind.OTHER))
    reference = None
    if args.date:
        try:
            reference = date.fromisoformat(args.date[:10])
        except ValueError:
            print("reflect redact: --date looks like 2026-03-14", file=sys.stderr)
            return EXIT_USAGE
    try:
        text = sys.stdin.read()
    except UnicodeDecodeError:
        print("reflect redact: standard input is not UTF-8 text", file=sys.stderr)
        return EXIT_ERROR
    result = deidentify(text, people, reference_date=reference)
    if args.json:
        print_json(result.to_dict())
    else:
        sys.stdout.write(result.text)
        uncertain = len(result.uncertain())
        if uncertain:
            print(f"{len(result.spans)} redactions, {uncertain} uncertain (review with --json)",
                  file=sys.stderr)
    return EXIT_OK
