"""Where a draft departs from the model: options, edits, sections added, removed, moved. Pure.

"This draft departs from the model in 4 places" is data: one `Departure` per
option changed from the model's choice, clause left out or added, edit of the
library text, heading renamed, section of the draft's own, and section moved.

    >>> from drafting.library import ClauseText
    >>> from drafting.spec import parse_spec
    >>> clause = ClauseText("privacy", "Privacy", "information", 10, "section", "Keep it.",
    ...                     heading="PRIVACY")
    >>> spec = parse_spec({"locality": {"name": "Lake County", "type": "county",
    ...     "state": "Ohio", "legislative_body": "Board"},
    ...     "edits": [{"clause": "privacy", "find": "Keep", "replace": "Guard"}],
    ...     "sections": [{"key": "hiring", "heading": "HIRING", "text": "Hire.",
    ...                   "after": "privacy"}]})
    >>> [d.as_dict() for d in departures([clause], spec)]  # doctest: +NORMALIZE_WHITESPACE
    [{'clause': 'privacy', 'kind': 'edit', 'summary': 'Edited Privacy: “Keep” → “Guard”'},
     {'clause': 'hiring', 'kind': 'added', 'summary': 'Section of the draft’s own: HIRING'}]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from drafting.library import ClauseText
from drafting.option_summary import option_summary
from drafting.spec import DraftSpec
from drafting.words import Words

DepartureKind = Literal["option", "edit", "added", "removed", "moved"]


@dataclass(frozen=True)
class Departure:
    clause: str
    kind: DepartureKind
    summary: str

    def as_dict(self) -> dict[str, str]:
        return {"clause": self.clause, "kind": self.kind, "summary": self.summary}


def model_spec(spec: DraftSpec) -> DraftSpec:
    """The model this spec departs from: same locality, edition and versions; the
    model's clauses and options; no words of its own."""
    return replace(spec, options={}, clauses=None, words=Words())


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def departures(clauses: Sequence[ClauseText], spec: DraftSpec) -> list[Departure]:
    """Every departure of `spec` from the model, in document order of the library's
    departures first, then the draft's own words in the order the spec holds them."""
    owner = {o.key: c.slug for c in clauses for o in c.options}
    titles = {c.slug: c.title for c in clauses}
    found: list[Departure] = []
    for line in option_summary(clauses, model_spec(spec), clauses, spec):
        if line.kind == "option":
            found.append(Departure(owner.get(line.key, ""), "option", line.text))
        elif line.kind in ("added", "removed"):
            found.append(Departure(line.key, line.kind, line.text))  # type: ignore[arg-type]
    found.extend(word_departures(spec.words, titles))
    return found


def word_departures(words: Words, titles: dict[str, str]) -> list[Departure]:
    found = []
    for edit in words.edits:
        name = titles.get(edit.clause, edit.clause)
        if edit.replace:
            summary = f"Edited {name}: “{_short(edit.find)}” → “{_short(edit.replace)}”"
        else:
            summary = f"Edited {name}: deleted “{_short(edit.find)}”"
        found.append(Departure(edit.clause, "edit", summary))
    for key, heading in words.headings:
        name = titles.get(key, key)
        found.append(Departure(key, "edit", f"Heading of {name} renamed: {heading}"))
    for section in words.sections:
        found.append(
            Departure(section.key, "added", f"Section of the draft’s own: {section.heading}")
        )
    for key in words.order:
        found.append(Departure(key, "moved", f"Moved: {titles.get(key, key)}"))
    return found
