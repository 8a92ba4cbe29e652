"""The library editor's operations, and who may see which edition and version."""

from dataclasses import replace

import pytest

from clauses.models import Clause, ClauseVersion, Edition, EditionEntry
from clauses.services import (
    HOUSE_BLOCK,
    LibraryEditError,
    clause_version_create,
    edition_clauses,
    edition_publish,
    latest_edition,
    newer_editions,
    upgrade_offer,
    version_recommend,
)
from common.models import ImmutableError
from drafting.spec import SpecError
from tests.factories import NCIC_NEW, make_member, ncic_edition, new_version, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(office):
    return make_member(office, "eli", editor=True)


def test_new_version_is_numbered_next_and_leaves_the_old_one(library, editor):
    version = new_version("ncic", editor, old="NCIC database.", new="NCIC database or any other.")
    old = ClauseVersion.objects.get(clause__slug="ncic", number=1)
    assert (version.number, version.created_by, version.organisation) == (2, editor, None)
    assert "any other" in version.text
    assert "any other" not in old.text
    assert version.change_note == "Test change to ncic."


def test_new_version_needs_a_change_note(library, editor):
    clause = Clause.objects.get(slug="ncic")
    content = replace(clause.latest_version().content(), body="- Changed.\n", change_note=" ")
    with pytest.raises(LibraryEditError, match="A change note is required"):
        clause_version_create(clause=clause, content=content, author=editor)
    assert clause.versions.count() == 1


def test_new_version_that_changes_nothing_is_refused(library, editor):
    clause = Clause.objects.get(slug="ncic")
    content = replace(clause.latest_version().content(), change_note="No real change.")
    with pytest.raises(LibraryEditError, match="Nothing changed from version 1"):
        clause_version_create(clause=clause, content=content, author=editor)


def test_version_made_in_the_app_cannot_be_altered(library, editor):
    version = new_version("ncic", editor, old="NCIC", new="N.C.I.C.")
    version.text = "Rewritten."
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError):
        ClauseVersion.objects.filter(pk=version.pk).update(text="Rewritten.")
    with pytest.raises(ImmutableError):
        version.options.update(label="x")
    assert "N.C.I.C." in ClauseVersion.objects.get(pk=version.pk).text


def test_published_edition_and_its_entries_cannot_be_altered_in_any_way(library, editor):
    edition = ncic_edition("test-ncic", editor)
    entries = list(edition.entries.values_list("clause_id", "version_id"))
    with pytest.raises(ImmutableError):
        Edition.objects.filter(pk=edition.pk).update(name="Renamed")
    with pytest.raises(ImmutableError):
        Edition.objects.filter(pk=edition.pk).delete()
    with pytest.raises(ImmutableError):
        edition.delete()
    with pytest.raises(ImmutableError):
        EditionEntry.objects.filter(edition=edition).update(version_id=entries[0][1])
    with pytest.raises(ImmutableError):
        EditionEntry.objects.filter(edition=edition).delete()
    with pytest.raises(ImmutableError):
        edition.entries.first().delete()
    edition.refresh_from_db()
    assert edition.name == "Test edition test-ncic"
    assert list(edition.entries.values_list("clause_id", "version_id")) == entries


def test_published_edition_has_release_notes_from_the_change_notes(library, editor):
    edition = ncic_edition("test-ncic", editor)
    assert edition.release_note_lines() == [
        "Changes from CPD 2017, council-ready text (2026):",
        "No arrests on NCIC immigration entries: version 1 → 2. Test change to ncic.",
    ]
    assert edition.derived_from.slug == "cpd-2026-council"
    assert latest_edition() == edition


def test_library_edition_may_not_hold_a_house_version(library, editor, office):
    house = new_version("ncic", editor, organisation=office, old="NCIC", new="N.C.I.C.")
    with pytest.raises(LibraryEditError, match="not a version this edition may hold"):
        publish("sneaky", editor, versions=[house])
    assert not Edition.objects.filter(slug="sneaky").exists()


def test_edition_slug_must_be_new(library, editor):
    with pytest.raises(LibraryEditError, match="exists already"):
        publish("cpd-2017", editor)


def test_house_version_does_not_rename_the_clause(library, editor, office):
    new_version("ncic", editor, organisation=office, title="House NCIC")
    assert Clause.objects.get(slug="ncic").title == "No arrests on NCIC immigration entries"
    assert Clause.objects.get(slug="ncic").latest_version().number == 1


def test_recommended_version_is_marked_on_the_clause(library, editor, office):
    version = new_version("ncic", editor, old="NCIC", new="N.C.I.C.")
    clause = Clause.objects.get(slug="ncic")
    version_recommend(clause=clause, version=version)
    assert Clause.objects.get(slug="ncic").recommended_version == version
    house = new_version("ncic", editor, organisation=office, old="N.C.I.C.", new="(NCIC)")
    with pytest.raises(LibraryEditError, match="Only a library version"):
        version_recommend(clause=clause, version=house)


# -- organisations' own editions ----------------------------------------------


@pytest.fixture
def house_edition(library, editor, office):
    """Springfield's house edition: NCIC with a successor-database clause."""
    return ncic_edition("springfield-house", editor, organisation=office)


def test_house_edition_is_usable_by_its_organisation(house_edition, office):
    clauses = edition_clauses("springfield-house", organisation=office)
    assert NCIC_NEW in next(c for c in clauses if c.slug == "ncic").body


def test_house_edition_is_refused_to_another_organisation(house_edition, other_office):
    with pytest.raises(SpecError) as refused:
        edition_clauses("springfield-house", organisation=other_office)
    assert refused.value.problems == {"edition": "No library edition 'springfield-house'."}


def test_an_edition_found_once_is_asked_for_no_more_but_stays_the_office_own(
    house_edition, office, other_office, django_assert_num_queries
):
    """The live preview asks for the edition on every change: a published edition is
    looked up once per process and office, and remembering it never lets another office
    see a house edition."""
    edition_clauses("springfield-house", organisation=office)
    with django_assert_num_queries(0):
        clauses = edition_clauses("springfield-house", organisation=office)
    assert NCIC_NEW in next(c for c in clauses if c.slug == "ncic").body
    with pytest.raises(SpecError):
        edition_clauses("springfield-house", organisation=other_office)
    with pytest.raises(SpecError):  # a refusal is not remembered as an answer either
        edition_clauses("springfield-house", organisation=other_office)


def test_an_edition_not_yet_published_is_found_once_it_is(library, editor, office):
    with pytest.raises(SpecError):
        edition_clauses("springfield-house", organisation=office)
    ncic_edition("springfield-house", editor, organisation=office)
    clauses = edition_clauses("springfield-house", organisation=office)
    assert NCIC_NEW in next(c for c in clauses if c.slug == "ncic").body


def test_house_version_pin_is_refused_to_another_organisation(house_edition, other_office):
    number = house_edition.entries.get(clause__slug="ncic").version.number
    with pytest.raises(SpecError) as refused:
        edition_clauses("cpd-2017", {"ncic": number}, organisation=other_office)
    assert refused.value.problems == {"versions.ncic": f"No version {number} of clause 'ncic'."}


def test_house_edition_is_never_the_latest_library_edition(house_edition):
    assert latest_edition().slug == "cpd-2026-council"


def test_house_edition_is_offered_to_its_organisation_only(house_edition, office, other_office):
    current = Edition.objects.get(slug="cpd-2026-council")
    assert newer_editions(current, office) == [house_edition]
    assert newer_editions(current, other_office) == []


def test_house_edition_must_be_derived_from_a_published_edition(library, editor, office):
    version = new_version("ncic", editor, organisation=office, old="NCIC", new="N.C.I.C.")
    with pytest.raises(LibraryEditError, match="derived from a published edition"):
        edition_publish(
            name="House",
            slug="house",
            date=version.created_at.date(),
            versions={"ncic": version},
            author=editor,
            organisation=office,
        )


def test_upgrade_offer_for_a_draft_on_edition_one(library):
    offer = upgrade_offer("cpd-2017", {}, None)
    assert (offer.current.slug, offer.newer.slug, offer.kept) == ("cpd-2017", "cpd-2026-council", 0)


def test_upgrade_offer_counts_clauses_kept_behind(library):
    offer = upgrade_offer("cpd-2026-council", {"definitions": 1, "ncic": 1}, None)
    assert (offer.current.slug, offer.newer, offer.kept) == ("cpd-2026-council", None, 1)


def test_no_upgrade_offer_on_the_newest_edition(library):
    assert upgrade_offer("cpd-2026-council", {"definitions": 4}, None) is None


# -- version numbers reveal nothing about other offices (issue 14, item 9) ---------


def test_house_version_number_ignores_other_offices_versions(library, office, other_office):
    shelby = make_member(other_office, "shelby", editor=True)
    springfield = make_member(office, "spring", editor=True)
    library_before = Clause.objects.get(slug="ncic").latest_version().number
    for old, new in [("NCIC", "NCIC1"), ("NCIC1", "NCIC2"), ("NCIC2", "NCIC3")]:
        new_version("ncic", shelby, organisation=other_office, old=old, new=new)
    ours = new_version("ncic", springfield, organisation=office, old="NCIC", new="N.C.I.C.")
    assert ours.number == office.pk * HOUSE_BLOCK + 1
    library_version = new_version("ncic", springfield, old="NCIC", new="NCIC database")
    assert library_version.number == library_before + 1


def test_house_version_numbers_count_the_offices_own(library, office):
    editor = make_member(office, "spring", editor=True)
    first = new_version("ncic", editor, organisation=office, old="NCIC", new="N.C.I.C.")
    second = new_version("ncic", editor, organisation=office, old="N.C.I.C.", new="(NCIC)")
    assert second.number - first.number == 1
    assert edition_clauses("cpd-2017", {"ncic": second.number}, organisation=office)
