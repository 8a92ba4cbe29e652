"""Library editors: a new version of a clause, and the recommended version.

Saving never changes a version: it adds the next one, with its change note.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clauses.access import editor_scopes, editors_only, scope_organisation
from clauses.forms import SCOPE_HOUSE, ClauseVersionForm
from clauses.models import Clause, ClauseVersion
from clauses.services import (
    LibraryEditError,
    clause_version_create,
    edition_clauses,
    latest_edition,
    version_recommend,
)
from drafting.library import editable_front_matter
from organisations.access import organisation_of
from organisations.models import display_name


def _base_version(request, clause: Clause) -> ClauseVersion:
    """The version the editor starts from: ?from=N, else the newest they can see."""
    versions = clause.versions.visible_to(organisation_of(request.user))
    asked = request.GET.get("from") or request.POST.get("from")
    if asked:
        version = versions.filter(number=asked).first() if asked.isdigit() else None
        if version is None:
            raise Http404("No such version of this clause.")
        return version
    newest = versions.order_by("-number").first()
    if newest is None:
        raise Http404("No such clause.")
    return newest


@login_required
def clause_edit(request, slug: str):
    clause = get_object_or_404(Clause, slug=slug)
    scopes = editor_scopes(request.user)
    if not scopes:
        return editors_only(request, f"write a new version of “{clause.title}”")
    base = _base_version(request, clause)
    content = base.content()
    front, options = editable_front_matter(content)
    edition = latest_edition()
    form = ClauseVersionForm(
        request.POST or None,
        slug=clause.slug,
        scopes=scopes,
        clauses=edition_clauses(edition.slug) if edition else [content],
        author=display_name(request.user),
        initial={
            "scope": SCOPE_HOUSE if base.organisation_id else scopes[0][0],
            "front_matter": front,
            "options": options,
            "text": content.body,
        },
    )
    if request.method == "POST" and form.is_valid():
        scope = form.cleaned_data["scope"]
        try:
            version = clause_version_create(
                clause=clause,
                content=form.cleaned_data["content"],
                author=request.user,
                organisation=scope_organisation(request.user, scope),
            )
        except LibraryEditError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Saved version {version.number} of “{clause.title}”. Drafts use it once an "
                "edition that holds it is published.",
            )
            url = reverse("clauses:clause_detail", args=[clause.slug])
            return redirect(f"{url}?version={version.number}")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "clauses/clause_edit.html",
        {"clause": clause, "base": base, "form": form},
        status=status,
    )


@login_required
@require_POST
def clause_recommend(request, slug: str):
    clause = get_object_or_404(Clause, slug=slug)
    if not request.user.has_perm("clauses.edit_library"):
        return editors_only(request, f"recommend a version of “{clause.title}”")
    number = request.POST.get("version", "")
    if number and not number.isdigit():
        raise Http404("No such library version of this clause.")
    version = (
        clause.versions.filter(number=int(number), organisation__isnull=True).first()
        if number
        else None
    )
    if version is None and number:
        raise Http404("No such library version of this clause.")
    try:
        version_recommend(clause=clause, version=version)
    except LibraryEditError as exc:
        messages.error(request, str(exc))
    else:
        if version is None:
            messages.success(request, f"“{clause.title}” has no recommended version now.")
        else:
            messages.success(
                request,
                f"Version {version.number} of “{clause.title}” is now the recommended one; "
                "new editions start from it.",
            )
    return redirect("clauses:clause_detail", slug=clause.slug)
