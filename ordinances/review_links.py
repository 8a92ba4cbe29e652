"""Review links: someone without an account reads one revision, comments and signs off.

A link's token is 32 random bytes (`secrets`), shown once to the drafter who
creates it; only its SHA-256 is stored, so the database alone opens nothing.
The token names the link and the link names one revision: a reviewer reaches
that revision's text and redline, and nothing else. Every use is audited
(`ordinances.audit`): created, opened, commented, signed off, revoked, and
each refusal of an expired or revoked link. Events of a reviewer's use belong
to the link's creator, with the reviewer's name and the link's label in the
details.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from common.errors import NotFound
from common.ratelimit import hit
from drafting.threads import MAX_BODY, MAX_NAME
from ordinances import audit, comments
from ordinances.models import CommentThread, ReviewLink, Revision

DEFAULT_DAYS = 14
MAX_DAYS = 90
MAX_LABEL = 200
MAX_TOKEN = 100
# Comments through one link: per address, and for the link from every address.
COMMENTS_PER_ADDRESS = (20, 10 * 60)
COMMENTS_PER_LINK = (200, 60 * 60)


class LinkGone(Exception):
    """The link exists but may no longer be used: `reason` is "expired" or "revoked"."""

    def __init__(self, link: ReviewLink, reason: str):
        self.link, self.reason = link, reason
        super().__init__(f"This review link was {reason}.")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewLink:
    """A link just made, with its token: the only time the token is known."""

    link: ReviewLink
    token: str


def create_link(
    *, revision: Revision, user, label: str, can_comment: bool, days: int = DEFAULT_DAYS
) -> NewLink:
    """A review link to `revision` for `label` ("City Attorney's Office"), expiring in
    `days` (1 to 90)."""
    label = " ".join(label.split())
    if not label or len(label) > MAX_LABEL:
        raise ValueError(f"Say whom the link is for (at most {MAX_LABEL} characters).")
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"A link can last 1 to {MAX_DAYS} days.")
    token = secrets.token_urlsafe(32)
    link = ReviewLink.objects.create(
        revision=revision,
        label=label,
        can_comment=can_comment,
        token_hash=token_hash(token),
        created_by=user,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    audit.record(
        user=user,
        action=audit.Action.LINK_CREATED,
        revision=revision,
        link=label,
        access="can comment" if can_comment else "read only",
        expires=f"{link.expires_at:%Y-%m-%d %H:%M} UTC",
    )
    return NewLink(link, token)


def revoke_link(*, link: ReviewLink, user) -> ReviewLink:
    """Revoke the link now (revoking twice does nothing more)."""
    if link.revoked_at is None:
        link.revoked_at, link.revoked_by = timezone.now(), user
        link.save(update_fields=["revoked_at", "revoked_by"])
        audit.record(
            user=user, action=audit.Action.LINK_REVOKED, revision=link.revision, link=link.label
        )
    return link


def _record_use(link: ReviewLink, action: str, **details) -> None:
    details = {key: value for key, value in details.items() if value}
    audit.record(
        user=link.created_by, action=action, revision=link.revision, link=link.label, **details
    )


def link_for_token(
    token: str, *, reviewer_of: Callable[[ReviewLink], str] | None = None
) -> ReviewLink:
    """The usable link `token` opens. NotFound for no such link; LinkGone for an
    expired or revoked one, audited with the reviewer's name (`reviewer_of`) if known."""
    if not token or len(token) > MAX_TOKEN:
        raise NotFound("No such review link.")
    link = (
        ReviewLink.objects.select_related("revision__draft__organisation", "created_by")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if link is None:
        raise NotFound("No such review link.")
    state = link.state()
    if state != "active":
        reviewer = reviewer_of(link) if reviewer_of else ""
        _record_use(link, audit.Action.LINK_REFUSED, reason=state, reviewer=reviewer)
        raise LinkGone(link, state)
    return link


def record_view(link: ReviewLink, *, reviewer: str = "") -> None:
    _record_use(link, audit.Action.LINK_VIEWED, reviewer=reviewer)


def comment_wait(link: ReviewLink, address: str) -> int:
    """Count one comment through `link` from `address`: seconds to wait if over the limit."""
    limit, window = COMMENTS_PER_ADDRESS
    wait = hit(f"review-comment:{link.pk}:{address}", limit=limit, window=window)
    if wait:
        return wait
    limit, window = COMMENTS_PER_LINK
    return hit(f"review-comment:{link.pk}", limit=limit, window=window)


def _check_can_comment(link: ReviewLink) -> None:
    if not link.can_comment:
        raise comments.CommentError("This link is for reading only.")


def comment_through(
    *, link: ReviewLink, reviewer: str, clause_key: str, quote: str, body: str
) -> CommentThread:
    """A reviewer's comment on a clause and quoted span of the link's revision."""
    _check_can_comment(link)
    return comments.open_thread(
        revision=link.revision,
        clause_key=clause_key,
        quote=quote,
        body=body,
        author_name=reviewer,
        source=CommentThread.Source.LINK,
        review_link=link,
    )


def sign_off(*, link: ReviewLink, reviewer: str, decision: str, note: str = "") -> ReviewLink:
    """Record the reviewer's sign-off, "approved" or "changes_requested", with an
    optional note; a later sign-off through the same link replaces it (both audited)."""
    _check_can_comment(link)
    if decision not in (ReviewLink.SignOff.APPROVED, ReviewLink.SignOff.CHANGES_REQUESTED):
        raise comments.CommentError("Choose “approved” or “changes requested”.")
    reviewer = " ".join(reviewer.split())
    if not reviewer or len(reviewer) > MAX_NAME:
        raise comments.CommentError(f"Give your name (at most {MAX_NAME} characters).")
    note = note.replace("\r\n", "\n").strip()
    if len(note) > MAX_BODY:
        raise comments.CommentError(f"A note can be at most {MAX_BODY:,} characters.")
    link.sign_off, link.sign_off_name, link.sign_off_note = decision, reviewer, note
    link.sign_off_at = timezone.now()
    link.save(update_fields=["sign_off", "sign_off_name", "sign_off_note", "sign_off_at"])
    _record_use(
        link,
        audit.Action.LINK_SIGNED_OFF,
        reviewer=reviewer,
        sign_off=link.get_sign_off_display(),
        note=note[:200],
    )
    return link


def links_for(draft) -> list[ReviewLink]:
    """The draft's review links, newest first."""
    return list(
        ReviewLink.objects.filter(revision__draft=draft).select_related("revision", "created_by")
    )
