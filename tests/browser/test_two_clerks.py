"""Two staff on one draft in two browsers: the second merges onto the first's revision."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(browser, base: str, username: str):
    from tests.factories import PASSWORD

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")
    return context, page


def _open_step(page, base: str, pk: int, step: str):
    page.goto(f"{base}/drafts/{pk}/edit/{step}/")


def test_second_clerk_merges_resolves_one_conflict_and_saves_both_changes(
    browser, live_server, library
):
    from drafting.spec import parse_spec
    from ordinances import services
    from organisations.models import Organisation
    from tests.factories import make_member
    from tests.model_seed import MODEL_LOCALITY

    office = Organisation.objects.create(name="Springfield City Council", slug="spfld")
    dana = make_member(office, "dana")
    make_member(office, "colin")
    draft = services.draft_create(
        organisation=office,
        author=dana,
        spec=parse_spec({"edition": "cpd-2017", "locality": MODEL_LOCALITY, "options": {}}),
    )
    base = live_server.url
    first_context, first = _sign_in(browser, base, "dana")
    second_context, second = _sign_in(browser, base, "colin")
    for page in (first, second):
        _open_step(page, base, draft.pk, "reporting")

    # Dana changes the cadence and the warrant standard, and saves first.
    first.get_by_role("radio", name=re.compile("^Once a year")).check()
    first.get_by_role("button", name="Next").click()
    _open_step(first, base, draft.pk, "detainers")
    first.get_by_role("radio", name=re.compile("^Judicial warrant signed by")).check()
    first.get_by_role("button", name="Save revision").click()
    expect(first.get_by_text("Saved revision 2.")).to_be_visible()

    # Colin, still on revision 1, changes the cadence too.
    second.get_by_role("radio", name=re.compile("^Every six months")).check()
    second.get_by_role("button", name="Save revision").click()
    expect(second.get_by_role("heading", name="Bring your answers onto revision 2")).to_be_visible()
    expect(second.get_by_text("Not saved: revision 2 was saved")).to_be_visible()
    conflicts = second.locator("#merge-conflicts")
    expect(conflicts).to_contain_text("Reporting cadence")
    expect(conflicts).to_contain_text("Yours: Every six months")
    expect(conflicts).to_contain_text("Revision 2: Once a year")
    expect(second.locator("#merge-theirs")).to_contain_text("Warrant standard")
    conflicts.get_by_label(re.compile("^Yours: Every six months")).check()
    second.get_by_role("button", name="Bring my answers onto revision 2").click()
    expect(second.get_by_text("Your answers now build on revision 2.")).to_be_visible()
    second.get_by_role("button", name="Save revision").last.click()
    expect(second.get_by_text("Saved revision 3.")).to_be_visible()

    options = draft.revisions.get(number=3).spec["options"]
    assert options["reporting_cadence"] == "semiannual"  # Colin's, chosen in the conflict
    assert options["warrant_standard"] == "judicial"  # Dana's, kept
    first_context.close()
    second_context.close()
