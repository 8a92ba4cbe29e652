"""Bring back a reviewed file: upload the reviewer's .docx, see each proposed change
old beside new, accept or reject each (or all of one reviewer's), save.

Uploads are refused as every upload is (size, zip bomb, XXE, not a .docx) and when
the file was exported from another draft or office; the reason is shown on the form.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from drafting.budget import BudgetExceeded, time_budget
from drafting.parse import MAX_UPLOAD_BYTES, UploadError
from drafting.review import Review
from ordinances import reviews
from ordinances.access import get_draft_for_member
from ordinances.forms import ReviewUploadForm
from ordinances.models import ReviewImport

IMPORT_CPU_SECONDS = 20.0
_PLACES = {
    "header": "in the page header",
    "footer": "in the page footer",
    "footnote": "in a footnote",
    "endnote": "in an endnote",
    "table": "in a table the ordinance does not have",
    "text box": "in a text box",
    "number line": "in the ordinance number line",
    "enacting clause": "in the enacting clause (it follows the locality's answers)",
    "formatting": "formatting",
    "comment": "a comment outside the ordinance's clauses",
}


@login_required
def review_upload(request, pk: int):
    draft = get_draft_for_member(request, pk)
    form = ReviewUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["upload"]
            try:
                with time_budget(IMPORT_CPU_SECONDS):
                    imported = reviews.review_import(
                        draft=draft,
                        data=upload.read(MAX_UPLOAD_BYTES + 1),
                        file_name=upload.name,
                        user=request.user,
                    )
            except (UploadError, reviews.ReviewRefused) as exc:
                form.add_error("upload", str(exc))
            except BudgetExceeded:
                form.add_error(
                    "upload",
                    "Reading this file needed more computing than a reviewed ordinance does; "
                    "it was not brought back.",
                )
            else:
                return redirect("ordinances:review_detail", pk=draft.pk, review=imported.pk)
    previous = ReviewImport.objects.filter(draft=draft).select_related("uploaded_by", "base")[:10]
    return render(
        request,
        "ordinances/review_upload.html",
        {
            "draft": draft,
            "form": form,
            "previous": previous,
            "max_upload_mb": MAX_UPLOAD_BYTES // (1024 * 1024),
        },
        status=status,
    )


def _decisions(request, result: Review, stored: dict[str, str]) -> dict[str, str]:
    """The decisions as posted, with "all of one reviewer's" applied."""
    decisions = dict(stored)
    for change in result.changes:
        value = request.POST.get(f"decision-{change.id}")
        if value in (reviews.ACCEPT, reviews.REJECT):
            decisions[change.id] = value
    action = request.POST.get("action", "")
    verb, _, name = action.partition(":")
    if verb in ("accept-author", "reject-author"):
        value = reviews.ACCEPT if verb == "accept-author" else reviews.REJECT
        for change in result.changes:
            if name in change.author.split(", ") and change.kind != "unmapped":
                decisions[change.id] = value
    return decisions


@login_required
def review_detail(request, pk: int, review: int):
    draft = get_draft_for_member(request, pk)
    imported = get_object_or_404(
        ReviewImport.objects.select_related("base", "uploaded_by", "revision"),
        pk=review,
        draft=draft,
    )
    imported.draft = draft
    result = Review.from_dict(imported.changes)
    decisions = dict(imported.decisions)
    status = 200
    if request.method == "POST" and not imported.revision_id:
        decisions = _decisions(request, result, decisions)
        if request.POST.get("action") == "save":
            try:
                saved = reviews.review_save(
                    imported=imported, decisions=decisions, user=request.user
                )
            except reviews.ReviewRefused as exc:
                messages.error(request, str(exc))
                status = 409
            else:
                if saved.merge_needed:
                    messages.warning(
                        request,
                        "A colleague saved a newer revision that changes the same words. "
                        "The reviewer's changes are in your answers: choose for each field, "
                        "then save.",
                    )
                    return redirect("ordinances:wizard_merge", pk=draft.pk)
                kept = (
                    f" {saved.threads} comment{'s' if saved.threads != 1 else ''} kept "
                    "as comment threads."
                    if saved.threads
                    else ""
                )
                if saved.revision is None:
                    messages.info(request, f"No text change was accepted; nothing to save.{kept}")
                else:
                    messages.success(
                        request,
                        f"Saved revision {saved.revision.number}: {saved.revision.message}.{kept}",
                    )
                    return redirect(draft)
        else:
            ReviewImport.objects.filter(pk=imported.pk).update(decisions=decisions)
    return render(
        request,
        "ordinances/review_detail.html",
        {
            "draft": draft,
            "imported": imported,
            "rows": _rows(result, decisions),
            "reviewers": reviews.reviewers(result),
            "decisions": decisions,
        },
        status=status,
    )


def _rows(result: Review, decisions: dict[str, str]) -> list[dict]:
    rows = []
    for change in result.changes:
        rows.append(
            {
                "change": change,
                "decision": decisions.get(change.id, ""),
                "place": _PLACES.get(change.part, change.part) if not change.clause else "",
                "decidable": change.kind != "unmapped",
            }
        )
    return rows
