"""Downloads of a revision: clean .docx, PDF, annotated .docx; the §1373 gate; the
compliance report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from clauses.state_law import lint_state
from exports import services
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
    response = HttpResponse(data, content_type=export.content_type)
    filename = services.export_filename(revision, export, line_numbers=line_numbers)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(data))
    return response


def _job_context(revision, export, line_numbers: bool, state: str) -> dict:
    query = "?line_numbers=1" if line_numbers else ""
    args = [revision.draft.pk, revision.number, export.slug]
    return {
        "revision": revision,
        "draft": revision.draft,
        "kind": export,
        "line_numbers": line_numbers,
        "state": state,
        "download_url": reverse("exports:download", args=args) + query,
        "status_url": reverse("exports:status", args=args) + query,
    }


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
    import weasyprint

    revision = get_revision_for_member(request, pk, number)
    html = render_to_string("exports/compliance_print.html", _report_context(revision))
    data = weasyprint.HTML(string=html).write_pdf()
    audit.record(
        user=request.user, action=audit.Action.EXPORTED, revision=revision, kind="compliance-pdf"
    )
    response = HttpResponse(data, content_type=services.PDF_TYPE)
    name = services.export_filename(revision, services.KINDS["pdf"]).replace(
        ".pdf", "-compliance.pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
