"""State law and federal context: loading the files into write-once rows, and reading them.

`load_state_law()` (called by `load_library`) creates a version of an entry
when its file differs from the newest saved version, and nothing otherwise
(idempotent). The readers return the pure core's types from the newest saved
versions, or from the files when nothing is loaded yet (a fresh clone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from clauses.state_law_models import FederalContextVersion, StateLaw, StateLawVersion
from drafting.federal_context import FederalContext, read_federal_context
from drafting.state_law import StateLawEntry, find_entry, postal_code, read_state_law


@dataclass(frozen=True)
class StaleNote:
    """A dated note whose `recorded` date is more than a year old."""

    title: str
    recorded: dt.date
    postal: str = ""  # empty for the federal context


@transaction.atomic
def load_state_law(
    entries: Sequence[StateLawEntry] | None = None, context: FederalContext | None = None
) -> list[str]:
    """Save every changed entry (and the federal context) as a new version; what was created."""
    created = []
    for entry in read_state_law() if entries is None else entries:
        identity, _ = StateLaw.objects.get_or_create(
            postal=entry.postal, defaults={"state": entry.state}
        )
        latest = identity.latest_version()
        if latest is not None and latest.fingerprint == entry.fingerprint():
            continue
        number = latest.number + 1 if latest else 1
        StateLawVersion(
            entry=identity,
            number=number,
            stance=entry.stance,
            as_of=entry.as_of,
            recorded=entry.recorded,
            data=entry.to_dict(),
            fingerprint=entry.fingerprint(),
        ).save()
        created.append(f"state law {entry.postal} v{number}")
    context = read_federal_context() if context is None else context
    latest_context = FederalContextVersion.objects.order_by("-number").first()
    if latest_context is None or latest_context.fingerprint != context.fingerprint():
        number = latest_context.number + 1 if latest_context else 1
        FederalContextVersion(
            number=number,
            as_of=context.as_of,
            recorded=context.recorded,
            data=context.to_dict(),
            fingerprint=context.fingerprint(),
        ).save()
        created.append(f"federal context v{number}")
    return created


def latest_versions() -> list[StateLawVersion]:
    """The newest saved version of every entry, by state name."""
    rows = StateLawVersion.objects.select_related("entry").order_by("entry__state", "-number")
    newest: dict[int, StateLawVersion] = {}
    for row in rows:
        newest.setdefault(row.entry_id, row)
    return list(newest.values())


def state_law_entries() -> tuple[StateLawEntry, ...]:
    """Every entry as the library holds it now (the files when nothing is loaded)."""
    versions = latest_versions()
    if not versions:
        return read_state_law()
    return tuple(version.content() for version in versions)


def state_law_for(state: str | None) -> StateLawEntry | None:
    """The entry for a state's name, postal code or abbreviation (None: no match).

    One query for that state's newest version (the live preview asks on every change).
    """
    postal = postal_code(state)
    if postal is None:
        return None
    version = StateLawVersion.objects.filter(entry__postal=postal).order_by("-number").first()
    return version.content() if version is not None else find_entry(read_state_law(), postal)


def lint_state(state: str | None) -> StateLawEntry | str | None:
    """What `lint(state=...)` should get: the library's entry, else the name as typed."""
    return state_law_for(state) or state


def federal_context() -> FederalContext:
    latest = FederalContextVersion.objects.order_by("-number").first()
    return latest.content() if latest is not None else read_federal_context()


def stale_notes(today: dt.date | None = None) -> list[StaleNote]:
    """State entries and the federal context recorded more than a year before `today`."""
    today = today or timezone.localdate()
    stale = [
        StaleNote(entry.state, entry.recorded, entry.postal)
        for entry in state_law_entries()
        if entry.needs_review(today)
    ]
    context = federal_context()
    if context.needs_review(today):
        stale.append(StaleNote("Federal context notes", context.recorded))
    return stale
