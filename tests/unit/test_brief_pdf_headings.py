"""A session heading is never stranded at the bottom of a PDF page."""

from __future__ import annotations

from PySide6.QtCore import QSizeF

from reflect.core.brief.pdf import document_for, keep_headings_with_next

PAGE = 300.0


def stranded(doc) -> int:
    layout, count, block = doc.documentLayout(), 0, doc.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.next().isValid():
            heading = layout.blockBoundingRect(block).top() // PAGE
            after = layout.blockBoundingRect(block.next()).top() // PAGE
            count += heading != after
        block = block.next()
    return count


def test_a_heading_moves_to_the_next_page_with_the_block_after_it():
    seen_stranded = 0
    for n in range(1, 45):  # push the heading down the page a paragraph at a time
        filler = "\n\n".join(f"Paragraph {i}, a line or two of words about the session." for i in
                             range(n))
        md = filler + "\n\n### Session 2 — a week later\n\n*in person, 60 min*\n\nWhat happened.\n"
        plain = document_for(md)
        plain.setPageSize(QSizeF(500, PAGE))
        seen_stranded += stranded(plain)
        kept = document_for(md)
        kept.setPageSize(QSizeF(500, PAGE))
        keep_headings_with_next(kept)
        assert stranded(kept) == 0, n
        assert kept.toPlainText() == plain.toPlainText()  # nothing lost or moved in the text
    assert seen_stranded  # without it, some heading did end a page (the test can fail)
