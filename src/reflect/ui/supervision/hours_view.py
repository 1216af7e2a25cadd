"""Supervision hours per month or per year, by kind of meeting, with a CSV export (what many
registration bodies ask for)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from reflect.core.private_file import write_private
from reflect.core.supervision import hours_csv, supervision_hours
from reflect.core.supervision.hours import ALL_KINDS

from .labels import kind_label, tr


def _kind(text: str) -> str:
    from reflect.core.supervision import MeetingKind

    return tr("All kinds") if text == ALL_KINDS else kind_label(MeetingKind(text))


class HoursDialog(QDialog):
    def __init__(self, journal, parent=None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle(tr("Supervision Hours"))
        self.resize(560, 460)
        self.by = QComboBox()
        self.by.addItem(tr("By month"), "month")
        self.by.addItem(tr("By year"), "year")
        self.by.setAccessibleName(tr("Count hours"))
        self.by.currentIndexChanged.connect(self.reload)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Period"), tr("Kind"), tr("Meetings"), tr("Hours")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(tr("Supervision hours"))
        self.total = QLabel()
        self.total.setProperty("role", "hint")
        export = QPushButton(tr("&Export CSV…"))
        export.clicked.connect(self.export)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.by)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(export)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        self.rows = supervision_hours(self.journal, by=self.by.currentData())
        shown = list(reversed(self.rows))  # the latest period first
        self.table.setRowCount(len(shown))
        for i, r in enumerate(shown):
            for column, text in enumerate([r.period, _kind(r.kind), str(r.meetings), f"{r.hours:.2f}"]):
                item = QTableWidgetItem(text)
                if r.kind == ALL_KINDS:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, column, item)
        totals = [r for r in self.rows if r.kind == ALL_KINDS]
        minutes = sum(r.minutes for r in totals)
        self.total.setText(tr("%1 meetings, %2 hours in all.").replace(
            "%1", str(sum(r.meetings for r in totals))).replace("%2", f"{minutes / 60:.2f}")
            if totals else tr("No meetings logged yet."))

    def export(self, path: str | None = None) -> Path | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export supervision hours"),
                                                  "supervision-hours.csv", tr("CSV (*.csv)"))
            if not path:
                return None
        destination = Path(path)
        try:
            write_private(destination, hours_csv(self.rows).encode("utf-8"))
        except OSError as exc:
            QMessageBox.warning(self, tr("Not exported"), tr("The file could not be written: %1")
                                .replace("%1", exc.strerror or str(exc)))
            return None
        return destination
