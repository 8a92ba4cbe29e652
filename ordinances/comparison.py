"""What a comparison compares: a revision, a draft's latest revision, or the CPD model.

A side is named by a short reference, so compare URLs and the CLI read well:
"12.3" is revision 3 of draft 12, "12" is draft 12's latest revision, and
"model" is the CPD model with default options (with the other side's locality,
so the comparison shows choices, not place names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from common.errors import NotFound
from drafting.departures import Departure, departures
from drafting.diff import DocumentDiff, diff_documents
from drafting.document import Document
from drafting.edits import edit_problems
from drafting.library import ClauseText
from drafting.option_summary import SummaryLine, option_summary
from drafting.spec import DraftSpec, SpecError, parse_spec
from ordinances.documents import (
    assembled,
    clauses_for,
    clauses_for_spec,
    document_for,
    model_edition,
)
from ordinances.models import Draft, Revision
from organisations.models import Organisation

_REFERENCE = re.compile(r"^(?P<draft>\d+)(?:\.(?P<revision>\d+))?$")
MODEL = "model"


@dataclass(frozen=True)
class Side:
    reference: str
    label: str
    spec: DraftSpec
    clauses: list[ClauseText]
    document: Document
    revision: Revision | None = None


@dataclass(frozen=True)
class Comparison:
    old: Side
    new: Side
    diff: DocumentDiff
    summary: list[SummaryLine]

    def departures(self) -> list[Departure]:
        """Where the draft departs from the model, when one side is the model."""
        if self.old.reference == MODEL:
            return departures(self.new.clauses, self.new.spec)
        if self.new.reference == MODEL:
            return departures(self.old.clauses, self.old.spec)
        return []


def revision_by_reference(reference: str, organisation: Organisation | None) -> Revision:
    """The revision "12.3" or "12" names, within `organisation` (None: any office, for
    the command line). NotFound when there is none."""
    match = _REFERENCE.match(reference or "")
    if not match:
        raise NotFound("Not a draft or revision reference.")
    drafts = Draft.objects.all() if organisation is None else organisation.drafts.all()
    draft = drafts.filter(pk=int(match["draft"])).first()
    if draft is None:
        raise NotFound("No such draft.")
    if match["revision"]:
        revision = draft.revisions.filter(number=int(match["revision"])).first()
    else:
        revision = draft.latest_revision()
    if revision is None:
        raise NotFound("No such revision.")
    return revision


def revision_side(revision: Revision) -> Side:
    try:
        clauses, document = clauses_for(revision), document_for(revision)
    except SpecError as exc:
        raise NotFound(f"The revision's library edition cannot be used: {exc}") from None
    return Side(
        reference=f"{revision.draft_id}.{revision.number}",
        label=f"{revision.draft.title} r{revision.number}",
        spec=revision.draft_spec(),
        clauses=clauses,
        document=document,
        revision=revision,
    )


def spec_side(reference: str, label: str, spec: DraftSpec) -> Side:
    """A spec that is not saved (the command line's spec files); SpecError if it fails."""
    clauses = clauses_for_spec(spec)
    if spec.words:
        problems = edit_problems(assembled(clauses, spec.library_spec()), spec.words)
        if problems:
            raise SpecError(problems)
    return Side(reference, label, spec, clauses, assembled(clauses, spec))


def model_side(locality_of: DraftSpec) -> Side:
    """The CPD model on the newest library edition, with the other side's locality."""
    edition = model_edition()
    if edition is None:
        raise NotFound("No library edition is loaded.")
    slug, name = edition
    spec = parse_spec(
        {
            "edition": slug,
            "numbering": locality_of.numbering,
            "locality": locality_of.locality.as_dict(),
        }
    )
    try:
        return spec_side(MODEL, f"CPD model ({name})", spec)
    except SpecError as exc:
        # A draft that amends existing law may name fewer officers than the whole model
        # does: the model side reads "[Complaint body]" where the draft names none.
        filled = spec.locality.with_placeholders(exc.problems)
        if filled is None:
            raise
        return spec_side(MODEL, f"CPD model ({name})", replace(spec, locality=filled))


def compare(organisation: Organisation, old_reference: str, new_reference: str) -> Comparison:
    """Resolve both sides inside the organisation (404 otherwise) and diff them."""
    if old_reference == MODEL and new_reference == MODEL:
        raise NotFound("Compare the model with a draft.")
    new = (
        revision_side(revision_by_reference(new_reference, organisation))
        if new_reference != MODEL
        else None
    )
    old = (
        revision_side(revision_by_reference(old_reference, organisation))
        if old_reference != MODEL
        else None
    )
    old = old or model_side(new.spec)
    new = new or model_side(old.spec)
    summary = option_summary(old.clauses, old.spec, new.clauses, new.spec)
    return Comparison(old, new, diff_documents(old.document, new.document), summary)
