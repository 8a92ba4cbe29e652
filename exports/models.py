"""What exports record: an explicit "export anyway" past §1373 errors, on the revision."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from common.models import WriteOnceModel


class ExportOverride(WriteOnceModel):
    """A drafter chose to export a revision despite §1373 errors. Append-only."""

    revision = models.ForeignKey(
        "ordinances.Revision", on_delete=models.PROTECT, related_name="export_overrides"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    rules = models.JSONField(help_text="The rule ids of the errors exported past.")
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.revision} exported past {', '.join(self.rules)} by {self.user}"
