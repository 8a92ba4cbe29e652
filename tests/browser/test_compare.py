"""Compare two revisions side by side in a real browser."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_compare_two_revisions_shows_the_change_and_the_option_summary(signed_in, model_spec_data):
    from django.contrib.auth.models import User

    from drafting.spec import parse_spec
    from ordinances import services

    page, base = signed_in
    user = User.objects.get(username="newcomer")
    draft = make_draft(organisation=user.membership.organisation, author=user)
    changed = {**model_spec_data, "options": {"reporting_cadence": "semiannual"}}
    services.revision_create(draft=draft, spec=parse_spec(changed), author=user, base=1)

    page.goto(f"{base}/drafts/{draft.pk}/")
    page.get_by_role("link", name="compare with r1").click()
    summary = page.locator(".compare-summary")
    expect(summary).to_contain_text("Reporting cadence: every quarter → every six months")
    inserted = page.locator("ins", has_text="every six months").first
    deleted = page.locator("del", has_text="quarterly").first
    expect(inserted).to_be_visible()
    expect(deleted).to_be_visible()
    expect(inserted.locator(".visually-hidden")).to_have_text("inserted: ")
    assert inserted.evaluate("e => getComputedStyle(e).textDecorationLine") == "underline"
    assert deleted.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    page.locator(".compare-summary nav a").first.click()
    expect(page.get_by_role("link", name="Redline (.docx, tracked changes)")).to_be_visible()
