"""Load the library's source files into the database. Idempotent.

Re-running changes nothing. Every version a file holds (`clauses/` has each
clause's newest version, `history/` the older ones) is created once; a file
whose content differs from the saved version of the same number is an error,
never a rewrite: a changed clause needs a higher `version` and a new
`change_note`. Edition manifests create published editions once; a manifest
that disagrees with a published edition is an error, never a silent rewrite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import groupby

from django.db import transaction

from clauses.models import Clause, ClauseVersion, Edition, EditionEntry, OptionChoice, VersionOption
from clauses.state_law import load_state_law
from clauses.summaries import load_summaries
from drafting.editions import release_notes
from drafting.library import (
    ClauseText,
    EditionManifest,
    history_filename,
    read_all_versions,
    read_editions,
)


class LibraryLoadError(Exception):
    pass


@dataclass
class LoadReport:
    created_versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    created_editions: list[str] = field(default_factory=list)
    created_law: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per version and edition created, for the commands to print."""
        return (
            [f"  new version: {v}" for v in self.created_versions]
            + [f"  new edition: {e}" for e in self.created_editions]
            + [f"  new version: {v}" for v in self.created_law]
        )

    def summary(self) -> str:
        return (
            f"{len(self.created_versions)} new clause version(s), "
            f"{len(self.unchanged)} unchanged, {len(self.created_editions)} new edition(s)"
        ) + (f", {len(self.created_law)} new state-law version(s)" if self.created_law else "")


def version_create(
    *, clause: Clause, content: ClauseText, created_by=None, organisation=None
) -> ClauseVersion:
    """Save one new immutable version, with its options and choices.

    `organisation` makes it that organisation's house version.
    """
    version = ClauseVersion(
        clause=clause,
        number=content.version,
        organisation=organisation,
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


def _load_clause(versions: list[ClauseText], report: LoadReport, organisation) -> None:
    """Create the versions of one clause that are not saved yet, oldest first."""
    newest = versions[-1]
    clause, _ = Clause.objects.get_or_create(
        slug=newest.slug,
        defaults={"title": newest.title, "topic": newest.topic, "order": newest.order},
    )
    saved = {v.number: v for v in clause.versions.all()}
    owner = organisation.pk if organisation is not None else None
    for content in versions:
        existing = saved.get(content.version)
        if existing is not None:
            _check_same(content, existing, top=max(saved), owner=owner)
            report.unchanged.append(f"{content.slug} v{content.version}")
            continue
        lower = [n for n in saved if n < content.version]
        if lower and saved[max(lower)].change_note == content.change_note:
            raise LibraryLoadError(
                f"{content.slug}: version {content.version} needs a new change_note."
            )
        saved[content.version] = version_create(
            clause=clause, content=content, organisation=organisation
        )
        report.created_versions.append(f"{content.slug} v{content.version}")
    latest = clause.latest_version()
    if latest is not None and (clause.title, clause.topic, clause.order) != (
        latest.title,
        latest.topic,
        latest.order,
    ):
        Clause.objects.filter(pk=clause.pk).update(
            title=latest.title, topic=latest.topic, order=latest.order
        )


def _check_same(content: ClauseText, saved: ClauseVersion, *, top: int, owner) -> None:
    if saved.fingerprint != content.fingerprint():
        if content.version == top:
            raise LibraryLoadError(
                f"{content.slug}: the file changed but its version is still {content.version}; "
                f"raise it to {content.version + 1} and write a change_note saying what changed "
                f"(keep version {content.version} as history/{history_filename(content)})."
            )
        raise LibraryLoadError(
            f"{content.slug}: the file of version {content.version} differs from the saved "
            "version; saved versions never change, so give the changed text a new version."
        )
    if saved.organisation_id not in (None, owner):
        raise LibraryLoadError(
            f"{content.slug}: version {content.version} is another organisation's house version."
        )


def edition_create(
    *,
    slug: str,
    name: str,
    date: dt.date,
    versions: Sequence[ClauseVersion],
    description: str = "",
    organisation=None,
    derived_from: Edition | None = None,
    created_by=None,
    notes: str = "",
) -> Edition:
    """Create and publish an edition in one step; it is immutable from then on.

    Release notes are `notes` if given (an imported edition keeps its own),
    else generated from the change notes of the versions that differ from
    `derived_from`.
    """
    with transaction.atomic():
        edition = Edition.objects.create(
            slug=slug,
            name=name,
            date=date,
            description=description,
            organisation=organisation,
            derived_from=derived_from,
            created_by=created_by,
            release_notes=notes or _release_notes(versions, derived_from, organisation),
        )
        EditionEntry.objects.bulk_create(
            EditionEntry(edition=edition, clause_id=version.clause_id, version=version)
            for version in versions
        )
        edition.published = True
        edition.save()
    return edition


def _release_notes(versions: Sequence[ClauseVersion], base: Edition | None, organisation) -> str:
    current = sorted((v.content() for v in versions), key=lambda c: (c.order, c.slug))
    previous = base.contents() if base is not None else None
    before = {c.slug: c.version for c in previous or ()}
    changed = [c.slug for c in current if before.get(c.slug) not in (None, c.version)]
    history: dict[str, list[ClauseText]] = {}
    rows = (
        ClauseVersion.objects.visible_to(organisation)
        .filter(clause__slug__in=changed)
        .select_related("clause")
        .order_by("clause__slug", "number")
    )
    for slug, group in groupby(rows, key=lambda v: v.clause.slug):
        history[slug] = [v.content() for v in group]
    lines = release_notes(previous, current, history)
    if base is not None:
        lines.insert(0, f"Changes from {base.name}:")
    return "\n".join(lines)


def _load_edition(manifest: EditionManifest, report: LoadReport, organisation) -> None:
    versions = {}
    for slug, number in manifest.clauses.items():
        version = (
            ClauseVersion.objects.visible_to(organisation)
            .filter(clause__slug=slug, number=number)
            .first()
        )
        if version is None:
            raise LibraryLoadError(f"Edition {manifest.slug}: no version {number} of {slug}.")
        versions[slug] = version
    edition = Edition.objects.filter(slug=manifest.slug).first()
    if edition is not None:
        owner = organisation.pk if organisation is not None else None
        current = {e.clause.slug: e.version_id for e in edition.entries.select_related("clause")}
        if edition.organisation_id != owner or current != {
            slug: v.pk for slug, v in versions.items()
        }:
            raise LibraryLoadError(
                f"Edition {manifest.slug} is published and differs from its manifest; "
                "publish a new edition (with a new slug) instead of changing this one."
            )
        return
    base = None
    if manifest.derived_from:
        base = Edition.objects.visible_to(organisation).filter(slug=manifest.derived_from).first()
        if base is None:
            raise LibraryLoadError(
                f"Edition {manifest.slug} is derived from {manifest.derived_from}, which is not "
                "loaded; load that edition first."
            )
    edition_create(
        slug=manifest.slug,
        name=manifest.name,
        date=manifest.date,
        description=manifest.description,
        versions=list(versions.values()),
        organisation=organisation,
        derived_from=base,
        notes=manifest.release_notes,
    )
    report.created_editions.append(manifest.slug)


@transaction.atomic
def load_library(
    clauses: Sequence[ClauseText] | None = None,
    editions: Sequence[EditionManifest] | None = None,
    *,
    organisation=None,
    state_law: bool | None = None,
) -> LoadReport:
    """Load clause versions and edition manifests (defaults: the repo's library).

    `clauses` may hold several versions of a clause. With `organisation`, new
    versions and editions are that organisation's house versions and edition.
    `state_law` (default: when loading the repo's library) also loads the
    state-law entries and the federal context (clauses/state_law.py).
    """
    report = LoadReport()
    contents = sorted(
        clauses if clauses is not None else read_all_versions(), key=lambda c: (c.slug, c.version)
    )
    for _slug, group in groupby(contents, key=lambda c: c.slug):
        _load_clause(list(group), report, organisation)
    for manifest in editions if editions is not None else read_editions():
        _load_edition(manifest, report, organisation)
    if state_law or (state_law is None and clauses is None and organisation is None):
        report.created_law = load_state_law()
        report.created_law += load_summaries()
    return report
