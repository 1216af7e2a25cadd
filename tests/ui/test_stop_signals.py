"""SIGTERM and SIGHUP (log-out, shutdown) keep the writing in progress and make the backup."""

from __future__ import annotations

import signal

import pytest
from drive import accept_draft_offers, type_in_focus, unlock, visible_texts


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_keeps_the_draft_and_backs_up(qtbot, make_session, journal, tmp_path,
                                                     monkeypatch, sig):
    from reflect.ui.shell.stop_signals import StopSignals

    journal.close()
    session = make_session(journal.path)
    session.settings.backup_folder = str(tmp_path / "backups")
    unlock(qtbot, session)
    window = session.window
    window.actions.new_entry.trigger()
    type_in_focus(qtbot, window, "typed just before the log-out")  # not yet autosaved
    quit_called = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda: quit_called.append(1))
    stop = StopSignals(session.terminate)
    try:
        signal.raise_signal(sig)
        qtbot.waitUntil(lambda: bool(quit_called), timeout=10_000)
    finally:
        stop.restore()
    assert session.journal is None  # closed
    assert len(list((tmp_path / "backups").glob("*-auto-*.reflect"))) == 1

    offered = accept_draft_offers(monkeypatch)
    again = make_session(journal.path)
    unlock(qtbot, again)
    assert offered == [1]
    assert "typed just before the log-out" in visible_texts(again.window.editor)
