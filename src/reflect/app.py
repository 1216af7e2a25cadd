"""The desktop app's bootstrap: ``main(journal_path=None) -> int``.

Imports stay light until the gate window is on screen: the journal machinery (SQLite, crypto)
is imported on the worker thread that unlocks, and the main window after the first unlock.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "Reflect"
ORG_NAME = "Reflect"
ORG_DOMAIN = "reflect.github.io"
DESKTOP_FILE = "io.github.reflect.Reflect"


def _install_translations(app) -> None:
    """Qt's own strings and Reflect's, for the system locale, when translations are shipped."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale.system()
    folders = (
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(__file__).resolve().parent / "resources" / "translations"),
    )
    for name, folder in (("qtbase", folders[0]), ("reflect", folders[1])):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def create_application(argv: list[str] | None = None, look: str = "system"):
    from PySide6.QtWidgets import QApplication

    from reflect.ui.widgets.look import app_icon, apply_look

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    apply_look(app, look)
    _install_translations(app)
    return app


def main(journal_path: str | Path | None = None) -> int:
    from reflect.settings import Settings
    from reflect.ui.shell import crash

    crash.install()
    settings = Settings.load()
    app = create_application(look=settings.look)

    from reflect.core.paths import default_journal_path
    from reflect.ui.shell.lifecycle import Session

    path = Path(journal_path).expanduser() if journal_path else None
    if path is None and settings.last_journal and Path(settings.last_journal).exists():
        path = Path(settings.last_journal)
    path = path or default_journal_path()
    session = Session(path, settings)
    from reflect.ui.shell.stop_signals import StopSignals

    stop = StopSignals(session.terminate, app)  # log-out or shutdown: keep the draft, back up
    session.start()
    code = app.exec()
    session.shutdown()
    stop.restore()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else None))
