"""Write-once records: saved once, never changed or deleted.

`save()` on an existing row, `delete()`, and queryset `update()` / `delete()`
all raise `ImmutableError`. Clause versions, revisions, audit events and
export overrides are such records; a change is a new row.
"""

from __future__ import annotations

from django.db import models


class ImmutableError(Exception):
    """Raised on any attempt to change or remove a saved write-once record."""


class WriteOnceQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError(f"{self.model.__name__} rows are immutable; create a new version.")

    def delete(self):
        raise ImmutableError(f"{self.model.__name__} rows cannot be deleted.")


class WriteOnceModel(models.Model):
    objects = WriteOnceQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError(f"{type(self).__name__} {self.pk} is saved and cannot change.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError(f"{type(self).__name__} rows cannot be deleted.")
