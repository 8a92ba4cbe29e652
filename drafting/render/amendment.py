"""The amending ordinance printed: plain text, HTML, .docx and PDF. Pure.

Deleted words are struck through and inserted words underlined, as run
formatting (`w:strike`, `w:u`), never Word tracked changes: this is the text
that is printed, voted on and filed, and nothing in it can be "accepted".

Plain text has no formatting, so it marks the words as wdiff does:

    deleted text   [-like this-]
    inserted text  {+like this+}

(A legend under the enacting formula says so. Law that itself holds "[-" or
"{+" would read ambiguously in text; the .docx and PDF carry formatting and
never are.)

    >>> from drafting.amend.ordinance import Line
    >>> from drafting.diff import Piece
    >>> line_text(Line("paragraph", 0, (Piece("equal", "Report "),
    ...     Piece("delete", "yearly"), Piece("insert", "monthly"), Piece("equal", "."))))
    'Report [-yearly-]{+monthly+}.'

Every format prints the same parts in the same order: the number line, the
title, the recitals, the enacting formula, a legend saying what struck and
underlined mean, one section per instruction with the code section in full
(indented), then the ordinance's own closing sections.
"""

from __future__ import annotations

from html import escape

import weasyprint
from docx.shared import Inches

from drafting.amend.ordinance import AmendingOrdinance, Line
from drafting.diff import Piece
from drafting.document import Run
from drafting.render.docx import (
    STYLE_BODY,
    STYLE_ENACTING,
    STYLE_NUMBER,
    STYLE_TITLE,
    ExportMeta,
    add_styled_paragraph,
    new_document,
    to_bytes,
    xml_safe,
)
from drafting.render.html import _run_html
from drafting.render.pdf import print_page, print_stylesheets

LEGEND = (
    "Language to be deleted is shown struck through; language to be added is shown "
    "underlined. Language neither struck through nor underlined is unchanged."
)
TEXT_LEGEND = (
    "Language to be deleted is shown [-between these marks-]; language to be added is shown "
    "{+between these marks+}. Language between neither is unchanged."
)
_TEXT_MARKS = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
QUOTE_INDENT = Inches(0.5)


def line_text(line: Line) -> str:
    """A line with its deleted and inserted words marked as wdiff marks them."""
    out = []
    for piece in line.pieces:
        before, after = _TEXT_MARKS[piece.kind]
        out.append(f"{before}{piece.text}{after}")
    return "".join(out)


def _sections(ordinance: AmendingOrdinance) -> list[tuple[str, str, tuple[Line, ...]]]:
    """(label, lead text, quoted lines) of every section of the ordinance, in order."""
    out = [
        (ordinance.section_label(i), instruction.text, instruction.lines)
        for i, instruction in enumerate(ordinance.instructions)
    ]
    start = len(out)
    for offset, clause in enumerate(ordinance.closing):
        label = ordinance.section_label(start + offset)
        lead = f"{clause.heading}. " + " ".join(clause.paragraphs)
        out.append((label, lead, ()))
    return out


def render_amendment_text(ordinance: AmendingOrdinance) -> str:
    """The amending ordinance as plain text (see the module docstring for the marks)."""
    parts = [
        "\n".join([ordinance.number_line, ordinance.title]),
        "\n".join([*ordinance.recitals, ordinance.enacting_clause]),
        TEXT_LEGEND,
    ]
    for label, lead, lines in _sections(ordinance):
        quoted = [("    " * (line.level + 1)) + line_text(line) for line in lines]
        parts.append("\n".join([f"{label} {lead}", *quoted]))
    return "\n\n".join(parts) + "\n"


# -- HTML (the page and the PDF) -------------------------------------------------------


def _piece_html(piece: Piece, labels: bool) -> str:
    text = _run_html(Run(xml_safe(piece.text), piece.style))
    if piece.kind == "equal":
        return text
    tag, word = ("del", "deleted") if piece.kind == "delete" else ("ins", "inserted")
    label = f'<span class="visually-hidden">{word}: </span>' if labels else ""
    return f"<{tag}>{label}{text}</{tag}>"


def render_amendment_html(ordinance: AmendingOrdinance, *, labels: bool = True) -> str:
    """The amending ordinance as an HTML fragment; <del> struck, <ins> underlined.

    `labels` adds "deleted: "/"inserted: " for screen readers (visually hidden); the
    print version leaves them out, so that the PDF's text is the ordinance's."""
    head = (
        '<header class="ordinance-heading">'
        f'<p class="ordinance-number">{escape(ordinance.number_line)}</p>'
        f'<h1 class="ordinance-title">{escape(ordinance.title)}</h1></header>'
    )
    recitals = "".join(f'<p class="block recital">{escape(r)}</p>' for r in ordinance.recitals)
    enacting = f'<p class="enacting-clause">{escape(ordinance.enacting_clause)}</p>'
    legend = f'<p class="block legend"><em>{escape(LEGEND)}</em></p>'
    sections = []
    for label, lead, lines in _sections(ordinance):
        quoted = "".join(
            f'<p class="block quoted quoted-{line.kind} level-{line.level}">'
            + "".join(_piece_html(p, labels) for p in line.pieces)
            + "</p>"
            for line in lines
        )
        sections.append(
            '<section class="ordinance-section amending-section">'
            f'<p class="block instruction"><strong>{escape(label)}</strong> {escape(lead)}</p>'
            f'<div class="quoted-section">{quoted}</div></section>'
        )
    body = "\n".join([head, recitals, enacting, legend, *sections])
    return f'<article class="ordinance amending-ordinance" lang="en">\n{body}\n</article>'


_AMENDMENT_CSS = """
del { text-decoration: line-through; }
ins { text-decoration: underline; }
.recital, .legend, .instruction { margin: 18pt 0 0; }
.enacting-clause { margin-top: 18pt; }
.quoted-section { margin: 0 0 0 0.5in; }
.quoted-title { margin-top: 18pt; font-weight: bold; }
.quoted.level-2 { margin-left: 0.5in; }
.quoted.level-3, .quoted.level-4 { margin-left: 1in; }
"""


def amendment_print_html(ordinance: AmendingOrdinance, meta: ExportMeta) -> str:
    head = f'<meta name="author" content="{escape(meta.author_name)}">'
    return print_page(render_amendment_html(ordinance, labels=False), meta, head=head)


def render_amendment_pdf(ordinance: AmendingOrdinance, meta: ExportMeta) -> bytes:
    """The amending ordinance as a tagged PDF, with line numbers when `meta` asks."""
    stylesheets = print_stylesheets(meta, weasyprint.CSS(string=_AMENDMENT_CSS))
    html = weasyprint.HTML(string=amendment_print_html(ordinance, meta))
    return html.write_pdf(stylesheets=stylesheets, pdf_tags=True)


# -- .docx --------------------------------------------------------------------------------


def _add_pieces(paragraph, pieces: tuple[Piece, ...]) -> None:
    for piece in pieces:
        run = paragraph.add_run(xml_safe(piece.text))
        if piece.kind == "delete":
            run.font.strike = True
        elif piece.kind == "insert":
            run.font.underline = True
        if piece.style == "term":
            run.bold = True
        elif piece.style == "emphasis":
            run.italic = True


def render_amendment_docx(ordinance: AmendingOrdinance, meta: ExportMeta) -> bytes:
    """The amending ordinance as .docx: struck-through and underlined runs (formatting,
    not tracked changes), the export's styles, header, footer and optional line numbers."""
    doc = new_document(meta)
    add_styled_paragraph(doc, STYLE_NUMBER, ordinance.number_line)
    add_styled_paragraph(doc, STYLE_TITLE, ordinance.title)
    for recital in ordinance.recitals:
        add_styled_paragraph(doc, STYLE_BODY, recital)
    add_styled_paragraph(doc, STYLE_ENACTING, ordinance.enacting_clause)
    legend = add_styled_paragraph(doc, STYLE_BODY)
    legend.add_run(LEGEND).italic = True
    for label, lead, lines in _sections(ordinance):
        paragraph = add_styled_paragraph(doc, STYLE_BODY)
        paragraph.add_run(label).bold = True
        paragraph.add_run(f" {xml_safe(lead)}")
        for line in lines:
            quoted = add_styled_paragraph(doc, STYLE_BODY)
            quoted.paragraph_format.left_indent = QUOTE_INDENT * (1 + min(line.level, 3))
            _add_pieces(quoted, line.pieces)
            if line.kind == "title":
                for run in quoted.runs:
                    run.bold = True
    return to_bytes(doc)
