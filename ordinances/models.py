"""Drafts and their immutable revisions, workspaces and the audit trail.

A revision is a snapshot: the draft spec (which pins every clause version), the
author, the time and a message. It is never updated or deleted; the document is
rebuilt from it. A (draft, number) unique constraint makes two saves based on
the same revision race for one number: exactly one wins.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from common.models import WriteOnceModel
from drafting.spec import DraftSpec, parse_spec
from organisations.models import Organisation


class Draft(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="drafts")
    title = models.CharField(max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    duplicated_from = models.ForeignKey(
        "Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ordinances:draft_detail", args=[self.pk])

    def latest_revision(self) -> Revision | None:
        return self.revisions.order_by("-number").first()


class Revision(WriteOnceModel):
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField()
    spec = models.JSONField()
    clause_versions = models.JSONField(help_text="Pinned clause versions: slug -> number.")
    locality = models.CharField(max_length=200)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    message = models.CharField(max_length=500, blank=True)
    lint_errors = models.PositiveIntegerField(default=0)
    lint_warnings = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["draft", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "number"], name="unique_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.draft} r{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("ordinances:revision_detail", args=[self.draft_id, self.number])

    def draft_spec(self) -> DraftSpec:
        return parse_spec(self.spec)

    @property
    def lint_status(self) -> str:
        if self.lint_errors:
            return "errors"
        if self.lint_warnings:
            return "warnings"
        return "clean"


class Workspace(models.Model):
    """One person's unsaved wizard input for one draft: survives Back, Next and sign-out.

    `spec` holds the answers that are valid so far; `unsaved` the input of each
    step that still needs correcting, exactly as typed (step slug -> field ->
    values), so Back and Next never lose it. `base_revision` is the revision the
    input started from; saving refuses when someone else has saved a newer one
    meanwhile, and the answers are then merged onto theirs (see `drafting.merge`).
    """

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="workspaces")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    spec = models.JSONField()
    unsaved = models.JSONField(default=dict, blank=True)
    base_revision = models.PositiveIntegerField(default=0)
    step = models.CharField(max_length=30, default="locality")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["draft", "user"], name="one_workspace_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.draft}"


class AuditEvent(WriteOnceModel):
    """Who did what to which draft, and when. Append-only, like a revision.

    Written by `ordinances.audit.record` from the services and views; shown to
    the organisation's members. `details` holds labels and values (an export's
    kind, a rename's old and new title), never another row's primary key, so an
    exported trail still reads right after `import_org`.
    """

    class Action(models.TextChoices):
        DRAFT_CREATED = "draft_created", "created the draft"
        REVISION_SAVED = "revision_saved", "saved a revision"
        RENAMED = "renamed", "renamed the draft"
        EXPORTED = "exported", "downloaded"
        EXPORT_ANYWAY = "export_anyway", "chose to export despite § 1373 errors"
        COMPARED = "compared", "compared"
        ARCHIVED = "archived", "archived the draft"
        RESTORED = "restored", "restored the draft"
        DUPLICATED = "duplicated", "started the draft as a duplicate"
        FIX_APPLIED = "fix_applied", "applied a lint fix"
        REVIEW_IMPORTED = "review_imported", "brought back a reviewed file"
        REVIEW_DECIDED = "review_decided", "accepted a reviewer's changes"
        COMMENTED = "commented", "commented"
        COMMENT_REPLIED = "comment_replied", "replied to a comment"
        THREAD_RESOLVED = "thread_resolved", "resolved a comment thread"
        THREAD_REOPENED = "thread_reopened", "reopened a comment thread"
        LINK_CREATED = "link_created", "created a review link"
        LINK_REVOKED = "link_revoked", "revoked a review link"
        LINK_VIEWED = "link_viewed", "opened a review link"
        LINK_SIGNED_OFF = "link_signed_off", "signed off through a review link"
        LINK_REFUSED = "link_refused", "was refused a review link"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="audit_events"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=30, choices=Action.choices)
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.PROTECT, related_name="audit_events"
    )
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"], name="audit_org_time")]

    def __str__(self) -> str:
        return f"{self.user} {self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class ReviewImport(models.Model):
    """A reviewed Word file brought back to a draft: what was read from it and the
    drafter's decisions on each proposed change.

    `changes` is `drafting.review.Review.as_dict()` (the proposed changes and each
    clause's text as segments), read once against `base`, the revision the file
    came from; `decisions` maps a change's id to "accept" or "reject". Accepting
    saves a new revision (`revision`) through the ordinary save path.
    """

    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="review_imports")
    base = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(max_length=255)
    matched_by = models.CharField(max_length=20, help_text="keys (the export's) or text")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField()
    decisions = models.JSONField(default=dict, blank=True)
    revision = models.ForeignKey(
        Revision, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.file_name} on {self.draft}"


class CommentThread(models.Model):
    """A discussion anchored to a quoted span of one clause of one revision.

    `quote` is the span as quoted (words separated by single spaces; empty: the
    clause as a whole); it occurred in the clause's text on `revision` when the
    thread was opened. On a later revision the quote may be gone: the thread is
    then shown as outdated, never dropped. Opened, replied to, resolved and
    reopened through `ordinances.comments`, which audits each.
    """

    class Status(models.TextChoices):
        OPEN = "open", "open"
        RESOLVED = "resolved", "resolved"

    class Source(models.TextChoices):
        APP = "app", "in the app"
        WORD = "word", "from a Word file"
        LINK = "link", "through a review link"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="comment_threads")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    clause_key = models.CharField(max_length=100)
    quote = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.APP)
    review_link = models.ForeignKey(
        "ReviewLink", null=True, blank=True, on_delete=models.PROTECT, related_name="threads"
    )
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["draft", "status"], name="thread_draft_status")]

    def __str__(self) -> str:
        return f"{self.clause_key}: “{self.quote[:40]}” ({self.status})"


class Comment(WriteOnceModel):
    """One comment of a thread. `author` is the member who wrote it; an outside
    reviewer (or a Word file's author) has only `author_name`."""

    thread = models.ForeignKey(CommentThread, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author_name = models.CharField(max_length=100)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]  # as written (a Word reply may carry no time)

    def __str__(self) -> str:
        return f"{self.author_name}: {self.body[:40]}"


class ReviewLink(models.Model):
    """A link that lets someone without an account read one revision (and, when
    `can_comment`, comment and sign off) until it expires or is revoked.

    Only the SHA-256 of the token is stored; the token itself is shown once, to
    the drafter who creates the link (`ordinances.review_links`).
    """

    class SignOff(models.TextChoices):
        NONE = "", "no sign-off yet"
        APPROVED = "approved", "approved"
        CHANGES_REQUESTED = "changes_requested", "changes requested"

    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="review_links")
    label = models.CharField(max_length=200)
    can_comment = models.BooleanField(default=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sign_off = models.CharField(max_length=20, choices=SignOff.choices, blank=True, default="")
    sign_off_name = models.CharField(max_length=100, blank=True)
    sign_off_note = models.TextField(blank=True)
    sign_off_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label} ({self.revision})"

    def state(self, now=None) -> str:
        """ "revoked", "expired" or "active"."""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= (now or timezone.now()):
            return "expired"
        return "active"
