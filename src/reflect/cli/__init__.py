"""``reflect``: the headless command line. With no command it opens the desktop app.

Exit codes: 0 ok, 1 error (a clear one-line message on stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys

from reflect import __version__
from reflect.cli.options import EXIT_ERROR, EXIT_USAGE, UsageError

# One module per command (or group of commands), each with register(subparsers).
COMMAND_MODULES = (
    "reflect.cli.journal_cmds",
    "reflect.cli.search_cmd",
    "reflect.cli.themes_cmd",
    "reflect.cli.brief_cmd",
    "reflect.cli.redact_cmd",
    "reflect.cli.supervision_cmds",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflect",
        description="Reflect: an encrypted journal for reflective practice. "
        "Run with no command to open the app.",
        epilog="Passphrase: --passphrase-file FILE, --passphrase-stdin, $REFLECT_PASSPHRASE, "
        "or a prompt. Exit codes: 0 ok, 1 error, 2 usage.",
    )
    parser.add_argument("--version", action="version", version=f"reflect {__version__}")
    parser.add_argument("--check", action="store_true",
                        help="test this installation: a throwaway journal is written, read "
                        "back, analysed and briefed, then deleted (your journal is not opened)")
    parser.add_argument("--journal", dest="gui_journal", metavar="PATH", default=None,
                        help="with no command: open this journal in the app")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue  # a command still being built
        module.register(sub)
    return parser


def open_gui(journal: str | None) -> int:
    try:
        from reflect.app import main as app_main
    except ModuleNotFoundError as exc:
        if exc.name not in ("reflect.app", "PySide6"):
            raise
        print(
            "The desktop app is not available here. Use the command line: reflect --help",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return app_main(journal)


class Stopped(BaseException):
    """SIGTERM or SIGHUP (log-out, shutdown, a closed terminal): unwinds like Ctrl+C, so every
    transaction rolls back and every half-written file (``.partial``) is removed."""


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def _stop_on_signals() -> None:
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)


def _destination_state(args) -> tuple[int, int] | None:
    """The file ``--out`` names as it is before the command (inode and change time), if any."""
    out = getattr(args, "out", None)
    if not isinstance(out, str | os.PathLike) or not out:
        return None
    try:
        st = os.stat(os.path.expanduser(out))
    except OSError:
        return None
    return st.st_ino, st.st_ctime_ns


def _written_since(args, before: tuple[int, int] | None) -> str | None:
    """``--out`` if an interrupted command had already put a new file there: files are written
    beside it and renamed over it whole, so a new file at that name is a complete one."""
    now = _destination_state(args)
    return str(args.out) if now is not None and now != before else None


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.check:
        if args.command:
            parser.error("--check takes no command")
        from reflect.cli.self_check import run

        return run()
    if not args.command:
        return open_gui(args.gui_journal)
    from reflect.core.errors import StoreError

    _stop_on_signals()
    before = _destination_state(args)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"reflect {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"reflect {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (KeyboardInterrupt, Stopped):
        written = _written_since(args, before)
        print(f"reflect {args.command}: interrupted; "
              + (f"{written} was already written in full, and nothing else was changed."
                 if written else "nothing was changed."), file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR
    except Exception as exc:  # a bug: say where, never what it carried (it may be journal text)
        from reflect.core.diagnostics import describe

        print(f"reflect {args.command}: an unexpected error; nothing was changed.\n"
              + describe(type(exc), exc.__traceback__), file=sys.stderr)
        return EXIT_ERROR
