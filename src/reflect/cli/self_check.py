"""``reflect --check``: a self-test of this installation, from source or the built app alike.

It makes a throwaway journal in a temporary folder, writes an entry, reads it back, finds its
themes (here and in a worker process), renders a one-page de-identified PDF brief, checks that
every module and resource loads and that Qt has what the app needs, then deletes the folder.
Each step is reported on its own line; the exit code is 1 if any failed. The practitioner's own
journal is never opened.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import re
import secrets
import shutil
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata, resources
from pathlib import Path
from xml.etree import ElementTree

import reflect

# The throwaway entry: invented people, and words the theme lexicon is sure of.
CLIENT = "Maren Holloway"
NARRATIVE = (
    "Maren asked if we could be friends outside our sessions and I said no; I held the "
    "boundary kindly. She reminds me of my sister and I wanted to shake her. Talked it over "
    "with Ilse Brandvold afterwards."
)
EXPECTED_THEMES = {"boundaries", "countertransference"}
DISTRIBUTION = "reflect-journal"
MARKER = "Holloway"  # must never be found in the journal's folder as plain text


@dataclass
class Context:
    folder: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    journal: object | None = None  # reflect.core.journal.Journal, imported by its step
    client: object | None = None
    entry_id: str | None = None

    @property
    def path(self) -> Path:
        return self.folder / "check.reflect"


@dataclass
class Step:
    name: str
    run: Callable[[Context], str]
    needs: str | None = None  # the step whose success this one needs


class CheckFailed(Exception):
    """A check found something wrong (its message says what)."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


# --- the steps ------------------------------------------------------------------------------


def _runtime_requirements() -> set[str] | None:
    """The normalised names of the packages the app itself depends on (no extras), or None
    when this installation carries no metadata to say."""
    try:
        requires = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return None
    return {_normalise(re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0]) for r in requires
            if "extra ==" not in r}


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def check_modules(ctx: Context) -> str:
    names = [m.name for m in pkgutil.walk_packages(reflect.__path__, "reflect.")]
    names = [n for n in names if n != "reflect.__main__"]  # it runs the program
    _expect(len(names) > 20, f"only {len(names)} modules of the app were found")
    runtime = _runtime_requirements()
    tools: list[str] = []  # modules for development (training, lexicon building): not the app's
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if runtime is None:
                raise
            missing = _normalise((exc.name or "").split(".")[0])
            needed = missing in runtime or any(r.startswith(f"{missing}_") for r in runtime)
            if not missing or needed or missing == "reflect":  # PySide6: pyside6_essentials
                raise
            tools.append(f"{name} (needs {exc.name})")
    done = f"{len(names) - len(tools)} modules of the app import"
    if tools:
        done += "; left out, for development only: " + ", ".join(tools)
    return done


def _resource_files():
    root = resources.files("reflect").joinpath("resources")
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        for item in folder.iterdir():
            if item.is_dir():
                stack.append((item, f"{prefix}{item.name}/"))
            elif not item.name.startswith("."):
                yield f"{prefix}{item.name}", item


def _read_resource(name: str, item) -> None:
    data = item.read_bytes()
    _expect(bool(data), f"{name} is empty")
    suffix = name.rsplit(".", 1)[-1]
    if suffix == "toml":
        tomllib.loads(data.decode("utf-8"))
    elif suffix in ("xml", "svg"):
        ElementTree.fromstring(data)
    elif suffix == "desktop":
        text = data.decode("utf-8")
        _expect(text.startswith("[Desktop Entry]") and "\nExec=" in text,
                f"{name} is not a desktop entry")
    elif suffix in ("txt", "md", "json", "csv"):
        data.decode("utf-8")


def check_resources(ctx: Context) -> str:
    files = list(_resource_files())
    for name, item in files:
        try:
            _read_resource(name, item)
        except CheckFailed:
            raise
        except Exception as exc:
            raise CheckFailed(f"{name} does not load: {type(exc).__name__}: {exc}") from exc
    from reflect.core import entry_templates
    from reflect.core.brief import list_templates as brief_templates
    from reflect.core.deid import lexicon
    from reflect.core.themes import ThemeEngine

    detector = ThemeEngine().prepare()
    briefs, entries = brief_templates(), entry_templates.list_templates()
    _expect(bool(briefs) and bool(entries), "a brief or entry template is missing")
    lists = ("common_words", "rare_words", "proper_words", "first_names", "surnames", "places",
             "regions", "frequent_words")
    words = 0
    for name in lists:
        found = getattr(lexicon, name)()
        _expect(len(found) > 50, f"the de-identification list {name} is too short")
        words += len(found)
    return (f"{len(files)} files; {len(detector.themes)} themes, {len(briefs)} brief and "
            f"{len(entries)} entry templates, {len(lists)} word lists ({words:,} words)")


def check_qt(ctx: Context) -> str:
    note = ""
    if not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        note = " (no display here)"
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCharts import QChart
    from PySide6.QtGui import QGuiApplication, QImageReader

    from reflect.app import create_application

    app = QGuiApplication.instance()
    if app is None or app.metaObject().className() == "QApplication":
        app = create_application(["reflect"])
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    _expect({"svg", "png"} <= formats, f"Qt cannot read {sorted({'svg', 'png'} - formats)} images")
    icon = app.windowIcon()
    for size in (16, 48, 256):
        _expect(not icon.pixmap(size, size).isNull(), f"the app icon does not draw at {size} px")
    QChart()  # the themes window's chart
    return (f"Qt {pyside_version}, platform {QGuiApplication.platformName()}{note}; "
            "icon, SVG and PNG images, charts")


def check_create(ctx: Context) -> str:
    from reflect.core.journal import Journal

    ctx.journal, code = Journal.create(ctx.path, ctx.passphrase)
    _expect(bool(code), "no recovery code was made")
    params = ctx.journal.kdf_params()
    return (f"encrypted journal in {ctx.folder} (Argon2id, {params.memory_kib // 1024} MiB, "
            f"{params.iterations} passes)")


def check_write(ctx: Context) -> str:
    from reflect.core.model import Entry, Person

    journal = ctx.journal
    ctx.client = journal.save_person(Person(name=CLIENT, aka=["Maren"]))
    entry = journal.save_entry(Entry(date=datetime(2026, 1, 5, 10, 0), narrative=NARRATIVE,
                                     client_id=ctx.client.id, planned_minutes=50,
                                     actual_minutes=60, stress_before=3, stress_after=5))
    ctx.entry_id = entry.id
    journal.close()
    return "a client and an entry written, journal locked"


def check_read(ctx: Context) -> str:
    from reflect.core.errors import WrongPassphrase
    from reflect.core.journal import Journal

    try:
        Journal.open(ctx.path, ctx.passphrase + "x").close()
    except WrongPassphrase:
        pass
    else:
        raise CheckFailed("a wrong passphrase opened the journal")
    ctx.journal = Journal.open(ctx.path, ctx.passphrase)
    entry = ctx.journal.entry(ctx.entry_id)
    _expect(entry.narrative == NARRATIVE, "the entry read back is not the one written")
    _expect(ctx.journal.person(entry.client_id).name == CLIENT, "the client read back differs")
    for file in ctx.folder.iterdir():
        _expect(MARKER.encode() not in file.read_bytes(),
                f"{file.name} holds plain text from the journal")
    return "read back exactly; a wrong passphrase refused; no plain text in the folder"


def check_themes(ctx: Context) -> str:
    from reflect.core.themes import analyse_journal, engine_for

    analysed = analyse_journal(ctx.journal)
    found = set(analysed.entries[0].ids())
    _expect(found >= EXPECTED_THEMES,
            f"expected themes {sorted(EXPECTED_THEMES)}, found {sorted(found)}")
    engine = engine_for(ctx.journal)
    fields = ctx.journal.entry(ctx.entry_id).texts()
    here = {h.theme for h in engine.detect(fields)}
    there = {h.theme for h in engine.detect_in_a_worker(fields)}
    _expect(here == there, f"a worker process found {sorted(there)}, this one {sorted(here)}")
    return f"{', '.join(sorted(found))} found; the same in a worker process"


def check_brief(ctx: Context) -> str:
    from reflect.core.brief import build_brief, write_brief
    from reflect.core.brief.export import to_markdown
    from reflect.core.brief.pdf import plain_text

    draft = build_brief(ctx.journal, ctx.client, last=1, question="Where is the line for me?")
    text = plain_text(to_markdown(draft))
    for name in (*CLIENT.split(), "Ilse", "Brandvold"):
        _expect(name not in text, "a name was left in the brief")
    pdf = write_brief(draft, "pdf", ctx.folder / "brief.pdf")
    data = pdf.read_bytes()
    _expect(data.startswith(b"%PDF-"), "the brief is not a PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    _expect(pages == 1, f"the brief has {pages} pages, not 1")
    return f"one-page PDF ({len(data) // 1024} KiB), names replaced"


def check_cleanup(ctx: Context) -> str:
    if ctx.journal is not None and ctx.journal.is_open:
        ctx.journal.close()
    shutil.rmtree(ctx.folder)
    _expect(not ctx.folder.exists(), f"{ctx.folder} is still there")
    return "the throwaway journal and its folder are deleted"


STEPS = [
    Step("modules", check_modules),
    Step("resources", check_resources),
    Step("qt", check_qt),
    Step("create", check_create),
    Step("write", check_write, needs="create"),
    Step("read back", check_read, needs="write"),
    Step("themes", check_themes, needs="read back"),
    Step("brief", check_brief, needs="read back"),
]


# --- running them ---------------------------------------------------------------------------


def _where() -> str:
    if getattr(sys, "frozen", False):
        return f"built app in {Path(sys.executable).resolve().parent}"
    return f"run by Python {sys.version.split()[0]} ({sys.executable})"


def run(out=None) -> int:
    out = out or sys.stdout

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    say(f"Reflect {reflect.__version__} self-check, {_where()}")
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="reflect-check-"))
    ctx = Context(folder)
    passed: set[str] = set()
    failures = 0
    try:
        for step in (*STEPS, Step("clean up", check_cleanup)):
            t = time.perf_counter()
            if step.needs and step.needs not in passed:
                say(f"  skip  {step.name:<10} not run: '{step.needs}' failed")
                failures += 1
                continue
            try:
                detail = step.run(ctx)
            except CheckFailed as exc:
                ok, detail = False, str(exc)
            except Exception as exc:  # what broke, for a bug report; the journal is throwaway
                ok, detail = False, f"{type(exc).__name__}: {exc}"
            else:
                ok = True
                passed.add(step.name)
            failures += not ok
            say(f"  {'ok' if ok else 'FAIL':<5} {step.name:<10} {detail} "
                f"({time.perf_counter() - t:.2f} s)")
    finally:
        if folder.exists():  # a step failed before the clean-up could run
            if ctx.journal is not None and getattr(ctx.journal, "is_open", False):
                ctx.journal.close()
            shutil.rmtree(folder, ignore_errors=True)
    seconds = time.perf_counter() - started
    total = len(STEPS) + 1
    if failures:
        say(f"Self-check FAILED: {failures} of {total} steps did not pass ({seconds:.1f} s).")
        return 1
    say(f"Self-check passed: all {total} steps in {seconds:.1f} s.")
    return 0
