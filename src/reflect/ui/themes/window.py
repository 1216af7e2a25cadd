"""The themes window (View → Themes, Ctrl+T): what keeps coming back, per client and overall.

A client × theme heat map, theme counts by month, the Demand-Control patterns of the chosen
client, and for a chosen cell its entries with the words that gave the theme away. It shows what
``ThemesAnalysis`` holds and empties itself when that is cleared (lock).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QModelIndex, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reflect.core.query import ALL, GENERAL
from reflect.core.themes import counts_by_month, dcs_sentences, evidence_html
from reflect.ui.themes.analysis import ThemesAnalysis
from reflect.ui.themes.chart import ThemeMonthsChart
from reflect.ui.themes.heatmap import HeatMapView
from reflect.ui.themes.models import (
    COUNT_ROLE,
    KEY_ROLE,
    THEME_ROLE,
    EntryRow,
    HeatMapModel,
    ThemeEntriesModel,
)
from reflect.ui.themes.models import (
    RECURRING_ROLE as CELL_RECURRING,
)
from reflect.ui.widgets.pages import label

EMPTY = "Themes appear here once you have written a few entries."
STATUS_NOTES = {"suggested": "Found by Reflect", "accepted": "Found by Reflect, and you kept it",
                "added": "Added by you"}


HEAT_MIN_HEIGHT = 300  # the column headers and about five rows


class ThemesWindow(QWidget):
    def __init__(self, analysis: ThemesAnalysis, settings,
                 client_labels: Callable[[], dict[str, str]],
                 open_entry: Callable[[str], None], parent=None,
                 beside_stress: QWidget | None = None) -> None:
        """``beside_stress``: a last column beside the stress and overtime patterns (the
        monthly self-check's trend, which that widget keeps up to date itself)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.analysis = analysis
        self.settings = settings
        self._client_labels = client_labels
        self._open_entry = open_entry
        self.setWindowTitle(self.tr("Themes"))  # Qt adds " — Reflect"
        self.resize(self._fitting_size())

        self.status = label("", "hint", wrap=False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setMaximumHeight(10)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Analysing"))
        header = QHBoxLayout()
        header.addWidget(label(self.tr("Themes"), "title", wrap=False))
        header.addSpacing(16)
        self.rule = label("", "hint", wrap=False)
        header.addWidget(self.rule, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        header.addWidget(self.status)
        header.addWidget(self.progress)

        self.heat_model = HeatMapModel(self)
        self.heat = HeatMapView()
        self.heat.setModel(self.heat_model)
        self.heat.setAccessibleName(self.tr("Clients and themes"))

        self.scope = QComboBox()
        self.scope.setAccessibleName(self.tr("Patterns for"))
        scope_label = QLabel(self.tr("&Patterns for:"))
        scope_label.setBuddy(self.scope)
        scope_row = QHBoxLayout()
        scope_row.addWidget(label(self.tr("Over time"), "subtitle", wrap=False))
        scope_row.addStretch(1)
        scope_row.addWidget(scope_label)
        scope_row.addWidget(self.scope)

        self.chart = ThemeMonthsChart()
        self.dcs: dict[str, QLabel] = {}
        strip = QGridLayout()
        strip.setHorizontalSpacing(18)
        strip.setVerticalSpacing(2)
        for col, (key, title) in enumerate((("demands", self.tr("Demands")),
                                            ("controls", self.tr("Controls")),
                                            ("stress", self.tr("Stress")),
                                            ("overtime", self.tr("Running over")))):
            strip.addWidget(label(title, "hint", wrap=False), 0, col)
            text = QLabel()
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            text.setAccessibleName(title)
            strip.addWidget(text, 1, col)
            strip.setColumnStretch(col, 1)
            self.dcs[key] = text
        if beside_stress is not None:  # its own title on the first row, like the others
            strip.addWidget(beside_stress, 0, 4, 2, 1)
            strip.setColumnStretch(4, 1)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 8, 0)
        heat_title = label(self.tr("&Clients and themes"), "subtitle", wrap=False)
        heat_title.setBuddy(self.heat)
        lv.addWidget(heat_title)
        self.heat_hint = label("", "hint")
        lv.addWidget(self.heat_hint)
        lv.addWidget(self.heat, 0)
        lv.addSpacing(6)
        lv.addLayout(scope_row)
        lv.addWidget(self.chart, 4)
        lv.addLayout(strip)

        self.entries_model = ThemeEntriesModel(self)
        self.entry_list = QTreeView()
        self.entry_list.setModel(self.entries_model)
        self.entry_list.setRootIsDecorated(False)
        self.entry_list.setUniformRowHeights(True)
        self.entry_list.setAlternatingRowColors(True)
        self.entry_list.setAccessibleName(self.tr("Entries with this theme"))
        self.entry_list.header().setStretchLastSection(True)
        self.entry_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.cell_title = label(self.tr("Choose a cell to see its entries"), "subtitle")
        self.cell_title.setBuddy(self.entry_list)
        self.evidence = QTextBrowser()
        self.evidence.setOpenLinks(False)
        self.evidence.setAccessibleName(self.tr("Evidence"))
        self.evidence.setPlaceholderText(
            self.tr("Choose a coloured cell, then an entry, to read the words behind it."))
        self.open_button = QPushButton(self.tr("&Open Entry"))
        self.open_button.setEnabled(False)
        self.open_button.setToolTip(self.tr("Show this entry in the main window's editor"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(8, 0, 0, 0)
        rv.addWidget(self.cell_title)
        rv.addWidget(self.entry_list, 1)
        rv.addWidget(self.evidence, 3)
        rv.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 440])

        self.empty = label(self.tr(EMPTY), "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)

        self.heat.selectionModel().currentChanged.connect(self._cell_changed)
        self.heat.clicked.connect(self._cell_changed)
        self.entry_list.selectionModel().currentChanged.connect(self._entry_changed)
        self.entry_list.doubleClicked.connect(lambda _i: self._open_current())
        self.open_button.clicked.connect(self._open_current)
        self.scope.currentIndexChanged.connect(lambda _i: self._show_scope())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        analysis.analysing.connect(self._analysing)
        analysis.updated.connect(self.refresh)
        analysis.cleared.connect(self.clear)
        analysis.failed.connect(self._failed)
        self._cell: tuple[str, str] | None = None
        if settings.themes_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.themes_geometry.encode()))
        self.clear()
        if analysis.busy:
            self._analysing()
        elif analysis.result is not None:
            self.refresh()

    # --- states ----------------------------------------------------------------------------

    def _analysing(self) -> None:
        self.status.setText(self.tr("Analysing…"))
        self.progress.setVisible(True)
        if self.analysis.result is None:
            self.empty.setText(self.tr("Analysing your journal…"))

    def _failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setText(self.tr("Could not analyse the journal: %1").replace("%1", message))

    def clear(self) -> None:
        """Lock (or nothing yet): no journal content left in any widget."""
        self._cell = None
        self.heat_model.clear()
        self.entries_model.clear()
        self.evidence.clear()
        self.chart.clear()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.blockSignals(False)
        for text in self.dcs.values():
            text.clear()
        self.cell_title.setText(self.tr("Choose a cell to see its entries"))
        self.open_button.setEnabled(False)
        self.status.clear()
        self.progress.setVisible(False)
        self.empty.setText(self.tr(EMPTY))
        self.stack.setCurrentWidget(self.empty)
        self._show_rule()

    def _show_rule(self) -> None:
        n, of = self.settings.recurring_min_count, self.settings.recurring_window
        self.rule.setText(self.tr("● recurring: in at least %1 of a client's last %n sessions",
                                  "", of).replace("%1", str(n)))
        self.heat_hint.setText(self.tr("Sessions in which each theme came up. Choose a cell to "
                                       "see those entries and the words behind it."))

    def refresh(self) -> None:
        """New results: rebuild the models, keep the chosen cell, scope and entry."""
        result = self.analysis.result
        self.status.clear()
        self.progress.setVisible(False)
        self._show_rule()
        if result is None:
            return
        if not any(a.themes for a in result.entries):
            self.clear()
            return
        labels = self._client_labels()
        cell, scope = self._cell, self.scope.currentData()
        entry = self._current_entry_id()
        self.heat_model.set_result(result, labels)
        self.heat.horizontalHeader().updateGeometry()
        self.heat.updateGeometries()
        fitted = self.heat.fitted_height()
        self.heat.setMaximumHeight(fitted)
        # all of it where there is room; on a 768-pixel laptop screen it scrolls instead of
        # pushing "Over time" over its last rows
        self.heat.setMinimumHeight(min(fitted, HEAT_MIN_HEIGHT))
        self.heat.updateGeometry()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All clients"), ALL)
        for row in range(self.heat_model.rowCount()):
            self.scope.addItem(self.heat_model.row_label(row), self.heat_model.row_key(row))
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)) if scope else 0)
        self.scope.blockSignals(False)
        self.stack.setCurrentWidget(self.splitter)
        self._show_scope()
        self._cell = None
        index = self.heat_model.index_of(*cell) if cell is not None else QModelIndex()
        keep = index.isValid()
        if not keep:  # the first look: the strongest cell, a recurring one if there is any
            index = self._strongest_cell()
        if index.isValid():
            self.heat.setCurrentIndex(index)
            self._cell_changed(index, keep_scope=keep)
            if keep and entry:
                self._select_entry(entry)
            return
        self.entries_model.clear()
        self.evidence.clear()
        self.open_button.setEnabled(False)

    def _strongest_cell(self) -> QModelIndex:
        model, best, rank = self.heat_model, QModelIndex(), (False, 0)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                here = (bool(index.data(CELL_RECURRING)), index.data(COUNT_ROLE) or 0)
                if here > rank:
                    best, rank = index, here
        return best

    # --- the chosen scope: chart and patterns -------------------------------------------------

    def _show_scope(self) -> None:
        result = self.analysis.result
        if result is None:
            return
        key = self.scope.currentData() or ALL
        records = [r for r in result.records() if key == ALL or (r[2] or GENERAL) == key]
        name = self.scope.currentText() if key != ALL else self.tr("all clients")
        self.chart.show_counts(counts_by_month(records), result.labels,
                               self.tr("Themes by month — %1").replace("%1", name))
        entries = [self.analysis.entries[r[0]] for r in records if r[0] in self.analysis.entries]
        for k, text in dcs_sentences(entries).items():
            self.dcs[k].setText(text)

    # --- a cell, its entries, their evidence ---------------------------------------------------

    def _cell_changed(self, index: QModelIndex, _previous=None, *, keep_scope: bool = False) -> None:
        result = self.analysis.result
        if result is None or not index.isValid():
            return
        key, theme = index.data(KEY_ROLE), index.data(THEME_ROLE)
        if self._cell == (key, theme):
            return
        self._cell = (key, theme)
        client = None if key == GENERAL else key
        analyses = result.grid().get((client, theme), [])
        rows = []
        for a in analyses:
            entry = self.analysis.entries.get(a.entry_id)
            status = next((t.status for t in a.themes if t.theme == theme), "")
            rows.append(EntryRow(a.entry_id, a.date, entry.first_line() if entry else "",
                                 self.tr(STATUS_NOTES.get(status, ""))))
        self.entries_model.set_rows(rows)
        theme_label = result.labels.get(theme, theme)
        who = self.heat_model.row_label(index.row())
        title = (self.tr("%1 — %2 (%n sessions)", "", len(rows)) if rows
                 else self.tr("%1 — %2: not in any session"))
        self.cell_title.setText(title.replace("%1", theme_label).replace("%2", who)
                                .replace("&", "&&"))  # a buddy label: & is not a mnemonic
        if not keep_scope and self.scope.findData(key) >= 0:
            self.scope.setCurrentIndex(self.scope.findData(key))
        self.evidence.clear()
        self.open_button.setEnabled(False)
        if rows:
            self.entry_list.setCurrentIndex(self.entries_model.index(0, 0))

    def _current_entry_id(self) -> str | None:
        index = self.entry_list.currentIndex()
        return self.entries_model.entry_id(index.row()) if index.isValid() else None

    def _select_entry(self, entry_id: str) -> None:
        row = self.entries_model.row_of(entry_id)
        if row >= 0:
            self.entry_list.setCurrentIndex(self.entries_model.index(row, 0))

    def _entry_changed(self, index: QModelIndex, _previous=None) -> None:
        result = self.analysis.result
        if result is None or not index.isValid() or self._cell is None:
            self.evidence.clear()
            self.open_button.setEnabled(False)
            return
        entry_id = self.entries_model.entry_id(index.row())
        entry = self.analysis.entries.get(entry_id)
        analysis = next((a for a in result.entries if a.entry_id == entry_id), None)
        if entry is None or analysis is None:
            return
        theme = self._cell[1]
        found = next((t for t in analysis.themes if t.theme == theme), None)
        evidence = found.evidence if found else []
        note = "" if evidence else self.tr("You added this theme by hand; no words are marked.")
        heading = f"{result.labels.get(theme, theme)} · {entry.date.strftime('%d %B %Y')}"
        dark = bool(QApplication.instance().property("reflectDark"))
        self.evidence.setHtml(evidence_html(entry, evidence, heading=heading, note=note,
                                            dark=dark))
        self.open_button.setEnabled(True)

    def _open_current(self) -> None:
        entry_id = self._current_entry_id()
        if entry_id:
            self._open_entry(entry_id)

    def _fitting_size(self) -> QSize:
        """1240 × 880 where there is room; within the screen (a 1366 × 768 laptop) where not."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None or room.isEmpty():
            return QSize(1240, 880)
        return QSize(min(1240, room.width() - 40), min(880, room.height() - 40))

    def save_geometry(self) -> None:
        self.settings.themes_geometry = bytes(self.saveGeometry().toBase64()).decode()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:  # as any secondary window: Esc closes it
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.save_geometry()
        super().closeEvent(event)
