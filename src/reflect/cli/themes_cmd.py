"""reflect themes [--client NAME] [--json]   and   reflect themes --text < text

Per-entry themes with their evidence (detected, or the practitioner's own), and what recurs per
client: a theme in at least MIN of a client's last WINDOW sessions.
"""

from __future__ import annotations

import argparse
import sys

from reflect.cli.client_option import client_named
from reflect.cli.journal_cmds import open_journal
from reflect.cli.options import EXIT_OK, UsageError, add_journal_options, print_json


def _theme_json(t) -> dict:
    return {
        "id": t.theme,
        "label": t.label,
        "score": t.score,
        "source": t.source,
        "status": t.status,
        "evidence": [e.text for e in t.evidence],
        "evidence_spans": [{"field": e.field, "start": e.start, "end": e.end} for e in t.evidence],
    }


def cmd_text(args: argparse.Namespace) -> int:
    from reflect.core.themes import ThemeEngine

    text = sys.stdin.read()
    engine = ThemeEngine()  # the built-in themes (no journal is opened)
    hits = engine.detect_text(text)
    labels = engine.labels
    if args.json:
        print_json({"themes": [{"id": h.theme, "label": labels.get(h.theme, h.theme),
                                "score": round(h.score, 3),
                                "evidence": [e.text for e in h.evidence]} for h in hits]})
    else:
        for h in hits:
            quoted = "; ".join(f"“{e.text}”" for e in h.evidence)
            print(f"{labels.get(h.theme, h.theme)} ({h.score:.2f}): {quoted}")
        if not hits:
            print("No themes found.", file=sys.stderr)
    return EXIT_OK


def cmd_themes(args: argparse.Namespace) -> int:
    if args.text:
        return cmd_text(args)
    if args.window < 1 or not 1 <= args.min <= args.window:
        raise UsageError("--min must be between 1 and --window.")
    from reflect.core.themes import analyse_journal

    with open_journal(args, keep=True) as journal:  # themes found are kept for next time
        client_id = None
        if args.client:
            client_id = client_named(journal, args.client).id
        people = {p.id: p.name for p in journal.people()}
        result = analyse_journal(journal, client_id=client_id, window=args.window,
                                 min_count=args.min)
    if args.json:
        out = {
            "entries": [
                {"entry_id": a.entry_id, "date": a.date.isoformat(timespec="minutes"),
                 "client": people.get(a.client_id) if a.client_id else None,
                 "themes": [_theme_json(t) for t in a.themes]}
                for a in result.entries
            ],
            "recurring": [
                {"client": people.get(r.client, r.client), "theme": r.theme,
                 "label": result.labels.get(r.theme, r.theme), "count": r.count,
                 "of_sessions": r.of_sessions, "first": r.first.isoformat(),
                 "last": r.last.isoformat()}
                for r in result.recurring
            ],
            "rule": {"window": args.window, "min_count": args.min},
        }
        print_json(out)
        return EXIT_OK
    if result.recurring:
        print(f"Recurring (in at least {args.min} of a client's last {args.window} sessions):")
        for r in result.recurring:
            print(f"  {people.get(r.client, '?')}: {result.labels.get(r.theme, r.theme)} "
                  f"— {r.count} of {r.of_sessions} sessions ({r.first} to {r.last})")
    else:
        print("Nothing recurs yet.")
    counts: dict[str, int] = {}
    for a in result.entries:
        for t in a.themes:
            counts[t.label] = counts.get(t.label, 0) + 1
    if counts:
        print("Across these entries:")
        for label, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            print(f"  {label}: {n}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("themes", help="themes per entry with evidence, and what recurs per client")
    p.add_argument("--client", metavar="NAME", help="only this client")
    p.add_argument("--json", action="store_true", help="print JSON on standard output")
    p.add_argument("--text", action="store_true",
                   help="read one text from standard input and print its themes (no journal)")
    p.add_argument("--window", type=int, default=5, metavar="N",
                   help="recurring: look at a client's last N sessions (default 5)")
    p.add_argument("--min", type=int, default=3, metavar="K",
                   help="recurring: the theme in at least K of them (default 3)")
    add_journal_options(p)
    p.set_defaults(func=cmd_themes)
