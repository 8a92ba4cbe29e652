"""Compare two drafts or revisions side by side; the redline downloads are in `exports`."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from clauses.state_law import lint_state
from drafting.lint import lint, scorecard
from drafting.render.compare_html import compare_html
from ordinances import audit
from ordinances.access import organisation_for
from ordinances.comparison import MODEL, Comparison, compare


def record_comparison(request, comparison: Comparison, action: str, **details) -> None:
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


def references(request) -> tuple[str, str]:
    return request.GET.get("old", ""), request.GET.get("new", "")


def _choices(organisation) -> list[tuple[str, str]]:
    """Every revision of the organisation's drafts, for the two pickers."""
    choices = [(MODEL, "The CPD model with default options")]
    for draft in organisation.drafts.filter(archived_at__isnull=True).order_by("title"):
        for revision in draft.revisions.order_by("-number"):
            choices.append((f"{draft.pk}.{revision.number}", f"{draft.title} — r{revision.number}"))
    return choices


def _checks(side) -> dict:
    findings = lint(side.document, state=lint_state(side.spec.locality.state))
    return {
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "score": scorecard(side.document),
    }


@login_required
def compare_page(request):
    organisation = organisation_for(request)
    old_ref, new_ref = references(request)
    context = {"choices": _choices(organisation), "old_ref": old_ref, "new_ref": new_ref}
    if old_ref and new_ref:
        comparison = compare(organisation, old_ref, new_ref)
        record_comparison(request, comparison, audit.Action.COMPARED)
        context.update(
            comparison=comparison,
            compare_html=compare_html(
                comparison.diff,
                old_label=comparison.old.label,
                new_label=comparison.new.label,
                summary=comparison.summary,
            ),
            departures=comparison.departures(),
            before=_checks(comparison.old),
            after=_checks(comparison.new),
        )
    return render(request, "ordinances/compare.html", context)
