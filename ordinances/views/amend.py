"""Amend existing law: start from the current chapter, see the gap analysis, decide per
section, add missing protections; each save is a revision of a draft whose document
is the chapter as amended (see drafting.amend and ordinances.amendments)."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from drafting.amend.existing import Addition, Decision, Existing, refs
from drafting.amend.gap import STATUS_LABELS
from drafting.budget import BudgetExceeded
from drafting.render.amendment import render_amendment_html
from drafting.render.text import section_text
from drafting.spec import DraftSpec, SpecError, parse_spec
from ordinances import amendments, services
from ordinances.access import get_draft_for_member, organisation_for
from ordinances.amend_forms import STYLE_CHOICES, AmendStartForm
from ordinances.documents import clauses_for_spec, document_for
from ordinances.models import Draft

ACTION_LABELS = {
    "keep": "Keep as it is",
    "amend": "Amend: edit its text",
    "replace": "Amend: replace it by a model section",
    "repeal": "Repeal",
}


def _start_spec(form: AmendStartForm, text: str) -> DraftSpec:
    data = form.cleaned_data
    locality = {
        key: data.get(key, "")
        for key in ("name", "type", "state", "legislative_body", "chief_law_enforcement_officer")
    }
    return parse_spec(
        {
            "format": "ordinance-spec/2",
            "locality": locality,
            "existing": {
                "text": text,
                "code_name": data["code_name"],
                "one_section": data["one_section"],
            },
        }
    )


@login_required
def amend_start(request: HttpRequest) -> HttpResponse:
    """Paste or upload the current law; it becomes a draft with its first revision."""
    organisation = organisation_for(request)
    form = AmendStartForm(request.POST or None, request.FILES or None)
    context: dict = {"form": form}
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "ordinances/amend_start.html", context, status=400 if form.is_bound else 200
        )
    try:
        text = amendments.read_existing(
            text=form.cleaned_data.get("text", ""), upload=form.cleaned_data.get("upload")
        )
        spec = _start_spec(form, text)
        reading = amendments.reading(spec.existing)
        if not reading.sections:
            data = request.POST.copy()
            data["text"] = text  # an upload's text is kept in the box, ready to resubmit
            kept = AmendStartForm(data)
            kept.is_valid()
            kept.add_error(
                None,
                "No numbered sections were found in this text (such as “Sec. 2-14-030” or "
                "“§ 2.04.110”). Check “Treat the whole text as one section” to amend it as one "
                "section, or add the section numbers and try again. Your text is kept below.",
            )
            context.update(unsplit=True, form=kept)
            return render(request, "ordinances/amend_start.html", context, status=400)
        title = reading.document.title or form.cleaned_data["code_name"]
        draft = services.draft_create(
            organisation=organisation,
            author=request.user,
            spec=spec,
            title=f"{spec.locality.name}: amending {title}"[:200],
            message="Started from the existing law",
        )
    except amendments.ExistingLawError as exc:
        form.add_error("upload" if form.cleaned_data.get("upload") else "text", str(exc))
        return render(request, "ordinances/amend_start.html", context, status=400)
    except SpecError as exc:
        for field, message in exc.problems.items():
            form.add_error(None, f"{field}: {message}")
        return render(request, "ordinances/amend_start.html", context, status=400)
    except BudgetExceeded:
        form.add_error(None, "This text is too large to compare in one go. Paste the sections "
                             "the amendment touches.")  # fmt: skip
        return render(request, "ordinances/amend_start.html", context, status=413)
    messages.success(request, "The existing law is read. Decide what to do with each section.")
    return redirect("ordinances:amend", pk=draft.pk)


def _amend_revision(draft: Draft):
    revision = draft.latest_revision()
    if revision is None or not revision.spec.get("existing"):
        raise Http404("This draft does not amend existing law.")
    return revision


def _normal(text: str) -> str:
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines() if line.strip())


def _decisions_from_post(
    post, existing: Existing, names: list[str], units: set[str], originals: list[str],
    problems: dict[str, str],
):  # fmt: skip
    """The decisions and additions the form asks for (field by field; refs by position);
    edited text under a decision that would not use it is a problem, not lost."""
    decisions = []
    for index, ref in enumerate(names):
        action = post.get(f"action-{index}", "keep")
        typed = _normal(post.get(f"text-{index}", ""))
        if action in ("keep", "repeal") and typed and typed != _normal(originals[index]):
            # Edited words under "keep" or "repeal": ask, never drop them silently.
            problems[f"existing.decisions[{index}].text"] = (
                f"You edited the text of section {ref} but chose “{ACTION_LABELS[action]}”. "
                "Choose “Amend: edit its text” to use your words, or undo the edit."
            )
        if action == "amend":
            decisions.append(Decision(ref, "amend", text=post.get(f"text-{index}", "")))
        elif action == "replace":
            decisions.append(Decision(ref, "replace", clause=post.get(f"clause-{index}", "")))
        elif action == "repeal":
            decisions.append(Decision(ref, "repeal"))
    added = [
        Addition(unit, post.get(f"after-{unit}", ""))
        for unit in sorted(units)
        if post.get(f"add-{unit}") == "1"
    ]
    style = post.get("style") if post.get("style") in dict(STYLE_CHOICES) else existing.style
    code_name = " ".join(post.get("code_name", "").split()) or existing.code_name
    return replace(existing, decisions=tuple(decisions), added=tuple(added), style=style,
                   code_name=code_name)  # fmt: skip


def _page_context(draft, revision, spec: DraftSpec, organisation) -> dict:
    existing = spec.existing
    reading = amendments.reading(existing)
    names = refs(reading.document)
    analysis = amendments.gap_analysis(spec, organisation=organisation)
    clauses = {c.slug: c for c in clauses_for_spec(spec, organisation=organisation)}
    units = {g.unit: clauses[g.unit].title for g in analysis.gaps if g.unit in clauses}
    added = {a.clause: a.after for a in existing.added}
    replaced = {d.clause for d in existing.decisions if d.action == "replace"}
    texts = {
        ref: section_text(section)
        for ref, section in zip(names, reading.document.sections, strict=True)
    }
    rows = []
    shown_units: set[str] = set()
    for gap in analysis.gaps:
        first = gap.unit not in shown_units
        shown_units.add(gap.unit)
        rows.append({"gap": gap, "first": first, "unit_title": units.get(gap.unit, ""),
                     "added": gap.unit in added, "after": added.get(gap.unit, ""),
                     "replacing": gap.unit in replaced,
                     "existing_text": texts.get(gap.ref, "")})  # fmt: skip
    sections = []
    for index, (ref, section, match) in enumerate(
        zip(names, reading.document.sections, analysis.sections, strict=True)
    ):
        decision = existing.decision_for(ref)
        sections.append(
            {
                "index": index,
                "ref": ref,
                "section": section,
                "match": match,
                "decision": decision,
                "text": decision.text or section_text(section),
            }
        )
    before = analysis.before
    after = amendments.scorecard_after(spec, organisation=organisation)
    ordinance = amendments.amendment_for(revision)
    return {
        "draft": draft,
        "revision": revision,
        "existing": existing,
        "rows": rows,
        "sections": sections,
        "names": names,
        "units": sorted(units.items(), key=lambda item: item[1]),
        "criteria": list(zip(before.criteria, after.criteria, strict=True)),
        "before": before,
        "after": after,
        "ordinance_html": render_amendment_html(ordinance),
        "instructions": len(ordinance.instructions),
        "action_labels": ACTION_LABELS,
        "status_labels": STATUS_LABELS,
        "style_choices": STYLE_CHOICES,
        "consolidation": document_for(revision),
    }


@login_required
def amend_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The gap analysis and the decision on every section; saving makes a revision."""
    draft = get_draft_for_member(request, pk)
    revision = _amend_revision(draft)
    spec = revision.draft_spec()
    organisation = draft.organisation
    problems: dict[str, str] = {}
    if request.method == "POST":
        document = amendments.reading(spec.existing).document
        names = refs(document)
        originals = [
            spec.existing.decision_for(ref).text or section_text(section)
            for ref, section in zip(names, document.sections, strict=True)
        ]
        clauses = clauses_for_spec(spec, organisation=organisation)
        units = {c.slug for c in clauses if c.kind not in ("title", "preamble", "subsection")}
        posted: dict[str, str] = {}
        existing = _decisions_from_post(
            request.POST, spec.existing, names, units, originals, posted
        )
        candidate = replace(spec, existing=existing)
        base = request.POST.get("base", "")
        try:
            if posted:
                raise SpecError(posted)
            candidate = parse_spec(candidate.as_dict())  # every field checked, as a file is
            with transaction.atomic():
                saved = services.revision_create(
                    draft=draft,
                    spec=candidate,
                    author=request.user,
                    base=int(base) if base.isdigit() else revision.number,
                    message=request.POST.get("message", "")[:500]
                    or "Decisions on the existing law",
                )
        except SpecError as exc:
            problems = exc.problems
            spec = replace(spec, existing=existing)
        except services.StaleRevisionError as exc:
            # Someone saved meanwhile: show their revision with these decisions over it,
            # so that saving again is a choice made knowingly, and nothing typed is lost.
            revision = _amend_revision(draft)
            problems = {
                "revision": f"{exc} Saving again replaces the decisions of r{exc.latest} "
                "with these."
            }
            spec = replace(spec, existing=existing)
        else:
            messages.success(request, f"Saved as revision {saved.number}.")
            return redirect("ordinances:amend", pk=draft.pk)
    try:
        shown = revision.draft_spec() if problems else spec
        context = _page_context(draft, revision, shown, organisation)
    except BudgetExceeded:
        raise Http404("The existing law is too large to compare.") from None
    if problems:
        context["problems"] = problems
        context["sections"] = _with_posted(context["sections"], spec.existing, request.POST)
        added = {a.clause: a.after for a in spec.existing.added}
        context["rows"] = [
            {**row, "added": row["gap"].unit in added, "after": added.get(row["gap"].unit, "")}
            for row in context["rows"]
        ]
    status = (409 if "revision" in problems else 400) if problems else 200
    return render(request, "ordinances/amend.html", context, status=status)


def _with_posted(sections: list[dict], existing: Existing, post) -> list[dict]:
    """The section rows showing the decisions and the words just posted (nothing typed
    is lost)."""
    out = []
    for row in sections:
        decision = existing.decision_for(row["ref"])
        text = post.get(f"text-{row['index']}", row["text"])
        out.append({**row, "decision": decision, "text": text})
    return out
