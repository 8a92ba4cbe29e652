"""Check an ordinance (paste, upload), one-click fixes, and manage.py lint."""

import io
import json
import zipfile

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse

from ordinances import services
from ordinances.models import Revision
from tests.factories import SAN_FRANCISCO, make_draft


def _docx(text: str) -> io.BytesIO:
    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    buffer.seek(0)
    buffer.name = "ordinance.docx"
    return buffer


@pytest.mark.django_db
def test_pasted_text_gets_findings_marked_and_a_scorecard(client_for, drafter):
    response = client_for(drafter).post(reverse("ordinances:check"), {"text": SAN_FRANCISCO})
    page = response.content.decode()
    assert response.status_code == 200
    assert "restricts status information" in page
    assert "1373-status-restriction" in page
    assert '<mark class="finding-mark finding-mark-error"' in page
    assert "Protectiveness:" in page


@pytest.mark.django_db
def test_quick_fix_inserts_the_savings_clause_and_checks_again(client_for, drafter):
    client = client_for(drafter)
    first = client.post(reverse("ordinances:check"), {"text": SAN_FRANCISCO}).content.decode()
    index = first.split('name="apply_fix" value="')[1].split('"')[0]
    response = client.post(reverse("ordinances:check"), {"text": SAN_FRANCISCO, "apply_fix": index})
    page = response.content.decode()
    assert "Applied: Add a § 1373 savings clause" in page
    assert "pursuant to 8 U.S.C. §§ 1373 and 1644." in page
    assert "restricts status information" not in page


@pytest.mark.django_db
def test_uploaded_docx_is_checked(client_for, drafter):
    response = client_for(drafter).post(
        reverse("ordinances:check"), {"upload": _docx(SAN_FRANCISCO)}
    )
    assert "1373-status-restriction" in response.content.decode()


@pytest.mark.django_db
def test_not_a_docx_gets_a_clear_error_and_keeps_the_form(client_for, drafter):
    fake = io.BytesIO(b"%PDF-1.4 not a word file")
    fake.name = "ordinance.docx"
    response = client_for(drafter).post(
        reverse("ordinances:check"), {"upload": fake, "state": "California"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "This is not a .docx file. Upload a Word document (.docx)" in page
    assert 'value="California"' in page


@pytest.mark.django_db
def test_zip_bomb_is_refused(client_for, drafter):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<a>" + "x" * 60_000_000 + "</a>")
    buffer.seek(0)
    buffer.name = "bomb.docx"
    response = client_for(drafter).post(reverse("ordinances:check"), {"upload": buffer})
    assert response.status_code == 400


@pytest.mark.django_db
def test_empty_check_asks_for_text(client_for, drafter):
    response = client_for(drafter).post(reverse("ordinances:check"), {"text": "  "})
    assert (
        "Paste the ordinance text or upload a .docx or Akoma Ntoso (.xml) file."
        in response.content.decode()
    )


@pytest.mark.django_db
def test_review_step_fix_includes_the_savings_clause_as_a_new_revision(
    client_for, drafter, library, office, model_spec_data
):
    draft = make_draft(organisation=office, author=drafter)
    client = client_for(drafter)
    review = reverse("ordinances:wizard", args=[draft.pk, "review"])
    page = client.get(review).content.decode()
    assert "1373-broad-restriction" in page
    assert 'name="clause" value="savings-clause"' in page
    response = client.post(
        reverse("ordinances:apply_fix", args=[draft.pk]), {"clause": "savings-clause"}
    )
    assert response["Location"] == review
    revision = Revision.objects.get(draft=draft, number=2)
    assert "savings-clause" in revision.spec["clauses"]
    assert revision.message == (
        "Fix: include “Compliance with federal law (8 U.S.C. § 1373 savings clause)”"
    )
    document = services.document_for_spec(revision.draft_spec())
    assert document.section("savings-clause") is not None
    page = client.get(review).content.decode()
    # the library's clause saves sending and receiving; Privacy IX also restricts maintaining
    assert "Statute:</span> § 1373(b)(2): maintaining (potential)" in page
    assert 'name="clause" value="savings-clause"' not in page


@pytest.mark.django_db
def test_fix_on_another_organisations_draft_is_404(
    client_for, outsider, drafter, library, office, model_spec_data
):
    draft = make_draft(organisation=office, author=drafter)
    response = client_for(outsider).post(
        reverse("ordinances:apply_fix", args=[draft.pk]), {"clause": "savings-clause"}
    )
    assert response.status_code == 404
    assert draft.revisions.count() == 1


@pytest.mark.django_db
def test_lint_command_json_and_exit_codes(library, tmp_path, capsys):
    bad = tmp_path / "sf.txt"
    bad.write_text(SAN_FRANCISCO)
    with pytest.raises(SystemExit) as stopped:
        call_command("lint", str(bad), "--format", "json")
    assert stopped.value.code == 1
    findings = json.loads(capsys.readouterr().out)
    error = next(f for f in findings if f["severity"] == "error")
    assert set(error) >= {"rule", "severity", "message", "section", "sentence", "start", "end",
                          "authority"}  # fmt: skip
    assert error["rule"] == "1373-status-restriction"
    assert SAN_FRANCISCO.split("\n")[1][error["start"] : error["end"]] in error["sentence"]
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"locality": {"name": "Springfield", "type": "city",
        "state": "Illinois", "legislative_body": "City Council",
        "chief_law_enforcement_officer": "Chief", "complaint_body": "Commission",
        "commission_coordinator": "Mayor"}}))  # fmt: skip
    call_command("lint", str(spec))
    assert "0 error(s)." in capsys.readouterr().out
