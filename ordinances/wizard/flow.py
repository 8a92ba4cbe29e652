"""One person's pass through the wizard on one draft: the state the steps and views share.

A `Flow` holds the draft, the signed-in user's workspace (the answers so far,
the input still to correct, the revision they started from) and the library
texts the draft is written against. Steps read it; views ask it to keep input,
save, merge onto a colleague's newer revision, or apply a fix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import QueryDict

from clauses.services import DEFAULT_EDITION, edition_clauses, latest_edition
from common.errors import NotFound
from drafting.document import Document
from drafting.library import ClauseText
from drafting.merge import SpecMerge, merge_specs, spec_fields
from drafting.spec import LOCALITY_FIELDS, SpecError, parse_spec
from ordinances import services
from ordinances.access import get_draft_for_member, organisation_for
from ordinances.documents import assembled, edit_conflicts, library_document
from ordinances.models import Draft, Revision, Workspace
from ordinances.wizard.forms import included
from ordinances.wizard.steps import Step
from ordinances.wizard.text import TextContext


def starting_spec() -> dict:
    """A new draft's answers: the current library edition, nothing chosen yet."""
    edition = latest_edition()
    return {
        "edition": edition.slug if edition else DEFAULT_EDITION,
        "numbering": "cpd",
        "locality": {"type": "city"},
        "options": {},
    }


@dataclass
class Flow:
    draft: Draft
    user: Any
    workspace: Workspace
    clauses: list[ClauseText]
    # The (edition, pinned versions) `clauses` were loaded for.
    loaded: tuple[str, dict[str, int]] | None = None

    @classmethod
    def start(cls, draft: Draft, user) -> Flow:
        """The user's flow on the draft, its workspace started from the latest revision."""
        workspace = Workspace.objects.filter(draft=draft, user=user).first()
        if workspace is None:
            latest = draft.latest_revision()
            workspace = Workspace.objects.create(
                draft=draft,
                user=user,
                spec=dict(latest.spec) if latest else starting_spec(),
                base_revision=latest.number if latest else 0,
            )
        return cls._resume(draft, user, workspace)

    @classmethod
    def for_member(cls, request, pk: int) -> Flow:
        """The signed-in member's flow on draft `pk` of their office (404 otherwise). When
        the member has a workspace, the draft comes with it in one query (the live preview
        asks on every change)."""
        organisation = organisation_for(request)
        workspace = (
            Workspace.objects.select_related("draft")
            .filter(draft_id=pk, draft__organisation=organisation, user=request.user)
            .first()
        )
        if workspace is None:
            return cls.start(get_draft_for_member(request, pk), request.user)
        workspace.draft.organisation = organisation  # the same row: no second query for it
        return cls._resume(workspace.draft, request.user, workspace)

    @classmethod
    def _resume(cls, draft: Draft, user, workspace: Workspace) -> Flow:
        spec = workspace.spec
        loaded = (spec.get("edition", DEFAULT_EDITION), dict(spec.get("versions") or {}))
        return cls(draft, user, workspace, clauses_for(spec, draft), loaded)

    # -- state ------------------------------------------------------------------

    @property
    def spec(self) -> dict:
        return self.workspace.spec

    @property
    def unsaved(self) -> dict:
        return self.workspace.unsaved or {}

    def _store(self, **fields) -> None:
        changed = {
            name: value for name, value in fields.items() if getattr(self.workspace, name) != value
        }
        if not changed:  # the live preview posts the same answers again and again
            return
        for name, value in changed.items():
            setattr(self.workspace, name, value)
        Workspace.objects.filter(pk=self.workspace.pk).update(**changed)

    def keep_answers(self, step: Step, form) -> None:
        """Write a valid form's answers into the spec; the step has nothing left to correct."""
        unsaved = {slug: data for slug, data in self.unsaved.items() if slug != step.slug}
        spec = step.apply(self, form)
        if spec == self.spec and unsaved == self.unsaved and self.workspace.step == step.slug:
            return  # nothing to write: a stale copy must not overwrite a concurrent change
        self._store(spec=spec, unsaved=unsaved, step=step.slug)

    def keep_typed(self, step: Step, form) -> None:
        """Keep an invalid form's input exactly as typed, so Back and Next never lose it."""
        data = form.data
        typed = {
            name: data.getlist(name) if hasattr(data, "getlist") else data.get(name)
            for name in form.fields
        }
        self._store(unsaved={**self.unsaved, step.slug: typed}, step=step.slug)

    def typed(self, step: Step) -> QueryDict | None:
        """The input kept for a step that still needs correcting, as form data."""
        kept = self.unsaved.get(step.slug)
        if kept is None:
            return None
        data = QueryDict(mutable=True)
        for name, values in kept.items():
            data.setlist(name, [v for v in (values or []) if v is not None])
        return data

    def at_step(self, step: Step) -> None:
        if self.workspace.step != step.slug:
            self._store(step=step.slug)

    # -- the draft as it stands --------------------------------------------------

    def document(self) -> tuple[Document | None, dict[str, str]]:
        """The working spec assembled, or the problems that stop it."""
        try:
            spec = parse_spec(self.spec)
            if (spec.edition, dict(spec.versions)) == self.loaded:
                # The clause texts `start` loaded for this edition: no second lookup.
                return assembled(self.clauses, spec), {}
            return services.document_for_spec(spec, organisation=self.draft.organisation), {}
        except SpecError as exc:
            return None, exc.problems

    def text_context(self) -> TextContext:
        """The library text and the draft's text the Text step works on (None when the
        answers do not assemble yet), and the edits that no longer fit."""
        try:
            spec = parse_spec(self.spec)
            organisation = self.draft.organisation
            return TextContext(
                library=library_document(spec, organisation=organisation),
                document=services.document_for_spec(spec, organisation=organisation),
                conflicts=edit_conflicts(spec, organisation=organisation),
            )
        except SpecError:
            return TextContext(None, None)

    def base_spec(self) -> dict:
        """The spec of the revision these answers started from."""
        return revision_spec(self.draft, self.workspace.base_revision)

    def latest(self) -> Revision | None:
        return self.draft.latest_revision()

    def is_stale(self) -> bool:
        latest = self.latest()
        return latest is not None and latest.number != self.workspace.base_revision

    def changed_fields(self) -> list[str]:
        """Fields the answers change from the revision they started from."""
        base, mine = (
            spec_fields(spec, included(spec, self.clauses))
            for spec in (self.base_spec(), self.spec)
        )
        return [
            key
            for key in dict.fromkeys([*base, *mine])
            if (base.get(key) or None) != (mine.get(key) or None)
        ]

    def has_unsaved_changes(self) -> bool:
        return bool(self.unsaved) or bool(self.changed_fields())

    # -- saving and merging --------------------------------------------------------

    def save(self, message: str) -> Revision:
        """A new revision from the answers (StaleRevisionError, SpecError)."""
        spec = parse_spec(self.spec)
        revision = services.revision_create(
            draft=self.draft,
            spec=spec,
            author=self.user,
            base=self.workspace.base_revision,
            message=message,
        )
        if revision.number == 1 and self.draft.title == "Untitled draft":
            document = services.document_for_spec(spec)
            title = f"{spec.locality.name}: {document.title}"
            Draft.objects.filter(pk=self.draft.pk).update(title=title)
        return revision

    def merge_onto_latest(self) -> tuple[SpecMerge, int]:
        """The answers merged onto the latest revision: (merge, latest number)."""
        latest = self.latest()
        number = latest.number if latest else 0
        theirs = revision_spec(self.draft, number)
        order = [c.slug for c in self.clauses]
        merge = merge_specs(
            self.base_spec(),
            theirs,
            self.spec,
            included=lambda spec: included(spec, self.clauses),
            clause_order=order,
        )
        return merge, number

    def take(self, spec: dict, base: int) -> None:
        """Take `spec` as the answers, based on revision `base` (a reviewed file's
        accepted changes on the revision it came from)."""
        self._store(spec=spec, unsaved={}, base_revision=base)
        self.clauses = clauses_for(spec, self.draft)

    def adopt(self, merge: SpecMerge, base: int) -> None:
        """Take a settled merge as the answers, now based on revision `base`."""
        spec = merge.spec()
        self._store(spec=spec, base_revision=base)
        self.clauses = clauses_for(spec, self.draft)


def revision_spec(draft: Draft, number: int) -> dict:
    """A revision's spec as stored; revision 0 (nothing saved yet) is the starting spec."""
    if number:
        revision = draft.revisions.filter(number=number).first()
        if revision is not None:
            return dict(revision.spec)
    return starting_spec()


def clauses_for(spec: Mapping[str, Any], draft: Draft) -> list[ClauseText]:
    """The clause texts a working spec drafts against, if the draft's office may see them."""
    try:
        return list(
            edition_clauses(
                spec.get("edition", DEFAULT_EDITION),
                spec.get("versions") or {},
                organisation=draft.organisation,
            )
        )
    except SpecError:
        raise NotFound("That library edition is not available to your office.") from None


def field_label(key: str, clauses: Sequence[ClauseText]) -> str:
    """A merged field's name as the wizard words it."""
    prefix, _, inner = key.partition(".")
    titles = {c.slug: c.title for c in clauses}
    if prefix == "locality":
        return LOCALITY_FIELDS.get(inner, inner.replace("_", " ").capitalize())
    if prefix == "options":
        option = next((c.option(inner) for c in clauses if c.option(inner)), None)
        return option.name if option else inner.replace("_", " ").capitalize()
    if prefix == "include":
        return f"Include: {titles.get(inner, inner)}"
    if prefix == "versions":
        return f"Version of “{titles.get(inner, inner)}”"
    if prefix == "edits" and inner:
        return f"Text edits: {titles.get(inner, inner)}"
    if prefix == "sections" and inner:
        return f"Section of your own: {inner}"
    if prefix == "headings" and inner:
        return f"Heading of “{titles.get(inner, inner)}”"
    return {
        "numbering": "Numbering style",
        "edition": "Library edition",
        "edits": "Text edits",
        "sections": "Sections of your own",
    }.get(key, key.replace("_", " ").capitalize())


def field_value(key: str, value: Any, clauses: Sequence[ClauseText]) -> str:
    """A merged field's value as the wizard words it."""
    prefix, _, inner = key.partition(".")
    if prefix == "include":
        return "included" if value else "left out"
    if prefix == "options":
        option = next((c.option(inner) for c in clauses if c.option(inner)), None)
        if option is not None:
            return option.label_of(option.effective(value))
    if prefix == "edits":
        pairs = value or []
        return "; ".join(f"“{p.get('find')}” → “{p.get('replace')}”" for p in pairs) or "(none)"
    if prefix == "sections" and isinstance(value, Mapping):
        return f"{value.get('heading')}: {value.get('text')}"
    if value in (None, "", []):
        return "(blank)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
