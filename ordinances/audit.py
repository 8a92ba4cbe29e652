"""The audit trail: one append-only event per thing a person did to a draft.

Services and views call `record`; the audit page reads `events_for`. An event
belongs to the draft's organisation (or, for a draft-less event, the user's),
so members see their own office's trail and nobody else's.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ordinances.models import AuditEvent, Draft, Revision
from organisations.access import organisation_of
from organisations.models import Organisation, display_name

Action = AuditEvent.Action


def record(
    *,
    user,
    action: str,
    draft: Draft | None = None,
    revision: Revision | None = None,
    **details: Any,
) -> AuditEvent:
    """Append one event. `details` must be JSON values (labels, kinds, reasons).

    record(user=request.user, action=Action.EXPORTED, revision=revision, kind="docx")
    """
    if action not in Action.values:
        raise ValueError(f"Unknown audit action {action!r}.")
    if draft is None and revision is not None:
        draft = revision.draft
    if draft is not None:
        organisation = draft.organisation
    else:
        organisation = organisation_of(user)
        if organisation is None:
            raise ValueError("An event without a draft needs a user who belongs to an office.")
    event = AuditEvent(
        organisation=organisation,
        user=user,
        action=action,
        draft=draft,
        revision=revision,
        details=details,
    )
    event.save()
    return event


def events_for(organisation: Organisation, *, draft: Draft | None = None) -> QuerySet[AuditEvent]:
    """The office's trail, newest first; one draft's when `draft` is given."""
    events = AuditEvent.objects.filter(organisation=organisation)
    if draft is not None:
        events = events.filter(draft=draft)
    return events.select_related("user", "draft", "revision").order_by("-created_at", "-pk")


_DETAIL_LABELS = {
    "kind": "Format",
    "message": "Message",
    "old_title": "Old name",
    "new_title": "New name",
    "old": "Old side",
    "new": "New side",
    "source": "From",
    "clause": "Clause",
    "rules": "Rules",
    "reason": "Reason",
    "line_numbers": "Line numbers",
    "quote": "Quote",
    "reviewer": "Reviewer",
    "link": "Review link",
    "sign_off": "Sign-off",
    "note": "Note",
    "expires": "Expires",
    "access": "Access",
}


def actor(event: AuditEvent) -> str:
    """Who did it, for the page: the member, or the outside reviewer and the link they
    used (the event is then the link creator's, who answers for the link)."""
    member = display_name(event.user)
    link = event.details.get("link")
    if link and event.action in _LINK_USES:
        reviewer = event.details.get("reviewer") or "A reviewer"
        return f"{reviewer} (review link “{link}”, sent by {member})"
    return member


_LINK_USES = {
    Action.COMMENTED,
    Action.COMMENT_REPLIED,
    Action.LINK_VIEWED,
    Action.LINK_SIGNED_OFF,
    Action.LINK_REFUSED,
}


def detail_items(event: AuditEvent) -> list[tuple[str, str]]:
    """An event's details as (label, text) pairs for the page, in a stable order."""
    items = []
    for key, value in sorted(event.details.items()):
        if value in ("", None, [], False):
            continue
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif value is True:
            value = "yes"
        items.append((_DETAIL_LABELS.get(key, key.replace("_", " ").capitalize()), str(value)))
    return items
