"""PDF rendering of the document IR: `render_html` plus the print stylesheet, by WeasyPrint.

Pure (no Django). The HTML is the same fragment the preview shows, wrapped in
a page whose <title> and <meta> tags become the PDF's metadata; all layout is
in `print.css`, passed to WeasyPrint as a stylesheet object (CSS inside a
<style> element that something autoescapes loses its @page rules silently).

Line numbers: the stylesheet sets every line box to 18pt and every vertical
gap to a multiple of it, so the page's 9-inch text area is a grid of 36 lines.
With `meta.line_numbers`, the left page-margin box prints 1-36 on that grid,
so each rendered line of text is level with its number, as on pleading paper;
numbering restarts on every page, and blank lines (between sections) and the
unused lines at the foot of a page carry numbers too.

Speed: the print page is ours alone (`print_html`: a handful of element types,
no ids), so WeasyPrint's 250-rule user-agent stylesheet is replaced by the few
rules those elements need (`_PrintHTML`), and blocks carry no ids (each would
become a named destination). Laying out and drawing the glyphs is the rest;
splitting a long document into parts laid out one by one gains nothing on one
core (WeasyPrint's layout is linear in the pages), and laid-out pages cannot
cross a process boundary (README, Performance).
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path

import weasyprint

from drafting.document import Document
from drafting.render.docx import APPLICATION, ExportMeta, xml_safe
from drafting.render.html import render_html

STYLESHEET = Path(__file__).with_name("print.css")
LINE_HEIGHT_PT = 18
TEXT_HEIGHT_PT = 9 * 72  # US Letter, 11in less two 1in margins
LINES_PER_PAGE = TEXT_HEIGHT_PT // LINE_HEIGHT_PT


# What WeasyPrint's user-agent stylesheet gives the elements `print_html` uses
# (html5_ua.css: display, bold, italic, heading bookmarks and breaks); print.css
# sets every size and margin itself.
_USER_AGENT_CSS = """
head, meta, title, style, script { display: none }
html, body, article, header, section, div, p, h1, h2 { display: block }
strong { font-weight: bold }
em { font-style: italic }
h1, h2 { font-weight: bold; bookmark-label: content(text); break-after: avoid;
  break-inside: avoid; hyphens: manual }
h1 { bookmark-level: 1 }
h2 { bookmark-level: 2 }
"""


class _PrintHTML(weasyprint.HTML):
    """Our print page, cascaded against the small user-agent stylesheet above."""

    def _ua_stylesheets(self, forms: bool = False) -> list[weasyprint.CSS]:
        return [_user_agent_css()]


@cache
def _user_agent_css() -> weasyprint.CSS:
    return weasyprint.CSS(string=_USER_AGENT_CSS)


@cache
def _print_css() -> weasyprint.CSS:
    return weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"))


@cache
def _line_number_css() -> weasyprint.CSS:
    numbers = r"\A ".join(str(n) for n in range(1, LINES_PER_PAGE + 1))
    return weasyprint.CSS(
        string=f"""
        @page {{
          @left-top {{
            content: "{numbers}";
            font: 9pt "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
            line-height: {LINE_HEIGHT_PT}pt;
            white-space: pre;
            text-align: right;
            vertical-align: top;
            color: #444;
            padding-right: 0.3in;
            padding-top: 1pt;
          }}
        }}"""
    )


def _meta_tags(meta: ExportMeta) -> str:
    date = meta.date.isoformat()
    tags = {
        "author": meta.author_name,
        "description": " – ".join(filter(None, [xml_safe(meta.locality), meta.revision_label])),
        "keywords": "ordinance",
        "generator": APPLICATION,
        "dcterms.created": date,
        "dcterms.modified": date,
    }
    return "\n".join(
        f'<meta name="{name}" content="{escape(value)}">' for name, value in tags.items()
    )


def print_page(body: str, meta: ExportMeta, *, head: str) -> str:
    """A full HTML page a PDF is made from: the title, the `head` tags, the running header
    and footer first, then `body` (HTML)."""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{escape(xml_safe(" ".join(meta.title.split())))}</title>
{head}
</head>
<body>
<div class="running-header">{escape(meta.header_text)}</div>
<div class="running-footer">{escape(xml_safe(meta.revision_label))}</div>
{body}
</body>
</html>
"""


def print_stylesheets(meta: ExportMeta, *extra: weasyprint.CSS) -> list[weasyprint.CSS]:
    """The print stylesheet, then `extra`, then the line-number grid when `meta` asks."""
    return [_print_css(), *extra, *([_line_number_css()] if meta.line_numbers else [])]


def print_html(document: Document, meta: ExportMeta) -> str:
    """The full HTML page the PDF is made from (the running header and footer first)."""
    return print_page(xml_safe(render_html(document, anchors=False)), meta, head=_meta_tags(meta))


def render_pdf(document: Document, meta: ExportMeta) -> bytes:
    """The ordinance as PDF bytes (tagged, selectable text, fonts embedded as subsets)."""
    html = _PrintHTML(string=print_html(document, meta))
    return html.write_pdf(stylesheets=print_stylesheets(meta), pdf_tags=True)
