"""The Text step: edit a clause's text, undo, add a section; conflicts after an option change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ordinances.models import Workspace
from tests.factories import make_draft

pytestmark = pytest.mark.django_db

PRIVACY_FIND = "maintain and/or share"


@pytest.fixture
def draft(library, office, drafter):
    return make_draft(organisation=office, author=drafter)


def _url(draft, **query):
    url = reverse("ordinances:wizard", args=[draft.pk, "text"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _privacy_text(client, draft) -> str:
    response = client.get(_url(draft, clause="privacy"))
    return response.context["text"]["opened"]["text"]


def _workspace(draft, user) -> dict:
    return Workspace.objects.get(draft=draft, user=user).spec


def test_text_step_lists_included_clauses_and_opens_one(client_for, draft, drafter):
    response = client_for(drafter).get(_url(draft, clause="privacy"))
    assert response.status_code == 200
    rows = response.context["text"]["rows"]
    assert [r["slug"] for r in rows][:3] == ["title", "purpose", "definitions"]
    assert (
        response.context["text"]["opened"]["title"]
        == "Privacy of confidential personal information"
    )
    assert b'name="text"' in response.content and b"Show the library text" in response.content


def test_saving_an_edit_keeps_the_smallest_pair_in_the_workspace(client_for, draft, drafter):
    client = client_for(drafter)
    text = _privacy_text(client, draft)
    response = client.post(
        _url(draft),
        {"clause": "privacy", "text": text.replace(PRIVACY_FIND, "share"), "nav": "stay:edit"},
    )
    assert response.status_code == 302
    assert response["Location"] == _url(draft, clause="privacy") + "#text-editor"
    assert _workspace(draft, drafter)["edits"] == [
        {"clause": "privacy", "find": " maintain and/or", "replace": ""}
    ]
    page = client.get(_url(draft, clause="privacy")).content.decode()
    assert "edited locally" in page and "Undo my edit" in page


def test_undo_drops_the_clause_edits(client_for, draft, drafter):
    client = client_for(drafter)
    text = _privacy_text(client, draft)
    client.post(_url(draft), {"clause": "privacy", "text": text + " More.", "nav": "stay:edit"})
    client.post(_url(draft), {"clause": "privacy", "text": text, "nav": "stay:undo:privacy"})
    assert "edits" not in _workspace(draft, drafter)


def test_markup_in_the_text_is_refused_and_nothing_changes(client_for, draft, drafter):
    client = client_for(drafter)
    text = _privacy_text(client, draft)
    response = client.post(
        _url(draft), {"clause": "privacy", "text": text + " {{ secret }}", "nav": "stay:edit"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors["text"] == [
        "Text of your own cannot hold markup or template code ({{, {%, {# or <tags>)."
    ]
    assert "edits" not in _workspace(draft, drafter)


def test_adding_a_section_places_and_numbers_it(client_for, draft, drafter):
    client = client_for(drafter)
    response = client.post(
        _url(draft),
        {
            "heading": "COMMUNITY LIAISON",
            "section_text": "The Mayor shall name a liaison.",
            "after": "commission",
            "nav": "stay:add-section",
        },
    )
    assert response.status_code == 302
    assert _workspace(draft, drafter)["sections"] == [
        {
            "key": "community-liaison",
            "heading": "COMMUNITY LIAISON",
            "text": "The Mayor shall name a liaison.",
            "after": "commission",
        }
    ]
    preview = client.get(_url(draft)).context["document"]
    titles = [s.title for s in preview.sections]
    assert titles[titles.index("XIII) JUSTICE AND EQUITY COMMISSION ESTABLISHED") + 1] == (
        "XIV) COMMUNITY LIAISON"
    )


def test_section_without_text_is_refused_naming_the_field(client_for, draft, drafter):
    response = client_for(drafter).post(
        _url(draft), {"heading": "MINE", "section_text": "", "nav": "stay:add-section"}
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {"section_text": ["Text is required."]}


def test_option_change_that_breaks_an_edit_is_a_conflict_shown_and_kept(client_for, draft, drafter):
    client = client_for(drafter)
    response = client.get(_url(draft, clause="reporting"))
    text = response.context["text"]["opened"]["text"]
    client.post(
        _url(draft),
        {
            "clause": "reporting",
            "text": text.replace("on a quarterly basis", "every month"),
            "nav": "stay:edit",
        },
    )
    edits = _workspace(draft, drafter)["edits"]
    assert edits == [
        {"clause": "reporting", "find": "on a quarterly basis", "replace": "every month"}
    ]
    # the drafter now picks another cadence: the edited words are gone from the library text
    reporting = reverse("ordinances:wizard", args=[draft.pk, "reporting"])
    form = client.get(reporting).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(reporting_cadence="annual", nav="goto:text")
    client.post(reporting, {k: v for k, v in data.items() if v is not None})
    assert _workspace(draft, drafter)["edits"] == edits
    page = client.get(_url(draft, clause="reporting"))
    assert page.context["text"]["opened"]["conflict"] is not None
    assert "no longer fit" in page.content.decode()
    review = client.get(reverse("ordinances:wizard", args=[draft.pk, "review"]))
    assert "Some of your edits no longer fit the library text." in review.content.decode()
    assert 'data-clauses="reporting"' in page.context["preview_html"]
    assert "edited locally" not in page.context["preview_html"]  # the library text shows
    library_text = page.context["text"]["opened"]["library"]
    assert page.context["text"]["opened"]["text"] == library_text
