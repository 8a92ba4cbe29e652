"""A spec naming another organisation's edition is refused wherever it is assembled for a user."""

import io
import json

import pytest
from django.urls import reverse

from drafting.spec import SpecError, parse_spec
from ordinances import services
from ordinances.models import Draft, Revision, Workspace
from tests.factories import make_draft, make_member, ncic_edition

pytestmark = pytest.mark.django_db

REFUSED = {"edition": "No library edition 'shelbyville-house'."}


@pytest.fixture
def foreign_edition(library, other_office):
    """Shelbyville's own edition, which Springfield's members must not use."""
    return ncic_edition(
        "shelbyville-house",
        make_member(other_office, "olga", editor=True),
        organisation=other_office,
    )


@pytest.fixture
def foreign_spec(model_spec_data, foreign_edition) -> dict:
    return {**model_spec_data, "edition": foreign_edition.slug}


def _upload(client, data: dict):
    spec_file = io.BytesIO(json.dumps(data).encode())
    spec_file.name = "spec.json"
    return client.post(reverse("ordinances:draft_upload"), {"spec_file": spec_file, "title": "X"})


def test_upload_naming_another_organisations_edition_is_refused(client_for, drafter, foreign_spec):
    response = _upload(client_for(drafter), foreign_spec)
    assert response.status_code == 200
    assert response.context["upload_form"].errors == {
        "spec_file": ["edition: No library edition 'shelbyville-house'."]
    }
    assert Draft.objects.count() == 0


def test_upload_naming_its_own_organisations_edition_is_accepted(
    client_for, outsider, foreign_spec
):
    response = _upload(client_for(outsider), foreign_spec)
    assert response.status_code == 302
    assert Draft.objects.get().latest_revision().spec["edition"] == "shelbyville-house"


def test_draft_create_refuses_another_organisations_edition(office, drafter, foreign_spec):
    with pytest.raises(SpecError) as refused:
        services.draft_create(organisation=office, author=drafter, spec=parse_spec(foreign_spec))
    assert refused.value.problems == REFUSED


def test_wizard_save_naming_another_organisations_edition_is_refused(
    client_for, drafter, office, foreign_spec
):
    draft = Draft.objects.create(organisation=office, title="Untitled draft", created_by=drafter)
    Workspace.objects.create(draft=draft, user=drafter, spec=foreign_spec, step="review")
    response = client_for(drafter).post(
        reverse("ordinances:wizard", args=[draft.pk, "review"]), {"nav": "save"}
    )
    # The wizard will not even load clause texts the office may not see.
    assert response.status_code == 404
    assert draft.revisions.count() == 0


def test_compare_of_a_revision_on_another_organisations_edition_is_404(
    client_for, drafter, office, foreign_spec, model_spec_data
):
    good = make_draft(organisation=office, author=drafter)
    smuggled = Draft.objects.create(organisation=office, title="Smuggled", created_by=drafter)
    Revision(
        draft=smuggled,
        number=1,
        spec=foreign_spec,
        clause_versions={},
        locality="Springfield",
        author=drafter,
    ).save()
    query = f"?old={good.pk}.1&new={smuggled.pk}.1"
    assert client_for(drafter).get(reverse("ordinances:compare") + query).status_code == 404
