"""The wizard's steps: each knows its form, how to write its answers, and when it is done.

The flow (`ordinances.wizard.flow.Flow`) holds the draft, the workspace and the
library texts; a step asks it for what it needs, and the view only dispatches
(pretalx's `cfp/flow` is the model).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django import forms

from clauses.state_law import federal_context
from drafting.assembly import locality_needs, resolve_options
from drafting.library import ClauseText
from drafting.spec import SpecError
from ordinances.wizard.forms import LocalityForm, TopicForm, included
from ordinances.wizard.text import TextForm

if TYPE_CHECKING:
    from ordinances.wizard.flow import Flow


class Step:
    """One page of the wizard."""

    slug: str = ""
    title: str = ""
    intro: str = ""
    topic: str | None = None

    def is_applicable(self, flow: Flow) -> bool:
        return True

    def clauses(self, clauses: Sequence[ClauseText]) -> list[ClauseText]:
        """The clauses this step asks about (highlighted in the preview)."""
        return []

    def form(self, flow: Flow, data: Any = None) -> forms.Form | None:
        return None

    def apply(self, flow: Flow, form: forms.Form) -> dict:
        """The working spec with the step's valid answers written in."""
        return dict(flow.spec)

    def done(self, flow: Flow) -> bool:
        """Nothing of this step still needs correcting."""
        return self.slug not in flow.unsaved

    def return_query(self, data: Any) -> str:
        """The query an in-step action ("stay:...") returns to the step with."""
        return ""


class TopicStep(Step):
    """The questions of one topic of the library."""

    def __init__(self, slug: str, title: str, topic: str, intro: str):
        self.slug, self.title, self.topic, self.intro = slug, title, topic, intro

    def clauses(self, clauses: Sequence[ClauseText]) -> list[ClauseText]:
        return [c for c in clauses if c.topic == self.topic]

    def form(self, flow: Flow, data: Any = None) -> forms.Form | None:
        return TopicForm(
            data,
            topic_clauses=self.clauses(flow.clauses),
            clauses=flow.clauses,
            spec=flow.spec,
            federal=federal_context,
            prefix=None,
        )

    def apply(self, flow: Flow, form: forms.Form) -> dict:
        return form.answers_into(flow.spec, flow.clauses)


class LocalityStep(TopicStep):
    """Who enacts it, and the locality-topic clauses (title, purpose, findings)."""

    def form(self, flow: Flow, data: Any = None) -> forms.Form | None:
        return LocalityForm(
            data,
            topic_clauses=self.clauses(flow.clauses),
            clauses=flow.clauses,
            spec=flow.spec,
            federal=federal_context,
            needed=needed_locality(flow.spec, flow.clauses),
            prefix=None,
        )


class TextStep(Step):
    """The drafter's own words: edit any included clause, add sections of one's own."""

    slug, title = "text", "Text"
    intro = (
        "Change the words of any clause, or add a section of your own. Your edits stay "
        "on top of the library text and are kept through option changes and upgrades."
    )

    def form(self, flow: Flow, data: Any = None) -> forms.Form | None:
        return TextForm(data, spec=flow.spec, context=flow.text_context())

    def apply(self, flow: Flow, form: forms.Form) -> dict:
        return form.cleaned_data["spec"]

    def return_query(self, data: Any) -> str:
        """Where an in-step action returns: the clause it was about stays open."""
        clause = (data or {}).get("clause") or ""
        return f"?clause={clause}#text-editor" if clause else ""


class ReviewStep(Step):
    slug, title, intro = "review", "Review and save", "Check the draft, then save a revision."

    def done(self, flow: Flow) -> bool:
        return not flow.unsaved


def needed_locality(spec: Mapping[str, Any], clauses: Sequence[ClauseText]) -> set[str]:
    """Locality fields the working spec's clauses name (so the form marks them required)."""
    chosen = included(spec, clauses)
    try:
        values = resolve_options(clauses, dict(spec.get("options") or {}))
    except SpecError:
        return set()
    return set(locality_needs([c for c in clauses if c.slug in chosen], clauses, values))


STEPS: tuple[Step, ...] = (
    LocalityStep(
        "locality", "Locality", "locality", "Who is enacting this ordinance, and its title."
    ),
    TopicStep(
        "detainers",
        "Detainers and warrants",
        "detainers",
        "Whether and when the locality honours ICE holds and requests.",
    ),
    TopicStep(
        "jail",
        "Jail access and contracts",
        "jail",
        "Access to jails and facilities, detention contracts, rights at booking.",
    ),
    TopicStep(
        "information",
        "Information and privacy",
        "information",
        "What staff may ask, keep and share. This is where 8 U.S.C. § 1373 matters.",
    ),
    TopicStep(
        "policing",
        "Policing and prosecution",
        "policing",
        "Joint operations, profiling, prosecutorial discretion, equal treatment.",
    ),
    TopicStep(
        "victims",
        "Victims and services",
        "victims",
        "U visa certifications, language access, legal representation.",
    ),
    TopicStep(
        "reporting",
        "Reporting and oversight",
        "reporting",
        "Public reports, the commission, complaints, severability and effective date.",
    ),
    TextStep(),
    ReviewStep(),
)
STEP_SLUGS = [step.slug for step in STEPS]


def step_by_slug(slug: str) -> Step | None:
    return next((s for s in STEPS if s.slug == slug), None)


def neighbours(slug: str) -> tuple[str | None, str | None]:
    index = STEP_SLUGS.index(slug)
    previous = STEP_SLUGS[index - 1] if index > 0 else None
    following = STEP_SLUGS[index + 1] if index + 1 < len(STEP_SLUGS) else None
    return previous, following
