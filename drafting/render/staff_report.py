"""The staff report (`drafting.staff_report.Report`) as HTML, PDF and .docx. Pure.

The PDF is printed by WeasyPrint from `staff_report_html` with its own small
stylesheet (passed as a stylesheet object, so its @page rules hold); the
.docx is written with the export's Word styles (`drafting.render.docx`:
Title, Heading 1, Body Text, Ordinance Item 1), so a clerk can edit it.
"""

from __future__ import annotations

from html import escape

import weasyprint
from docx.shared import Inches

from drafting.render.docx import (
    ITEM_STYLES,
    STYLE_BODY,
    STYLE_SECTION,
    STYLE_TITLE,
    ExportMeta,
    add_styled_paragraph,
    new_document,
    to_bytes,
    xml_safe,
)
from drafting.staff_report import Para, Report, Table

CSS = """
@page { size: letter; margin: 1in;
  @bottom-left { content: string(report-footer); font: 9pt "Liberation Serif", serif; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages);
    font: 9pt "Liberation Serif", serif; } }
html { font: 11pt/1.35 "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: #000; }
h1 { font-size: 16pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; break-after: avoid; }
p { margin: 0 0 5pt; }
.report-lines p { margin: 0; }
.report-lines { margin-bottom: 10pt; }
.report-footer { string-set: report-footer content(); display: none; }
ul { margin: 0 0 6pt; padding-left: 16pt; }
li { margin-bottom: 4pt; }
.note { font-size: 9.5pt; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 4pt 0 6pt; }
th, td { border-bottom: 0.5pt solid #777; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { border-bottom: 1pt solid #000; }
tr { break-inside: avoid; }
"""


def _para_html(para: Para) -> str:
    lead = f"<strong>{escape(para.lead)}</strong>" if para.lead else ""
    return f"{lead}{escape(para.text)}"


def _table_html(table: Table) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in table.header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _content_html(content) -> str:
    out, items = [], []
    for piece in [*content, None]:
        if isinstance(piece, Para) and piece.kind == "item":
            items.append(f"<li>{_para_html(piece)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if piece is None:
            break
        if isinstance(piece, Table):
            out.append(_table_html(piece))
        else:
            css = ' class="note"' if piece.kind == "note" else ""
            out.append(f"<p{css}>{_para_html(piece)}</p>")
    return "\n".join(out)


def staff_report_html(report: Report) -> str:
    """The whole page the PDF is printed from (a heading per part, in order)."""
    lines = "".join(f"<p>{escape(line)}</p>" for line in report.lines)
    parts = "\n".join(
        f"<section><h2>{escape(part.heading)}</h2>\n{_content_html(part.content)}</section>"
        for part in report.parts
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(report.title)}</title></head>\n<body>\n"
        f'<p class="report-footer">{escape(report.footer)}</p>\n'
        f'<header><h1>{escape(report.title)}</h1><div class="report-lines">{lines}</div>'
        f"</header>\n{parts}\n</body></html>\n"
    )


def render_staff_report_pdf(report: Report) -> bytes:
    html = weasyprint.HTML(string=xml_safe(staff_report_html(report)))
    return html.write_pdf(stylesheets=[weasyprint.CSS(string=CSS)], pdf_tags=True) or b""


def render_staff_report_docx(report: Report, meta: ExportMeta) -> bytes:
    """The report as .docx in the export's styles: Title, Heading 1 per part, Body Text,
    Ordinance Item 1 for list items, a Word table for the scorecard."""
    doc = new_document(meta)
    add_styled_paragraph(doc, STYLE_TITLE, report.title)
    for line in report.lines:
        add_styled_paragraph(doc, STYLE_BODY, line)
    for part in report.parts:
        add_styled_paragraph(doc, STYLE_SECTION, part.heading)
        for piece in part.content:
            if isinstance(piece, Table):
                _docx_table(doc, piece)
                continue
            style = ITEM_STYLES[0] if piece.kind == "item" else STYLE_BODY
            paragraph = add_styled_paragraph(doc, style)
            if piece.kind == "item":
                paragraph.add_run("–\t")
            if piece.lead:
                paragraph.add_run(xml_safe(piece.lead)).bold = True
            run = paragraph.add_run(xml_safe(piece.text))
            run.italic = piece.kind == "note"
    return to_bytes(doc)


# Column widths of the scorecard table in the .docx (inches; 6.5 in of text width).
SCORECARD_WIDTHS = (1.7, 0.7, 0.6, 2.0, 1.5)


def _docx_table(doc, table: Table) -> None:
    grid = doc.add_table(rows=1 + len(table.rows), cols=len(table.header))
    grid.style = "Table Grid"
    grid.autofit = False
    if len(table.header) == len(SCORECARD_WIDTHS):
        for column, width in zip(grid.columns, SCORECARD_WIDTHS, strict=True):
            column.width = Inches(width)
            for cell in column.cells:
                cell.width = Inches(width)
    for i, text in enumerate(table.header):
        cell = grid.rows[0].cells[i]
        cell.paragraphs[0].add_run(xml_safe(text)).bold = True
    for r, row in enumerate(table.rows, start=1):
        for i, text in enumerate(row):
            grid.rows[r].cells[i].paragraphs[0].add_run(xml_safe(text))
