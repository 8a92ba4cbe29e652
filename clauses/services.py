"""Reading the library for assembly: an edition's clause versions, with a draft's pins."""

from __future__ import annotations

from collections.abc import Mapping

from clauses.content import ClauseText
from clauses.models import ClauseVersion, Edition
from ordinances.spec import SpecError

DEFAULT_EDITION = "cpd-2017"


def edition_clauses(edition_slug: str, pins: Mapping[str, int] | None = None) -> list[ClauseText]:
    """One version of every clause in the edition; `pins` overrides a clause's version.

    Raises SpecError when the edition or a pinned version does not exist.
    """
    edition = Edition.objects.filter(slug=edition_slug).first()
    if edition is None:
        raise SpecError({"edition": f"No library edition {edition_slug!r}."})
    contents = {c.slug: c for c in _contents(edition)}
    for slug, number in (pins or {}).items():
        if slug in contents and contents[slug].version == number:
            continue
        version = (
            ClauseVersion.objects.select_related("clause")
            .filter(clause__slug=slug, number=number)
            .first()
        )
        if version is None:
            raise SpecError({f"versions.{slug}": f"No version {number} of clause {slug!r}."})
        contents[slug] = version.content()
    return sorted(contents.values(), key=lambda c: (c.order, c.slug))


_PUBLISHED: dict[tuple, list[ClauseText]] = {}


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
    return Edition.objects.filter(published=True).order_by("-date", "-pk").first()
