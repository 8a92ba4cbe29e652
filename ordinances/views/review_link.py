"""The page a review link opens, for someone without an account.

The token in the URL is the only key: it opens one revision's clean text and
its redline against the previous revision, and (when the link allows) a form
to comment on a clause and a quoted span and one to sign off. Nothing here
links to the rest of the app. An expired or revoked link answers 410 with the
reason and never the text; an unknown token is a 404. Pages are never cached.
The reviewer's name is kept in their session for the link, so they give it once.
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from drafting.diff import diff_documents
from drafting.render.compare_html import counts_text, redline_html
from drafting.render.html import render_html
from ordinances import comments, review_links
from ordinances.comment_forms import ReviewerCommentForm, SignOffForm
from ordinances.documents import document_for
from ordinances.models import CommentThread, ReviewLink
from ordinances.review_links import LinkGone


def _name_key(link: ReviewLink) -> str:
    return f"review-link-name:{link.pk}"


def _reviewer(request, link: ReviewLink) -> str:
    name = request.session.get(_name_key(link), "")
    return name if isinstance(name, str) else ""


def _gone(request, gone: LinkGone):
    return render(
        request,
        "ordinances/review_link_gone.html",
        {"reason": gone.reason, "link": gone.link},
        status=410,
    )


def _page(
    request,
    link: ReviewLink,
    *,
    comment_form: ReviewerCommentForm | None = None,
    sign_off_form: SignOffForm | None = None,
    status: int = 200,
):
    revision = link.revision
    document = document_for(revision)
    previous = revision.draft.revisions.filter(number=revision.number - 1).first()
    redline = counts = ""
    if previous is not None:
        diff = diff_documents(document_for(previous), document)
        redline, counts = redline_html(diff), counts_text(diff)
    name = _reviewer(request, link)
    clauses = comments.clause_choices(revision)
    titles = dict(clauses)
    threads = [
        (thread, titles.get(thread.clause_key, thread.clause_key))
        for thread in CommentThread.objects.filter(review_link=link).prefetch_related("comments")
    ]
    return render(
        request,
        "ordinances/review_link.html",
        {
            "link": link,
            "revision": revision,
            "title": document.title,
            "document_html": render_html(document),
            "previous": previous,
            "redline_html": redline,
            "counts": counts,
            "threads": threads,
            "comment_form": comment_form or ReviewerCommentForm(clauses, initial={"name": name}),
            "sign_off_form": sign_off_form
            or SignOffForm(initial={"name": name, "decision": link.sign_off or None}),
            "token": request.resolver_match.kwargs["token"],
        },
        status=status,
    )


def _link(request, token: str) -> ReviewLink | LinkGone:
    """The usable link, or why it is not (audited); NotFound (a 404) for no link."""
    try:
        return review_links.link_for_token(token, reviewer_of=lambda link: _reviewer(request, link))
    except LinkGone as gone:
        return gone


@never_cache
@require_GET
def link_page(request, token: str):
    link = _link(request, token)
    if isinstance(link, LinkGone):
        return _gone(request, link)
    review_links.record_view(link, reviewer=_reviewer(request, link))
    return _page(request, link)


@never_cache
@require_POST
def link_comment(request, token: str):
    link = _link(request, token)
    if isinstance(link, LinkGone):
        return _gone(request, link)
    form = ReviewerCommentForm(comments.clause_choices(link.revision), request.POST)
    if not link.can_comment:
        form.is_valid()
        form.add_error(None, "This link is for reading only.")
        return _page(request, link, comment_form=form, status=403)
    if form.is_valid():
        wait = review_links.comment_wait(link, request.META.get("REMOTE_ADDR", ""))
        if wait:
            form.add_error(None, f"Too many comments in a short time. Try again in {wait} seconds.")
            response = _page(request, link, comment_form=form, status=429)
            response["Retry-After"] = str(wait)
            return response
        try:
            thread = review_links.comment_through(
                link=link,
                reviewer=form.cleaned_data["name"],
                clause_key=form.cleaned_data["clause"],
                quote=form.cleaned_data["quote"],
                body=form.cleaned_data["body"],
            )
        except comments.CommentError as error:
            form.add_error("quote", str(error))
        else:
            request.session[_name_key(link)] = thread.comments.first().author_name
            url = reverse("reviewlink:page", args=[token])
            return redirect(f"{url}#thread-{thread.pk}")
    return _page(request, link, comment_form=form)


@never_cache
@require_POST
def link_sign_off(request, token: str):
    link = _link(request, token)
    if isinstance(link, LinkGone):
        return _gone(request, link)
    form = SignOffForm(request.POST)
    if not link.can_comment:
        form.is_valid()
        form.add_error(None, "This link is for reading only.")
        return _page(request, link, sign_off_form=form, status=403)
    if form.is_valid():
        try:
            review_links.sign_off(
                link=link,
                reviewer=form.cleaned_data["name"],
                decision=form.cleaned_data["decision"],
                note=form.cleaned_data["note"],
            )
        except comments.CommentError as error:
            form.add_error(None, str(error))
        else:
            request.session[_name_key(link)] = link.sign_off_name
            return redirect(f"{reverse('reviewlink:page', args=[token])}#sign-off")
    return _page(request, link, sign_off_form=form)
