"""Build the English plural forms Qt needs for ``tr("%n entries", "", n)`` to read "1 entry".

Qt picks a plural form only from a translation; with none, "%n entries" stays "1 entries". This
collects every numerus string from the sources (pyside6-lupdate), gives each its English forms —
the singular from ``src/reflect/resources/i18n/english_plurals.toml``, the plural as written —
and compiles them (pyside6-lrelease) into ``resources/translations/reflect_plurals_en.qm``,
which the app installs before any locale's translations.

Run after adding or changing a "%n" string:  .venv/bin/python tools/english_plurals.py
(``--check`` only says whether the committed files are current; a test runs it.)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "reflect"
TABLE = PACKAGE / "resources" / "i18n" / "english_plurals.toml"
OUT = PACKAGE / "resources" / "translations" / "reflect_plurals_en"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    return found


def build_ts() -> str:
    singulars = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    sources = sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "all.ts"
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(raw), "-no-obsolete",
                        "-locations", "none", "-target-language", "en", "-silent"],
                       cwd=ROOT, check=True, capture_output=True)
        tree = ET.parse(raw)
    root = tree.getroot()
    missing = []
    for context in list(root.findall("context")):
        for message in list(context.findall("message")):
            source = message.findtext("source") or ""
            # lupdate before 6.12 leaves QCoreApplication.translate(ctx, text, None, n) unmarked:
            # a "%n" in the text says it is a plural just as well, whichever lupdate runs
            if message.get("numerus") != "yes" and "%n" not in source:
                context.remove(message)
                continue
            message.set("numerus", "yes")
            if source not in singulars:
                missing.append(source)
                continue
            translation = message.find("translation")
            translation.attrib.pop("type", None)
            for form in list(translation):
                translation.remove(form)
            for text in (singulars[source], source):
                ET.SubElement(translation, "numerusform").text = text
        if not context.findall("message"):
            root.remove(context)
    if missing:
        raise SystemExit(f"no English singular in {TABLE.name} for: {missing}")
    ET.indent(tree)
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="unicode") + "\n"


def main(argv: list[str]) -> int:
    ts = build_ts()
    ts_path = OUT.with_suffix(".ts")
    if "--check" in argv:
        current = ts_path.exists() and ts_path.read_text(encoding="utf-8") == ts
        print("current" if current else f"out of date: run {Path(__file__).name}")
        return 0 if current and OUT.with_suffix(".qm").exists() else 1
    ts_path.parent.mkdir(parents=True, exist_ok=True)
    ts_path.write_text(ts, encoding="utf-8")
    subprocess.run([_tool("pyside6-lrelease"), str(ts_path), "-qm", str(OUT.with_suffix(".qm")),
                    "-silent"], check=True)
    print(f"wrote {ts_path.relative_to(ROOT)} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
