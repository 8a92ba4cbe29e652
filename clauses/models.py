"""The clause library: clauses, their immutable versions and options, and editions.

A saved clause version (with its options and choices) is never edited in
place: `save()` on an existing row, `delete()`, and queryset `update()` /
`delete()` all raise `ImmutableError`. New wording is a new version. A
published edition and its entries are held the same way.

Library versions and editions (`organisation` null) are everyone's. An
organisation's house versions and editions (house language) are seen and used
by its members only: `ClauseVersion.objects.visible_to(organisation)`,
`Edition.objects.visible_to(organisation)`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from common.models import ImmutableError, WriteOnceModel, WriteOnceQuerySet
from drafting.library import KINDS, OPTION_TYPES, TOPICS, Choice, ClauseText, Correction, Option


class Clause(models.Model):
    """A clause's stable identity. Title, topic and order mirror its newest version."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    topic = models.CharField(max_length=20, choices=[(t, t) for t in TOPICS])
    order = models.PositiveIntegerField()
    recommended_version = models.ForeignKey(
        "ClauseVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The library version editors recommend; new editions default to it.",
    )

    class Meta:
        ordering = ["order", "slug"]
        permissions = [
            ("edit_library", "Can edit the clause library and publish editions"),
            (
                "edit_house_edition",
                "Can write house versions and publish the organisation's own editions",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def latest_version(self) -> ClauseVersion | None:
        """The newest library version (house versions are left out)."""
        return self.versions.filter(organisation__isnull=True).order_by("-number").first()


class _VersionQuerySet(WriteOnceQuerySet):
    def visible_to(self, organisation) -> _VersionQuerySet:
        """Library versions, and `organisation`'s own house versions (None: library only)."""
        if organisation is None:
            return self.filter(organisation__isnull=True)
        return self.filter(
            models.Q(organisation__isnull=True) | models.Q(organisation=organisation)
        )


class ClauseVersion(WriteOnceModel):
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Set for an organisation's house version; empty for the library's.",
    )
    title = models.CharField(max_length=200)
    topic = models.CharField(max_length=20, choices=[(t, t) for t in TOPICS])
    order = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, choices=[(k, k) for k in KINDS])
    heading = models.CharField(max_length=300, blank=True)
    parent = models.SlugField(blank=True)
    model = models.BooleanField(
        default=True, help_text="Part of the CPD model (included by default)."
    )
    text = models.TextField()
    change_note = models.TextField()
    source = models.CharField(max_length=500, blank=True)
    author = models.CharField(max_length=200, blank=True)
    date = models.DateField(null=True, blank=True)
    terms = models.JSONField(default=dict, blank=True)
    corrections = models.JSONField(default=list, blank=True)
    fingerprint = models.CharField(max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = _VersionQuerySet.as_manager()

    class Meta:
        ordering = ["clause__order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["clause", "number"], name="unique_clause_version")
        ]

    def __str__(self) -> str:
        return f"{self.clause.slug} v{self.number}"

    def content(self) -> ClauseText:
        """This version as the pure core's plain data (cached: versions never change).

        The key includes the creation time, so a reused primary key never finds
        another version's data (the fingerprint leaves the change note out).
        """
        key = (self.pk, self.clause_id, self.number, self.fingerprint, self.created_at)
        cached = _CONTENT_CACHE.get(key)
        if cached is None:
            cached = _CONTENT_CACHE[key] = self._build_content()
        return cached

    def _build_content(self) -> ClauseText:
        options = tuple(
            Option(
                key=o.key,
                label=o.label,
                type=o.type,
                default=o.default,
                guidance=o.guidance,
                source=o.source,
                min=o.minimum,
                max=o.maximum,
                applies_when=o.applies_when,
                choices=tuple(
                    Choice(c.value, c.label, c.text, c.guidance, c.source)
                    for c in o.choices.order_by("position")
                ),
            )
            for o in self.options.order_by("position")
        )
        return ClauseText(
            slug=self.clause.slug,
            title=self.title,
            topic=self.topic,
            order=self.order,
            kind=self.kind,
            body=self.text,
            version=self.number,
            heading=self.heading,
            parent=self.parent,
            model=self.model,
            date=self.date,
            author=self.author,
            change_note=self.change_note,
            source=self.source,
            options=options,
            terms={k: tuple(v) for k, v in self.terms.items()},
            corrections=tuple(Correction(**c) for c in self.corrections),
        )


_CONTENT_CACHE: dict[tuple, ClauseText] = {}


class VersionOption(WriteOnceModel):
    version = models.ForeignKey(ClauseVersion, on_delete=models.PROTECT, related_name="options")
    position = models.PositiveIntegerField()
    key = models.CharField(max_length=60)
    label = models.CharField(max_length=200)
    type = models.CharField(max_length=10, choices=[(t, t) for t in OPTION_TYPES])
    default = models.JSONField(null=True, blank=True)
    guidance = models.TextField(blank=True)
    source = models.CharField(max_length=500, blank=True)
    minimum = models.IntegerField(null=True, blank=True)
    maximum = models.IntegerField(null=True, blank=True)
    applies_when = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="unique_option_per_version")
        ]

    def __str__(self) -> str:
        return self.label


class OptionChoice(WriteOnceModel):
    option = models.ForeignKey(VersionOption, on_delete=models.PROTECT, related_name="choices")
    position = models.PositiveIntegerField()
    value = models.CharField(max_length=60)
    label = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    guidance = models.TextField(blank=True)
    source = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.label


class _EditionQuerySet(models.QuerySet):
    def visible_to(self, organisation) -> _EditionQuerySet:
        """Published library editions, and `organisation`'s own (None: library only)."""
        mine = models.Q(organisation__isnull=True)
        if organisation is not None:
            mine |= models.Q(organisation=organisation)
        return self.filter(mine, published=True)

    def newest_first(self) -> _EditionQuerySet:
        return self.order_by("-date", "-created_at", "-pk")

    def update(self, **kwargs):
        if self.filter(published=True).exists():
            raise ImmutableError("Published editions cannot change; publish a new edition.")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(published=True).exists():
            raise ImmutableError("Published editions cannot be deleted.")
        return super().delete()


class Edition(models.Model):
    """A named, dated set mapping each clause to one version. Immutable once published.

    `organisation` is set for an organisation's own (house) edition, which is
    `derived_from` a published library edition; a library edition is derived
    from the library edition before it. `release_notes` (one change a line)
    are written when it is published, from the change notes of the versions
    that differ from `derived_from`.
    """

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    date = models.DateField()
    description = models.TextField(blank=True)
    published = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Set for an organisation's own edition; empty for a library edition.",
    )
    derived_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    release_notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = _EditionQuerySet.as_manager()

    class Meta:
        ordering = ["date", "created_at", "slug"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.pk is not None and Edition.objects.filter(pk=self.pk, published=True).exists():
            raise ImmutableError(f"Edition {self.slug} is published and cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if Edition.objects.filter(pk=self.pk, published=True).exists() or self.published:
            raise ImmutableError(f"Edition {self.slug} is published and cannot be deleted.")
        return super().delete(*args, **kwargs)

    def versions(self) -> list[ClauseVersion]:
        return [
            entry.version
            for entry in self.entries.select_related("version__clause").order_by(
                "version__order", "clause__slug"
            )
        ]

    def contents(self) -> list[ClauseText]:
        return [version.content() for version in self.versions()]

    def release_note_lines(self) -> list[str]:
        return [line for line in self.release_notes.splitlines() if line.strip()]

    def is_newer_than(self, other: Edition) -> bool:
        return (self.date, self.created_at, self.pk) > (other.date, other.created_at, other.pk)


class _EntryQuerySet(models.QuerySet):
    def _published(self) -> bool:
        return self.filter(edition__published=True).exists()

    def update(self, **kwargs):
        if self._published():
            raise ImmutableError("The entries of a published edition cannot change.")
        return super().update(**kwargs)

    def delete(self):
        if self._published():
            raise ImmutableError("The entries of a published edition cannot change.")
        return super().delete()


class EditionEntry(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="entries")
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(ClauseVersion, on_delete=models.PROTECT, related_name="+")

    objects = _EntryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "clause"], name="one_version_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.edition.slug}: {self.clause.slug} v{self.version.number}"

    def save(self, *args, **kwargs):
        if Edition.objects.filter(pk=self.edition_id, published=True).exists():
            raise ImmutableError(f"Edition {self.edition.slug} is published and cannot change.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if Edition.objects.filter(pk=self.edition_id, published=True).exists():
            raise ImmutableError(f"Edition {self.edition.slug} is published and cannot change.")
        return super().delete(*args, **kwargs)


# State law and federal context live in their own module; imported here so Django sees them.
from clauses.state_law_models import FederalContextVersion, StateLaw, StateLawVersion  # noqa: E402, F401
from clauses.summary_models import SummaryVersion  # noqa: E402, F401
