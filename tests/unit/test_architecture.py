"""The three floors, proven by import-linter (the contracts are in pyproject.toml)."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_no_sql_outside_the_store():
    offenders = []
    for path in (ROOT / "src" / "reflect").rglob("*.py"):
        if "store" in path.relative_to(ROOT / "src" / "reflect").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import sqlite3" in text or "sqlalchemy" in text or "from sqlmodel" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_core_never_imports_qt_widgets():
    for path in (ROOT / "src" / "reflect" / "core").rglob("*.py"):
        assert "QtWidgets" not in path.read_text(encoding="utf-8"), path
