"""The clean .docx export, opened again and read with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile

import docx
import pytest
from docx.shared import Inches, Pt

from drafting.document import Block, Run
from drafting.render.docx import (
    ITEM_STYLES,
    ExportMeta,
    add_block_paragraph,
    new_document,
    render_docx,
    shorten,
    style_for_block,
    xml_safe,
)
from tests.drafting.render.samples import (
    EMOJI,
    HOSTILE,
    LONG_WORD,
    REVISION_DATE,
    expected_lines,
    hostile_document,
    hostile_meta,
    small_document,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def _texts(doc) -> list[str]:
    return [p.text.replace("\t", " ") for p in doc.paragraphs]


@pytest.fixture
def model_docx(model_document, meta) -> bytes:
    return render_docx(model_document, meta)


# -- text ---------------------------------------------------------------------


def test_docx_text_equals_assembled_model_text(model_document, model_docx):
    assert _texts(_open(model_docx)) == expected_lines(model_document)


def test_docx_text_equals_small_document_text():
    document = small_document()
    data = render_docx(
        document, ExportMeta.for_document(document, author="A", revision=None, revision_date=None)
    )
    assert _texts(_open(data)) == expected_lines(document)
    assert _texts(_open(data))[0] == "ORDINANCE NO. 2026-17"


def test_docx_labels_are_literal_text_then_tab_without_auto_numbering(model_docx):
    doc = _open(model_docx)
    labelled = [p.text for p in doc.paragraphs if p.style.name in ITEM_STYLES]
    assert labelled
    assert all(re.match(r"^(\S+)\t", text) for text in labelled)
    assert "w:numPr" not in _part(model_docx, "word/document.xml")


def test_docx_runs_keep_term_and_emphasis():
    doc = _open(render_docx(small_document(), ExportMeta("T", "L", "A", 1, REVISION_DATE)))
    item = next(p for p in doc.paragraphs if p.text.startswith("A.\t“ICE”"))
    assert [(r.text, r.bold, r.italic) for r in item.runs] == [
        ("A.\t", None, None),
        ("“ICE”", True, None),
        (" means the agency, ", None, None),
        ("as such", None, True),
    ]


# -- styles and layout --------------------------------------------------------


def test_docx_paragraph_styles_follow_the_document_structure():
    document = small_document()
    doc = _open(render_docx(document, ExportMeta("T", "L", "A", 1, REVISION_DATE)))
    expected = ["Ordinance Number", "Title", "Enacting Clause"]
    for section in document.sections:
        expected.append("Heading 1")
        expected += [style_for_block(block) for block in section.blocks]
    assert [p.style.name for p in doc.paragraphs] == expected
    assert expected[3:] == [
        "Heading 1",
        "Body Text",
        "Heading 1",
        "Body Text",
        "Ordinance Item 1",
        "Heading 1",
        "Body Text",
        "Ordinance Item 1",
        "Ordinance Item 2",
        "Ordinance Item 3",
        "Ordinance Item 1",
        "Ordinance Item 1",
    ]


def test_style_for_block_caps_deep_levels():
    assert style_for_block(Block("paragraph", ())) == "Body Text"
    assert style_for_block(Block("item", (), level=1)) == "Ordinance Item 1"
    assert style_for_block(Block("item", (), level=5)) == "Ordinance Item 3"


def test_docx_styles_are_serif_black_with_hanging_item_indents(model_docx):
    styles = _open(model_docx).styles
    normal = styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(12))
    for name in ("Title", "Heading 1"):
        style = styles[name]
        assert style.font.name == "Times New Roman"
        assert style.font.bold is True
        assert str(style.font.color.rgb) == "000000"
        assert style.paragraph_format.keep_with_next is True
    for level, name in enumerate(ITEM_STYLES, start=1):
        fmt = styles[name].paragraph_format
        assert styles[name].base_style.name == "Body Text"
        assert (fmt.left_indent, fmt.first_line_indent) == (Inches(0.5 * level), -Inches(0.5))
    styles_xml = _part(model_docx, "word/styles.xml")
    assert "majorHAnsi" not in re.search(r'w:styleId="Heading1".*?</w:style>', styles_xml, re.S)[0]


def test_docx_heading_block_keeps_with_next(model_docx):
    doc = _open(model_docx)
    first_four = doc.paragraphs[:4]
    assert [p.style.paragraph_format.keep_with_next for p in first_four] == [True] * 4


def test_docx_page_is_us_letter_with_one_inch_margins(model_docx):
    section = _open(model_docx).sections[0]
    assert (section.page_width, section.page_height) == (Inches(8.5), Inches(11))
    margins = [section.left_margin, section.right_margin, section.top_margin, section.bottom_margin]
    assert margins == [Inches(1)] * 4


# -- header, footer, properties, line numbers ---------------------------------


def test_docx_header_names_locality_and_title(model_docx, model_document):
    header = _open(model_docx).sections[0].header
    assert [p.text for p in header.paragraphs] == [
        f"{model_document.locality} — {model_document.title}"
    ]


def test_docx_footer_has_revision_label_and_page_fields(model_docx):
    footer = _open(model_docx).sections[0].footer
    assert footer.paragraphs[0].text == "Draft r3, 2026-11-22\t\tPage 1 of 1"
    xml = footer._element.xml
    instructions = [node.text.strip() for node in footer._element.iter(f"{W}instrText")]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert xml.count('w:fldCharType="begin"') == 2
    assert xml.count('w:fldCharType="end"') == 2


def test_docx_core_properties(model_docx, model_document):
    props = _open(model_docx).core_properties
    stamp = dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
    assert props.title == model_document.title
    assert props.author == "Springfield Law Department"
    assert props.last_modified_by == "Springfield Law Department"
    assert props.revision == 3
    assert (props.created, props.modified) == (stamp, stamp)
    assert props.comments == "Draft r3, 2026-11-22"
    core = _part(model_docx, "docProps/core.xml")
    assert "python-docx" not in core
    assert "2013" not in core
    assert "Microsoft" not in _part(model_docx, "docProps/app.xml")


def test_docx_properties_without_revision_use_today_and_a_default_author():
    document = small_document()
    meta = ExportMeta.for_document(document)
    before = dt.date.today()
    props = _open(render_docx(document, meta)).core_properties
    days = {dt.datetime.combine(day, dt.time(), dt.UTC) for day in (before, dt.date.today())}
    assert props.created in days
    assert (props.modified, props.revision) == (props.created, 1)
    assert props.author == "Ordinance Drafter"


def test_docx_line_numbers_only_when_asked(model_document, meta, model_docx):
    assert "lnNumType" not in _part(model_docx, "word/document.xml")
    numbered = render_docx(model_document, dataclasses.replace(meta, line_numbers=True))
    sect_pr = _open(numbered).sections[0]._sectPr
    (numbering,) = sect_pr.findall(f"{W}lnNumType")
    assert numbering.get(f"{W}countBy") == "1"
    assert numbering.get(f"{W}restart") == "newPage"
    # Schema order: lnNumType comes after the page margins and before pgNumType/cols.
    tags = [child.tag.removeprefix(W) for child in sect_pr]
    assert tags.index("lnNumType") == tags.index("pgMar") + 1


def test_clean_docx_has_no_comments(model_docx):
    with zipfile.ZipFile(io.BytesIO(model_docx)) as archive:
        assert not [name for name in archive.namelist() if "comments" in name]
    assert "commentRangeStart" not in _part(model_docx, "word/document.xml")


def test_docx_bytes_are_the_same_for_the_same_revision(model_document, meta, model_docx):
    assert render_docx(model_document, meta) == model_docx
    with zipfile.ZipFile(io.BytesIO(model_docx)) as archive:
        assert archive.testzip() is None
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# -- ExportMeta ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("revision", "date", "label"),
    [
        (3, dt.date(2026, 11, 22), "Draft r3, 2026-11-22"),
        (3, None, "Draft r3"),
        (None, dt.date(2026, 11, 22), "Draft"),
        (None, None, "Draft"),
    ],
)
def test_revision_label(revision, date, label):
    assert ExportMeta("T", "L", "A", revision, date).revision_label == label


def test_header_text_is_shortened_to_one_line():
    meta = ExportMeta("A title " * 40, "Springfield\n", "A", 1, None)
    assert meta.header_text.startswith("Springfield — A title A title")
    assert len(meta.header_text) <= 30 + 3 + 60
    assert shorten("x" * 100, 10) == "xxxxxxxxx…"


# -- building blocks ----------------------------------------------------------


def test_building_blocks_make_a_styled_paragraph_without_heading_block():
    meta = ExportMeta("T", "L", "A", 2, REVISION_DATE)
    doc = new_document(meta)
    assert doc.paragraphs == []
    paragraph = add_block_paragraph(doc, Block("item", (Run("Text"),), level=2, label="1)"))
    assert (paragraph.style.name, paragraph.text) == ("Ordinance Item 2", "1)\tText")


# -- hostile text -------------------------------------------------------------


def test_docx_hostile_text_renders_as_plain_text():
    document = hostile_document()
    data = render_docx(document, hostile_meta())
    doc = _open(data)
    assert _texts(doc) == [xml_safe(line) for line in expected_lines(document)]
    xml = _part(data, "word/document.xml")
    assert "<script>" not in xml
    assert "&lt;script&gt;" in xml
    assert "&amp;amp;" in xml
    assert doc.paragraphs[0].text == f"ORDINANCE NO. {HOSTILE}{EMOJI}"
    assert LONG_WORD in doc.paragraphs[-2].text
    header = doc.sections[0].header.paragraphs[0].text
    assert len(header) <= 93
    props = doc.core_properties
    assert props.author.startswith(f"{HOSTILE}{EMOJI} Springfield")
    assert len(props.author) <= 255
    assert len(props.title) <= 255
