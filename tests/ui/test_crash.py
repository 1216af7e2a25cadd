"""A crash report never holds journal text: only the exception's type and where it happened."""

import sys

from PySide6.QtWidgets import QMessageBox

from reflect.ui.shell import crash


def test_crash_report_has_no_message_and_no_values(tmp_path, monkeypatch, capsys):
    secret = "Deanna told me about Lorrie"
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(crash, "crash_log_path", lambda: tmp_path / "logs" / "crash.log")
    old = sys.excepthook
    crash.install()
    try:
        try:
            narrative = secret  # noqa: F841 - a local that a careless report would dump
            raise ValueError(secret)
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    log = (tmp_path / "logs" / "crash.log").read_text()
    err = capsys.readouterr().err
    assert "builtins.ValueError" in log and "test_crash.py" in log
    for text in (log, err, shown[0]):
        assert "Deanna" not in text and "Lorrie" not in text
    assert "autosaved" in shown[0]
    assert (tmp_path / "logs" / "crash.log").stat().st_mode & 0o077 == 0
