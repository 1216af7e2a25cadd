"""Theme counts over months: a stacked bar chart of the top themes (QtCharts)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication

TOP = 6
MONTHS = 12
COLORS = ("#2f6f6b", "#d08c3a", "#6f5aa8", "#c4576a", "#4f86b8", "#7f9a3c")
OTHER = "#9aa1a7"


def month_range(months: list[str], limit: int = MONTHS) -> list[str]:
    """Every month from the first to the last given ("YYYY-MM"), gaps filled, the last ``limit``."""
    if not months:
        return []
    first, last = min(months), max(months)
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out[-limit:]


def month_labels(keys: list[str]) -> list[str]:
    """"Mar" for each month; each January carries the year ("Jan 26")."""
    out = []
    for i, key in enumerate(keys):
        d = date(int(key[:4]), int(key[5:7]), 1)
        out.append(d.strftime("%b %y") if d.month == 1 and i else d.strftime("%b"))
    return out


class ThemeMonthsChart(QChartView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(170)
        self.setAccessibleName(self.tr("Themes by month"))
        self.chart_ = QChart()
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(self.chart_)
        self.shown_themes: list[str] = []

    def clear(self) -> None:
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)
        self.chart_.setTitle("")
        self.shown_themes = []

    def show_counts(self, counts: dict[str, dict[str, int]], labels: dict[str, str],
                    title: str) -> None:
        """``counts``: theme -> {"YYYY-MM": entries}."""
        self.clear()
        self._colour()
        months = month_range([m for per in counts.values() for m in per])
        if not months:
            self.chart_.setTitle(self.tr("No themes yet"))
            return
        totals = {t: sum(per.get(m, 0) for m in months) for t, per in counts.items()}
        ranked = [t for t in sorted(totals, key=lambda t: (-totals[t], t)) if totals[t]]
        top, rest = ranked[:TOP], ranked[TOP:]
        series = QStackedBarSeries()
        for i, theme in enumerate(top):
            bar = QBarSet(labels.get(theme, theme))
            bar.append([float(counts[theme].get(m, 0)) for m in months])
            bar.setColor(QColor(COLORS[i % len(COLORS)]))
            bar.setBorderColor(QColor(COLORS[i % len(COLORS)]))
            series.append(bar)
        if rest:
            bar = QBarSet(self.tr("Other themes"))
            bar.append([float(sum(counts[t].get(m, 0) for t in rest)) for m in months])
            bar.setColor(QColor(OTHER))
            bar.setBorderColor(QColor(OTHER))
            series.append(bar)
        series.setBarWidth(0.7)
        self.chart_.addSeries(series)
        x = QBarCategoryAxis()
        x.append(month_labels(months))
        y = QValueAxis()
        peak = max(sum(counts[t].get(m, 0) for t in ranked) for m in months)
        y.setRange(0, max(peak, 1))
        y.setTickCount(min(max(peak, 1), 5) + 1)
        y.setLabelFormat("%d")
        y.setTitleText(self.tr("entries"))
        self.chart_.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self._colour_axes()
        first, last = (date(int(k[:4]), int(k[5:7]), 1) for k in (months[0], months[-1]))
        self.chart_.setTitle(f"{title} ({first:%b %Y} – {last:%b %Y})")
        self.shown_themes = top

    def _colour(self) -> None:
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self.chart_.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
        self.chart_.setBackgroundRoundness(4)
        self.chart_.setTitleBrush(text)
        self.chart_.legend().setLabelColor(text)
        self.setBackgroundBrush(palette.color(QPalette.ColorRole.Window))

    def _colour_axes(self) -> None:
        palette = QApplication.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.AlternateBase).darker(115)
        for axis in self.chart_.axes():
            axis.setLabelsColor(text)
            axis.setTitleBrush(text)
            axis.setGridLineColor(grid)
            axis.setLinePenColor(palette.color(QPalette.ColorRole.Mid))
