"""A one-click fix changes only what it says, and says what happens to unsaved answers."""

from __future__ import annotations

import pytest
from django.urls import reverse

from drafting.library import read_library
from drafting.spec import parse_spec
from ordinances import services
from ordinances.models import Workspace

FIX = "Fix: include “Compliance with federal law (8 U.S.C. § 1373 savings clause)”"


@pytest.fixture
def draft(library, office, drafter, model_spec_data):
    return services.draft_create(
        organisation=office, author=drafter, spec=parse_spec(model_spec_data)
    )


def _fix(client, draft, **extra):
    return client.post(
        reverse("ordinances:apply_fix", args=[draft.pk]), {"clause": "savings-clause", **extra}
    )


def _change_warrant(client, draft):
    """The detainers step as a browser posts it: every model clause still ticked."""
    ticked = {
        f"include__{c.slug}": "on" for c in read_library() if c.topic == "detainers" and c.model
    }
    client.post(
        reverse("ordinances:wizard", args=[draft.pk, "detainers"]),
        {"warrant_standard": "judicial", **ticked, "nav": "next"},
    )


@pytest.mark.django_db
def test_fix_with_unsaved_answers_asks_first_and_saves_nothing(client_for, drafter, draft):
    client = client_for(drafter)
    _change_warrant(client, draft)
    response = _fix(client, draft)
    page = response.content.decode()
    assert response.status_code == 200
    assert "You have unsaved answers in the wizard: Warrant standard." in page
    assert "Apply the fix to revision 1 only" in page
    assert "Apply the fix on top of my answers and save both" in page
    assert draft.revisions.count() == 1


@pytest.mark.django_db
def test_fix_on_the_latest_revision_only_leaves_my_answers_unsaved(client_for, drafter, draft):
    client = client_for(drafter)
    _change_warrant(client, draft)
    _fix(client, draft, mode="latest")
    revision = draft.revisions.get(number=2)
    assert revision.message == FIX
    assert "savings-clause" in revision.spec["clauses"]
    assert revision.spec["options"].get("warrant_standard") is None
    workspace = Workspace.objects.get(draft=draft, user=drafter)
    assert workspace.spec["options"]["warrant_standard"] == "judicial"


@pytest.mark.django_db
def test_fix_on_top_of_my_answers_saves_both_and_says_so(client_for, drafter, draft):
    client = client_for(drafter)
    _change_warrant(client, draft)
    _fix(client, draft, mode="with-answers")
    revision = draft.revisions.get(number=2)
    assert revision.message == f"{FIX} (with your unsaved changes: Warrant standard)"
    assert revision.spec["options"]["warrant_standard"] == "judicial"
    assert "savings-clause" in revision.spec["clauses"]
    assert not Workspace.objects.filter(draft=draft, user=drafter).exists()


@pytest.mark.django_db
def test_fix_without_unsaved_answers_applies_at_once(client_for, drafter, draft):
    client = client_for(drafter)
    client.get(reverse("ordinances:wizard", args=[draft.pk, "review"]))
    _fix(client, draft)
    assert draft.revisions.get(number=2).message == FIX
