"""The redline's fast writer (XML text into the clean export's package) against the
python-docx objects it replaced: the same bytes for the same comparison."""

from __future__ import annotations

import dataclasses
import datetime as dt

from drafting.diff import diff_documents
from drafting.document import Block, Document, Run, Section
from drafting.render.docx import ExportMeta
from drafting.render.redline_docx import render_redline_docx, render_redline_docx_python_docx
from tests.drafting.render.samples import hostile_document, small_document

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


def _edited(document: Document) -> Document:
    sections = []
    for index, section in enumerate(document.sections):
        if index == 2:
            continue  # a section left out
        blocks = tuple(
            dataclasses.replace(b, runs=(Run(b.text.replace("shall", "must & <may>")),))
            for b in section.blocks
        )
        sections.append(dataclasses.replace(section, blocks=blocks))
    return dataclasses.replace(document, sections=tuple(sections), title=document.title + " Act")


def _awkward() -> tuple[Document, Document]:
    old = Document("T & <t>", (Section("H", (
        Block("item", (Run("a\tb\r\nc & d"),), level=1, label="A."),
        Block("paragraph", (Run("gone\x0b"),)),
    ), number="1", label="1.", clause="h"),), ordinance_number="1")  # fmt: skip
    new = Document("T & <t> new", (Section("H2", (
        Block("item", (Run("a\tb\r\nc & e <x>"), Run("t", "term"), Run("e", "emphasis")),
              level=2, label="A."),
    ), number="1", label="1.", clause="h"),), enacting_clause="BE IT")  # fmt: skip
    return old, new


def test_redline_writer_gives_the_same_bytes_as_python_docx(model_document):
    awkward_old, awkward_new = _awkward()
    pairs = [
        (model_document, _edited(model_document)),
        (_edited(model_document), model_document),
        (small_document(), hostile_document()),
        (awkward_old, awkward_new),
        (awkward_new, awkward_old),
    ]
    for old, new in pairs:
        diff = diff_documents(old, new)
        for author, line_numbers in (('Ana "R" & <co>\t', False), ("Law Dept", True)):
            meta = ExportMeta.for_document(new, author="x", revision=2, line_numbers=line_numbers)
            fast = render_redline_docx(diff, meta, author=author, date=NOW)
            reference = render_redline_docx_python_docx(diff, meta, author=author, date=NOW)
            assert fast == reference, (old.title, new.title, author)


def test_same_comparison_twice_gives_the_same_bytes(model_document):
    diff = diff_documents(model_document, _edited(model_document))
    meta = ExportMeta.for_document(model_document, author="x", revision=2)
    first = render_redline_docx(diff, meta, author="A", date=NOW)
    assert render_redline_docx(diff, meta, author="A", date=NOW) == first
