"""The whole wizard with the keyboard alone: sign in, draft, save, export."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return {tag: e.tagName, id: e.id, name: e.getAttribute('name'), value: e.value || '',
          text: (e.innerText || '').trim(), outline: style.outlineStyle,
          outlineWidth: parseFloat(style.outlineWidth)};
}"""


def tab_to(page, matches, *, limit: int = 150, backwards: bool = False) -> dict:
    """Press Tab until the focused element matches; check its focus is visible."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        active = page.evaluate(ACTIVE)
        if matches(active):
            assert active["outline"] != "none" and active["outlineWidth"] >= 2, active
            return active
    raise AssertionError("never reached the element with Tab")


def by_id(element_id):
    return lambda a: a["id"] == element_id


def by_text(text):
    return lambda a: a["text"] == text


def test_wizard_completed_saved_and_exported_with_the_keyboard_alone(page, live_server, library):
    from ordinances.models import Revision
    from organisations.models import Organisation
    from tests.factories import PASSWORD, make_member

    office = Organisation.objects.create(name="Keyboard Council", slug="keyboard")
    make_member(office, "keys")
    page.goto(f"{live_server.url}/accounts/login/")
    page.keyboard.type("keys")  # the username field has focus on arrival
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")

    tab_to(page, by_text("New draft"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/drafts/new/")
    tab_to(page, by_text("Start the wizard"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/edit/locality/")

    for field, value in [
        ("id_name", "Keyboard City"),
        ("id_state", "Oregon"),
        ("id_legislative_body", "City Council"),
        ("id_chief_law_enforcement_officer", "Chief of Police"),
        ("id_complaint_body", "Civil Rights Office"),
        ("id_commission_coordinator", "City Manager"),
    ]:
        tab_to(page, by_id(field))
        page.keyboard.type(value)
    tab_to(page, by_text("Next"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/edit/detainers/")

    tab_to(page, lambda a: a["name"] == "warrant_standard")
    page.keyboard.press("ArrowDown")  # the next choice: a judicial warrant
    assert page.evaluate(ACTIVE)["value"] == "judicial"
    expect(page.locator("#preview-body")).to_contain_text("properly issued judicial warrant.")
    for step in ("jail", "information", "policing", "victims", "reporting", "text", "review"):
        tab_to(page, by_text("Next"))
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/edit/{step}/")

    tab_to(page, by_id("id_message"))
    page.keyboard.type("Typed without a mouse")
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE)["text"] == "Save revision"
    page.keyboard.press("Enter")
    expect(page.get_by_text("Saved revision 1.")).to_be_visible()
    revision = Revision.objects.get(draft__organisation=office)
    assert revision.message == "Typed without a mouse"
    assert revision.spec["options"]["warrant_standard"] == "judicial"

    tab_to(page, by_text("r1"))
    page.keyboard.press("Enter")
    page.wait_for_url("**/r/1/")
    tab_to(page, by_text("Word (.docx)"))
    with page.expect_response(lambda r: "/export/docx/" in r.url) as response:
        page.keyboard.press("Enter")
    assert response.value.status == 200
    assert response.value.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
