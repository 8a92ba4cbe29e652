"""The redline .docx: real Word revisions that accept to the new text and reject
to the old.

The revisions are read with XPath: python-docx's `paragraph.text` skips text
inside `w:ins` and `w:del`. Accepting keeps inserted text, drops deleted text
and joins a paragraph whose mark was deleted to the next one; rejecting does
the opposite. That is what Word and LibreOffice do, so the property test
checks the file a clerk would get, not our own data.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter

import docx
import pytest
from hypothesis import given
from lxml import etree

from drafting.diff import diff_documents
from drafting.document import Document
from drafting.render.docx import STYLE_SECTION, ExportMeta, render_docx
from drafting.render.redline_docx import render_redline_docx
from tests.factories import PROPERTY, document_pairs, model

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}
AUTHOR = "Ana Ruiz"
DATE = dt.datetime(2026, 11, 22, 10, 30, tzinfo=dt.UTC)
_LABEL = re.compile(r"^(?:[IVXLCDM]+\)|Section \d+\.) ")


def redline(old: Document, new: Document, **meta) -> bytes:
    export = ExportMeta.for_document(new, author="Law Department", revision=3, **meta)
    return render_redline_docx(diff_documents(old, new), export, author=AUTHOR, date=DATE)


def body_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))  # raises if malformed


def resolve(data: bytes, *, accept: bool) -> list[tuple[str, str]]:
    """(style id, text) of each paragraph after accepting or rejecting every revision."""
    root = body_xml(data)
    gone = "w:del" if accept else "w:ins"
    paragraphs = []
    carried = ""
    for p in root.xpath("/w:document/w:body/w:p", namespaces=NS):
        parts = [carried]
        for node in p.xpath(".//w:t | .//w:delText | .//w:tab", namespaces=NS):
            if node.xpath(f"ancestor::{gone}", namespaces=NS):
                continue
            parts.append("\t" if node.tag == f"{{{W_NS}}}tab" else node.text or "")
        text = "".join(parts)
        if p.xpath(f"w:pPr/w:rPr/{gone}", namespaces=NS):
            carried = text  # the mark goes: what is left joins the next paragraph
            continue
        carried = ""
        style = p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)
        paragraphs.append((style, text))
    assert carried == "", "the last paragraph mark must not be tracked"
    return paragraphs


def lines(document: Document) -> list[str]:
    """The document's paragraphs as the clean export writes them."""
    out = [f"ORDINANCE NO. {document.ordinance_number or '____'}", document.title]
    if document.enacting_clause:
        out.append(document.enacting_clause)
    for section in document.sections:
        out.append(section.title)
        out.extend(f"{b.label}\t{b.text}" if b.label else b.text for b in section.blocks)
    return out


def without_labels(texts: list[str]) -> list[str]:
    return [_LABEL.sub("", text.split("\t", 1)[-1]) for text in texts]


def revisions(data: bytes) -> list[etree._Element]:
    return body_xml(data).xpath("//w:ins | //w:del | //w:pPrChange", namespaces=NS)


# -- the property --------------------------------------------------------------


@PROPERTY
@given(document_pairs())
def test_redline_accepts_to_new_and_rejects_to_old(pair):
    old, new = pair
    data = redline(old, new)
    accepted = [text for _style, text in resolve(data, accept=True)]
    rejected = [text for _style, text in resolve(data, accept=False)]
    assert accepted == lines(new)
    # Labels are tracked like any text: rejecting gives back the old numbering.
    assert rejected == lines(old)
    found = revisions(data)
    ids = [element.get(f"{{{W_NS}}}id") for element in found]
    assert len(ids) == len(set(ids))
    assert all(element.get(f"{{{W_NS}}}author") == AUTHOR for element in found)
    assert all(element.get(f"{{{W_NS}}}date") == "2026-11-22T10:30:00Z" for element in found)


# -- examples on the model ------------------------------------------------------


def test_redline_of_identical_documents_has_no_revisions():
    data = redline(model(), model())
    assert revisions(data) == []
    clean = render_docx(model(), ExportMeta.for_document(model(), author="x", revision=3))
    assert [t for _s, t in resolve(data, accept=True)] == [
        p.text for p in docx.Document(io.BytesIO(clean)).paragraphs
    ]


def test_redline_warrant_change_is_one_deletion_in_place():
    data = redline(model(), model({"warrant_standard": "judicial"}))
    root = body_xml(data)
    deleted = root.xpath("//w:del/w:r/w:delText/text()", namespaces=NS)
    relabelled = [text for text in deleted if re.fullmatch(r"[A-Z]\.", text)]
    assert relabelled == ["K.", "L.", "M."]  # the new definition K. pushes them down
    assert [t for t in deleted if t not in relabelled] == ["criminal "] * 3
    # The only insertion is the definition the judicial warrant standard needs.
    inserted = root.xpath("//w:p[w:pPr/w:rPr/w:ins]", namespaces=NS)
    assert len(inserted) == 1
    assert "".join(inserted[0].xpath(".//w:t/text()", namespaces=NS)).startswith(
        "K.“Judicial warrant” means"
    )
    paragraph = root.xpath("//w:p[w:del[w:r/w:delText = 'criminal ']]", namespaces=NS)[0]
    text = "".join(paragraph.xpath("w:r/w:t/text()", namespaces=NS))
    assert text.startswith("C.Honor immigration detainer requests")


def test_redline_removed_clause_marks_its_paragraphs_and_the_relabelling():
    data = redline(model(), model(drop=("joint-operations",)))
    root = body_xml(data)
    marked = root.xpath("//w:p[w:pPr/w:rPr/w:del]", namespaces=NS)
    assert len(marked) == 1
    assert "".join(marked[0].xpath(".//w:delText/text()", namespaces=NS)).startswith(
        "D.Participate jointly in or assist with any civil immigration enforcement"
    )
    # E. became D. and F. became E.: each old label deleted, the new one inserted.
    following = marked[0].xpath("following-sibling::w:p[position() <= 2]", namespaces=NS)
    labels = [
        (p.xpath("string(w:del[1]//w:delText)", namespaces=NS),
         p.xpath("string(w:ins[1]//w:t)", namespaces=NS))
        for p in following
    ]  # fmt: skip
    assert labels == [("E.", "D."), ("F.", "E.")]
    assert len(revisions(data)) == 2 + 2 * 2  # the paragraph's text and mark; two relabels


def test_redline_added_section_marks_heading_and_blocks_inserted():
    data = redline(model(), model(add=("training",)))
    root = body_xml(data)
    marked = root.xpath("//w:p[w:pPr/w:rPr/w:ins]", namespaces=NS)
    styles = [p.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS) for p in marked]
    heading_id = docx.Document(io.BytesIO(data)).styles[STYLE_SECTION].style_id
    assert styles[0] == heading_id
    assert "TRAINING" in "".join(marked[0].xpath(".//w:t/text()", namespaces=NS))


def test_redline_keeps_the_clean_exports_styles_and_term_formatting():
    old, new = model(), model({"warrant_standard": "judicial"})
    data = redline(old, new)
    clean = render_docx(new, ExportMeta.for_document(new, author="x", revision=3))
    redline_styles = [s for s, _t in resolve(data, accept=True)]
    clean_root = body_xml(clean)
    clean_styles = clean_root.xpath("/w:document/w:body/w:p/w:pPr/w:pStyle/@w:val", namespaces=NS)
    assert redline_styles == clean_styles
    bold_terms = body_xml(data).xpath("//w:r[w:rPr/w:b]/w:t/text()", namespaces=NS)
    assert "“Administrative warrant”" in bold_terms


def test_redline_properties_and_revision_metadata():
    data = redline(model(), model({"reporting_cadence": "semiannual"}))
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.author == "Law Department"
    assert document.core_properties.created.year != 2013
    found = revisions(data)
    assert Counter(element.tag.split("}")[1] for element in found) == {"del": 1, "ins": 1}


def test_redline_author_and_text_are_made_xml_safe():
    old = model()
    new = model({"reporting_cadence": "annual"})
    export = ExportMeta.for_document(new, author="Law", revision=1)
    diff = diff_documents(old, new)
    data = render_redline_docx(diff, export, author="Ana\x0b <Ruiz> & co", date=DATE)
    authors = {e.get(f"{{{W_NS}}}author") for e in revisions(data)}
    assert authors == {"Ana <Ruiz> & co"}


def test_redline_naive_date_is_taken_as_utc():
    old, new = model(), model({"reporting_cadence": "annual"})
    export = ExportMeta.for_document(new, author="Law", revision=1)
    diff = diff_documents(old, new)
    data = render_redline_docx(diff, export, author="A", date=dt.datetime(2026, 1, 2, 3, 4, 5))
    assert {e.get(f"{{{W_NS}}}date") for e in revisions(data)} == {"2026-01-02T03:04:05Z"}


def test_redline_with_line_numbers():
    data = redline(model(), model(drop=("advisory",)), line_numbers=True)
    assert body_xml(data).xpath("//w:sectPr/w:lnNumType", namespaces=NS)


# -- LibreOffice ----------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("libreoffice") is None,
    reason="LibreOffice is not installed: apt-get install libreoffice-writer poppler-utils",
)
def test_redline_converts_with_libreoffice(tmp_path):
    old = model()
    new = model(
        {"warrant_standard": "judicial", "reporting_cadence": "semiannual"},
        drop=("no-287g", "advisory"),
        add=("training",),
    )
    source = tmp_path / "redline.docx"
    source.write_bytes(redline(old, new))
    result = subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), source],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "redline.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Enter into any contract, agreement, or arrangement that would grant" in text
        assert "TRAINING" in text


def _own_words(document: Document) -> Document:
    from drafting.edits import apply_words
    from drafting.words import Edit, OwnSection, Words

    words = Words(
        edits=(Edit("reporting", "on a quarterly basis", "every month"),),
        sections=(OwnSection("local-hiring", "LOCAL HIRING", "- Hire locally.\n\n- Train.",
                             "privacy"),),
    )  # fmt: skip
    applied = apply_words(document, words)
    assert applied.conflicts == ()
    return applied.document


@pytest.mark.parametrize(
    "old, new",
    [
        pytest.param(lambda: model(), lambda: model(drop=("ncic",)), id="dropped-definition"),
        pytest.param(lambda: model(), lambda: _own_words(model()), id="own-words"),
        pytest.param(lambda: model(drop=("ncic",)), lambda: model(), id="definition-back"),
        pytest.param(
            lambda: model(), lambda: model(drop=("advisory", "privacy")), id="sections-renumbered"
        ),
        pytest.param(
            lambda: _own_words(model()),
            lambda: model({"warrant_standard": "judicial"}),
            id="own-words-to-option",
        ),
    ],
)
def test_redline_resolves_exactly_both_ways(old, new):
    """Every difference, labels included, is a revision: accept-all is the new
    revision's text and reject-all the old one's, paragraph for paragraph."""
    old, new = old(), new()
    assert lines(old) != lines(new)
    data = redline(old, new)
    assert [text for _style, text in resolve(data, accept=True)] == lines(new)
    assert [text for _style, text in resolve(data, accept=False)] == lines(old)


def test_redline_relabels_an_item_when_a_definition_is_dropped():
    """Leaving out the NCIC clause drops its definition (L.): "M." becomes "L."."""
    data = redline(model(), model(drop=("ncic",)))
    root = body_xml(data)
    paragraph = root.xpath("//w:p[.//w:t[contains(., 'Verbal abuse')]]", namespaces=NS)[0]
    assert paragraph.xpath("string(w:del//w:delText)", namespaces=NS) == "M."
    assert paragraph.xpath("string(w:ins//w:t)", namespaces=NS) == "L."
