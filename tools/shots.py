"""What the screenshot tools share: the app on a virtual display with a throwaway journal
(temporary folder, cheap key derivation) created through the welcome page, and a camera that
lets the event loop settle before it grabs the screen or one window."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

PASSPHRASE = "a calm harbour at dusk"


class Shots:
    def __init__(self, out: Path, look: str, *, suffix: str, only: list[str] | None,
                 quiet_self_check: bool = False) -> None:
        work = Path(tempfile.mkdtemp(prefix="reflect-shots-"))
        os.environ["REFLECT_CONFIG_DIR"] = str(work / "config")
        from reflect.store import crypto

        crypto.calibrate = lambda *a, **k: crypto.KdfParams.fast_for_tests()
        from reflect.app import create_application
        from reflect.settings import Settings

        self.settings = Settings.load()
        self.settings.look = look
        self.settings.default_template = "quick"
        if quiet_self_check:
            self.settings.self_check_monthly = 0  # the banner would cover the editor
        self.app = create_application(look=look)
        self.out, self.suffix, self.only, self.work = out, suffix, only, work
        out.mkdir(parents=True, exist_ok=True)

    def settle(self, seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def shot(self, name: str, window=None) -> None:
        """The whole screen, or only ``window`` (a window of its own, without the one behind)."""
        if self.only and name not in self.only:
            return
        from PySide6.QtGui import QGuiApplication

        self.settle()
        path = self.out / f"{name}{self.suffix}.png"
        screen = QGuiApplication.primaryScreen()
        (window.grab() if window is not None else screen.grabWindow(0)).save(str(path))
        print(path)

    def start(self, welcome_shot: str | None = None):
        """A new journal made through the welcome and recovery pages; returns the session with
        its main window shown maximised."""
        from reflect.ui.shell.lifecycle import Session

        session = Session(self.work / "journal.reflect", self.settings)
        session.start()
        gate = session.gate
        self.settle(1.0)
        if welcome_shot:
            self.shot(welcome_shot)
        form = gate.welcome_page.form
        form.first.setText(PASSPHRASE)
        form.second.setText(PASSPHRASE)
        gate.welcome_page.create_button.click()
        waited = 0.0
        while gate.stack.currentWidget() is not gate.recovery_page:
            self.settle(0.2)
            waited += 0.2
            if waited > 30:
                raise SystemExit("the journal was not created: " + gate.welcome_page.error.text())
        gate.recovery_page.kept.setChecked(True)
        gate.recovery_page.continue_button.click()
        while session.window is None or not session.window.isVisible():
            self.settle(0.2)
        session.window.showMaximized()
        return session
