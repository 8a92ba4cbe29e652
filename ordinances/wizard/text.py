"""The Text step: the drafter's own words over the library text.

The drafter opens a clause, edits its assembled text in a plain textarea and
saves; the change becomes the smallest unique find/replace pairs against the
library text (`drafting.edit_merge.derive_edits`), so the spec holds only the
difference. Undo drops a clause's edits; a section of one's own is a heading,
text and a position. Every action writes the working spec as any wizard answer
does, and only when the whole spec still parses (nothing half-way).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.text import slugify

from drafting.document import Document
from drafting.edit_merge import derive_edits
from drafting.edits import EditConflict, clause_text, normalise_text
from drafting.spec import SpecError, parse_spec
from drafting.words import MARKUP_PROBLEM, MAX_HEADING, MAX_TEXT, has_markup, own_text_problem


@dataclass(frozen=True)
class TextContext:
    """What the Text step works on: the library text and the draft's text."""

    library: Document | None
    document: Document | None
    conflicts: tuple[EditConflict, ...] = ()

    def sections(self) -> list[tuple[str, str]]:
        """(key, title) of each section, for "place after"."""
        if self.document is None:
            return []
        return [(s.clause, s.title) for s in self.document.sections if s.clause]


def action_of(data: Mapping[str, Any]) -> str:
    """The in-step action a button named: "edit", "undo:<clause>", "add-section",
    "remove-section:<key>", or "" (Next, Back, the live preview)."""
    nav = str(data.get("nav") or "")
    return nav.removeprefix("stay:") if nav.startswith("stay:") else ""


class TextForm(forms.Form):
    clause = forms.CharField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        required=False,
        strip=False,
        max_length=MAX_TEXT,
        label="Clause text",
        widget=forms.Textarea(attrs={"rows": 14, "class": "form-control font-monospace"}),
    )
    heading = forms.CharField(required=False, max_length=MAX_HEADING, label="Heading")
    section_text = forms.CharField(
        required=False,
        strip=False,
        max_length=MAX_TEXT,
        label="Text",
        help_text="Paragraphs separated by a blank line; “- ” starts a lettered item, "
        "“  - ” a numbered one.",
        widget=forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
    )
    after = forms.CharField(required=False, label="Place it after")

    def __init__(self, data=None, *, spec: Mapping[str, Any], context: TextContext, **kwargs):
        super().__init__(data, **kwargs)
        self.spec, self.context = spec, context
        self.action = action_of(data or {})
        choices = [("", "At the end"), *self.context.sections()]
        self.fields["after"].widget = forms.Select(choices=choices, attrs={"class": "form-select"})

    # -- validation -------------------------------------------------------------

    def clean(self):
        data = super().clean()
        spec = {key: value for key, value in self.spec.items()}
        if self.action.startswith("undo:"):
            spec = _without_edits(spec, self.action[5:])
        elif self.action.startswith("remove-section:"):
            spec = _without_section(spec, self.action[15:])
        elif self.action == "add-section":
            spec = self._with_section(spec, data)
        elif data.get("clause") and self.data.get("text") is not None:
            spec = self._with_edit(spec, data)
        if not self.errors:
            try:
                parse_spec(spec)
            except SpecError as exc:
                for field, problem in exc.problems.items():
                    self.add_error(None, f"{field}: {problem}")
        data["spec"] = spec
        return data

    def _with_edit(self, spec: dict, data: dict) -> dict:
        clause = data["clause"]
        library = self.context.library
        old = clause_text(library, clause) if library is not None else None
        if old is None:
            self.add_error("clause", f"The draft does not include clause “{clause}”.")
            return spec
        typed = data.get("text") or ""
        problem = own_text_problem(typed, "The clause text", MAX_TEXT, required=False)
        if problem is None and has_markup(typed) and not has_markup(old):
            problem = MARKUP_PROBLEM
        if problem:
            self.add_error("text", problem)
            return spec
        edits = [e.as_dict() for e in derive_edits(clause, old, normalise_text(typed))]
        return {**_without_edits(spec, clause), "edits": _edits(spec, clause) + edits}

    def _with_section(self, spec: dict, data: dict) -> dict:
        heading, text = data.get("heading") or "", data.get("section_text") or ""
        for name, value, label, limit in (
            ("heading", heading, "Heading", MAX_HEADING),
            ("section_text", text, "Text", MAX_TEXT),
        ):
            problem = own_text_problem(value, label, limit)
            if problem is None and has_markup(value):
                problem = MARKUP_PROBLEM
            if problem:
                self.add_error(name, problem)
        if self.errors:
            return spec
        sections = list(spec.get("sections") or [])
        key = self._new_key(heading, sections)
        text = text.replace("\r\n", "\n").strip()
        sections.append({"key": key, "heading": heading, "text": text, "after": data["after"]})
        return {**spec, "sections": sections}

    def _new_key(self, heading: str, sections: list[dict]) -> str:
        taken = {s["key"] for s in sections} | {key for key, _t in self.context.sections()}
        if self.context.library is not None:
            taken |= set(self.context.library.clause_versions)
        base = (slugify(heading)[:50].strip("-") or "section").lower()
        key, number = base, 1
        while key in taken:
            number += 1
            key = f"{base}-{number}"
        return key


def _edits(spec: Mapping[str, Any], but: str) -> list[dict]:
    return [e for e in spec.get("edits") or [] if e.get("clause") != but]


def _without_edits(spec: Mapping[str, Any], clause: str) -> dict:
    out = dict(spec)
    edits = _edits(spec, clause)
    if edits:
        out["edits"] = edits
    else:
        out.pop("edits", None)
    return out


def _without_section(spec: Mapping[str, Any], key: str) -> dict:
    out = dict(spec)
    sections = [s for s in spec.get("sections") or [] if s.get("key") != key]
    if sections:
        out["sections"] = sections
    else:
        out.pop("sections", None)
    return out


def edited_clauses(spec: Mapping[str, Any]) -> set[str]:
    """Clauses with edits, and sections of the draft's own (for "edited locally")."""
    return {e.get("clause") for e in spec.get("edits") or []} | {
        s.get("key") for s in spec.get("sections") or []
    }
