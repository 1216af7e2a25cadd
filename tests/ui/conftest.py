"""Fixtures for driving the real app: settings in tmp, a session on a fast-KDF journal.

``PASSPHRASE`` is repeated here: with no ``__init__.py`` in tests/, ``from conftest import`` may
find this conftest as well as the one above it."""

from __future__ import annotations

import pytest
import shiboken6

from reflect.settings import Settings
from reflect.ui import workers

PASSPHRASE = "test passphrase 1"  # the same as tests/conftest.py

_app = None


def pytest_configure(config) -> None:
    """Make the QApplication while collecting, before any test runs: a test elsewhere that
    renders a PDF makes a bare QGuiApplication when none exists, and widgets cannot live on one."""
    global _app
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(["reflect-tests"])
    from reflect.ui import plurals

    plurals.install(_app)  # as the app does: English plural forms


@pytest.fixture
def ui_settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("REFLECT_CONFIG_DIR", str(tmp_path / "config"))
    return Settings.load()


@pytest.fixture
def make_session(qtbot, ui_settings, fast_kdf):
    """``make_session(path)`` -> a started Session; everything is closed afterwards."""
    from reflect.ui.shell.lifecycle import Session

    made = []

    def make(path):
        session = Session(path, ui_settings)
        qtbot.addWidget(session.gate)
        session.start()
        made.append(session)
        return session

    yield make
    qtbot.waitUntil(lambda: not workers.busy(), timeout=10_000)
    for session in made:
        if session.window is not None:
            session.window.closed.disconnect()
            session.window.journal = None  # no unsaved-changes question on teardown
            session.window.close()
            session.window.deleteLater()
        session.shutdown()
        # pytest-qt closes and deletes the widgets it was given before fixtures tear down;
        # waiting for the workers above can run that deletion, so the gate may be gone
        if shiboken6.isValid(session.gate):
            session.gate.close()


def pytest_unconfigure(config) -> None:
    """Collect what the tests left while the QApplication still exists, not during the
    interpreter's own shutdown (where a Qt object's late deletion can crash the process)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    gc.collect()
