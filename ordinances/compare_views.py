"""Compare two drafts or revisions side by side; download the redline."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from exports.compare_html import compare_html
from exports.docx import ExportMeta
from exports.redline import render_redline_docx
from exports.redline_pdf import render_redline_pdf
from exports.services import DOCX_TYPE, PDF_TYPE, locality_slug
from ordinances import audit
from ordinances.access import organisation_for
from ordinances.comparison import MODEL, Comparison, compare
from ordinances.lint import lint, scorecard


def _record(request, comparison: Comparison, action: str, **details) -> None:
    """Audit a comparison on the newer side's draft (the older side's if new is the model)."""
    revision = comparison.new.revision or comparison.old.revision
    audit.record(
        user=request.user,
        action=action,
        revision=revision,
        old=comparison.old.label,
        new=comparison.new.label,
        **details,
    )


def _references(request) -> tuple[str, str]:
    return request.GET.get("old", ""), request.GET.get("new", "")


def _choices(organisation) -> list[tuple[str, str]]:
    """Every revision of the organisation's drafts, for the two pickers."""
    choices = [(MODEL, "The CPD model with default options")]
    for draft in organisation.drafts.filter(archived_at__isnull=True).order_by("title"):
        for revision in draft.revisions.order_by("-number"):
            choices.append((f"{draft.pk}.{revision.number}", f"{draft.title} — r{revision.number}"))
    return choices


def _checks(side) -> dict:
    findings = lint(side.document, state=side.spec.locality.state)
    return {
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "score": scorecard(side.document),
    }


@login_required
def compare_page(request):
    organisation = organisation_for(request)
    old_ref, new_ref = _references(request)
    context = {"choices": _choices(organisation), "old_ref": old_ref, "new_ref": new_ref}
    if old_ref and new_ref:
        comparison = compare(organisation, old_ref, new_ref)
        _record(request, comparison, audit.Action.COMPARED)
        context.update(
            comparison=comparison,
            compare_html=compare_html(
                comparison.diff,
                old_label=comparison.old.label,
                new_label=comparison.new.label,
                summary=comparison.summary,
            ),
            before=_checks(comparison.old),
            after=_checks(comparison.new),
        )
    return render(request, "ordinances/compare.html", context)


def _filename(comparison: Comparison, extension: str, kind: str = "redline") -> str:
    locality = locality_slug(comparison.new.spec.locality.name)

    def short(side) -> str:
        return f"r{side.revision.number}" if side.revision else "model"

    return f"{locality}-{kind}-{short(comparison.old)}-to-{short(comparison.new)}.{extension}"


@login_required
def redline_docx(request):
    comparison = compare(organisation_for(request), *_references(request))
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
    _record(request, comparison, audit.Action.EXPORTED, kind="redline-docx")
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(comparison, "docx")}"'
    return response


@login_required
def redline_pdf(request):
    comparison = compare(organisation_for(request), *_references(request))
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
    _record(request, comparison, audit.Action.EXPORTED, kind=f"{kind}-pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(comparison, "pdf", kind)}"'
    return response
