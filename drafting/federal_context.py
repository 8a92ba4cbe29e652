"""Federal context: dated, cited notes on what changed federally since 2017. Pure.

`clauses/library/federal-context.yaml` holds the notes (executive orders, the
287(g) revival, funding-condition litigation). They are context for drafters,
shown beside the questions they bear on and in the compliance report, never
legal advice.

    >>> context = parse_context({"as_of": "2026-11-30", "recorded": "2026-11-30", "notes": [
    ...     {"date": "2025-08", "topic": "287g", "title": "287(g) revival",
    ...      "note": "ICE revived the Task Force Model.", "url": "https://example.gov/"}]})
    >>> [note.title for note in context.for_clause("no-287g")]
    ['287(g) revival']
    >>> context.for_clause("u-visa")
    ()
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from drafting.library import LIBRARY_DIR
from drafting.state_law import StateLawError, needs_review

FEDERAL_CONTEXT_FILE = LIBRARY_DIR / "federal-context.yaml"
TOPICS = {
    "287g": "287(g) agreements",
    "executive-orders": "Executive orders",
    "funding-conditions-litigation": "Funding conditions and litigation",
}
# The questions each topic bears on: the 287(g) question, and the detainer and
# savings-clause questions that federal funding conditions turn on.
CLAUSE_TOPICS: dict[str, tuple[str, ...]] = {
    "no-287g": ("287g",),
    "detainers": ("executive-orders", "funding-conditions-litigation"),
    "savings-clause": ("funding-conditions-litigation",),
}
_DATE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True)
class FederalNote:
    date: str  # "2025-04-24", or "2025-08" when only the month is known
    topic: str
    title: str
    note: str
    url: str
    sources: tuple[tuple[str, str], ...] = ()  # (url, what it confirmed)

    @property
    def topic_name(self) -> str:
        return TOPICS[self.topic]


@dataclass(frozen=True)
class FederalContext:
    as_of: dt.date
    recorded: dt.date
    notes: tuple[FederalNote, ...]
    unverified: tuple[str, ...] = ()

    def for_clause(self, slug: str) -> tuple[FederalNote, ...]:
        topics = CLAUSE_TOPICS.get(slug, ())
        return tuple(note for note in self.notes if note.topic in topics)

    def needs_review(self, today: dt.date) -> bool:
        return needs_review(self.recorded, today)

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "recorded": self.recorded.isoformat(),
            "notes": [
                {
                    "date": n.date,
                    "topic": n.topic,
                    "title": n.title,
                    "note": n.note,
                    "url": n.url,
                    "sources": [{"url": u, "checked": c} for u, c in n.sources],
                }
                for n in self.notes
            ],
            "unverified": list(self.unverified),
        }

    def fingerprint(self) -> str:
        data = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _clean(value: Any) -> str:
    return " ".join(str(value or "").split())


def _note(raw: Any, index: int, problems: list[str]) -> FederalNote | None:
    where = f"notes[{index}]"
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    for key in ("date", "topic", "title", "note", "url"):
        if not _clean(raw.get(key)):
            problems.append(f"{where}.{key}: required")
    if raw.get("topic") and raw["topic"] not in TOPICS:
        problems.append(f"{where}.topic: must be one of {', '.join(TOPICS)}")
    if raw.get("date") and not _DATE.match(str(raw["date"])):
        problems.append(f"{where}.date: must be YYYY-MM-DD or YYYY-MM")
    if raw.get("url") and not str(raw["url"]).startswith(("http://", "https://")):
        problems.append(f"{where}.url: must start with http:// or https://")
    sources = tuple(
        (_clean(s.get("url")), _clean(s.get("checked")))
        for s in raw.get("sources") or ()
        if isinstance(s, Mapping)
    )
    fields = {key: _clean(raw.get(key)) for key in ("date", "topic", "title", "note", "url")}
    return FederalNote(**fields, sources=sources)


def _day(raw: Mapping, key: str, problems: list[str]) -> dt.date:
    try:
        value = raw.get(key)
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{key}: must be a date YYYY-MM-DD")
        return dt.date.min


def parse_context(raw: Any, where: str = "federal-context.yaml") -> FederalContext:
    if not isinstance(raw, Mapping):
        raise StateLawError(["the file must hold as_of, recorded and notes"], where)
    problems: list[str] = []
    as_of, recorded = _day(raw, "as_of", problems), _day(raw, "recorded", problems)
    notes = [_note(item, i, problems) for i, item in enumerate(raw.get("notes") or ())]
    if problems:
        raise StateLawError(problems, where)
    return FederalContext(
        as_of=as_of,
        recorded=recorded,
        notes=tuple(n for n in notes if n is not None),
        unverified=tuple(_clean(u) for u in raw.get("unverified") or ()),
    )


def read_federal_context(path: Path | None = None) -> FederalContext:
    path = path or FEDERAL_CONTEXT_FILE
    return _read_cached(path, path.stat().st_mtime_ns)


@functools.cache
def _read_cached(path: Path, _stamp: int) -> FederalContext:
    return parse_context(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
