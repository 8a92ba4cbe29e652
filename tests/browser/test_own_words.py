"""A drafter's own words in a real browser: edit a clause, add a section, change the edited
clause's option, settle the conflict, save, and download a redline with the edit tracked."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_edit_add_section_conflict_save_and_redline(signed_in):
    from drafting.spec import parse_spec
    from ordinances import services
    from organisations.models import Organisation
    from tests.factories import spec_data

    page, base = signed_in
    office = Organisation.objects.get(slug="spfld")
    from django.contrib.auth.models import User

    draft = services.draft_create(
        organisation=office,
        author=User.objects.get(username="newcomer"),
        spec=parse_spec(spec_data()),
    )
    preview = page.locator("#preview-body")

    # Edit the reporting clause's text.
    page.goto(f"{base}/drafts/{draft.pk}/edit/text/")
    expect(page.get_by_role("heading", name="Text", level=1)).to_be_visible()
    page.locator(".text-clauses [data-clause=reporting]").get_by_role("link").click()
    editor = page.locator("#id_text")
    text = editor.input_value()
    assert "on a quarterly basis" in text
    editor.fill(text.replace("on a quarterly basis", "every month"))
    page.get_by_role("button", name="Save my edit").click()
    expect(page.locator("#text-editor")).to_contain_text("edited locally")
    expect(preview).to_contain_text("publish on its public-facing website every month:")
    expect(preview.locator(".edited-locally").first).to_be_visible()

    # Add a section of our own after the commission.
    page.get_by_label("Heading").fill("COMMUNITY LIAISON")
    page.get_by_label("Text", exact=True).fill(
        "The Office of the Mayor shall name a community liaison who shall:\n\n"
        "- meet immigrant community organisations twice a year; and\n\n"
        "- report to the City Council."
    )
    page.get_by_label("Place it after").select_option("commission")
    page.get_by_role("button", name="Add section").click()
    expect(preview).to_contain_text("XIV) COMMUNITY LIAISON")
    expect(preview).to_contain_text("XV) SEVERABILITY")

    # Change the edited clause's option: the edit no longer fits.
    page.get_by_role("link", name="7. Reporting and oversight").click()
    page.get_by_role("radio", name=re.compile("^Once a year")).check()
    expect(preview).to_contain_text("on an annual basis")
    page.get_by_role("button", name="Next").click()
    conflicts = page.locator("#edit-conflicts")
    expect(conflicts).to_contain_text("1 edit no longer fits the library text.")
    conflicts.get_by_role("link").first.click()
    conflict = page.locator("#conflict-reporting")
    expect(conflict.locator(".conflict-old")).to_have_text("on a quarterly basis")
    expect(conflict.locator(".conflict-mine")).to_have_text("every month")
    expect(conflict.locator(".conflict-new")).to_contain_text("on an annual basis")

    # Settle it: the drafter's words on the new text.
    text = editor.input_value()
    editor.fill(text.replace("on an annual basis", "every year, in print and online"))
    page.get_by_role("button", name="Save my edit").click()
    expect(page.locator("#edit-conflicts")).to_have_count(0)
    expect(preview).to_contain_text("website every year, in print and online:")

    # Save, and download the redline against revision 1.
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Review and save", level=1)).to_be_visible()
    expect(page.locator("#review-edit-conflicts")).to_have_count(0)
    page.get_by_label("What changed (optional)").fill("Our own words")
    page.get_by_role("button", name="Save revision").last.click()
    expect(page.get_by_text("Saved revision 2.")).to_be_visible()

    page.goto(f"{base}/compare/?old={draft.pk}.1&new={draft.pk}.2")
    with page.expect_download() as download:
        page.get_by_role("link", name="Redline (.docx, tracked changes)").click()
    data = Path(download.value.path()).read_bytes()
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    deleted = " ".join("".join(d.itertext()) for d in body.iter(f"{W}del"))
    inserted = " ".join("".join(i.itertext()) for i in body.iter(f"{W}ins"))
    assert "quarterly" in deleted
    assert "every year, in print and online" in inserted
    assert "COMMUNITY LIAISON" in inserted
