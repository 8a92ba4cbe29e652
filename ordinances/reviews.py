"""Reviewed Word files brought back to a draft (keyword-only; views and commands call these).

`review_import` reads the file (with the upload limits and refusals of every
upload), checks it belongs to this draft (the export's custom properties name
the draft, revision and office), maps each change onto its clause against the
revision it came from (`drafting.review`) and stores the result. `review_save`
takes the drafter's decisions and saves the accepted changes as the draft's own
edits in a new revision, through the wizard's save path: when someone saved a
newer revision meanwhile, the changes are merged onto it as any stale save is,
and a conflict is left for the drafter on the merge page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.db import transaction

from drafting.document import Document
from drafting.parse.review import ReviewedFile, read_reviewed
from drafting.render.docx import PROPERTY_DRAFT, PROPERTY_OFFICE, PROPERTY_REVISION
from drafting.review import ProposedChange, Review, accept, review
from drafting.spec import DraftSpec, parse_spec
from ordinances import audit, comments, services
from ordinances.documents import document_for, library_document
from ordinances.models import Draft, ReviewImport, Revision

ACCEPT, REJECT = "accept", "reject"


class ReviewRefused(ValueError):
    """The file cannot be brought back to this draft; the message says why."""


@dataclass(frozen=True)
class Saved:
    """What saving the decisions did: a new revision, or a merge left to settle."""

    revision: Revision | None
    merge_needed: bool = False
    accepted: int = 0
    threads: int = 0  # Word comments kept as comment threads


def base_revision(draft: Draft, reviewed: ReviewedFile) -> tuple[Revision, str]:
    """The revision the file was exported from, and how that is known ("keys" or
    "text"); ReviewRefused when the file names another draft or office."""
    properties = reviewed.properties
    draft_key, office_key = properties.get(PROPERTY_DRAFT), properties.get(PROPERTY_OFFICE)
    if office_key and office_key != str(draft.organisation_id):
        raise ReviewRefused(
            "This file was exported by another office, not from this draft; bring it back "
            "to that office's draft."
        )
    if draft_key and draft_key != str(draft.pk):
        other = Draft.objects.filter(pk=draft_key, organisation=draft.organisation).first()
        named = f" (“{other.title}”)" if other else ""
        raise ReviewRefused(
            f"This file was exported from another draft{named}, not from “{draft.title}”; "
            "bring it back to that draft."
        )
    number = properties.get(PROPERTY_REVISION, "")
    if draft_key and number:
        revision = draft.revisions.filter(number=int(number) if number.isdigit() else -1).first()
        if revision is None:
            raise ReviewRefused(f"This draft has no revision {number}, which the file names.")
        return revision, "keys"
    latest = draft.latest_revision()
    if latest is None:
        raise ReviewRefused("Save a first revision; a reviewed file is compared with it.")
    return latest, "text"


def review_import(*, draft: Draft, data: bytes, file_name: str, user) -> ReviewImport:
    """Read, check and map a reviewed file; store its proposed changes.

    Raises UploadError (a hostile or damaged file) or ReviewRefused (another
    draft's or office's file)."""
    reviewed = read_reviewed(data)
    base, matched_by = base_revision(draft, reviewed)
    result = review(document_for(base), reviewed)
    with transaction.atomic():
        imported = ReviewImport.objects.create(
            draft=draft,
            base=base,
            file_name=file_name[:255],
            matched_by=matched_by,
            uploaded_by=user,
            changes=result.as_dict(),
        )
        audit.record(
            user=user,
            action=audit.Action.REVIEW_IMPORTED,
            revision=base,
            file=imported.file_name,
            changes=len(result.changes),
            reviewers=reviewers(result),
        )
    return imported


def reviewers(result: Review) -> list[str]:
    """Everyone who made a change or comment, in order of appearance."""
    names: dict[str, None] = {}
    for change in result.changes:
        for name in change.author.split(", "):
            if name:
                names.setdefault(name)
    return list(names)


def accepted_spec(base: Revision, result: Review, accepted: list[str]) -> DraftSpec:
    """The base revision's spec with the accepted changes as the draft's own words."""
    spec = parse_spec(base.spec)
    library: Document = library_document(spec, organisation=base.draft.organisation)
    return replace(spec, words=accept(library, spec.words, result, accepted))


def save_message(imported: ReviewImport, result: Review, accepted: list[str]) -> str:
    """ "Review of springfield-r3.docx: 3 changes accepted (City Attorney, Police Chief)"."""
    chosen = result.with_groups(accepted)
    names = reviewers(Review(tuple(c for c in result.changes if c.id in chosen)))
    count = len(accepted)
    who = f" ({', '.join(names)})" if names else ""
    return (
        f"Review of {imported.file_name}: {count} change{'s' if count != 1 else ''} accepted{who}"
    )[:500]


def review_save(*, imported: ReviewImport, decisions: Mapping[str, str], user) -> Saved:
    """Store the decisions; save the accepted text changes as a new revision.

    The changes become the user's wizard answers based on the file's revision and
    are saved as the wizard saves them: when a colleague saved since, they are
    merged onto the latest revision (no conflict: saved; a conflict: left in the
    wizard for the merge page, `merge_needed`). Refuses (ReviewRefused) while the
    user has unsaved wizard answers of their own, which must not be mixed in.
    """
    from ordinances.wizard.flow import Flow  # the wizard's save and merge path

    if imported.revision_id:
        raise ReviewRefused("These changes were saved already, as a revision of their own.")
    result = Review.from_dict(imported.changes)
    known = {c.id for c in result.changes}
    clean = {k: v for k, v in decisions.items() if k in known and v in (ACCEPT, REJECT)}
    ReviewImport.objects.filter(pk=imported.pk).update(decisions=clean)
    imported.decisions = clean
    text_kinds = ("insert", "delete", "replace")
    accepted = [c.id for c in result.changes if clean.get(c.id) == ACCEPT and c.kind in text_kinds]
    kept = [c for c in result.changes if clean.get(c.id) == ACCEPT and c.kind == "comment"]
    threads = sum(1 for change in kept if keep_comment(imported.base, change) is not None)
    if not accepted:
        if threads:
            audit.record(
                user=user,
                action=audit.Action.REVIEW_DECIDED,
                revision=imported.base,
                file=imported.file_name,
                accepted=0,
                threads=threads,
                rejected=sum(1 for v in clean.values() if v == REJECT),
            )
        return Saved(None, threads=threads)
    flow = Flow.start(imported.draft, user)
    if flow.has_unsaved_changes():
        raise ReviewRefused(
            "You have unsaved answers in the wizard. Save or discard them first, so that "
            "the reviewer's changes are saved on their own."
        )
    spec = accepted_spec(imported.base, result, accepted)
    flow.take(spec.as_dict(), imported.base.number)
    message = save_message(imported, result, accepted)
    try:
        revision = flow.save(message)
    except services.StaleRevisionError:
        merge, latest = flow.merge_onto_latest()
        if merge.conflicts:
            return Saved(None, merge_needed=True, accepted=len(accepted))
        flow.adopt(merge, latest)
        revision = flow.save(message)
    ReviewImport.objects.filter(pk=imported.pk).update(revision=revision)
    imported.revision = revision
    audit.record(
        user=user,
        action=audit.Action.REVIEW_DECIDED,
        revision=revision,
        file=imported.file_name,
        accepted=len(accepted),
        threads=threads,
        rejected=sum(1 for v in clean.values() if v == REJECT),
    )
    return Saved(revision, accepted=len(accepted), threads=threads)


def keep_comment(base: Revision, change: ProposedChange):
    """A Word comment the drafter kept, as a comment thread on the revision the file
    came from (anchored on its words, or on the whole clause when its range is not
    one span of the clause's text); a comment already on the draft is not doubled.
    None when it cannot be kept (no clause, or a body the threads refuse)."""
    if not change.clause or not change.comment.strip():
        return None
    replies = [(author, _when(date), text) for author, date, text in change.replies]
    for quote in (change.old, ""):
        try:
            return comments.open_thread(
                revision=base,
                clause_key=change.clause,
                quote=quote,
                body=change.comment,
                author_name=change.author or "Reviewer",
                created_at=_when(change.date),
                source="word",
                replies=replies,
            )
        except comments.CommentError:
            continue
    return None


def _when(date: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(date)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
