"""One-click fixes from the compliance check: a fix changes only what it says.

A fix applies to the latest saved revision. If the drafter has unsaved
answers, they are told so and choose: save those first, apply the fix to the
saved revision alone (their answers stay in the wizard), or apply it on top
of their answers and save both, named in the revision's message.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from drafting.spec import SpecError, parse_spec
from ordinances import audit, services
from ordinances.wizard.flow import Flow, field_label
from ordinances.wizard.forms import included

ON_LATEST, WITH_ANSWERS = "latest", "with-answers"


@login_required
@require_POST
def apply_fix(request, pk: int):
    """Include the clause a finding names, saved as a new revision."""
    flow = Flow.for_member(request, pk)
    review = reverse("ordinances:wizard", args=[flow.draft.pk, "review"])
    clause = next((c for c in flow.clauses if c.slug == request.POST.get("clause")), None)
    if clause is None:
        messages.error(request, "That fix names no clause of this library edition.")
        return redirect(review)
    latest = flow.latest()
    if latest is None:
        messages.error(request, "Save a first revision; a fix applies to a saved revision.")
        return redirect(review)
    mode = request.POST.get("mode", "")
    changed = [field_label(key, flow.clauses) for key in flow.changed_fields()]
    if mode not in (ON_LATEST, WITH_ANSWERS) and (changed or flow.unsaved):
        return render(
            request,
            "ordinances/fix_confirm.html",
            {"draft": flow.draft, "clause": clause, "latest": latest, "changed": changed,
             "to_correct": bool(flow.unsaved), "stale": flow.is_stale(), "review_url": review},
        )  # fmt: skip
    if mode == WITH_ANSWERS:
        if flow.unsaved:
            messages.error(request, "Correct the answers marked in the wizard first.")
            return redirect(review)
        if flow.is_stale():
            messages.error(request, f"Bring your answers onto revision {latest.number} first.")
            return redirect("ordinances:wizard_merge", pk=flow.draft.pk)
        spec, base = dict(flow.spec), flow.workspace.base_revision
        note = f" (with your unsaved changes: {', '.join(changed)})" if changed else ""
    else:
        spec, base, note = dict(latest.spec), latest.number, ""
    chosen = included(spec, flow.clauses) | {clause.slug}
    spec["clauses"] = [c.slug for c in flow.clauses if c.slug in chosen]
    try:
        revision = services.revision_create(
            draft=flow.draft,
            spec=parse_spec(spec),
            author=request.user,
            base=base,
            message=f"Fix: include “{clause.title}”{note}",
            clear_workspace=mode == WITH_ANSWERS or not changed,
        )
    except services.StaleRevisionError as exc:
        messages.error(request, str(exc))
        return redirect(review)
    except SpecError as exc:
        for field, problem in exc.problems.items():
            messages.error(request, f"{field}: {problem}")
        return redirect(review)
    audit.record(
        user=request.user, action=audit.Action.FIX_APPLIED, revision=revision, clause=clause.title
    )
    kept = " Your unsaved answers are still in the wizard." if mode == ON_LATEST and changed else ""
    messages.success(
        request,
        f"Included “{clause.title}” and saved it as revision {revision.number}{note}.{kept}",
    )
    return redirect(review)
