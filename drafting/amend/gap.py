"""Existing law against the model: which protections it has, how strongly, what is missing. Pure.

Two readings, combined:

- the lint's analysis, through the protectiveness scorecard: each model clause
  that a scorecard criterion measures (`CLAUSE_CRITERIA`) is "have" when its
  criteria are met, "weaker" when its main criterion is met or partial but not
  all are (the scorecard's note says why: a conviction carve-out, no public
  report ...), "missing" when its main criterion is missing;
- text similarity (content words, cosine) for clauses no criterion measures
  (definitions, U visas, language access ...), and to pair each existing
  section with the model section it is closest to.

    >>> from drafting.amend.existing import existing_document
    >>> law = existing_document("Sec. 9-1. Detainers.\\nThe Sheriff shall not honor "
    ...     "an ICE detainer request unless the person was convicted of a felony.")
    >>> gap = clause_gap("detainers", "Detainers", "", law, scorecard_of(law))
    >>> gap.status, gap.ref
    ('weaker', '9-1')
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from drafting.amend.existing import refs
from drafting.document import Document, Section
from drafting.library import ClauseText
from drafting.lint.scorecard import Scorecard, scorecard
from drafting.words import Words

if TYPE_CHECKING:
    from drafting.spec import DraftSpec

GapStatus = Literal["have", "weaker", "missing"]
STATUS_LABELS = {
    "have": "You have it",
    "weaker": "You have a weaker form",
    "missing": "Missing",
}
# The scorecard criteria that measure a model clause; the first is its main one.
CLAUSE_CRITERIA: dict[str, tuple[str, ...]] = {
    "detainers": ("detainers", "carve-outs", "notifications"),
    "no-287g": ("287g",),
    "no-detention-contracts": ("detention-contracts",),
    "joint-operations": ("joint-operations",),
    "facility-access": ("jail-access",),
    "ncic": ("ncic",),
    "prosecutorial-discretion": ("prosecutors",),
    "no-status-inquiry": ("status-inquiry",),
    "bias-profiling": ("profiling",),
    "privacy": ("personal-information",),
    "reporting": ("reporting",),
    "commission": ("oversight",),
    "complaints": ("oversight",),
}
# Clauses of the amending ordinance itself, not of the chapter it amends.
NOT_IN_CHAPTER = ("title", "purpose", "findings", "severability", "effective-date")
HAVE_SIMILARITY = 0.5
WEAKER_SIMILARITY = 0.3
MATCH_SIMILARITY = 0.25  # an existing section is paired with a model section
_WORD = re.compile(r"[a-z][a-z0-9’'-]{3,}")
_COMMON = frozenset(
    "shall which with that this from such their there other than have been upon into "
    "under where when will would those these them they including include within "
    "without unless except hereby section chapter city county town village agency".split()
)


def words(text: str) -> Counter[str]:
    """Content words of a text, for similarity (short and common words left out)."""
    return Counter(w for w in _WORD.findall(text.lower()) if w not in _COMMON)


def similarity(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two word counts (0 to 1).

    >>> round(similarity(words("detainer requests refused"), words("refused detainer")), 2)
    0.82
    """
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    return dot / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def section_words(section: Section) -> Counter[str]:
    return words(" ".join([section.heading, *(block.text for block in section.blocks)]))


def scorecard_of(document: Document) -> Scorecard:
    return scorecard(document)


@dataclass(frozen=True)
class Gap:
    """One model clause against the existing law."""

    clause: str
    title: str
    status: GapStatus
    why: str
    unit: str = ""  # the model section it is placed with (its parent for a subsection)
    ref: str = ""  # the existing section that has it (or comes closest)
    sentence: str = ""  # the existing words that provide it

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class SectionMatch:
    """One existing section: what it provides and the model section it is closest to."""

    ref: str
    title: str
    protections: tuple[tuple[str, str], ...]  # (criterion label, met/partial)
    clause: str = ""  # the closest model section ("" when none is close)
    clause_title: str = ""
    similarity: float = 0.0


@dataclass(frozen=True)
class GapAnalysis:
    gaps: tuple[Gap, ...]
    sections: tuple[SectionMatch, ...]
    before: Scorecard

    def gap(self, clause: str) -> Gap | None:
        return next((g for g in self.gaps if g.clause == clause), None)

    def missing(self) -> list[Gap]:
        return [g for g in self.gaps if g.status == "missing"]


def _ref_of_key(document: Document, key: str) -> str:
    for ref, section in zip(refs(document), document.sections, strict=True):
        if section.clause == key or any(b.key == key for b in section.blocks):
            return ref
    return ""


def clause_gap(
    slug: str,
    title: str,
    model_text: str,
    existing: Document,
    card: Scorecard,
    *,
    unit: str = "",
) -> Gap:
    """Does the existing law have model clause `slug`? (see the module docstring)"""
    criteria = CLAUSE_CRITERIA.get(slug)
    if criteria:
        found = [card.criterion(c) for c in criteria]
        main = found[0]
        ref = _ref_of_key(existing, main.block) if main.block else ""
        if main.status == "missing" or not main.block:
            return Gap(slug, title, "missing", main.note, unit)
        unmet = [c for c in found if c.status != "met"]
        if not unmet:
            return Gap(slug, title, "have", main.note, unit, ref, main.sentence)
        why = " ".join(dict.fromkeys(c.note for c in unmet))
        weak = next((c for c in unmet if c.block), main)
        ref = _ref_of_key(existing, weak.block) or ref
        return Gap(slug, title, "weaker", why, unit, ref, weak.sentence or main.sentence)
    target = words(model_text)
    best, score = None, 0.0
    for ref, section in zip(refs(existing), existing.sections, strict=True):
        value = similarity(target, section_words(section))
        if value > score:
            best, score = ref, value
    if best and score >= HAVE_SIMILARITY:
        return Gap(
            slug, title, "have", f"Close to the model's words ({score:.0%} alike).", unit, best
        )
    if best and score >= WEAKER_SIMILARITY:
        why = f"Only part of the model's words are there ({score:.0%} alike); compare them."
        return Gap(slug, title, "weaker", why, unit, best)
    return Gap(slug, title, "missing", "Nothing in the existing law reads like it.", unit)


def _model_texts(model: Document) -> dict[str, str]:
    """Each model clause's text in the assembled model (a section's own blocks and
    heading; a subsection's blocks)."""
    texts: dict[str, list[str]] = {}
    for section in model.sections:
        if section.clause:
            texts.setdefault(section.clause, []).append(section.heading)
        for block in section.blocks:
            texts.setdefault(block.clause or section.clause, []).append(block.text)
    return {slug: " ".join(parts) for slug, parts in texts.items()}


def _matches(
    existing: Document, model: Document, clauses: dict[str, ClauseText]
) -> tuple[SectionMatch, ...]:
    units = [s for s in model.sections if s.clause and s.clause not in NOT_IN_CHAPTER]
    unit_words = {s.clause: section_words(s) for s in units}
    out = []
    for ref, section in zip(refs(existing), existing.sections, strict=True):
        alone = replace(existing, sections=(section,))
        card = scorecard(alone)
        provided = tuple(
            (c.label, c.status)
            for c in card.criteria
            if c.status != "missing" and c.sentence  # found in this section's words
        )
        mine = section_words(section)
        best, score = "", 0.0
        for unit in units:
            value = similarity(mine, unit_words[unit.clause])
            if value > score:
                best, score = unit.clause, value
        clause = clauses.get(best)
        title = clause.title if clause is not None else ""
        if score < MATCH_SIMILARITY:
            best, title = "", ""
        out.append(SectionMatch(ref, section.title, provided, best, title, score))
    return tuple(out)


def analyse_gaps(existing: Document, model: Document, clauses: Sequence[ClauseText]) -> GapAnalysis:
    """The gap analysis of `existing` against `model` (the model as the draft would
    assemble it, with its locality and options)."""
    by_slug = {c.slug: c for c in clauses}
    card = scorecard(existing)
    texts = _model_texts(model)
    gaps = []
    for slug in texts:
        clause = by_slug.get(slug)
        if clause is None or slug in NOT_IN_CHAPTER or clause.kind in ("title", "preamble"):
            continue
        unit = clause.parent if clause.kind == "subsection" else slug
        gaps.append(clause_gap(slug, clause.title, texts[slug], existing, card, unit=unit))
    return GapAnalysis(tuple(gaps), _matches(existing, model, by_slug), card)


def target_plan(
    analysis: GapAnalysis,
    model: Document,
    clauses: Sequence[ClauseText],
    *,
    decided: Sequence[str] = (),
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What `manage.py amend` does with a target: (replacements, additions).

    Each model section of the target that corresponds to an existing section
    (the section that provides one of its protections, else the one whose words
    are closest) replaces it: `(ref, clause)`; the others are added after the
    last section placed before them: `(clause, after)`. Sections in `decided`
    (the target spec's own decisions) are left as it says; the rest are kept.
    """
    by_slug = {c.slug: c for c in clauses}
    units = [
        s.clause
        for s in model.sections
        if s.clause and s.clause not in NOT_IN_CHAPTER and by_slug.get(s.clause)
        and by_slug[s.clause].kind not in ("title", "preamble")
    ]  # fmt: skip
    taken = set(decided)
    order = [m.ref for m in analysis.sections]
    replacements: list[tuple[str, str]] = []
    additions: list[tuple[str, str]] = []
    last = ""
    for unit in units:
        candidates = [
            g.ref
            for g in analysis.gaps
            if g.unit == unit and g.status != "missing" and g.ref and g.clause in CLAUSE_CRITERIA
        ]
        close = sorted(
            (m for m in analysis.sections if m.clause == unit), key=lambda m: -m.similarity
        )
        candidates += [m.ref for m in close]
        ref = next((r for r in candidates if r not in taken), "")
        if ref:
            taken.add(ref)
            replacements.append((ref, unit))
            if not last or order.index(ref) > order.index(last):
                last = ref
        else:
            additions.append((unit, last))
    return replacements, additions


def comparison_model(clauses: Sequence[ClauseText], spec: DraftSpec) -> Document:
    """The model the existing law is compared with: the spec's clauses (the whole model
    by default), locality and options, in "section" numbering; locality fields the model
    names but the drafter has not filled in read as "[Complaint body]" (the comparison
    needs the model's words, not the names)."""
    from drafting.assembly import AssemblyError, assemble  # assembly imports consolidate

    model = replace(spec, existing=None, numbering="section", words=Words())
    try:
        return assemble(clauses, model)
    except AssemblyError as exc:
        filled = spec.locality.with_placeholders(exc.problems)
        if filled is None:
            raise
        return assemble(clauses, replace(model, locality=filled))
