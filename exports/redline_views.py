"""The redline of a comparison, as a .docx with tracked changes or a PDF (red- or blueline)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone

from drafting.render.docx import ExportMeta
from drafting.render.redline_docx import render_redline_docx
from drafting.render.redline_pdf import render_redline_pdf
from exports.services import DOCX_TYPE, PDF_TYPE, locality_slug
from ordinances import audit
from ordinances.access import organisation_for
from ordinances.comparison import Comparison, compare
from ordinances.views.compare import record_comparison, references


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
    author = request.user.get_full_name() or request.user.username
    data = render_redline_docx(comparison.diff, meta, author=author, date=timezone.now())
    record_comparison(request, comparison, audit.Action.EXPORTED, kind="redline-docx")
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(comparison, "docx")}"'
    return response


@login_required
def redline_pdf(request):
    comparison = compare(organisation_for(request), *references(request))
    blueline = request.GET.get("blueline") == "1"
    data = render_redline_pdf(
        comparison.diff,
        old_label=comparison.old.label,
        new_label=comparison.new.label,
        summary=comparison.summary,
        blueline=blueline,
    )
    response = HttpResponse(data, content_type=PDF_TYPE)
    kind = "blueline" if blueline else "redline"
    record_comparison(request, comparison, audit.Action.EXPORTED, kind=f"{kind}-pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(comparison, "pdf", kind)}"'
    return response
