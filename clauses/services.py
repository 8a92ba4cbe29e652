"""Reading the library for assembly, and the library editor's operations.

Reading: an edition's clause versions with a draft's pins (`edition_clauses`),
which editions an organisation may see and which is newer. Writing (keyword-only):
a new clause version, a recommended version, a published edition.

Visibility: library editions and versions (organisation null) are everyone's;
an organisation's house editions and versions are its members' only. Callers
acting for a user pass the user's organisation; a spec naming an edition or a
version the organisation cannot see is refused exactly as one that does not exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Max

from clauses.loader import edition_create, version_create
from clauses.models import Clause, ClauseVersion, Edition
from drafting.library import ClauseText
from drafting.spec import CURRENT_EDITION, SpecError

if TYPE_CHECKING:
    from organisations.models import Organisation

DEFAULT_EDITION = CURRENT_EDITION


def edition_clauses(
    edition_slug: str,
    pins: Mapping[str, int] | None = None,
    *,
    organisation: Organisation | None = None,
) -> list[ClauseText]:
    """One version of every clause in the edition; `pins` overrides a clause's version.

    With `organisation`, only the editions and versions it may see are found.
    Without, any edition is (for callers that already hold a checked spec: a
    saved revision, the command line). Raises SpecError when the edition or a
    pinned version does not exist or is not visible.
    """
    if organisation is not None:
        edition = _visible_edition(edition_slug, organisation)
    else:
        edition = Edition.objects.filter(slug=edition_slug).first()
    if edition is None:
        raise SpecError({"edition": f"No library edition {edition_slug!r}."})
    contents = {c.slug: c for c in _contents(edition)}
    for slug, number in (pins or {}).items():
        if slug in contents and contents[slug].version == number:
            continue
        versions = ClauseVersion.objects.select_related("clause")
        if organisation is not None:
            versions = versions.visible_to(organisation)
        version = versions.filter(clause__slug=slug, number=number).first()
        if version is None:
            raise SpecError({f"versions.{slug}": f"No version {number} of clause {slug!r}."})
        contents[slug] = version.content()
    return sorted(contents.values(), key=lambda c: (c.order, c.slug))


_PUBLISHED: dict[tuple, list[ClauseText]] = {}
_VISIBLE: dict[tuple[str, int], Edition] = {}


def _visible_edition(slug: str, organisation: Organisation) -> Edition | None:
    """The published edition `slug` if `organisation` may see it, looked up once per process
    (the live preview asks on every change).

    Only published editions are visible, and a published edition can neither change nor
    be deleted (ImmutableError), nor can its slug be reused (unique): once found, the
    answer never changes. An edition not found is not remembered: it may be published
    later. `forget_editions` empties this (tests, whose database is rolled back).
    """
    key = (slug, organisation.pk)
    edition = _VISIBLE.get(key)
    if edition is None:
        edition = Edition.objects.visible_to(organisation).filter(slug=slug).first()
        if edition is not None:
            _VISIBLE[key] = edition
    return edition


def forget_editions() -> None:
    """Forget the editions found by `_visible_edition` (for a database that was reset)."""
    _VISIBLE.clear()


def _contents(edition: Edition) -> list[ClauseText]:
    """An edition's clause texts; a published edition's are cached (it never changes).

    The key includes the creation time, so a reused primary key never finds
    another edition's texts.
    """
    if not edition.published:
        return edition.contents()
    key = (edition.pk, edition.slug, edition.created_at)
    if key not in _PUBLISHED:
        _PUBLISHED[key] = edition.contents()
    return _PUBLISHED[key]


def latest_edition() -> Edition | None:
    """The newest published library edition (never an organisation's own)."""
    return Edition.objects.visible_to(None).newest_first().first()


def newer_editions(edition: Edition, organisation: Organisation | None) -> list[Edition]:
    """Editions the organisation may use that are newer than `edition`, newest first."""
    return [
        candidate
        for candidate in Edition.objects.visible_to(organisation).newest_first()
        if candidate.is_newer_than(edition)
    ]


def visible_edition(slug: str, organisation: Organisation | None) -> Edition | None:
    return Edition.objects.visible_to(organisation).filter(slug=slug).first()


def change_notes_between(
    clause: str, old: int | None, new: int, organisation: Organisation | None
) -> list[ClauseVersion]:
    """The versions after `old` up to `new` the organisation may see, oldest first."""
    versions = ClauseVersion.objects.visible_to(organisation).filter(
        clause__slug=clause, number__lte=new
    )
    if old is not None:
        versions = versions.filter(number__gt=old)
    return list(versions.order_by("number"))


# -- the library editor's operations ------------------------------------------


class LibraryEditError(Exception):
    """An editor's change cannot be saved as it is; the message says why."""


# Version numbers below HOUSE_BLOCK are the library's; organisation n numbers its house
# versions n * HOUSE_BLOCK + 1, + 2, ... So numbers never collide (a pin names one
# version) and no number a user sees counts another office's versions.
HOUSE_BLOCK = 1000


def next_version_number(clause: Clause, organisation: Organisation | None = None) -> int:
    """The number of the next library version, or of `organisation`'s next house version.

    (House versions saved before house blocks existed share the library's numbers
    below HOUSE_BLOCK; they are counted there so that no number is used twice.)
    """
    low = 0 if organisation is None else organisation.pk * HOUSE_BLOCK
    mine = clause.versions.filter(number__gt=low, number__lt=low + HOUSE_BLOCK)
    number = (mine.aggregate(top=Max("number"))["top"] or low) + 1
    if number >= low + HOUSE_BLOCK:
        raise LibraryEditError(
            f"This clause has {HOUSE_BLOCK - 1} versions already; no more can be numbered."
        )
    return number


def clause_version_create(
    *, clause: Clause, content: ClauseText, author, organisation: Organisation | None = None
) -> ClauseVersion:
    """Save an editor's new version of `clause` (numbered next), never touching the old.

    `organisation` makes it a house version. A library version also becomes
    what the clause's title, topic and order mirror.
    """
    if not content.change_note.strip():
        raise LibraryEditError("A change note is required: say what changed and why.")
    try:
        with transaction.atomic():
            locked = Clause.objects.select_for_update().get(pk=clause.pk)
            latest = locked.versions.visible_to(organisation).order_by("-number").first()
            if latest is not None and latest.fingerprint == content.fingerprint():
                raise LibraryEditError(
                    f"Nothing changed from version {latest.number}: edit the text, options or "
                    "front matter first."
                )
            number = next_version_number(locked, organisation)
            version = version_create(
                clause=locked,
                content=replace(content, version=number),
                created_by=author,
                organisation=organisation,
            )
            if organisation is None:
                Clause.objects.filter(pk=clause.pk).update(
                    title=content.title, topic=content.topic, order=content.order
                )
    except IntegrityError:
        raise LibraryEditError(
            "Someone saved a version of this clause at the same moment; save again."
        ) from None
    return version


def version_recommend(*, clause: Clause, version: ClauseVersion | None) -> None:
    """Mark `version` as the one editors recommend (None clears the mark)."""
    if version is not None and (version.clause_id != clause.pk or version.organisation_id):
        raise LibraryEditError("Only a library version of this clause can be recommended.")
    Clause.objects.filter(pk=clause.pk).update(recommended_version=version)


def edition_publish(
    *,
    name: str,
    slug: str,
    date: dt.date,
    versions: Mapping[str, ClauseVersion],
    author,
    description: str = "",
    organisation: Organisation | None = None,
    derived_from: Edition | None = None,
) -> Edition:
    """Publish an edition: immutable at once, release notes written from the change notes.

    A library edition (no `organisation`) may hold library versions only and
    is derived from the newest library edition unless told otherwise; an
    organisation's edition may add its own house versions and must be derived
    from an edition it can see.
    """
    for version in versions.values():
        if version.organisation_id not in (None, getattr(organisation, "pk", None)):
            raise LibraryEditError(f"{version} is not a version this edition may hold.")
    if organisation is not None and derived_from is None:
        raise LibraryEditError("An organisation's edition is derived from a published edition.")
    if derived_from is not None and not (
        Edition.objects.visible_to(organisation).filter(pk=derived_from.pk).exists()
    ):
        raise LibraryEditError("The edition it is derived from is not a published edition.")
    base = derived_from or latest_edition()
    if Edition.objects.filter(slug=slug).exists():
        raise LibraryEditError(f"An edition called “{slug}” exists already; choose another slug.")
    try:
        return edition_create(
            slug=slug,
            name=name,
            date=date,
            description=description,
            versions=list(versions.values()),
            organisation=organisation,
            derived_from=base,
            created_by=author,
        )
    except IntegrityError:
        raise LibraryEditError(f"An edition called “{slug}” exists already.") from None


@dataclass(frozen=True)
class UpgradeOffer:
    """What a draft's page says about editions: a newer one, or clauses kept behind."""

    current: Edition
    newer: Edition | None
    kept: int  # clauses pinned at another version than `current` has


def upgrade_offer(
    edition_slug: str, pins: Mapping[str, int], organisation: Organisation | None
) -> UpgradeOffer | None:
    """None when the draft is on the newest edition it may use, every clause as there."""
    current = visible_edition(edition_slug, organisation)
    if current is None:
        return None
    newer = next(iter(newer_editions(current, organisation)), None)
    kept = sum(1 for c in _contents(current) if pins.get(c.slug, c.version) != c.version)
    if newer is None and not kept:
        return None
    return UpgradeOffer(current=current, newer=newer, kept=kept)
