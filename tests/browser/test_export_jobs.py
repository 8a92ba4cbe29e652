"""A PDF as a background job, as a drafter meets it: a real Celery worker on Redis, the
page that shows progress (HTMX polling) and offers the file when the worker is done."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from exports import jobs, services
from tests.browser.test_accessibility import axe  # noqa: F401  (the fixture)
from tests.exports.test_jobs import broker, celery_worker_process  # noqa: F401  (fixtures)
from tests.factories import make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _wait_and_download(page, label: str) -> bytes:
    status = page.locator("#export-job")
    expect(status).to_contain_text("Your file is ready", timeout=90_000)
    with page.expect_download() as download:
        page.get_by_role("link", name=f"Download {label}").click()
    return download.value.path().read_bytes()


def test_a_pdf_is_queued_shows_progress_and_is_offered_when_ready(
    signed_in,
    broker,  # noqa: F811
    axe,  # noqa: F811
):
    from django.contrib.auth.models import User

    page, base = signed_in
    user = User.objects.get(username="newcomer")
    revision = make_draft(organisation=user.membership.organisation, author=user).latest_revision()
    page.goto(f"{base}/drafts/{revision.draft_id}/r/1/")
    page.get_by_role("link", name="PDF", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("PDF of r1")
    status = page.locator("#export-job")
    expect(status).to_contain_text(
        re.compile("Queued: waiting for a worker|Rendering the file|Your file is ready")
    )
    assert axe("export job page") == []
    pdf = _wait_and_download(page, "PDF")
    assert pdf == cache.get(services.export_key(revision, services.KINDS["pdf"]))
    inputs = services._inputs(revision, services.KINDS["pdf"], line_numbers=False)
    assert pdf == jobs.render_kind("pdf", *inputs)  # the bytes made without a broker

    page.goto(f"{base}/drafts/{revision.draft_id}/r/1/compliance.pdf")
    expect(page.get_by_role("heading", level=1)).to_have_text("Compliance report (PDF) of r1")
    report = _wait_and_download(page, "Compliance report (PDF)")
    assert report.startswith(b"%PDF")
    assert axe("export job page, ready") == []
