"""meetings, hours, profile: supervision from the command line.

    reflect meetings [--client NAME] [--json]
    reflect hours [--by month|year] [--year YYYY] [--csv]
    reflect profile --format md|pdf --out FILE [--fields FIELD,...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reflect.cli.client_option import client_named
from reflect.cli.journal_cmds import open_journal
from reflect.cli.options import EXIT_OK, UsageError, add_journal_options, print_json


def _client_id(journal, name: str | None) -> str | None:
    if not name:
        return None
    return client_named(journal, name).id


def _duration(minutes: int | None) -> str:
    if not minutes:
        return "—"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def cmd_meetings(args: argparse.Namespace) -> int:
    from reflect.core.supervision.interchange import meetings_report

    with open_journal(args, readonly=True) as journal:
        report = meetings_report(journal, _client_id(journal, args.client))
    if args.json:
        print_json(report)
        return EXIT_OK
    for m in report:
        suggestions = [s for c in m.get("cases", []) for s in c.get("suggestions", [])]
        states = [s["state"] for s in suggestions if s["state"]]
        waiting = sum(1 for s in suggestions if s["pending"])
        bits = [f"{len(m.get('cases', []))} case(s)", f"{len(suggestions)} suggestion(s)"]
        if states:
            bits.append(", ".join(f"{states.count(s)} {s}" for s in dict.fromkeys(states)))
        if waiting:
            bits.append(f"{waiting} to follow up")
        print(f"{m['date'][:16].replace('T', ' ')}  {m.get('kind', '')}  "
              f"{m.get('group') or '(no name)'}  {_duration(m.get('minutes'))}  "
              + "; ".join(bits))
    print(f"{len(report)} meeting{'' if len(report) == 1 else 's'}.", file=sys.stderr)
    return EXIT_OK


def cmd_hours(args: argparse.Namespace) -> int:
    from reflect.core.supervision.hours import hours_csv, supervision_hours

    with open_journal(args, readonly=True) as journal:
        rows = supervision_hours(journal, by=args.by, year=args.year)
    if args.csv:
        sys.stdout.write(hours_csv(rows))
        return EXIT_OK
    width = max([len(r.kind) for r in rows] + [4])
    for r in rows:
        print(f"{r.period:<8} {r.kind:<{width}} {r.meetings:>4} meeting{'' if r.meetings == 1 else 's'}"
              f" {r.hours:>8.2f} h")
    if not rows:
        print("No meetings logged yet.", file=sys.stderr)
    return EXIT_OK


def cmd_profile(args: argparse.Namespace) -> int:
    from reflect.core.supervision.profile import LABELS, write_profile

    fields = None
    if args.fields:
        fields = [f.strip() for f in args.fields.split(",") if f.strip()]
        unknown = [f for f in fields if f not in LABELS]
        if unknown:
            raise UsageError(f"Not a profile field: {', '.join(unknown)}. "
                             f"Choose from {', '.join(LABELS)}.")
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    with open_journal(args, readonly=True) as journal:
        write_profile(journal, args.format, out, fields)
    print(f"Wrote {out}", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("meetings", help="supervision meetings with their suggestions and follow-ups")
    p.add_argument("--client", metavar="NAME", help="only meetings where this client's case was presented")
    p.add_argument("--json", action="store_true", help="print JSON on standard output")
    add_journal_options(p)
    p.set_defaults(func=cmd_meetings)

    p = sub.add_parser("hours", help="supervision hours per month or year, by kind of meeting")
    p.add_argument("--by", choices=["month", "year"], default="month")
    p.add_argument("--year", type=int, metavar="YYYY", help="only this year")
    p.add_argument("--csv", action="store_true", help="CSV on standard output: period,kind,meetings,hours")
    add_journal_options(p)
    p.set_defaults(func=cmd_hours)

    p = sub.add_parser("profile", help="write your practice profile on its own (to share with a group)")
    p.add_argument("--format", choices=["md", "pdf"], default="md")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--fields", metavar="FIELD,...",
                   help="only these fields: profession, modalities, setting, years_in_practice, "
                   "typical_clients, wants_from_supervision, current_supervision")
    add_journal_options(p)
    p.set_defaults(func=cmd_profile)
