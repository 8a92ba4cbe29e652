"""Upgrading a draft to a newer edition: the offer, the per-clause redline, partial acceptance."""

import pytest
from django.urls import reverse

from clauses.models import Clause, Edition
from drafting.assembly import edition_options
from drafting.library import read_edition
from drafting.spec import parse_spec
from ordinances import services
from ordinances.models import Revision, Workspace
from tests.factories import NCIC_NEW, make_member, ncic_edition, new_version, publish

pytestmark = pytest.mark.django_db

SUCCESSOR_FORMS = "or any form that amends, replaces or succeeds any of these forms"


@pytest.fixture
def old_draft(library, office, drafter, model_spec_data):
    """A draft saved on edition 1 (cpd-2017), with a non-default warrant standard."""
    data = {**model_spec_data, "options": {"warrant_standard": "judicial"}}
    return services.draft_create(organisation=office, author=drafter, spec=parse_spec(data))


def _text(revision: Revision) -> str:
    document = services.document_for_spec(revision.draft_spec())
    return " ".join(block.text for _section, block in document.blocks())


def _upgrade(draft) -> str:
    return reverse("ordinances:upgrade", args=[draft.pk])


def test_draft_on_an_older_edition_offers_the_upgrade(client_for, drafter, old_draft):
    page = client_for(drafter).get(old_draft.get_absolute_url()).content.decode()
    offer = "A newer library edition is available: <strong>CPD 2017, council-ready text (2026)"
    assert offer in page
    assert _upgrade(old_draft) in page


def test_draft_on_the_newest_edition_has_no_offer(
    client_for, drafter, office, library, model_spec_data
):
    data = {**model_spec_data, "edition": "cpd-2026-council"}
    draft = services.draft_create(organisation=office, author=drafter, spec=parse_spec(data))
    page = client_for(drafter).get(draft.get_absolute_url()).content.decode()
    assert "newer library edition" not in page
    response = client_for(drafter).get(_upgrade(draft))
    assert response.status_code == 302


def test_upgrade_page_shows_the_changed_clause_redline(client_for, drafter, old_draft):
    response = client_for(drafter).get(_upgrade(old_draft), {"to": "cpd-2026-forms"})
    page = response.content.decode()
    assert response.status_code == 200
    assert [r.change.slug for r in response.context["reviews"]] == ["definitions"]
    assert 'name="accept" value="definitions"' in page
    assert f'<span class="visually-hidden">inserted: </span>; {SUCCESSOR_FORMS}' in page
    assert "Currency of the detainer forms." in page
    every_option = edition_options(read_edition("cpd-2017"))
    assert response.context["unchanged_options"] == len(every_option)


def test_accepting_nothing_keeps_the_text_and_moves_to_the_new_edition(
    client_for, drafter, old_draft
):
    before = _text(old_draft.latest_revision())
    response = client_for(drafter).post(_upgrade(old_draft), {"to": "cpd-2026-forms", "base": "1"})
    revision = old_draft.latest_revision()
    assert response.status_code == 302
    assert revision.number == 2
    assert revision.spec["edition"] == "cpd-2026-forms"
    assert revision.clause_versions["definitions"] == 1
    assert _text(revision) == before
    assert revision.message == "Upgraded to CPD 2017 + 2026 form references: accepted no clause."


def test_accepting_a_clause_changes_its_text_and_leaves_the_old_revision(
    client_for, drafter, old_draft
):
    old_spec = dict(old_draft.latest_revision().spec)
    client_for(drafter).post(
        _upgrade(old_draft), {"to": "cpd-2026-forms", "base": "1", "accept": ["definitions"]}
    )
    first, second = old_draft.revisions.order_by("number")
    assert SUCCESSOR_FORMS in _text(second)
    assert SUCCESSOR_FORMS not in _text(first)
    assert first.spec == old_spec
    assert second.spec["options"] == {"warrant_standard": "judicial"}
    assert second.clause_versions["definitions"] == 2


def test_partial_acceptance_pins_the_rest_at_the_old_versions(
    client_for, drafter, editor_in_office, old_draft
):
    forms = Edition.objects.get(slug="cpd-2026-forms")
    ncic = new_version("ncic", editor_in_office, old="appear in the NCIC database.", new=NCIC_NEW)
    edition = publish("with-ncic", editor_in_office, derived_from=forms, versions=[ncic])
    response = client_for(drafter).post(
        _upgrade(old_draft), {"to": edition.slug, "base": "1", "accept": ["ncic"]}
    )
    revision = old_draft.latest_revision()
    assert response.status_code == 302
    assert (revision.spec["edition"], revision.clause_versions["ncic"]) == ("with-ncic", 2)
    assert revision.clause_versions["definitions"] == 1
    text = _text(revision)
    assert NCIC_NEW in text
    assert SUCCESSOR_FORMS not in text
    page = client_for(drafter).get(old_draft.get_absolute_url()).content.decode()
    assert "1 clause of r2 is kept at another version than Test edition with-ncic has." in page


def test_dropped_option_is_reported_before_and_after_saving(
    client_for, drafter, editor_in_office, office, library, model_spec_data
):
    data = {**model_spec_data, "edition": "cpd-2026-forms"}
    data["options"] = {"reporting_cadence": "annual"}
    draft = services.draft_create(organisation=office, author=drafter, spec=parse_spec(data))
    reporting = Clause.objects.get(slug="reporting").latest_version().content()
    cadence_free = reporting.body.replace("{{ reporting_cadence }}", "on an annual basis")
    version = new_version(
        "reporting",
        editor_in_office,
        options=tuple(o for o in reporting.options if o.key != "reporting_cadence"),
        body=cadence_free,
    )
    publish("no-cadence", editor_in_office, versions=[version])
    client = client_for(drafter)
    page = client.get(_upgrade(draft)).content.decode()
    message = (
        "Option “Reporting cadence” is not in the new edition; your choice “once a year” will "
        "no longer apply."
    )
    assert message in page
    response = client.post(
        _upgrade(draft), {"to": "no-cadence", "base": "1", "accept": ["reporting"]}, follow=True
    )
    assert message in response.content.decode()
    assert "reporting_cadence" not in draft.latest_revision().spec["options"]


def test_unsaved_wizard_changes_block_the_upgrade(client_for, drafter, old_draft):
    Workspace.objects.create(draft=old_draft, user=drafter, spec=old_draft.latest_revision().spec)
    response = client_for(drafter).post(_upgrade(old_draft), {"to": "cpd-2026-forms", "base": "1"})
    assert response.status_code == 409
    assert "You have unsaved changes in the wizard" in response.content.decode()
    assert old_draft.revisions.count() == 1


def test_stale_upgrade_is_refused(client_for, drafter, colleague, old_draft, model_spec_data):
    services.revision_create(
        draft=old_draft, spec=parse_spec(model_spec_data), author=colleague, base=1
    )
    response = client_for(drafter).post(_upgrade(old_draft), {"to": "cpd-2026-forms", "base": "1"})
    assert response.status_code == 409
    assert old_draft.revisions.count() == 2


def test_upgrade_page_is_404_outside_the_organisation(client_for, outsider, old_draft):
    client = client_for(outsider)
    assert client.get(_upgrade(old_draft)).status_code == 404
    assert client.post(_upgrade(old_draft), {"base": "1"}).status_code == 404


def test_another_organisations_edition_is_not_an_upgrade_target(
    client_for, drafter, outsider, old_draft, other_office
):
    other_editor = make_member(other_office, "olga", editor=True)
    ncic_edition("shelbyville-house", other_editor, organisation=other_office)
    client = client_for(drafter)
    assert client.get(_upgrade(old_draft) + "?to=shelbyville-house").status_code == 404
    response = client.post(_upgrade(old_draft), {"to": "shelbyville-house", "base": "1"})
    assert response.status_code == 404
    assert old_draft.revisions.count() == 1


@pytest.fixture
def editor_in_office(office):
    return make_member(office, "eli", editor=True)


# -- the draft's own edits on upgrade: three-way merge per clause ----------------------------

RELEASE = "Notification of Release.”"
LATER = "Notification of Release, or any later form.”"


def _edited_draft(office, drafter, model_spec_data, find, replace):
    data = {
        **model_spec_data,
        "edits": [{"clause": "definitions", "find": find, "replace": replace}],
    }
    return services.draft_create(organisation=office, author=drafter, spec=parse_spec(data))


def test_upgrade_keeps_an_edit_whose_words_the_new_text_still_has(
    client_for, drafter, office, library, model_spec_data
):
    draft = _edited_draft(office, drafter, model_spec_data, "sections 236 or 287", "§§ 236, 287")
    client = client_for(drafter)
    page = client.get(_upgrade(draft))
    assert [m.clause for m in page.context["edit_merges"]] == ["definitions"]
    assert page.context["edit_conflicts"] == []
    client.post(_upgrade(draft), {"to": "cpd-2026-forms", "base": 1, "accept": ["definitions"]})
    latest = draft.latest_revision()
    assert latest.spec["edits"] == [
        {"clause": "definitions", "find": "sections 236 or 287", "replace": "§§ 236, 287"}
    ]
    assert "§§ 236, 287" in _text(latest) and SUCCESSOR_FORMS in _text(latest)


def test_upgrade_edit_conflict_must_be_settled_on_the_page(
    client_for, drafter, office, library, model_spec_data
):
    draft = _edited_draft(office, drafter, model_spec_data, RELEASE, LATER)
    client = client_for(drafter)
    page = client.get(_upgrade(draft))
    (conflict,) = page.context["edit_conflicts"]
    assert conflict.clause == "definitions" and LATER in conflict.mine
    assert SUCCESSOR_FORMS in conflict.new_text
    assert 'name="resolve__definitions"' in page.content.decode()

    post = {"to": "cpd-2026-forms", "base": 1, "accept": ["definitions"]}
    refused = client.post(_upgrade(draft), post)
    assert refused.status_code == 400
    assert [str(m) for m in refused.context["messages"]] == [
        "Your edit of “definitions” conflicts with the new library text: choose the new "
        "library text or your own text for it."
    ]
    assert draft.revisions.count() == 1

    mine = conflict.new_text.replace("Notification of Release”", "Notification”")
    client.post(
        _upgrade(draft), {**post, "resolve__definitions": "mine", "text__definitions": mine}
    )
    latest = draft.latest_revision()
    assert latest.number == 2
    assert "Request for Voluntary Notification”; or any form" in _text(latest)


def test_upgrade_edit_conflict_settled_with_the_library_text_drops_the_edit(
    client_for, drafter, office, library, model_spec_data
):
    draft = _edited_draft(office, drafter, model_spec_data, RELEASE, LATER)
    post = {"to": "cpd-2026-forms", "base": 1, "accept": ["definitions"]}
    client_for(drafter).post(_upgrade(draft), {**post, "resolve__definitions": "library"})
    latest = draft.latest_revision()
    assert "edits" not in latest.spec
    assert SUCCESSOR_FORMS in _text(latest)
