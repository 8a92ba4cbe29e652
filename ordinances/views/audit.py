"""The audit trail page: what the office's members did to its drafts, newest first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from ordinances.access import get_draft_for_member, organisation_for
from ordinances.audit import actor, detail_items, events_for

EVENTS_PER_PAGE = 100


@login_required
def audit_trail(request):
    organisation = organisation_for(request)
    draft = None
    if request.GET.get("draft"):
        if not request.GET["draft"].isdigit():
            raise Http404("No such draft.")
        draft = get_draft_for_member(request, int(request.GET["draft"]))
    page = Paginator(events_for(organisation, draft=draft), EVENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = [(event, actor(event), detail_items(event)) for event in page]
    return render(
        request,
        "ordinances/audit.html",
        {"organisation": organisation, "draft": draft, "page": page, "rows": rows},
    )
