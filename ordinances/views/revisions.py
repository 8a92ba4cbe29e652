"""A saved revision: its page and its spec file."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.text import slugify

from ordinances import audit
from ordinances.access import get_revision_for_member
from ordinances.views.comments import revision_page


@login_required
def revision_detail(request, pk: int, number: int):
    return revision_page(request, get_revision_for_member(request, pk, number))


@login_required
def revision_spec(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    audit.record(user=request.user, action=audit.Action.EXPORTED, revision=revision, kind="spec")
    response = HttpResponse(
        revision.draft_spec().to_json(), content_type="application/json; charset=utf-8"
    )
    name = f"{slugify(revision.locality)[:60] or 'draft'}-r{revision.number}-spec.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
