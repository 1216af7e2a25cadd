"""The Qt binding the app runs on keeps Python's reference counts right where the app leans on it.

PySide6 6.12.0's ``SignalInstance.emit()`` returned ``True`` without taking a reference to it, so
each signal emitted from Python took one of True's references away; after some thousands of
emits (a long session of typing, a large analysis) the interpreter aborted with
"Fatal Python error: bool_dealloc". pyproject.toml excludes that version; this catches it, or a
later one with the same fault, in whatever is installed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    happened = Signal()
    said = Signal(str)


def test_emitting_signals_leaves_the_reference_count_of_true_alone():
    sender = _Sender()
    heard: list[str] = []
    sender.said.connect(heard.append)
    sender.happened.emit()  # warm up anything made once
    before = sys.getrefcount(True)
    for _ in range(500):
        sender.happened.emit()
        sender.said.emit("x")
    lost = before - sys.getrefcount(True)
    assert len(heard) == 500
    assert lost < 50, (
        f"{lost} references to True were lost in 1,000 signal emits: this PySide6 "
        "steals one per emit and the app would abort after a few thousand. Install a "
        "version pyproject.toml allows: .venv/bin/pip install -e '.[test]'")
