"""reflect brief --client NAME [--last N] [--entries ID ...] [--question TEXT]
                 [--profile-fields FIELD,... | --no-profile]
                 --template group|supervisor --format md|html|pdf --out FILE

Non-interactive: every automatic and uncertain redaction is applied, and the final gate still
refuses to write a brief that names anyone the journal knows. The export is recorded in the
journal (so a case logged at a meeting can link to it), unless the app has the journal open.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reflect.cli.client_option import client_named
from reflect.cli.journal_cmds import open_journal
from reflect.cli.options import EXIT_OK, UsageError, add_journal_options


def cmd_brief(args: argparse.Namespace) -> int:
    from reflect.core.brief import build_brief, write_brief

    profile_fields = None
    if args.no_profile:
        profile_fields = []
    elif args.profile_fields is not None:
        profile_fields = [f.strip() for f in args.profile_fields.split(",") if f.strip()]
    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise UsageError(f"The folder {out.parent} does not exist.")
    with open_journal(args, keep=True) as journal:
        client = client_named(journal, args.client)
        try:
            draft = build_brief(journal, client, template=args.template,
                                question=args.question or "", last=args.last,
                                entry_ids=args.entries, profile_fields=profile_fields)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        write_brief(draft, args.format, out)
        recorded = _record_export(journal, client.id, args, draft, out)
        uncertain = sum(1 for _, s in draft.all_redactions() if s.confidence < 0.8)
        total = len(draft.all_redactions())
    print(f"Wrote {out} ({len(draft.sessions)} sessions, {total} redactions, "
          f"{uncertain} of them uncertain and applied).", file=sys.stderr)
    if not recorded:
        print("The export was not recorded in the journal (the app has it open), so a meeting "
              "cannot link to it.", file=sys.stderr)
    return EXIT_OK


def _record_export(journal, client_id: str, args: argparse.Namespace, draft, out: Path) -> bool:
    from reflect.core.supervision import brief_exported

    if not journal.file.writable:
        return False
    # the sessions the brief covers, chosen as build_brief chose them (oldest first)
    ids = [s.id for s in sorted(journal.summaries(client_id), key=lambda s: s.date)]
    if args.entries:
        ids = [i for i in ids if i in set(args.entries)]
    if args.last:
        ids = ids[-args.last:]
    brief_exported(journal, client_id=client_id, template=args.template, fmt=args.format,
                   entry_ids=ids, question=args.question or "", path=out)
    return True


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("brief", help="write a de-identified case brief for supervision")
    p.add_argument("--client", required=True, metavar="NAME", help="the client (any of their names)")
    p.add_argument("--last", type=int, metavar="N", help="only the last N sessions")
    p.add_argument("--entries", nargs="+", metavar="ID", help="only these entries (ids from search --json)")
    p.add_argument("--question", metavar="TEXT", help="what you want from supervision")
    profile = p.add_mutually_exclusive_group()
    profile.add_argument("--profile-fields", metavar="FIELD,...",
                         help="which practice-profile fields to include (default: profession,"
                         "modalities,setting,years_in_practice; also typical_clients,"
                         "wants_from_supervision,current_supervision)")
    profile.add_argument("--no-profile", action="store_true", help="leave the practice profile out")
    p.add_argument("--template", choices=["group", "supervisor"], default="group")
    p.add_argument("--format", choices=["md", "html", "pdf"], default="md")
    p.add_argument("--out", required=True, metavar="FILE")
    add_journal_options(p)
    p.set_defaults(func=cmd_brief)
