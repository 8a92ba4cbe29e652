"""The drafting wizard: one step per topic, each a form built from the library's options.

A step knows its topic, which clauses it covers, how to build its form from the
working spec, and how to write the cleaned input back into the spec. The view
is a dispatcher over these steps (see views.wizard).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms
from django.utils.html import format_html

from drafting.library import ClauseText, Option
from drafting.spec import (
    LOCALITY_FIELDS,
    LOCALITY_TYPES,
    MAX_FIELD_LENGTH,
    NUMBERING_STYLES,
    REQUIRED_LOCALITY,
    clean_text,
)


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    topic: str | None
    intro: str


STEPS: tuple[Step, ...] = (
    Step("locality", "Locality", "locality", "Who is enacting this ordinance, and its title."),
    Step(
        "detainers",
        "Detainers and warrants",
        "detainers",
        "Whether and when the locality honours ICE holds and requests.",
    ),
    Step(
        "jail",
        "Jail access and contracts",
        "jail",
        "Access to jails and facilities, detention contracts, rights at booking.",
    ),
    Step(
        "information",
        "Information and privacy",
        "information",
        "What staff may ask, keep and share. This is where 8 U.S.C. § 1373 matters.",
    ),
    Step(
        "policing",
        "Policing and prosecution",
        "policing",
        "Joint operations, profiling, prosecutorial discretion, equal treatment.",
    ),
    Step(
        "victims",
        "Victims and services",
        "victims",
        "U visa certifications, language access, legal representation.",
    ),
    Step(
        "reporting",
        "Reporting and oversight",
        "reporting",
        "Public reports, the commission, complaints, severability and effective date.",
    ),
    Step("review", "Review and save", None, "Check the draft, then save a revision."),
)
STEP_SLUGS = [step.slug for step in STEPS]
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


def step_by_slug(slug: str) -> Step | None:
    return next((s for s in STEPS if s.slug == slug), None)


def neighbours(slug: str) -> tuple[str | None, str | None]:
    index = STEP_SLUGS.index(slug)
    previous = STEP_SLUGS[index - 1] if index > 0 else None
    following = STEP_SLUGS[index + 1] if index + 1 < len(STEP_SLUGS) else None
    return previous, following


def included_slugs(spec: dict, clauses: Sequence[ClauseText]) -> set[str]:
    chosen = spec.get("clauses")
    if chosen is None:
        return {c.slug for c in clauses if c.model or c.kind == "title"}
    return set(chosen)


def step_clauses(step: Step, clauses: Sequence[ClauseText]) -> list[ClauseText]:
    return [c for c in clauses if c.topic == step.topic]


def clause_for_field(name: str, clauses: Sequence[ClauseText]) -> str:
    """Which clause a wizard field affects (for the preview's highlight)."""
    if name.startswith("include__"):
        return name.removeprefix("include__")
    if name in LOCALITY_FIELDS or name == "languages":
        return ""
    for clause in clauses:
        if clause.option(name):
            return clause.slug
    return ""


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


class TopicForm(forms.Form):
    """The questions of one topic: which clauses to include, and each clause's options."""

    def __init__(self, *args, step: Step, clauses: Sequence[ClauseText], spec: dict, **kwargs):
        self.step = step
        self.topic_clauses = step_clauses(step, clauses)
        super().__init__(*args, **kwargs)
        included = included_slugs(spec, clauses)
        options = spec.get("options") or {}
        layout = []
        for clause in self.topic_clauses:
            members = []
            if clause.kind != "title":
                name = f"include__{clause.slug}"
                hint = "In the CPD model" if clause.model else "Optional addition"
                self.fields[name] = forms.BooleanField(
                    required=False,
                    label=f"Include: {clause.title}",
                    help_text=format_html("{}. Source: {}", hint, clause.source),
                )
                self.initial[name] = clause.slug in included
                members.append(Div(name, data_clause=clause.slug))
            for option in clause.options:
                self.fields[option.key] = option_field(option)
                self.initial[option.key] = options.get(option.key, option.default)
                attrs = {"data_clause": clause.slug}
                for key, value in option.applies_when.items():
                    attrs.update(data_applies_key=key, data_applies_value=value)
                members.append(Div(option.key, **attrs))
            if clause.kind == "subsection" and clause.parent:
                members.insert(
                    0,
                    HTML(
                        format_html(
                            '<p class="small text-body-secondary">An item of the section “{}”.</p>',
                            next(
                                (c.title for c in clauses if c.slug == clause.parent), clause.parent
                            ),
                        )
                    ),
                )
            layout.append(Fieldset(clause.title, *members, css_class="mb-4 clause-group"))
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(*layout)

    def option_for(self, key: str) -> Option | None:
        for clause in self.topic_clauses:
            option = clause.option(key)
            if option:
                return option
        return None

    def apply(self, spec: dict, clauses: Sequence[ClauseText]) -> dict:
        """The spec with this step's cleaned answers written in (a new dict); any input
        kept unsaved for this step (see raw_answers) is done with."""
        spec = copy.deepcopy(spec)
        included = included_slugs(spec, clauses)
        options = dict(spec.get("options") or {})
        for name, value in self.cleaned_data.items():
            if name.startswith("include__"):
                slug = name.removeprefix("include__")
                (included.add if value else included.discard)(slug)
            elif value not in (None, ""):
                option = self.option_for(name)
                options[name] = list(value) if option and option.type == "multi" else value
        spec["options"] = options
        spec["clauses"] = [c.slug for c in clauses if c.slug in included]
        unsaved = dict(spec.get("_unsaved") or {})
        unsaved.pop(self.step.slug, None)
        spec["_unsaved"] = unsaved
        return spec


class LocalityForm(TopicForm):
    """The locality step: who enacts it, plus the locality-topic clauses (title, purpose...)."""

    numbering = forms.ChoiceField(
        label="Numbering style",
        choices=[("cpd", "CPD model: I), A., 1)"), ("section", "Section 1., (a), (1)")],
        widget=forms.RadioSelect,
        help_text="How sections and subsections are numbered and referred to.",
    )

    def __init__(self, *args, spec: dict, **kwargs):
        super().__init__(*args, spec=spec, **kwargs)
        locality = spec.get("locality") or {}
        fields = {}
        for key, label in LOCALITY_FIELDS.items():
            if key == "type":
                fields[key] = forms.ChoiceField(
                    label=label, choices=[(t, t.title()) for t in LOCALITY_TYPES]
                )
            else:
                fields[key] = forms.CharField(
                    label=label, max_length=MAX_FIELD_LENGTH, required=key in REQUIRED_LOCALITY
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
        self.helper.layout = Layout(
            Fieldset("The locality", *fields.keys(), "numbering", css_class="mb-4"),
            *self.helper.layout,
        )

    def clean(self):
        cleaned = super().clean()
        for key, label in LOCALITY_FIELDS.items():
            if key in cleaned:
                value, problem = clean_text(cleaned[key], label, required=key in REQUIRED_LOCALITY)
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

    def apply(self, spec: dict, clauses: Sequence[ClauseText]) -> dict:
        answers = {k: v for k, v in self.cleaned_data.items()}
        locality = {key: answers.pop(key, "") for key in LOCALITY_FIELDS}
        locality["languages"] = answers.pop("languages", [])
        spec = copy.deepcopy(spec)
        spec["locality"] = locality
        spec["numbering"] = answers.pop("numbering", "cpd")
        self.cleaned_data = answers
        return super().apply(spec, clauses)


def step_form(
    step: Step, clauses: Sequence[ClauseText], spec: dict, data: Any = None
) -> TopicForm | None:
    if step.topic is None:
        return None
    form_class = LocalityForm if step.slug == "locality" else TopicForm
    return form_class(data, step=step, clauses=clauses, spec=spec, prefix=None)


def raw_answers(form: TopicForm, spec: dict, clauses: Sequence[ClauseText]) -> dict:
    """Keep whatever was typed, even invalid, so Back never loses input.

    Invalid fields keep their previous value in the spec; the typed text is
    stored under "_unsaved" for that step and shown again when it reopens.
    """
    spec = copy.deepcopy(spec)
    unsaved = dict(spec.get("_unsaved") or {})
    unsaved[form.step.slug] = {
        name: form.data.getlist(name) if hasattr(form.data, "getlist") else form.data.get(name)
        for name in form.fields
    }
    spec["_unsaved"] = unsaved
    return spec
