"""Wizard page 3, export: a format, a file, and the write behind core's final gate (off the UI
thread). A refusal sends the reviewer back to the review with the problem on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from reflect.core.brief import BriefRefused, write_brief
from reflect.ui import workers
from reflect.ui.widgets.folders import remember_folder, start_folder
from reflect.ui.widgets.pages import BusyRow, label

FORMATS = (("pdf", "PDF — to print or share as a document"),
           ("html", "HTML — opens in any web browser"),
           ("md", "Markdown — plain text, to edit further"))
FILTERS = {"pdf": "PDF (*.pdf)", "html": "HTML (*.html)", "md": "Markdown (*.md)"}


class ExportPage(QWizardPage):
    briefWritten = Signal(object, str)  # the file written, its format

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Export the brief"))
        self.setSubTitle(self.tr("Before anything is written, Reflect checks the brief once more "
                                 "for every name the journal knows. If one is found, nothing is "
                                 "written and you go back to the review."))
        self.formats = QButtonGroup(self)
        col = QVBoxLayout(self)
        col.setContentsMargins(8, 8, 8, 8)
        col.setSpacing(10)
        self.summary = label("", "hint")
        col.addWidget(self.summary)
        col.addWidget(label(self.tr("Format"), "subtitle"))
        for i, (fmt, text) in enumerate(FORMATS):
            radio = QRadioButton(self.tr(text))
            radio.setProperty("fmt", fmt)
            self.formats.addButton(radio, i)
            col.addWidget(radio)
        self.formats.buttons()[0].setChecked(True)
        col.addSpacing(8)
        self.save_button = QPushButton(self.tr("&Save brief as…"))
        self.save_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        col.addLayout(row)
        self.busy = BusyRow()
        col.addWidget(self.busy)
        self.result = label("", None)
        self.result.setAccessibleName(self.tr("Export result"))
        self.open_folder = QPushButton(self.tr("&Open folder"))
        self.open_folder.setVisible(False)
        col.addWidget(self.result)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.open_folder)
        folder_row.addStretch(1)
        col.addLayout(folder_row)
        col.addStretch(1)
        self.written: Path | None = None
        self._writing = False
        self.save_button.clicked.connect(self.choose_and_write)
        self.open_folder.clicked.connect(self._open_folder)

    def fmt(self) -> str:
        return self.formats.checkedButton().property("fmt")

    def default_path(self) -> Path:
        """In the folder a brief was last saved in, else Documents, else the home folder —
        never wherever the app happened to be started from."""
        template = self.wizard().review_state.draft.template.id
        return start_folder(getattr(self.wizard(), "settings", None)) / (
            f"case-brief-{template}.{self.fmt()}")

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.written = None
        draft = self.wizard().review_state.draft
        n, r = len(draft.sessions), len(draft.all_redactions())
        self.summary.setText(
            self.tr("%1 · %2 · %3, reviewed by you.")
            .replace("%1", draft.template.label)
            .replace("%2", self.tr("%n sessions", "", n))
            .replace("%3", self.tr("%n redactions", "", r)))
        self.result.clear()
        self.result.setProperty("role", None)
        self.open_folder.setVisible(False)
        self.save_button.setFocus()

    def writing(self) -> bool:
        return self._writing

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.written is not None and not self._writing

    def choose_and_write(self) -> None:
        fmt = self.fmt()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the de-identified brief"), str(self.default_path()),
            self.tr(FILTERS[fmt]))
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        if self.names_someone(path.name):
            QMessageBox.warning(self, self.tr("Choose another file name"), self.tr(
                "The file name “%1” contains a name your journal knows. A file's name goes "
                "wherever the file goes, so the brief was not written under it. Choose another "
                "name.").replace("%1", path.name))
            return
        self.write(path, fmt)

    def names_someone(self, file_name: str) -> bool:
        """Whether a file name holds the name of anyone the journal knows (as the gate reads
        the brief itself: folded, inside words and joined parts, near misspellings)."""
        from reflect.core.brief import file_name_names_someone

        return file_name_names_someone(self.wizard().review_state.draft, file_name)

    def write(self, path: Path, fmt: str) -> None:
        draft = self.wizard().review_state.snapshot()
        self._set_writing(True)
        self.result.clear()
        self.busy.start(self.tr("Checking the brief and writing it…"))
        workers.run_in_background(lambda: write_brief(draft, fmt, path), self._written,
                                  self._failed)

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        self.save_button.setEnabled(not writing)
        for button in self.formats.buttons():
            button.setEnabled(not writing)
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not writing)
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not writing)
        self.completeChanged.emit()

    def _written(self, path: object) -> None:
        if self.wizard() is None or self.wizard().review_state is None:
            return
        self.busy.stop()
        self.written = Path(str(path))
        remember_folder(getattr(self.wizard(), "settings", None), self.written.parent)
        self._set_writing(False)
        self._show_result(self.tr("The brief is saved as\n%1").replace("%1", str(self.written)))
        self.briefWritten.emit(self.written, self.fmt())
        self.open_folder.setVisible(True)
        self.open_folder.setFocus()

    def _failed(self, exc: Exception) -> None:
        if self.wizard() is None or self.wizard().review_state is None:
            return
        self.busy.stop()
        self._set_writing(False)
        if isinstance(exc, BriefRefused):
            self.wizard().refused(str(exc))
            return
        self._show_result(self.tr("The brief could not be written: %1").replace("%1", str(exc)),
                          error=True)

    def _show_result(self, text: str, error: bool = False) -> None:
        self.result.setText(text)
        self.result.setProperty("role", "error" if error else None)
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)

    def _open_folder(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written.parent)))
