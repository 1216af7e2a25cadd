"""How the heat map looks: theme names written upwards so columns stay narrow, and cells as
small rounded tiles (a gap between them keeps neighbours apart; the chosen one is outlined)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

CELL = 42  # column width
ROW = 28


class UpwardHeader(QHeaderView):
    """A horizontal header whose labels read bottom to top."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultSectionSize(CELL)
        self.setMinimumSectionSize(CELL)
        self.setHighlightSections(True)

    def _labels(self) -> list[str]:
        model = self.model()
        if model is None:
            return []
        return [str(model.headerData(i, Qt.Orientation.Horizontal) or "")
                for i in range(model.columnCount())]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        font = QFont(self.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        longest = max((metrics.horizontalAdvance(t) for t in self._labels()), default=40)
        return QSize(super().sizeHint().width(), min(longest, 130) + 16)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:  # noqa: N802 - Qt API
        if not rect.isValid():
            return
        model = self.model()
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        current = self.selectionModel() is not None and self.selectionModel().currentIndex()
        chosen = bool(current) and current.isValid() and current.column() == logical
        palette = self.palette()
        painter.save()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Window))
        font = QFont(self.font())
        font.setBold(chosen)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        metrics = painter.fontMetrics()
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.height() - 12)
        painter.translate(rect.center().x() + metrics.ascent() / 2 - 2, rect.bottom() - 8)
        painter.rotate(-90)
        painter.drawText(0, 0, text)
        painter.restore()


class TileDelegate(QStyledItemDelegate):
    """A cell as a rounded tile in the model's background colour, the count in the middle."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        palette = option.palette
        tile = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        painter.setBrush(background if background is not None
                         else palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(tile, 4, 4)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 2))
            painter.drawRoundedRect(tile.adjusted(1, 1, -1, -1), 3, 3)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            font = index.data(Qt.ItemDataRole.FontRole) or option.font
            painter.setFont(font)
            painter.setPen(index.data(Qt.ItemDataRole.ForegroundRole)
                           or palette.color(QPalette.ColorRole.Text))
            painter.drawText(tile, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        return QSize(CELL, ROW)


class HeatMapView(QTableView):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeader(UpwardHeader(self))
        self.setItemDelegate(TileDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(ROW)
        self.verticalHeader().setHighlightSections(True)
        self.setStyleSheet(
            "QTableCornerButton::section { background: transparent; border: none; }"
            "QHeaderView { background: transparent; }"
            "QHeaderView::section:vertical { background: transparent; border: none;"
            " padding: 0 12px 0 2px; }")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Tall enough for every row where there is room (the window gives it no more)."""
        return QSize(super().sizeHint().width(), self.fitted_height())

    def fitted_height(self) -> int:
        """Header plus every row, so short maps need no scroll bar."""
        rows = self.model().rowCount() if self.model() else 0
        return self.horizontalHeader().sizeHint().height() + rows * ROW + 6
