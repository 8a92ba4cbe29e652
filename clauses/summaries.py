"""Clause summaries: loading `summaries.yaml` into write-once rows, and reading them.

`load_summaries()` (called by `load_library`) checks the file against the
current edition (every clause version covered, in both languages) and saves it
as a new version when it differs from the newest saved one (idempotent).
`current_summaries()` returns the newest saved version, or the file when
nothing is loaded yet (a fresh clone).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import DatabaseError

from clauses.summary_models import SummaryVersion
from drafting.library import ClauseText, read_edition
from drafting.spec import CURRENT_EDITION
from drafting.summaries import Summaries, SummaryError, check_edition, read_summaries


def load_summaries(
    summaries: Summaries | None = None, clauses: Sequence[ClauseText] | None = None
) -> list[str]:
    """Check the summaries against the current edition's clauses; save them if changed.

    Raises SummaryError listing every clause version no summary covers."""
    summaries = read_summaries() if summaries is None else summaries
    clauses = read_edition(CURRENT_EDITION) if clauses is None else clauses
    problems = check_edition(summaries, clauses)
    if problems:
        raise SummaryError(problems)
    latest = SummaryVersion.objects.order_by("-number").first()
    if latest is not None and latest.fingerprint == summaries.fingerprint():
        return []
    number = latest.number + 1 if latest else 1
    SummaryVersion(
        number=number,
        written=summaries.written,
        data=summaries.to_dict(),
        fingerprint=summaries.fingerprint(),
    ).save()
    return [f"clause summaries v{number}"]


def current_summaries() -> Summaries:
    """The newest saved summaries (the file when none are saved, or no database yet)."""
    try:
        latest = SummaryVersion.objects.order_by("-number").first()
    except DatabaseError:
        latest = None
    return latest.content() if latest is not None else read_summaries()
