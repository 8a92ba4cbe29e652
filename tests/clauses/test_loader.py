"""Loading the library: idempotent, changes become versions, nothing saved is ever rewritten."""

from dataclasses import replace

import pytest

from clauses.loader import LibraryLoadError, load_library
from clauses.models import ClauseVersion, Edition, EditionEntry, OptionChoice, VersionOption
from common.models import ImmutableError
from drafting.library import read_all_versions, read_edition, read_library


@pytest.mark.django_db
def test_load_library_twice_changes_nothing():
    first = load_library()
    counts = (ClauseVersion.objects.count(), VersionOption.objects.count(), Edition.objects.count())
    second = load_library()
    assert len(first.created_versions) == len(read_all_versions())
    assert second.created_versions == []
    assert len(second.unchanged) == len(read_all_versions())
    assert (
        ClauseVersion.objects.count(),
        VersionOption.objects.count(),
        Edition.objects.count(),
    ) == counts


@pytest.mark.django_db
def test_changed_clause_becomes_a_new_version_with_its_change_note():
    load_library()
    clauses = read_library()
    changed = [
        replace(
            c,
            body=c.body.replace("NCIC database", "NCIC database or any successor database"),
            version=2,
            change_note="Cover successor databases.",
        )
        if c.slug == "ncic"
        else c
        for c in clauses
    ]
    report = load_library(changed, editions=[])
    versions = ClauseVersion.objects.filter(clause__slug="ncic").order_by("number")
    assert report.created_versions == ["ncic v2"]
    assert [v.number for v in versions] == [1, 2]
    assert versions[1].change_note == "Cover successor databases."
    assert "successor database" not in versions[0].text
    assert "successor database" in versions[1].text


@pytest.mark.django_db
def test_changed_clause_without_a_new_version_number_is_refused():
    load_library()
    changed = [
        replace(c, body=c.body + "\nAn extra sentence.\n") if c.slug == "ncic" else c
        for c in read_library()
    ]
    with pytest.raises(LibraryLoadError, match="raise it to 2"):
        load_library(changed, editions=[])
    assert ClauseVersion.objects.filter(clause__slug="ncic").count() == 1


@pytest.mark.django_db
def test_saved_version_cannot_be_edited_or_deleted():
    load_library()
    version = ClauseVersion.objects.get(clause__slug="detainers", number=1)
    version.text = "Rewritten."
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError):
        version.delete()
    with pytest.raises(ImmutableError):
        ClauseVersion.objects.filter(pk=version.pk).update(text="Rewritten.")
    with pytest.raises(ImmutableError):
        ClauseVersion.objects.filter(pk=version.pk).delete()
    assert "Rewritten." not in ClauseVersion.objects.get(pk=version.pk).text


@pytest.mark.django_db
def test_saved_options_and_choices_cannot_be_edited():
    load_library()
    option = VersionOption.objects.get(key="warrant_standard", version__number=1)
    option.default = "categorical"
    with pytest.raises(ImmutableError):
        option.save()
    choice = OptionChoice.objects.filter(option=option).first()
    with pytest.raises(ImmutableError):
        OptionChoice.objects.filter(pk=choice.pk).update(text="a warrant")
    assert VersionOption.objects.get(pk=option.pk).default == "judicial-criminal"


@pytest.mark.django_db
def test_published_edition_cannot_change():
    load_library()
    edition = Edition.objects.get(slug="cpd-2017")
    assert edition.published
    edition.name = "Renamed"
    with pytest.raises(ImmutableError):
        edition.save()
    entry = edition.entries.first()
    with pytest.raises(ImmutableError):
        entry.delete()
    with pytest.raises(ImmutableError):
        EditionEntry.objects.create(edition=edition, clause=entry.clause, version=entry.version)


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["cpd-2017", "cpd-2026-forms"])
def test_edition_contents_round_trip_the_source_files(slug):
    load_library()
    from_files = {c.slug: c for c in read_edition(slug)}
    from_database = {c.slug: c for c in Edition.objects.get(slug=slug).contents()}
    assert from_database == from_files
