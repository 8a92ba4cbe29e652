"""Test helpers: new clause versions and editions made as an editor would make them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from clauses.models import Clause, Edition
from clauses.services import clause_version_create, edition_publish

NCIC_OLD = "appear in the NCIC database."
NCIC_NEW = "appear in the NCIC database or any successor database."


def new_version(slug: str, author, *, organisation=None, old: str = "", new: str = "", **changes):
    """A new version of `slug` with `old` replaced by `new` in its text (and `changes`)."""
    clause = Clause.objects.get(slug=slug)
    base = clause.versions.visible_to(organisation).order_by("-number").first().content()
    changes.setdefault("body", base.body.replace(old, new) if old else base.body)
    content = replace(base, change_note=f"Test change to {slug}.", **changes)
    return clause_version_create(
        clause=clause, content=content, author=author, organisation=organisation
    )


def publish(slug: str, author, *, organisation=None, derived_from=None, versions=()) -> Edition:
    """An edition of the base edition's versions (default: the newest library edition),
    with `versions` (ClauseVersion rows) swapped in."""
    base = derived_from or Edition.objects.visible_to(None).newest_first().first()
    chosen = {v.clause.slug: v for v in base.versions()}
    chosen.update({v.clause.slug: v for v in versions})
    return edition_publish(
        name=f"Test edition {slug}",
        slug=slug,
        date=dt.date.today(),
        versions=chosen,
        author=author,
        organisation=organisation,
        derived_from=base,
    )


def ncic_edition(slug: str, author, *, organisation=None) -> Edition:
    version = new_version("ncic", author, organisation=organisation, old=NCIC_OLD, new=NCIC_NEW)
    return publish(slug, author, organisation=organisation, versions=[version])
