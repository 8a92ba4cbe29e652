"""The PDF export, opened again and read with pypdf."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from collections import defaultdict

import pytest
from pypdf import PdfReader

from drafting.document import Document
from drafting.render.docx import ExportMeta, xml_safe
from drafting.render.html import render_html
from drafting.render.pdf import LINES_PER_PAGE, print_html, render_pdf
from tests.drafting.render.samples import (
    HOSTILE,
    REVISION_DATE,
    expected_lines,
    hostile_document,
    hostile_meta,
    small_document,
)

TEXT_TOP, TEXT_BOTTOM, TEXT_LEFT = 720, 72, 72  # the 1-inch margins, in PDF points


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _meta(document: Document, **changes) -> ExportMeta:
    meta = ExportMeta.for_document(
        document, author="Springfield Law Department", revision=3, revision_date=REVISION_DATE
    )
    return dataclasses.replace(meta, **changes)


@pytest.fixture(scope="module")
def model_pdf(model_document) -> PdfReader:
    return PdfReader(io.BytesIO(render_pdf(model_document, _meta(model_document))))


@pytest.fixture(scope="module")
def numbered_pdf(model_document) -> PdfReader:
    meta = _meta(model_document, line_numbers=True)
    return PdfReader(io.BytesIO(render_pdf(model_document, meta)))


def _body_pages(reader: PdfReader, meta: ExportMeta) -> list[str]:
    """Each page's text without its running header and footer."""
    pages = []
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for furniture in (meta.header_text, meta.revision_label, f"Page {number} of {total}"):
            assert furniture in text
            text = text.replace(furniture, "")
        pages.append(text)
    return pages


def _squeeze(text: str) -> str:
    # Extraction turns line ends into spaces, or into nothing after a hyphen ("A-" / "B").
    return "".join(text.split())


def _assert_in_order(haystack: str, needles: list[str]) -> None:
    haystack, position = _squeeze(haystack), 0
    for needle in needles:
        found = haystack.find(_squeeze(needle), position)
        assert found >= 0, f"not found in order: {needle[:80]!r}"
        position = found + len(_squeeze(needle))


def _lines(page) -> dict[float, list[tuple[float, str]]]:
    """Baseline y -> [(x, text)] for the text drawn on a page."""
    lines: dict[float, list[tuple[float, str]]] = defaultdict(list)

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            lines[round(y, 1)].append((x, text))

    page.extract_text(visitor_text=visit)
    return lines


# -- text ---------------------------------------------------------------------


def test_pdf_text_has_every_heading_title_and_block_in_order(model_pdf, model_document):
    meta = _meta(model_document)
    text = _normalise(" ".join(_body_pages(model_pdf, meta)))
    _assert_in_order(text, expected_lines(model_document))


def test_pdf_text_of_small_document_in_order():
    document = small_document()
    meta = _meta(document)
    reader = PdfReader(io.BytesIO(render_pdf(document, meta)))
    text = _normalise(" ".join(_body_pages(reader, meta)))
    _assert_in_order(text, expected_lines(document))
    assert text.startswith("ORDINANCE NO. 2026-17 Safe Communities Act BE IT ORDAINED")
    assert "A. “ICE” means the agency, as such" in text


def test_pdf_every_page_has_running_header_revision_and_page_x_of_y(model_pdf, model_document):
    pages = _body_pages(model_pdf, _meta(model_document))  # asserts the furniture per page
    assert len(pages) == len(model_pdf.pages) > 1


def test_pdf_never_ends_a_page_with_a_heading(model_pdf, model_document):
    headings = {section.title for section in model_document.sections}
    for page_text in _body_pages(model_pdf, _meta(model_document))[:-1]:
        last_line = page_text.strip().splitlines()[-1].strip()
        assert last_line not in headings


def test_pdf_metadata_and_tagging(model_pdf, model_document):
    info = model_pdf.metadata
    assert info.title == model_document.title
    assert info.author == "Springfield Law Department"
    assert info.creation_date.date() == REVISION_DATE
    root = model_pdf.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert "/StructTreeRoot" in root
    title, sections = model_pdf.outline  # bookmarks: the title, the sections under it
    assert title.title == model_document.title
    assert [item.title for item in sections] == [s.title for s in model_document.sections]


def test_print_html_is_a_full_page_with_title_and_language(model_document):
    html = print_html(model_document, _meta(model_document))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert f"<title>{model_document.title}</title>" in html
    assert '<meta name="author" content="Springfield Law Department">' in html


def test_print_html_has_no_anchors_but_the_same_text_as_the_preview(model_document):
    """No ids (each would be a named destination in the PDF) or data attributes."""
    html = print_html(model_document, _meta(model_document))
    assert re.findall(r' (?:id|data-clauses?)="', html) == []
    article = html[html.index("<article") : html.index("</article>")]
    preview = render_html(model_document)
    assert re.sub(r"<[^>]+>", "", article) == re.sub(r"<[^>]+>", "", preview[: -len("</article>")])


def test_pdf_outline_has_the_title_and_every_section(model_pdf, model_document):
    """The small user-agent stylesheet keeps the headings' bookmarks."""
    outline = model_pdf.outline
    assert outline[0].title == model_document.title
    assert [item.title for item in outline[1]] == [s.title for s in model_document.sections]


# -- line numbers -------------------------------------------------------------


def test_pdf_line_numbers_only_when_asked(model_pdf):
    for page in model_pdf.pages:
        margin = [t for line in _lines(page).values() for x, t in line if x < TEXT_LEFT]
        assert margin == []


def test_pdf_line_numbers_restart_each_page_and_sit_level_with_every_text_line(numbered_pdf):
    for page in numbered_pdf.pages:
        lines = _lines(page)
        numbers = {y: int(t) for y, items in lines.items() for x, t in items if x < TEXT_LEFT - 12}
        assert [numbers[y] for y in sorted(numbers, reverse=True)] == list(
            range(1, LINES_PER_PAGE + 1)
        )
        body = [
            y
            for y, items in lines.items()
            if TEXT_BOTTOM < y < TEXT_TOP and any(x >= TEXT_LEFT for x, _ in items)
        ]
        assert body, "a page without text"
        for y in body:
            assert min(abs(y - n) for n in numbers) < 0.1, f"text line at {y} has no number"


def test_pdf_text_is_unchanged_by_line_numbers(numbered_pdf, model_pdf):
    def words(reader):
        text = " ".join(page.extract_text() for page in reader.pages)
        return [w for w in text.split() if not re.fullmatch(r"\d+", w)]

    assert words(numbered_pdf) == words(model_pdf)


# -- hostile text -------------------------------------------------------------


def test_pdf_hostile_text_renders_as_text_not_markup():
    """Markup, RTL text, controls and a 5,000-character word (no emoji: see below)."""
    document, meta = hostile_document(emoji=False), hostile_meta(emoji=False)
    html = print_html(document, meta)
    assert "<script>" not in html
    assert "\x00" not in html and "\x0b" not in html
    reader = PdfReader(io.BytesIO(render_pdf(document, meta)))
    text = _normalise(" ".join(page.extract_text() for page in reader.pages))
    # Extraction gives right-to-left words in visual order, so look for them one by one.
    assert "ORDINANCE NO. <script>alert('x')</script> & <b>bold</b> &amp;" in text
    assert "مدينة" in text and "שלום" in text
    assert "Z" * 500 in _squeeze(text)
    assert reader.metadata.title == _normalise(xml_safe(meta.title))
    assert reader.metadata.author == meta.author_name
    assert reader.metadata.author.startswith(f"{HOSTILE} Springfield")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is missing")
def test_pdf_hostile_text_with_emoji_renders(tmp_path):
    """Emoji have no font here: WeasyPrint draws .notdef boxes and writes a custom CMap
    that pypdf cannot decode (poppler, Acrobat and pdf.js can), so read it with pdftotext."""
    path = tmp_path / "hostile.pdf"
    path.write_bytes(render_pdf(hostile_document(), hostile_meta()))
    result = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    )
    text = _normalise(result.stdout)
    assert "ORDINANCE NO. <script>alert('x')</script> & <b>bold</b> &amp;" in text
    assert "שלום" in text
    assert "Z" * 500 in _squeeze(text)
