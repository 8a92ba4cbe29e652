"""Annotations for the drafter's legal review: which option each clause uses, and why.

Pure. `option_annotations` turns the clauses' options and a draft's chosen
values into one Annotation per option; `render_docx(..., annotations=...)`
makes each a Word comment on the clause it belongs to.

    >>> from drafting.library import read_edition
    >>> notes = option_annotations(read_edition("cpd-2017"), {"warrant_standard": "judicial"})
    >>> [n.choice_label for n in notes if n.clause == "detainers"][0]
    'Judicial warrant signed by an Article III judge or federal magistrate judge'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from drafting.library import ClauseText, Option, effective_options
from drafting.words import Words

NO_CHOICE = "None selected"


@dataclass(frozen=True)
class Annotation:
    """One option of one clause, as chosen in a draft.

    `guidance` and `source` are the chosen choice's, falling back to the
    option's. `kind` is the clause's kind ("title" anchors on the document
    title, which no section carries); `default` is True when the draft left
    the option at its default.
    """

    clause: str
    option_label: str
    choice_label: str
    guidance: str
    source: str
    kind: str = ""
    default: bool = False


def _join(parts: Sequence[str], separator: str) -> str:
    return separator.join(dict.fromkeys(part.strip() for part in parts if part.strip()))


def _annotation(clause: ClauseText, option: Option, value: Any) -> Annotation:
    guidance, source = option.guidance, option.source
    if option.type == "choice":
        choice = option.choice(str(value))
        label = choice.label if choice else str(value)
        if choice:
            guidance = choice.guidance or guidance
            source = choice.source or source
        default = value == option.default
    elif option.type == "multi":
        wanted = set(value or [])
        picked = [c for c in option.choices if c.value in wanted]
        label = _join([c.label for c in picked], "; ") or NO_CHOICE
        guidance = _join([c.guidance for c in picked], " ") or guidance
        source = _join([c.source for c in picked], "; ") or source
        default = wanted == set(option.default or [])
    else:
        label = str(value)
        default = value == option.default
    return Annotation(
        clause=clause.slug,
        option_label=option.label,
        choice_label=label,
        guidance=" ".join(guidance.split()),
        source=" ".join(source.split()),
        kind=clause.kind,
        default=default,
    )


def option_annotations(clauses: Sequence[ClauseText], options: dict[str, Any]) -> list[Annotation]:
    """One annotation per option of each clause, in clause order.

    `options` is the draft spec's chosen values (option key -> value); an
    option it leaves out is at its default. A follow-up option whose
    `applies_when` does not hold is left out, as the wizard leaves it unasked.
    """
    values = effective_options(clauses, options)
    return [
        _annotation(clause, option, values[option.key])
        for clause in clauses
        for option in clause.options
        if option.applies(values)
    ]


def _quoted(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def edit_annotations(clauses: Sequence[ClauseText], words: Words) -> list[Annotation]:
    """One annotation per local edit and per section of the draft's own, so the
    reviewer sees every place the text departs from the library.

    >>> from drafting.words import Edit
    >>> clause = ClauseText("privacy", "Privacy", "information", 1, "section", "Keep it.")
    >>> note = edit_annotations([clause], Words(edits=(Edit("privacy", "Keep", "Guard"),)))[0]
    >>> note.option_label, note.choice_label
    ('Local edit', '“Keep” → “Guard”')
    """
    kinds = {c.slug: c.kind for c in clauses}
    notes = [
        Annotation(
            clause=edit.clause,
            option_label="Local edit",
            choice_label=f"{_quoted(edit.find)} → {_quoted(edit.replace)}"
            if edit.replace
            else f"deleted {_quoted(edit.find)}",
            guidance="The drafter changed the library's text here; the model reads otherwise.",
            source="",
            kind=kinds.get(edit.clause, ""),
        )
        for edit in words.edits
    ]
    notes.extend(
        Annotation(
            clause=section.key,
            option_label="Section of the draft’s own",
            choice_label=section.heading,
            guidance="Not from the library: written for this draft.",
            source="",
        )
        for section in words.sections
    )
    return notes
