"""Who may see what: every draft lookup goes through here, and answers 404 (never 403)
for anything outside the user's organisation, so a URL reveals nothing."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from ordinances.models import CommentThread, Draft, ReviewLink, Revision
from organisations.access import require_organisation
from organisations.models import Organisation


def organisation_for(request) -> Organisation:
    """The signed-in user's organisation; a 404 for a user with none."""
    return require_organisation(request.user)


def get_draft_for_member(request, pk: int) -> Draft:
    organisation = organisation_for(request)
    draft = get_object_or_404(Draft, pk=pk, organisation=organisation)
    draft.organisation = organisation  # the same row: no second query for it
    return draft


def get_revision_for_member(request, pk: int, number: int) -> Revision:
    return get_object_or_404(Revision, draft=get_draft_for_member(request, pk), number=number)


def get_thread_for_member(request, pk: int, thread: int) -> CommentThread:
    """A comment thread of one of the member's office's drafts (404 otherwise)."""
    return get_object_or_404(
        CommentThread.objects.select_related("revision"),
        pk=thread,
        draft=get_draft_for_member(request, pk),
    )


def get_link_for_member(request, pk: int, link: int) -> ReviewLink:
    """A review link of one of the member's office's drafts (404 otherwise)."""
    return get_object_or_404(
        ReviewLink.objects.select_related("revision"),
        pk=link,
        revision__draft=get_draft_for_member(request, pk),
    )
