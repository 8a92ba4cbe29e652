"""The state-law table: all 51 entries, and one state's entry with its sources and history.

Every signed-in user may read it; library editors (`clauses.edit_library`) also
see which entries need review (recorded more than a year ago).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from clauses.state_law import federal_context, latest_versions
from clauses.state_law_models import StateLaw
from drafting.state_law import postal_code


def _is_editor(user) -> bool:
    return user.has_perm("clauses.edit_library")


@login_required
def state_law_list(request):
    today = timezone.localdate()
    editor = _is_editor(request.user)
    rows = [
        {"version": version, "entry": entry, "stale": editor and entry.needs_review(today)}
        for version in latest_versions()
        for entry in [version.content()]
    ]
    context = federal_context()
    return render(
        request,
        "clauses/state_law_list.html",
        {
            "rows": rows,
            "federal": context,
            "federal_stale": editor and context.needs_review(today),
            "is_editor": editor,
        },
    )


@login_required
def state_law_detail(request, postal: str):
    code = postal_code(postal)
    identity = StateLaw.objects.filter(postal=code).first() if code else None
    if identity is None:
        raise Http404("No such state-law entry (or none is loaded: run manage.py load_library).")
    versions = list(identity.versions.order_by("-number"))
    asked = request.GET.get("version", "")
    shown = next((v for v in versions if str(v.number) == asked), None) if asked else versions[0]
    if shown is None:
        raise Http404("No such version of this entry.")
    entry = shown.content()
    return render(
        request,
        "clauses/state_law_detail.html",
        {
            "identity": identity,
            "version": shown,
            "versions": versions,
            "entry": entry,
            "stale": _is_editor(request.user) and entry.needs_review(timezone.localdate()),
        },
    )
