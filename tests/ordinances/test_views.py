"""Drafts, the wizard and revisions through Django's test client."""

import io
import json

import lxml.html
import pytest
from django.urls import reverse
from django.utils import timezone

from clauses.loader import load_library
from drafting.library import read_library
from drafting.render.text import render_text
from ordinances import services
from ordinances.models import Draft, Revision, Workspace
from tests.factories import LOCALITY_FORM, make_draft


@pytest.fixture
def saved_draft(library, office, drafter, model_spec_data):
    return make_draft(organisation=office, author=drafter)


def _urls(draft):
    return [
        reverse("ordinances:draft_detail", args=[draft.pk]),
        reverse("ordinances:wizard", args=[draft.pk, "locality"]),
        reverse("ordinances:wizard", args=[draft.pk, "review"]),
        reverse("ordinances:revision_detail", args=[draft.pk, 1]),
        reverse("ordinances:revision_spec", args=[draft.pk, 1]),
    ]


def _post_urls(draft):
    return [
        reverse("ordinances:draft_rename", args=[draft.pk]),
        reverse("ordinances:draft_duplicate", args=[draft.pk]),
        reverse("ordinances:draft_archive", args=[draft.pk]),
        reverse("ordinances:wizard_preview", args=[draft.pk]),
        reverse("ordinances:wizard_discard", args=[draft.pk]),
        reverse("ordinances:wizard", args=[draft.pk, "locality"]),
    ]


@pytest.mark.django_db
def test_other_organisation_gets_404_on_every_draft_url(client_for, outsider, saved_draft):
    client = client_for(outsider)
    for url in _urls(saved_draft):
        assert client.get(url).status_code == 404, url
    for url in _post_urls(saved_draft):
        assert client.post(url, {"title": "x", "nav": "next"}).status_code == 404, url
    assert Draft.objects.get(pk=saved_draft.pk).title == saved_draft.title
    assert saved_draft.title not in client.get(reverse("ordinances:draft_list")).content.decode()


@pytest.mark.django_db
def test_member_reaches_every_draft_url(client_for, colleague, saved_draft):
    client = client_for(colleague)
    for url in _urls(saved_draft):
        assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, saved_draft):
    for url in _urls(saved_draft):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def _list_rows(page: str) -> list[list[str]]:
    """The drafts table's rows, each cell's text (not the navbar, which names the
    user and the office too)."""
    rows = lxml.html.fromstring(page).xpath("//main//table/tbody/tr")
    return [[" ".join(cell.text_content().split()) for cell in row.xpath("td")] for row in rows]


@pytest.mark.django_db
def test_drafts_list_shows_title_locality_author_and_lint(client_for, drafter, saved_draft):
    page = client_for(drafter).get(reverse("ordinances:draft_list")).content.decode()
    revision = saved_draft.latest_revision()
    changed = timezone.localtime(revision.created_at).strftime("%Y-%m-%d %H:%M")
    assert (revision.lint_errors, revision.lint_warnings > 1) == (0, True)
    lint_badge = f"{revision.lint_warnings} warnings"
    assert _list_rows(page) == [
        [saved_draft.title, "Springfield", changed, "Dana Tester", "r1", lint_badge]
    ]


def _start(client):
    response = client.post(reverse("ordinances:draft_new"))
    draft = Draft.objects.latest("pk")
    assert response["Location"] == reverse("ordinances:wizard", args=[draft.pk, "locality"])
    return draft


@pytest.mark.django_db
def test_wizard_goes_from_nothing_to_a_saved_revision(client_for, drafter, library):
    client = client_for(drafter)
    draft = _start(client)
    step = reverse("ordinances:wizard", args=[draft.pk, "locality"])
    response = client.post(step, {**LOCALITY_FORM, "nav": "next"})
    assert response["Location"] == reverse("ordinances:wizard", args=[draft.pk, "detainers"])
    detainers = reverse("ordinances:wizard", args=[draft.pk, "detainers"])
    page = client.get(detainers).content.decode()
    assert "Judicial criminal warrant (CPD model; strongest)" in page
    assert 'data-applies-key="carve_outs"' in page
    form = {
        "warrant_standard": "judicial",
        "carve_outs": ["serious-felony"],
        "felony_lookback_years": "10",
        "notification_requests": "covered",
        "include__civil-enforcement": "on",
        "include__no-287g": "on",
        "include__detainers": "on",
        "include__ncic": "on",
    }
    client.post(detainers, {**form, "nav": "next"})
    review = reverse("ordinances:wizard", args=[draft.pk, "review"])
    response = client.post(review, {"nav": "save", "message": "First cut"})
    assert response["Location"] == draft.get_absolute_url()
    revision = Revision.objects.get(draft=draft)
    assert (revision.number, revision.message, revision.author) == (1, "First cut", drafter)
    assert revision.spec["options"]["warrant_standard"] == "judicial"
    assert revision.spec["options"]["carve_outs"] == ["serious-felony"]
    assert revision.clause_versions["detainers"] == 2
    document = services.document_for_spec(revision.draft_spec())
    assert "judicial warrant." in render_text(document)
    assert not Workspace.objects.filter(draft=draft).exists()
    assert (
        Draft.objects.get(pk=draft.pk).title
        == "the City of Springfield: Justice and Equity Ordinance"
    )


@pytest.mark.django_db
def test_invalid_answer_shows_field_errors_and_keeps_input(client_for, drafter, library):
    client = client_for(drafter)
    draft = _start(client)
    step = reverse("ordinances:wizard", args=[draft.pk, "locality"])
    response = client.post(step, {**LOCALITY_FORM, "state": "", "name": "x" * 300, "nav": "next"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "State: This field is required." in page
    assert 'id="error-summary"' in page
    assert 'href="#id_name"' in page
    assert "Legislative body" in page and 'value="City Council"' in page


@pytest.mark.django_db
def test_back_keeps_invalid_input_for_later(client_for, drafter, library):
    client = client_for(drafter)
    draft = _start(client)
    step = reverse("ordinances:wizard", args=[draft.pk, "locality"])
    client.post(step, {**LOCALITY_FORM, "nav": "next"})
    detainers = reverse("ordinances:wizard", args=[draft.pk, "detainers"])
    response = client.post(detainers, {"felony_lookback_years": "999", "nav": "back"})
    assert response["Location"] == step
    page = client.get(detainers).content.decode()
    assert 'value="999"' in page
    assert "Ensure this value is less than or equal to 50." in page
    response = client.post(reverse("ordinances:wizard", args=[draft.pk, "review"]), {"nav": "save"})
    assert response.status_code == 400
    assert "Detainers and warrants" in response.content.decode()
    assert not Revision.objects.filter(draft=draft).exists()


@pytest.mark.django_db
def test_live_preview_reflects_the_choice_and_highlights_the_clause(
    client_for, drafter, saved_draft
):
    client = client_for(drafter)
    response = client.post(
        reverse("ordinances:wizard_preview", args=[saved_draft.pk]),
        {
            "_step": "detainers",
            "_focus": "detainers",
            "warrant_standard": "categorical",
            "notification_requests": "covered",
            "include__civil-enforcement": "on",
            "include__no-287g": "on",
            "include__detainers": "on",
            "include__ncic": "on",
        },
    )
    page = response.content.decode()
    assert "or administrative warrant. Any such request" in page
    assert 'class="block block-item level-1 highlight" id="b-detainers"' in page
    workspace = Workspace.objects.get(draft=saved_draft, user=drafter)
    assert workspace.spec["options"]["warrant_standard"] == "categorical"


@pytest.mark.django_db
def test_library_change_after_saving_leaves_the_revision_text_unchanged(
    client_for, drafter, saved_draft
):
    from dataclasses import replace

    revision = saved_draft.latest_revision()
    before = render_text(services.document_for_spec(revision.draft_spec()))
    changed = [
        replace(
            c,
            body=c.body.replace("NCIC database", "NCIC system"),
            version=2,
            change_note="Say system.",
        )  # fmt: skip
        if c.slug == "ncic"
        else c
        for c in read_library()
    ]
    load_library(changed, editions=[])
    after = render_text(
        services.document_for_spec(Revision.objects.get(pk=revision.pk).draft_spec())
    )
    assert after == before
    assert "NCIC database" in after


@pytest.mark.django_db
def test_spec_download_and_upload_start_an_identical_draft(client_for, drafter, saved_draft):
    client = client_for(drafter)
    response = client.get(reverse("ordinances:revision_spec", args=[saved_draft.pk, 1]))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="springfield-r1-spec.json"'
    upload = io.BytesIO(response.content)
    upload.name = "spec.json"
    response = client.post(
        reverse("ordinances:draft_upload"), {"spec_file": upload, "title": "From upload"}
    )
    copy = Draft.objects.get(title="From upload")
    assert response["Location"] == copy.get_absolute_url()
    assert copy.latest_revision().spec == json.loads(
        client.get(reverse("ordinances:revision_spec", args=[saved_draft.pk, 1])).content
    )


@pytest.mark.django_db
def test_bad_spec_upload_gets_a_clear_message(client_for, drafter, library):
    upload = io.BytesIO(b"this is not json")
    upload.name = "spec.json"
    response = client_for(drafter).post(reverse("ordinances:draft_upload"), {"spec_file": upload})
    assert "The file is not a JSON draft spec." in response.content.decode()
    assert not Draft.objects.exists()


@pytest.mark.django_db
def test_duplicate_archive_and_restore(client_for, drafter, saved_draft):
    client = client_for(drafter)
    client.post(reverse("ordinances:draft_duplicate", args=[saved_draft.pk]))
    copy = Draft.objects.exclude(pk=saved_draft.pk).get()
    assert copy.latest_revision().spec == saved_draft.latest_revision().spec
    assert copy.duplicated_from == saved_draft.latest_revision()
    client.post(reverse("ordinances:draft_archive", args=[saved_draft.pk]))
    listing = client.get(reverse("ordinances:draft_list")).content.decode()
    assert f'href="/drafts/{saved_draft.pk}/"' not in listing
    archive = client.get(reverse("ordinances:draft_list") + "?archived=1").content.decode()
    assert f'href="/drafts/{saved_draft.pk}/"' in archive
    client.post(reverse("ordinances:draft_archive", args=[saved_draft.pk]), {"restore": "1"})
    assert Draft.objects.get(pk=saved_draft.pk).archived_at is None


@pytest.mark.django_db
def test_revision_cannot_be_edited(saved_draft):
    from common.models import ImmutableError

    revision = saved_draft.latest_revision()
    revision.message = "rewritten"
    with pytest.raises(ImmutableError):
        revision.save()
    with pytest.raises(ImmutableError):
        Revision.objects.filter(pk=revision.pk).update(message="rewritten")
