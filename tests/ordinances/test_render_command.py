"""manage.py render on the example spec shipped in examples/."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "springfield.json"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("txt", "II) CIVIL IMMIGRATION ENFORCEMENT – FEDERAL RESPONSIBILITY"),
        ("md", "## II) CIVIL IMMIGRATION ENFORCEMENT – FEDERAL RESPONSIBILITY"),
        ("html", '<span class="section-label">II)</span> CIVIL IMMIGRATION'),
    ],
)
def test_render_prints_the_example_in_each_text_format(library, capsys, fmt, expected):
    call_command("render", str(EXAMPLE), "--format", fmt)
    out = capsys.readouterr().out
    assert expected in out
    assert "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD" in out
    assert "valid and properly issued judicial warrant" in out
    assert "every six months" in out


@pytest.mark.django_db
def test_render_writes_a_file(library, tmp_path):
    target = tmp_path / "out.txt"
    call_command("render", str(EXAMPLE), "-o", str(target))
    assert target.read_text().startswith("ORDINANCE NO. ____\nJustice and Equity Ordinance\n")


@pytest.mark.django_db
def test_render_reports_every_problem_of_a_bad_spec(library, tmp_path):
    spec = tmp_path / "bad.json"
    spec.write_text('{"locality": {"name": "X", "type": "city"}, "options": {"nope": 1}}')
    with pytest.raises(CommandError) as caught:
        call_command("render", str(spec))
    message = str(caught.value)
    assert "locality.state: State is required." in message
    assert "locality.legislative_body" in message


@pytest.mark.django_db
def test_render_docx_and_pdf_write_files_that_read_back(library, tmp_path):
    import docx
    from pypdf import PdfReader

    word, pdf = tmp_path / "s.docx", tmp_path / "s.pdf"
    call_command("render", str(EXAMPLE), "--format", "docx", "-o", str(word))
    call_command("render", str(EXAMPLE), "--format", "pdf", "-o", str(pdf), "--line-numbers")
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "Justice and Equity Ordinance" in paragraphs
    assert any(p.startswith("II) CIVIL IMMIGRATION ENFORCEMENT") for p in paragraphs)
    text = " ".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "CIVIL IMMIGRATION ENFORCEMENT" in text


@pytest.mark.django_db
def test_render_binary_format_needs_an_output_file(library):
    with pytest.raises(CommandError, match="give it with -o FILE"):
        call_command("render", str(EXAMPLE), "--format", "pdf")
