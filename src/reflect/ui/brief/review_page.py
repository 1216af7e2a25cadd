"""Wizard page 2, the review gate: the highlighted preview, every redaction, keep or mark more.

Going on to export needs "I have reviewed every redaction" ticked; any change to the redactions
unticks it. A refused export comes back here with the gate's message on top.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from reflect.ui.brief.marker import PassageMarker
from reflect.ui.brief.models import RedactionTableModel
from reflect.ui.brief.preview import KIND_COLOURS, LEAK, BriefPreview, kind_label
from reflect.ui.widgets.pages import label


def _swatch(colour: str, text: str) -> QWidget:
    box = QLabel()
    box.setFixedSize(12, 12)
    box.setStyleSheet(f"background:{colour}; border:1px solid rgba(0,0,0,60); border-radius:2px;")
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 10, 0)
    row.setSpacing(5)
    row.addWidget(box)
    row.addWidget(QLabel(text))
    holder = QWidget()
    holder.setLayout(row)
    return holder


class ReviewPage(QWizardPage):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Review every redaction"))
        self.setSubTitle(self.tr(
            "The brief on the left is what other people will read. Check the redactions on the "
            "right, the uncertain ones first; keep what is safe as written, and mark anything "
            "else that could identify someone in a small community."))

        self.problem = label("", "error")
        self.problem.setVisible(False)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview = BriefPreview()
        self.legend = QWidget()
        self.legend_layout = QGridLayout(self.legend)
        self.legend_layout.setContentsMargins(0, 2, 0, 0)
        self.legend_layout.setHorizontalSpacing(4)
        self.legend_layout.setVerticalSpacing(2)
        left = QWidget()
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(0, 0, 0, 0)
        left_col.addWidget(self.preview, 1)
        left_col.addWidget(self.legend)

        self.count = label("", "subtitle")
        self.count.setAccessibleName(self.tr("Redaction count"))
        self.model = RedactionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Redactions, uncertain first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Interactive,
                                    QHeaderView.ResizeMode.Interactive,
                                    QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(col, mode)
        header.resizeSection(2, 150)
        header.resizeSection(3, 120)
        self.keep_button = QPushButton(self.tr("&Keep as written"))
        self.keep_button.setToolTip(self.tr("Undo this redaction: the words appear in the brief "
                                            "as you wrote them"))
        self.undo_button = QPushButton(self.tr("&Undo last change"))
        self.undo_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.note = label("", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)

        self.marker = PassageMarker()
        mark_title = label(self.tr("Mark more text"), "subtitle")
        top_right = QWidget()
        tr_col = QVBoxLayout(top_right)
        tr_col.setContentsMargins(0, 0, 0, 0)
        tr_col.addWidget(self.count)
        tr_col.addWidget(self.table, 1)
        tr_col.addLayout(buttons)
        tr_col.addWidget(self.note)
        bottom_right = QWidget()
        br_col = QVBoxLayout(bottom_right)
        br_col.setContentsMargins(0, 8, 0, 0)
        br_col.addWidget(mark_title)
        br_col.addWidget(self.marker, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(top_right)
        right.addWidget(bottom_right)
        right.setChildrenCollapsible(False)
        right.setSizes([340, 260])

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([520, 620])
        self.split = split

        self.reviewed = QCheckBox(self.tr("I have &reviewed every redaction, and the brief "
                                          "identifies no one"))
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.setSpacing(8)
        outer.addWidget(self.problem)
        outer.addWidget(split, 1)
        outer.addWidget(rule)
        outer.addWidget(self.reviewed)

        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.keep_button.clicked.connect(self._keep)
        self.undo_button.clicked.connect(self._undo)
        self.marker.markRequested.connect(self._mark)
        self.reviewed.toggled.connect(self.completeChanged)
        QShortcut(QKeySequence("Ctrl+K"), self, self._keep)

    # --- the wizard's state -----------------------------------------------------------------

    @property
    def state(self):
        return self.wizard().review_state

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        self.refresh()
        self.table.setFocus()
        if self.model.rowCount():
            self.table.selectRow(0)

    def refresh(self) -> None:
        """Redraw everything from the draft (after any change)."""
        state = self.state
        draft, rows, leaks = state.draft, state.rows(), state.leaks()
        current = self.table.currentIndex().row()
        self.model.set_rows(rows)
        self.preview.show_draft(draft, rows, leaks, -1)
        self.marker.set_draft(draft, leaks)
        self._fill_legend(sorted({s.kind for _k, s in rows}), bool(leaks))
        n, check = len(rows), self.model.uncertain_count()
        text = (self.tr("%1 redactions, %2 to check") if n != 1 else
                self.tr("%1 redaction, %2 to check"))
        text = text.replace("%1", str(n)).replace("%2", str(check))
        if leaks:
            count = sum(len(v) for v in leaks.values())
            text += " · " + self.tr("%1 known name(s) still showing").replace("%1", str(count))
        self.count.setText(text)
        self.undo_button.setEnabled(state.can_undo())
        self.keep_button.setEnabled(n > 0)
        if 0 <= current < n:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(current, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def start_over(self) -> None:
        """A new draft to review: nothing reviewed yet, no problem shown."""
        self.reviewed.setChecked(False)
        self.problem.setVisible(False)

    def show_refusal(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
        self.reviewed.setChecked(False)
        self.refresh()
        leaks = self.state.leaks()
        if leaks:
            self.table.clearSelection()
            self.table.setCurrentIndex(self.model.index(-1, -1))
            self.preview.select(-1)
            key = next(iter(leaks))
            start, end = leaks[key][0]
            self.marker.show_span(key, start, end)
            self.preview.first_leak()
        self.marker.text.setFocus()

    def wipe(self) -> None:
        self.model.clear()
        self.preview.wipe()
        self.marker.wipe()
        self.problem.clear()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.reviewed.isChecked()

    # --- actions ------------------------------------------------------------------------------

    def _fill_legend(self, kinds: list[str], leak: bool) -> None:
        while self.legend_layout.count():
            item = self.legend_layout.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone now, not only when the event loop comes round
                item.widget().deleteLater()
        entries = [(KIND_COLOURS.get(k, "#e2e2e2"), kind_label(k)) for k in kinds]
        if leak:
            entries.append((LEAK, self.tr("Still names someone")))
        per_row = 4
        for i, (colour, text) in enumerate(entries):
            self.legend_layout.addWidget(_swatch(colour, text), i // per_row, i % per_row)
        self.legend_layout.setColumnStretch(per_row, 1)

    def _row_changed(self, current, _previous) -> None:
        row = current.row()
        if not 0 <= row < len(self.model.rows):
            self.note.clear()
            return
        key, span = self.model.rows[row]
        self.preview.select(row)
        self.marker.show_span(key, span.start, span.end)
        if span.kind == "known_person":
            self.note.setText(self.tr("This is someone the journal knows. Keeping it as written "
                                      "names them: the export will refuse such a brief."))
        else:
            self.note.setText("")

    def _changed(self) -> None:
        self.problem.setVisible(False)
        self.reviewed.setChecked(False)
        self.refresh()

    def _keep(self) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.rows):
            return
        key, span = self.model.rows[row]
        self.state.keep(key, span)
        self._changed()
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))

    def _undo(self) -> None:
        self.state.undo()
        self._changed()

    def _mark(self, key: str, start: int, end: int, replacement: str) -> None:
        added = self.state.mark(key, start, end, replacement)
        self._changed()
        row = next((i for i, (k, s) in enumerate(self.model.rows) if k == key and s == added), -1)
        if row >= 0:
            self.table.selectRow(row)
