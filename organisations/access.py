"""Which organisation a user acts for: the one place that answers it."""

from __future__ import annotations

from common.errors import NotFound
from organisations.models import Organisation


def organisation_of(user) -> Organisation | None:
    """The user's organisation, or None for a user with no membership (or signed out)."""
    membership = getattr(user, "membership", None)
    return membership.organisation if membership is not None else None


def require_organisation(user) -> Organisation:
    """The user's organisation; NotFound (a 404 in views) when they have none."""
    organisation = organisation_of(user)
    if organisation is None:
        raise NotFound("You are not a member of any organisation.")
    return organisation
