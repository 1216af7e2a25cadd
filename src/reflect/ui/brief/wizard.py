"""The case-brief wizard: Case → Review → Export.

``BriefWizard(journal, parent, client_id).exec()`` (or ``.open()``). The journal is only read,
but for the record of each export (so a case logged at a meeting can link to the brief); the
draft (with the original journal text) lives in this wizard and is dropped when it closes.
Every redaction is reviewed on the Review page before Export is reachable, and the export goes
through core's final gate, which refuses to write a brief that still names anyone known.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from reflect.core.brief import build_brief
from reflect.core.brief.review import ReviewState
from reflect.ui.brief.case_page import CasePage
from reflect.ui.brief.export_page import ExportPage
from reflect.ui.brief.review_page import ReviewPage
from reflect.ui.widgets.look import app_icon

CASE, REVIEW, EXPORT = 0, 1, 2


class BriefWizard(QWizard):
    def __init__(self, journal, parent=None, client_id: str | None = None,
                 settings=None, theme_counts=None, events=None) -> None:
        """``theme_counts(entry_ids)``: the themes of those entries from the analysis the app
        already holds (None where it has none), so the brief never detects them again here.
        ``settings`` remembers the folder a brief was last saved in; ``events`` hears of each
        export recorded."""
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self._events = events
        self._theme_counts = theme_counts
        self.review_state: ReviewState | None = None
        self._case_key: tuple | None = None
        self.setWindowTitle(self.tr("Prepare a case brief"))
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.case_page = CasePage(journal, client_id)
        self.review_page = ReviewPage()
        self.export_page = ExportPage()
        self.setPage(CASE, self.case_page)
        self.setPage(REVIEW, self.review_page)
        self.setPage(EXPORT, self.export_page)
        self.setStartId(CASE)
        self.resize(1240, 820)
        self.currentIdChanged.connect(self._page_changed)
        self.export_page.briefWritten.connect(self._record_export)

    def prepare_draft(self) -> bool:
        """Build the draft for the chosen case (kept as reviewed if the case did not change)."""
        page = self.case_page
        key = page.case_key()
        if self.review_state is not None and key == self._case_key:
            return True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            client = self.journal.person(page.client_id())
            ids = page.entry_ids()
            themes = self._theme_counts(ids) if self._theme_counts and ids else None
            draft = build_brief(self.journal, client, template=page.template_id(),
                                question=page.question_text(), entry_ids=ids, themes=themes,
                                profile_fields=page.profile_fields())
        except Exception as exc:  # shown on the page; the dialog stays usable
            page.show_problem(self.tr("The brief could not be prepared: %1")
                              .replace("%1", str(exc)))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.review_state = ReviewState(draft)
        self._case_key = key
        self.review_page.start_over()
        return True

    def _record_export(self, path, fmt: str) -> None:
        """Keep the record of the export (when, whose, which sessions, the file's name), so
        the meeting it is presented at can link to it. The brief is written either way."""
        from reflect.core.changes import SUPERVISION
        from reflect.core.errors import StoreError
        from reflect.core.supervision import brief_exported

        page = self.case_page
        try:
            brief_exported(self.journal, client_id=page.client_id(),
                           template=page.template_id(), fmt=fmt, entry_ids=page.entry_ids(),
                           question=page.question_text(), path=path)
        except (StoreError, ValueError):  # a read-only journal: the brief is written all the same
            return
        if self._events is not None:
            self._events.announce(SUPERVISION, self)

    def refused(self, message: str) -> None:
        """The gate refused the export: back to the review, the problem in view."""
        if self.currentId() == EXPORT:
            self.back()
        self.review_page.show_refusal(message)

    def _page_changed(self, page_id: int) -> None:
        if page_id == REVIEW:
            self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next: export >"))
        else:
            self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))

    def done(self, result: int) -> None:
        """Closing drops the draft and empties every view that showed journal text."""
        if self.export_page.writing():
            return  # a brief is being written: it finishes (or is refused) first
        self.review_page.wipe()
        self.review_state = None
        self._case_key = None
        super().done(result)
