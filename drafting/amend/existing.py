"""The existing law in a spec, and the drafter's decision on each of its sections. Pure.

A draft that amends a code chapter instead of starting from scratch carries the
chapter's current text and what to do with each section, under `existing`:

    "existing": {
      "text": "Sec. 2-14-010. Purpose.\\n...",      # the current law, as pasted or read
      "code_name": "the Municipal Code",            # how instructions name the code
      "title": "Chapter 2-14 Immigration",           # optional: the chapter's name
      "one_section": false,                          # read the whole text as one section
      "style": "read-as-follows",                    # or "strike-underscore"
      "decisions": [
        {"section": "2-14-020", "action": "keep"},
        {"section": "2-14-030", "action": "amend", "text": "Sec. 2-14-030. Detainers.\\n..."},
        {"section": "2-14-040", "action": "replace", "clause": "civil-enforcement"},
        {"section": "2-14-050", "action": "repeal"}
      ],
      "added": [{"clause": "u-visa", "after": "2-14-030", "number": "", "heading": ""}]
    }

A section is named by its number as printed ("2-14-030", "46-37", "2.04.110"), or
by its place ("#3") when it has none. A section with no decision is kept. The
model clauses used ("replace", "added") are assembled with the spec's locality,
options and clauses, so an option change reaches them; a subsection clause of the
model (`no-287g`) is placed with its parent section (`civil-enforcement`).

    >>> existing, problems = parse_existing({"text": "Sec. 1-1. A.\\nText.",
    ...     "decisions": [{"section": "1-1", "action": "repeal"}]})
    >>> existing.decision_for("1-1").action, problems
    ('repeal', {})
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from drafting.document import Block, Document, Run, Section
from drafting.parse.text import parse_text
from drafting.words import MARKUP_PROBLEM, has_markup, own_text_problem

Action = Literal["keep", "amend", "replace", "repeal"]
ACTIONS: tuple[str, ...] = ("keep", "amend", "replace", "repeal")
STYLES: dict[str, str] = {
    "read-as-follows": "is hereby amended to read as follows:",
    "strike-underscore": (
        "is hereby amended by deleting the language stricken and adding the language "
        "underscored, as follows:"
    ),
}
# The check page's limit on pasted text (ordinances.forms.MAX_PASTE_CHARACTERS).
MAX_EXISTING_CHARS = 200_000
MAX_SECTION_TEXT = 50_000
MAX_DECISIONS = 500
MAX_ADDED = 40
DEFAULT_CODE_NAME = "the Municipal Code"
KEY_PREFIX = "existing-"
_REF = re.compile(r"^(?:#[0-9]{1,4}|[0-9A-Za-z][0-9A-Za-z.\-–]{0,40}(?:#[0-9]{1,4})?)$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


@dataclass(frozen=True)
class Decision:
    """What to do with one existing section: keep, amend (new `text`), replace (by
    model `clause`) or repeal."""

    section: str
    action: Action
    text: str = ""
    clause: str = ""

    def as_dict(self) -> dict[str, str]:
        data = {"section": self.section, "action": self.action}
        if self.action == "amend":
            data["text"] = self.text
        if self.action == "replace":
            data["clause"] = self.clause
        return data


@dataclass(frozen=True)
class Addition:
    """A model clause added as a new section, after existing section `after` ("" = at
    the end); `number` and `heading` default to the next free number and the model's."""

    clause: str
    after: str = ""
    number: str = ""
    heading: str = ""

    def as_dict(self) -> dict[str, str]:
        data = {"clause": self.clause, "after": self.after}
        if self.number:
            data["number"] = self.number
        if self.heading:
            data["heading"] = self.heading
        return data


@dataclass(frozen=True)
class Existing:
    text: str
    code_name: str = DEFAULT_CODE_NAME
    title: str = ""
    one_section: bool = False
    style: str = "read-as-follows"
    decisions: tuple[Decision, ...] = ()
    added: tuple[Addition, ...] = ()

    def decision_for(self, ref: str) -> Decision:
        found = next((d for d in self.decisions if d.section == ref), None)
        return found or Decision(ref, "keep")

    def with_decision(self, decision: Decision) -> Existing:
        others = tuple(d for d in self.decisions if d.section != decision.section)
        kept = decision.action == "keep"
        return replace(self, decisions=others if kept else (*others, decision))

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "code_name": self.code_name}
        if self.title:
            data["title"] = self.title
        if self.one_section:
            data["one_section"] = True
        if self.style != "read-as-follows":
            data["style"] = self.style
        data["decisions"] = [d.as_dict() for d in self.decisions]
        data["added"] = [a.as_dict() for a in self.added]
        return data


# -- the existing law as a document ------------------------------------------------


def section_ref(section: Section, index: int) -> str:
    """How a decision names a section: its number, or "#n" (1-based) without one."""
    return section.number or f"#{index + 1}"


def refs(document: Document) -> list[str]:
    """Every section's name for decisions, each unique: a number printed twice (a
    chapter's table of contents before its text) names its second section "n#i".

    >>> refs(parse_text("Sec. 1-1. A.\\nSec. 1-1. A.\\nText."))
    ['1-1', '1-1#2']
    """
    out: list[str] = []
    for index, section in enumerate(document.sections):
        ref = section_ref(section, index)
        out.append(f"{ref}#{index + 1}" if ref in out else ref)
    return out


def section_key(ref: str) -> str:
    """The clause key the section's blocks carry: "2-14-030" -> "existing-2-14-030"."""
    slug = re.sub(r"[^a-z0-9]+", "-", ref.lower()).strip("-") or "s"
    return KEY_PREFIX + slug


def existing_document(text: str, *, one_section: bool = False) -> Document:
    """The current law parsed as the check page parses it; each section keyed
    (`Section.clause` = `section_key(ref)`), each block tagged with that key.

    With `one_section`, the whole text is one unnumbered section: headings the
    parser found become paragraphs, nothing is dropped.
    """
    document = _chapter_title(parse_text(text))
    if one_section:
        blocks: list[Block] = []
        for section in document.sections:
            if section.title:
                blocks.append(Block("paragraph", (Run(section.title),)))
            blocks.extend(section.blocks)
        document = replace(document, sections=(Section("", tuple(blocks)),))
    sections = [
        _keyed(section, section_key(ref))
        for section, ref in zip(document.sections, refs(document), strict=True)
    ]
    return replace(document, sections=tuple(sections), kind=document.kind or "code-chapter")


_CHAPTER = re.compile(r"^(?:chapter|ch\.|article|art\.|title|part|division)\b", re.I)


def _chapter_title(document: Document) -> Document:
    """A chapter's own heading line ("CHAPTER 2-14 IMMIGRATION"), which the parser reads
    as an empty section, is the document's title: there is nothing in it to decide."""
    first = document.sections[0] if document.sections else None
    if first is None or first.blocks or not _CHAPTER.match(first.label):
        return document
    title = " ".join(part for part in (document.title, first.title) if part)
    return replace(document, title=title, sections=document.sections[1:])


def _keyed(section: Section, key: str) -> Section:
    blocks = tuple(replace(block, clause=key) for block in section.blocks)
    return replace(section, clause=key, blocks=blocks)


def splits_into_sections(document: Document) -> bool:
    """Whether the parser found sections to decide on (at least one numbered one)."""
    return any(section.number for section in document.sections)


# -- parsing the spec's `existing` -------------------------------------------------


def _text_problem(value: Any, label: str, limit: int, *, required: bool = True) -> str | None:
    problem = own_text_problem(value, label, limit, required=required)
    if problem is None and isinstance(value, str) and has_markup(value):
        return MARKUP_PROBLEM
    return problem


def _parse_decisions(raw: Any, problems: dict[str, str]) -> list[Decision]:
    if not isinstance(raw, list) or len(raw) > MAX_DECISIONS:
        problems["existing.decisions"] = (
            f"Decisions must be a list of at most {MAX_DECISIONS} {{section, action}}."
        )
        return []
    decisions: list[Decision] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        where = f"existing.decisions[{index}]"
        if not isinstance(item, dict) or set(item) - {"section", "action", "text", "clause"}:
            problems[where] = "A decision is an object with section, action, and text or clause."
            continue
        ref, action = item.get("section"), item.get("action")
        if not isinstance(ref, str) or not _REF.match(ref):
            problems[f"{where}.section"] = "Section must be a section number or “#n”."
            continue
        if ref in seen:
            problems[f"{where}.section"] = f"Two decisions for section {ref}."
            continue
        if action not in ACTIONS:
            problems[f"{where}.action"] = f"Action must be one of: {', '.join(ACTIONS)}."
            continue
        text, clause = item.get("text", ""), item.get("clause", "")
        if action == "amend":
            problem = _text_problem(text, "Text", MAX_SECTION_TEXT)
            if problem:
                problems[f"{where}.text"] = problem
                continue
        if action == "replace" and (not isinstance(clause, str) or not _SLUG.match(clause)):
            problems[f"{where}.clause"] = "Name the model clause that replaces the section."
            continue
        seen.add(ref)
        decisions.append(
            Decision(
                ref,
                action,
                text=text.replace("\r\n", "\n").strip() if action == "amend" else "",
                clause=clause if action == "replace" else "",
            )
        )
    return decisions


def _parse_added(raw: Any, problems: dict[str, str]) -> list[Addition]:
    if not isinstance(raw, list) or len(raw) > MAX_ADDED:
        problems["existing.added"] = f"Added must be a list of at most {MAX_ADDED} clauses."
        return []
    added: list[Addition] = []
    for index, item in enumerate(raw):
        where = f"existing.added[{index}]"
        if not isinstance(item, dict) or set(item) - {"clause", "after", "number", "heading"}:
            problems[where] = "An addition is an object with clause, after, number and heading."
            continue
        clause = item.get("clause")
        after, number, heading = (item.get(k) or "" for k in ("after", "number", "heading"))
        found = {
            "clause": None
            if isinstance(clause, str) and _SLUG.match(clause)
            else "Name a model clause.",
            "after": None
            if isinstance(after, str) and (not after or _REF.match(after))
            else "After must be a section number, “#n”, or empty (at the end).",
            "number": None
            if isinstance(number, str) and (not number or _REF.match(number))
            else "Number must be a section number such as 2-14-035.",
            "heading": _text_problem(heading, "Heading", 200, required=False),
        }
        for name, problem in found.items():
            if problem:
                problems[f"{where}.{name}"] = problem
        if not any(found.values()):
            added.append(Addition(clause, after, number, " ".join(heading.split())))
    if len({a.clause for a in added}) != len(added):
        problems["existing.added"] = "A model clause is added twice."
    return added


def parse_existing(raw: Any) -> tuple[Existing | None, dict[str, str]]:
    """The spec's `existing`, and every problem with it by field."""
    if not isinstance(raw, dict):
        return None, {"existing": "Existing must be an object with the current law's text."}
    problems: dict[str, str] = {}
    allowed = {"text", "code_name", "title", "one_section", "style", "decisions", "added"}
    if set(raw) - allowed:
        problems["existing"] = f"Unknown field(s): {', '.join(sorted(set(raw) - allowed))}."
    text = raw.get("text")
    problem = _text_problem(text, "The existing law", MAX_EXISTING_CHARS)
    if problem:
        problems["existing.text"] = problem
    code_name = raw.get("code_name") or DEFAULT_CODE_NAME
    title = raw.get("title") or ""
    for name, value in (("code_name", code_name), ("title", title)):
        problem = _text_problem(value, name.replace("_", " ").capitalize(), 200, required=False)
        if problem:
            problems[f"existing.{name}"] = problem
    style = raw.get("style") or "read-as-follows"
    if style not in STYLES:
        problems["existing.style"] = f"Style must be one of: {', '.join(STYLES)}."
    one_section = raw.get("one_section", False)
    if not isinstance(one_section, bool):
        problems["existing.one_section"] = "One section must be true or false."
    decisions = _parse_decisions(raw.get("decisions") or [], problems)
    added = _parse_added(raw.get("added") or [], problems)
    if problems:
        return None, problems
    existing = Existing(
        text=text.replace("\r\n", "\n"),
        code_name=" ".join(code_name.split()),
        title=" ".join(title.split()),
        one_section=one_section,
        style=style,
        decisions=tuple(decisions),
        added=tuple(added),
    )
    return existing, reference_problems(existing)


def reference_problems(existing: Existing) -> dict[str, str]:
    """Decisions and placements that name no section of the existing law."""
    document = existing_document(existing.text, one_section=existing.one_section)
    known = set(refs(document))
    problems: dict[str, str] = {}
    for index, decision in enumerate(existing.decisions):
        if decision.section not in known:
            problems[f"existing.decisions[{index}].section"] = (
                f"The existing law has no section {decision.section}."
            )
    for index, addition in enumerate(existing.added):
        if addition.after and addition.after not in known:
            problems[f"existing.added[{index}].after"] = (
                f"The existing law has no section {addition.after}."
            )
    return problems
