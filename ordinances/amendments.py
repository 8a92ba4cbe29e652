"""Amending existing law: reading the current chapter, the gap analysis, the amending
ordinance of a spec or a revision, and a target spec made into decisions.

The pure work is in `drafting.amend`; this module only fetches the clause texts
(through `ordinances.documents`, the one way to a spec's clauses) and applies the
check page's limits to what is uploaded or pasted.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from drafting.amend.existing import (
    MAX_EXISTING_CHARS,
    Addition,
    Decision,
    Existing,
    existing_document,
    splits_into_sections,
)
from drafting.amend.gap import GapAnalysis, analyse_gaps, comparison_model, target_plan
from drafting.amend.ordinance import AmendingOrdinance, amending_ordinance
from drafting.budget import time_budget
from drafting.document import Document
from drafting.lint import Scorecard, scorecard
from drafting.parse import MAX_UPLOAD_BYTES, UploadError, parse_docx
from drafting.parse.text import UNWRITABLE
from drafting.render.text import document_text
from drafting.spec import DraftSpec, SpecError
from ordinances.documents import clauses_for, clauses_for_spec, document_for_spec
from ordinances.models import Revision
from organisations.models import Organisation

# The check page's CPU budget for one chapter (parse, lint analysis, scorecards).
AMEND_CPU_SECONDS = 10.0


class ExistingLawError(ValueError):
    """The current law cannot be read; the message says why and what to do."""


def read_existing(*, text: str = "", upload=None) -> str:
    """The current law's text from pasted text or an uploaded .docx or .txt, within the
    check page's limits (5 MB upload, 200,000 characters). Raises ExistingLawError."""
    if upload is not None:
        if upload.size > MAX_UPLOAD_BYTES:
            raise ExistingLawError(
                f"The file is {upload.size / 1048576:.1f} MB; the limit is "
                f"{MAX_UPLOAD_BYTES // 1048576} MB. Upload a smaller file, or paste the chapter."
            )
        data = upload.read(MAX_UPLOAD_BYTES + 1)
        if data[:2] == b"PK" or data[:4] == b"\xd0\xcf\x11\xe0":
            try:
                text = document_text(parse_docx(data))
            except UploadError as exc:
                raise ExistingLawError(str(exc)) from None
        else:
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise ExistingLawError(
                    "The file is neither a Word document (.docx) nor UTF-8 text. Save it as "
                    ".docx or plain text, or paste the chapter."
                ) from None
    # What no document can carry (a form feed copied from a PDF, say) is dropped, as
    # the check page's parser drops it; the spec refuses it otherwise.
    text = UNWRITABLE.sub("", text.replace("\r\n", "\n").replace("\f", "\n")).strip()
    if not text:
        raise ExistingLawError("Paste the current chapter or upload it (.docx or .txt).")
    if len(text) > MAX_EXISTING_CHARS:
        raise ExistingLawError(
            f"The chapter is {len(text):,} characters long; at most {MAX_EXISTING_CHARS:,} "
            "can be read at once (the check page's limit). Paste the sections this amendment "
            "touches, or split the chapter."
        )
    return text


@dataclass(frozen=True)
class Reading:
    """The current law as read: its document, and whether it split into sections."""

    document: Document
    sections: bool


def reading(existing: Existing) -> Reading:
    document = existing_document(existing.text, one_section=existing.one_section)
    return Reading(document, existing.one_section or splits_into_sections(document))


def gap_analysis(spec: DraftSpec, *, organisation: Organisation | None = None) -> GapAnalysis:
    """The existing law of `spec` against the model as the spec would assemble it."""
    assert spec.existing is not None
    clauses = clauses_for_spec(spec, organisation=organisation)
    with time_budget(AMEND_CPU_SECONDS):
        document = reading(spec.existing).document
        return analyse_gaps(document, comparison_model(clauses, spec), clauses)


def scorecard_after(spec: DraftSpec, *, organisation: Organisation | None = None) -> Scorecard:
    """The protectiveness scorecard of the chapter as amended."""
    return scorecard(document_for_spec(spec, organisation=organisation))


def amendment_for_spec(
    spec: DraftSpec, *, organisation: Organisation | None = None, code_name: str = ""
) -> AmendingOrdinance:
    clauses = clauses_for_spec(spec, organisation=organisation)
    return amending_ordinance(clauses, spec, code_name=code_name)


def amendment_for(revision: Revision) -> AmendingOrdinance:
    """The amending ordinance of a saved revision (its spec amends existing law)."""
    spec = revision.draft_spec()
    if spec.existing is None:
        raise SpecError({"existing": "This draft does not amend existing law."})
    return amending_ordinance(clauses_for(revision), spec)


def spec_from_target(target: DraftSpec, *, organisation: Organisation | None = None) -> DraftSpec:
    """`manage.py amend`: the target's model sections made into decisions on the
    existing law. A target section that corresponds to an existing section amends
    it; the others are added; existing sections are kept unless the target's own
    `existing.decisions` say otherwise (those always win)."""
    existing = target.existing
    assert existing is not None
    clauses = clauses_for_spec(target, organisation=organisation)
    model = comparison_model(clauses, target)
    with time_budget(AMEND_CPU_SECONDS):
        analysis = analyse_gaps(reading(existing).document, model, clauses)
    decided = [d.section for d in existing.decisions]
    replacements, additions = target_plan(analysis, model, clauses, decided=decided)
    decisions = list(existing.decisions)
    decisions += [Decision(ref, "replace", clause=clause) for ref, clause in replacements]
    placed = {a.clause for a in existing.added}
    added = list(existing.added)
    added += [Addition(clause, after) for clause, after in additions if clause not in placed]
    return replace(
        target, existing=replace(existing, decisions=tuple(decisions), added=tuple(added))
    )
