"""Checking a pasted code chapter: findings land on the sections that earn them."""

import pytest
from playwright.sync_api import expect

from tests.drafting.parse.test_code_sections import CHAPTER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_pasted_code_chapter_findings_point_at_dash_numbered_sections(signed_in):
    page, base = signed_in
    page.goto(f"{base}/check/")
    page.get_by_label("Paste the ordinance text").fill(CHAPTER.strip())
    page.get_by_role("button", name="Check", exact=True).click()

    findings = page.locator("#check-findings").locator("xpath=..")
    status = findings.locator(".card", has_text="1373-status-restriction")
    expect(status).to_contain_text("4-12-030 Disclosure of information.")
    expect(status).to_contain_text("Statute: § 1373(a), (b)(1): sending or receiving")
    expect(status.locator("blockquote")).to_contain_text(
        "No agent shall disclose information regarding the citizenship"
    )
    for rule in ("strength-conviction-carve-out", "strength-gang-carve-out"):
        card = findings.locator(".card", has_text=rule)
        expect(card).to_contain_text("Warning · 4-12-040 Civil immigration detainers.")
    expect(page.locator(".scorecard")).to_contain_text("A code chapter, but with no complaint")
    expect(page.locator(".scorecard")).not_to_contain_text("not an ordinance")
    expect(page.locator(".scorecard tr", has_text="No carve-outs")).to_contain_text("0 of 4")
