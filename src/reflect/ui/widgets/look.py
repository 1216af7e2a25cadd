"""How Reflect looks: a calm light or dark palette on the Fusion style, and the app icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"  # reflect/resources/icons
ICON_FILE = "io.github.reflect.Reflect.svg"

# (window, base, alternate, text, muted text, button, accent, accent text, error)
_LIGHT = ("#f6f5f1", "#ffffff", "#f1efea", "#26292c", "#6b7074", "#eceae4", "#2f6f6b",
          "#ffffff", "#a23b2c")
_DARK = ("#1e2124", "#26292d", "#2b2f33", "#e4e6e8", "#9aa1a7", "#31353a", "#3f8f87",
         "#ffffff", "#f08b7a")

_SHEET = """
QLabel[role="title"] { font-size: %(title)dpt; font-weight: 600; }
QLabel[role="subtitle"] { font-size: %(sub)dpt; font-weight: 600; }
QLabel[role="hint"] { color: %(muted)s; }
QLabel[role="error"] { color: %(error)s; }
QLabel[role="empty"] { color: %(muted)s; font-size: %(sub)dpt; padding: 24px; }
QLabel[role="code"] { font-family: monospace; font-size: %(code)dpt; letter-spacing: 1px;
    background: %(base)s; border: 1px solid %(line)s; border-radius: 6px; padding: 12px; }
QListView { border: 1px solid %(line)s; border-radius: 4px; }
QPushButton { padding: 5px 14px; border-radius: 4px; }
QPushButton:default { background: %(accent)s; color: %(accent_text)s; border: 1px solid %(accent)s; }
QPushButton:default:disabled { background: %(line)s; color: %(muted)s; border-color: %(line)s; }
QSplitter::handle { background: transparent; }
QStatusBar { color: %(muted)s; }
QLineEdit { padding: 4px 6px; }
QCheckBox::indicator, QRadioButton::indicator, QAbstractItemView::indicator {
    width: 14px; height: 14px; border: 1px solid %(indicator)s; background: %(base)s; }
QCheckBox::indicator, QAbstractItemView::indicator { border-radius: 3px; }
QRadioButton::indicator { border-radius: 8px; }
QCheckBox::indicator:hover, QRadioButton::indicator:hover { border-color: %(accent)s; }
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked {
    background: %(accent)s; border-color: %(accent)s; image: url(%(tick)s); }
QRadioButton::indicator:checked {
    border-color: %(accent)s;
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 %(accent)s, stop:0.45 %(accent)s, stop:0.55 %(base)s, stop:1 %(base)s); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: %(line)s; }
"""


def is_dark(look: str) -> bool:
    if look == "dark":
        return True
    if look == "light":
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def palette_for(dark: bool) -> QPalette:
    window, base, alt, text, muted, button, accent, accent_text, _error = _DARK if dark else _LIGHT
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: alt,
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: button,
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: base,
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: muted,
        QPalette.ColorRole.Highlight: accent,
        QPalette.ColorRole.HighlightedText: accent_text,
        QPalette.ColorRole.Link: accent,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: alt,
        QPalette.ColorRole.Midlight: button,
        QPalette.ColorRole.Mid: muted,
        QPalette.ColorRole.Dark: "#111315" if dark else "#b9b6ae",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(muted))
    return p


def apply_look(app: QApplication, look: str) -> None:
    """Set the palette and the small style sheet for ``look`` (system, light or dark)."""
    dark = is_dark(look)
    app.setStyle("Fusion")
    app.setPalette(palette_for(dark))
    colors = _DARK if dark else _LIGHT
    base_pt = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
    app.setStyleSheet(_SHEET % {
        "title": round(base_pt * 1.6),
        "sub": round(base_pt * 1.15),
        "code": round(base_pt * 1.3),
        "muted": colors[4],
        "error": colors[8],
        "base": colors[1],
        "accent": colors[6],
        "accent_text": colors[7],
        "line": "#3a3f44" if dark else "#d9d6cf",
        "indicator": "#8d949a" if dark else "#8a8680",  # a tick box's edge, visible on both
        "tick": (ICONS / "tick.svg").as_posix(),
    })
    app.setProperty("reflectDark", dark)


def error_color() -> QColor:
    app = QApplication.instance()
    dark = bool(app.property("reflectDark")) if app else False
    return QColor((_DARK if dark else _LIGHT)[8])


def muted_color() -> QColor:
    app = QApplication.instance()
    dark = bool(app.property("reflectDark")) if app else False
    return QColor((_DARK if dark else _LIGHT)[4])


def app_icon() -> QIcon:
    return QIcon(str(ICONS / ICON_FILE))
