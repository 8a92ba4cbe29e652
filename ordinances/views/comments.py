"""Comment threads and review links, as the office's members use them.

Threads are opened on a revision's page and answered, resolved and reopened on
the draft's page or a revision's; review links are made on a revision's page
(the token shown once) and revoked on the draft's page. Every lookup goes
through `ordinances.access` (another office: 404).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from drafting.render.html import render_html
from ordinances import comments, review_links
from ordinances.access import (
    get_link_for_member,
    get_revision_for_member,
    get_thread_for_member,
)
from ordinances.comment_forms import ReplyForm, ReviewLinkForm, ThreadForm
from ordinances.documents import document_for
from ordinances.models import Revision
from organisations.models import display_name


def revision_page(
    request,
    revision: Revision,
    *,
    thread_form: ThreadForm | None = None,
    link_form: ReviewLinkForm | None = None,
    status: int = 200,
):
    """A revision's page: its text, its comment threads, the forms to comment and to
    send a review link (bound, with their errors, after a refused post)."""
    draft = revision.draft
    return render(
        request,
        "ordinances/revision_detail.html",
        {
            "draft": draft,
            "revision": revision,
            "document_html": render_html(document_for(revision)),
            "threads": comments.threads_for(draft, revision=revision),
            "thread_form": thread_form or ThreadForm(comments.clause_choices(revision)),
            "link_form": link_form or ReviewLinkForm(),
            "reply_form": ReplyForm(),
            "back": revision.number,
        },
        status=status,
    )


@login_required
@require_POST
def thread_new(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    form = ThreadForm(comments.clause_choices(revision), request.POST)
    if form.is_valid():
        try:
            thread = comments.open_thread(
                revision=revision,
                clause_key=form.cleaned_data["clause"],
                quote=form.cleaned_data["quote"],
                body=form.cleaned_data["body"],
                author_name=display_name(request.user),
                user=request.user,
            )
        except comments.CommentError as error:
            form.add_error("quote", str(error))
        else:
            messages.success(request, "Comment added.")
            return redirect(f"{revision.get_absolute_url()}#thread-{thread.pk}")
    return revision_page(request, revision, thread_form=form)


def _back(request, thread) -> str:
    """Where to go after acting on a thread: the revision page it was acted on (a
    revision number of the same draft, posted as `back`), else the draft's page."""
    back = request.POST.get("back", "")
    draft = thread.draft
    if back.isdigit() and len(back) < 10 and draft.revisions.filter(number=int(back)).exists():
        url = reverse("ordinances:revision_detail", args=[draft.pk, int(back)])
    else:
        url = draft.get_absolute_url()
    return f"{url}#thread-{thread.pk}"


@login_required
@require_POST
def thread_reply(request, pk: int, thread: int):
    thread = get_thread_for_member(request, pk, thread)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            comments.reply(
                thread=thread,
                body=form.cleaned_data["body"],
                author_name=display_name(request.user),
                user=request.user,
            )
        except comments.CommentError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Reply added.")
    else:
        messages.error(request, "Write a reply (at most 5,000 characters).")
    return redirect(_back(request, thread))


@login_required
@require_POST
def thread_status(request, pk: int, thread: int):
    thread = get_thread_for_member(request, pk, thread)
    if request.POST.get("status") == "open":
        comments.reopen(thread=thread, user=request.user)
        messages.success(request, "Thread reopened.")
    else:
        comments.resolve(thread=thread, user=request.user)
        messages.success(request, "Thread resolved.")
    return redirect(_back(request, thread))


@login_required
@require_POST
def link_new(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    form = ReviewLinkForm(request.POST)
    if not form.is_valid():
        return revision_page(request, revision, link_form=form)
    made = review_links.create_link(
        revision=revision,
        user=request.user,
        label=form.cleaned_data["label"],
        can_comment=form.cleaned_data["access"] == "comment",
        days=form.cleaned_data["days"],
    )
    url = request.build_absolute_uri(reverse("reviewlink:page", args=[made.token]))
    # Shown here once, never stored: the page is not cached (signed in: no-store).
    return render(
        request,
        "ordinances/review_link_created.html",
        {"draft": revision.draft, "revision": revision, "link": made.link, "url": url},
    )


@login_required
@require_POST
def link_revoke(request, pk: int, link: int):
    link = get_link_for_member(request, pk, link)
    review_links.revoke_link(link=link, user=request.user)
    messages.success(request, f"The link for “{link.label}” is revoked.")
    return redirect(f"{link.revision.draft.get_absolute_url()}#review-links")
