"""Offices and their members: every draft, house edition and audit event belongs to one.

The tables keep the names they had when these models lived in `ordinances`
(`db_table`), so moving them here changed no data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Organisation(models.Model):
    """A council office or a city attorney's office; every draft belongs to one."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        db_table = "ordinances_organisation"

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user's membership. One organisation per user keeps isolation simple to reason about."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "ordinances_membership"

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation}"


def display_name(user) -> str:
    """How a member is named on pages, in exports and in the audit trail: their full
    name, or their username when they have none."""
    return user.get_full_name() or user.username
