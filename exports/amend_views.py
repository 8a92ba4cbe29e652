"""Downloads of the amending ordinance of a revision that amends existing law: .docx and
PDF (struck-through and underlined runs; line numbers on request) and plain text."""

from __future__ import annotations

from dataclasses import replace

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.utils.text import slugify

from drafting.render.amendment import (
    render_amendment_docx,
    render_amendment_pdf,
    render_amendment_text,
)
from drafting.spec import SpecError
from exports import services
from ordinances import audit
from ordinances.access import get_revision_for_member
from ordinances.amendments import amendment_for

FORMATS = {
    "docx": (render_amendment_docx, services.DOCX_TYPE),
    "pdf": (render_amendment_pdf, services.PDF_TYPE),
}


@login_required
def amending_download(request, pk: int, number: int, fmt: str):
    revision = get_revision_for_member(request, pk, number)
    if fmt not in (*FORMATS, "txt"):
        raise Http404("No such format.")
    try:
        ordinance = amendment_for(revision)
    except SpecError:
        raise Http404("This revision does not amend existing law.") from None
    line_numbers = request.GET.get("line_numbers") == "1"
    if fmt == "txt":
        data = render_amendment_text(ordinance).encode("utf-8")
        content_type = "text/plain; charset=utf-8"
    else:
        meta = services.export_meta(revision, line_numbers=line_numbers)
        render, content_type = FORMATS[fmt]
        data = render(
            ordinance,
            replace(meta, title=ordinance.title),
        )
    audit.record(
        user=request.user,
        action=audit.Action.EXPORTED,
        revision=revision,
        kind=f"amending-{fmt}",
        line_numbers=line_numbers,
    )
    stem = slugify(f"{revision.locality} amending ordinance")[:60] or "amending-ordinance"
    lines = "-lines" if line_numbers else ""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{stem}-r{revision.number}{lines}.{fmt}"'
    )
    return response
