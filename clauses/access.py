"""Who may edit the library, and for whom.

Reading the library needs only a sign-in. Writing needs a permission:
`clauses.edit_library` for library versions and editions (every organisation
sees them), `clauses.edit_house_edition` (or `edit_library`) plus a membership
for an organisation's own house versions and editions. Anyone else signed in
gets a 403 page that says so: the library is not secret, so there is nothing
to hide behind a 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpResponse
from django.shortcuts import render

from clauses.forms import SCOPE_HOUSE, SCOPE_LIBRARY
from organisations.access import organisation_of

if TYPE_CHECKING:
    from organisations.models import Organisation


def editor_scopes(user) -> list[tuple[str, str]]:
    """The scopes `user` may write in, as form choices; empty for a drafter."""
    scopes = []
    if user.has_perm("clauses.edit_library"):
        scopes.append((SCOPE_LIBRARY, "The library: every organisation"))
    organisation = organisation_of(user)
    if organisation is not None and (
        user.has_perm("clauses.edit_house_edition") or user.has_perm("clauses.edit_library")
    ):
        scopes.append((SCOPE_HOUSE, f"House language of {organisation.name} only"))
    return scopes


def scope_organisation(user, scope: str) -> Organisation | None:
    """The organisation a scope writes for (None: the library)."""
    return organisation_of(user) if scope == SCOPE_HOUSE else None


def editors_only(request, action: str) -> HttpResponse:
    """The 403 page for a signed-in user who may not write to the library."""
    return render(request, "clauses/editors_only.html", {"action": action}, status=403)
