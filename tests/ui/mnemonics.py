"""The Alt keys a window offers: every visible label with a buddy, button, group box, tab and menu
title with an "&" in its text, so a test can say no two of them share a letter."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenuBar,
    QTabBar,
    QWidget,
)


def letter(text: str) -> str | None:
    """The mnemonic letter of a Qt text ("&&" is a literal "&"), lower-cased, or None."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def offered(window: QWidget) -> dict[str, list[str]]:
    """letter -> the texts that offer it, for what is shown in ``window`` now."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        key = letter(text)
        if key:
            found[key].append(text.replace("\n", " "))

    def shown(widget: QWidget) -> bool:
        return widget.isVisibleTo(window) and widget.window() is window

    for widget in window.findChildren(QLabel):
        if shown(widget) and widget.buddy() is not None:
            add(widget.text())
    for widget in window.findChildren(QAbstractButton):
        if shown(widget):
            add(widget.text())
    for widget in window.findChildren(QGroupBox):
        if shown(widget):
            add(widget.title())
    for widget in window.findChildren(QTabBar):
        if shown(widget):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i))
    for bar in window.findChildren(QMenuBar):
        if bar.window() is window:
            for action in bar.actions():
                if action.isVisible():
                    add(action.text())
    return dict(found)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {key: texts for key, texts in offered(window).items() if len(texts) > 1}
