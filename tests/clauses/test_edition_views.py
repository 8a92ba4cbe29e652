"""Editions in the app: publish (editors only), release notes, organisations' own editions."""

import datetime as dt

import pytest
from django.urls import reverse

from clauses.models import Clause, Edition
from clauses.services import version_recommend
from tests.factories import NCIC_NEW, make_member, ncic_edition, new_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(office):
    return make_member(office, "eli", editor=True)


def _publish_data(scope: str = "library", **fields) -> dict:
    data = {
        "scope": scope,
        "name": "Test edition",
        "slug": "",
        "date": dt.date.today().isoformat(),
        "description": "For a test.",
        "derived_from": str(Edition.objects.get(slug="cpd-2026-council").pk),
    }
    for clause in Clause.objects.all():
        data[f"version__{clause.slug}"] = str(clause.latest_version().number)
    data.update(fields)
    return data


def test_drafter_cannot_publish(client_for, drafter, library):
    response = client_for(drafter).post(reverse("clauses:edition_new"), _publish_data())
    assert response.status_code == 403
    assert "Only library editors can do this" in response.content.decode()
    assert Edition.objects.count() == 3


def test_publish_form_defaults_to_the_recommended_then_the_newest_version(
    client_for, editor, library
):
    newest = new_version("ncic", editor, old="NCIC", new="N.C.I.C.")
    second = new_version("ncic", editor, old="N.C.I.C.", new="(NCIC)")
    form = client_for(editor).get(reverse("clauses:edition_new")).context["form"]
    assert form.fields["version__ncic"].initial == second.number
    version_recommend(clause=Clause.objects.get(slug="ncic"), version=newest)
    form = client_for(editor).get(reverse("clauses:edition_new")).context["form"]
    assert form.fields["version__ncic"].initial == newest.number
    assert form.fields["version__definitions"].initial == 4


def test_editor_publishes_an_edition_with_release_notes(client_for, editor, library):
    new_version(
        "ncic", editor, old="NCIC database.", new="NCIC database or any successor database."
    )
    response = client_for(editor).post(reverse("clauses:edition_new"), _publish_data())
    edition = Edition.objects.get(slug="test-edition")
    assert response.status_code == 302
    assert response["Location"] == "/library/editions/test-edition/"
    assert edition.published
    assert (edition.organisation, edition.created_by) == (None, editor)
    assert edition.release_note_lines() == [
        "Changes from CPD 2017, council-ready text (2026):",
        "No arrests on NCIC immigration entries: version 1 → 2. Test change to ncic.",
    ]
    page = client_for(editor).get(response["Location"]).content.decode()
    assert "No arrests on NCIC immigration entries: version 1 → 2. Test change to ncic." in page


def test_publishing_an_existing_slug_is_refused_with_the_input_kept(client_for, editor, library):
    response = client_for(editor).post(
        reverse("clauses:edition_new"), _publish_data(slug="cpd-2017", name="Mine")
    )
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "slug": ["An edition “cpd-2017” exists already; choose another."]
    }
    assert 'value="Mine"' in response.content.decode()


def test_edition_list_and_detail_show_the_shipped_editions(client_for, drafter, library):
    page = client_for(drafter).get(reverse("clauses:edition_list")).content.decode()
    assert page.index("CPD 2017 + 2026 form references") < page.index("CPD model ordinance (2017)")
    detail = client_for(drafter).get(reverse("clauses:edition_detail", args=["cpd-2026-forms"]))
    assert "Definitions: version 1 → 2. Currency of the detainer forms." in detail.content.decode()


def test_house_edition_is_published_with_the_organisation_prefix(
    client_for, editor, office, library
):
    house = new_version("ncic", editor, organisation=office, old="NCIC", new="N.C.I.C.")
    response = client_for(editor).post(
        reverse("clauses:edition_new"),
        _publish_data(scope="house", name="House style", version__ncic=str(house.number)),
    )
    assert response.status_code == 302
    edition = Edition.objects.get(slug="springfield-house-style")
    assert edition.organisation == office
    assert edition.entries.get(clause__slug="ncic").version.organisation == office


def test_library_scope_offers_no_house_version(client_for, editor, office, library):
    house = new_version("ncic", editor, organisation=office, old="NCIC", new="N.C.I.C.")
    response = client_for(editor).post(
        reverse("clauses:edition_new"),
        _publish_data(version__ncic=str(house.number), slug="sneaky"),
    )
    assert response.status_code == 400
    assert "version__ncic" in response.context["form"].errors
    assert not Edition.objects.filter(slug="sneaky").exists()


# -- isolation: another organisation's edition is a 404 everywhere --------------


@pytest.fixture
def house_edition(library, editor, office):
    return ncic_edition("springfield-house", editor, organisation=office)


def test_house_edition_pages_are_404_for_another_organisation(client_for, outsider, house_edition):
    client = client_for(outsider)
    for url in (
        reverse("clauses:edition_detail", args=["springfield-house"]),
        reverse("clauses:index") + "?edition=springfield-house",
        reverse("clauses:model") + "?edition=springfield-house",
        reverse("clauses:clause_detail", args=["ncic"]) + "?edition=springfield-house",
    ):
        assert client.get(url).status_code == 404, url
    assert "springfield-house" not in client.get(reverse("clauses:edition_list")).content.decode()


def test_house_edition_pages_are_shown_to_its_organisation(client_for, drafter, house_edition):
    client = client_for(drafter)
    assert (
        client.get(reverse("clauses:edition_detail", args=["springfield-house"])).status_code == 200
    )
    model = client.get(reverse("clauses:model") + "?edition=springfield-house").content.decode()
    assert "or any successor database" in model
    assert NCIC_NEW.endswith("successor database.")
