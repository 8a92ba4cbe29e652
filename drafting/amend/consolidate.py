"""The existing law with the drafter's decisions applied: the plan and the consolidation. Pure.

`plan(clauses, spec)` walks the existing sections in order and says, for each,
what becomes of it (kept, amended, replaced by a model clause, repealed), with
the model clauses added after the sections the drafter named. The
consolidation ("as amended") is the plan's new sections in order; it is the
document of a draft that amends existing law, so its revisions, lint, exports
and compare work as for any other draft.

    >>> from drafting.spec import parse_spec
    >>> spec = parse_spec({"locality": {"name": "Springfield", "type": "city",
    ...     "state": "Illinois", "legislative_body": "City Council"},
    ...     "existing": {"text": "Sec. 2-14-010. Purpose.\\nIt is so.\\n"
    ...                          "Sec. 2-14-020. Reports.\\nReport yearly.",
    ...                  "decisions": [{"section": "2-14-020", "action": "amend",
    ...                                 "text": "Sec. 2-14-020. Reports.\\nReport monthly."}]}})
    >>> [(e.action, e.new.title if e.new else "") for e in plan([], spec).entries]
    [('keep', 'Sec. 2-14-010. Purpose.'), ('amend', 'Sec. 2-14-020. Reports.')]

Model clauses are assembled with the spec's locality and options in "section"
numbering ("(a)", "(1)"), as code chapters number their subsections; a
subsection clause of the model (`detainers`) is placed with its parent section
(`civil-enforcement`) holding the subsections the spec includes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from drafting.amend.existing import Existing, existing_document
from drafting.amend.existing import refs as section_refs
from drafting.assembly import (
    AssemblyError,
    assemble,
    heading_case,
    locality_context,
)
from drafting.document import Document, Section
from drafting.library import ClauseText, included_slugs
from drafting.parse.text import parse_text

if TYPE_CHECKING:
    from drafting.spec import DraftSpec

# Clauses that belong to the amending ordinance itself, never to the chapter.
ORDINANCE_CLAUSES = ("title", "purpose", "findings", "severability", "effective-date")


@dataclass(frozen=True)
class Entry:
    """One section's fate. `old` is the existing section (None when added), `new`
    the section as amended (None when repealed)."""

    action: str  # keep, amend, replace, repeal, add
    ref: str
    old: Section | None
    new: Section | None
    clause: str = ""  # the model clause of a replacement or addition

    @property
    def changed(self) -> bool:
        return self.action != "keep"


@dataclass(frozen=True)
class Plan:
    existing: Document
    entries: tuple[Entry, ...]
    title: str

    def consolidation(self, *, locality: str = "") -> Document:
        """The chapter as amended: every section that is not repealed, in order."""
        return Document(
            title=self.title,
            sections=tuple(e.new for e in self.entries if e.new is not None),
            locality=locality,
            number_label="AS AMENDED BY ORDINANCE NO.",
            numbering="parsed",
            kind="code-chapter",
        )


# -- model clauses as sections of the chapter --------------------------------------


def unit_of(slug: str, clauses: Sequence[ClauseText]) -> str:
    """The model section a clause is placed with: its parent for a subsection."""
    clause = next((c for c in clauses if c.slug == slug), None)
    return clause.parent if clause is not None and clause.kind == "subsection" else slug


def _placed(existing: Existing) -> list[str]:
    named = [d.clause for d in existing.decisions if d.action == "replace"]
    return named + [a.clause for a in existing.added]


def model_sections(clauses: Sequence[ClauseText], spec: DraftSpec) -> dict[str, Section]:
    """The model sections the decisions and additions place, by clause slug (a
    subsection's slug maps to its parent's section), assembled with the spec's
    locality and options and the subsections it includes."""
    assert spec.existing is not None
    named = _placed(spec.existing)
    if not named:
        return {}
    known = {c.slug for c in clauses}
    unknown = [slug for slug in named if slug not in known]
    if unknown:
        raise AssemblyError({"existing": f"No such model clause(s): {', '.join(unknown)}."})
    units = {unit_of(slug, clauses) for slug in named}
    wanted = set(included_slugs(clauses, spec.clauses)) | set(named)
    chosen = [
        c.slug
        for c in clauses
        if (c.slug in units or (c.kind == "subsection" and c.parent in units))
        and (c.slug in wanted or c.slug in units)
    ]
    model = assemble(
        clauses, replace(spec, existing=None, clauses=tuple(chosen), numbering="section")
    )
    word = codified_as(spec.existing)
    by_slug = {
        section.clause: codified(section, word) if word and not spec.locality.instrument
        else section
        for section in model.sections
    }  # fmt: skip
    return {
        slug: by_slug[unit_of(slug, clauses)] for slug in named if unit_of(slug, clauses) in by_slug
    }


_CODE_UNIT = re.compile(r"\b(chapter|article|title|part)\b", re.I)
_THIS_ORDINANCE = re.compile(r"\b([Tt])his ordinance\b")


def codified_as(existing: Existing) -> str:
    """The word the code uses for the unit a model section joins ("chapter"), from the
    code's name or the chapter's title; "" when neither says.

    >>> codified_as(Existing("", code_name="Chapter 2-14 of the Municipal Code"))
    'chapter'
    """
    match = _CODE_UNIT.search(existing.code_name) or _CODE_UNIT.search(existing.title)
    if match is None:
        match = _CODE_UNIT.match(existing_document(existing.text).title) if existing.text else None
    return match.group(1).lower() if match else ""


def codified(section: Section, word: str) -> Section:
    """A model section as a section of the code: the model's "this ordinance" (its
    instrument's self-reference, a slot of the clause text) reads "this chapter"."""
    blocks = tuple(
        replace(block, runs=tuple(replace(run, text=_THIS_ORDINANCE.sub(
            lambda m: f"{m.group(1)}his {word}", run.text)) for run in block.runs))
        for block in section.blocks
    )  # fmt: skip
    return replace(section, blocks=blocks)


def _chapter_heading(heading: str, style: _Style) -> str:
    heading = heading_case(heading) if heading.isupper() else heading
    if style.period and not heading.endswith("."):
        heading += "."
    return heading


@dataclass(frozen=True)
class _Style:
    """How the chapter prints its section labels and headings."""

    template: str  # "Sec. {}." — the label with the number's place
    period: bool  # catchlines end with a full stop

    @classmethod
    def of(cls, document: Document) -> _Style:
        labels = [s.label.replace(s.number, "{}", 1) for s in document.sections if s.number]
        template = Counter(labels).most_common(1)[0][0] if labels else ""
        headings = [s.heading for s in document.sections if s.heading]
        period = sum(h.endswith(".") for h in headings) * 2 > len(headings)
        return cls(template if "{}" in template else "", period)

    def label(self, number: str) -> str:
        return self.template.format(number) if number and self.template else number


# -- numbers for added sections ------------------------------------------------------

_LAST = re.compile(r"^(?P<head>.*?)(?P<digits>[0-9]+)$")


def _split(number: str) -> tuple[str, int, int] | None:
    match = _LAST.match(number)
    if not match:
        return None
    return match["head"], int(match["digits"]), len(match["digits"])


def next_number(previous: str, following: str, taken: set[str], step: int = 10) -> str:
    """A free section number after `previous` (and before `following`, if given).

    >>> next_number("2-14-030", "2-14-040", set())
    '2-14-035'
    >>> next_number("2-14-030", "", set())
    '2-14-040'
    >>> next_number("46-37", "46-38", set())
    '46-37.1'
    """
    parts = _split(previous)
    candidate = ""
    if parts:
        head, value, width = parts
        after = _split(following) if following else None
        if after and after[0] == head:
            gap = after[1] - value
            if gap >= 10:
                candidate = f"{head}{value + gap // 2 // 5 * 5 or 1:0{width}d}"
            elif gap >= 2:
                candidate = f"{head}{value + gap // 2:0{width}d}"
        elif not following:
            candidate = f"{head}{value + step:0{width}d}"
    if not candidate or candidate in taken:
        base, count = previous or "New", 1
        candidate = f"{base}.{count}"
        while candidate in taken:
            count += 1
            candidate = f"{base}.{count}"
    return candidate


def _step(numbers: list[str]) -> int:
    values = [p[1] for p in map(_split, numbers) if p]
    gaps = [b - a for a, b in zip(values, values[1:], strict=False) if b > a]
    return Counter(gaps).most_common(1)[0][0] if gaps else 10


# -- the plan --------------------------------------------------------------------------


class AmendmentError(AssemblyError):
    """A decision cannot apply (an amended text that is not one section, ...)."""


def amended_section(old: Section, text: str, where: str) -> Section:
    """An existing section with its new text (title line first, as `section_text`
    prints it); it keeps its number and label. Raises AmendmentError when the text
    splits into several sections."""
    document = parse_text(text)
    sections = [s for s in document.sections if s.title or s.blocks]
    if document.title:
        raise AmendmentError(
            {where: "Start the text with the section's own line (its number and heading)."}
        )
    if len(sections) != 1:
        starts = ", ".join(f"“{s.title[:40]}”" for s in sections[1:3])
        raise AmendmentError(
            {where: f"The text must stay one section; it reads as {len(sections)} ({starts} "
                    "starts another). Keep the section's number on its first line only."}
        )  # fmt: skip
    new = sections[0]
    if old.number and new.number != old.number:
        raise AmendmentError(
            {where: f"The first line must keep the section's number, {old.number}; "
                    "add a new section to give it another."}
        )  # fmt: skip
    blocks = tuple(replace(b, clause=old.clause) for b in new.blocks)
    return replace(old, heading=new.heading, blocks=blocks)


def plan(clauses: Sequence[ClauseText], spec: DraftSpec) -> Plan:
    """What becomes of each existing section, and where the added ones go."""
    existing = spec.existing
    assert existing is not None
    document = existing_document(existing.text, one_section=existing.one_section)
    models = model_sections(clauses, spec)
    style = _Style.of(document)
    numbers = [s.number for s in document.sections if s.number]
    taken, step = set(numbers), _step(numbers)
    added_after: dict[str, list] = {}
    for addition in existing.added:
        added_after.setdefault(addition.after, []).append(addition)
    entries: list[Entry] = []
    placed: set[str] = set()
    refs = section_refs(document)
    last_number = ""
    for index, (ref, old) in enumerate(zip(refs, document.sections, strict=True)):
        decision = existing.decision_for(ref)
        where = _field(existing, ref)
        if decision.action == "keep":
            entries.append(Entry("keep", ref, old, old))
        elif decision.action == "repeal":
            entries.append(Entry("repeal", ref, old, None))
        elif decision.action == "amend":
            entries.append(
                Entry("amend", ref, old, amended_section(old, decision.text, f"{where}.text"))
            )
        else:
            unit = models[decision.clause]
            if unit.clause in placed:
                raise AmendmentError(
                    {f"{where}.clause": f"The model section “{unit.heading}” already replaces "
                                        "another section; repeal this one or choose another."}
                )  # fmt: skip
            placed.add(unit.clause)
            new = replace(unit, heading=_chapter_heading(unit.heading, style),
                          number=old.number, label=old.label)  # fmt: skip
            entries.append(Entry("replace", ref, old, new, decision.clause))
        last_number = old.number or last_number
        following = next((s.number for s in document.sections[index + 1 :] if s.number), "")
        for addition in added_after.get(ref, []):
            entry = _added(addition, models, placed, style, last_number, following, taken, step)
            if entry:
                entries.append(entry)
                last_number = entry.new.number or last_number
    for addition in added_after.get("", []):
        entry = _added(addition, models, placed, style, last_number, "", taken, step)
        if entry:
            entries.append(entry)
            last_number = entry.new.number or last_number
    title = existing.title or document.title
    return Plan(document, tuple(entries), title)


def _field(existing: Existing, ref: str) -> str:
    """The spec field of the decision on section `ref` (for messages)."""
    for index, decision in enumerate(existing.decisions):
        if decision.section == ref:
            return f"existing.decisions[{index}]"
    return "existing"


def _added(addition, models, placed, style, previous, following, taken, step) -> Entry | None:
    unit = models.get(addition.clause)
    if unit is None or unit.clause in placed:
        return None  # a subsection whose section is placed already rides with it
    placed.add(unit.clause)
    number = addition.number
    if not number and previous:
        number = next_number(previous, following, taken, step)
    taken.add(number)
    heading = addition.heading or _chapter_heading(unit.heading, style)
    new = replace(unit, heading=heading, number=number, label=style.label(number))
    return Entry("add", number or f"+{addition.clause}", None, new, addition.clause)


def consolidate(clauses: Sequence[ClauseText], spec: DraftSpec) -> Document:
    """The document of a spec that amends existing law: the chapter as amended."""
    place = locality_context(spec.locality)["locality"].formal
    return plan(clauses, spec).consolidation(locality=place)
