"""State law as lint findings on the clauses it touches. Pure.

The document IR has no state, so `lint(document, state="Texas")` passes it in
(a name, postal code or abbreviation, or an entry already looked up). The rule
finds the state's entry (`drafting.state_law`), then for each area of state law
(detainers, 287(g), information sharing, detention contracts, courthouses) the
first sentence of each clause or section that touches it:

- an assembled draft by the clause's slug (`AREA_CLAUSES`);
- outside text by what the lint already reads in a sentence (it refuses
  detainers, restricts status information, forbids asking) or, for the other
  areas, a few keyword patterns.

The level of the state's effect on that area sets the severity: `forbids` an
error, `restricts` and `contested` a warning, `floor` an info note; `silent`
says nothing. Rule ids are `state-<postal>-<area>` ("state-tx-detainers"), and
one document-level note `state-<postal>` carries the entry's summary. Every
message carries the date the law was checked and "Verify with counsel."

    >>> from drafting.parse import parse_text
    >>> from drafting.state_law import example_entry
    >>> document = parse_text("Section 1. Detainers.\\n"
    ...                       "The County shall not hold any person on an ICE detainer.")
    >>> [(f.rule, f.severity) for f in StateLaw(example_entry(detainers="forbids")).check(document)]
    [('state-tx', 'info'), ('state-tx-detainers', 'error')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from drafting.document import Document
from drafting.lint.analysis import Facts, analyse
from drafting.lint.engine import Finding, Severity
from drafting.state_law import AREAS, COUNSEL, StateLawEntry, find_entry, read_state_law

AREA_CLAUSES: dict[str, tuple[str, ...]] = {
    "detainers": ("detainers",),
    "287g": ("no-287g",),
    "information_sharing": ("privacy", "no-status-inquiry"),
    "detention_contracts": ("no-detention-contracts",),
    "courthouses": ("courthouse-enforcement",),
}
SEVERITY: dict[str, Severity] = {
    "forbids": "error",
    "restricts": "warning",
    "contested": "warning",
    "floor": "info",
}
_KEYWORDS = {
    "detainers": re.compile(r"\bdetainers?\b|\bimmigration\s+holds?\b|\bhold\s+requests?\b"),
    "287g": re.compile(r"\b287\s*\(\s*g\s*\)"),
    "information_sharing": re.compile(
        r"\b(?:immigration|citizenship)\s+status\b.{0,80}\b(?:shar|disclos|provid|send|inquir|ask)"
        r"|\b(?:shar|disclos|provid|send|inquir|ask)\w*\b.{0,80}\b(?:immigration|citizenship)\s+"
        r"status\b"
    ),
    "detention_contracts": re.compile(
        r"\b(?:detention|detain)\w*\b.{0,80}\b(?:contracts?|agreements?|igsa)\b"
        r"|\b(?:contracts?|agreements?)\b.{0,80}\b(?:detention|detain)\w*\b"
        r"|\bintergovernmental\s+service\s+agreements?\b"
    ),
    "courthouses": re.compile(r"\bcourt\s?houses?\b|\bcourt\s+facilit(?:y|ies)\b"),
}
# A keyword alone is not enough: the sentence must limit something (a text that
# honours every detainer touches the area without doing what a state forbids).
_LIMITING = re.compile(
    r"\b(?:shall|may|must|will)\s+not\b|\bno\b|\bnot\b|\bprohibit|\bdeclin|\brefus|"
    r"\bbar(?:s|red)?\b|\bunless\b|\bonly\b|\bexcept\b"
)


class StateLaw:
    """The state-law rule for one state (a note saying so when no entry matches)."""

    id = "state-law"
    severity: Severity = "info"

    def __init__(
        self,
        state: str | StateLawEntry | None,
        entries: Iterable[StateLawEntry] | None = None,
    ):
        if isinstance(state, StateLawEntry):
            self.name, self.entry = state.state, state
        else:
            self.name = (state or "").strip()
            self.entry = None
            if self.name:
                found = read_state_law() if entries is None else entries
                self.entry = find_entry(found, self.name)

    def check(self, document: Document) -> Iterator[Finding]:
        if not self.name:
            return
        if self.entry is None:
            yield Finding(
                rule="state-no-entry",
                severity="info",
                message=(
                    f"No state-law entry matches “{self.name}”: enter the state's full name or "
                    "postal code. State law can require or forbid cooperation with federal "
                    f"immigration authorities. {COUNSEL}"
                ),
                authority="The library's state-law table (clauses/library/state-law/)",
            )
            return
        yield self._note()
        for area, facts in touched(document):
            finding = self._finding(area, facts)
            if finding is not None:
                yield finding

    def _note(self) -> Finding:
        entry = self.entry
        assert entry is not None
        if entry.stance == "none-found":
            message = entry.summary
        else:
            message = f"{entry.headline()} {entry.summary}"
        return Finding(
            rule=f"state-{entry.postal.lower()}",
            severity="info",
            message=f"{message} (Recorded {entry.recorded}.)",
            authority=entry.authority,
        )

    def _finding(self, area: str, facts: Facts) -> Finding | None:
        entry = self.entry
        assert entry is not None
        effect = entry.effect(area)
        severity = SEVERITY.get(effect.level)
        if severity is None:
            return None
        sentence = facts.sentence
        assert sentence is not None
        return Finding(
            rule=f"state-{entry.postal.lower()}-{area}",
            severity=severity,
            message=_message(entry, area, effect.level, effect.text),
            section=sentence.section.title,
            clause=sentence.block.clause or sentence.section.clause,
            block=sentence.block.key,
            sentence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            authority=entry.authority,
        )


def _message(entry: StateLawEntry, area: str, level: str, text: str) -> str:
    name = entry.effect(area).name
    dated = f"as of {entry.as_of}"
    if level == "forbids":
        penalties = f" Penalties: {entry.penalties}" if entry.penalties else ""
        return (
            f"{entry.state} law forbids what this provision does ({name}, {dated}): {text}"
            f"{penalties} {COUNSEL}"
        )
    if level == "restricts":
        return f"{entry.state} law restricts this ({name}, {dated}): {text} {COUNSEL}"
    if level == "contested":
        return (
            f"{entry.state} law on this is contested or in litigation ({name}, {dated}): "
            f"{text} {COUNSEL}"
        )
    return (
        f"{entry.state} law already gives this protection ({name}, {dated}): {text} "
        f"The ordinance may add to this floor. {COUNSEL}"
    )


def touched(document: Document) -> list[tuple[str, Facts]]:
    """(area, first sentence) for each area and each clause (or section) that touches it."""
    seen: set[tuple[str, object]] = set()
    found = []
    for facts in analyse(document).facts:
        sentence = facts.sentence
        if sentence is None or facts.recital or facts.definition:
            continue
        slug = sentence.block.clause or sentence.section.clause
        for area in _areas(facts, slug):
            key = (area, slug or sentence.section_index)
            if key not in seen:
                seen.add(key)
                found.append((area, facts))
    return found


def _areas(facts: Facts, slug: str) -> list[str]:
    if slug:
        return [area for area in AREAS if slug in AREA_CLAUSES[area]]
    return [area for area in AREAS if _reads_as(area, facts)]


def _reads_as(area: str, facts: Facts) -> bool:
    """Whether outside text limits something in `area`: the lint's own reading first."""
    if area == "detainers" and getattr(facts, "refuses_detainers", False):
        return True
    if area == "information_sharing" and (
        getattr(facts, "status", None) or getattr(facts, "dont_ask", None)
    ):
        return True
    low = facts.low or facts.text.lower()
    return bool(_KEYWORDS[area].search(low) and _LIMITING.search(low))
