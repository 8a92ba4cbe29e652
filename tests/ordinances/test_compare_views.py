"""The compare page, redline downloads and the compare command."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import etree
from pypdf import PdfReader

from drafting.spec import parse_spec
from ordinances import services
from tests.factories import make_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def two_revisions(library, office, drafter, model_spec_data):
    draft = make_draft(organisation=office, author=drafter)
    changed = {**model_spec_data, "options": {"warrant_standard": "judicial"}}
    services.revision_create(draft=draft, spec=parse_spec(changed), author=drafter, base=1)
    return draft


def _query(draft, old="1", new="2"):
    old_ref = old if old == "model" else f"{draft.pk}.{old}"
    return f"?old={old_ref}&new={draft.pk}.{new}"


@pytest.mark.django_db
def test_compare_page_shows_the_option_summary_and_the_word_change(
    client_for, drafter, two_revisions
):
    page = client_for(drafter).get(reverse("ordinances:compare") + _query(two_revisions))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Warrant standard: judicial criminal warrant → judicial warrant" in html
    assert (
        '<del><span class="visually-hidden">deleted: </span>criminal </del>'
        in html.replace("\n", "")
        or "deleted: " in html
    )
    assert "<ins>" in html
    assert "Protectiveness score:" in html


@pytest.mark.django_db
def test_compare_with_the_model(client_for, drafter, two_revisions):
    html = (
        client_for(drafter)
        .get(reverse("ordinances:compare") + _query(two_revisions, old="model", new="2"))
        .content.decode()
    )
    assert "CPD model" in html
    assert "Warrant standard: judicial criminal warrant → judicial warrant" in html


@pytest.mark.django_db
def test_compare_is_confined_to_the_organisation(client_for, outsider, two_revisions):
    client = client_for(outsider)
    for name in ("ordinances:compare", "exports:redline_docx", "exports:redline_pdf"):
        assert client.get(reverse(name) + _query(two_revisions)).status_code == 404, name


@pytest.mark.django_db
def test_redline_docx_has_tracked_changes_by_the_signed_in_user(client_for, drafter, two_revisions):
    response = client_for(drafter).get(reverse("exports:redline_docx") + _query(two_revisions))
    assert response["Content-Disposition"] == (
        'attachment; filename="springfield-redline-r1-to-r2.docx"'
    )
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml"))
    deleted = ["".join(d.itertext()) for d in body.iter(f"{W}del")]
    inserted = ["".join(i.itertext()) for i in body.iter(f"{W}ins")]
    assert "criminal " in deleted
    assert any(text.startswith("K.“Judicial warrant” means") for text in inserted)
    assert {e.get(f"{W}author") for e in body.iter(f"{W}del", f"{W}ins")} == {"Dana Tester"}


@pytest.mark.django_db
def test_redline_and_blueline_pdfs_read_back(client_for, drafter, two_revisions):
    client = client_for(drafter)
    for blueline, heading in (("", "Redline"), ("&blueline=1", "Blueline")):
        response = client.get(reverse("exports:redline_pdf") + _query(two_revisions) + blueline)
        text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
        assert heading in text


@pytest.mark.django_db
def test_compare_command_writes_each_format(library, two_revisions, tmp_path, capsys):
    spec_file = tmp_path / "old.json"
    spec_file.write_text(json.dumps(two_revisions.revisions.get(number=1).spec))
    new = f"{two_revisions.pk}.2"
    call_command("compare", str(spec_file), new, "--format", "docx", "-o", str(tmp_path / "r.docx"))
    call_command("compare", str(spec_file), new, "--format", "pdf", "-o", str(tmp_path / "r.pdf"))
    call_command("compare", "model", new, "--format", "html", "-o", str(tmp_path / "r.html"))
    out = capsys.readouterr().out
    assert "Warrant standard: judicial criminal warrant → judicial warrant" in out
    assert zipfile.is_zipfile(tmp_path / "r.docx")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert "<ins>" in (tmp_path / "r.html").read_text()
