"""State law and federal context as write-once library rows, versioned like clauses.

`StateLaw` is one jurisdiction's stable identity (its postal code); each
`StateLawVersion` is its file's content as loaded, never changed: a changed
file becomes a new version, so the history of what the library said, and when,
is kept. `FederalContextVersion` does the same for the federal-context notes.
"""

from __future__ import annotations

from django.db import models

from common.models import WriteOnceModel
from drafting.federal_context import FederalContext, parse_context
from drafting.state_law import STANCES, StateLawEntry, parse_entry


class StateLaw(models.Model):
    postal = models.CharField(max_length=2, unique=True)
    state = models.CharField(max_length=60)

    class Meta:
        ordering = ["state"]

    def __str__(self) -> str:
        return self.state

    def latest_version(self) -> StateLawVersion | None:
        return self.versions.order_by("-number").first()


class StateLawVersion(WriteOnceModel):
    entry = models.ForeignKey(StateLaw, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    stance = models.CharField(max_length=12, choices=[(s, s) for s in STANCES])
    as_of = models.DateField()
    recorded = models.DateField()
    data = models.JSONField(help_text="The entry as its file said, in the file's schema.")
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["entry__state", "number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="unique_state_law_version")
        ]

    def __str__(self) -> str:
        return f"{self.entry.postal} v{self.number}"

    def content(self) -> StateLawEntry:
        """The entry as the pure core's data (cached: versions never change)."""
        key = (self.pk, self.fingerprint, self.created_at)
        cached = _ENTRY_CACHE.get(key)
        if cached is None:
            cached = _ENTRY_CACHE[key] = parse_entry(self.data, f"state-law version {self.pk}")
        return cached


_ENTRY_CACHE: dict[tuple, StateLawEntry] = {}


class FederalContextVersion(WriteOnceModel):
    number = models.PositiveIntegerField(unique=True)
    as_of = models.DateField()
    recorded = models.DateField()
    data = models.JSONField()
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Federal context v{self.number}"

    def content(self) -> FederalContext:
        return parse_context(self.data, f"federal context v{self.number}")
