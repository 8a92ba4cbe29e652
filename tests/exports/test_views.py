"""Download endpoints: files, names, types, isolation, the §1373 gate and its record."""

import io

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from drafting.render.text import block_text
from exports import services
from exports.models import ExportOverride
from ordinances.documents import document_for
from tests.factories import fake_lint, make_draft, status_sharing_error


@pytest.fixture
def revision(library, office, drafter, model_spec_data):
    draft = make_draft(organisation=office, author=drafter)
    return draft.latest_revision()


def _url(revision, kind, **query):
    url = reverse("exports:download", args=[revision.draft_id, revision.number, kind])
    return url + ("?line_numbers=1" if query.get("line_numbers") else "")


@pytest.mark.django_db
def test_docx_download_is_the_revision_text_with_a_sensible_name(client_for, drafter, revision):
    response = client_for(drafter).get(_url(revision, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == services.DOCX_TYPE
    assert response["Content-Disposition"] == (
        'attachment; filename="springfield-justice-and-equity-ordinance-r1.docx"'
    )
    paragraphs = [
        p.text.replace("\t", " ") for p in docx.Document(io.BytesIO(response.content)).paragraphs
    ]
    document = document_for(revision)
    for section in document.sections:
        assert section.title in paragraphs
        for block in section.blocks:
            assert block_text(block) in paragraphs


@pytest.mark.django_db
def test_pdf_download_reads_back(client_for, drafter, revision):
    response = client_for(drafter).get(_url(revision, "pdf", line_numbers=True))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-r1-lines.pdf"')
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "FAIR PUNISHMENT" in text


@pytest.mark.django_db
def test_annotated_docx_has_comments_and_clean_has_none(client_for, drafter, revision):
    import zipfile

    client = client_for(drafter)
    annotated = zipfile.ZipFile(io.BytesIO(client.get(_url(revision, "annotated")).content))
    clean = zipfile.ZipFile(io.BytesIO(client.get(_url(revision, "docx")).content))
    comments = annotated.read("word/comments.xml").decode()
    assert "Warrant standard for detainers and facility access" in comments
    assert "word/comments.xml" not in clean.namelist()


@pytest.mark.django_db
def test_same_revision_gives_the_same_document(client_for, drafter, colleague, revision):
    first = client_for(drafter).get(_url(revision, "docx")).content
    services.cache.clear()
    second = client_for(colleague).get(_url(revision, "docx")).content
    assert first == second


@pytest.mark.django_db
def test_other_organisation_gets_404_on_every_export(client_for, outsider, revision):
    client = client_for(outsider)
    for kind in services.KINDS:
        assert client.get(_url(revision, kind)).status_code == 404
    anyway = reverse("exports:export_anyway", args=[revision.draft_id, 1, "docx"])
    assert client.post(anyway).status_code == 404
    for name in ("exports:compliance", "exports:compliance_pdf"):
        assert client.get(reverse(name, args=[revision.draft_id, 1])).status_code == 404
    assert not ExportOverride.objects.exists()


@pytest.mark.django_db
def test_unknown_format_is_404(client_for, drafter, revision):
    assert client_for(drafter).get(_url(revision, "odt")).status_code == 404


@pytest.mark.django_db
def test_1373_error_stops_the_export_until_export_anyway_is_recorded(
    client_for, drafter, revision, monkeypatch
):
    monkeypatch.setattr(services, "lint_for_export", fake_lint(status_sharing_error()))
    client = client_for(drafter)
    response = client.get(_url(revision, "docx"))
    page = response.content.decode()
    assert response.status_code == 409
    assert "This revision has 8 U.S.C. § 1373 errors" in page
    assert "Restricts sharing immigration status." in page
    anyway = reverse("exports:export_anyway", args=[revision.draft_id, 1, "docx"])
    response = client.post(anyway, {"reason": "Counsel reviewed"})
    assert response["Location"] == _url(revision, "docx")
    override = ExportOverride.objects.get()
    assert (override.revision, override.user, override.rules, override.reason) == (
        revision,
        drafter,
        ["1373-status-sharing"],
        "Counsel reviewed",
    )
    assert client.get(_url(revision, "docx")).status_code == 200


@pytest.mark.django_db
def test_warnings_alone_do_not_stop_the_export(client_for, drafter, revision):
    findings = services.lint_for_export(document_for(revision))
    assert {f.severity for f in findings} - {"warning", "info"} == set()
    assert client_for(drafter).get(_url(revision, "pdf")).status_code == 200


@pytest.mark.django_db
def test_compliance_report_lists_findings_in_html_and_pdf(client_for, drafter, revision):
    client = client_for(drafter)
    page = client.get(reverse("exports:compliance", args=[revision.draft_id, 1])).content.decode()
    assert "IX) PRIVACY" in page
    assert "Protectiveness" in page
    response = client.get(reverse("exports:compliance_pdf", args=[revision.draft_id, 1]))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "IX) PRIVACY" in text
