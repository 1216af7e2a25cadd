"""The repository itself: no half-finished merge is ever committed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKER = re.compile(r"^(<{7}|={7}|>{7})( |$)", re.MULTILINE)
TEXT = {".py", ".md", ".toml", ".txt", ".cfg", ".xml", ".desktop", ".spec", ".sh", ".svg", ""}


def _tracked_text_files() -> list[Path]:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout.decode()
        names = [n for n in out.split("\0") if n]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout (an sdist)
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    return [ROOT / n for n in names if Path(n).suffix in TEXT and not n.startswith("data/")]


def test_no_merge_conflict_markers_in_tracked_files():
    found = []
    for path in _tracked_text_files():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for m in MARKER.finditer(text):
            found.append(f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}")
    assert not found, "merge conflict markers left in: " + ", ".join(found)
