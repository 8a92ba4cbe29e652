"""An organisation's drafts, revisions, export overrides, unsaved wizard input and audit
trail as one JSON document, and back (`manage.py export_org`, `manage.py import_org`).

The file names people by username and drafts by their position in the file, never
by database keys, so it restores into another database. Times are kept as they
were. The clause library is not in the file: the database restored into must hold
every pinned clause version with the same text (checked by fingerprint), which
`manage.py load_library` provides for the library's own versions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from clauses.models import ClauseVersion, Edition
from drafting.spec import SpecError, parse_spec
from drafting.threads import MAX_BODY, MAX_NAME
from exports.models import ExportOverride
from ordinances.comments import CommentError, check_anchor
from ordinances.models import AuditEvent, Comment, CommentThread, Draft, Revision, Workspace
from ordinances.services import document_for_spec
from organisations.models import Membership, Organisation

FORMAT = "ordinance-drafter-organisation/1"


class BackupError(ValueError):
    """The file cannot be restored here; the message says why and what to do."""


def _time(value) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: str | None):
    return parse_datetime(value) if value else None


# -- export -----------------------------------------------------------------------


def organisation_export(*, organisation: Organisation) -> dict[str, Any]:
    """Everything the organisation's members made, as JSON-ready data."""
    drafts = list(Draft.objects.filter(organisation=organisation).order_by("pk"))
    keys = {draft.pk: index + 1 for index, draft in enumerate(drafts)}
    users: dict[int, Any] = {}

    def who(user) -> str:
        users[user.pk] = user
        return user.username

    def revision_ref(revision: Revision | None) -> dict | None:
        if revision is None or revision.draft_id not in keys:
            return None
        return {"draft": keys[revision.draft_id], "number": revision.number}

    exported_drafts = [_draft_data(draft, keys, who, revision_ref) for draft in drafts]
    events = AuditEvent.objects.filter(organisation=organisation).order_by("created_at", "pk")
    audit = [
        {
            "user": who(event.user),
            "action": event.action,
            "draft": keys.get(event.draft_id),
            "revision": revision_ref(event.revision),
            "created_at": _time(event.created_at),
            "details": event.details,
        }
        for event in events.select_related("user", "revision")
    ]
    members = {
        m.user_id: m
        for m in Membership.objects.filter(organisation=organisation).select_related("user")
    }
    for membership in members.values():
        who(membership.user)
    return {
        "format": FORMAT,
        "exported_at": _time(timezone.now()),
        "organisation": {
            "name": organisation.name,
            "slug": organisation.slug,
            "created_at": _time(organisation.created_at),
        },
        "users": [
            {
                "username": user.username,
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "member_since": _time(members[pk].joined_at) if pk in members else None,
            }
            for pk, user in sorted(users.items(), key=lambda item: item[1].username)
        ],
        "library": _library_used(drafts),
        "drafts": exported_drafts,
        "audit": audit,
    }


def _draft_data(draft: Draft, keys: dict[int, int], who, revision_ref) -> dict[str, Any]:
    revisions = draft.revisions.select_related("author").order_by("number")
    overrides = ExportOverride.objects.filter(revision__draft=draft).select_related("user")
    by_revision: dict[int, list] = {}
    for override in overrides.order_by("created_at", "pk"):
        by_revision.setdefault(override.revision_id, []).append(
            {
                "user": who(override.user),
                "created_at": _time(override.created_at),
                "rules": override.rules,
                "reason": override.reason,
            }
        )
    return {
        "key": keys[draft.pk],
        "title": draft.title,
        "created_by": who(draft.created_by),
        "created_at": _time(draft.created_at),
        "archived_at": _time(draft.archived_at),
        "duplicated_from": revision_ref(draft.duplicated_from),
        "revisions": [
            {
                "number": revision.number,
                "spec": revision.spec,
                "clause_versions": revision.clause_versions,
                "locality": revision.locality,
                "author": who(revision.author),
                "created_at": _time(revision.created_at),
                "message": revision.message,
                "lint_errors": revision.lint_errors,
                "lint_warnings": revision.lint_warnings,
                "export_overrides": by_revision.get(revision.pk, []),
            }
            for revision in revisions
        ],
        "comment_threads": _threads_data(draft, who),
        "workspaces": [
            {
                "user": who(workspace.user),
                "spec": workspace.spec,
                "base_revision": workspace.base_revision,
                "step": workspace.step,
                "updated_at": _time(workspace.updated_at),
            }
            for workspace in draft.workspaces.select_related("user").order_by("pk")
        ],
    }


def _threads_data(draft: Draft, who) -> list[dict[str, Any]]:
    """The draft's comment threads. Review links stay behind: their tokens were shown
    once, here; a thread made through one keeps its source and the reviewer's name."""
    threads = CommentThread.objects.filter(draft=draft).select_related(
        "revision", "status_changed_by"
    )
    return [
        {
            "revision": thread.revision.number,
            "clause": thread.clause_key,
            "quote": thread.quote,
            "status": thread.status,
            "source": thread.source,
            "created_at": _time(thread.created_at),
            "status_changed_at": _time(thread.status_changed_at),
            "status_changed_by": who(thread.status_changed_by)
            if thread.status_changed_by
            else None,
            "comments": [
                {
                    "author": who(comment.author) if comment.author else None,
                    "author_name": comment.author_name,
                    "body": comment.body,
                    "created_at": _time(comment.created_at),
                }
                for comment in thread.comments.select_related("author")
            ],
        }
        for thread in threads.order_by("created_at", "pk")
    ]


def _library_used(drafts: list[Draft]) -> dict[str, Any]:
    """The editions and clause versions the revisions pin, with their fingerprints."""
    editions: set[str] = set()
    pins: set[tuple[str, int]] = set()
    for revision in Revision.objects.filter(draft__in=drafts):
        editions.add(revision.spec.get("edition", ""))
        pins.update((slug, int(number)) for slug, number in revision.clause_versions.items())
    fingerprints = {
        (v.clause.slug, v.number): v.fingerprint
        for v in ClauseVersion.objects.select_related("clause").filter(
            clause__slug__in={slug for slug, _ in pins}
        )
    }
    return {
        "editions": sorted(editions),
        "versions": [
            {"clause": slug, "number": number, "fingerprint": fingerprints.get((slug, number))}
            for slug, number in sorted(pins)
        ],
    }


# -- import -----------------------------------------------------------------------


def organisation_import(
    *, data: dict[str, Any], allow_existing_users: bool = False
) -> Organisation:
    """Restore an exported organisation into this database, all or nothing.

    Nothing in the file is trusted: every edition and clause version a revision
    or unsaved input names must be one the restored organisation may use (the
    library's; another office's house text is refused as if it did not exist);
    a user who belongs to another organisation here is refused whatever the file
    says; a user who exists here already joins only with `allow_existing_users`.

    Raises BackupError when the file is not an organisation export, the
    organisation exists here already, a pinned clause version is missing, differs
    or is not the library's, or a user cannot be restored as the file says.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError(f"This is not an organisation export (format {FORMAT!r}).")
    slug = data["organisation"]["slug"]
    if Organisation.objects.filter(slug=slug).exists():
        raise BackupError(
            f"An organisation {slug!r} exists in this database already; import_org restores "
            "into a database without it."
        )
    _check_library(data["library"])
    with (
        transaction.atomic(),
        _keeping_timestamps(
            Organisation, Membership, Draft, Revision, ExportOverride, Workspace, AuditEvent
        ),
    ):
        organisation = Organisation.objects.create(
            name=data["organisation"]["name"],
            slug=slug,
            created_at=_parse_time(data["organisation"]["created_at"]),
        )
        users = _users(data["users"], organisation, allow_existing=allow_existing_users)
        drafts, revisions = {}, {}
        for item in data["drafts"]:
            drafts[item["key"]] = _import_draft(item, organisation, users, revisions)
        for item in data["drafts"]:
            source = item["duplicated_from"]
            if source:
                Draft.objects.filter(pk=drafts[item["key"]].pk).update(
                    duplicated_from=revisions[source["draft"], source["number"]]
                )
        for event in data["audit"]:
            if event["action"] not in AuditEvent.Action.values:
                raise BackupError(f"Unknown audit action {event['action']!r} in the file.")
            ref = event["revision"]
            AuditEvent(
                organisation=organisation,
                user=users[event["user"]],
                action=event["action"],
                draft=drafts.get(event["draft"]),
                revision=revisions[ref["draft"], ref["number"]] if ref else None,
                created_at=_parse_time(event["created_at"]),
                details=event["details"],
            ).save()
    return organisation


def _check_library(library: dict[str, Any]) -> None:
    """The library the file says it needs is here. Only the library's own editions and
    versions count: the organisation is new here, so no house text is its own."""
    editions = Edition.objects.visible_to(None)
    missing = [s for s in library["editions"] if not editions.filter(slug=s).exists()]
    for pin in library["versions"]:
        version = (
            ClauseVersion.objects.visible_to(None)
            .filter(clause__slug=pin["clause"], number=pin["number"])
            .first()
        )
        if version is None:
            missing.append(f"{pin['clause']} v{pin['number']}")
        elif version.fingerprint != pin["fingerprint"]:
            missing.append(f"{pin['clause']} v{pin['number']} (different text here)")
    if missing:
        raise BackupError(
            "The revisions need library editions and clause versions this database lacks: "
            f"{', '.join(missing)}. Run `manage.py load_library` first (an organisation's "
            "own house versions cannot be restored by import_org yet)."
        )


def _users(
    entries: list[dict[str, Any]], organisation: Organisation, *, allow_existing: bool
) -> dict[str, Any]:
    """Users by username: missing ones created without a password; existing ones matched
    only when allowed, and never one who belongs to another organisation."""
    model = get_user_model()
    users = {}
    for entry in entries:
        user = model.objects.filter(username=entry["username"]).first()
        if user is None:
            user = _new_user(model, entry)
        else:
            other = Membership.objects.filter(user=user).exclude(organisation=organisation)
            if other.exists():
                raise BackupError(
                    f"User {user.username!r} belongs to {other.get().organisation} here; "
                    "a user belongs to one organisation."
                )
            if not allow_existing:
                raise BackupError(
                    f"User {user.username!r} exists here already. If it is the same person, "
                    "import again with --allow-existing-users to let them join; otherwise "
                    "rename them in the file."
                )
        if entry["member_since"]:
            Membership.objects.create(
                user=user, organisation=organisation, joined_at=_parse_time(entry["member_since"])
            )
        users[entry["username"]] = user
    return users


def _new_user(model, entry: dict[str, Any]):
    """A user as the file names them, with no usable password and no staff rights."""
    user = model(
        username=entry["username"],
        first_name=entry["first_name"],
        last_name=entry["last_name"],
        email=entry["email"],
    )
    user.set_unusable_password()
    try:
        user.full_clean(exclude=["password"])
    except ValidationError as error:
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        raise BackupError(f"User {entry['username']!r} in the file: {problems}") from None
    user.save()
    return user


def _usable_spec(spec_data: Any, organisation: Organisation, where: str) -> None:
    """Refuse a spec that does not assemble from what `organisation` may use."""
    try:
        document_for_spec(parse_spec(spec_data), organisation=organisation)
    except SpecError as error:
        raise BackupError(f"{where}: {error}") from None


def _check_pins(clause_versions: Any, organisation: Organisation, where: str) -> None:
    """A revision's recorded pins name versions the organisation may use."""
    if not isinstance(clause_versions, dict):
        raise BackupError(f"{where}: clause_versions is not a mapping.")
    visible = ClauseVersion.objects.visible_to(organisation)
    for slug, number in clause_versions.items():
        if (
            not isinstance(number, int)
            or not visible.filter(clause__slug=slug, number=number).exists()
        ):
            raise BackupError(f"{where}: no version {number!r} of clause {slug!r} here.")


def _check_library_names(spec_data: Any, organisation: Organisation, where: str) -> None:
    """Unsaved input may be incomplete, but the edition and versions it names must be
    ones the organisation may use."""
    if not isinstance(spec_data, dict):
        raise BackupError(f"{where}: the spec is not a mapping.")
    edition = spec_data.get("edition")
    if (
        edition is not None
        and not Edition.objects.visible_to(organisation).filter(slug=str(edition)).exists()
    ):
        raise BackupError(f"{where}: no library edition {edition!r} here.")
    _check_pins(spec_data.get("versions") or {}, organisation, where)


def _import_draft(item: dict, organisation: Organisation, users: dict, revisions: dict) -> Draft:
    draft = Draft.objects.create(
        organisation=organisation,
        title=item["title"],
        created_by=users[item["created_by"]],
        created_at=_parse_time(item["created_at"]),
        archived_at=_parse_time(item["archived_at"]),
    )
    for entry in item["revisions"]:
        # as when it was saved: no revision that cannot be rebuilt is stored
        where = f"“{item['title']}” r{entry['number']}"
        _usable_spec(entry["spec"], organisation, where)
        _check_pins(entry["clause_versions"], organisation, where)
        revision = Revision(
            draft=draft,
            number=entry["number"],
            spec=entry["spec"],
            clause_versions=entry["clause_versions"],
            locality=entry["locality"],
            author=users[entry["author"]],
            created_at=_parse_time(entry["created_at"]),
            message=entry["message"],
            lint_errors=entry["lint_errors"],
            lint_warnings=entry["lint_warnings"],
        )
        revision.save()
        revisions[item["key"], entry["number"]] = revision
        for override in entry["export_overrides"]:
            ExportOverride(
                revision=revision,
                user=users[override["user"]],
                created_at=_parse_time(override["created_at"]),
                rules=override["rules"],
                reason=override["reason"],
            ).save()
    for entry in item.get("comment_threads", []):
        _import_thread(entry, draft, users, revisions, item)
    for entry in item["workspaces"]:
        _check_library_names(entry["spec"], organisation, f"“{item['title']}”, unsaved input")
        Workspace.objects.create(
            draft=draft,
            user=users[entry["user"]],
            spec=entry["spec"],
            base_revision=entry["base_revision"],
            step=entry["step"],
            updated_at=_parse_time(entry["updated_at"]),
        )
    return draft


def _import_thread(entry: dict, draft: Draft, users: dict, revisions: dict, item: dict) -> None:
    """One comment thread, checked as the app checks a new one: its quote must be in its
    clause on its revision, its texts within the app's bounds."""
    where = f"“{item['title']}”, a comment thread"
    revision = revisions.get((item["key"], entry["revision"]))
    if revision is None:
        raise BackupError(f"{where}: no revision {entry['revision']!r} in the file.")
    if entry["status"] not in CommentThread.Status.values or entry["source"] not in (
        CommentThread.Source.values
    ):
        raise BackupError(f"{where}: unknown status or source.")
    try:
        quote = check_anchor(revision, str(entry["clause"]), str(entry["quote"]))
        if not entry["comments"] or any(
            not 0 < len(c["body"]) <= MAX_BODY or not 0 < len(c["author_name"]) <= MAX_NAME
            for c in entry["comments"]
        ):
            raise CommentError("a comment is empty or longer than the app allows.")
    except CommentError as error:
        raise BackupError(f"{where}: {error}") from None
    thread = CommentThread.objects.create(
        draft=draft,
        revision=revision,
        clause_key=entry["clause"],
        quote=quote,
        status=entry["status"],
        source=entry["source"],
        created_at=_parse_time(entry["created_at"]),
        status_changed_at=_parse_time(entry["status_changed_at"]),
        status_changed_by=users[entry["status_changed_by"]] if entry["status_changed_by"] else None,
    )
    for comment in entry["comments"]:
        Comment(
            thread=thread,
            author=users[comment["author"]] if comment["author"] else None,
            author_name=comment["author_name"],
            body=comment["body"],
            created_at=_parse_time(comment["created_at"]),
        ).save()


@contextlib.contextmanager
def _keeping_timestamps(*models: type[Model]) -> Iterator[None]:
    """Let restored rows keep their recorded times: auto_now(_add) off for the duration.

    Only management commands run this; it changes the fields for the process.
    """
    fields = [
        f
        for model in models
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add
