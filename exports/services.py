"""Exports of saved revisions: the lint gate, file names, caching.

The revision's document comes from `ordinances.documents.document_for` (the one
place that builds it, cached). A revision never changes, so each export of it is
cached by (revision, kind, line numbers); the .docx renderer also writes
byte-identical files for the same revision.

With a Celery broker configured (settings.CELERY_BROKER_URL), an export that is
not cached yet (every kind but the clean .docx, which renders in milliseconds)
is a background job: `export_job` queues it once and reports its state; the
worker puts the file in the shared cache, where `cached_export` finds it.
Without a broker, `export_bytes` renders it in the web process as before.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from celery.result import AsyncResult
from django.conf import settings
from django.core.cache import cache
from django.utils.text import slugify

from drafting.annotations import edit_annotations, option_annotations
from drafting.document import Document
from drafting.render.akn import AknMeta, render_akn
from drafting.render.docx import ExportMeta
from exports import jobs
from ordinances.comments import anchored_threads, threads_digest
from ordinances.documents import clauses_for, document_for, revision_key
from ordinances.models import Revision
from organisations.models import display_name

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
AKN_TYPE = "application/akn+xml"


@dataclass(frozen=True)
class ExportKind:
    slug: str
    label: str
    extension: str
    content_type: str
    suffix: str = ""


KINDS = {
    "docx": ExportKind("docx", "Word (.docx)", "docx", DOCX_TYPE),
    "pdf": ExportKind("pdf", "PDF", "pdf", PDF_TYPE),
    "annotated": ExportKind(
        "annotated", "Annotated Word (.docx) for legal review", "docx", DOCX_TYPE, "-annotated"
    ),
    "akn": ExportKind("akn", "Akoma Ntoso 3.0 (.xml)", "xml", AKN_TYPE, "-akn"),
}


def export_meta(revision: Revision, *, line_numbers: bool = False) -> ExportMeta:
    author = display_name(revision.author)
    return ExportMeta.for_document(
        document_for(revision),
        author=f"{author}, {revision.draft.organisation.name}",
        revision=revision.number,
        revision_date=revision.created_at.date(),
        line_numbers=line_numbers,
        draft_id=revision.draft_id,
        office_id=revision.draft.organisation_id,
        edition=str(revision.spec.get("edition") or ""),
    )


def akn_meta(revision: Revision) -> AknMeta:
    """The FRBR identification of a revision: its locality's state, save date and office."""
    return AknMeta(
        date=revision.created_at.date(),
        state=revision.draft_spec().locality.state,
        author=revision.draft.organisation.name,
    )


def locality_slug(name: str) -> str:
    """ "the City of Springfield" -> "city-of-springfield", for file names."""
    return slugify(name.removeprefix("the ").removeprefix("The "))[:40]


def export_filename(revision: Revision, kind: ExportKind, *, line_numbers: bool = False) -> str:
    """ "springfield-justice-and-equity-ordinance-r3.docx"."""
    document = document_for(revision)
    locality = locality_slug(revision.locality)
    title = slugify(document.title)[:50]
    lines = "-lines" if line_numbers else ""
    stem = "-".join(part for part in (locality, title) if part) or "ordinance"
    return f"{stem}-r{revision.number}{kind.suffix}{lines}.{kind.extension}"


def export_key(revision: Revision, kind: ExportKind, *, line_numbers: bool = False) -> str:
    """The cache key: the revision and kind; the annotated file also by its open comment
    threads, which change after the revision is saved."""
    key = f"export:v1:{revision_key(revision)}:{kind.slug}:{int(line_numbers)}"
    if kind.slug == "annotated":
        key += f":{threads_digest(anchored_threads(revision))}"
    return key


def cached_export(
    revision: Revision, kind: ExportKind, *, line_numbers: bool = False
) -> bytes | None:
    return cache.get(export_key(revision, kind, line_numbers=line_numbers))


def export_bytes(revision: Revision, kind: ExportKind, *, line_numbers: bool = False) -> bytes:
    """The export's bytes, rendered here (in this process) unless cached."""
    key = export_key(revision, kind, line_numbers=line_numbers)
    data = cache.get(key)
    if data is None and kind.slug == "akn":
        data = render_akn(document_for(revision), akn_meta(revision))
        cache.set(key, data, timeout=None)
    if data is None:
        data = jobs.render_kind(kind.slug, *_inputs(revision, kind, line_numbers=line_numbers))
        cache.set(key, data, timeout=None)
    return data


def _inputs(revision: Revision, kind: ExportKind, *, line_numbers: bool) -> tuple:
    document = document_for(revision)
    meta = export_meta(revision, line_numbers=line_numbers)
    annotations: Sequence = ()
    threads: Sequence = ()
    if kind.slug == "annotated":
        clauses, spec = clauses_for(revision), revision.draft_spec()
        annotations = [
            *option_annotations(clauses, spec.options),
            *edit_annotations(clauses, spec.words),
        ]
        threads = anchored_threads(revision)
    return document, meta, annotations, threads


# -- background jobs ----------------------------------------------------------

JOB_TIMEOUT = 15 * 60  # seconds a queued job is waited for before it is queued again


def in_background(kind: ExportKind | str) -> bool:
    """Whether an uncached export of `kind` is a Celery job (a broker is configured)."""
    slug = kind if isinstance(kind, str) else kind.slug
    return bool(getattr(settings, "CELERY_BROKER_URL", "")) and slug not in ("docx", "akn")


def export_job(revision: Revision, kind: ExportKind, *, line_numbers: bool = False) -> str:
    """Queue the export unless it is cached or queued already; its state:
    "ready", "queued", "rendering" or "failed" (a failed job is forgotten, so
    asking again queues it again)."""
    key = export_key(revision, kind, line_numbers=line_numbers)
    return queue_job(
        key, kind.slug, lambda: jobs.payload(*_inputs(revision, kind, line_numbers=line_numbers))
    )


def export_or_job(
    revision: Revision, kind: ExportKind, *, line_numbers: bool = False
) -> bytes | str:
    """The export's bytes; or, when it is not cached yet and a broker is configured, the
    state of the job that renders it ("queued", "rendering" or "failed"), queued if it
    was not. With no broker the export is rendered here."""
    data = cached_export(revision, kind, line_numbers=line_numbers)
    if data is None and in_background(kind):
        state = export_job(revision, kind, line_numbers=line_numbers)
        if state != "ready":
            return state
    return data if data is not None else export_bytes(revision, kind, line_numbers=line_numbers)


def queue_job(
    key: str, kind: str, make_payload: Callable[[], dict], *, timeout: int | None = None
) -> str:
    """Queue `kind` rendered from `make_payload()` into the cache under `key`, unless it is
    there or queued already; the job's state as `export_job` says it."""
    from exports.tasks import render_export

    def start(task_id: str) -> None:
        # No timeout: the arguments a worker from before redline jobs understands too.
        args = (key, kind, make_payload()) + (() if timeout is None else (timeout,))
        render_export.apply_async(args=args, task_id=task_id)

    return start_job(key, start)


def start_job(key: str, start: Callable[[str], None]) -> str:
    """Queue the job that puts `key` in the cache, `start(task_id)`, unless it is
    cached or queued already (one job per key across processes); its state."""
    state = job_state(key)
    if state in ("ready", "queued", "rendering", "failed"):
        return state
    task_id = f"export-{uuid.uuid4()}"
    if cache.add(f"job:{key}", task_id, timeout=JOB_TIMEOUT):
        start(task_id)
    return "queued"


def job_state(key: str) -> str:
    """ "ready" (in the cache), "queued", "rendering", "failed" (forgotten: asking again
    queues it again) or "none" (no job: never queued, or done and its file evicted)."""
    if cache.has_key(key):
        return "ready"
    job_key = f"job:{key}"
    task_id = cache.get(job_key)
    if not task_id:
        return "none"
    state = AsyncResult(task_id).state
    if state == "FAILURE":
        cache.delete(job_key)
        return "failed"
    if state == "SUCCESS":  # SUCCESS with no file: evicted, queue it again
        cache.delete(job_key)
        return "none"
    return "rendering" if state == "STARTED" else "queued"


# -- files keyed by their content: redlines of a comparison, page PDFs ------------

CONTENT_TIMEOUT = 24 * 60 * 60  # seconds such a file is kept (pairs and pages are many)


def content_key(kind: str, data: dict) -> str:
    """The cache key of a file made from `data` alone (a redline of two documents, a
    page's HTML): its kind and a hash of everything it is made from."""
    content = json.dumps(data, sort_keys=True, ensure_ascii=False).encode()
    return f"export:v1:{kind}:{hashlib.sha256(content).hexdigest()}"


def content_bytes(key: str, kind: str, data: dict) -> bytes:
    """The file, rendered here (in this process) unless cached."""
    rendered = cache.get(key)
    if rendered is None:
        rendered = jobs.render_payload(kind, data)
        cache.set(key, rendered, timeout=CONTENT_TIMEOUT)
    return rendered


def content_or_job(key: str, kind: str, data: dict) -> bytes | str:
    """The file's bytes; or, not cached yet with a broker configured, its job's state
    (as `export_or_job`)."""
    if in_background(kind) and not cache.has_key(key):
        state = queue_job(key, kind, lambda: data, timeout=CONTENT_TIMEOUT)
        if state != "ready":
            return state
    return content_bytes(key, kind, data)


def _default_lint(document: Document) -> list:
    from drafting.lint import lint

    return lint(document)


# The lint the export gate runs; tests replace it with a fake rule set.
lint_for_export: Callable[[Document], list] = _default_lint


def blocking_findings(revision: Revision) -> list:
    """§1373 errors that stop an export until someone chooses "export anyway"."""
    key = (revision_key(revision), lint_for_export)
    if key not in _BLOCKING:
        findings = lint_for_export(document_for(revision))
        _BLOCKING[key] = [
            f for f in findings if f.severity == "error" and f.rule.startswith("1373-")
        ]
    return _BLOCKING[key]


# Findings of immutable revisions, by revision and lint function (tests swap the lint).
_BLOCKING: dict[tuple, list] = {}


def needs_override(revision: Revision) -> list:
    """The blocking errors, unless an "export anyway" for them is on record."""
    blocking = blocking_findings(revision)
    if not blocking:
        return []
    rules = sorted({f.rule for f in blocking})
    for override in revision.export_overrides.all():
        if set(rules) <= set(override.rules):
            return []
    return blocking
