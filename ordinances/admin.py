"""Offices, members and drafts in the admin. Nothing saved is lost from here.

Revisions and audit events are view-only (append-only models). A draft can be
renamed here, but not deleted, and the rename is audited as in the app; archiving and
restoring happen in the app, which audits them.
"""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction

from common.admin import AppendOnlyAdmin
from ordinances import audit
from ordinances.models import AuditEvent, Draft, Revision


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "created_by", "created_at", "archived_at"]
    list_filter = ["organisation", ("archived_at", admin.EmptyFieldListFilter)]
    list_select_related = ["organisation", "created_by"]
    search_fields = ["title"]
    fields = ["title", "organisation", "created_by", "created_at", "archived_at", "duplicated_from"]
    readonly_fields = ["organisation", "created_by", "created_at", "archived_at", "duplicated_from"]

    def has_add_permission(self, request) -> bool:
        return False  # a draft starts with the wizard or a spec, which validate it

    def save_model(self, request, obj, form, change) -> None:
        """Save, and audit a rename in the office's trail as the app does ("via admin")."""
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if change and "title" in form.changed_data:
                audit.record(
                    user=request.user,
                    action=audit.Action.RENAMED,
                    draft=obj,
                    old_title=form.initial.get("title", ""),
                    new_title=obj.title,
                    via="admin",
                )

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Revision)
class RevisionAdmin(AppendOnlyAdmin):
    list_display = ["draft", "number", "author", "created_at", "lint_errors", "lint_warnings"]
    list_filter = ["draft__organisation"]
    list_select_related = ["draft", "author"]
    search_fields = ["draft__title", "message"]
    date_hierarchy = "created_at"


@admin.register(AuditEvent)
class AuditEventAdmin(AppendOnlyAdmin):
    list_display = ["created_at", "organisation", "user", "action", "draft", "revision"]
    list_filter = ["organisation", "action"]
    list_select_related = ["organisation", "user", "draft", "revision"]
    date_hierarchy = "created_at"
