"""What every command shares: where the journal is, and where its passphrase comes from."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from reflect.core.paths import default_journal_path

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """The command line was incomplete: exit 2 with this message."""


def add_journal_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--journal", type=Path, default=None, metavar="PATH",
        help="the journal file (default: $REFLECT_JOURNAL or the user's journal)",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--passphrase-file", type=Path, metavar="FILE",
                        help="read the passphrase from the first line of FILE")
    source.add_argument("--passphrase-stdin", action="store_true",
                        help="read the passphrase from the first line of standard input")


def journal_path(args: argparse.Namespace) -> Path:
    chosen = args.journal or getattr(args, "gui_journal", None)
    return Path(chosen).expanduser() if chosen else default_journal_path()


_stdin_lines: list[str] | None = None


def _stdin_line(n: int) -> str:
    """Line n (0-based) of standard input, read once; passwd takes the old then the new."""
    global _stdin_lines
    if _stdin_lines is None:
        _stdin_lines = sys.stdin.read().splitlines()
    if n >= len(_stdin_lines):
        raise UsageError("Standard input ended before the passphrase.")
    return _stdin_lines[n]


def _read_file_line(path: Path) -> str:
    try:
        text = path.expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"Cannot read {path}: {exc.strerror}.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UsageError(f"{path} is empty.")
    return lines[0]


def read_secret(
    args: argparse.Namespace,
    *,
    prompt: str = "Passphrase: ",
    env: str = "REFLECT_PASSPHRASE",
    file: Path | None = None,
    stdin_line: int = 0,
    confirm: bool = False,
) -> str:
    """From a file, standard input, the environment, or else a prompt without echo."""
    file = file if file is not None else getattr(args, "passphrase_file", None)
    if file is not None:
        return _read_file_line(file)
    if getattr(args, "passphrase_stdin", False):
        return _stdin_line(stdin_line)
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(
            "No passphrase given. Use --passphrase-file FILE, --passphrase-stdin, "
            f"or the {env} environment variable."
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again, to confirm: ") != first:
        raise UsageError("The two passphrases were different; nothing was changed.")
    return first


def print_json(value: object) -> None:
    """``value`` as JSON on standard output: indented for a person at a terminal, one compact
    line for a program (the encoder written in C only does compact: a 10,000-entry
    ``reflect themes --json`` is written in a fraction of a second instead of seconds)."""
    if sys.stdout.isatty():
        text = json.dumps(value, ensure_ascii=False, indent=1)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write(text + "\n")
