"""Markdown brief → a self-contained HTML page with calm, print-friendly typography.

Everything the practitioner wrote is text, never markup: raw HTML and character references in a
passage are escaped (``<script>`` shows as written and runs nowhere), images are reduced to their
alt text (a brief loads nothing, local or remote), and a link keeps its address only if it is
``http``, ``https`` or ``mailto``.  The same HTML feeds the PDF.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

HEADER = "Confidential — de-identified case brief"

CSS = """
body { font-family: 'Source Serif Pro', Georgia, 'DejaVu Serif', serif; font-size: 11pt;
       line-height: 1.5; color: #222; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1 { font-family: 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif; font-size: 20pt;
     font-weight: 600; margin: 0.2em 0 0.6em; }
h2 { font-family: 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif; font-size: 14pt;
     font-weight: 600; margin: 1.4em 0 0.4em; color: #2b4a5f; }
h3 { font-family: 'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif; font-size: 12pt;
     font-weight: 600; margin: 1.1em 0 0.3em; }
blockquote { margin: 0.4em 0 0.8em; padding: 0.1em 0 0.1em 0.9em; border-left: 3px solid #c9d6df;
             color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #9aa9b4; padding: 0.9em 0.5em; text-align: left; vertical-align: top; }
th { background: #eef3f6; padding: 0.35em 0.5em; }
.confidential { font-family: 'Source Sans Pro', Arial, sans-serif; font-size: 9pt;
                letter-spacing: 0.04em; text-transform: uppercase; color: #7a4b4b; }
hr { border: none; border-top: 1px solid #ccc; margin: 1.5em 0 0.8em; }
"""


SAFE_SCHEMES = {"http", "https", "mailto"}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}}
_SAFE_STYLE = re.compile(r"text-align:\s*(?:left|right|center);?")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u00ad\u200b-\u200f\u2028-\u202f\u2060\ufeff]+")


def safe_url(url: str) -> bool:
    """An absolute http(s) or mailto address, after the tricks browsers forgive
    (``java&#x09;script:``, ``JaVaScRiPt:``, leading spaces and control characters)."""
    plain = _INVISIBLE.sub("", html.unescape(url or ""))
    try:
        parts = urlsplit(plain)
    except ValueError:
        return False
    if parts.scheme.lower() not in SAFE_SCHEMES:
        return False
    return parts.scheme.lower() == "mailto" or bool(parts.netloc)


class _OnlySafeMarkup(Treeprocessor):
    """Images become their alt text, unsafe links plain text, and no element keeps an attribute
    it was not allowed (no ``on…`` handlers, no ``src``, no ``style`` beyond table alignment)."""

    def run(self, root: ElementTree.Element) -> None:
        for el in root.iter():
            # The serialiser leaves anything shaped like "&#90;" alone, so a character reference
            # the practitioner typed would render as a letter ("&#90;eph" as "Zeph"): escape it.
            if el.tag != "code":  # a code span's text is escaped already
                el.text = _amp(el.text)
            el.tail = _amp(el.tail)
            if el.tag == "img":
                alt = el.get("alt") or ""
                el.tag = "span"
                el.attrib.clear()
                el.text = alt
                continue
            if el.tag == "a" and not safe_url(el.get("href", "")):
                el.tag = "span"
            allowed = _ALLOWED_ATTRIBUTES.get(el.tag, set())
            for name in list(el.attrib):
                value = el.attrib[name]
                if name not in allowed or (name == "style" and not _SAFE_STYLE.fullmatch(value)):
                    del el.attrib[name]
                elif name != "style":
                    el.attrib[name] = _amp(value)


def _amp(text: str | None) -> str | None:
    return text.replace("&", "&amp;") if text and "&" in text else text


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.ESCAPED_CHARS = [*md.ESCAPED_CHARS, "<", "&"]  # markdown_brief writes "\\<" and "\\&"
    md.preprocessors.deregister("html_block")  # raw HTML is text
    for name in ("html", "entity", "automail"):  # ... so are "&#90;" and "<a@b.c>"
        md.inlinePatterns.deregister(name)
    md.treeprocessors.register(_OnlySafeMarkup(md), "only_safe_markup", -1)  # last, after unescaping
    return md


def body_html(md_text: str) -> str:
    return _markdown().convert(md_text)


def to_html(md_text: str, title: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
        f"<p class=\"confidential\">{HEADER}</p>\n{body_html(md_text)}\n</body></html>\n"
    )
