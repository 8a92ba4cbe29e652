"""Akoma Ntoso through the commands, the revision download and the check page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from drafting.parse.akn import parse_akn, schema_errors
from drafting.render.text import section_text
from drafting.spec import load_spec
from ordinances.documents import document_for, document_for_spec
from tests.factories import make_draft

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
INDIGO = ROOT / "tests" / "fixtures" / "akn" / "indigo-style-trust-act.xml"


def _texts(document) -> list[str]:
    return [section_text(section) for section in document.sections]


@pytest.mark.django_db
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_every_example_exports_valid_akn_that_reimports_to_the_same_text(example, tmp_path):
    target = tmp_path / "act.xml"
    call_command("render", str(example), "--format", "akn", "-o", str(target), stdout=io.StringIO())
    data = target.read_bytes()
    assert schema_errors(etree.fromstring(data)) == []
    expected = document_for_spec(load_spec(example.read_text(encoding="utf-8")))
    assert _texts(parse_akn(data)) == _texts(expected)


@pytest.mark.django_db
def test_lint_command_reads_an_akn_act_as_json():
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("lint", str(INDIGO), "--format", "json", stdout=out)
    assert exit_.value.code == 1
    rules = [finding["rule"] for finding in json.loads(out.getvalue())]
    assert "1373-status-restriction" in rules


@pytest.mark.django_db
def test_lint_command_names_the_schema_errors_of_a_broken_act(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(INDIGO.read_bytes().replace(b"<FRBRcountry", b"<FRBRcolour"))
    with pytest.raises(CommandError, match="does not follow the AKN 3.0 schema"):
        call_command("lint", str(broken))


@pytest.mark.django_db
def test_compare_command_redlines_an_akn_act_against_a_spec(tmp_path):
    target = tmp_path / "redline.html"
    out = io.StringIO()
    call_command("compare", str(INDIGO), str(EXAMPLES[0]), "-o", str(target), stdout=out)
    assert "Immigration detainers" in target.read_text(encoding="utf-8")


@pytest.mark.django_db
def test_revision_akn_download_validates_and_matches_the_revision(
    client_for, drafter, library, office, model_spec_data
):
    revision = make_draft(organisation=office, author=drafter).latest_revision()
    url = reverse("exports:download", args=[revision.draft_id, revision.number, "akn"])
    response = client_for(drafter).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/akn+xml"
    assert response["Content-Disposition"].endswith('-r1-akn.xml"')
    assert schema_errors(etree.fromstring(response.content)) == []
    assert parse_akn(response.content) == document_for(revision)


@pytest.mark.django_db
def test_revision_akn_download_is_404_for_another_office(
    client_for, drafter, outsider, library, office, model_spec_data
):
    revision = make_draft(organisation=office, author=drafter).latest_revision()
    url = reverse("exports:download", args=[revision.draft_id, revision.number, "akn"])
    assert client_for(outsider).get(url).status_code == 404


@pytest.mark.django_db
def test_check_page_lints_an_uploaded_akn_act(client_for, drafter):
    upload = io.BytesIO(INDIGO.read_bytes())
    upload.name = "trust-act.xml"
    response = client_for(drafter).post(reverse("ordinances:check"), {"upload": upload})
    assert response.status_code == 200
    assert "1373-status-restriction" in response.content.decode()


@pytest.mark.django_db
def test_check_page_explains_an_unknown_akn_document_type(client_for, drafter):
    upload = io.BytesIO(
        b'<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/'
        b'akn/3.0"><debate/></akomaNtoso>'
    )
    upload.name = "debate.xml"
    response = client_for(drafter).post(reverse("ordinances:check"), {"upload": upload})
    assert response.status_code == 400
    assert "is a &lt;debate&gt;; only an &lt;act&gt; or a &lt;bill&gt;" in response.content.decode()
