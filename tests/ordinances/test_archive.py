"""Archiving loses nothing: an archived draft keeps its revisions and files, and comes back."""

import pytest
from django.urls import reverse

from ordinances.models import Draft
from tests.factories import make_draft


@pytest.fixture
def archived(library, office, drafter, model_spec_data, client_for):
    draft = make_draft(organisation=office, author=drafter)
    client_for(drafter).post(reverse("ordinances:draft_archive", args=[draft.pk]))
    return Draft.objects.get(pk=draft.pk)


@pytest.mark.django_db
def test_archived_draft_keeps_its_revisions_and_downloads(client_for, colleague, archived):
    client = client_for(colleague)
    assert archived.archived_at is not None
    assert (
        client.get(reverse("ordinances:revision_detail", args=[archived.pk, 1])).status_code == 200
    )
    download = client.get(reverse("exports:download", args=[archived.pk, 1, "docx"]))
    assert (download.status_code, download.content[:2]) == (200, b"PK")
    page = client.get(archived.get_absolute_url()).content.decode()
    assert '<input type="hidden" name="restore" value="1">' in page


@pytest.mark.django_db
def test_restored_draft_is_listed_again_with_every_revision(client_for, colleague, archived):
    client = client_for(colleague)
    client.post(reverse("ordinances:draft_archive", args=[archived.pk]), {"restore": "1"})
    listing = client.get(reverse("ordinances:draft_list")).content.decode()
    assert f'href="/drafts/{archived.pk}/"' in listing
    assert list(archived.revisions.values_list("number", flat=True)) == [1]


@pytest.mark.django_db
def test_another_office_cannot_restore(client_for, outsider, archived):
    response = client_for(outsider).post(
        reverse("ordinances:draft_archive", args=[archived.pk]), {"restore": "1"}
    )
    assert response.status_code == 404
    assert Draft.objects.get(pk=archived.pk).archived_at == archived.archived_at
