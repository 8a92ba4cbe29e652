"""Two clerks at once: a refused save leads to a field-by-field merge, never a dead end."""

from __future__ import annotations

import pytest
from django.urls import reverse

from drafting.spec import parse_spec
from ordinances import services
from ordinances.models import Workspace


@pytest.fixture
def saved_draft(library, office, drafter, model_spec_data):
    return services.draft_create(
        organisation=office, author=drafter, spec=parse_spec(model_spec_data)
    )


def _step(draft, slug):
    return reverse("ordinances:wizard", args=[draft.pk, slug])


def _merge(draft):
    return reverse("ordinances:wizard_merge", args=[draft.pk])


def _both_open(client_for, drafter, colleague, draft):
    first, second = client_for(drafter), client_for(colleague)
    first.get(_step(draft, "review"))
    second.get(_step(draft, "review"))
    return first, second


@pytest.mark.django_db
def test_refused_save_keeps_input_and_leads_to_the_merge(
    client_for, drafter, colleague, saved_draft
):
    first, second = _both_open(client_for, drafter, colleague, saved_draft)
    first.post(_step(saved_draft, "reporting"), {"reporting_cadence": "annual", "nav": "save"})
    response = second.post(
        _step(saved_draft, "reporting"), {"reporting_cadence": "semiannual", "nav": "save"}
    )
    assert response.status_code == 302
    assert response["Location"] == _merge(saved_draft)
    assert [r.number for r in saved_draft.revisions.all()] == [2, 1]
    kept = Workspace.objects.get(draft=saved_draft, user=colleague)
    assert kept.spec["options"]["reporting_cadence"] == "semiannual"
    assert kept.base_revision == 1


@pytest.mark.django_db
def test_every_step_says_a_colleague_saved_and_offers_the_merge(
    client_for, drafter, colleague, saved_draft
):
    first, second = _both_open(client_for, drafter, colleague, saved_draft)
    first.post(_step(saved_draft, "reporting"), {"reporting_cadence": "annual", "nav": "save"})
    page = second.get(_step(saved_draft, "detainers")).content.decode()
    assert "Dana Tester saved revision 2</strong> after you started from revision 1" in page
    assert f'href="{_merge(saved_draft)}"' in page


@pytest.mark.django_db
def test_conflict_is_shown_side_by_side_and_my_choice_is_saved_on_top(
    client_for, drafter, colleague, saved_draft
):
    first, second = _both_open(client_for, drafter, colleague, saved_draft)
    first.post(_step(saved_draft, "reporting"), {"reporting_cadence": "annual", "nav": "save"})
    second.post(_step(saved_draft, "reporting"), {"reporting_cadence": "semiannual", "nav": "save"})
    page = second.get(_merge(saved_draft)).content.decode()
    assert "Changed by both of you" in page
    assert 'name="choice__options.reporting_cadence"' in page
    assert "<strong>Yours:</strong> Every six months" in page
    assert "<strong>Revision 2:</strong> Once a year" in page

    unchosen = second.post(_merge(saved_draft), {"latest": "2"})
    assert unchosen.status_code == 400
    assert Workspace.objects.get(draft=saved_draft, user=colleague).base_revision == 1

    second.post(_merge(saved_draft), {"latest": "2", "choice__options.reporting_cadence": "mine"})
    workspace = Workspace.objects.get(draft=saved_draft, user=colleague)
    assert workspace.base_revision == 2
    second.post(_step(saved_draft, "review"), {"nav": "save", "message": "merged"})
    third = saved_draft.revisions.get(number=3)
    assert third.spec["options"]["reporting_cadence"] == "semiannual"
    assert third.message == "merged"


@pytest.mark.django_db
def test_fields_only_one_side_changed_are_both_in_the_result(
    client_for, drafter, colleague, saved_draft
):
    first, second = _both_open(client_for, drafter, colleague, saved_draft)
    first.post(_step(saved_draft, "reporting"), {"reporting_cadence": "annual", "nav": "save"})
    second.post(
        _step(saved_draft, "detainers"),
        {"warrant_standard": "judicial", "include__detainers": "on", "nav": "save"},
    )
    page = second.get(_merge(saved_draft)).content.decode()
    assert "Changed by both of you" not in page
    assert 'id="merge-mine"' in page and 'id="merge-theirs"' in page
    second.post(_merge(saved_draft), {"latest": "2"})
    second.post(_step(saved_draft, "review"), {"nav": "save"})
    options = saved_draft.revisions.get(number=3).spec["options"]
    assert options["reporting_cadence"] == "annual"
    assert options["warrant_standard"] == "judicial"


@pytest.mark.django_db
def test_a_revision_saved_while_choosing_is_not_overwritten(
    client_for, drafter, colleague, saved_draft
):
    first, second = _both_open(client_for, drafter, colleague, saved_draft)
    first.post(_step(saved_draft, "reporting"), {"reporting_cadence": "annual", "nav": "save"})
    second.post(_step(saved_draft, "reporting"), {"reporting_cadence": "semiannual", "nav": "save"})
    first.get(_step(saved_draft, "review"))
    first.post(_step(saved_draft, "reporting"), {"reporting_cadence": "quarterly", "nav": "save"})
    response = second.post(
        _merge(saved_draft), {"latest": "2", "choice__options.reporting_cadence": "mine"}
    )
    assert response.status_code == 409
    assert Workspace.objects.get(draft=saved_draft, user=colleague).base_revision == 1


@pytest.mark.django_db
def test_merge_page_is_404_outside_the_organisation(client_for, outsider, saved_draft):
    assert client_for(outsider).get(_merge(saved_draft)).status_code == 404
