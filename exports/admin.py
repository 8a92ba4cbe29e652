"""Export overrides in the admin: a record of a choice, so view-only."""

from __future__ import annotations

from django.contrib import admin

from common.admin import AppendOnlyAdmin
from exports.models import ExportOverride


@admin.register(ExportOverride)
class ExportOverrideAdmin(AppendOnlyAdmin):
    list_display = ["revision", "user", "created_at", "reason"]
    list_select_related = ["revision__draft", "user"]
    date_hierarchy = "created_at"
