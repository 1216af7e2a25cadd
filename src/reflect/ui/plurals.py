"""English plural forms for Qt's numerus strings: ``self.tr("%n entries", "", n)`` reads
"1 entry" and "3 entries".

Qt picks a plural form only from a translation; with none, "%n entries" stays "1 entries".
``resources/translations/reflect_plurals_en.qm`` holds the English forms of every numerus
string (built by ``tools/english_plurals.py`` from the sources and the singulars in
``resources/i18n/english_plurals.toml``). It is installed before any locale's translations, so a
real translation of a string always wins.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

QM = Path(__file__).resolve().parents[1] / "resources" / "translations" / "reflect_plurals_en.qm"


def install(app: QCoreApplication | None = None) -> QTranslator | None:
    """Install once per application; None if the file is missing (then "1 entries")."""
    app = app or QCoreApplication.instance()
    existing = app.findChild(QTranslator, "reflect-english-plurals")
    if existing is not None:
        return existing
    translator = QTranslator(app)
    translator.setObjectName("reflect-english-plurals")
    if not translator.load(str(QM)):
        translator.deleteLater()
        return None
    app.installTranslator(translator)
    return translator
