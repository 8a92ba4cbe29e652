"""`manage.py amend EXISTING TARGET.json`: target sections amend their counterparts,
new ones are added, the rest are kept unless the target repeals them."""

from __future__ import annotations

import io
import json

import docx
import pytest
from django.core.management import CommandError, call_command

from tests.drafting.amend.helpers import LOCALITY, docx_readings
from tests.ordinances.views.test_amend import CHAPTER

pytestmark = pytest.mark.django_db

TARGET = {
    "format": "ordinance-spec/2",
    "locality": LOCALITY,
    "options": {"warrant_standard": "judicial"},
    "clauses": ["civil-enforcement", "detainers", "no-status-inquiry", "reporting"],
    "existing": {"decisions": [{"section": "2-14-050", "action": "repeal"}]},
}


@pytest.fixture
def files(tmp_path, library):
    existing = tmp_path / "chapter.txt"
    existing.write_text(CHAPTER, encoding="utf-8")
    target = tmp_path / "target.json"
    target.write_text(json.dumps(TARGET), encoding="utf-8")
    return existing, target, tmp_path


def _run(*args) -> str:
    out = io.StringIO()
    call_command("amend", *map(str, args), stdout=out)
    return out.getvalue()


def test_target_sections_amend_add_and_repeal(files):
    existing, target, _dir = files
    text = _run(existing, target, "--code-name", "Chapter 2-14 of the Municipal Code")
    assert (
        "Section 1. Section 2-14-030 of Chapter 2-14 of the Municipal Code is hereby amended "
        "to read as follows:" in text
    )
    assert "Section 2-14-035 is hereby added to Chapter 2-14 of the Municipal Code" in text
    assert "Section 2-14-050 of Chapter 2-14 of the Municipal Code is hereby repealed" in text
    assert "Section 2-14-010" not in text  # kept: no counterpart, no decision
    assert "Section 2-14-040 of" not in text
    assert text.rstrip().endswith("as provided by law.")


def test_docx_and_pdf_written(files):
    existing, target, folder = files
    out = folder / "amend.docx"
    assert "Wrote" in _run(existing, target, "--format", "docx", "-o", out)
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "ORDINANCE NO. ____"
    readings = docx_readings(out.read_bytes())
    repealed = [
        "Sec. 2-14-050. Registry.",
        "The City Clerk shall keep a registry of persons detained on detainers.",
    ]
    assert (repealed, []) in readings
    pdf = folder / "amend.pdf"
    _run(existing, target, "--format", "pdf", "-o", pdf, "--line-numbers")
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_docx_existing_law_is_read(files):
    _existing, target, folder = files
    source = docx.Document()
    for line in CHAPTER.split("\n"):
        source.add_paragraph(line)
    path = folder / "chapter.docx"
    source.save(path)
    assert "Section 2-14-030 of the Municipal Code is hereby amended" in _run(path, target)


def test_bad_input_is_a_message(files):
    existing, target, folder = files
    with pytest.raises(CommandError, match="Cannot read"):
        _run(folder / "missing.txt", target)
    bad = folder / "bad.json"
    bad.write_text(json.dumps({**TARGET, "existing": {"decisions": [
        {"section": "9-9", "action": "repeal"}]}}))  # fmt: skip
    with pytest.raises(CommandError, match="no section 9-9"):
        _run(existing, bad)
    with pytest.raises(CommandError, match="writes a file"):
        _run(existing, target, "--format", "docx")
