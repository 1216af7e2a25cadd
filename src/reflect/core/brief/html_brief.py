"""Markdown brief → a self-contained HTML page with calm, print-friendly typography."""

from __future__ import annotations

import html

import markdown

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


def body_html(md_text: str) -> str:
    return markdown.markdown(md_text, extensions=["tables", "sane_lists"], output_format="html")


def to_html(md_text: str, title: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
        f"<p class=\"confidential\">{HEADER}</p>\n{body_html(md_text)}\n</body></html>\n"
    )
