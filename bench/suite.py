"""Every benchmark of the project, on generated 1k and 10k-entry journals, in one table.

    bench/run                      # the table, then each benchmark script's own targets
    bench/run --table-only         # just the table
    bench/run --sizes 1000 --runs 3

Each number is the median of several runs with the spread (lowest-highest) beside it. The
journals are made by ``synth.py`` with the real Argon2id KDF (calibrated once, as a new journal
is), and the measuring is done by the benchmark modules' own functions: ``bench_journal`` (the
real ``reflect`` commands, their KDF timed from inside), ``bench_gui`` (the app, offscreen).
jrnl is installed into a temporary virtual environment and given the same entries, encrypted
(``jrnl_side.py``), and timed in the same run. Writes the table to stdout and to
``bench/out/results-YYYY-MM-DD.md``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_gui  # noqa: E402
import bench_journal  # noqa: E402
import peak  # noqa: E402
from jrnl_side import Jrnl  # noqa: E402
from reflect.core.interchange import import_lines  # noqa: E402
from reflect.core.journal import Journal  # noqa: E402
from reflect.store import crypto  # noqa: E402
from synth import generate  # noqa: E402

PASS = bench_journal.PASS
SCRIPTS = ["bench_journal.py", "bench_gui.py", "bench_brief.py", "themes_eval.py",
           "redact_eval.py"]
APP_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import bench_gui
bench_gui.PASSPHRASE = sys.argv[3]  # the journals here are bench_journal's
print("RESULT=" + json.dumps(bench_gui.bench_in_process(__import__("pathlib").Path(sys.argv[2]))))
"""


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def unlock_without_kdf(path: Path) -> float:
    """Seconds to open and close the journal, less the key derivation timed inside it."""
    derive = crypto.KdfParams.derive
    spent = [0.0]

    def timed_derive(self, secret):
        t = time.perf_counter()
        try:
            return derive(self, secret)
        finally:
            spent[0] += time.perf_counter() - t

    crypto.KdfParams.derive = timed_derive
    try:
        return timed(lambda: Journal.open(path, PASS).close()) - spent[0]
    finally:
        crypto.KdfParams.derive = derive


@dataclasses.dataclass
class Row:
    label: str
    unit: str
    samples: dict[int, list[float]] = dataclasses.field(default_factory=dict)
    scale: float = 1.0  # seconds -> unit

    def cell(self, n: int) -> str:
        values = [v * self.scale for v in self.samples.get(n, [])]
        if not values:
            return "–"
        med = statistics.median(values)
        digits = 0 if med >= 100 else 1 if med >= 10 else 2 if med >= 1 else 3
        text = f"{med:.{digits}f} {self.unit}"
        if len(values) > 1:
            text += f" ({min(values):.{digits}f}–{max(values):.{digits}f})"
        return text

    def median(self, n: int) -> float:
        return statistics.median(self.samples[n]) * self.scale


class Table:
    def __init__(self) -> None:
        self.rows: dict[str, Row] = {}

    def add(self, key: str, label: str, unit: str, n: int, values, scale: float = 1.0) -> None:
        row = self.rows.setdefault(key, Row(label, unit, scale=scale))
        row.samples.setdefault(n, []).extend(values)

    def __getitem__(self, key: str) -> Row:
        return self.rows[key]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from PySide6 import __version__ as qt

    return (f"{cpu}, {cores} cores, {mem:.0f} GiB, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, PySide6 {qt}; load average at start "
            f"{os.getloadavg()[0]:.1f}")


def measure(n: int, folder: Path, params: crypto.KdfParams, runs: int, heavy: int,
            table: Table, jrnl: Jrnl | None) -> None:
    say = lambda text: print(f"  [{n:,}] {text}", file=sys.stderr, flush=True)  # noqa: E731
    lines = generate(n)
    path = folder / f"bench-{n}.reflect"

    say("import")
    for i in range(heavy):
        target = path if i == heavy - 1 else folder / f"import-{i}.reflect"
        journal, _ = Journal.create(target, PASS, kdf=dataclasses.replace(
            params, salt=os.urandom(16)))
        table.add("import", "import the whole journal (JSON Lines, in-process)", "s", n,
                  [timed(lambda j=journal: import_lines(j, lines))])
        journal.close()
        if target != path:
            target.unlink()
    cold = folder / f"cold-{n}.reflect"
    shutil.copyfile(path, cold)  # no theme results kept yet

    say("unlock")
    kdf = [timed(lambda: params.derive(PASS)) for _ in range(runs)]
    table.add("kdf", "key derivation, Argon2id (the deliberate cost of unlocking)", "s", n, kdf)
    table.add("unlock", "unlock, KDF apart (open, check, read the header)", "s", n,
              [unlock_without_kdf(path) for _ in range(runs)])

    say("search and add (the real reflect command)")
    searches = [bench_journal.run_cli(["search", "boundaries", "--journal", str(path)])
                for _ in range(runs)]
    table.add("search", "`reflect search` (whole command, KDF apart)", "s", n,
              [w - k for w, k, _ in searches])
    table.add("search_wall", "`reflect search` (whole command, KDF included)", "s", n,
              [w for w, _, _ in searches])
    one = folder / "one.jsonl"
    one.write_text(generate(1, seed=n)[0] + "\n")
    adds = [bench_journal.run_cli(["import", str(one), "--journal", str(path)])
            for _ in range(runs)]
    table.add("add", "add one entry, `reflect import` (KDF apart)", "s", n,
              [w - k for w, k, _ in adds])
    table.add("add_wall", "add one entry, `reflect import` (KDF included)", "s", n,
              [w for w, _, _ in adds])
    table.add("mem_search", "peak memory, `reflect search`", "MiB", n, [m for _, _, m in searches])

    say("themes, brief, redact")
    from reflect.core.brief import build_brief, write_brief
    from reflect.core.deid import deidentify
    from reflect.core.themes import analyse_journal

    cold_s, warm_s = [], []
    for i in range(heavy):
        copy = folder / f"themes-{i}.reflect"
        shutil.copyfile(cold, copy)
        with Journal.open(copy, PASS) as journal:
            cold_s.append(timed(lambda j=journal: analyse_journal(j)))
            warm_s.append(timed(lambda j=journal: analyse_journal(j)))
        copy.unlink()
    table.add("themes_cold", "theme analysis, whole journal, first time (every core)", "s", n,
              cold_s)
    table.add("themes_warm", "theme analysis, whole journal, results kept", "s", n, warm_s)
    with Journal.open(path, PASS) as journal:
        client = max(journal.clients(),
                     key=lambda c: len(journal.summaries(client_id=c.id)))
        brief_s = []
        for i in range(runs):
            def brief(i=i, journal=journal):
                draft = build_brief(journal, client, last=50, question="What else could I try?")
                write_brief(draft, "pdf", folder / f"brief-{i}.pdf")
            brief_s.append(timed(brief))
        table.add("brief", "brief of a client's last 50 sessions → PDF", "s", n, brief_s)
        people = journal.people()
        words = " ".join(s.narrative for s in journal.entries(client_id=client.id)).split()
        sample = " ".join((words * (2000 // max(1, len(words)) + 1))[:2000])
        deidentify("warm up Dee at Tallis Freight", people)  # word lists loaded once
        table.add("redact", f"redact 2,000 words ({len(people)} known people)", "ms", n,
                  [timed(lambda: deidentify(sample, people)) for _ in range(runs)], 1000)

    say("the app (offscreen)")
    table.add("app_start", "app start: process start → unlock window shown", "s", n,
              [bench_gui.bench_startup(path, 1) for _ in range(runs)])
    for _ in range(heavy):
        _, peak_mib, proc = peak.run(
            [sys.executable, "-c", APP_PROBE, str(HERE), str(path), PASS],
            stdout=subprocess.PIPE, timeout=600,
            env={**os.environ, "REFLECT_CONFIG_DIR": str(folder / "config")})
        result = [x for x in proc.stdout.splitlines() if x.startswith("RESULT=")]
        if not result:
            raise SystemExit(f"the app benchmark failed:\n{proc.stderr}")
        populated, median_key, worst_key, _ = json.loads(result[0][7:])
        table.add("app_list", "app: unlocked → entry list filled (KDF apart)", "s", n, [populated])
        table.add("filter", "app: filter the list, per keystroke (median)", "ms", n,
                  [median_key], 1000)
        table.add("filter_worst", "app: filter the list, slowest keystroke", "ms", n,
                  [worst_key], 1000)
        table.add("mem_app", "peak memory, the app with the journal open", "MiB", n,
                  [peak_mib])

    if jrnl is not None:
        say("jrnl")
        config = jrnl.load(lines, f"jrnl-{n}")
        s = [jrnl.search(config, "boundaries") for _ in range(runs)]
        table.add("jrnl_search", "jrnl: search (`jrnl -contains`, PBKDF2 included)", "s", n,
                  [w for w, _ in s])
        a = [jrnl.add(config, "A short note after the session.") for _ in range(runs)]
        table.add("jrnl_add", "jrnl: add one entry (PBKDF2 included)", "s", n, [w for w, _ in a])
        table.add("mem_jrnl", "peak memory, jrnl search", "MiB", n, [m for _, m in s])


def ratios(table: Table, sizes: list[int]) -> list[tuple[str, list[str]]]:
    out = []
    if "jrnl_search" not in table.rows:
        return out
    for key, jkey, what in (("search_wall", "jrnl_search", "search, Reflect ÷ jrnl (what you wait)"),
                            ("search", "jrnl_search", "search, Reflect without its KDF ÷ jrnl"),
                            ("add_wall", "jrnl_add", "add one entry, Reflect ÷ jrnl (what you wait)"),
                            ("add", "jrnl_add", "add one entry, Reflect without its KDF ÷ jrnl")):
        out.append((what, [f"× {table[key].median(n) / table[jkey].median(n):.2f}"
                           for n in sizes]))
    return out


ORDER = ["import", "kdf", "unlock", "search", "search_wall", "add", "add_wall", "themes_cold",
         "themes_warm", "brief", "redact", "app_start", "app_list", "filter", "filter_worst",
         "mem_search", "mem_app", "jrnl_search", "jrnl_add", "mem_jrnl"]


def render(table: Table, sizes: list[int], header: str) -> str:
    cols = " | ".join(f"{n:,} entries" for n in sizes)
    lines = [header, "", f"| measure | {cols} |", "|---" + "|---" * len(sizes) + "|"]
    for key in ORDER:
        if key in table.rows:
            row = table[key]
            lines.append(f"| {row.label} | " + " | ".join(row.cell(n) for n in sizes) + " |")
    for what, cells in ratios(table, sizes):
        lines.append(f"| **{what}** | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_scripts() -> list[str]:
    """Each benchmark script as it is, whole; the lines that state a target or a score."""
    out = []
    keys = ("PASS", "FAIL", "[met]", "[MISSED]", "target", "micro", "(pooled)", "kept:")
    for script in SCRIPTS:
        print(f"  running {script}", file=sys.stderr, flush=True)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, str(HERE / script)], capture_output=True,
                              text=True, timeout=3600)
        out.append(f"{script} (exit {proc.returncode}, {time.perf_counter() - t:.0f} s)")
        shown = [line.rstrip() for line in proc.stdout.splitlines()
                 if any(k in line for k in keys) and "reference: jrnl" not in line]
        out += [f"    {line.strip()}" for line in shown]
        if proc.returncode and not shown:
            out += [f"    {line}" for line in (proc.stderr.strip().splitlines() or ["?"])[-5:]]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000])
    ap.add_argument("--runs", type=int, default=5, help="runs of each quick measure")
    ap.add_argument("--heavy-runs", type=int, default=3, help="runs of each slow measure")
    ap.add_argument("--table-only", action="store_true", help="skip the benchmark scripts")
    ap.add_argument("--no-jrnl", action="store_true", help="leave jrnl out (it needs PyPI)")
    args = ap.parse_args()

    started = datetime.now(UTC)
    header = (f"Measured {started:%Y-%m-%d %H:%M} UTC on {machine()}. "
              f"Median of {args.runs} runs ({args.heavy_runs} for import, themes and the app's "
              "list) with the lowest–highest in brackets.")
    table = Table()
    with tempfile.TemporaryDirectory(prefix="reflect-bench-") as tmp:
        folder = Path(tmp)
        jrnl = None
        if not args.no_jrnl:
            print("installing jrnl into a temporary virtual environment", file=sys.stderr)
            jrnl = Jrnl(folder)
            header += f" jrnl {jrnl.install()} in the same run."
        params = crypto.calibrate()
        print(f"KDF calibrated: Argon2id {params.memory_kib // 1024} MiB, {params.iterations} "
              "passes", file=sys.stderr)
        for n in args.sizes:
            measure(n, folder, params, args.runs, args.heavy_runs, table, jrnl)
    text = render(table, args.sizes, header)
    if not args.table_only:
        text += "\n\nThe benchmark scripts, each run whole (their targets):\n\n```\n"
        text += "\n".join(run_scripts()) + "\n```"
    took = (datetime.now(UTC) - started).total_seconds()
    text += f"\n\n(bench/run took {took / 60:.1f} min.)\n"
    print(text)
    out = HERE / "out" / f"results-{started:%Y-%m-%d}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text)
    print(f"written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
