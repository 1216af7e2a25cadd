"""File → Import…: a Reflect interchange file (JSON Lines) into the open journal.

First a preview in a practitioner's words — how many entries, about how many clients (how many
new), over which dates, and once, plainly, what the file holds that Reflect does not use — then
Import writes it all in one transaction, or nothing. A line that cannot be read is named by its
number and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reflect.core.errors import ImportProblem
from reflect.core.import_preview import ImportPreview, preview_file
from reflect.core.interchange import import_lines
from reflect.ui.widgets.pages import label

MAX_BYTES = 200 * 1024 * 1024  # a journal of many years is a few MB; refuse what cannot be one


def _day(when) -> str:
    return QLocale().toString(when.date(), "d MMMM yyyy")


class ImportDialog(QDialog):
    """``ImportDialog(journal, path, parent)``; ``exec()``; then ``report`` is what was imported
    (None when nothing was). ``error`` is set, and the Import button off, for a file refused."""

    def __init__(self, journal, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.path = Path(path)
        self.report = None
        self.error = ""
        self.preview: ImportPreview | None = None
        self.setWindowTitle(self.tr("Import entries"))
        self.setMinimumWidth(520)

        self.heading = QLabel(self.tr("From %1").replace("%1", self.path.name))
        self.heading.setProperty("role", "subtitle")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("What the import adds"))
        self.extra = label("", "hint")
        self.extra.setAccessibleName(self.tr("What is left out"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.extra)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._read()

    # --- the preview ------------------------------------------------------------------------

    def _refuse(self, text: str) -> None:
        self.error = text
        self.summary.setText(text)
        self.summary.setProperty("role", "error")
        self.extra.clear()
        self.extra.setVisible(False)
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _read(self) -> None:
        try:
            if self.path.stat().st_size > MAX_BYTES:
                self._refuse(self.tr("This file is too large to be a Reflect journal export."))
                return
            data = self.path.read_bytes()
        except OSError as exc:
            self._refuse(self.tr("The file could not be read: %1").replace("%1", exc.strerror
                                                                          or str(exc)))
            return
        try:
            self.preview = preview_file(self.journal, data)
        except ImportProblem as exc:
            lines = exc.problems[:5]
            more = len(exc.problems) - len(lines)
            text = self.tr("Nothing can be imported from this file: some lines could not be "
                           "read.") + "\n\n" + "\n".join("• " + p for p in lines)
            if more:
                text += "\n" + self.tr("• and %n more", "", more)
            self._refuse(text)
            return
        self._show(self.preview)

    def _show(self, p: ImportPreview) -> None:
        if not p.entries and not p.other_records:
            self._refuse(self.tr("This file has no entries to import."))
            return
        parts = [self.tr("%n entries", "", p.entries)]
        if p.clients:
            about = self.tr("about %n clients", "", p.clients)
            if p.new_clients == p.clients:
                about += self.tr(" (all new to this journal)") if p.clients > 1 else \
                    self.tr(" (new to this journal)")
            elif p.new_clients:
                about += " " + self.tr("(%n new to this journal)", "", p.new_clients)
            parts.append(about)
        text = " ".join(parts)
        if p.general and p.general == p.entries:
            text += (self.tr(", a general reflection") if p.general == 1
                     else self.tr(", all general reflections"))
        elif p.general:
            text += self.tr(", %n of them general reflections", "", p.general)
        if p.first and p.last:
            text += (self.tr(", written on %1").replace("%1", _day(p.first))
                     if p.first.date() == p.last.date() else
                     self.tr(", from %1 to %2").replace("%1", _day(p.first))
                     .replace("%2", _day(p.last)))
        text += "."
        if p.other_records:
            text += " " + self.tr("Also %n supervision records (meetings, self-checks or a "
                                  "profile).", "", p.other_records)
        self.summary.setText(self.tr("This will add %1").replace("%1", text) + "\n\n" + self.tr(
            "Everything is imported in one go, or nothing is."))
        notes = []
        if p.unknown_keys:
            keys = ", ".join(p.unknown_keys[:6]) + ("…" if len(p.unknown_keys) > 6 else "")
            notes.append(self.tr("Some lines had extra information Reflect doesn't use (%1); "
                                 "it will be left out.").replace("%1", keys))
        if p.notes:
            notes.append(self.tr("%n other notes about the file: ", "", len(p.notes))
                         + "; ".join(p.notes[:3]) + ("…" if len(p.notes) > 3 else ""))
        self.extra.setText("\n".join(notes))
        self.extra.setVisible(bool(notes))
        self.import_button.setEnabled(True)
        self.import_button.setDefault(True)
        self.import_button.setFocus()

    # --- importing --------------------------------------------------------------------------

    def _import(self) -> None:
        if self.preview is None or self.preview.parsed is None:
            return
        try:
            self.report = import_lines(self.journal, self._lines())
        except Exception as exc:
            self.report = None
            self._refuse(self.tr("Nothing was imported: %1").replace("%1", str(exc)))
            return
        self.accept()

    def _lines(self) -> list:
        from reflect.core.interchange import split_lines

        return split_lines(self.path.read_bytes())
