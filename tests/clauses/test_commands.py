"""export_edition and import_edition: an edition as reviewable source files, and back."""

import datetime as dt
from dataclasses import replace

import pytest
from django.core.management import CommandError, call_command

from clauses.models import ClauseVersion, Edition
from drafting.library import (
    EditionManifest,
    read_edition,
    read_editions,
    write_edition_files,
)

pytestmark = pytest.mark.django_db


def _files(directory) -> dict[str, str]:
    return {
        str(path.relative_to(directory)): path.read_text(encoding="utf-8")
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _shared_edition(directory):
    """Another city's edition as files: edition 2 with NCIC version 2."""
    versions = read_edition("cpd-2026-forms")
    ncic = next(c for c in versions if c.slug == "ncic")
    ncic2 = replace(
        ncic,
        version=2,
        body=ncic.body.replace("NCIC database.", "NCIC database or any successor database."),
        change_note="Cover successor databases.",
        date=dt.date(2026, 11, 1),
        author="Shelbyville City Attorney",
    )
    versions = [ncic2 if c.slug == "ncic" else c for c in versions]
    manifest = EditionManifest(
        slug="shelbyville-2026",
        name="Shelbyville 2026",
        date=dt.date(2026, 11, 2),
        description="Shared by Shelbyville.",
        clauses={c.slug: c.version for c in versions},
        derived_from="cpd-2026-forms",
        release_notes="Changes from CPD 2017 + 2026 form references:\nNCIC: successor databases.",
    )
    write_edition_files(directory, manifest, versions)
    return versions


def test_export_writes_one_file_per_clause_and_the_manifest(library, tmp_path, capsys):
    call_command("export_edition", "cpd-2026-forms", str(tmp_path))
    edition = Edition.objects.get(slug="cpd-2026-forms")
    assert sorted(p.name for p in (tmp_path / "clauses").iterdir()) == sorted(
        f"{c.order:03d}-{c.slug}.md" for c in edition.contents()
    )
    assert read_edition("cpd-2026-forms", tmp_path) == edition.contents()
    (manifest,) = read_editions(tmp_path / "editions")
    assert (manifest.derived_from, manifest.release_notes) == ("cpd-2017", edition.release_notes)
    assert "Wrote CPD 2017 + 2026 form references: 31 clause file(s)" in capsys.readouterr().out


def test_import_of_an_exported_edition_changes_nothing(library, tmp_path, capsys):
    call_command("export_edition", "cpd-2026-forms", str(tmp_path))
    versions = ClauseVersion.objects.count()
    call_command("import_edition", str(tmp_path))
    assert "Imported: 0 new clause version(s), 31 unchanged, 0 new edition(s)." in (
        capsys.readouterr().out
    )
    assert ClauseVersion.objects.count() == versions


def test_round_trip_files_to_database_to_the_same_files(library, tmp_path):
    shared = tmp_path / "shared"
    versions = _shared_edition(shared)
    call_command("import_edition", str(shared))
    edition = Edition.objects.get(slug="shelbyville-2026")
    assert {c.slug: c for c in edition.contents()} == {c.slug: c for c in versions}
    assert edition.derived_from.slug == "cpd-2026-forms"
    assert ClauseVersion.objects.get(clause__slug="ncic", number=2).organisation is None
    call_command("export_edition", "shelbyville-2026", str(tmp_path / "again"))
    assert _files(tmp_path / "again") == _files(shared)


def test_import_for_an_organisation_makes_its_own_edition(library, tmp_path, office):
    _shared_edition(tmp_path)
    call_command("import_edition", str(tmp_path), "--organisation", office.slug)
    edition = Edition.objects.get(slug="shelbyville-2026")
    assert edition.organisation == office
    assert ClauseVersion.objects.get(clause__slug="ncic", number=2).organisation == office


def test_import_refuses_a_changed_text_under_a_saved_version_number(library, tmp_path):
    versions = _shared_edition(tmp_path)
    call_command("import_edition", str(tmp_path))
    ncic = next(c for c in versions if c.slug == "ncic")
    path = tmp_path / "clauses" / "260-ncic.md"
    path.write_text(path.read_text().replace("successor database", "later database"))
    with pytest.raises(CommandError, match="ncic: the file changed but its version is still 2"):
        call_command("import_edition", str(tmp_path))
    assert "successor" in ClauseVersion.objects.get(clause__slug="ncic", number=ncic.version).text


def test_export_of_an_unknown_edition_is_an_error(library, tmp_path):
    with pytest.raises(CommandError, match="No published edition 'nope'"):
        call_command("export_edition", "nope", str(tmp_path))
