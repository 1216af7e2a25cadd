"""Export the practice profile on its own (to exchange when a peer group forms): tick the fields
to include, as a brief asks, see what will be written, choose PDF or Markdown, save.

The choice is remembered (field names and the format, in the settings: never the profile's
words). The file is written by core (``write_profile``: owner-only, whole, and refused if it
names anyone the journal knows)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
)

from reflect.core.supervision.profile import FIELDS, profile_markdown, write_profile
from reflect.ui.brief.profile_choice import ProfileChoice
from reflect.ui.widgets.folders import remember_folder, start_folder

from .labels import tr

FORMATS = (("pdf", "PDF — to print or send as a document"),
           ("md", "Markdown — plain text, to edit further"))
FILTERS = {"pdf": "PDF (*.pdf)", "md": "Markdown (*.md)"}


def remembered_fields(settings) -> tuple[str, ...] | None:
    """The fields chosen last time (None: never chosen, so all are ticked)."""
    raw = getattr(settings, "profile_export_fields", "") or ""
    known = {key for key, _label in FIELDS}
    chosen = tuple(f for f in raw.split(",") if f in known)
    return chosen if raw else None


class ProfileExportDialog(QDialog):
    def __init__(self, journal, settings=None, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self.written: Path | None = None
        self.setWindowTitle(tr("Export Practice Profile"))
        self.resize(720, 560)
        self.profile = journal.profile()
        intro = QLabel(tr("Share your practice profile when a group forms. Choose what to "
                          "include; Reflect checks that it names no one from your journal "
                          "before writing it."))
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        remembered = remembered_fields(settings)
        self.choice = ProfileChoice(self.profile, self, chosen=remembered if remembered is not None
                                    else tuple(key for key, _label in FIELDS))
        self.choice.changed.connect(self._preview)
        self.preview = QTextBrowser()
        self.preview.setAccessibleName(tr("What will be written"))
        self.formats = QButtonGroup(self)
        format_row = QHBoxLayout()
        chosen_format = getattr(settings, "profile_export_format", "pdf")
        for fmt, text in FORMATS:
            radio = QRadioButton(tr(text))
            radio.setProperty("fmt", fmt)
            radio.setChecked(fmt == chosen_format)
            self.formats.addButton(radio)
            format_row.addWidget(radio)
        format_row.addStretch(1)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton(tr("&Save As…"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.choose_and_write())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        fields_title = QLabel(tr("Include"))
        fields_title.setProperty("role", "subtitle")
        layout.addWidget(fields_title)
        layout.addWidget(self.choice)
        preview_title = QLabel(tr("&What will be written"))
        preview_title.setProperty("role", "subtitle")
        preview_title.setBuddy(self.preview)
        layout.addWidget(preview_title)
        layout.addWidget(self.preview, 1)
        layout.addLayout(format_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._preview()

    def fields(self) -> tuple[str, ...]:
        return self.choice.fields()

    def fmt(self) -> str:
        return self.formats.checkedButton().property("fmt")

    def _preview(self) -> None:
        from reflect.core.brief.html_brief import body_html

        fields = self.fields()
        self.preview.setHtml(body_html(profile_markdown(self.profile, fields)))
        self.save_button.setEnabled(bool(fields))
        self.error.setText("" if fields else tr("Tick at least one field to include."))

    def choose_and_write(self, path: str | Path | None = None) -> Path | None:
        fmt = self.fmt()
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, tr("Export your practice profile"),
                str(start_folder(self.settings) / f"practice-profile.{fmt}"), tr(FILTERS[fmt]))
            if not chosen:
                return None
            path = chosen
        destination = Path(path)
        if destination.suffix.lower() != f".{fmt}":
            destination = destination.with_name(destination.name + f".{fmt}")
        try:
            write_profile(self.journal, fmt, destination, self.fields())
        except Exception as exc:  # shown as it is: the messages carry no journal content
            text = getattr(exc, "strerror", None) or str(exc)
            self.error.setText(tr("Not exported: %1").replace("%1", text))
            return None
        self._remember(destination)
        self.written = destination
        self.accept()
        return destination

    def _remember(self, destination: Path) -> None:
        if self.settings is None:
            return
        self.settings.profile_export_fields = ",".join(self.fields())
        self.settings.profile_export_format = self.fmt()
        remember_folder(self.settings, destination.parent)  # saves the settings too
