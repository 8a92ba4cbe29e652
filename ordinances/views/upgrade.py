"""Upgrading a draft to a newer library edition: review per clause, accept some, save.

The page shows, for each clause whose version differs, the redline between what
the latest revision says and what it would say on the new edition with the same
options and locality, and what becomes of each option. Saving writes a new
revision: accepted clauses pinned at the new edition's versions, the others
kept at the versions the draft had. Nothing changes until the drafter saves.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from clauses.models import ClauseVersion, Edition
from clauses.services import (
    change_notes_between,
    edition_clauses,
    newer_editions,
    upgrade_offer,
    visible_edition,
)
from drafting.diff import diff_documents
from drafting.document import Document
from drafting.edit_merge import Rebased, rebase_words, settle
from drafting.library import ClauseText
from drafting.render.clause_redline import clause_redline_html
from drafting.spec import DraftSpec, SpecError
from drafting.upgrade import ClauseChange, OptionMapping, clause_changes, plan_upgrade
from drafting.words import MARKUP_PROBLEM, MAX_TEXT, has_markup, own_text_problem
from ordinances import services
from ordinances.access import get_draft_for_member
from ordinances.documents import assembled, clauses_for, document_for
from ordinances.models import Draft, Revision, Workspace


@dataclass(frozen=True)
class ClauseReview:
    """One changed clause on the page."""

    change: ClauseChange
    redline_html: str
    versions: list[ClauseVersion]
    options: list[OptionMapping]
    in_document: bool


class _NothingNewer(Exception):
    """The draft is on the newest edition it may use, every clause as there."""


@dataclass(frozen=True)
class _Sides:
    draft: Draft
    revision: Revision
    spec: DraftSpec
    current: Edition
    targets: list[Edition]
    target: Edition
    old_clauses: list[ClauseText]
    new_clauses: list[ClauseText]


def _sides(request, draft: Draft) -> _Sides:
    revision = draft.latest_revision()
    if revision is None:
        raise Http404("This draft has no revision to upgrade.")
    organisation = draft.organisation
    spec = revision.draft_spec()
    current = visible_edition(spec.edition, organisation)
    if current is None:
        raise Http404("The draft's library edition is not available.")
    targets = newer_editions(current, organisation)
    if upgrade_offer(spec.edition, spec.versions, organisation) and not targets:
        targets = [current]  # complete an upgrade some clauses were kept out of
    wanted = request.POST.get("to") or request.GET.get("to")
    if not wanted and not targets:
        raise _NothingNewer
    target = next((t for t in targets if t.slug == wanted), None) if wanted else targets[0]
    if target is None:
        raise Http404("No such newer library edition to upgrade to.")
    return _Sides(
        draft=draft,
        revision=revision,
        spec=spec,
        current=current,
        targets=targets,
        target=target,
        old_clauses=clauses_for(revision),
        new_clauses=edition_clauses(target.slug, organisation=organisation),
    )


@login_required
def draft_upgrade(request, pk: int):
    draft = get_draft_for_member(request, pk)
    try:
        sides = _sides(request, draft)
    except _NothingNewer:
        messages.info(request, "This draft is on the newest library edition it can use.")
        return redirect(draft)
    changes = clause_changes(sides.old_clauses, sides.new_clauses)
    if request.method == "POST":
        return _save(request, sides, changes)
    return _render(request, sides, changes, accepted={c.slug for c in changes})


def _save(request, sides: _Sides, changes: list[ClauseChange]):
    accepted = set(request.POST.getlist("accept")) & {c.slug for c in changes}
    if Workspace.objects.filter(draft=sides.draft, user=request.user).exists():
        messages.error(
            request,
            "You have unsaved changes in the wizard for this draft. Save or discard them first: "
            "saving the upgrade would replace them.",
        )
        return _render(request, sides, changes, accepted=accepted, status=409)
    plan = plan_upgrade(
        sides.spec, sides.old_clauses, sides.target.slug, sides.new_clauses, accepted
    )
    try:
        spec = _settled_spec(request, sides, plan)
    except SpecError as exc:
        for problem in exc.problems.values():
            messages.error(request, problem)
        return _render(request, sides, changes, accepted=accepted, status=400)
    message = request.POST.get("message", "").strip() or _message(sides, changes, accepted)
    try:
        revision = services.revision_create(
            draft=sides.draft,
            spec=spec,
            author=request.user,
            base=int(request.POST.get("base") or 0),
            message=message[:500],
        )
    except services.StaleRevisionError as exc:
        messages.error(request, str(exc))
        return _render(request, sides, changes, accepted=accepted, status=409)
    except SpecError as exc:
        for field, problem in exc.problems.items():
            messages.error(request, f"{field}: {problem}")
        return _render(request, sides, changes, accepted=accepted, status=400)
    messages.success(
        request,
        f"Saved revision {revision.number} on {sides.target.name}: accepted {len(accepted)} "
        f"of {len(changes)} clause change{'' if len(changes) == 1 else 's'}.",
    )
    for mapping in plan.reported():
        if mapping.status != "new":
            messages.warning(request, mapping.message)
    return redirect(sides.draft)


def _edit_merges(sides: _Sides, plan) -> tuple[DraftSpec, list[Rebased]]:
    """The draft's own edits carried onto the upgraded clauses: clean three-way merges
    applied; the conflicts, each to settle on this page."""
    if not sides.spec.words.edits:
        return plan.spec, []
    old = assembled(sides.old_clauses, sides.spec.library_spec())
    try:
        new = assembled(plan.clauses, plan.spec.library_spec())
    except SpecError:
        return plan.spec, []
    words, results = rebase_words(old, new, sides.spec.words)
    return replace(plan.spec, words=words), results


def _settled_spec(request, sides: _Sides, plan) -> DraftSpec:
    """The upgraded spec with every edit conflict settled as the drafter chose: the new
    library text, or their own text for the clause. SpecError names what is missing."""
    spec, results = _edit_merges(sides, plan)
    problems: dict[str, str] = {}
    words = spec.words
    for result in (r for r in results if r.conflict):
        choice = request.POST.get(f"resolve__{result.clause}")
        text = request.POST.get(f"text__{result.clause}", "")
        if choice == "library":
            words = settle(words, result.clause, result.new_text, None)
        elif choice == "mine":
            problem = own_text_problem(text, "Your text", MAX_TEXT)
            if problem is None and has_markup(text):
                problem = MARKUP_PROBLEM
            if problem:
                problems[f"text__{result.clause}"] = f"{result.clause}: {problem}"
            else:
                words = settle(words, result.clause, result.new_text, text)
        else:
            problems[f"resolve__{result.clause}"] = (
                f"Your edit of “{result.clause}” conflicts with the new library text: choose "
                "the new library text or your own text for it."
            )
    if problems:
        raise SpecError(problems)
    return replace(spec, words=words)


def _message(sides: _Sides, changes: list[ClauseChange], accepted: set[str]) -> str:
    names = ", ".join(c.title for c in changes if c.slug in accepted) or "no clause"
    return f"Upgraded to {sides.target.name}: accepted {names}."


def _render(request, sides: _Sides, changes, *, accepted: set[str], status: int = 200):
    everything = {c.slug for c in changes}
    plan = plan_upgrade(
        sides.spec, sides.old_clauses, sides.target.slug, sides.new_clauses, everything
    )
    old_document = document_for(sides.revision)
    problems: dict[str, str] = {}
    try:
        new_document = assembled(plan.clauses, plan.spec)
    except SpecError as exc:
        problems, new_document = exc.problems, old_document
    reviews = _reviews(sides, changes, plan.options, old_document, new_document)
    _spec, merges = _edit_merges(sides, plan)
    unchanged = sum(1 for m in plan.options if m.status == "same")
    return render(
        request,
        "ordinances/upgrade.html",
        {
            "draft": sides.draft,
            "revision": sides.revision,
            "current": sides.current,
            "targets": sides.targets,
            "target": sides.target,
            "reviews": reviews,
            "accepted": accepted,
            "other_options": [
                m for m in plan.reported() if m.clause not in everything and m.status != "new"
            ],
            "new_options": [m for m in plan.options if m.status == "new"],
            "unchanged_options": unchanged,
            "problems": problems,
            "edit_conflicts": [m for m in merges if m.conflict],
            "edit_merges": [m for m in merges if not m.conflict],
            "posted": request.POST,
        },
        status=status,
    )


def _reviews(
    sides: _Sides,
    changes: list[ClauseChange],
    mappings: list[OptionMapping],
    old: Document,
    new: Document,
) -> list[ClauseReview]:
    diff = diff_documents(old, new)
    reviews = []
    for change in changes:
        before = change.old.version if change.old else None
        after = change.new.version if change.new else None
        html = clause_redline_html(
            diff,
            change.slug,
            old_label=f"Now (r{sides.revision.number}, version {before or '—'})",
            new_label=f"On {sides.target.name} (version {after or '—'})",
            title_clause=(change.new or change.old).kind == "title",
        )
        versions = (
            change_notes_between(change.slug, before, after, sides.draft.organisation)
            if after
            else []
        )
        reviews.append(
            ClauseReview(
                change=change,
                redline_html=html,
                versions=versions,
                options=[m for m in mappings if m.clause == change.slug and m.reported],
                in_document=change.slug in old.clause_versions
                or change.slug in new.clause_versions,
            )
        )
    return reviews
