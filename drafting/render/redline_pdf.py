"""The redline for print: a document diff as a PDF with line numbers. Pure.

    >>> from drafting.diff import diff_documents
    >>> from drafting.parse import parse_text
    >>> diff = diff_documents(parse_text("Section 1. Reports.\\nReport quarterly."),
    ...                       parse_text("Section 1. Reports.\\nReport annually."))
    >>> render_redline_pdf(diff, old_label="r2", new_label="r3")[:5]
    b'%PDF-'

Built with WeasyPrint from `compare_html.redline_html`. Meaning is carried by
style, not colour: insertions are underlined, deletions struck through; the
colours (dark blue, dark red) stay dark grey when printed in black and white.
The "blueline" variant follows that convention instead: insertions blue, bold
and underlined, deletions struck through in black.

Line numbers: every line sits on an 18 pt grid (one line height; margins are
whole lines; headings are body-sized), and a column of numbers 1-36 at the
same line height is fixed in the left margin, so WeasyPrint repeats it on
every page beside the lines it numbers, restarting on each page as pleading
paper and many councils' redline copies do.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

import weasyprint

from drafting.diff import DocumentDiff
from drafting.render.compare_html import redline_html, summary_html

LINE = 18  # pt: the grid every line sits on
PAGE_LINES = 36  # 9 in of text area (Letter, 1 in margins) / 18 pt

_BASE_CSS = f"""
@page {{
  size: letter;
  margin: 1in 1in 1in 1.25in;
  @top-center {{ content: string(doc-title); font: 9pt "Liberation Serif", serif;
    color: #333; }}
  @bottom-left {{ content: string(redline-heading); font: 9pt "Liberation Serif", serif; }}
  @bottom-right {{ content: "Page " counter(page) " of " counter(pages);
    font: 9pt "Liberation Serif", serif; }}
}}
html {{ font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 12pt; line-height: {LINE}pt; color: #000; }}
body {{ margin: 0; }}
h1, h2, p, ul, ol, li {{ font-size: 12pt; line-height: {LINE}pt; margin: 0; padding: 0; }}
.redline-heading h1 {{ font-size: 14pt; string-set: redline-heading content(); }}
.redline-heading {{ margin-bottom: {LINE}pt; }}
.legend {{ font-style: italic; }}
.option-summary {{ list-style: none; }}
.option-summary li::before {{ content: "– "; }}
.ordinance-heading {{ text-align: center; font-weight: bold; }}
.ordinance-title {{ string-set: doc-title content(); }}
.ordinance-heading p, .ordinance-heading h1 {{ margin-bottom: {LINE}pt; }}
.enacting-clause {{ text-align: left; }}
.section-heading {{ font-weight: bold; margin: {LINE}pt 0; break-after: avoid; }}
.block {{ margin-bottom: {LINE}pt; text-align: left; }}
.block .label {{ display: inline-block; width: 0.5in; text-indent: 0; }}
.level-1 {{ padding-left: 0.5in; text-indent: -0.5in; }}
.level-2 {{ padding-left: 1in; text-indent: -0.5in; }}
.level-3, .level-4, .level-5 {{ padding-left: 1.5in; text-indent: -0.5in; }}
.moved-note {{ font-style: italic; }}
.visually-hidden {{ display: none; }}
.line-numbers {{ position: fixed; top: 0; left: -0.75in; width: 0.4in; text-align: right;
  font-size: 10pt; line-height: {LINE}pt; color: #444; white-space: pre; }}
strong.term {{ font-weight: bold; }}
"""

_REDLINE_CSS = """
ins { text-decoration: underline; color: #0b3d6e; }
del { text-decoration: line-through; color: #8a1212; }
"""

_BLUELINE_CSS = """
ins { text-decoration: underline; color: #0033cc; font-weight: bold; }
del { text-decoration: line-through; color: #000; }
"""

LEGEND = {
    False: "Inserted text is underlined; deleted text is struck through.",
    True: "Inserted text is in bold, underlined (blue); deleted text is struck through.",
}


def redline_document_html(
    diff: DocumentDiff,
    *,
    heading: str,
    summary: Iterable[object] = (),
    blueline: bool = False,
    line_numbers: bool = True,
) -> str:
    """The whole HTML page the PDF is printed from (styles passed separately)."""
    numbers = ""
    if line_numbers:
        # One text block of 36 lines: much quicker to lay out on every page
        # than 36 elements.
        column = "\n".join(str(n) for n in range(1, PAGE_LINES + 1))
        numbers = f'<div class="line-numbers" aria-hidden="true">{column}</div>\n'
    summary = list(summary)
    summary_part = f"\n{summary_html(summary)}" if summary else ""
    legend = LEGEND[blueline] + " Item labels follow the new numbering."
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(heading)}</title></head>\n<body>\n{numbers}"
        f'<header class="redline-heading"><h1>{escape(heading)}</h1>\n'
        f'<p class="legend">{escape(legend)}</p>{summary_part}</header>\n'
        f"{redline_html(diff)}\n</body></html>\n"
    )


def render_redline_pdf(
    diff: DocumentDiff,
    *,
    old_label: str = "old",
    new_label: str = "new",
    summary: Iterable[object] = (),
    blueline: bool = False,
    line_numbers: bool = True,
) -> bytes:
    """The comparison as PDF bytes, headed "Redline: r2 → r3" ("Blueline: ...")."""
    kind = "Blueline" if blueline else "Redline"
    heading = f"{kind}: {old_label} → {new_label}"
    page = redline_document_html(
        diff, heading=heading, summary=summary, blueline=blueline, line_numbers=line_numbers
    )
    styles = [
        weasyprint.CSS(string=_BASE_CSS),
        weasyprint.CSS(string=_BLUELINE_CSS if blueline else _REDLINE_CSS),
    ]
    document = weasyprint.HTML(string=page)
    return document.write_pdf(stylesheets=styles) or b""
