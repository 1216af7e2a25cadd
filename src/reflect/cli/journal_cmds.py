"""init, import, export, passwd, backup, verify: looking after the journal file itself."""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from reflect.cli.options import (
    EXIT_ERROR,
    EXIT_OK,
    UsageError,
    add_journal_options,
    journal_path,
    read_secret,
)

MIN_PASSPHRASE = 8


def open_journal(args: argparse.Namespace, *, readonly: bool = False, keep: bool = False):
    """The journal at ``--journal``. ``keep=True``: writable if no other window or command has
    it open (so derived data, like the themes found, can be kept for next time), otherwise
    read-only, as ``readonly=True`` always is."""
    from reflect.core.errors import JournalLocked
    from reflect.core.journal import Journal

    path = journal_path(args)
    if not path.exists():
        raise UsageError(f"There is no journal at {path}. Create one with: reflect init")
    secret = read_secret(args)
    if keep:
        try:
            return Journal.open(path, secret)
        except JournalLocked:  # the app has it open: read it anyway, keep nothing
            return Journal.open(path, secret, readonly=True)
    return Journal.open(path, secret, readonly=readonly)


def _check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UsageError(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")


def cmd_init(args: argparse.Namespace) -> int:
    from reflect.core.journal import Journal

    path = journal_path(args)
    if path.exists():
        raise UsageError(f"There is already a journal at {path}.")
    passphrase = read_secret(args, prompt="New passphrase: ", confirm=True)
    _check_new_passphrase(passphrase)
    print("Creating the journal (this takes a second: the key is made slow to guess)…",
          file=sys.stderr)
    journal, code = Journal.create(path, passphrase)
    journal.close()
    print(f"Created {path}", file=sys.stderr)
    print("Your recovery code opens the journal if you forget the passphrase.", file=sys.stderr)
    print("Write it down and keep it somewhere safe. It is shown only this once:", file=sys.stderr)
    print(code)
    return EXIT_OK


def _summarise_warnings(warnings: list[str]) -> list[str]:
    """'line 1: ignored unknown key 'gold'' x 40 becomes one line naming how many lines."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for w in warnings:
        m = re.match(r"line (\d+): (.*)", w)
        grouped[m.group(2) if m else w].append(m.group(1) if m else "")
    out = []
    for message, lines in grouped.items():
        where = f"line {lines[0]}" if len(lines) == 1 else f"{len(lines)} lines ({lines[0]}–{lines[-1]})"
        out.append(f"{message} on {where}")
    return out


MAX_PROBLEMS_SHOWN = 20


def cmd_import(args: argparse.Namespace) -> int:
    from reflect.core.errors import ImportProblem
    from reflect.core.interchange import import_file

    source = Path(args.file)
    try:
        stream = sys.stdin.buffer if args.file == "-" else source.open("rb")
    except OSError as exc:
        raise UsageError(f"Cannot read {source}: {exc.strerror}.") from None
    with stream, open_journal(args) as journal:
        try:
            report = import_file(journal, stream)
        except ImportProblem as problem:
            # One line per bad line of the file, each with its number, then what happened.
            for line in problem.problems[:MAX_PROBLEMS_SHOWN]:
                print(f"reflect import: {line}", file=sys.stderr)
            hidden = len(problem.problems) - MAX_PROBLEMS_SHOWN
            if hidden > 0:
                print(f"reflect import: … and {hidden} more lines like these", file=sys.stderr)
            print("reflect import: Nothing was imported.", file=sys.stderr)
            return EXIT_ERROR
        from reflect.core.themes import keep_themes_of

        # A large import's themes are found (and kept) now, once, so the dashboard and
        # `reflect themes` do not have to.
        keep_themes_of(journal, report.entry_ids)
    for warning in _summarise_warnings(report.warnings):
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"Imported {report.entries} entr{'y' if report.entries == 1 else 'ies'} "
        f"({report.clients_created} new clients, {report.people_created} other new people)"
        + "".join(f", {n} {what}" for n, what in (
            (report.brief_exports,
             "exported brief" + ("" if report.brief_exports == 1 else "s")),
            (report.meetings, "supervision meeting" + ("" if report.meetings == 1 else "s")),
            (report.self_checks, "self-check" + ("" if report.self_checks == 1 else "s")))
            if n)
        + (", the practice profile" if report.profile else "") + ".",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from reflect.core.interchange import export_lines
    from reflect.core.private_file import write_private_lines

    with open_journal(args, readonly=True) as journal:
        if args.out:
            write_private_lines(Path(args.out), export_lines(journal))
            print(f"Exported {journal.entry_count()} entries to {args.out}", file=sys.stderr)
        else:
            for line in export_lines(journal):
                sys.stdout.write(line + "\n")
    return EXIT_OK


def cmd_passwd(args: argparse.Namespace) -> int:
    from reflect.core.journal import Journal

    path = journal_path(args)
    if not path.exists():
        raise UsageError(f"There is no journal at {path}.")
    if args.recovery_code_file or args.recovery:
        code = read_secret(args, prompt="Recovery code: ", env="REFLECT_RECOVERY_CODE",
                           file=args.recovery_code_file)
        journal = Journal.open(path, recovery_code=code)
    else:
        journal = Journal.open(path, read_secret(args))
    with journal:
        new = read_secret(args, prompt="New passphrase: ", env="REFLECT_NEW_PASSPHRASE",
                          file=args.new_passphrase_file, stdin_line=1, confirm=True)
        _check_new_passphrase(new)
        print("Re-encrypting the journal under a new key (a moment; if this is interrupted, "
              "the old passphrase still opens it)…", file=sys.stderr)
        code = journal.rotate_key(new)
    print("Passphrase changed, and every record re-encrypted under a new key. The old "
          "passphrase no longer opens this journal, nor anything written to it from now on.",
          file=sys.stderr)
    print("Copies made before now (backups, journal-before-upgrade files) still open with the "
          "old passphrase and show what was in them then; delete them if that passphrase "
          "may be known.", file=sys.stderr)
    if code is None:
        print("Your recovery code is unchanged.", file=sys.stderr)
    else:
        print("Your old recovery code no longer opens this journal. Here is the new one; write "
              "it down and keep it somewhere safe. It is shown only this once:", file=sys.stderr)
        print(code)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with open_journal(args, readonly=True) as journal:
        dest = journal.backup(Path(args.dir).expanduser())
    print(dest)
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    with open_journal(args, readonly=True) as journal:
        report = journal.verify()
    if report.ok:
        print(f"All {report.records} records read correctly.", file=sys.stderr)
        return EXIT_OK
    print(f"{len(report.damaged)} of {report.records} records are damaged:", file=sys.stderr)
    for record in report.damaged:
        print(f"  {record}", file=sys.stderr)
    print("Every other record reads. Restore the damaged ones from a backup.", file=sys.stderr)
    return EXIT_ERROR


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a journal and show its recovery code once")
    add_journal_options(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("import", help="import entries from a JSON Lines file (all or nothing)")
    p.add_argument("file", metavar="FILE.jsonl", help="the file, or - for standard input")
    add_journal_options(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="write the whole journal out as JSON Lines")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    add_journal_options(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("passwd", help="change the passphrase and re-encrypt everything under a new key "
                       "(prints a new recovery code unless unlocked with --recovery)")
    add_journal_options(p)
    p.add_argument("--new-passphrase-file", type=Path, metavar="FILE",
                   help="read the new passphrase from FILE (else $REFLECT_NEW_PASSPHRASE, "
                   "the second line of standard input with --passphrase-stdin, or a prompt)")
    p.add_argument("--recovery", action="store_true",
                   help="unlock with the recovery code ($REFLECT_RECOVERY_CODE or a prompt)")
    p.add_argument("--recovery-code-file", type=Path, metavar="FILE")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("backup", help="write an encrypted copy of the journal into DIR")
    p.add_argument("dir", metavar="DIR")
    add_journal_options(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("verify", help="check that every record decrypts")
    add_journal_options(p)
    p.set_defaults(func=cmd_verify)
