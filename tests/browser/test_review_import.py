"""Bring back a reviewed file in a real browser: upload a file with three tracked
changes, accept two, reject one, save; the new revision has exactly the two."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_accept_two_of_three_and_save(signed_in, tmp_path):
    from django.contrib.auth.models import User

    from drafting.edits import clause_text
    from drafting.spec import parse_spec
    from exports.services import KINDS, export_bytes
    from ordinances import services
    from ordinances.documents import document_for
    from organisations.models import Organisation
    from tests.factories import spec_data
    from tests.fixtures.review.word_style import WordFile

    page, base = signed_in
    draft = services.draft_create(
        organisation=Organisation.objects.get(slug="spfld"),
        author=User.objects.get(username="newcomer"),
        spec=parse_spec(spec_data()),
        title="Springfield trust act",
    )
    first = draft.latest_revision()
    word = WordFile(export_bytes(first, KINDS["docx"]))
    word.replace("on a quarterly basis", "every month", author="City Attorney")
    word.replace("within 45 days", "within 30 days", author="City Attorney")
    word.delete("hereby ", author="Police Chief")
    path = tmp_path / "springfield-r1-attorney.docx"
    path.write_bytes(word.save())

    page.goto(f"{base}/drafts/{draft.pk}/")
    page.get_by_role("link", name="Bring back a reviewed file").click()
    page.get_by_label("Reviewed Word file (.docx)").set_input_files(str(path))
    page.get_by_role("button", name="Read the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Changes proposed in springfield-r1-attorney.docx"
    )
    rows = page.locator("tr.review-change")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("purpose")
    expect(rows.nth(1).locator("del")).to_have_text("within 45 days")
    expect(rows.nth(1).locator("ins")).to_have_text("within 30 days")
    expect(rows.nth(2).locator("del")).to_have_text("on a quarterly basis")
    expect(rows.nth(2).locator("ins")).to_have_text("every month")

    rows.nth(0).get_by_role("radio", name="Reject").check()
    rows.nth(1).get_by_role("radio", name="Accept").check()
    rows.nth(2).get_by_role("radio", name="Accept").check()
    page.get_by_role("button", name="Save accepted changes as a new revision").click()
    expect(page.locator(".alert-success")).to_contain_text(
        re.compile(r"Saved revision 2: Review of springfield-r1-attorney\.docx: 2 changes")
    )

    latest = draft.latest_revision()
    document, before = document_for(latest), document_for(first)
    assert latest.message == (
        "Review of springfield-r1-attorney.docx: 2 changes accepted (City Attorney)"
    )
    assert clause_text(document, "reporting") == clause_text(before, "reporting").replace(
        "on a quarterly basis", "every month"
    )
    assert clause_text(document, "u-visa") == clause_text(before, "u-visa").replace(
        "within 45 days", "within 30 days"
    )
    assert clause_text(document, "purpose") == clause_text(before, "purpose")
