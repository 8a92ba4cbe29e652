"""The whole review loop in a real browser: the drafter downloads the .docx and sends
a review link; an outside reviewer comments through the link; the city attorney's
copy of the downloaded file comes back with three tracked changes and a Word
comment; the drafter accepts two, rejects one, keeps the comment and saves. The new
revision has exactly the two changes, the draft carries both comments, and the
audit trail tells the story in order."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUARTERLY = ("on a quarterly basis", "every month")
DAYS = ("within 45 days", "within 30 days")


def test_export_review_link_comment_import_accept_two_of_three(signed_in, browser, tmp_path):
    from django.contrib.auth.models import User

    from drafting.edits import clause_text
    from ordinances.documents import document_for
    from ordinances.models import AuditEvent, CommentThread
    from tests.fixtures.review.word_style import WordFile

    page, base = signed_in
    user = User.objects.get(username="newcomer")
    draft = make_draft(organisation=user.membership.organisation, author=user, title="Trust Act")
    first = draft.latest_revision()

    # 1. The drafter downloads the Word file and sends a review link.
    page.goto(f"{base}/drafts/{draft.pk}/r/1/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (.docx)", exact=True).click()
    exported = tmp_path / "exported.docx"
    download.value.save_as(exported)
    page.get_by_label("For whom").fill("Advocates")
    page.get_by_role("button", name="Create review link").click()
    link = page.get_by_label("The link").input_value()

    # 2. An outside reviewer, with no account, comments on the reporting clause.
    reviewer_context = browser.new_context()
    reviewer = reviewer_context.new_page()
    reviewer.goto(link)
    form = reviewer.locator("#comment-form")
    form.get_by_label("Clause").select_option("reporting")
    form.get_by_label("Your name").fill("Ana Advocate")
    form.get_by_label("Comment", exact=False).fill("Publish the numbers monthly.")
    reviewer.get_by_role("button", name="Add comment").click()
    expect(reviewer.locator("#your-comments article")).to_contain_text(
        "Publish the numbers monthly."
    )
    reviewer_context.close()

    # 3. The city attorney's copy of the downloaded file comes back.
    word = WordFile(exported.read_bytes())
    word.replace(*QUARTERLY, author="City Attorney")
    word.replace(*DAYS, author="City Attorney")
    word.delete("hereby ", author="Police Chief")
    word.comment("public records", "Confirm with the records officer.", author="City Attorney",
                 replies=(("Police Chief", "Agreed."),))  # fmt: skip
    reviewed = tmp_path / "trust-act-r1-attorney.docx"
    reviewed.write_bytes(word.save())

    page.goto(f"{base}/drafts/{draft.pk}/")
    page.get_by_role("link", name="Bring back a reviewed file").click()
    page.get_by_label("Reviewed Word file (.docx)").set_input_files(str(reviewed))
    page.get_by_role("button", name="Read the file").click()
    rows = page.locator("tr.review-change")
    expect(rows).to_have_count(4)
    rows.filter(has_text="hereby").get_by_role("radio", name="Reject").check()
    rows.filter(has_text=DAYS[1]).get_by_role("radio", name="Accept").check()
    rows.filter(has_text=QUARTERLY[1]).get_by_role("radio", name="Accept").check()
    rows.filter(has_text="Confirm with the records officer.").get_by_role(
        "radio", name="Keep"
    ).check()
    page.get_by_role("button", name="Save accepted changes as a new revision").click()
    expect(page.locator(".alert-success")).to_contain_text(
        re.compile(
            r"Saved revision 2: Review of trust-act-r1-attorney\.docx: 2 changes accepted "
            r"\(City Attorney\)\. 1 comment kept as comment threads\."
        )
    )

    # 4. The new revision, the comments and the audit trail.
    latest = draft.latest_revision()
    document, before = document_for(latest), document_for(first)
    assert clause_text(document, "reporting") == clause_text(before, "reporting").replace(
        *QUARTERLY
    )
    assert clause_text(document, "u-visa") == clause_text(before, "u-visa").replace(*DAYS)
    assert clause_text(document, "purpose") == clause_text(before, "purpose")

    threads = {
        t.source: [(c.author_name, c.body) for c in t.comments.all()]
        for t in CommentThread.objects.filter(draft=draft)
    }
    assert threads == {
        "link": [("Ana Advocate", "Publish the numbers monthly.")],
        "word": [
            ("City Attorney", "Confirm with the records officer."),
            ("Police Chief", "Agreed."),
        ],
    }
    cards = page.locator("#comments article")
    expect(cards.filter(has_text="Publish the numbers monthly.")).to_have_count(1)
    expect(cards.filter(has_text="Confirm with the records officer.")).to_have_count(1)

    actions = list(
        AuditEvent.objects.filter(draft=draft).order_by("pk").values_list("action", flat=True)
    )
    story = ["exported", "link_created", "link_viewed", "commented", "review_imported",
             "revision_saved", "review_decided"]  # fmt: skip
    at = -1
    for action in story:  # each in turn, after the one before (ValueError: out of order)
        at = actions.index(action, at + 1)
    decided = AuditEvent.objects.get(draft=draft, action="review_decided")
    assert decided.details == {
        "file": "trust-act-r1-attorney.docx", "accepted": 2, "threads": 1, "rejected": 1
    }  # fmt: skip
