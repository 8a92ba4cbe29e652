"""Editions and clause versions as data: release notes, what changed between two
versions, and whether a version assembles. Pure: no Django.

    >>> one = ClauseText("ncic", "NCIC", "detainers", 260, "subsection", "No NCIC arrests.")
    >>> two = replace(one, version=2, change_note="Names any successor database.")
    >>> release_notes([one], [two])
    ['NCIC: version 1 → 2. Names any successor database.']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

import jinja2

from drafting.assembly import TemplateTooCostly, assemble, template_names
from drafting.document import Document
from drafting.library import ClauseText, Option
from drafting.spec import DraftSpec, SpecError, parse_spec

# The model's own blanks, so the library shows the model as CPD published it.
PLACEHOLDER_LOCALITY = {
    "name": "[LOCALITY]",
    "type": "city",
    "state": "[STATE]",
    "legislative_body": "[governing legislative body]",
    "chief_law_enforcement_officer": "[Chief law enforcement officer]",
    "complaint_body": "[human rights commission, or appropriate administrative body]",
    "commission_coordinator": "[Name of official or office]",
    "reporting_officer": "[reporting officer]",
    "effective_date": "[effective date]",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- release notes ------------------------------------------------------------


def release_notes(
    previous: Sequence[ClauseText] | None,
    current: Sequence[ClauseText],
    history: Mapping[str, Sequence[ClauseText]] | None = None,
) -> list[str]:
    """One line per clause whose version differs from the previous edition's.

    The line carries the change notes of every version after the previous
    one up to the new one that `history` (slug -> versions) holds, so a jump
    from version 1 to 3 says what both steps changed.
    """
    if previous is None:
        return [f"First edition: {len(current)} clauses."]
    before = {c.slug: c for c in previous}
    after = {c.slug: c for c in current}
    lines = []
    for clause in current:
        old = before.get(clause.slug)
        if old is None:
            lines.append(
                f"{clause.title}: added (version {clause.version}). {_one_line(clause.change_note)}"
            )
        elif old.version != clause.version or old.fingerprint() != clause.fingerprint():
            notes = _notes_between(old, clause, (history or {}).get(clause.slug, ()))
            lines.append(f"{clause.title}: version {old.version} → {clause.version}. {notes}")
    for clause in previous:
        if clause.slug not in after:
            lines.append(f"{clause.title}: removed (was version {clause.version}).")
    return lines or ["No clause changed."]


def _notes_between(old: ClauseText, new: ClauseText, versions: Sequence[ClauseText]) -> str:
    low, high = sorted((old.version, new.version))
    steps = [v for v in versions if low < v.version <= high and v.version != new.version]
    if new.version < old.version or not steps:
        return _one_line(new.change_note)
    steps = [*sorted(steps, key=lambda v: v.version), new]
    return " ".join(f"(v{v.version}) {_one_line(v.change_note)}" for v in steps)


# -- what changed between two versions of a clause ----------------------------

_FIELDS = (
    ("title", "Title"),
    ("heading", "Heading"),
    ("topic", "Topic"),
    ("order", "Position"),
    ("kind", "Kind"),
    ("parent", "Section"),
    ("model", "Part of the model"),
    ("source", "Source"),
)


def version_changes(old: ClauseText, new: ClauseText) -> list[str]:
    """Everything but the text that differs between two versions, in words."""
    lines = [
        f"{label}: “{getattr(old, name)}” → “{getattr(new, name)}”"
        for name, label in _FIELDS
        if getattr(old, name) != getattr(new, name)
    ]
    if old.terms != new.terms:
        lines.append("Defined-term patterns changed.")
    if old.corrections != new.corrections:
        lines.append("Recorded corrections to the source changed.")
    before = {o.key: o for o in old.options}
    after = {o.key: o for o in new.options}
    for key, option in before.items():
        if key not in after:
            lines.append(f"Option “{option.label}” removed.")
    for key, option in after.items():
        if key not in before:
            lines.append(
                f"Option “{option.label}” added (default: {option.label_of(option.default)})."
            )
        else:
            lines.extend(option_changes(before[key], option))
    return lines


def option_changes(old: Option, new: Option) -> list[str]:
    """What changed in one option, each change a sentence naming the option."""
    name = f"Option “{new.label}”"
    lines = []
    if old.label != new.label:
        lines.append(f"Option “{old.label}” is now called “{new.label}”.")
    if old.type != new.type:
        lines.append(f"{name}: was a {old.type} question, now a {new.type} question.")
    if old.default != new.default:
        lines.append(f"{name}: default {old.label_of(old.default)} → {new.label_of(new.default)}.")
    if (old.min, old.max) != (new.min, new.max):
        lines.append(f"{name}: range {old.min}–{old.max} → {new.min}–{new.max}.")
    if old.guidance != new.guidance:
        lines.append(f"{name}: guidance reworded.")
    if old.source != new.source:
        lines.append(f"{name}: source “{old.source}” → “{new.source}”.")
    if old.applies_when != new.applies_when:
        lines.append(f"{name}: when it applies changed.")
    choices = {c.value: c for c in new.choices}
    for choice in old.choices:
        after = choices.get(choice.value)
        if after is None:
            lines.append(f"{name}: choice “{choice.label}” removed.")
            continue
        if after.text != choice.text:
            lines.append(f"{name}: the text of “{after.label}” changed.")
        if after.label != choice.label:
            lines.append(f"{name}: choice “{choice.label}” is now called “{after.label}”.")
        if (after.guidance, after.source) != (choice.guidance, choice.source):
            lines.append(f"{name}: guidance or source of “{after.label}” changed.")
    known = {c.value for c in old.choices}
    for choice in new.choices:
        if choice.value not in known:
            lines.append(f"{name}: choice “{choice.label}” added.")
    return lines


# -- assembling one clause with the library's placeholders ---------------------


def placeholder_spec(clauses: Sequence[ClauseText], edition: str) -> DraftSpec:
    """Every clause included, default options, the model's bracketed blanks."""
    return parse_spec(
        {
            "edition": edition,
            "locality": PLACEHOLDER_LOCALITY,
            "clauses": [c.slug for c in clauses],
        }
    )


def with_version(clauses: Sequence[ClauseText], version: ClauseText) -> list[ClauseText]:
    """The clause set with `version` in place of its clause's (or added)."""
    others = [c for c in clauses if c.slug != version.slug]
    return sorted([*others, version], key=lambda c: (c.order, c.slug))


def clause_excerpt(document: Document, slug: str, *, is_title: bool = False) -> Document:
    """The part of a document one clause wrote: the sections it is in (their
    headings as context) with only its blocks; the title for the title clause."""
    sections = tuple(
        replace(section, blocks=tuple(b for b in section.blocks if b.clause == slug))
        for section in document.sections
        if section.clause == slug or any(b.clause == slug for b in section.blocks)
    )
    return Document(
        title=document.title if is_title else "",
        sections=sections,
        numbering=document.numbering,
        clause_versions={slug: document.clause_versions.get(slug, 0)},
    )


def check_version(
    version: ClauseText, clauses: Sequence[ClauseText], edition: str = "check"
) -> dict[str, str]:
    """Why this version could not be used in the edition, by form field ('text',
    'options', 'front_matter'); empty when it assembles with every clause
    included and default options. The editor's input is never the problem's
    only record: each message names what to change."""
    problems: dict[str, str] = {}
    for source, field, what in [
        (version.body, "text", "The text"),
        *[
            (choice.text, "options", f"The text of choice “{choice.label}”")
            for option in version.options
            for choice in option.choices
        ],
    ]:
        try:
            template_names(source)
        except jinja2.TemplateSyntaxError as exc:
            problems.setdefault(
                field, f"{what} has a template error on line {exc.lineno}: {exc.message}"
            )
    if problems:
        return problems
    candidate = with_version(clauses, version)
    try:
        assemble(candidate, placeholder_spec(candidate, edition))
    except SpecError as exc:
        for key, message in exc.problems.items():
            field = "options" if key.startswith("options.") else "text"
            problems.setdefault(field, f"{key}: {message}" if field == "options" else message)
    except TemplateTooCostly as exc:
        problems["text"] = str(exc)
    except (jinja2.TemplateError, TypeError, ValueError, KeyError) as exc:
        problems["text"] = f"The text cannot be assembled: {exc}"
    return problems


def edition_problems(clauses: Sequence[ClauseText], edition: str = "check") -> dict[str, str]:
    """Why a set of clause versions cannot make an edition (empty if it can): every
    clause included, default options, the model's blanks, as the library shows it."""
    try:
        assemble(clauses, placeholder_spec(clauses, edition))
    except SpecError as exc:
        return dict(exc.problems)
    except (jinja2.TemplateError, TypeError, ValueError, KeyError) as exc:
        return {"clauses": f"The edition cannot be assembled: {exc}"}
    return {}
