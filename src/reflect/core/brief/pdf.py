"""Markdown brief → PDF with QTextDocument and QPdfWriter (Qt GUI, never widgets).

Runs headless: if no Qt application exists (the CLI), an offscreen QGuiApplication is made.
Every page carries the confidentiality header and 'Page N of M'; A4 or Letter by locale.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from reflect.core.private_file import write_private

from .html_brief import CSS, HEADER, body_html

LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
}
_app = None


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["reflect-pdf"])


def page_size_for_locale(locale: QLocale | None = None) -> QPageSize:
    locale = locale or QLocale.system()
    letter = locale.territory() in LETTER_TERRITORIES
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


def document_for(md_text: str) -> QTextDocument:
    _ensure_app()
    doc = QTextDocument()
    doc.setDefaultStyleSheet(CSS.replace("max-width: 44em;", ""))
    font = QFont("DejaVu Serif")
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    # QTextDocument's rich text knows HTML attributes better than CSS for tables and rules
    html = body_html(md_text).replace("<table>", '<table width="100%" cellspacing="0" cellpadding="7">')
    html = html.replace("<hr />", "<p></p>").replace("<hr>", "<p></p>")
    doc.setHtml(html)
    return doc


def write_pdf(md_text: str, destination: Path, title: str, page_size: QPageSize | None = None,
              *, header: str = HEADER) -> int:
    """Write the PDF whole and readable by its owner only (``private_file``); returns the number
    of pages. ``header`` heads every page."""
    data, pages = render_pdf(md_text, title, page_size, header=header)
    write_private(Path(destination), data)
    return pages


def render_pdf(md_text: str, title: str, page_size: QPageSize | None = None, *,
               header: str = HEADER) -> tuple[bytes, int]:
    """The PDF made in memory (nothing touches the disk), and its number of pages."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages = _paint(md_text, QPdfWriter(buffer), title, page_size, header)
    buffer.close()
    return bytes(buffer.data().data()), pages


def _paint(md_text: str, writer: QPdfWriter, title: str, page_size: QPageSize | None,
           header: str) -> int:
    """Lay the document out on ``writer``'s pages; returns the number of pages."""
    doc = document_for(md_text)
    writer.setTitle(title)
    writer.setCreator("Reflect")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(page_size or page_size_for_locale(), QPageLayout.Orientation.Portrait,
                    QMarginsF(20, 22, 20, 20), QPageLayout.Unit.Millimeter)
    )
    dpi = writer.resolution()
    page = writer.pageLayout().paintRectPixels(dpi)
    band = dpi * 0.35  # room for the header and the footer
    body = QRectF(0, 0, page.width(), page.height() - 2 * band)
    # lay the document out at screen scale, then scale the painter up to the printer's dpi
    scale = dpi / 96.0
    doc.setPageSize(QSizeF(body.width() / scale, body.height() / scale))
    keep_headings_with_next(doc)
    pages = doc.pageCount()
    painter = QPainter(writer)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(8)
    try:
        for index in range(pages):
            if index:
                writer.newPage()
            painter.setFont(small)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(QRectF(0, 0, page.width(), band * 0.8),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, header)
            painter.drawText(QRectF(0, page.height() - band * 0.8, page.width(), band * 0.8),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             f"Page {index + 1} of {pages}")
            painter.save()
            painter.translate(0, band)
            painter.scale(scale, scale)
            clip = QRectF(0, index * body.height() / scale, body.width() / scale, body.height() / scale)
            painter.translate(0, -clip.top())
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    return pages


def _page_of(y: float, page_height: float) -> int:
    return int(y // page_height)


def keep_headings_with_next(doc: QTextDocument) -> None:
    """A heading never ends a page: one whose next block would start on the following page
    moves to that page with it. ``doc`` has its page size set; blocks are checked in order,
    as each move shifts what follows."""
    layout = doc.documentLayout()
    page_height = doc.pageSize().height()
    block = doc.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid() and block.text().strip():
            top = layout.blockBoundingRect(block).top()
            rect = layout.blockBoundingRect(following)
            lines = following.layout()
            first = lines.lineAt(0).height() if lines.lineCount() else rect.height()
            if _page_of(top, page_height) != _page_of(rect.top() + first - 1, page_height):
                fmt = QTextBlockFormat(block.blockFormat())
                fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
        block = following


def plain_text(md_text: str) -> str:
    """What the PDF will show, as text (the gate scans this too)."""
    return document_for(md_text).toPlainText()
