"""The REST API: tokens, drafts and revisions, render, lint, compare; every endpoint
isolated by office (another office's draft is a 404); errors are JSON 4xx."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from lxml import etree
from pypdf import PdfReader
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from drafting.parse.akn import schema_errors
from drafting.render.text import render_text
from ordinances.documents import document_for

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = json.loads((ROOT / "examples" / "springfield.json").read_text(encoding="utf-8"))
INDIGO = (ROOT / "tests" / "fixtures" / "akn" / "indigo-style-trust-act.xml").read_text()


def revision_urls(revision) -> list[tuple[str, str]]:
    base = f"/api/drafts/{revision.draft_id}/"
    rev = f"{base}revisions/{revision.number}/"
    return [
        ("get", base),
        ("get", f"{base}revisions/"),
        ("post", f"{base}revisions/"),
        ("get", rev),
        *[("get", f"{rev}render/{fmt}/") for fmt in ("html", "txt", "docx", "pdf", "akn")],
        ("get", f"{rev}lint/"),
        ("get", f"{rev}compare/"),
        ("get", f"{rev}compare/redline/docx/"),
        ("get", f"{rev}compare/redline/pdf/"),
    ]


@pytest.mark.django_db
def test_every_draft_endpoint_is_404_for_another_office(api_for, outsider, revision):
    client = api_for(outsider)
    for method, url in revision_urls(revision):
        response = getattr(client, method)(url, {"spec": EXAMPLE}, format="json")
        assert (url, response.status_code) == (url, 404)
        assert response["Content-Type"] == "application/json"
    assert client.get("/api/drafts/").json() == []
    assert revision.draft.revisions.count() == 1


@pytest.mark.django_db
def test_every_endpoint_wants_credentials(revision):
    client = APIClient()
    urls = [*revision_urls(revision), ("get", "/api/drafts/"), ("post", "/api/lint/"),
            ("post", "/api/render/txt/")]  # fmt: skip
    for method, url in urls:
        response = getattr(client, method)(url, {}, format="json")
        assert (url, response.status_code) == (url, 401)
        assert "detail" in response.json()


@pytest.mark.django_db
def test_drafts_list_and_read(api_for, drafter, revision):
    client = api_for(drafter)
    drafts = client.get("/api/drafts/").json()
    assert [(d["id"], d["latest_revision"]) for d in drafts] == [(revision.draft_id, 1)]
    detail = client.get(f"/api/drafts/{revision.draft_id}/revisions/1/").json()
    assert detail["spec"] == revision.spec
    assert detail["number"] == 1


@pytest.mark.django_db
def test_create_a_revision_from_a_spec(api_for, drafter, revision):
    client = api_for(drafter)
    url = f"/api/drafts/{revision.draft_id}/revisions/"
    response = client.post(url, {"spec": EXAMPLE, "message": "from the API"}, format="json")
    assert response.status_code == 201
    assert response.json()["number"] == 2
    assert revision.draft.latest_revision().message == "from the API"
    stale = client.post(url, {"spec": EXAMPLE, "base": 1}, format="json")
    assert stale.status_code == 409
    assert stale.json()["latest"] == 2


@pytest.mark.django_db
def test_a_bad_spec_is_a_400_naming_the_field(api_for, drafter, revision):
    spec = {**EXAMPLE, "options": {"warrant_standard": "whatever"}}
    response = api_for(drafter).post(
        f"/api/drafts/{revision.draft_id}/revisions/", {"spec": spec}, format="json"
    )
    assert response.status_code == 400
    assert "warrant_standard" in json.dumps(response.json())


@pytest.mark.django_db
def test_revision_renders_in_every_format(api_for, drafter, revision):
    client = api_for(drafter)
    base = f"/api/drafts/{revision.draft_id}/revisions/1/render"
    text = client.get(f"{base}/txt/")
    assert text.content.decode() == render_text(document_for(revision))
    assert "<article" in client.get(f"{base}/html/").content.decode()
    assert client.get(f"{base}/docx/").content[:2] == b"PK"
    assert len(PdfReader(io.BytesIO(client.get(f"{base}/pdf/").content)).pages) > 3
    akn = client.get(f"{base}/akn/")
    assert akn["Content-Type"] == "application/akn+xml"
    assert schema_errors(etree.fromstring(akn.content)) == []


@pytest.mark.django_db
def test_revision_lint_is_the_lint_command_json(api_for, drafter, revision, tmp_path):
    findings = api_for(drafter).get(f"/api/drafts/{revision.draft_id}/revisions/1/lint/").json()
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(revision.spec))
    assert findings == _lint_command_json(spec_file)


def _lint_command_json(path) -> list[dict]:
    out = io.StringIO()
    with contextlib.suppress(SystemExit):  # it exits 1 when there is an error
        call_command("lint", str(path), "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_compare_gives_the_option_summary_and_redlines(api_for, drafter, revision):
    client = api_for(drafter)
    url = f"/api/drafts/{revision.draft_id}/revisions/"
    client.post(url, {"spec": EXAMPLE}, format="json")
    comparison = client.get(f"{url}2/compare/").json()
    assert comparison["old"].endswith("r1") and comparison["new"].endswith("r2")
    keys = {line["key"] for line in comparison["summary"]}
    assert {"warrant_standard", "reporting_cadence"} <= keys
    assert comparison["counts"]["insertions"] > 0
    docx = client.get(f"{url}2/compare/redline/docx/")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert client.get(f"{url}2/compare/redline/pdf/").content[:4] == b"%PDF"
    assert client.get(f"{url}2/compare/?against=zz").status_code == 400


@pytest.mark.django_db
def test_render_and_lint_an_unsaved_spec(api_for, drafter):
    client = api_for(drafter)
    text = client.post("/api/render/txt/", {"spec": EXAMPLE}, format="json")
    assert text.status_code == 200
    assert "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD" in text.content.decode()
    findings = client.post("/api/lint/", {"spec": EXAMPLE}, format="json").json()
    assert findings == _lint_command_json(ROOT / "examples" / "springfield.json")


@pytest.mark.django_db
def test_lint_an_akn_act_and_plain_text(api_for, drafter):
    client = api_for(drafter)
    findings = client.post("/api/lint/", {"akn": INDIGO}, format="json").json()
    assert "1373-status-restriction" in {f["rule"] for f in findings}
    bad = client.post("/api/lint/", {"akn": "<akomaNtoso/>"}, format="json")
    assert bad.status_code == 400 and "not Akoma Ntoso 3.0" in bad.json()["detail"]
    both = client.post("/api/lint/", {"text": "x", "akn": INDIGO}, format="json")
    assert both.status_code == 400


@pytest.mark.django_db
def test_rate_limit_is_a_json_429(api_for, drafter, settings):
    settings.API_RATES = {"user": "2/minute", "anon": "2/minute", "render": "2/minute"}
    client = api_for(drafter)
    statuses = [client.get("/api/drafts/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert "throttled" in client.get("/api/drafts/").json()["detail"].lower()


@pytest.mark.django_db
def test_oversized_body_is_a_json_413(api_for, drafter):
    response = api_for(drafter).generic(
        "POST", "/api/lint/", b"{}", content_type="application/json",
        CONTENT_LENGTH=str(20 * 1024 * 1024),
    )  # fmt: skip
    assert response.status_code == 413
    assert "MB" in response.json()["detail"]


@pytest.mark.django_db
def test_malformed_json_and_unknown_paths_are_json_errors(api_for, drafter):
    client = api_for(drafter)
    broken = client.generic("POST", "/api/lint/", b"{nope", content_type="application/json")
    assert broken.status_code == 400 and "detail" in broken.json()
    missing = client.get("/api/nothing-here/")
    assert missing.status_code == 404 and missing.json() == {"detail": "No such API endpoint."}


@pytest.mark.django_db
def test_api_token_command_creates_and_rotates(drafter):
    out = io.StringIO()
    call_command("api_token", drafter.username, stdout=out)
    first = out.getvalue().strip()
    assert Token.objects.get(user=drafter).key == first
    out = io.StringIO()
    call_command("api_token", drafter.username, "--rotate", stdout=out)
    assert out.getvalue().strip() != first


@pytest.mark.django_db
def test_docs_page_runs_under_the_strict_csp():
    response = Client().get("/api/docs/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script>" not in page and "<style>" not in page
    for src in [part.split('"')[0] for part in page.split('src="')[1:]]:
        assert src.startswith("/"), src
    script = Client().get("/api/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


@pytest.mark.django_db
def test_a_session_post_without_csrf_token_is_refused_but_a_token_post_is_not(drafter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(drafter)
    refused = client.post("/api/lint/", {"text": "x"}, content_type="application/json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    token = Token.objects.create(user=drafter)
    with_token = Client(enforce_csrf_checks=True).post(
        "/api/lint/", {"text": "x"}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )  # fmt: skip
    assert with_token.status_code == 200
