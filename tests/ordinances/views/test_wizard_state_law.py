"""The drafter meets the state's law at the locality step (page and live preview), in the
review step's findings, and the federal context beside the 287(g) and detainer questions."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from tests.factories import LOCALITY_FORM, make_draft
from tests.model_seed import MODEL_LOCALITY


def _draft(office, drafter, state):
    return make_draft(
        organisation=office, author=drafter, locality={**MODEL_LOCALITY, "state": state}
    )


def _notice(content: bytes) -> tuple[str, str, list[str]]:
    """The notice's colour, heading and paragraphs, as the drafter reads them."""
    html = lxml.html.fromstring(content.decode())
    (notice,) = html.xpath('//*[@id="state-law-notice"]')
    heading = " ".join(notice.xpath(".//h3")[0].text_content().split())
    texts = [" ".join(p.text_content().split()) for p in notice.xpath(".//p")]
    tone = next(c for c in notice.get("class").split() if c.startswith("alert-"))
    return tone, heading, texts


def _preview(client, draft, state):
    url = reverse("ordinances:wizard_preview", args=[draft.pk])
    return client.post(url, {**LOCALITY_FORM, "state": state, "_step": "locality"})


@pytest.mark.django_db
def test_a_preempting_state_is_said_plainly_and_first(client_for, office, drafter, library):
    draft = _draft(office, drafter, "Texas")
    page = client_for(drafter).get(reverse("ordinances:wizard", args=[draft.pk, "locality"]))
    tone, heading, texts = _notice(page.content)
    assert tone == "alert-danger"
    assert heading == (
        "Warning: Texas law forbids limits on honouring immigration detainers, bans on 287(g) "
        "agreements and limits on asking about or sharing immigration status (state law as of "
        "2026-11-30)."
    )
    assert texts[0].startswith("Penalties: On a sworn resident complaint the Attorney General")
    assert texts[1] == "Verify with counsel before proceeding."
    assert texts[-1] == (
        "State law as of 2026-11-30, recorded 2026-11-30. Not legal advice. "
        "The full Texas entry and its sources"
    )
    preview = lxml.html.fromstring(page.content).xpath('//*[@id="preview-body"]')[0]
    # First in the preview: its notes (state law, answers to correct) come before the text.
    assert preview.xpath('./*[@id="preview-notes"]/*')[0].get("id") == "state-law-notice"


@pytest.mark.django_db
def test_the_live_preview_shows_the_state_as_soon_as_it_is_chosen(
    client_for, office, drafter, library
):
    draft = _draft(office, drafter, "Illinois")
    client = client_for(drafter)
    tone, heading, texts = _notice(_preview(client, draft, "California").content)
    assert tone == "alert-info"
    assert heading == (
        "California law already gives some of these protections (state law as of 2026-11-30)."
    )
    assert texts[0].startswith("California's Values Act (SB 54, Gov. Code 7284-7284.12")
    tone, heading, texts = _notice(_preview(client, draft, "TX").content)
    assert (tone, heading.split(" law ")[0]) == ("alert-danger", "Warning: Texas")


@pytest.mark.django_db
def test_a_state_with_nothing_found_gets_the_dated_note(client_for, office, drafter, library):
    draft = _draft(office, drafter, "Illinois")
    tone, heading, texts = _notice(_preview(client_for(drafter), draft, "Alaska").content)
    assert tone == "alert-secondary"
    assert heading == "No state statute found as of 2026-11-30; verify with counsel."
    assert texts[0].startswith("Searches found no Alaska statute, executive order or court ruling")


@pytest.mark.django_db
def test_an_unknown_state_asks_for_its_name(client_for, office, drafter, library):
    draft = _draft(office, drafter, "Illinois")
    _, heading, _ = _notice(_preview(client_for(drafter), draft, "Tejas").content)
    assert heading == "No state-law entry matches “Tejas”."


@pytest.mark.django_db
def test_a_typed_state_is_shown_as_text(client_for, office, drafter, library):
    draft = _draft(office, drafter, "Illinois")
    response = _preview(client_for(drafter), draft, "<script>alert(1)</script>")
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


@pytest.mark.django_db
def test_other_steps_do_not_repeat_the_notice(client_for, office, drafter, library):
    draft = _draft(office, drafter, "Texas")
    page = client_for(drafter).get(reverse("ordinances:wizard", args=[draft.pk, "detainers"]))
    assert b'id="state-law-notice"' not in page.content


@pytest.mark.django_db
def test_review_in_texas_has_an_error_on_the_detainer_clause(client_for, office, drafter, library):
    draft = _draft(office, drafter, "Texas")
    page = client_for(drafter).get(reverse("ordinances:wizard", args=[draft.pk, "review"]))
    html = lxml.html.fromstring(page.content)
    cards = html.xpath('//div[contains(@class, "finding-error")][.//code="state-tx-detainers"]')
    assert len(cards) == 1
    text = " ".join(cards[0].text_content().split())
    assert text.startswith(
        "Error · II) CIVIL IMMIGRATION ENFORCEMENT – FEDERAL RESPONSIBILITY · state-tx-detainers "
        "Texas law forbids what this provision does (Detainers, as of 2026-11-30): SB 4 requires"
    )
    assert "Authority: Tex. Gov't Code ch. 752" in text


@pytest.mark.django_db
def test_federal_context_is_beside_the_287g_and_detainer_questions(
    client_for, office, drafter, library
):
    draft = _draft(office, drafter, "Illinois")
    client = client_for(drafter)
    shown = {}
    for step in ("detainers", "jail", "information", "victims"):
        page = client.get(reverse("ordinances:wizard", args=[draft.pk, step]))
        html = lxml.html.fromstring(page.content)
        for details in html.xpath('//details[contains(@class, "federal-context")]'):
            shown[details.get("data-clause")] = [
                " ".join(li.text_content().split()) for li in details.xpath(".//li")
            ]
    assert set(shown) == {"detainers", "no-287g", "savings-clause"}
    assert shown["no-287g"] == [
        "2025-08: Revival and expansion of 287(g), including the Task Force Model. After the "
        "January 2025 order, ICE revived the 287(g) Task Force Model (discontinued in 2012), "
        "which lets deputised local officers question and arrest for immigration violations "
        "during routine duties, alongside the Jail Enforcement and Warrant Service Officer "
        "models. ICE reported 896 active agreements in 40 states by August 2025 (up from 135 in "
        "January 2025), about half of them Task Force agreements. Several states now require "
        "287(g) agreements (e.g. Florida, Texas SB 8) while others ban them (e.g. New Jersey, "
        "Delaware, Maryland, New Mexico); see the state files. Source"
    ]
    assert shown["detainers"][0].startswith("2019-04-18: United States v. California")
