"""Operations on drafts and revisions (keyword-only; views and commands call these)."""

from __future__ import annotations

import time
from dataclasses import replace

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from drafting.document import Document
from drafting.spec import DraftSpec, parse_spec
from ordinances import audit
from ordinances.documents import clauses_for_spec, document_for_spec
from ordinances.models import Draft, Revision, Workspace
from organisations.models import Organisation

# ordinances.documents is the one place that builds a revision's or a spec's document
# (`services.document_for_spec` is the same function, for the views that call it here).


class StaleRevisionError(Exception):
    """Someone saved a newer revision since this input was based on `base`."""

    def __init__(self, *, draft: Draft, base: int, latest: int):
        self.draft, self.base, self.latest = draft, base, latest
        super().__init__(
            f"Revision {latest} of “{draft.title}” was saved after you started from revision "
            f"{base}. Your input is kept; compare the revisions and save again."
        )


def pin_versions(spec: DraftSpec, *, organisation: Organisation | None = None) -> DraftSpec:
    """The spec with every clause version it assembles from pinned."""
    clauses = clauses_for_spec(spec, organisation=organisation)
    pins = {c.slug: c.version for c in clauses}
    return replace(spec, options=dict(spec.options), versions=pins)


def lint_counts(document: Document) -> tuple[int, int]:
    """(errors, warnings) from the compliance lint, for the drafts list."""
    from drafting.lint import lint

    findings = lint(document)
    return (
        sum(1 for f in findings if f.severity == "error"),
        sum(1 for f in findings if f.severity == "warning"),
    )


def revision_create(
    *,
    draft: Draft,
    spec: DraftSpec,
    author,
    base: int,
    message: str = "",
    clear_workspace: bool = True,
) -> Revision:
    """Save a new immutable revision after `base`; refuse if `base` is not the latest.

    The spec is validated by assembling it first, so no revision that cannot be
    rebuilt is ever stored. The author's wizard input is done with, unless
    `clear_workspace` is false (a fix saved beside unsaved answers keeps them).
    Raises StaleRevisionError, AssemblyError, SpecError.
    """
    pinned = pin_versions(spec, organisation=draft.organisation)
    document = document_for_spec(pinned, organisation=draft.organisation)
    errors, warnings = lint_counts(document)
    revision = Revision(
        draft=draft,
        number=base + 1,
        spec=pinned.as_dict(),
        clause_versions=pinned.versions,
        locality=spec.locality.name,
        author=author,
        message=message,
        lint_errors=errors,
        lint_warnings=warnings,
    )
    for attempt in range(_SQLITE_LOCK_RETRIES + 1):
        try:
            _insert_revision(revision, base=base)
            break
        except IntegrityError:
            latest = draft.revisions.order_by("-number").values_list("number", flat=True).first()
            raise StaleRevisionError(draft=draft, base=base, latest=latest or 0) from None
        except OperationalError as error:
            # SQLite reports a competing writer as "locked" instead of waiting (shared
            # cache, or a deadlock between two deferred transactions). The transaction
            # rolled back; try again, and the next attempt sees the other save.
            locked = connection.vendor == "sqlite" and "locked" in str(error)
            if not locked or attempt == _SQLITE_LOCK_RETRIES:
                raise
            revision.pk = None
            time.sleep(0.02 * (attempt + 1))
    if clear_workspace:
        Workspace.objects.filter(draft=draft, user=author).delete()
    return revision


_SQLITE_LOCK_RETRIES = 20


def _insert_revision(revision: Revision, *, base: int) -> None:
    """Insert the revision and its audit event in one transaction, if `base` is still latest."""
    draft = revision.draft
    with transaction.atomic():
        latest = draft.revisions.order_by("-number").values_list("number", flat=True).first()
        latest = latest or 0
        if latest != base:
            raise StaleRevisionError(draft=draft, base=base, latest=latest)
        revision.save()
        audit.record(
            user=revision.author,
            action=audit.Action.REVISION_SAVED,
            revision=revision,
            message=revision.message,
        )


def draft_create(
    *, organisation: Organisation, author, spec: DraftSpec, title: str = "", message: str = ""
) -> Draft:
    """A new draft with its first revision, atomically."""
    with transaction.atomic():
        draft = Draft.objects.create(
            organisation=organisation,
            title=title
            or f"{spec.locality.name}: {document_for_spec(spec, organisation=organisation).title}",
            created_by=author,
        )
        audit.record(user=author, action=audit.Action.DRAFT_CREATED, draft=draft)
        revision_create(draft=draft, spec=spec, author=author, base=0, message=message)
    return draft


def draft_duplicate(*, revision: Revision, author, title: str = "") -> Draft:
    draft = revision.draft
    with transaction.atomic():
        copy = Draft.objects.create(
            organisation=draft.organisation,
            title=title or f"{draft.title} (copy)",
            created_by=author,
            duplicated_from=revision,
        )
        audit.record(
            user=author,
            action=audit.Action.DUPLICATED,
            draft=copy,
            source=f"{draft.title} r{revision.number}",
        )
        revision_create(
            draft=copy,
            spec=parse_spec(revision.spec),
            author=author,
            base=0,
            message=f"Duplicated from “{draft.title}” r{revision.number}",
        )
    return copy


def draft_archive(*, draft: Draft) -> None:
    Draft.objects.filter(pk=draft.pk).update(archived_at=timezone.now())


def draft_restore(*, draft: Draft) -> None:
    Draft.objects.filter(pk=draft.pk).update(archived_at=None)
