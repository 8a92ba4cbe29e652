"""Plain-language clause summaries as write-once library rows, versioned like state law.

Each `SummaryVersion` is `summaries.yaml` as loaded, never changed: a changed
file becomes a new version, so what the library's summaries said, and when, is kept.
"""

from __future__ import annotations

from django.db import models

from common.models import WriteOnceModel
from drafting.summaries import Summaries, parse_summaries


class SummaryVersion(WriteOnceModel):
    number = models.PositiveIntegerField(unique=True)
    written = models.DateField()
    data = models.JSONField(help_text="summaries.yaml as loaded, in the file's schema.")
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Clause summaries v{self.number}"

    def content(self) -> Summaries:
        key = (self.pk, self.fingerprint)
        cached = _CACHE.get(key)
        if cached is None:
            cached = _CACHE[key] = parse_summaries(self.data, f"clause summaries v{self.number}")
        return cached


_CACHE: dict[tuple, Summaries] = {}
