"""Theme chips: the themes Reflect suggests for one entry, and the practitioner's say on each.

A suggested theme is an outlined chip with "✓ Keep" and "✕ Not this"; a kept or hand-added theme is
filled. Every chip shows the first words that gave it away beside its name, and carries all of them
(tooltip, and the quotes line when it is clicked or focused). Keyboard: Tab reaches each chip; Enter or Space keeps a suggestion; Delete
turns it down (or takes a hand-added theme off). The panel only shows and asks: the entry editor
stores the decisions (see ``EntryEditor``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reflect.core.themes import ACCEPTED, ADDED, SUGGESTED, USER, EntryTheme, Evidence, ThemeInfo
from reflect.ui.widgets.flow_layout import FlowLayout
from reflect.ui.widgets.style import MutedLabel

ACCEPT, REJECT = "accept", "reject"


def _mix(a: QColor, b: QColor, share_of_a: float) -> str:
    r = a.redF() * share_of_a + b.redF() * (1 - share_of_a)
    g = a.greenF() * share_of_a + b.greenF() * (1 - share_of_a)
    bl = a.blueF() * share_of_a + b.blueF() * (1 - share_of_a)
    return QColor.fromRgbF(r, g, bl).name()


def chip_style(palette: QPalette) -> str:
    """Calm in light and dark: outlines and fills drawn from the palette, not fixed colours."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    accent = palette.color(QPalette.ColorRole.Highlight)
    return f"""
QFrame#ThemeChip {{
    border: 1px solid {_mix(text, base, 0.35)};
    border-radius: 13px;
    background: {base.name()};
    color: {text.name()};
}}
QFrame#ThemeChip[status="kept"] {{
    border: 1px solid {_mix(accent, base, 0.55)};
    background: {_mix(accent, base, 0.18)};
}}
QFrame#ThemeChip:focus {{ border: 2px solid {accent.name()}; }}
QFrame#ThemeChip QLabel {{ border: none; background: transparent; color: {text.name()}; }}
QFrame#ThemeChip QToolButton {{
    border: none; border-radius: 9px; padding: 1px 6px; background: transparent;
    color: {_mix(text, base, 0.75)};
}}
QFrame#ThemeChip QToolButton:hover {{ background: {_mix(accent, base, 0.25)}; color: {text.name()}; }}
QToolButton#AddTheme {{
    border: 1px dashed {_mix(text, base, 0.35)}; border-radius: 13px; padding: 4px 12px;
    background: transparent; color: {_mix(text, base, 0.8)};
}}
QToolButton#AddTheme:hover {{ background: {_mix(accent, base, 0.18)}; }}
QToolButton#AddTheme:focus {{ border: 2px solid {accent.name()}; padding: 3px 11px; }}
QToolButton#AddTheme::menu-indicator {{ image: none; width: 0px; }}
"""


def quote(evidence: list[Evidence], tr=lambda s: s) -> str:
    """“texted me at midnight” · “answered anyway” (in a demand)."""
    where = {
        "went_well": tr("in what went well"),
        "demand": tr("in a demand"),
        "control": tr("in a control"),
        "outcome": tr("in an outcome"),
    }
    parts = []
    for e in evidence:
        place = where.get(e.field.split(":")[0], "")
        parts.append(f"“{e.text}”" + (f" ({place})" if place else ""))
    return " · ".join(parts)


WORDS_CHARS = 36


def short_quote(evidence: list[Evidence], limit: int = WORDS_CHARS) -> str:
    """The first words that gave a theme away, short enough to sit beside its chip:
    “texted me at midnight” +1 (one more place), a long sentence cut with an ellipsis."""
    if not evidence:
        return ""
    words = " ".join(evidence[0].text.split())
    if len(words) > limit:
        cut = words[: limit - 1].rsplit(" ", 1)[0] if " " in words[: limit - 1] else words[: limit - 1]
        words = cut.rstrip(",;:.") + "…"
    more = len(evidence) - 1
    return f"“{words}”" + (f" +{more}" if more else "")


class ThemeChip(QFrame):
    """One theme on one entry."""

    decided = Signal(str, object)  # theme id, "accept" | "reject" | None
    evidenceRequested = Signal(str)  # theme id

    def __init__(self, item: EntryTheme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("ThemeChip")
        kept = item.status in (ACCEPTED, ADDED)
        self.setProperty("status", "kept" if kept else "suggested")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 3, 5, 3)
        layout.setSpacing(2)
        self.label = QLabel(("✓ " if kept else "") + item.label, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label)
        # The words that gave the theme away, right beside it (the tooltip has them all).
        self.words = MutedLabel(short_quote(item.evidence), self)
        self.words.setWordWrap(False)
        self.words.setTextFormat(Qt.TextFormat.PlainText)
        self.words.setVisible(bool(item.evidence))
        layout.addSpacing(4)
        layout.addWidget(self.words)
        layout.addSpacing(4)
        self.keep_button: QToolButton | None = None
        if not kept:
            self.keep_button = self._button(self.tr("✓ Keep"), self.tr("Keep this theme on the entry"))
            self.keep_button.clicked.connect(lambda: self.decided.emit(item.theme, ACCEPT))
            layout.addWidget(self.keep_button)
        self.remove_button = self._button(
            self.tr("✕ Not this") if not kept else "✕",
            self.tr("Not this theme: it will not be suggested for this entry again")
            if item.source != USER else self.tr("Take this theme off the entry"),
        )
        self.remove_button.clicked.connect(self.remove)
        layout.addWidget(self.remove_button)

        quotes = quote(item.evidence, self.tr)
        if item.status == SUGGESTED:
            state = self.tr("suggested theme")
            keys = self.tr("Enter to keep, Delete for not this")
        elif item.status == ACCEPTED:
            state = self.tr("theme you kept")
            keys = self.tr("Delete for not this")
        else:
            state = self.tr("theme you added")
            keys = self.tr("Delete to take it off")
        self.setAccessibleName(f"{item.label}, {state}")
        because = self.tr("Because you wrote: %1").replace("%1", quotes) if quotes else self.tr(
            "Added by you."
        )
        self.setAccessibleDescription(f"{because} {keys}.")
        self.setToolTip(  # the practitioner's words are text, never markup
            f"<b>{escape(item.label)}</b> — {state}<br>{escape(because)}<br><i>{keys}</i>"
        )

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(f"{text} — {self.item.label}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the chip itself takes the keys
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        return button

    def remove(self) -> None:
        """Turn a detected theme down for good; a theme only added by hand just comes off."""
        self.decided.emit(self.item.theme, None if self.item.source == USER else REJECT)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.keep_button is not None:
                self.decided.emit(self.item.theme, ACCEPT)
            else:
                self.evidenceRequested.emit(self.item.theme)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.evidenceRequested.emit(self.item.theme)
        super().mousePressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusInEvent(event)
        self.evidenceRequested.emit(self.item.theme)


class ThemeChipsPanel(QWidget):
    """The "Themes" section of the entry editor: chips, "Add theme…", the words behind a theme."""

    decided = Signal(str, object)  # theme id, "accept" | "reject" | None
    evidenceRequested = Signal(object)  # the EntryTheme whose words to show

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ThemeChips")
        self._items: list[EntryTheme] = []
        self._catalogue: list[ThemeInfo] = []
        self._last_rejected: str | None = None
        self.chips: list[ThemeChip] = []

        self.chip_box = QWidget(self)
        self.flow = FlowLayout(self.chip_box, spacing=8)
        self.add_button = QToolButton(self.chip_box)
        self.add_button.setObjectName("AddTheme")
        self.add_button.setText(self.tr("+ Add theme…"))
        self.add_button.setAccessibleName(self.tr("Add a theme by hand"))
        self.add_button.setToolTip(self.tr("Add a theme you see in this entry"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)
        self.add_button.setMenu(self.add_menu)
        self.flow.addWidget(self.add_button)

        self.note = MutedLabel(self.tr("Themes appear here as you write."), self)
        self.note.setAccessibleName(self.tr("Themes status"))
        self.quotes = QLabel(self)
        self.quotes.setWordWrap(True)
        self.quotes.setTextFormat(Qt.TextFormat.PlainText)
        self.quotes.setAccessibleName(self.tr("The words behind the theme"))
        self.quotes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quotes.setVisible(False)
        self.undo_button = QToolButton(self)
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setAccessibleName(self.tr("Undo turning the theme down"))
        self.undo_button.clicked.connect(self.undo_reject)
        self.undo_button.setVisible(False)
        note_row = QHBoxLayout()
        note_row.setContentsMargins(0, 0, 0, 0)
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.chip_box)
        layout.addWidget(self.quotes)
        layout.addLayout(note_row)
        self._restyle()

    # --- look -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self._restyle()

    def _restyle(self) -> None:
        self.chip_box.setStyleSheet(chip_style(QApplication.palette(self)))

    # --- content --------------------------------------------------------------------------

    def set_busy(self) -> None:
        self.note.setText(self.tr("Looking for themes…"))

    def set_failed(self, message: str) -> None:
        self.note.setText(self.tr("Could not look for themes: %1").replace("%1", message))

    def set_unsaved(self) -> None:
        self.note.setText(self.tr("Themes appear here as you write."))

    def set_catalogue(self, catalogue: list[ThemeInfo]) -> None:
        self._catalogue = list(catalogue)

    def set_themes(self, items: list[EntryTheme]) -> None:
        had_focus = self._focused_theme()
        self._items = list(items)
        for chip in self.chips:
            self.flow.removeWidget(chip)
            chip.hide()
            chip.setParent(None)  # gone from the widget tree now, not at the next event loop
            chip.deleteLater()
        self.chips = []
        self.flow.removeWidget(self.add_button)
        for item in self._items:
            chip = ThemeChip(item, self.chip_box)
            chip.decided.connect(self._decided)
            chip.evidenceRequested.connect(self._show_evidence)
            self.flow.addWidget(chip)
            chip.show()
            self.chips.append(chip)
        self.flow.addWidget(self.add_button)
        self.chip_box.updateGeometry()
        self.note.setText(
            self.tr("Reflect suggests themes from your words; you decide which ones stay.")
            if self._items
            else self.tr("No themes found in this entry. You can add one by hand.")
        )
        if had_focus is not None:
            chip = self.chip_for(had_focus)
            (chip or self.add_button).setFocus()

    def themes(self) -> list[EntryTheme]:
        return list(self._items)

    def chip_for(self, theme: str) -> ThemeChip | None:
        return next((c for c in self.chips if c.item.theme == theme), None)

    def _focused_theme(self) -> str | None:
        focused = QApplication.focusWidget()
        return focused.item.theme if isinstance(focused, ThemeChip) and focused in self.chips else None

    def apply_decision(self, theme: str, decision: str | None, label: str = "") -> None:
        """Show a decision at once (the editor re-detects afterwards for the full picture)."""
        items = []
        for item in self._items:
            if item.theme != theme:
                items.append(item)
            elif decision == ACCEPT:
                items.append(EntryTheme(item.theme, item.label, item.score, item.source, ACCEPTED
                                        if item.source != USER else ADDED, item.evidence))
        if decision == ACCEPT and theme not in {i.theme for i in self._items}:
            items.append(EntryTheme(theme, label or self.label_of(theme), 1.0, USER, ADDED))
        self.set_themes(items)
        self.quotes.setVisible(False)
        if decision == REJECT:
            self._last_rejected = theme
            self.note.setText(self.tr("“%1” will not be suggested for this entry again.").replace(
                "%1", label or self.label_of(theme)))
            self.undo_button.setVisible(True)
        else:
            self._last_rejected = None
            self.undo_button.setVisible(False)

    def label_of(self, theme: str) -> str:
        for info in self._catalogue:
            if info.id == theme:
                return info.label
        for item in self._items:
            if item.theme == theme:
                return item.label
        return theme.replace("_", " ").capitalize()

    def undo_reject(self) -> None:
        if self._last_rejected is not None:
            theme, self._last_rejected = self._last_rejected, None
            self.undo_button.setVisible(False)
            self.decided.emit(theme, None)

    def clear(self) -> None:
        """Nothing of the entry stays on screen (lock)."""
        self.set_themes([])
        self._catalogue = []
        self._last_rejected = None
        self.undo_button.setVisible(False)
        self.quotes.clear()
        self.quotes.setVisible(False)
        self.set_unsaved()

    # --- actions --------------------------------------------------------------------------

    def _decided(self, theme: str, decision: object) -> None:
        self.decided.emit(theme, decision)

    def _show_evidence(self, theme: str) -> None:
        item = next((i for i in self._items if i.theme == theme), None)
        if item is None:
            return
        quotes = quote(item.evidence, self.tr)
        self.quotes.setText(
            self.tr("%1 — because you wrote %2").replace("%1", item.label).replace("%2", quotes)
            if quotes else self.tr("%1 — added by you.").replace("%1", item.label)
        )
        self.quotes.setVisible(True)
        self.evidenceRequested.emit(item)

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        present = {i.theme for i in self._items}
        for info in sorted(self._catalogue, key=lambda t: (t.user_defined, t.label.casefold())):
            if info.id in present:
                continue
            text = info.label + (self.tr(" (yours)") if info.user_defined else "")
            action = self.add_menu.addAction(text)
            action.setToolTip(info.description)
            action.setStatusTip(info.description)
            action.triggered.connect(lambda _=False, t=info.id: self.decided.emit(t, ACCEPT))
        self.add_menu.setToolTipsVisible(True)
        if self.add_menu.isEmpty():
            self.add_menu.addAction(self.tr("Every theme is on this entry already")).setEnabled(False)

    def focus_widgets(self) -> list[QWidget]:
        return [*self.chips, self.add_button, self.undo_button]
