"""Exports as background jobs: a real Celery worker on a real Redis (database 9),
against the same export made in the web process with no broker: the same bytes.

Redis must run at 127.0.0.1:6379 (.ci/run starts it); the worker is started by
a fixture (`celery -A config worker --pool=solo`) and stopped by its PID.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse

from exports import jobs, services
from ordinances.documents import document_for
from tests.factories import make_draft

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/9"
REDIS_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS}
}


def _redis_running() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


@pytest.fixture
def celery_worker_process():
    """A real worker on Redis database 9, started here and stopped by its PID."""
    if not _redis_running():
        pytest.fail(
            "Redis is not running at 127.0.0.1:6379: start it with "
            "`redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 "
            '--save "" --appendonly no` (.ci/run does)'
        )
    _flush_redis()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "CELERY_BROKER_URL": REDIS,
        "REDIS_URL": REDIS,
        "CACHE_URL": "",
    }
    celery = Path(sys.executable).with_name("celery")
    worker = subprocess.Popen(
        [str(celery), "-A", "config", "worker", "--pool=solo", "--concurrency=1",
         "-l", "warning", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        yield worker
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        _flush_redis()


@pytest.fixture
def broker(settings, celery_worker_process):
    """This process configured as a web process with a broker and the Redis cache."""
    from config.celery import app

    settings.CELERY_BROKER_URL = REDIS
    settings.CACHES = REDIS_CACHE
    previous = app.conf.broker_url, app.conf.result_backend
    app.conf.broker_url = app.conf.result_backend = REDIS
    try:
        yield celery_worker_process
    finally:
        app.conf.broker_url, app.conf.result_backend = previous


@pytest.fixture
def revision(library, office, drafter, model_spec_data):
    return make_draft(organisation=office, author=drafter).latest_revision()


def _urls(revision, kind: str, line_numbers: bool) -> tuple[str, str]:
    args = [revision.draft_id, revision.number, kind]
    query = "?line_numbers=1" if line_numbers else ""
    return (
        reverse("exports:download", args=args) + query,
        reverse("exports:status", args=args) + query,
    )


def _poll_until_ready(client, status: str) -> str:
    """Ask for the job's status fragment as HTMX does until the file is ready (or 90 s
    pass); the last fragment."""
    deadline = time.monotonic() + 90
    states = []
    while time.monotonic() < deadline:
        fragment = client.get(status, HTTP_HX_REQUEST="true").content.decode()
        states.append(re.search(r"(ready|Queued|Rendering|could not)", fragment).group(1))
        assert "could not be made" not in fragment
        if "Your file is ready" in fragment:
            assert "hx-get" not in fragment  # polling stops
            return fragment
        time.sleep(0.3)
    pytest.fail(f"the worker did not finish in 90 s: {states}")


def _download_through_the_queue(client, revision, kind: str, line_numbers: bool) -> bytes:
    download, status = _urls(revision, kind, line_numbers)
    first = client.get(download)
    assert first.status_code == 202, first.content[:300]
    page = first.content.decode()
    assert f'hx-get="{status}"'.replace("&", "&amp;") in page  # HTMX polls, no script
    assert "<script>" not in page.split("</head>", 1)[1]
    fragment = _poll_until_ready(client, status)
    assert download.replace("&", "&amp;") in fragment
    response = client.get(download)
    assert response.status_code == 200
    return response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "line_numbers"), [("pdf", True), ("annotated", False)])
def test_an_export_through_a_real_worker_matches_the_one_made_without_a_broker(
    broker, client_for, drafter, revision, kind, line_numbers
):
    through_queue = _download_through_the_queue(client_for(drafter), revision, kind, line_numbers)
    assert services.cached_export(revision, services.KINDS[kind], line_numbers=line_numbers)
    # The same export with no broker, rendered in this process.
    cache.clear()
    inputs = services._inputs(revision, services.KINDS[kind], line_numbers=line_numbers)
    assert jobs.render_kind(kind, *inputs) == through_queue


@pytest.mark.django_db
def test_without_a_broker_the_export_is_made_in_the_request(
    client_for, drafter, revision, settings
):
    settings.CELERY_BROKER_URL = ""
    download, _status = _urls(revision, "pdf", False)
    response = client_for(drafter).get(download)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    inputs = services._inputs(revision, services.KINDS["pdf"], line_numbers=False)
    assert jobs.render_kind("pdf", *inputs) == response.content


@pytest.mark.django_db
def test_the_clean_docx_is_never_queued(settings, client_for, drafter, revision):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # never contacted
    response = client_for(drafter).get(_urls(revision, "docx", False)[0])
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_job_payload_round_trips_through_json(revision):
    import json

    document, meta, _, _ = services._inputs(revision, services.KINDS["pdf"], line_numbers=True)
    data = json.loads(json.dumps(jobs.payload(document, meta)))
    assert jobs.document_from_data(data["document"]) == document_for(revision)
    assert jobs.meta_from_data(data["meta"]) == meta


@pytest.mark.django_db
def test_open_comment_threads_round_trip_through_the_job_payload(revision, drafter):
    import json

    from ordinances import comments

    comments.open_thread(
        revision=revision,
        clause_key="detainers",
        quote="judicial criminal warrant",
        body="Keep the criminal warrant.",
        author_name="Dana Tester",
        user=drafter,
    )
    inputs = services._inputs(revision, services.KINDS["annotated"], line_numbers=False)
    assert [(t.clause, t.quote) for t in inputs[3]] == [("detainers", "judicial criminal warrant")]
    data = json.loads(json.dumps(jobs.payload(*inputs)))
    assert jobs.render_payload("annotated", data) == jobs.render_kind("annotated", *inputs)


# -- the redline PDF of the compare page ------------------------------------------


@pytest.fixture
def two_revisions(library, office, drafter, model_spec_data):
    from drafting.spec import parse_spec
    from ordinances import services as drafts

    draft = make_draft(organisation=office, author=drafter)
    changed = {**model_spec_data, "options": {"warrant_standard": "judicial"}}
    drafts.revision_create(draft=draft, spec=parse_spec(changed), author=drafter, base=1)
    return draft


def _redline_in_process(draft, blueline: bool) -> bytes:
    from ordinances.comparison import compare

    comparison = compare(draft.organisation, f"{draft.pk}.1", f"{draft.pk}.2")
    kind = "blueline-pdf" if blueline else "redline-pdf"
    data = jobs.redline_payload(
        comparison.old.document,
        comparison.new.document,
        old_label=comparison.old.label,
        new_label=comparison.new.label,
        summary=comparison.summary,
    )
    return jobs.render_payload(kind, data)


@pytest.mark.django_db
@pytest.mark.parametrize("blueline", [False, True])
def test_a_redline_pdf_through_a_real_worker_matches_the_one_made_without_a_broker(
    broker, client_for, drafter, two_revisions, blueline
):
    client = client_for(drafter)
    query = f"?old={two_revisions.pk}.1&new={two_revisions.pk}.2" + ("&blueline=1" * blueline)
    download = reverse("exports:redline_pdf") + query
    first = client.get(download)
    assert first.status_code == 202, first.content[:300]
    status = re.search(r'hx-get="([^"]+)"', first.content.decode()).group(1)
    status = status.replace("&amp;", "&")
    assert status.startswith(reverse("exports:redline_pdf_status") + query + "&job=")
    _poll_until_ready(client, status)
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-r1-to-r2.pdf"')
    assert response.content == _redline_in_process(two_revisions, blueline)


@pytest.mark.django_db
def test_without_a_broker_the_redline_pdf_is_made_in_the_request(
    client_for, drafter, two_revisions, settings
):
    settings.CELERY_BROKER_URL = ""
    query = f"?old={two_revisions.pk}.1&new={two_revisions.pk}.2"
    response = client_for(drafter).get(reverse("exports:redline_pdf") + query)
    assert response.status_code == 200
    assert response.content == _redline_in_process(two_revisions, False)


@pytest.mark.django_db
def test_redline_status_knows_only_redline_jobs(client_for, drafter, two_revisions):
    url = reverse("exports:redline_pdf_status")
    client = client_for(drafter)
    assert "could not be made" in client.get(url + "?job=export:v1:x:pdf:1").content.decode()
    missing = client.get(url + "?job=export:v1:redline-pdf:" + "0" * 64)
    assert "could not be made" in missing.content.decode()  # the download queues it again


# -- the same jobs through the REST API -------------------------------------------


def _api_client(user):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _api_through_the_queue(client, url: str) -> bytes:
    """Ask until the file comes, as an API client does: 202 with Retry-After and Location
    (the same URL), then 200 with the file."""
    first = client.get(url)
    assert first.status_code == 202, first.content[:300]
    assert first["Retry-After"] == "2"
    assert first["Location"] == url
    assert first.json()["state"] in ("queued", "rendering")
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        response = client.get(first["Location"])
        if response.status_code == 200:
            return response.content
        assert response.status_code == 202, response.content[:300]
        time.sleep(0.3)
    pytest.fail("the worker did not finish in 90 s")


@pytest.mark.django_db
def test_the_api_pdf_is_queued_then_the_same_bytes_as_without_a_broker(broker, drafter, revision):
    url = f"/api/drafts/{revision.draft_id}/revisions/{revision.number}/render/pdf/"
    through_queue = _api_through_the_queue(_api_client(drafter), url)
    cache.clear()
    inputs = services._inputs(revision, services.KINDS["pdf"], line_numbers=False)
    assert jobs.render_kind("pdf", *inputs) == through_queue


@pytest.mark.django_db
def test_the_api_redline_pdf_is_queued_then_the_same_bytes_as_the_compare_page(
    broker, drafter, two_revisions
):
    url = f"/api/drafts/{two_revisions.pk}/revisions/2/compare/redline/pdf/?against=1"
    through_queue = _api_through_the_queue(_api_client(drafter), url)
    assert through_queue == _redline_in_process(two_revisions, False)


@pytest.mark.django_db
def test_without_a_broker_the_api_pdf_is_made_in_the_request(settings, drafter, revision):
    settings.CELERY_BROKER_URL = ""
    url = f"/api/drafts/{revision.draft_id}/revisions/{revision.number}/render/pdf/"
    response = _api_client(drafter).get(url)
    assert response.status_code == 200
    inputs = services._inputs(revision, services.KINDS["pdf"], line_numbers=False)
    assert response.content == jobs.render_kind("pdf", *inputs)


# -- pages printed as PDFs: the compliance report, the public summary -----------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "query"), [("compliance_pdf", ""), ("public_summary_pdf", "?lang=es")]
)
def test_a_page_pdf_through_a_real_worker_matches_the_one_made_without_a_broker(
    broker, settings, client_for, drafter, revision, name, query
):
    client = client_for(drafter)
    download = reverse(f"exports:{name}", args=[revision.draft_id, revision.number]) + query
    first = client.get(download)
    assert first.status_code == 202, first.content[:300]
    status = re.search(r'hx-get="([^"]+)"', first.content.decode()).group(1).replace("&amp;", "&")
    kind = "compliance-pdf" if name == "compliance_pdf" else "summary-pdf"
    assert status.startswith(
        reverse("exports:page_pdf_status", args=[revision.draft_id, 1, kind]) + "?job="
    )
    fragment = _poll_until_ready(client, status)
    assert download.replace("&", "&amp;") in fragment
    through_queue = client.get(download)
    assert through_queue.status_code == 200
    assert through_queue.content.startswith(b"%PDF")
    settings.CELERY_BROKER_URL = ""
    cache.clear()
    in_process = client.get(download)
    assert in_process.status_code == 200
    assert in_process.content == through_queue.content


@pytest.mark.django_db
def test_a_page_pdf_status_knows_only_its_own_kind_of_job(client_for, drafter, revision):
    client = client_for(drafter)
    args = [revision.draft_id, revision.number]
    summary_key = "export:v1:summary-pdf:" + "0" * 64
    url = reverse("exports:page_pdf_status", args=[*args, "compliance-pdf"])
    assert "could not be made" in client.get(f"{url}?job={summary_key}").content.decode()
    assert client.get(reverse("exports:page_pdf_status", args=[*args, "pdf"])).status_code == 404


@pytest.mark.django_db
def test_the_api_pdf_of_an_unsaved_spec_is_queued_then_the_same_bytes(
    broker, library, drafter, model_spec_data
):
    """An unsaved spec's PDF is a job too, keyed by what it is made from: POSTing the
    same body again gets 202 until the worker is done, then the file."""
    from drafting.render.docx import ExportMeta
    from drafting.spec import parse_spec
    from ordinances.documents import document_for_spec

    client = _api_client(drafter)
    url = "/api/render/pdf/"
    body = {"spec": model_spec_data}
    first = client.post(url, body, format="json")
    assert first.status_code == 202, first.content[:300]
    assert first["Location"] == url and "POST the same body" in first.json()["detail"]
    deadline = time.monotonic() + 90
    while (response := client.post(url, body, format="json")).status_code == 202:
        assert time.monotonic() < deadline, "the worker did not finish in 90 s"
        time.sleep(0.3)
    assert response.status_code == 200
    office = drafter.membership.organisation
    document = document_for_spec(parse_spec(model_spec_data), organisation=office)
    assert response.content == jobs.render_kind("pdf", document, ExportMeta.for_document(document))
