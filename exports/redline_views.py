"""The redline of a comparison, as a .docx with tracked changes or a PDF (red- or blueline)."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from drafting.render.docx import ExportMeta
from drafting.render.redline_docx import render_redline_docx
from exports import jobs, services
from exports.services import DOCX_TYPE, PDF_TYPE, locality_slug
from ordinances import audit
from ordinances.access import organisation_for
from ordinances.comparison import MODEL, Comparison, compare, revision_by_reference
from ordinances.views.compare import record_comparison, references
from organisations.models import display_name


def _filename(comparison: Comparison, extension: str, kind: str = "redline") -> str:
    locality = locality_slug(comparison.new.spec.locality.name)

    def short(side) -> str:
        return f"r{side.revision.number}" if side.revision else "model"

    return f"{locality}-{kind}-{short(comparison.old)}-to-{short(comparison.new)}.{extension}"


@login_required
def redline_docx(request):
    comparison = compare(organisation_for(request), *references(request))
    new = comparison.new
    meta = ExportMeta.for_document(
        new.document,
        author=organisation_for(request).name,
        revision=new.revision.number if new.revision else None,
        revision_date=new.revision.created_at.date() if new.revision else None,
        line_numbers=request.GET.get("line_numbers") == "1",
    )
    author = display_name(request.user)
    data = render_redline_docx(comparison.diff, meta, author=author, date=timezone.now())
    record_comparison(request, comparison, audit.Action.EXPORTED, kind="redline-docx")
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(comparison, "docx")}"'
    return response


@login_required
def redline_pdf(request):
    """The redline (or blueline) PDF. With a broker, one not cached yet is a background
    job: a page that polls (`redline_pdf_status`) and offers the file when it is ready."""
    comparison = compare(organisation_for(request), *references(request))
    blueline = request.GET.get("blueline") == "1"
    kind = "blueline-pdf" if blueline else "redline-pdf"
    data = jobs.redline_payload(
        comparison.old.document,
        comparison.new.document,
        old_label=comparison.old.label,
        new_label=comparison.new.label,
        summary=comparison.summary,
    )
    key = services.content_key(kind, data)
    pdf = services.content_or_job(key, kind, data)
    if isinstance(pdf, str):
        return render(
            request, "exports/redline_job.html", _job_context(request, key, pdf), status=202
        )
    response = HttpResponse(pdf, content_type=PDF_TYPE)
    label = "blueline" if blueline else "redline"
    record_comparison(request, comparison, audit.Action.EXPORTED, kind=f"{label}-pdf")
    filename = _filename(comparison, "pdf", label)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _job_context(request, key: str, state: str) -> dict:
    names = ("old", "new", "blueline")
    query = urlencode({name: request.GET[name] for name in names if request.GET.get(name)})
    blueline = request.GET.get("blueline") == "1"
    return {
        "kind": {"label": "Blueline PDF" if blueline else "Redline PDF"},
        "state": state,
        "compare_url": f"{reverse('ordinances:compare')}?{query}",
        "download_url": f"{reverse('exports:redline_pdf')}?{query}",
        "status_url": f"{reverse('exports:redline_pdf_status')}?{query}&{urlencode({'job': key})}",
    }


@login_required
def redline_pdf_status(request):
    """The redline job's state, polled by HTMX; the job is named by its cache key (a hash
    of what it is made from), so polling never diffs the two documents again."""
    organisation = organisation_for(request)
    for reference in references(request):  # 404 outside the office, as the download
        if reference and reference != MODEL:
            revision_by_reference(reference, organisation)
    key = request.GET.get("job", "")
    state = services.job_state(key) if JOB_KEY.fullmatch(key) else "none"
    if state == "none":  # done and evicted, or never queued: the download queues it again
        state = "failed"
    return render(request, "exports/_job.html", _job_context(request, key, state))


JOB_KEY = re.compile(r"export:v1:(redline|blueline)-pdf:[0-9a-f]{64}")
