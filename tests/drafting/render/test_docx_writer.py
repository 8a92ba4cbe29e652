"""The clean .docx's fast writer (body XML as text into a cached skeleton) against
the python-docx objects it replaced: the same bytes, document by document."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from drafting.assembly import assemble
from drafting.document import Block, Document, Run, Section
from drafting.render.docx import (
    ExportMeta,
    add_block_paragraph,
    add_clause_bookmarks,
    add_heading_block,
    add_section_heading,
    new_document,
    render_docx,
    to_bytes,
)
from drafting.spec import parse_spec
from tests.drafting.render.samples import hostile_document, hostile_meta, small_document

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def python_docx_export(document: Document, meta: ExportMeta) -> bytes:
    """The export as the python-docx objects wrote it before the fast writer."""
    doc = new_document(meta)
    add_heading_block(doc, document)
    for section in document.sections:
        add_section_heading(doc, section)
        for block in section.blocks:
            add_block_paragraph(doc, block)
    add_clause_bookmarks(doc, document)
    return to_bytes(doc)


def awkward_document() -> Document:
    runs = (Run(" lead\ttab\nline\r end "), Run("a & <b>", "term"), Run("", "emphasis"), Run("  "))
    blocks = (
        Block("item", runs, level=7, label="A."),
        Block("paragraph", (Run("\x0bcontrol\x00 chars\u202e"),), label="\x01"),
        Block("bullet", (Run("\u00a0nbsp"),), level=2, label="–"),
    )
    return Document(
        " T & <t> ", (Section("H\tx", blocks, number="I)"),), ordinance_number="12\n",
        enacting_clause=" BE IT ORDAINED ",
    )  # fmt: skip


def _cases(model_document, meta):
    yield "model", model_document, meta
    yield "model, line numbers", model_document, dataclasses.replace(meta, line_numbers=True)
    yield "small", small_document(), ExportMeta("T", "L", "A", 1, None)
    yield "hostile", hostile_document(), hostile_meta()
    yield "awkward", awkward_document(), ExportMeta(" & ", "<L>", "", None, None)
    for path in sorted(EXAMPLES.glob("*.json")):
        spec = parse_spec(json.loads(path.read_text()))
        yield path.name, None, spec


def test_fast_writer_writes_the_same_bytes_as_python_docx(model_document, meta, library_texts):
    for name, document, meta_or_spec in _cases(model_document, meta):
        if document is None:
            document = assemble(library_texts, meta_or_spec)
            meta_or_spec = ExportMeta.for_document(document, author="Clerk", revision=2)
        expected = python_docx_export(document, meta_or_spec)
        assert render_docx(document, meta_or_spec) == expected, name


def test_same_document_twice_gives_the_same_bytes(model_document, meta):
    first = render_docx(model_document, meta)
    again = render_docx(dataclasses.replace(model_document), dataclasses.replace(meta))
    assert first == again


def test_fast_writer_output_reads_back_with_styles(model_document, meta):
    doc = docx.Document(io.BytesIO(render_docx(model_document, meta)))
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[:3] == ["Ordinance Number", "Title", "Enacting Clause"]
    assert styles.count("Heading 1") == len(model_document.sections)
    texts = [p.text for p in doc.paragraphs]
    assert model_document.title in texts
    with zipfile.ZipFile(io.BytesIO(render_docx(model_document, meta))) as package:
        assert package.testzip() is None
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in package.infolist())


@pytest.mark.parametrize("line_numbers", [False, True])
def test_line_numbers_survive_the_fast_writer(model_document, meta, line_numbers):
    data = render_docx(model_document, dataclasses.replace(meta, line_numbers=line_numbers))
    document_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    assert (b"<w:lnNumType" in document_xml) is line_numbers
