"""The redline PDF: opened again with pypdf and read, not only "no exception"."""

from __future__ import annotations

import io
import re
from functools import cache

import pypdf
import pytest

from drafting.diff import diff_documents
from drafting.render import redline_pdf
from drafting.render.redline_pdf import redline_document_html, render_redline_pdf
from tests.factories import model


@cache
def diff():
    new = model({"warrant_standard": "judicial"}, drop=("advisory",), add=("training",))
    return diff_documents(model(), new)


@cache
def pdf(*, blueline: bool = False) -> pypdf.PdfReader:
    data = render_redline_pdf(
        diff(),
        old_label="r2",
        new_label="r3",
        summary=["Warrant standard: judicial criminal warrant → judicial warrant"],
        blueline=blueline,
    )
    assert data.startswith(b"%PDF")
    return pypdf.PdfReader(io.BytesIO(data))


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def test_redline_pdf_heading_summary_and_page_numbers():
    texts = page_texts(pdf())
    total = len(texts)
    assert total > 5
    assert "Redline: r2 → r3" in texts[0]
    assert "Warrant standard: judicial criminal warrant → judicial warrant" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text


def test_redline_pdf_keeps_deleted_and_inserted_text():
    text = " ".join(" ".join(page_texts(pdf())).split())
    assert "properly issued judicial criminal warrant" in text  # struck through, still there
    assert "ADVISORY" in text  # the removed section, struck through
    assert "TRAINING" in text  # the added section, underlined


def test_redline_pdf_numbers_every_line_of_every_page():
    for text in page_texts(pdf()):
        numbers = {int(n) for n in re.findall(r"^\s*(\d{1,2})\s*$", text, re.M)}
        assert set(range(1, redline_pdf.PAGE_LINES + 1)) <= numbers


def test_blueline_variant():
    texts = page_texts(pdf(blueline=True))
    assert "Blueline: r2 → r3" in texts[0]
    assert "bold" in texts[0]  # the legend says how insertions look
    content = b"".join(page.get_contents().get_data() for page in pdf(blueline=True).pages)
    assert b"0 0.2 0.8 rg" in content  # #0033cc, the blue of insertions


@pytest.mark.parametrize("blueline", [False, True])
def test_meaning_is_carried_by_style_not_colour_alone(blueline):
    css = redline_pdf._BLUELINE_CSS if blueline else redline_pdf._REDLINE_CSS
    rules = dict(re.findall(r"(ins|del) \{([^}]*)\}", css))
    assert "underline" in rules["ins"]
    assert "line-through" in rules["del"]


def test_redline_pdf_page_escapes_labels():
    page = redline_document_html(diff(), heading="Redline: <r1> → r2 & co")
    assert "<r1>" not in page
    assert "Redline: &lt;r1&gt; → r2 &amp; co" in page


def test_redline_pdf_without_line_numbers():
    page = redline_document_html(diff(), heading="Redline", line_numbers=False)
    assert "line-numbers" not in page
