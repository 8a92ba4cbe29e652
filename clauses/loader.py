"""Load the library's source files into the database. Idempotent.

Re-running changes nothing. A file whose content changed must carry a higher
`version` and a new `change_note`; it becomes a new version, and the old one
stays as it was. Edition manifests create published editions once; a manifest
that disagrees with a published edition is an error, never a silent rewrite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction

from clauses.content import ClauseText, EditionManifest, read_editions, read_library
from clauses.models import Clause, ClauseVersion, Edition, EditionEntry, OptionChoice, VersionOption


class LibraryLoadError(Exception):
    pass


@dataclass
class LoadReport:
    created_versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    created_editions: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.created_versions)} new clause version(s), "
            f"{len(self.unchanged)} unchanged, {len(self.created_editions)} new edition(s)"
        )


def version_create(*, clause: Clause, content: ClauseText, created_by=None) -> ClauseVersion:
    """Save one new immutable version, with its options and choices."""
    version = ClauseVersion(
        clause=clause,
        number=content.version,
        title=content.title,
        topic=content.topic,
        order=content.order,
        kind=content.kind,
        heading=content.heading,
        parent=content.parent,
        model=content.model,
        text=content.body,
        change_note=content.change_note,
        source=content.source,
        author=content.author,
        date=content.date,
        terms={k: list(v) for k, v in content.terms.items()},
        corrections=[
            {"source": c.source, "corrected": c.corrected, "note": c.note}
            for c in content.corrections
        ],
        fingerprint=content.fingerprint(),
        created_by=created_by,
    )
    version.save()
    for position, option in enumerate(content.options):
        row = VersionOption(
            version=version,
            position=position,
            key=option.key,
            label=option.label,
            type=option.type,
            default=option.default,
            guidance=option.guidance,
            source=option.source,
            minimum=option.min,
            maximum=option.max,
            applies_when=option.applies_when,
        )
        row.save()
        for index, choice in enumerate(option.choices):
            OptionChoice(
                option=row,
                position=index,
                value=choice.value,
                label=choice.label,
                text=choice.text,
                guidance=choice.guidance,
                source=choice.source,
            ).save()
    return version


def _load_clause(content: ClauseText, report: LoadReport) -> None:
    clause, _ = Clause.objects.get_or_create(
        slug=content.slug,
        defaults={"title": content.title, "topic": content.topic, "order": content.order},
    )
    latest = clause.latest_version()
    if latest is not None and latest.fingerprint == content.fingerprint():
        report.unchanged.append(content.slug)
        return
    if latest is not None:
        if content.version <= latest.number:
            raise LibraryLoadError(
                f"{content.slug}: the file changed but its version is still {content.version}; "
                f"raise it to {latest.number + 1} and write a change_note saying what changed."
            )
        if content.change_note == latest.change_note:
            raise LibraryLoadError(
                f"{content.slug}: version {content.version} needs a new change_note."
            )
    version_create(clause=clause, content=content)
    Clause.objects.filter(pk=clause.pk).update(
        title=content.title, topic=content.topic, order=content.order
    )
    report.created_versions.append(f"{content.slug} v{content.version}")


def _load_edition(manifest: EditionManifest, report: LoadReport) -> None:
    versions = {}
    for slug, number in manifest.clauses.items():
        version = ClauseVersion.objects.filter(clause__slug=slug, number=number).first()
        if version is None:
            raise LibraryLoadError(f"Edition {manifest.slug}: no version {number} of {slug}.")
        versions[slug] = version
    edition = Edition.objects.filter(slug=manifest.slug).first()
    if edition is not None:
        current = {e.clause.slug: e.version_id for e in edition.entries.select_related("clause")}
        if current != {slug: v.pk for slug, v in versions.items()}:
            raise LibraryLoadError(
                f"Edition {manifest.slug} is published and differs from its manifest; "
                "publish a new edition instead of changing this one."
            )
        return
    edition = Edition.objects.create(
        slug=manifest.slug,
        name=manifest.name,
        date=manifest.date,
        description=manifest.description,
    )
    for version in versions.values():
        EditionEntry.objects.create(edition=edition, clause=version.clause, version=version)
    edition.published = True
    edition.save()
    report.created_editions.append(manifest.slug)


@transaction.atomic
def load_library(
    clauses: Sequence[ClauseText] | None = None,
    editions: Sequence[EditionManifest] | None = None,
) -> LoadReport:
    """Load clause files and edition manifests (defaults: the repo's library)."""
    report = LoadReport()
    for content in clauses if clauses is not None else read_library():
        _load_clause(content, report)
    for manifest in editions if editions is not None else read_editions():
        _load_edition(manifest, report)
    return report
