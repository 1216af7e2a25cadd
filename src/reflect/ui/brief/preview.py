"""The brief as it will be shared, with every redaction highlighted by its type.

The preview is rendered by core's own ``render(draft, "html")`` from a copy of the draft whose
replacements are wrapped in private-use sentinels (``\\ue000 n \\ue001 text \\ue002``); the HTML
is then post-processed into coloured spans. So the preview shows exactly the words the exported
brief will carry, plus colour. Known names that are still showing (a reviewer kept one) are
wrapped the same way and shown in red.

The preview is a sheet of paper: white with dark text in light and dark palettes alike, so the
pastel highlights read the same everywhere.
"""

from __future__ import annotations

import dataclasses
import html as html_lib
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser

from reflect.core.brief import BriefDraft, Passage, render
from reflect.core.deid import Redaction, apply

OPEN, MID, CLOSE = "\ue000", "\ue001", "\ue002"
_MARKED = re.compile(f"{OPEN}(L?\\d+){MID}(.*?){CLOSE}", re.DOTALL)
UNCERTAIN_BELOW = 0.8
PAPER, INK, LEAK, SELECTED = "#ffffff", "#1f2326", "#ff9b8f", "#2f6f6b"

# kind -> pastel on white paper; one hue family per group of kinds
KIND_COLOURS = {
    "known_person": "#f6c1c7", "name": "#fbd3a4", "place": "#c5e6c3", "organisation": "#bfe0f5",
    "address": "#d6ebb0", "postcode": "#d6ebb0", "date": "#ddd2f4", "time": "#ddd2f4",
    "age": "#fbeea0", "phone": "#f9d2e6", "email": "#cfe0ff", "url": "#c9eeea",
    "handle": "#c9eeea", "number": "#e2e2e2", "manual": "#f3dfc6",
}
_KIND_LABELS = {
    "known_person": "Known person", "name": "Name", "place": "Place",
    "organisation": "Organisation", "address": "Address", "postcode": "Postcode", "date": "Date",
    "time": "Time", "age": "Age", "phone": "Phone", "email": "Email", "url": "Link",
    "handle": "Handle", "number": "Number", "manual": "Marked by you",
}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("BriefKinds", _KIND_LABELS.get(kind, kind.replace("_", " ")))


def kind_colour(kind: str) -> str:
    return KIND_COLOURS.get(kind, "#e2e2e2")


def marked_draft(draft: BriefDraft, rows: list[tuple[str, Redaction]],
                 leaks: dict[str, list[tuple[int, int]]] | None = None) -> BriefDraft:
    """A copy of ``draft`` whose replacements (and visible leaks) carry sentinels."""
    number = {(k, s): i for i, (k, s) in enumerate(rows)}
    passages: dict[str, Passage] = {}
    n_leak = 0
    for key, p in draft.passages.items():
        spans = []
        for s in p.spans:
            # what apply() will really show (it capitalises a replacement that starts a sentence)
            shown = apply(p.original, [s])[s.start : s.start + len(s.replacement)]
            spans.append(dataclasses.replace(
                s, replacement=f"{OPEN}{number[(key, s)]}{MID}{shown}{CLOSE}"))
        for start, end in (leaks or {}).get(key, []):
            text = p.original[start:end]
            spans.append(Redaction(start, end, text, f"{OPEN}L{n_leak}{MID}{text}{CLOSE}", "leak"))
            n_leak += 1
        passages[key] = Passage(key, p.original, sorted(spans, key=lambda s: s.start))
    return dataclasses.replace(draft, passages=passages)


def highlight(marked_html: str, rows: list[tuple[str, Redaction]], selected: int = -1) -> str:
    """Turn the sentinels into coloured spans; the selected redaction stands out."""

    def span(m: re.Match) -> str:
        ident, text = m.group(1), m.group(2)
        if ident.startswith("L"):
            style = f"background-color:{LEAK}; color:{INK}; font-weight:600;"
            tip = QCoreApplication.translate("BriefPreview", "Still names someone the journal knows")
        else:
            i = int(ident)
            _key, s = rows[i]
            if i == selected:
                style = f"background-color:{SELECTED}; color:#ffffff; font-weight:600;"
            else:
                style = f"background-color:{kind_colour(s.kind)}; color:{INK};"
            tip = kind_label(s.kind)
        return (f'<a name="r{ident}"></a><span title="{html_lib.escape(tip)}" '
                f'style="{style}">{text}</span>')

    out = _MARKED.sub(span, marked_html)
    return out.replace(OPEN, "").replace(MID, "").replace(CLOSE, "")  # never leave a stray mark


class BriefPreview(QTextBrowser):
    """Read-only, keyboard-scrollable view of the highlighted brief."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName(self.tr("Brief preview"))
        self.setAccessibleDescription(self.tr("The brief as it will be shared; each redaction "
                                              "is highlighted in the colour of its type."))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        paper = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                      QPalette.ColorGroup.Disabled):
            paper.setColor(group, QPalette.ColorRole.Base, QColor(PAPER))
            paper.setColor(group, QPalette.ColorRole.Text, QColor(INK))
        self.setPalette(paper)
        self._marked = ""
        self._rows: list[tuple[str, Redaction]] = []
        self.shown_html = ""

    def show_draft(self, draft: BriefDraft, rows: list[tuple[str, Redaction]],
                   leaks: dict[str, list[tuple[int, int]]], selected: int = -1) -> None:
        self._marked = render(marked_draft(draft, rows, leaks), "html")
        self._rows = rows
        self._show(selected, keep_scroll=True)

    def select(self, index: int) -> None:
        if self._marked:
            self._show(index, keep_scroll=True)
            if index >= 0:
                self.scrollToAnchor(f"r{index}")

    def first_leak(self) -> None:
        self.scrollToAnchor("rL0")

    def wipe(self) -> None:
        self._marked, self._rows, self.shown_html = "", [], ""
        self.clear()

    def _show(self, selected: int, keep_scroll: bool) -> None:
        bar = self.verticalScrollBar()
        where = bar.value()
        self.shown_html = highlight(self._marked, self._rows, selected)
        self.setHtml(self.shown_html)
        if keep_scroll:
            bar.setValue(where)
