"""A council staffer drafts in a real browser: sign in, wizard, preview, two revisions."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_new_user_drafts_saves_and_revises(signed_in):
    page, base = signed_in
    page.get_by_role("link", name="New draft").click()
    page.get_by_role("button", name="Start the wizard").click()

    expect(page.get_by_role("heading", name="Locality", level=1)).to_be_visible()
    page.get_by_label("Locality name").fill("the City of Springfield")
    page.get_by_label("State").fill("Illinois")
    page.get_by_label("Legislative body").fill("City Council")
    page.get_by_label("Chief law enforcement officer").fill("Chief of Police")
    page.get_by_label("Complaint body").fill("Human Relations Commission")
    page.get_by_label("Commission coordinator").fill("the Office of the Mayor")
    preview = page.locator("#preview-body")
    expect(preview).to_contain_text("It is hereby affirmed that the City of Springfield upholds")
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Detainers and warrants", level=1)).to_be_visible()
    expect(preview).to_contain_text("a valid and properly issued judicial criminal warrant")
    swaps = []
    page.on(
        "response",
        lambda r: swaps.append(r.headers.get("hx-reswap")) if "/preview/" in r.url else None,
    )
    lookback = page.get_by_label("Years since the conviction within which the carve-out applies")
    expect(lookback).to_be_hidden()
    page.get_by_role("radio", name=re.compile("^Judicial warrant signed by an Article III")).check()
    expect(preview).to_contain_text(
        "unless such request or warrant is a valid and properly issued judicial warrant."
    )
    expect(preview.locator(".highlight").first).to_be_visible()
    page.get_by_role("checkbox", name=re.compile("^Prior serious or violent felony")).check()
    expect(lookback).to_be_visible()
    expect(preview).to_contain_text("within ten (10) years of the request")
    # Only the changed sections were swapped in, and the preview reads exactly as the
    # whole preview of the same answers does.
    page.wait_for_load_state("networkidle")
    assert "none" in swaps, swaps
    swapped = preview.text_content()
    page.reload()
    expect(preview).to_have_text(swapped)
    for _ in range(5):
        page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Reporting and oversight", level=1)).to_be_visible()
    page.get_by_role("radio", name=re.compile("^Every six months")).check()
    expect(preview).to_contain_text("every six months")
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Text", level=1)).to_be_visible()
    page.get_by_role("button", name="Next").click()

    expect(page.get_by_role("heading", name="Review and save", level=1)).to_be_visible()
    page.get_by_label("What changed (optional)").fill("First draft for the committee")
    page.get_by_role("button", name="Save revision").last.click()
    expect(page.get_by_text("Saved revision 1.")).to_be_visible()

    page.get_by_role("link", name="Edit").click()
    page.get_by_role("link", name="7. Reporting and oversight").click()
    page.get_by_role("radio", name=re.compile("^Once a year")).check()
    expect(preview).to_contain_text("on an annual basis")
    page.get_by_role("button", name="Save revision").click()
    expect(page.get_by_text("Saved revision 2.")).to_be_visible()

    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("r2")
    expect(rows.nth(1)).to_contain_text("r1")
    expect(rows.nth(1)).to_contain_text("First draft for the committee")
