"""An editor publishes a new edition; a drafter upgrades an older draft clause by clause."""

import re

import pytest
from playwright.sync_api import expect

from drafting.library import read_edition
from tests.factories import make_draft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NCIC_OLD = "may appear in the NCIC database."
NCIC_NEW = "may appear in the NCIC database or any successor database."
SUCCESSOR_FORMS = "or any form that amends, replaces or succeeds any of these forms"


@pytest.fixture
def people(library, model_spec_data):
    """An editor and a drafter in one office; the drafter's draft is on edition 1."""
    from organisations.models import Organisation
    from tests.factories import make_member

    office = Organisation.objects.create(name="Springfield City Council", slug="spfld")
    editor = make_member(office, "editor", editor=True)
    drafter = make_member(office, "drafter")
    draft = make_draft(organisation=office, author=drafter, title="Old draft")
    return editor, drafter, draft


def _forms_versions() -> list[tuple[str, int]]:
    return [(c.slug, c.version) for c in read_edition("cpd-2026-forms")]


def _sign_in(page, base: str, username: str) -> None:
    from tests.factories import PASSWORD

    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/")


def _editor_changes_ncic_and_publishes(page, base: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clause library").click()
    page.get_by_role("link", name="No arrests on NCIC immigration entries").click()
    page.get_by_role("link", name="Write a new version").click()
    text = page.locator("#id_text")
    text.fill(text.input_value().replace(NCIC_OLD, NCIC_NEW))
    page.locator("#id_change_note").fill("Cover successor databases to NCIC.")
    page.get_by_role("button", name="Save as a new version").click()
    expect(page.get_by_text("Saved version 2 of “No arrests on NCIC")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Clause library").click()
    page.get_by_role("link", name="Publish a new edition").click()
    page.locator("#id_name").fill("Springfield update")
    expect(page.get_by_label("No arrests on NCIC immigration entries")).to_have_value("2")
    # The update is edition 2 (CPD 2017 + 2026 form references) with the new NCIC version.
    for slug, number in _forms_versions():
        if slug != "ncic":
            page.locator(f"#id_version__{slug}").select_option(str(number))
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("heading", name="Springfield update", level=1)).to_be_visible()
    expect(page.locator(".release-notes")).to_contain_text(
        "No arrests on NCIC immigration entries: version 1 → 2. Cover successor databases to NCIC."
    )
    page.get_by_role("button", name="Sign out").click()


def test_editor_publishes_and_drafter_accepts_part_of_the_upgrade(page, live_server, people):
    editor, drafter, draft = people
    base = live_server.url
    _sign_in(page, base, "editor")
    _editor_changes_ncic_and_publishes(page, base)

    _sign_in(page, base, "drafter")
    page.get_by_role("link", name="Old draft").click()
    offer = page.locator(".upgrade-offer")
    expect(offer).to_contain_text("A newer library edition is available: Springfield update")
    offer.get_by_role("link", name="Review what would change").click()

    expect(
        page.get_by_role("heading", name="Upgrade to Springfield update", level=1)
    ).to_be_visible()
    clauses = page.locator(".upgrade-clause")
    expect(clauses).to_have_count(2)
    definitions = page.locator("#clause-definitions")
    ncic = page.locator("#clause-ncic")
    expect(definitions.locator("ins", has_text=SUCCESSOR_FORMS)).to_be_visible()
    expect(ncic.locator("ins", has_text="or any successor database")).to_be_visible()
    expect(ncic).to_contain_text("Cover successor databases to NCIC.")
    definitions.get_by_role("checkbox", name=re.compile("Accept the new version")).uncheck()
    expect(ncic.get_by_role("checkbox", name=re.compile("Accept the new version"))).to_be_checked()
    page.get_by_role("button", name="Save as a new revision").click()

    expect(
        page.get_by_text("Saved revision 2 on Springfield update: accepted 1 of 2")
    ).to_be_visible()
    expect(page.locator(".upgrade-offer")).to_contain_text("1 clause of r2 is kept")
    page.get_by_role("link", name="r2", exact=True).click()
    document = page.locator(".ordinance-preview, .ordinance").first
    expect(document).to_contain_text(NCIC_NEW)
    expect(document).not_to_contain_text(SUCCESSOR_FORMS)
    expect(document).to_contain_text("“Request for Voluntary Notification of Release.”")

    page.go_back()
    page.get_by_role("link", name="r1", exact=True).click()
    document = page.locator(".ordinance-preview, .ordinance").first
    expect(document).to_contain_text(NCIC_OLD)
    expect(document).not_to_contain_text("successor database")

    revisions = draft.revisions.order_by("number")
    assert [r.spec["edition"] for r in revisions] == ["cpd-2017", "springfield-update"]
    assert [r.clause_versions["ncic"] for r in revisions] == [1, 2]
    assert [r.clause_versions["definitions"] for r in revisions] == [1, 1]
