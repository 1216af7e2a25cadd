"""Shared fixtures. Qt runs offscreen; journals use a fast KDF (tests only: the shipped default is
calibrated to ~0.5-1 s and never below 64 MiB)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

import pytest

from reflect.core.journal import Journal
from reflect.store import crypto

# Under CI every test must run: a test skipped for want of a file, a tool or a library fails the
# run instead of passing quietly (a clone of the repository has everything its tests need, and
# .ci/run installs the system tools).
STRICT_SKIPS = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

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


def _skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI a skipped test is a failed one, with the reason it gave."""
    report = yield
    if STRICT_SKIPS and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = (f"{item.nodeid} was skipped under CI: {_skip_reason(report)}\n"
                           "CI runs every test; install what it needs instead of skipping.")
    return report


def pytest_sessionfinish(session, exitstatus):
    """Under CI, anything skipped at collection (a module or a class) fails the run too."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if STRICT_SKIPS and skipped and exitstatus in (pytest.ExitCode.OK,
                                                   pytest.ExitCode.NO_TESTS_COLLECTED):
        reporter.ensure_newline()
        for report in skipped:
            reporter.write_line(f"CI: {report.nodeid or 'a module'} was skipped: "
                                f"{_skip_reason(report)}", red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
