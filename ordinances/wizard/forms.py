"""The wizard's forms, built from the library's options.

Everything a library editor wrote (titles, labels, guidance, choice text) is
shown as text: it is escaped, and never passed to anything that renders its
string as a template (crispy-forms' `Fieldset` legend and `HTML` do, so the
layout uses `TextFieldset` and `TextNote` instead).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from functools import cached_property
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from django import forms
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html

from drafting.federal_context import FederalContext
from drafting.library import ClauseText, Option, included_slugs
from drafting.spec import (
    INSTRUMENTS,
    LOCALITY_FIELDS,
    LOCALITY_TYPES,
    MAX_FIELD_LENGTH,
    NUMBERING_STYLES,
    REQUIRED_LOCALITY,
    clean_text,
)
from ordinances.wizard.federal_notes import FederalNotes

LOCALITY_HELP = {
    "name": "As it should read in the text, e.g. “the City of Springfield” or “Cook County”.",
    "type": "City, county, town, village, borough or parish.",
    "legislative_body": "E.g. “City Council” or “Board of Supervisors”.",
    "chief_law_enforcement_officer": "E.g. “Chief of Police” or “Sheriff”; reviews ICE requests.",
    "complaint_body": "Receives profiling complaints, e.g. “Human Relations Commission”.",
    "commission_coordinator": "Coordinates the Justice and Equity Commission.",
    "reporting_officer": "Publishes the public reports, if you choose a named officer.",
    "effective_date": "Only needed if the ordinance takes effect on a set date.",
    "ordinance_number": "Leave blank until the clerk assigns one.",
}


class TextFieldset(Fieldset):
    """A fieldset whose legend is text: escaped, never rendered as a template."""

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        fields = self.get_rendered_fields(form, context, template_pack, **kwargs)
        legend = conditional_escape(str(self.legend)) if self.legend else ""
        template = self.get_template_name(template_pack)
        return render_to_string(template, {"fieldset": self, "legend": legend, "fields": fields})


class TextNote(LayoutObject):
    """A short paragraph of text in a form layout, escaped (crispy's `HTML` is a template)."""

    def __init__(self, text: str, css_class: str = "small text-body-secondary"):
        self.text, self.css_class = text, css_class

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        return format_html('<p class="{}">{}</p>', self.css_class, self.text)


def _guidance(option: Option) -> str:
    return format_html(
        '{}<span class="option-source d-block">Source: {}</span>',
        option.guidance,
        option.source or "—",
    )


def _choice_label(option: Option, value: str) -> str:
    choice = option.choice(value)
    if choice is None:
        return value
    if choice.guidance:
        return format_html(
            "{} <span class='text-body-secondary'>— {}</span>", choice.label, choice.guidance
        )
    return choice.label


def option_field(option: Option) -> forms.Field:
    common = {"label": option.label, "help_text": _guidance(option), "required": False}
    if option.type == "number":
        return forms.IntegerField(min_value=option.min, max_value=option.max, **common)
    choices = [(c.value, _choice_label(option, c.value)) for c in option.choices]
    if option.type == "multi":
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)


def included(spec: Mapping[str, Any], clauses: Sequence[ClauseText]) -> set[str]:
    """The clauses a working spec includes (the library's rule)."""
    return included_slugs(clauses, spec.get("clauses"))


class TopicForm(forms.Form):
    """The questions of one topic: which clauses to include, and each clause's options.

    The layout (`helper`) is built when a page renders the form, not for the live
    preview, which only validates it; `federal` may be a function that returns
    the federal context, called then.
    """

    def __init__(
        self,
        *args,
        topic_clauses: Sequence[ClauseText],
        clauses: Sequence[ClauseText],
        spec: Mapping[str, Any],
        federal: FederalContext | Callable[[], FederalContext] | None = None,
        **kwargs,
    ):
        self.topic_clauses = list(topic_clauses)
        super().__init__(*args, **kwargs)
        self._federal = federal
        self._titles = {c.slug: c.title for c in clauses}
        chosen = included(spec, clauses)
        options = spec.get("options") or {}
        for clause in self.topic_clauses:
            if clause.kind != "title":
                name = f"include__{clause.slug}"
                hint = "In the CPD model" if clause.model else "Optional addition"
                self.fields[name] = forms.BooleanField(
                    required=False,
                    label=f"Include: {clause.title}",
                    help_text=format_html("{}. Source: {}", hint, clause.source),
                )
                self.initial[name] = clause.slug in chosen
            for option in clause.options:
                self.fields[option.key] = option_field(option)
                self.initial[option.key] = options.get(option.key, option.default)

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        helper.layout = Layout(*self._layout())
        return helper

    def _layout(self) -> list[Any]:
        federal = self._federal() if callable(self._federal) else self._federal
        layout = []
        for clause in self.topic_clauses:
            members: list[Any] = []
            if clause.kind == "subsection" and clause.parent:
                parent = self._titles.get(clause.parent, clause.parent)
                members.append(TextNote(f"An item of the section “{parent}”."))
            if clause.kind != "title":
                members.append(Div(f"include__{clause.slug}", data_clause=clause.slug))
            if federal is not None and federal.for_clause(clause.slug):
                members.append(FederalNotes(clause.slug, federal.for_clause(clause.slug)))
            for option in clause.options:
                attrs = {"data_clause": clause.slug}
                for key, value in option.applies_when.items():
                    attrs.update(data_applies_key=key, data_applies_value=value)
                members.append(Div(option.key, **attrs))
            layout.append(TextFieldset(clause.title, *members, css_class="mb-4 clause-group"))
        return layout

    def option_for(self, key: str) -> Option | None:
        for clause in self.topic_clauses:
            option = clause.option(key)
            if option:
                return option
        return None

    def answers_into(self, spec: Mapping[str, Any], clauses: Sequence[ClauseText]) -> dict:
        """The spec with this form's cleaned answers written in (a new dict)."""
        spec = {key: value for key, value in spec.items()}
        chosen = included(spec, clauses)
        options = dict(spec.get("options") or {})
        for name, value in self.cleaned_data.items():
            if name.startswith("include__"):
                slug = name.removeprefix("include__")
                (chosen.add if value else chosen.discard)(slug)
            elif name in self.fields and value not in (None, ""):
                option = self.option_for(name)
                if option is not None:
                    options[name] = list(value) if option.type == "multi" else value
        spec["options"] = options
        spec["clauses"] = [c.slug for c in clauses if c.slug in chosen]
        return spec


class LocalityForm(TopicForm):
    """The locality step: who enacts it, plus the locality-topic clauses (title, purpose...).

    A field is marked required when every draft needs it or when a clause the
    draft includes names it (`needed`), so the clerk sees it before the check does.
    """

    numbering = forms.ChoiceField(
        label="Numbering style",
        choices=[("cpd", "CPD model: I), A., 1)"), ("section", "Section 1., (a), (1)")],
        widget=forms.RadioSelect,
        help_text="How sections and subsections are numbered and referred to.",
    )

    def __init__(self, *args, spec: Mapping[str, Any], needed: Collection[str] = (), **kwargs):
        super().__init__(*args, spec=spec, **kwargs)
        locality = spec.get("locality") or {}
        fields: dict[str, forms.Field] = {}
        self.needed = set(needed)
        for key, label in LOCALITY_FIELDS.items():
            if key == "type":
                fields[key] = forms.ChoiceField(
                    label=label, choices=[(t, t.title()) for t in LOCALITY_TYPES]
                )
            elif key == "instrument":
                fields[key] = forms.ChoiceField(
                    label=label, choices=list(INSTRUMENTS.items()), required=False
                )
            else:
                fields[key] = forms.CharField(
                    label=label,
                    max_length=MAX_FIELD_LENGTH,
                    required=key in REQUIRED_LOCALITY or key in self.needed,
                )
            fields[key].help_text = LOCALITY_HELP.get(key, "")
            self.initial[key] = locality.get(key, "")
        fields["languages"] = forms.CharField(
            label="Languages",
            required=False,
            help_text="Languages commonly spoken in the locality, separated by commas.",
        )
        self.initial["languages"] = ", ".join(locality.get("languages") or [])
        self.fields = {**fields, "numbering": self.fields.pop("numbering"), **self.fields}
        self.initial["numbering"] = spec.get("numbering", "cpd")
        self._locality_fields = list(fields)

    def _layout(self) -> list[Any]:
        locality = Fieldset("The locality", *self._locality_fields, "numbering", css_class="mb-4")
        return [locality, *super()._layout()]

    def clean(self):
        cleaned = super().clean()
        for key, label in LOCALITY_FIELDS.items():
            if key in cleaned:
                required = key in REQUIRED_LOCALITY or key in self.needed
                value, problem = clean_text(cleaned[key], label, required=required)
                if problem:
                    self.add_error(key, problem)
                else:
                    cleaned[key] = value
        languages = [part.strip() for part in (cleaned.get("languages") or "").split(",")]
        for language in languages:
            _, problem = clean_text(language, "Language")
            if problem:
                self.add_error("languages", problem)
                break
        cleaned["languages"] = [language for language in languages if language]
        if cleaned.get("numbering") not in NUMBERING_STYLES:
            self.add_error("numbering", "Choose a numbering style.")
        return cleaned

    def answers_into(self, spec: Mapping[str, Any], clauses: Sequence[ClauseText]) -> dict:
        spec = dict(spec)
        locality = {key: self.cleaned_data.get(key, "") for key in LOCALITY_FIELDS}
        locality["languages"] = self.cleaned_data.get("languages", [])
        spec["locality"] = locality
        spec["numbering"] = self.cleaned_data.get("numbering", "cpd")
        return super().answers_into(spec, clauses)
