"""The council packet, the staff report (.docx) and the public summary of a revision."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST

from clauses.summaries import current_summaries
from drafting.summaries import LANGUAGES, public_summary
from exports import packet, services
from exports.views import attachment, job_context, page_pdf, record_override
from ordinances import audit
from ordinances.access import get_revision_for_member
from ordinances.documents import clauses_for, document_for

PACKET = services.ExportKind(
    "packet", "Council packet (PDF)", "pdf", services.PDF_TYPE, "-council-packet"
)
STAFF_REPORT = services.ExportKind(
    "staff-report", "Staff report (.docx)", "docx", services.DOCX_TYPE, "-staff-report"
)


def _previous(request, revision):
    return packet.previous_revision(revision, request.GET.get("previous"))


def _query(previous) -> str:
    return f"?previous={previous.number if previous is not None else 0}"


@login_required
def council_packet(request, pk: int, number: int):
    """One PDF: staff report, ordinance with line numbers, redline against the previous
    reading (?previous=N; default the revision before; 0 for none), compliance report.
    Queued like the PDF when a broker is configured."""
    revision = get_revision_for_member(request, pk, number)
    previous = _previous(request, revision)
    blocking = services.needs_override(revision)
    if blocking:
        args = [revision.draft.pk, revision.number]
        context = {
            "revision": revision,
            "draft": revision.draft,
            "kind": PACKET,
            "findings": blocking,
            "anyway_url": reverse("exports:packet_anyway", args=args) + _query(previous),
        }
        return render(request, "exports/gate.html", context, status=409)
    if services.in_background(PACKET):
        state = packet.packet_job(revision, previous)
        if state != "ready":
            return render(
                request, "exports/job.html", _job_context(revision, previous, state), status=202
            )
    data = packet.packet_bytes(revision, previous)
    audit.record(
        user=request.user,
        action=audit.Action.EXPORTED,
        revision=revision,
        kind="packet",
        previous=previous.number if previous is not None else None,
    )
    name = services.export_filename(revision, PACKET)
    return attachment(data, services.PDF_TYPE, name)


@login_required
@require_POST
def council_packet_anyway(request, pk: int, number: int):
    """Record "export anyway" for the packet, then make it."""
    revision = get_revision_for_member(request, pk, number)
    record_override(request, revision, PACKET.slug)
    url = reverse("exports:packet", args=[pk, number])
    return redirect(url + _query(_previous(request, revision)))


def _job_context(revision, previous, state: str) -> dict:
    args = [revision.draft.pk, revision.number]
    query = _query(previous)
    return job_context(
        revision,
        PACKET,
        state,
        download_url=reverse("exports:packet", args=args) + query,
        status_url=reverse("exports:packet_status", args=args) + query,
    )


@login_required
def council_packet_status(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    previous = _previous(request, revision)
    state = packet.packet_job(revision, previous) if services.in_background(PACKET) else "ready"
    return render(request, "exports/_job.html", _job_context(revision, previous, state))


@login_required
def staff_report_docx(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    previous = _previous(request, revision)
    data = packet.revision_staff_report_docx(revision, previous)
    audit.record(
        user=request.user, action=audit.Action.EXPORTED, revision=revision, kind="staff-report"
    )
    return attachment(data, services.DOCX_TYPE, services.export_filename(revision, STAFF_REPORT))


def _summary_context(request, revision) -> dict:
    language = request.GET.get("lang", "en")
    language = language if language in LANGUAGES else "en"
    spec = revision.draft_spec()
    summary = public_summary(
        document_for(revision),
        clauses_for(revision),
        spec.options,
        current_summaries(),
        language=language,
        revision=f"r{revision.number}",
        date=revision.created_at.date(),
        edited=packet.edited_clauses(spec),
    )
    other = "es" if language == "en" else "en"
    return {
        "revision": revision,
        "draft": revision.draft,
        "summary": summary,
        "other_language": other,
    }


@login_required
def public_summary_page(request, pk: int, number: int):
    """ "What this ordinance does" / "Lo que hace esta ordenanza" (?lang=es)."""
    revision = get_revision_for_member(request, pk, number)
    return render(request, "exports/public_summary.html", _summary_context(request, revision))


@login_required
def public_summary_pdf(request, pk: int, number: int):
    revision = get_revision_for_member(request, pk, number)
    context = _summary_context(request, revision)
    html = render_to_string("exports/public_summary_print.html", context)
    kind = services.ExportKind(
        "summary", "", "pdf", services.PDF_TYPE, f"-summary-{context['summary'].language}"
    )
    filename = services.export_filename(revision, kind)
    return page_pdf(request, revision, "summary-pdf", html, filename=filename)
