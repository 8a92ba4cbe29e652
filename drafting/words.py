"""A draft's own words in its spec: text edits, sections of its own, headings, order. Pure.

These are data over the pinned library text, never a copy of it:

    "edits":    [{"clause": "privacy", "find": "exact text", "replace": "new text"}],
    "sections": [{"key": "local-hiring", "heading": "LOCAL HIRING", "text": "...",
                  "after": "commission"}],
    "headings": {"reporting": "PUBLIC REPORTS"},
    "order":    ["severability", "local-hiring"]

This module parses and validates their shape (every problem named by its
field, e.g. ``edits[2].find``); `drafting.edits` applies them to a document.

    >>> words, problems = parse_words({"edits": [{"clause": "privacy", "find": "a",
    ...                                           "replace": "b"}]})
    >>> words.edits[0], problems
    (Edit(clause='privacy', find='a', replace='b'), {})
    >>> problems = parse_words({"sections": [{"key": "x", "heading": "X", "text": "{{ a }}"}]})[1]
    >>> problems["sections[0].text"]
    'Text of your own cannot hold markup or template code ({{, {%, {# or <tags>).'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_EDITS = 200
MAX_SECTIONS = 30
MAX_FIND = 5_000
MAX_TEXT = 20_000
MAX_HEADING = 200
WORD_KEYS = ("edits", "sections", "headings", "order")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
_MARKUP = re.compile(r"\{\{|\{%|\{#|<\s*[A-Za-z/!?]")
# As in drafting.spec: what XML cannot carry, and bidi overrides that disguise text.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
MARKUP_PROBLEM = "Text of your own cannot hold markup or template code ({{, {%, {# or <tags>)."


@dataclass(frozen=True)
class Edit:
    """Replace `find` (exact text of the clause as assembled, once) with `replace`."""

    clause: str
    find: str
    replace: str

    def as_dict(self) -> dict[str, str]:
        return {"clause": self.clause, "find": self.find, "replace": self.replace}


@dataclass(frozen=True)
class OwnSection:
    """A section of the draft's own, placed after the section of clause `after`
    ("" puts it last). `text` uses the clause files' list syntax ("- ", "  - ")."""

    key: str
    heading: str
    text: str
    after: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"key": self.key, "heading": self.heading, "text": self.text, "after": self.after}


@dataclass(frozen=True)
class Words:
    edits: tuple[Edit, ...] = ()
    sections: tuple[OwnSection, ...] = ()
    headings: tuple[tuple[str, str], ...] = ()
    order: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.edits or self.sections or self.headings or self.order)

    def as_dict(self) -> dict[str, Any]:
        """The spec keys these words occupy (only those in use)."""
        data: dict[str, Any] = {}
        if self.edits:
            data["edits"] = [edit.as_dict() for edit in self.edits]
        if self.sections:
            data["sections"] = [section.as_dict() for section in self.sections]
        if self.headings:
            data["headings"] = dict(self.headings)
        if self.order:
            data["order"] = list(self.order)
        return data

    def edits_of(self, clause: str) -> list[Edit]:
        return [edit for edit in self.edits if edit.clause == clause]

    def edited_clauses(self) -> list[str]:
        return list(dict.fromkeys(edit.clause for edit in self.edits))


def has_markup(text: str) -> bool:
    """Whether text holds template syntax or a tag (refused in the draft's own words)."""
    return bool(_MARKUP.search(text))


def own_text_problem(value: Any, label: str, limit: int, *, required: bool = True) -> str | None:
    """Why `value` cannot be text of the drafter's own, or None."""
    if not isinstance(value, str):
        return f"{label} must be text."
    if _FORBIDDEN.search(value):
        return f"{label} contains a control character that a document cannot hold."
    if required and not value.strip():
        return f"{label} is required."
    if len(value) > limit:
        return f"{label} is {len(value)} characters long; at most {limit}."
    return None


def _slug_problem(value: Any, label: str) -> str | None:
    if not isinstance(value, str) or not _SLUG.match(value):
        return f"{label} must be a slug: lower-case letters, digits and hyphens."
    return None


def _parse_edits(raw: Any, problems: dict[str, str]) -> list[Edit]:
    if not isinstance(raw, list):
        problems["edits"] = "Edits must be a list of {clause, find, replace}."
        return []
    if len(raw) > MAX_EDITS:
        problems["edits"] = f"At most {MAX_EDITS} edits; this spec has {len(raw)}."
        return []
    edits = []
    for index, item in enumerate(raw):
        where = f"edits[{index}]"
        if not isinstance(item, dict) or set(item) - {"clause", "find", "replace"}:
            problems[where] = "An edit is an object with clause, find and replace."
            continue
        found = {
            "clause": _slug_problem(item.get("clause"), "Clause"),
            "find": own_text_problem(item.get("find"), "Find", MAX_FIND),
            "replace": own_text_problem(
                item.get("replace", ""), "Replace", MAX_TEXT, required=False
            ),
        }
        if not found["replace"] and _MARKUP.search(item.get("replace", "")):
            found["replace"] = MARKUP_PROBLEM
        for name, problem in found.items():
            if problem:
                problems[f"{where}.{name}"] = problem
        if not any(found.values()):
            edits.append(Edit(item["clause"], item["find"], item.get("replace", "")))
    return edits


def _parse_sections(raw: Any, problems: dict[str, str]) -> list[OwnSection]:
    if not isinstance(raw, list):
        problems["sections"] = "Sections must be a list of {key, heading, text, after}."
        return []
    if len(raw) > MAX_SECTIONS:
        problems["sections"] = f"At most {MAX_SECTIONS} sections of your own; this has {len(raw)}."
        return []
    sections, keys = [], set()
    for index, item in enumerate(raw):
        where = f"sections[{index}]"
        if not isinstance(item, dict) or set(item) - {"key", "heading", "text", "after"}:
            problems[where] = "A section is an object with key, heading, text and after."
            continue
        after = item.get("after") or ""
        found = {
            "key": _slug_problem(item.get("key"), "Key"),
            "heading": own_text_problem(item.get("heading"), "Heading", MAX_HEADING),
            "text": own_text_problem(item.get("text"), "Text", MAX_TEXT),
            "after": _slug_problem(after, "After") if after else None,
        }
        for name in ("heading", "text"):
            if not found[name] and _MARKUP.search(item[name]):
                found[name] = MARKUP_PROBLEM
        if not found["key"] and item["key"] in keys:
            found["key"] = f"Two sections have the key {item['key']!r}."
        for name, problem in found.items():
            if problem:
                problems[f"{where}.{name}"] = problem
        if not any(found.values()):
            keys.add(item["key"])
            heading = " ".join(item["heading"].split())
            text = item["text"].replace("\r\n", "\n").replace("\r", "\n").strip()
            sections.append(OwnSection(item["key"], heading, text, after))
    return sections


def _parse_headings(raw: Any, problems: dict[str, str]) -> list[tuple[str, str]]:
    if not isinstance(raw, dict) or len(raw) > MAX_SECTIONS * 4:
        problems["headings"] = "Headings must map section keys to new headings."
        return []
    headings = []
    for key, heading in raw.items():
        problem = _slug_problem(key, "Section") or own_text_problem(heading, "Heading", MAX_HEADING)
        if not problem and _MARKUP.search(heading):
            problem = MARKUP_PROBLEM
        if problem:
            problems[f"headings.{key}"] = problem
        else:
            headings.append((key, " ".join(heading.split())))
    return sorted(headings)


def _parse_order(raw: Any, problems: dict[str, str]) -> list[str]:
    if (
        not isinstance(raw, list)
        or len(raw) > MAX_SECTIONS * 4
        or not all(isinstance(k, str) and _SLUG.match(k) for k in raw)
        or len(set(raw)) != len(raw)
    ):
        problems["order"] = "Order must be a list of distinct section keys."
        return []
    return list(raw)


def parse_words(data: dict[str, Any]) -> tuple[Words, dict[str, str]]:
    """The words a spec's JSON carries, and every problem with their shape."""
    problems: dict[str, str] = {}
    words = Words(
        edits=tuple(_parse_edits(data.get("edits") or [], problems)),
        sections=tuple(_parse_sections(data.get("sections") or [], problems)),
        headings=tuple(_parse_headings(data.get("headings") or {}, problems)),
        order=tuple(_parse_order(data.get("order") or [], problems)),
    )
    return words, problems
