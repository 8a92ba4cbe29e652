"""Editions: the list, one edition with its release notes, and publishing a new one."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from clauses.access import editor_scopes, editors_only, scope_organisation
from clauses.forms import EditionForm
from clauses.models import Clause, ClauseVersion, Edition
from clauses.services import LibraryEditError, edition_publish, latest_edition
from clauses.state_law import stale_notes
from drafting.editions import edition_problems
from organisations.access import organisation_of


@login_required
def edition_list(request):
    organisation = organisation_of(request.user)
    editions = (
        Edition.objects.visible_to(organisation)
        .newest_first()
        .select_related("derived_from", "organisation")
    )
    return render(
        request,
        "clauses/edition_list.html",
        {
            "editions": editions,
            "can_publish": bool(editor_scopes(request.user)),
            "stale_notes": stale_notes() if request.user.has_perm("clauses.edit_library") else [],
        },
    )


@login_required
def edition_detail(request, slug: str):
    organisation = organisation_of(request.user)
    edition = Edition.objects.visible_to(organisation).filter(slug=slug).first()
    if edition is None:
        raise Http404("No such edition.")
    return render(
        request,
        "clauses/edition_detail.html",
        {"edition": edition, "versions": edition.versions()},
    )


def _offered(organisation) -> dict[str, tuple[str, list[ClauseVersion], ClauseVersion]]:
    """Per clause: its title, the versions this scope may choose, and the default
    (the organisation's newest house version; else the recommended; else the newest)."""
    offered = {}
    rows = ClauseVersion.objects.visible_to(organisation).select_related("clause")
    by_clause: dict[int, list[ClauseVersion]] = {}
    for version in rows.order_by("-number"):
        by_clause.setdefault(version.clause_id, []).append(version)
    for clause in Clause.objects.all():
        versions = by_clause.get(clause.pk)
        if not versions:
            continue
        house = [v for v in versions if v.organisation_id]
        library = [v for v in versions if not v.organisation_id]
        recommended = next((v for v in library if v.pk == clause.recommended_version_id), None)
        default = house[0] if house else recommended or (library or versions)[0]
        offered[clause.slug] = (clause.title, versions, default)
    return offered


@login_required
def edition_new(request):
    scopes = editor_scopes(request.user)
    if not scopes:
        return editors_only(request, "publish a library edition")
    scope = request.POST.get("scope") or request.GET.get("scope") or scopes[0][0]
    if scope not in dict(scopes):
        scope = scopes[0][0]
    organisation = scope_organisation(request.user, scope)
    offered = _offered(organisation)
    form = EditionForm(
        request.POST or None,
        bases=Edition.objects.visible_to(organisation).newest_first(),
        clause_versions=offered,
        recommended={c.slug: c.recommended_version_id for c in Clause.objects.all()},
        prefix_slug=organisation.slug if organisation else "",
        initial={"date": dt.date.today(), "derived_from": latest_edition()},
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen_numbers()
        versions = {
            slug: next(v for v in offered[slug][1] if v.number == number)
            for slug, number in chosen.items()
        }
        problems = edition_problems([v.content() for v in versions.values()])
        for field, problem in problems.items():
            form.add_error(None, f"{field}: {problem}")
        if not problems:
            try:
                edition = edition_publish(
                    name=form.cleaned_data["name"],
                    slug=form.cleaned_data["slug"],
                    date=form.cleaned_data["date"],
                    description=form.cleaned_data["description"],
                    versions=versions,
                    author=request.user,
                    organisation=organisation,
                    derived_from=form.cleaned_data["derived_from"],
                )
            except LibraryEditError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Published “{edition.name}”. It can no longer change.")
                return redirect("clauses:edition_detail", slug=edition.slug)
    return render(
        request,
        "clauses/edition_new.html",
        {"form": form, "scopes": scopes, "scope": scope, "organisation": organisation},
        status=400 if request.method == "POST" else 200,
    )
