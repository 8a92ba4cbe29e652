"""Comment threads on a draft: open, reply, resolve, reopen; what the pages and exports show.

Keyword-only services, each audited (`ordinances.audit`). A thread is anchored to
a revision, a clause key (the clause's slug, as local edits name it) and a
quoted span that must occur in that clause's text on that revision. Who acts:

- a member (`user`): the audit event is theirs;
- an outside reviewer through a review link (`review_link`): the event is the
  link creator's, who answers for the link, with the reviewer's name and the
  link's label in its details (the audit page shows the reviewer);
- neither (a Word comment brought in by the review import, which audits its own
  step): no event here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from drafting.edits import clause_text
from drafting.threads import (
    MAX_BODY,
    MAX_NAME,
    MAX_QUOTE,
    AnchoredThread,
    Remark,
    clean_quote,
    quote_span,
)
from ordinances import audit
from ordinances.documents import clauses_for, document_for
from ordinances.models import Comment, CommentThread, Draft, ReviewLink, Revision

MAX_THREADS_PER_DRAFT = 2000


class CommentError(ValueError):
    """A comment that cannot be saved; the message says why, for the form."""


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clean_body(body: str) -> str:
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise CommentError("Write a comment.")
    if len(body) > MAX_BODY:
        raise CommentError(f"A comment can be at most {MAX_BODY:,} characters.")
    return body


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise CommentError("Give your name.")
    if len(name) > MAX_NAME:
        raise CommentError(f"A name can be at most {MAX_NAME} characters.")
    return name


def clause_choices(revision: Revision) -> list[tuple[str, str]]:
    """(clause key, title) for every clause with text in the revision, in document order:
    the library clause's title ("No 287(g) agreements"), or the heading of a section
    of the draft's own."""
    document = document_for(revision)
    titles = {clause.slug: clause.title for clause in clauses_for(revision)}
    choices: dict[str, str] = {}
    if document.clause_versions.get("title") is not None:
        choices["title"] = titles.get("title", "Title")
    for section in document.sections:
        for block in section.blocks:
            if block.clause and block.clause not in choices:
                choices[block.clause] = titles.get(block.clause, section.title)
    return list(choices.items())


def check_anchor(revision: Revision, clause_key: str, quote: str) -> str:
    """The quote as stored, if it occurs in the clause's text on `revision`; CommentError
    otherwise."""
    quote = clean_quote(quote)
    if len(quote) > MAX_QUOTE:
        raise CommentError(f"Quote at most {MAX_QUOTE} characters of the clause.")
    text = clause_text(document_for(revision), clause_key) if len(clause_key) <= 100 else None
    if text is None:
        raise CommentError(f"Revision {revision.number} has no clause “{_short(clause_key)}”.")
    if quote_span(text, quote) is None:
        raise CommentError(
            f"“{_short(quote)}” is not in the text of that clause in revision {revision.number}; "
            "copy the words exactly as the clause has them."
        )
    return quote


def _record(
    *, action: str, thread: CommentThread, user, review_link: ReviewLink | None, **details
) -> None:
    if user is None and review_link is not None:
        user = review_link.created_by
        details.update(link=review_link.label)
    if user is None:
        return
    audit.record(
        user=user,
        action=action,
        revision=thread.revision,
        clause=thread.clause_key,
        quote=_short(thread.quote, 120),
        **details,
    )


@transaction.atomic
def open_thread(
    *,
    revision: Revision,
    clause_key: str,
    quote: str,
    body: str,
    author_name: str,
    created_at: dt.datetime | None = None,
    source: str = "app",
    replies: Sequence[tuple[str, dt.datetime | None, str]] = (),
    user=None,
    review_link: ReviewLink | None = None,
) -> CommentThread:
    """Open a thread on `quote` in clause `clause_key` of `revision`, with its first
    comment and any `replies` ((author name, time, body), as a Word file carries them).

    A Word comment (`source="word"`) that is one of the draft's own threads coming
    back from its annotated export (same clause, quote, first author and words) is
    not opened twice: that thread gets the replies it lacks and is returned.

    `user` is the member writing it (then `author_name` is theirs); `review_link`
    the link an outside reviewer writes through. CommentError names what is wrong.
    """
    if source not in CommentThread.Source.values:
        raise CommentError(f"Unknown comment source {source!r}.")
    quote = check_anchor(revision, clause_key, quote)
    body, author_name = _clean_body(body), _clean_name(author_name)
    cleaned = [(_clean_name(name), when, _clean_body(text)) for name, when, text in replies]
    draft = revision.draft
    if source == CommentThread.Source.WORD:
        known = _known_thread(draft, clause_key, quote, author_name, body)
        if known is not None:
            _add_missing_replies(known, cleaned)
            return known
    if CommentThread.objects.filter(draft=draft).count() >= MAX_THREADS_PER_DRAFT:
        raise CommentError(f"A draft can hold at most {MAX_THREADS_PER_DRAFT:,} threads.")
    thread = CommentThread.objects.create(
        draft=draft,
        revision=revision,
        clause_key=clause_key,
        quote=quote,
        source=source,
        review_link=review_link,
        created_at=created_at or timezone.now(),
    )
    Comment(
        thread=thread, author=user, author_name=author_name, body=body, created_at=thread.created_at
    ).save()
    for name, when, text in cleaned:
        Comment(
            thread=thread, author_name=name, body=text, created_at=when or timezone.now()
        ).save()
    details = {"reviewer": author_name} if review_link is not None else {}
    _record(
        action=audit.Action.COMMENTED, thread=thread, user=user, review_link=review_link, **details
    )
    return thread


def _words(text: str) -> str:
    return " ".join(text.split())


def _known_thread(
    draft: Draft, clause_key: str, quote: str, author_name: str, body: str
) -> CommentThread | None:
    """The draft's thread a Word comment came from, when the file was our annotated
    export: same clause and quote, first comment by the same author with the same
    words (Word may have reflowed the whitespace)."""
    candidates = CommentThread.objects.filter(draft=draft, clause_key=clause_key, quote=quote)
    for thread in candidates.prefetch_related("comments"):
        first = thread.comments.all()[0]
        if first.author_name == author_name and _words(first.body) == _words(body):
            return thread
    return None


def _add_missing_replies(
    thread: CommentThread, replies: Sequence[tuple[str, dt.datetime | None, str]]
) -> None:
    """Append the replies the thread does not hold yet (by author and words)."""
    held = {(c.author_name, _words(c.body)) for c in thread.comments.all()}
    for name, when, text in replies:
        if (name, _words(text)) not in held:
            Comment(
                thread=thread, author_name=name, body=text, created_at=when or timezone.now()
            ).save()
            held.add((name, _words(text)))


@transaction.atomic
def reply(
    *,
    thread: CommentThread,
    body: str,
    author_name: str,
    user=None,
    review_link: ReviewLink | None = None,
) -> Comment:
    """Add a comment to `thread` (a member's, or a reviewer's through `review_link`)."""
    comment = Comment(
        thread=thread, author=user, author_name=_clean_name(author_name), body=_clean_body(body)
    )
    comment.save()
    details = {"reviewer": comment.author_name} if review_link is not None else {}
    _record(
        action=audit.Action.COMMENT_REPLIED,
        thread=thread,
        user=user,
        review_link=review_link,
        **details,
    )
    return comment


def _set_status(*, thread: CommentThread, user, status: str, action: str) -> CommentThread:
    if thread.status == status:
        return thread
    thread.status = status
    thread.status_changed_at = timezone.now()
    thread.status_changed_by = user
    thread.save(update_fields=["status", "status_changed_at", "status_changed_by"])
    _record(action=action, thread=thread, user=user, review_link=None)
    return thread


def resolve(*, thread: CommentThread, user) -> CommentThread:
    """Mark the thread resolved (a member only); resolving a resolved thread does nothing."""
    return _set_status(
        thread=thread,
        user=user,
        status=CommentThread.Status.RESOLVED,
        action=audit.Action.THREAD_RESOLVED,
    )


def reopen(*, thread: CommentThread, user) -> CommentThread:
    """Open a resolved thread again (a member only)."""
    return _set_status(
        thread=thread,
        user=user,
        status=CommentThread.Status.OPEN,
        action=audit.Action.THREAD_REOPENED,
    )


# -- reading ----------------------------------------------------------------------


@dataclass(frozen=True)
class ThreadView:
    """A thread as a page shows it against one revision: `outdated` when its quote is no
    longer in its clause there."""

    thread: CommentThread
    comments: list[Comment]
    outdated: bool
    clause_title: str


def is_outdated(thread: CommentThread, revision: Revision) -> bool:
    """Whether the thread's quote no longer occurs in its clause on `revision`."""
    if revision.pk == thread.revision_id:
        return False
    text = clause_text(document_for(revision), thread.clause_key)
    return text is None or quote_span(text, thread.quote) is None


def threads_for(
    draft: Draft, *, revision: Revision | None = None, status: str | None = None
) -> list[ThreadView]:
    """The draft's threads against `revision` (default: the latest): those opened on it
    or an earlier one, oldest first; `status` "open" or "resolved" to filter."""
    revision = revision or draft.latest_revision()
    if revision is None:
        return []
    threads = CommentThread.objects.filter(draft=draft, revision__number__lte=revision.number)
    if status:
        threads = threads.filter(status=status)
    threads = threads.select_related("revision", "review_link").prefetch_related("comments")
    titles = dict(clause_choices(revision))
    return [
        ThreadView(
            thread=thread,
            comments=list(thread.comments.all()),
            outdated=is_outdated(thread, revision),
            clause_title=titles.get(thread.clause_key, thread.clause_key),
        )
        for thread in threads
    ]


def open_threads_by_clause(draft: Draft) -> dict[str, list[ThreadView]]:
    """Open threads against the latest revision, by clause key (for the wizard)."""
    grouped: dict[str, list[ThreadView]] = {}
    for view in threads_for(draft, status=CommentThread.Status.OPEN):
        grouped.setdefault(view.thread.clause_key, []).append(view)
    return grouped


def anchored_threads(revision: Revision) -> list[AnchoredThread]:
    """The open threads to write into `revision`'s annotated .docx, oldest first."""
    return [
        AnchoredThread(
            clause=view.thread.clause_key,
            quote=view.thread.quote,
            remarks=tuple(Remark(c.author_name, c.created_at, c.body) for c in view.comments),
            outdated=view.outdated,
        )
        for view in threads_for(revision.draft, revision=revision, status="open")
    ]


def threads_digest(threads: Iterable[AnchoredThread]) -> str:
    """A short fingerprint of the threads, so a cached annotated export changes with them."""
    digest = hashlib.sha256()
    for thread in threads:
        digest.update(repr(thread).encode())
    return digest.hexdigest()[:16]
