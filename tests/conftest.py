"""Shared fixtures. Qt runs offscreen; journals use a fast KDF (tests only: the shipped default is
calibrated to ~0.5-1 s and never below 64 MiB)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest  # noqa: E402

from reflect.core.journal import Journal  # noqa: E402
from reflect.store import crypto  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "journals"
SAMPLE = DATA / "sample-journal.jsonl"
PASSPHRASE = "test passphrase 1"


@pytest.fixture
def fast_kdf(monkeypatch) -> crypto.KdfParams:
    """Make every journal created in this test use cheap Argon2id parameters."""
    params = crypto.KdfParams.fast_for_tests()
    monkeypatch.setattr(crypto, "calibrate", lambda *a, **k: crypto.KdfParams.fast_for_tests())
    return params


@pytest.fixture
def journal_path(tmp_path, fast_kdf) -> Path:
    return tmp_path / "journal.reflect"


@pytest.fixture
def journal(journal_path):
    j, _code = Journal.create(journal_path, PASSPHRASE)
    yield j
    if j.is_open:
        j.close()


@pytest.fixture
def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def sample_journal(journal, sample_lines):
    from reflect.core.interchange import import_lines

    import_lines(journal, sample_lines)
    return journal


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):
    """Make the QApplication first: core's PDF renderer would otherwise create a bare
    QGuiApplication (as the headless CLI needs), and widgets cannot live in one of those."""
    return qapp
