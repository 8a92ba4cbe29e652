"""An outside reviewer in a real browser: the drafter sends a review link; a second
browser context with no account opens it, quotes a clause, comments and asks for
changes; the drafter's draft page shows both, and the audit trail lists every use."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import add_revision, make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUOTE = "on an annual basis"
SELECT_QUOTE = """quote => {
  const block = document.querySelector('#review-document [data-clause="reporting"]');
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(quote);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return true;
    }
  }
  return false;
}"""


@pytest.fixture
def draft(signed_in):
    from django.contrib.auth.models import User

    user = User.objects.get(username="newcomer")
    draft = make_draft(organisation=user.membership.organisation, author=user, title="Trust Act")
    add_revision(draft, author=user, options={"reporting_cadence": "annual"}, message="Annual")
    return draft


def test_outside_reviewer_comments_and_requests_changes(signed_in, draft, browser):
    page, base = signed_in
    page.goto(f"{base}/drafts/{draft.pk}/r/2/")
    page.get_by_label("For whom").fill("City Attorney's Office")
    page.get_by_role("button", name="Create review link").click()
    expect(
        page.get_by_role("heading", name="Review link for City Attorney's Office")
    ).to_be_visible()
    url = page.get_by_label("The link").input_value()
    assert re.fullmatch(re.escape(base) + r"/review/[A-Za-z0-9_-]{43}/", url)

    reviewer_context = browser.new_context()
    reviewer = reviewer_context.new_page()
    errors: list[str] = []
    reviewer.on("pageerror", lambda error: errors.append(str(error)))
    reviewer.goto(url)
    expect(reviewer.get_by_role("heading", name="Changes since r1")).to_be_visible()
    expect(reviewer.locator("#redline ins").filter(has_text="an annual").first).to_be_visible()
    assert reviewer.locator("a[href^='/drafts'], a[href='/']").count() == 0

    assert reviewer.evaluate(SELECT_QUOTE, QUOTE)
    reviewer.get_by_role("button", name="Quote the selection").click()
    expect(reviewer.locator("#comment-form").get_by_label("Quoted text")).to_have_value(QUOTE)
    comment = reviewer.locator("#comment-form")
    expect(comment.get_by_label("Clause")).to_have_value("reporting")
    comment.get_by_label("Your name").fill("Casey Counsel")
    comment.get_by_label("Comment", exact=False).fill(
        "Annual reports are too rare for the council."
    )
    reviewer.get_by_role("button", name="Add comment").click()
    thread = reviewer.locator("#your-comments article")
    expect(thread).to_contain_text("Annual reports are too rare for the council.")
    expect(thread).to_contain_text(f"“{QUOTE}”")

    sign_off = reviewer.locator("#sign-off")
    expect(sign_off.get_by_label("Your name")).to_have_value("Casey Counsel")  # given once
    sign_off.get_by_label("Changes requested").check()
    sign_off.get_by_label("Note (optional)").fill("Quarterly, please.")
    sign_off.get_by_role("button", name="Sign off").click()
    expect(reviewer.locator("#sign-off-status")).to_have_text(
        re.compile(r"Signed off as changes requested by Casey Counsel on ")
    )
    assert errors == []
    reviewer_context.close()

    page.goto(f"{base}/drafts/{draft.pk}/")
    thread_card = page.locator("#comments article")
    expect(thread_card).to_contain_text("Annual reports are too rare for the council.")
    expect(thread_card).to_contain_text("Casey Counsel")
    expect(thread_card).to_contain_text("through a review link “City Attorney's Office”")
    row = page.locator("tr.review-link")
    expect(row.locator(".link-sign-off")).to_contain_text("Changes requested by Casey Counsel")
    expect(row.locator(".link-sign-off")).to_contain_text("“Quarterly, please.”")

    page.get_by_role("link", name="Audit trail").click()
    who = "Casey Counsel (review link “City Attorney's Office”, sent by Newcomer Tester)"
    rows = page.locator("tbody tr")
    expect(
        rows.filter(has_text="Signed off through a review link").filter(has_text=who)
    ).to_have_count(1)
    expect(rows.filter(has_text="Commented").filter(has_text=who)).to_have_count(1)
    expect(rows.filter(has_text="Opened a review link")).to_have_count(3)
    expect(rows.filter(has_text="Created a review link")).to_have_count(1)

    assert page.goto(f"{base}/drafts/{draft.pk}/").status == 200
    page.get_by_role("button", name="Revoke the link for City Attorney's Office").click()
    expect(page.locator("tr.review-link")).to_contain_text("revoked")
    gone_context = browser.new_context()
    gone = gone_context.new_page()
    response = gone.goto(url)
    assert response.status == 410
    expect(gone.get_by_role("heading")).to_have_text("This review link was revoked")
    gone_context.close()
