"""What changed between two drafts, in words, at the level of the choices made. Pure.

    >>> from drafting.library import read_edition
    >>> from drafting.spec import parse_spec
    >>> lib = read_edition("cpd-2017")
    >>> place = {"name": "Springfield", "type": "city", "state": "Illinois",
    ...          "legislative_body": "City Council"}
    >>> old_spec = parse_spec({"locality": place})
    >>> new_spec = parse_spec({"locality": place, "options": {
    ...     "warrant_standard": "judicial", "reporting_cadence": "semiannual"}})
    >>> for line in option_summary(lib, old_spec, lib, new_spec):
    ...     print(line.text)
    Warrant standard: judicial criminal warrant → judicial warrant
    Reporting cadence: every quarter → every six months

The word diff says which words moved; this says why, in the wizard's terms:
locality details, numbering, clauses added or removed, clause versions
updated, and every option whose effective value differs (defaults filled in).
An option is only reported while its clause is in both drafts and, for an
option that `applies_when` another has some value, while it applies in both:
otherwise the clause's coming or going (or the other option) says it all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from drafting.assembly import edition_options, included_clauses, resolve_options
from drafting.library import ClauseText, Option
from drafting.spec import LOCALITY_FIELDS, DraftSpec

NUMBERING_NAMES = {"cpd": "CPD style (I), A.)", "section": "Section 1., (a)"}
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class SummaryLine:
    """One line of the summary. `kind` is locality, numbering, edition, added,
    removed, updated or option; `key` the field, clause slug or option key."""

    kind: str
    key: str
    text: str
    old: str = ""
    new: str = ""

    def __str__(self) -> str:
        return self.text


def _change(kind: str, key: str, name: str, old: str, new: str) -> SummaryLine:
    return SummaryLine(kind, key, f"{name}: {old} → {new}", old, new)


# -- wording ------------------------------------------------------------------


def choice_name(label: str, *, short: bool = True) -> str:
    """A choice label as a phrase inside a sentence.

    >>> choice_name("Judicial criminal warrant (CPD model; strongest)")
    'judicial criminal warrant'
    >>> choice_name("Judicial warrant signed by an Article III judge or federal magistrate judge")
    'judicial warrant'
    >>> choice_name("Sanctuary City Act")
    'Sanctuary City Act'
    """
    text = _PARENTHETICAL.sub("", label).strip()
    if short:
        text = re.split(r", |; | — | signed by | issued by ", text, maxsplit=1)[0]
    words = text.split()
    if not words:
        return label
    # Lower the first letter of a sentence-case phrase, not of a name
    # ("Sanctuary City Act") or an acronym ("ICE", "U visa").
    first, rest = words[0], words[1:]
    if first[1:].islower() and not any(word[:1].isupper() for word in rest):
        text = first[0].lower() + text[1:]
    return text


def _describe_values(old_option: Option, old: Any, new_option: Option, new: Any) -> tuple[str, str]:
    if new_option.type == "number":
        return str(old), str(new)
    olds = old_option.labels(old)
    news = new_option.labels(new)
    for short in (True, False):
        old_text = ", ".join(choice_name(label, short=short) for label in olds) or "none"
        new_text = ", ".join(choice_name(label, short=short) for label in news) or "none"
        if old_text != new_text:
            break
    return old_text, new_text


# -- the summary --------------------------------------------------------------


def _locality_lines(old: DraftSpec, new: DraftSpec) -> list[SummaryLine]:
    lines = []
    for field_name, label in LOCALITY_FIELDS.items():
        before = getattr(old.locality, field_name)
        after = getattr(new.locality, field_name)
        if before != after:
            before, after = before or "blank", after or "blank"
            lines.append(_change("locality", field_name, label, before, after))
    if old.locality.languages != new.locality.languages:
        before = ", ".join(old.locality.languages) or "none"
        after = ", ".join(new.locality.languages) or "none"
        lines.append(_change("locality", "languages", "Languages", before, after))
    if old.numbering != new.numbering:
        before = NUMBERING_NAMES.get(old.numbering, old.numbering)
        after = NUMBERING_NAMES.get(new.numbering, new.numbering)
        lines.append(_change("numbering", "numbering", "Numbering", before, after))
    if old.edition != new.edition:
        lines.append(_change("edition", "edition", "Library edition", old.edition, new.edition))
    return lines


def _clause_lines(
    old_in: dict[str, ClauseText], new_in: dict[str, ClauseText], slug: str
) -> list[SummaryLine]:
    before, after = old_in.get(slug), new_in.get(slug)
    if before and after:
        if before.version == after.version:
            return []
        text = f"Updated: {after.title} (version {before.version} → {after.version})"
        return [SummaryLine("updated", slug, text, str(before.version), str(after.version))]
    clause = before or after
    assert clause is not None
    # A subsection that comes or goes with its section is said by the section.
    if clause.kind == "subsection" and (clause.parent in old_in) != (clause.parent in new_in):
        return []
    if clause.kind == "title":
        return []
    kind = "added" if after else "removed"
    return [SummaryLine(kind, slug, f"{kind.capitalize()}: {clause.title}")]


def _option_lines(
    old_clauses: Sequence[ClauseText],
    new_clauses: Sequence[ClauseText],
    old_values: dict[str, Any],
    new_values: dict[str, Any],
    clause: ClauseText,
) -> list[SummaryLine]:
    old_options = edition_options(old_clauses)
    lines = []
    for option in clause.options:
        if option.key not in old_options:
            continue  # a new option of a new version: "Updated" says it
        old_option = old_options[option.key][1]
        before, after = old_values[option.key], new_values[option.key]
        if before == after or old_option.type != option.type:
            continue
        if not (old_option.applies(old_values) and option.applies(new_values)):
            continue
        old_text, new_text = _describe_values(old_option, before, option, after)
        lines.append(_change("option", option.key, option.name, old_text, new_text))
    return lines


def option_summary(
    old_clauses: Sequence[ClauseText],
    old_spec: DraftSpec,
    new_clauses: Sequence[ClauseText],
    new_spec: DraftSpec,
) -> list[SummaryLine]:
    """Every difference between two drafts' choices, in document order.

    `*_clauses` are the clause versions each draft is assembled from (all of
    the edition's clauses, included or not). Raises AssemblyError if a spec
    does not fit its clauses, as `assemble` would.
    """
    old_values = resolve_options(old_clauses, old_spec.options)
    new_values = resolve_options(new_clauses, new_spec.options)
    old_in = {c.slug: c for c in included_clauses(old_clauses, old_spec)}
    new_in = {c.slug: c for c in included_clauses(new_clauses, new_spec)}
    order = {c.slug: (c.order, c.slug) for c in [*old_clauses, *new_clauses]}
    lines = _locality_lines(old_spec, new_spec)
    for slug in sorted(set(old_in) | set(new_in), key=order.__getitem__):
        lines.extend(_clause_lines(old_in, new_in, slug))
        if slug in old_in and slug in new_in:
            clause = new_in[slug]
            lines.extend(_option_lines(old_clauses, new_clauses, old_values, new_values, clause))
    return lines
