"""Downloads of a revision: clean .docx, PDF, annotated .docx; the §1373 gate; the
compliance report."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from clauses.state_law import lint_state
from drafting.summaries import LANGUAGES
from exports import jobs, services
from exports.context_notes import report_context_notes
from exports.models import ExportOverride
from ordinances import audit
from ordinances.access import get_revision_for_member
from ordinances.documents import document_for


def _kind(slug: str) -> services.ExportKind:
    kind = services.KINDS.get(slug)
    if kind is None:
        raise Http404("No such export format.")
    return kind


@login_required
def download(request, pk: int, number: int, kind: str):
    revision = get_revision_for_member(request, pk, number)
    export = _kind(kind)
    line_numbers = request.GET.get("line_numbers") == "1"
    blocking = services.needs_override(revision)
    if blocking:
        return render(
            request,
            "exports/gate.html",
            {
                "revision": revision,
                "draft": revision.draft,
                "kind": export,
                "line_numbers": line_numbers,
                "findings": blocking,
            },
            status=409,
        )
    data = services.export_or_job(revision, export, line_numbers=line_numbers)
    if isinstance(data, str):
        return render(
            request,
            "exports/job.html",
            _job_context(revision, export, line_numbers, data),
            status=202,
        )
    audit.record(
        user=request.user,
        action=audit.Action.EXPORTED,
        revision=revision,
        kind=export.slug,
        line_numbers=line_numbers,
    )
    filename = services.export_filename(revision, export, line_numbers=line_numbers)
    return attachment(data, export.content_type, filename)


def attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    """A file to download, named."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(data))
    return response


def job_context(
    revision, kind, state: str, *, download_url: str, status_url: str, line_numbers: bool = False
) -> dict:
    """What the job page (exports/job.html, polling exports/_job.html) shows for a file of
    `revision` being made: `kind` has the label, `state` is the job's."""
    return {
        "revision": revision,
        "draft": revision.draft,
        "kind": kind,
        "line_numbers": line_numbers,
        "state": state,
        "download_url": download_url,
        "status_url": status_url,
    }


def _job_context(revision, export, line_numbers: bool, state: str) -> dict:
    query = "?line_numbers=1" if line_numbers else ""
    args = [revision.draft.pk, revision.number, export.slug]
    return job_context(
        revision,
        export,
        state,
        download_url=reverse("exports:download", args=args) + query,
        status_url=reverse("exports:status", args=args) + query,
        line_numbers=line_numbers,
    )


@login_required
def export_status(request, pk: int, number: int, kind: str):
    """The export job's state, polled by HTMX until the file is ready to download."""
    revision = get_revision_for_member(request, pk, number)
    export = _kind(kind)
    line_numbers = request.GET.get("line_numbers") == "1"
    if services.in_background(export):
        state = services.export_job(revision, export, line_numbers=line_numbers)
    else:
        state = "ready"
    context = _job_context(revision, export, line_numbers, state)
    return render(request, "exports/_job.html", context)


@login_required
@require_POST
def export_anyway(request, pk: int, number: int, kind: str):
    """Record the drafter's explicit choice to export past §1373 errors, then export."""
    revision = get_revision_for_member(request, pk, number)
    _kind(kind)
    record_override(request, revision, kind)
    url = reverse("exports:download", args=[pk, number, kind])
    if request.POST.get("line_numbers") == "1":
        url += "?line_numbers=1"
    return redirect(url)


def record_override(request, revision, kind: str) -> None:
    """Record the drafter's choice to export `kind` past the revision's § 1373 errors."""
    blocking = services.blocking_findings(revision)
    if blocking:
        override = ExportOverride(
            revision=revision,
            user=request.user,
            rules=sorted({f.rule for f in blocking}),
            reason=request.POST.get("reason", "")[:500],
        )
        override.save()
        audit.record(
            user=request.user,
            action=audit.Action.EXPORT_ANYWAY,
            revision=revision,
            kind=kind,
            rules=override.rules,
            reason=override.reason,
        )
        messages.warning(
            request,
            f"Recorded: r{revision.number} exported despite {len(blocking)} § 1373 error(s).",
        )


def _report_context(revision):
    from drafting.lint import lint, scorecard

    document = document_for(revision)
    state = revision.draft_spec().locality.state
    return {
        "revision": revision,
        "draft": revision.draft,
        "document": document,
        "findings": lint(document, state=lint_state(state)),
        **report_context_notes(state),
        "scorecard": scorecard(document),
        "overrides": revision.export_overrides.select_related("user"),
    }


@login_required
def compliance_report(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    return render(request, "exports/compliance.html", _report_context(revision))


@login_required
def compliance_report_pdf(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    html = render_to_string("exports/compliance_print.html", _report_context(revision))
    name = services.export_filename(revision, services.KINDS["pdf"]).replace(
        ".pdf", "-compliance.pdf"
    )
    return page_pdf(request, revision, "compliance-pdf", html, filename=name)


# -- pages printed as PDFs (compliance report, public summary) -----------------------

# Each kind's label, download URL and audit kind.
PAGE_PDFS = {
    "compliance-pdf": ("Compliance report (PDF)", "exports:compliance_pdf", "compliance-pdf"),
    "summary-pdf": ("Public summary (PDF)", "exports:public_summary_pdf", "public-summary"),
}
PAGE_JOB_KEY = re.compile(r"export:v1:(compliance|summary)-pdf:[0-9a-f]{64}")


def page_pdf(request, revision, kind: str, html: str, *, filename: str) -> HttpResponse:
    """A page of `revision` printed as a PDF, as an attachment; or, with a broker and not
    cached yet, the page that waits for its job (polling `page_pdf_status`)."""
    data = jobs.page_pdf_payload(html, tagged=True)
    key = services.content_key(kind, data)
    pdf = services.content_or_job(key, kind, data)
    if isinstance(pdf, str):
        context = _page_job_context(request, revision, kind, key, pdf)
        return render(request, "exports/job.html", context, status=202)
    audit_kind = PAGE_PDFS[kind][2]
    audit.record(
        user=request.user, action=audit.Action.EXPORTED, revision=revision, kind=audit_kind
    )
    return attachment(pdf, services.PDF_TYPE, filename)


def _page_job_context(request, revision, kind: str, key: str, state: str) -> dict:
    label, url_name, _audit_kind = PAGE_PDFS[kind]
    args = [revision.draft.pk, revision.number]
    language = request.GET.get("lang", "")
    lang = {"lang": language} if language in LANGUAGES else {}
    query = f"?{urlencode(lang)}" if lang else ""
    status = reverse("exports:page_pdf_status", args=[*args, kind])
    return job_context(
        revision,
        {"label": label},
        state,
        download_url=reverse(url_name, args=args) + query,
        status_url=f"{status}?{urlencode({'job': key, **lang})}",
    )


@login_required
def page_pdf_status(request, pk: int, number: int, kind: str):
    """A page PDF job's state, polled by HTMX; the job is named by its cache key (a hash of
    the page), so polling never renders the page again."""
    revision = get_revision_for_member(request, pk, number)
    if kind not in PAGE_PDFS:
        raise Http404("No such file.")
    key = request.GET.get("job", "")
    known = PAGE_JOB_KEY.fullmatch(key) and key.startswith(f"export:v1:{kind}:")
    state = services.job_state(key) if known else "none"
    if state == "none":  # done and evicted, or never queued: the download queues it again
        state = "failed"
    context = _page_job_context(request, revision, kind, key, state)
    return render(request, "exports/_job.html", context)
