"""The admin for write-once records."""

from __future__ import annotations

from django.contrib import admin


class AppendOnlyAdmin(admin.ModelAdmin):
    """View-only: no add, change or delete, whatever the user's permissions.

    For rows that are never changed or deleted once saved (revisions, clause
    versions, audit events, export overrides); the app itself adds them.
    """

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
