"""Headless LibreOffice opens the .docx exports and prints them: the clean one, the
annotated one (its comments become PDF notes) and the one with line numbers."""

from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
from collections import defaultdict

import pytest
from pypdf import PdfReader

from drafting.annotations import option_annotations
from drafting.render.docx import ExportMeta, render_docx
from tests.drafting.render.samples import REVISION_DATE, expected_lines

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    LIBREOFFICE is None,
    reason="the libreoffice binary is missing (Debian libreoffice-writer; `make test` installs it)",
)
# Export comments as PDF notes, so that the annotated file's comments can be counted.
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


@pytest.fixture(scope="module")
def converted(tmp_path_factory, model_document, library_texts) -> dict[str, PdfReader]:
    meta = ExportMeta.for_document(
        model_document, author="Springfield Law Department", revision=3, revision_date=REVISION_DATE
    )
    work = tmp_path_factory.mktemp("libreoffice")
    files = {
        "clean": render_docx(model_document, meta),
        "annotated": render_docx(
            model_document, meta, annotations=option_annotations(library_texts, {})
        ),
        "numbered": render_docx(model_document, dataclasses.replace(meta, line_numbers=True)),
    }
    for name, data in files.items():
        (work / f"{name}.docx").write_bytes(data)
    profile = (work / "profile").as_uri()  # a private profile: parallel runs never collide
    result = subprocess.run(
        [LIBREOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", PDF_FILTER, "--outdir", str(work / "out"),
         *(str(work / f"{name}.docx") for name in files)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pdfs = {name: work / "out" / f"{name}.pdf" for name in files}
    assert all(path.is_file() for path in pdfs.values()), result.stdout + result.stderr
    return {name: PdfReader(io.BytesIO(path.read_bytes())) for name, path in pdfs.items()}


def test_libreoffice_prints_the_clean_docx_with_title_and_page_fields(converted, model_document):
    reader = converted["clean"]
    first = reader.pages[0].extract_text()
    assert "ORDINANCE NO. ____" in first
    assert model_document.title in first
    assert f"{model_document.locality} — {model_document.title}" in first
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    assert "Draft r3, 2026-11-22" in first


def test_libreoffice_text_has_every_paragraph_in_order(converted, model_document):
    reader, pages = converted["clean"], []
    furniture = [f"{model_document.locality} — {model_document.title}", "Draft r3, 2026-11-22"]
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        for line in [*furniture, f"Page {number} of {len(reader.pages)}"]:
            text = text.replace(line, "")
        pages.append("".join(text.split()))
    text = "".join(pages)
    position = 0
    for line in expected_lines(model_document):
        found = text.find("".join(line.split()), position)
        assert found >= 0, f"not found in order: {line[:80]!r}"
        position = found


def test_libreoffice_reads_every_comment_of_the_annotated_docx(
    converted, model_document, library_texts
):
    notes = [
        n
        for n in option_annotations(library_texts, {})
        if n.clause in model_document.clause_versions
    ]
    pdf_notes = [
        annotation.get_object()["/Contents"]
        for page in converted["annotated"].pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object()["/Subtype"] == "/Text"
    ]
    assert len(pdf_notes) == len(notes)
    assert sorted(n.split(":")[0] for n in pdf_notes) == sorted(n.option_label for n in notes)
    assert converted["clean"].pages[0].get("/Annots") is None


def test_libreoffice_prints_line_numbers_in_the_margin(converted):
    margin: dict[int, list[str]] = defaultdict(list)
    for index, page in enumerate(converted["numbered"].pages[:2]):

        def visit(text, cm, tm, _font, _size, index=index):
            if text.strip() and tm[4] * cm[0] + cm[4] < 72:
                margin[index].append(text.strip())

        page.extract_text(visitor_text=visit)
    assert margin[0][:5] == ["1", "2", "3", "4", "5"]
    assert margin[1][:1] == ["1"]  # restarts on each page
    clean_margin = []
    converted["clean"].pages[0].extract_text(
        visitor_text=lambda t, cm, tm, f, s: (
            clean_margin.append(t) if t.strip() and tm[4] * cm[0] + cm[4] < 72 else None
        )
    )
    assert clean_margin == []
