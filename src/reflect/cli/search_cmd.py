"""reflect search QUERY [--client NAME] [--since D] [--until D] [--json]

QUERY is the app's search language (:mod:`reflect.core.query`): words, ``client:``,
``template:``, ``since:``, ``until:``."""

from __future__ import annotations

import argparse
import sys

from reflect.cli.client_option import client_named
from reflect.cli.journal_cmds import open_journal
from reflect.cli.options import EXIT_OK, UsageError, add_journal_options, print_json


def cmd_search(args: argparse.Namespace) -> int:
    from reflect.core.query import parse_day, parse_query
    from reflect.core.search import search

    try:
        parse_day(args.since)
        parse_day(args.until)
    except ValueError:
        raise UsageError("Dates look like 2025-03 or 2025-03-14.") from None
    problems = parse_query(" ".join(args.query)).problems
    if problems:
        raise UsageError(f"Dates look like 2025-03 or 2025-03-14, not {problems[0]}.")
    with open_journal(args, readonly=True) as journal:
        if args.client:
            client_named(journal, args.client)  # none, or several: say so rather than find nothing
        hits = search(journal, " ".join(args.query), client=args.client,
                      since=args.since, until=args.until)
        damaged = len(journal.damaged)
    if args.json:
        print_json(
            [{"id": h.id, "date": h.date.isoformat(timespec="minutes"), "client": h.client,
              "snippet": h.snippet} for h in hits]
        )
    else:
        for h in hits:
            print(f"{h.date:%Y-%m-%d %H:%M}  {h.client or '(no client)'}  {h.snippet}")
        print(f"{len(hits)} entr{'y' if len(hits) == 1 else 'ies'} found.", file=sys.stderr)
    if damaged:
        print(f"warning: {damaged} damaged record(s) skipped; run: reflect verify", file=sys.stderr)
    return EXIT_OK


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="find entries by words, client, theme and dates")
    p.add_argument("query", nargs="*",
                   help="words that must all appear (quote a phrase); client:NAME, template:NAME, "
                        "theme:NAME (theme:boundaries), since:DATE and until:DATE narrow it, "
                        "as in the app's search field")
    p.add_argument("--client", metavar="NAME", help="only this client (full name, alias, other name, or any word of one: Deanna)")
    p.add_argument("--since", metavar="DATE", help="on or after, e.g. 2025-03 or 2025-03-14")
    p.add_argument("--until", metavar="DATE", help="on or before")
    p.add_argument("--json", action="store_true", help="print JSON on standard output")
    add_journal_options(p)
    p.set_defaults(func=cmd_search)
