"""The review step says honestly what it can and cannot check."""

from __future__ import annotations

import pytest
from django.urls import reverse

from drafting.spec import parse_spec
from ordinances import services


@pytest.fixture
def draft(library, office, drafter, model_spec_data):
    return services.draft_create(
        organisation=office, author=drafter, spec=parse_spec(model_spec_data)
    )


@pytest.mark.django_db
def test_a_draft_that_cannot_be_assembled_never_shows_no_findings(client_for, drafter, draft):
    client = client_for(drafter)
    locality = dict(draft.latest_revision().spec["locality"], complaint_body="")
    client.get(reverse("ordinances:wizard", args=[draft.pk, "review"]))
    from ordinances.models import Workspace

    workspace = Workspace.objects.get(draft=draft, user=drafter)
    Workspace.objects.filter(pk=workspace.pk).update(spec={**workspace.spec, "locality": locality})
    page = client.get(reverse("ordinances:wizard", args=[draft.pk, "review"])).content.decode()
    assert "Cannot check until the complaint body is filled in." in page
    assert "No findings." not in page


@pytest.mark.django_db
def test_fields_a_chosen_clause_names_are_marked_required(client_for, drafter, draft):
    page = client_for(drafter).get(reverse("ordinances:wizard", args=[draft.pk, "locality"]))
    html = page.content.decode()
    label = html[html.index('for="id_complaint_body"') :][:300]
    assert 'class="asteriskField">*</span>' in label
    optional = html[html.index('for="id_ordinance_number"') :][:300]
    assert "asteriskField" not in optional
