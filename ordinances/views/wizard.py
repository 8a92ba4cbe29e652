"""The wizard's pages: a dispatcher over the steps, the live preview, and bringing one's
answers onto a colleague's newer revision. The steps and the flow do the work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from clauses.state_law import lint_state
from drafting.edits import clause_text
from drafting.lint import lint, scorecard
from drafting.lint.engine import most_severe_first
from drafting.merge import spec_fields
from drafting.render.html import anchor
from drafting.render.preview import article_html, changed_sections, preview_parts, shown_value
from drafting.spec import LOCALITY_FIELDS, SpecError
from ordinances import services
from ordinances.access import get_draft_for_member
from ordinances.forms import SaveRevisionForm
from ordinances.models import Workspace
from ordinances.wizard import STEPS, neighbours, step_by_slug
from ordinances.wizard.flow import Flow, field_label, field_value
from ordinances.wizard.forms import included
from ordinances.wizard.state_notice import state_notice, typed_state
from ordinances.wizard.steps import Step
from ordinances.wizard.text import edited_clauses
from organisations.models import display_name


@login_required
def wizard_step(request, pk: int, step: str):
    current = step_by_slug(step)
    if current is None:
        raise Http404("No such step.")
    flow = Flow.for_member(request, pk)
    if request.method == "POST":
        return _post(request, flow, current)
    form = current.form(flow, flow.typed(current))
    if form is not None and form.is_bound:
        form.is_valid()
    flow.at_step(current)
    return _page(request, flow, current, form, SaveRevisionForm())


def _post(request, flow: Flow, current: Step):
    action = request.POST.get("nav", "next")
    form = current.form(flow, request.POST)
    valid = form is None or form.is_valid()
    if form is not None:
        (flow.keep_answers if valid else flow.keep_typed)(current, form)
    previous, following = neighbours(current.slug)
    if action == "back" and previous:
        return redirect("ordinances:wizard", pk=flow.draft.pk, step=previous)
    if action.startswith("goto:") and step_by_slug(action[5:]):
        return redirect("ordinances:wizard", pk=flow.draft.pk, step=action[5:])
    save_form = SaveRevisionForm(request.POST)
    if not valid:
        messages.error(request, "Please correct the fields marked below; your input is kept.")
        return _page(request, flow, current, form, save_form, status=400)
    if action.startswith("stay:"):
        url = reverse("ordinances:wizard", args=[flow.draft.pk, current.slug])
        return redirect(url + current.return_query(request.POST))
    if action == "save":
        return _save(request, flow, current, form, save_form)
    if following:
        return redirect("ordinances:wizard", pk=flow.draft.pk, step=following)
    return redirect("ordinances:wizard", pk=flow.draft.pk, step=current.slug)


def _save(request, flow: Flow, current: Step, form, save_form):
    message = save_form.cleaned_data.get("message", "") if save_form.is_valid() else ""
    if flow.unsaved:
        steps = ", ".join(step_by_slug(slug).title for slug in flow.unsaved if step_by_slug(slug))
        messages.error(request, f"Some answers still need correcting before saving: {steps}.")
        return _page(request, flow, current, form, save_form, status=400)
    try:
        revision = flow.save(message)
    except services.StaleRevisionError as exc:
        messages.warning(
            request,
            f"Not saved: revision {exc.latest} was saved after you started from revision "
            f"{exc.base}. Your answers are kept; bring them onto revision {exc.latest}, "
            "then save.",
        )
        return redirect("ordinances:wizard_merge", pk=flow.draft.pk)
    except SpecError as exc:
        for field, problem in exc.problems.items():
            messages.error(request, f"{_field_name(field)}: {problem}")
        return _page(request, flow, current, form, save_form, status=400)
    messages.success(request, f"Saved revision {revision.number}.")
    return redirect(flow.draft)


def _field_name(field: str) -> str:
    return field.replace("locality.", "Locality: ").replace("options.", "Option: ")


def _page(request, flow: Flow, current: Step, form, save_form, status: int = 200):
    highlight = {c.slug for c in current.clauses(flow.clauses)}
    document, problems = flow.document()
    previous, following = neighbours(current.slug)
    context = {
        "draft": flow.draft,
        "workspace": flow.workspace,
        "step": current,
        "steps": STEPS,
        "form": form,
        "save_form": save_form,
        "stale": _stale(flow),
        "previous": previous,
        "following": following,
        "field_clauses": _field_clauses(form, flow),
        **_preview_context(document, problems, highlight, _edited(flow)),
        **_state_context(current, form, flow),
    }
    if current.slug == "review":
        context["review"] = _review(flow, document, problems)
    if current.slug == "text":
        context["text"] = _text(request, flow, form)
    return render(request, "ordinances/wizard.html", context, status=status)


def _text(request, flow: Flow, form) -> dict:
    """What the Text step shows: each included clause, edited or not; the open clause's
    text, its library text and any edit that no longer fits; the sections of one's own."""
    context = form.context
    if context.document is None:
        return {"ready": False}
    edited = edited_clauses(flow.spec)
    conflicts = {c.edit.clause: c for c in context.conflicts}
    titles = {c.slug: c.title for c in flow.clauses}
    chosen = included(flow.spec, flow.clauses)
    rows = [
        {
            "slug": c.slug,
            "title": c.title,
            "edited": c.slug in edited,
            "conflict": conflicts.get(c.slug),
        }
        for c in flow.clauses
        if c.slug in chosen and clause_text(context.library, c.slug) is not None
    ]
    open_slug = request.GET.get("clause") or request.POST.get("clause") or ""
    opened = None
    if any(row["slug"] == open_slug for row in rows):
        current = clause_text(context.document, open_slug) or ""
        typed = form.data.get("text") if form.is_bound and form.data.get("clause") else None
        opened = {
            "slug": open_slug,
            "title": titles.get(open_slug, open_slug),
            "text": current if typed is None else typed,
            "library": clause_text(context.library, open_slug),
            "edited": open_slug in edited,
            "conflict": conflicts.get(open_slug),
            "edits": [e for e in flow.spec.get("edits") or [] if e.get("clause") == open_slug],
        }
    return {
        "ready": True,
        "rows": rows,
        "opened": opened,
        "sections": list(flow.spec.get("sections") or []),
        "conflicts": [(titles.get(c.edit.clause, c.edit.clause), c) for c in context.conflicts],
    }


def _stale(flow: Flow) -> dict | None:
    """What the banner says when a colleague saved after these answers started."""
    latest = flow.latest()
    if latest is None or latest.number == flow.workspace.base_revision:
        return None
    author = display_name(latest.author)
    return {"latest": latest.number, "base": flow.workspace.base_revision, "author": author}


def _field_clauses(form, flow: Flow) -> dict[str, str]:
    """Which clause each field affects (for the preview's highlight)."""
    if form is None:
        return {}
    by_option = {o.key: c.slug for c in flow.clauses for o in c.options}
    return {
        name: name.removeprefix("include__")
        if name.startswith("include__")
        else by_option.get(name, "")
        for name in form.fields
    }


def _edited(flow: Flow) -> set[str]:
    """Clauses the preview marks "edited locally": edited, and the edit applied (a clause
    whose edit no longer fits shows the library text)."""
    edited = edited_clauses(flow.spec)
    if not edited:
        return edited
    return edited - {c.edit.clause for c in flow.text_context().conflicts}


def _preview_context(document, problems: dict, highlight, edited=()) -> dict:
    if document is None:
        return {
            "preview_html": "",
            "preview_problems": problems,
            "document": None,
            "preview_parts": (),
            "preview_shown": "",
        }
    parts = preview_parts(document, highlight=highlight, edited=edited)
    return {
        "preview_html": article_html(parts),
        "preview_problems": {},
        "document": document,
        "preview_parts": parts,
        "preview_shown": shown_value(parts),
    }


def _state_context(current: Step, form, flow: Flow) -> dict:
    """The state's law, on the locality step, as soon as a state is typed."""
    if current.slug != "locality":
        return {}
    return {"state_notice": state_notice(typed_state(form, flow.spec))}


def _blocked(problems: dict[str, str]) -> list[str]:
    """Why the draft cannot be checked yet, in words: "Cannot check until ..."."""
    reasons = []
    for field, problem in problems.items():
        prefix, _, key = field.partition(".")
        if prefix == "locality" and key in LOCALITY_FIELDS and "required" in problem:
            label = LOCALITY_FIELDS[key]
            reasons.append(f"Cannot check until the {label[0].lower()}{label[1:]} is filled in.")
        else:
            reasons.append(f"Cannot check until this is corrected: {_field_name(field)}: {problem}")
    return reasons


def _review(flow: Flow, document, problems: dict) -> dict:
    """What the review step shows: each option as chosen, and the check or why it cannot run."""
    options = flow.spec.get("options") or {}
    chosen = included(flow.spec, flow.clauses)
    rows = []
    for clause in flow.clauses:
        if clause.slug not in chosen:
            continue
        for option in clause.options:
            value = option.effective(options.get(option.key))
            rows.append(
                (clause.title, option.label, option.label_of(value), value != option.default)
            )
    findings, score = [], None
    if document is not None:
        state = (flow.spec.get("locality") or {}).get("state") or None
        findings = lint(document, state=lint_state(state))
        score = scorecard(document)
    findings = [
        (finding, anchor(finding.block) if finding.block else "")
        for finding in most_severe_first(findings)
    ]
    titles = {c.slug: c.title for c in flow.clauses}
    conflicts = [
        (titles.get(c.edit.clause, c.edit.clause), c) for c in flow.text_context().conflicts
    ]
    return {
        "rows": rows,
        "conflicts": conflicts,
        "findings": findings,
        "scorecard": score,
        "blocked": _blocked(problems) if document is None else [],
        "unsaved_changes": flow.has_unsaved_changes(),
    }


@login_required
@require_POST
def wizard_preview(request, pk: int):
    """HTMX: the preview for the form as it stands, the affected clause highlighted.

    Valid answers are also kept in the workspace, so nothing typed is lost. When
    the browser says what it shows (`_shown`, drafting.render.preview), only the
    sections that changed are sent, as out-of-band swaps; else the whole preview.
    """
    flow = Flow.for_member(request, pk)
    current = step_by_slug(request.POST.get("_step", "")) or STEPS[0]
    form = current.form(flow, request.POST)
    if form is not None and form.is_valid():
        flow.keep_answers(current, form)
    focus = request.POST.get("_focus", "")
    highlight = {focus} if focus else {c.slug for c in current.clauses(flow.clauses)}
    document, problems = flow.document()
    context = {
        "draft": flow.draft,
        **_preview_context(document, problems, highlight, _edited(flow)),
        **_state_context(current, form, flow),
    }
    if form is not None and not form.is_valid():
        context["form_errors"] = {
            form.fields[name].label or name: errors
            for name, errors in form.errors.items()
            if name in form.fields
        }
    changed = changed_sections(request.POST.get("_shown", ""), context["preview_parts"])
    if changed is None:
        return render(request, "ordinances/_preview_response.html", context)
    context["changed"] = [part.oob_html() for part in changed]
    response = render(request, "ordinances/_preview_changes.html", context)
    response["HX-Reswap"] = "none"
    return response


@login_required
@require_POST
def wizard_discard(request, pk: int):
    draft = get_draft_for_member(request, pk)
    Workspace.objects.filter(draft=draft, user=request.user).delete()
    messages.info(request, "Unsaved changes discarded; the draft is as its latest revision.")
    return redirect(draft)


@login_required
def wizard_merge(request, pk: int):
    """Bring my unsaved answers onto the latest revision, field by field.

    GET shows what happens to each field (mine applied, theirs kept, conflicts
    side by side); POST takes the choices for the conflicts and makes the
    merged answers my workspace, based on the latest revision. Nothing is
    saved until I save; nothing changes before I confirm.
    """
    flow = Flow.for_member(request, pk)
    if not flow.is_stale():
        messages.info(request, "Your answers already build on the latest revision.")
        return redirect("ordinances:wizard", pk=flow.draft.pk, step="review")
    merge, latest = flow.merge_onto_latest()
    status = 200
    if request.method == "POST":
        if request.POST.get("latest") != str(latest):
            messages.error(
                request,
                f"Revision {latest} was saved while you were choosing; check the fields again.",
            )
            status = 409
        else:
            choices = {
                c.key: request.POST.get(f"choice__{c.key}")
                for c in merge.conflicts
                if request.POST.get(f"choice__{c.key}") in ("mine", "theirs")
            }
            settled = merge.resolve(choices)
            if settled.conflicts:
                messages.error(
                    request, "Choose your answer or theirs for every field marked below."
                )
                status = 400
            else:
                flow.adopt(settled, latest)
                messages.success(
                    request,
                    f"Your answers now build on revision {latest}. Check them, then save.",
                )
                return redirect("ordinances:wizard", pk=flow.draft.pk, step="review")
    return render(
        request,
        "ordinances/merge.html",
        {
            "draft": flow.draft,
            "latest": latest,
            "stale": _stale(flow),
            "base": flow.workspace.base_revision,
            **_merge_rows(flow, merge),
            "chosen": {key.removeprefix("choice__"): v for key, v in request.POST.items()},
        },
        status=status,
    )


def _merge_rows(flow: Flow, merge) -> dict:
    clauses = flow.clauses
    base = flow.base_spec()
    base_fields = spec_fields(base, included(base, clauses) if merge.explicit_clauses else None)

    def row(key, value):
        return {
            "key": key,
            "label": field_label(key, clauses),
            "before": field_value(key, base_fields.get(key), clauses),
            "after": field_value(key, value, clauses),
        }

    return {
        "mine": [row(key, merge.fields.get(key)) for key in merge.mine],
        "theirs": [row(key, merge.fields.get(key)) for key in merge.theirs],
        "conflicts": [
            {
                "key": c.key,
                "label": field_label(c.key, clauses),
                "before": field_value(c.key, c.base, clauses),
                "theirs": field_value(c.key, c.theirs, clauses),
                "mine": field_value(c.key, c.mine, clauses),
            }
            for c in merge.conflicts
        ],
        "review_url": reverse("ordinances:wizard", args=[flow.draft.pk, "review"]),
    }
