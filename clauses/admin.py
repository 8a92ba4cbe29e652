"""The library in the admin: to look at, never to edit.

Clause versions, their options and choices are write-once (`common.models.WriteOnceModel`); the
admin must offer no path around that, so every library model is view-only here.
New wording comes from the library files (`load_library`) or the library
editing pages, which create new versions.
"""

from __future__ import annotations

from django.contrib import admin

from clauses.models import Clause, ClauseVersion, Edition, EditionEntry, OptionChoice, VersionOption
from common.admin import AppendOnlyAdmin


@admin.register(Clause)
class ClauseAdmin(AppendOnlyAdmin):
    list_display = ["slug", "title", "topic", "order"]
    list_filter = ["topic"]
    search_fields = ["slug", "title"]


@admin.register(ClauseVersion)
class ClauseVersionAdmin(AppendOnlyAdmin):
    list_display = ["clause", "number", "title", "created_at"]
    list_filter = ["topic"]
    list_select_related = ["clause"]
    search_fields = ["clause__slug", "title", "text"]


@admin.register(VersionOption)
class VersionOptionAdmin(AppendOnlyAdmin):
    list_display = ["key", "label", "type", "version"]
    list_select_related = ["version__clause"]
    search_fields = ["key", "label"]


@admin.register(OptionChoice)
class OptionChoiceAdmin(AppendOnlyAdmin):
    list_display = ["value", "label", "option"]
    list_select_related = ["option"]
    search_fields = ["value", "label"]


@admin.register(Edition)
class EditionAdmin(AppendOnlyAdmin):
    list_display = ["slug", "name", "date", "published"]


@admin.register(EditionEntry)
class EditionEntryAdmin(AppendOnlyAdmin):
    list_display = ["edition", "clause", "version"]
    list_filter = ["edition"]
    list_select_related = ["edition", "clause", "version__clause"]
