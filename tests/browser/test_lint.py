"""The compliance lint where users meet it: the review step and "Check an ordinance"."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import SAN_FRANCISCO, make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_review_step_quick_fix_saves_a_new_revision(signed_in, model_spec_data):
    from django.contrib.auth.models import User

    page, base = signed_in
    user = User.objects.get(username="newcomer")
    draft = make_draft(organisation=user.membership.organisation, author=user)
    page.goto(f"{base}/drafts/{draft.pk}/edit/review/")
    findings = page.locator("#findings-title + *").locator("xpath=..")
    expect(findings).to_contain_text("1373-broad-restriction")
    page.get_by_role("button", name=re.compile("^Fix: .*savings clause")).first.click()
    expect(page.get_by_text(re.compile("and saved it as revision 2"))).to_be_visible()
    # the library's clause saves sending and receiving; Privacy IX also restricts maintaining
    expect(findings).to_contain_text("Statute: § 1373(b)(2): maintaining (potential)")
    expect(page.get_by_role("button", name=re.compile("^Fix: .*savings clause"))).to_have_count(0)
    expect(page.locator("#preview-body")).to_contain_text("COMPLIANCE WITH FEDERAL LAW")


def test_check_an_ordinance_marks_the_error_and_fixes_it(signed_in):
    page, base = signed_in
    page.get_by_role("link", name="Check an ordinance").click()
    page.get_by_label("Paste the ordinance text").fill(SAN_FRANCISCO)
    page.get_by_role("button", name="Check", exact=True).click()
    expect(page.get_by_text("restricts status information")).to_be_visible()
    expect(page.locator("mark.finding-mark-error")).to_contain_text("disseminate information")
    page.get_by_role("button", name=re.compile("^Fix: Add a § 1373 savings clause")).first.click()
    expect(page.get_by_role("status")).to_contain_text("Applied")
    expect(page.locator("#verdict-title")).not_to_contain_text("restricts status information")
    expect(page.locator(".ordinance-preview")).to_contain_text("§§ 1373 and 1644")
