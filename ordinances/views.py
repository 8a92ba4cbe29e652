"""Drafts, the wizard with live preview, revisions. Thin: services and the pure core do the work."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from clauses.services import DEFAULT_EDITION, edition_clauses, latest_edition
from drafting.lint import lint, scorecard
from drafting.render.html import anchor, render_html
from drafting.spec import SpecError, parse_spec
from ordinances import audit, services, wizard
from ordinances.access import get_draft_for_member as _get_draft_for_member
from ordinances.access import get_revision_for_member as _get_revision_for_member
from ordinances.access import organisation_for as _organisation
from ordinances.forms import DraftTitleForm, SaveRevisionForm, SpecUploadForm
from ordinances.models import Draft, Workspace
from organisations.access import organisation_of

# -- drafts -------------------------------------------------------------------


@login_required
def draft_list(request):
    organisation = organisation_of(request.user)
    archived = request.GET.get("archived") == "1"
    drafts = []
    if organisation:
        queryset = Draft.objects.filter(
            organisation=organisation, archived_at__isnull=not archived
        ).select_related("created_by")
        drafts = [(draft, draft.latest_revision()) for draft in queryset]
        drafts.sort(key=lambda pair: pair[1].created_at if pair[1] else pair[0].created_at)
        drafts.reverse()
    return render(
        request,
        "ordinances/draft_list.html",
        {"drafts": drafts, "archived": archived, "organisation": organisation},
    )


def _starting_spec() -> dict:
    edition = latest_edition()
    return {
        "edition": edition.slug if edition else DEFAULT_EDITION,
        "numbering": "cpd",
        "locality": {"type": "city"},
        "options": {},
    }


@login_required
def draft_new(request):
    organisation = _organisation(request)
    if request.method == "POST":
        draft = Draft.objects.create(
            organisation=organisation, title="Untitled draft", created_by=request.user
        )
        audit.record(user=request.user, action=audit.Action.DRAFT_CREATED, draft=draft)
        Workspace.objects.create(draft=draft, user=request.user, spec=_starting_spec())
        return redirect("ordinances:wizard", pk=draft.pk, step="locality")
    return render(request, "ordinances/draft_new.html", {"upload_form": SpecUploadForm()})


@login_required
def draft_upload(request):
    organisation = _organisation(request)
    form = SpecUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        spec = form.cleaned_data["spec_file"]
        try:
            draft = services.draft_create(
                organisation=organisation,
                author=request.user,
                spec=spec,
                title=form.cleaned_data["title"],
                message="Started from an uploaded spec",
            )
        except SpecError as exc:
            for field, message in exc.problems.items():
                form.add_error("spec_file", f"{field}: {message}")
        else:
            messages.success(request, "Draft created from the uploaded spec.")
            return redirect(draft)
    return render(request, "ordinances/draft_new.html", {"upload_form": form}, status=200)


@login_required
def draft_detail(request, pk: int):
    draft = _get_draft_for_member(request, pk)
    revisions = draft.revisions.select_related("author").order_by("-number")
    workspace = Workspace.objects.filter(draft=draft, user=request.user).first()
    return render(
        request,
        "ordinances/draft_detail.html",
        {
            "draft": draft,
            "revisions": revisions,
            "workspace": workspace,
            "title_form": DraftTitleForm(initial={"title": draft.title}),
        },
    )


@login_required
@require_POST
def draft_rename(request, pk: int):
    draft = _get_draft_for_member(request, pk)
    form = DraftTitleForm(request.POST)
    if form.is_valid():
        Draft.objects.filter(pk=draft.pk).update(title=form.cleaned_data["title"])
        audit.record(
            user=request.user,
            action=audit.Action.RENAMED,
            draft=draft,
            old_title=draft.title,
            new_title=form.cleaned_data["title"],
        )
        messages.success(request, "Draft renamed.")
    else:
        messages.error(request, "A draft name is required (at most 200 characters).")
    return redirect(draft)


@login_required
@require_POST
def draft_duplicate(request, pk: int):
    draft = _get_draft_for_member(request, pk)
    revision = draft.latest_revision()
    if revision is None:
        messages.error(request, "Save a revision before duplicating this draft.")
        return redirect(draft)
    copy = services.draft_duplicate(revision=revision, author=request.user)
    messages.success(request, f"Started “{copy.title}” from r{revision.number}.")
    return redirect(copy)


@login_required
@require_POST
def draft_archive(request, pk: int):
    draft = _get_draft_for_member(request, pk)
    if request.POST.get("restore"):
        services.draft_restore(draft=draft)
        audit.record(user=request.user, action=audit.Action.RESTORED, draft=draft)
        messages.success(request, f"“{draft.title}” restored.")
    else:
        services.draft_archive(draft=draft)
        audit.record(user=request.user, action=audit.Action.ARCHIVED, draft=draft)
        messages.success(request, f"“{draft.title}” archived. You can restore it from the archive.")
    return redirect("ordinances:draft_list")


# -- revisions ----------------------------------------------------------------


@login_required
def revision_detail(request, pk: int, number: int):
    revision = _get_revision_for_member(request, pk, number)
    document = services.document_for_spec(revision.draft_spec())
    return render(
        request,
        "ordinances/revision_detail.html",
        {"draft": revision.draft, "revision": revision, "document_html": render_html(document)},
    )


@login_required
def revision_spec(request, pk: int, number: int):
    revision = _get_revision_for_member(request, pk, number)
    audit.record(user=request.user, action=audit.Action.EXPORTED, revision=revision, kind="spec")
    response = HttpResponse(
        revision.draft_spec().to_json(), content_type="application/json; charset=utf-8"
    )
    name = f"{_slug(revision.locality)}-r{revision.number}-spec.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _slug(text: str) -> str:
    return slugify(text)[:60] or "draft"


# -- the wizard ---------------------------------------------------------------


def _workspace(request, draft: Draft) -> Workspace:
    """This user's workspace on the draft, started from the latest revision if none."""
    workspace = Workspace.objects.filter(draft=draft, user=request.user).first()
    if workspace is None:
        latest = draft.latest_revision()
        spec = dict(latest.spec) if latest else _starting_spec()
        workspace = Workspace.objects.create(
            draft=draft, user=request.user, spec=spec, base_revision=latest.number if latest else 0
        )
    return workspace


def _clauses(spec: dict, organisation):
    """The clause texts a working spec drafts against, if its office may see them."""
    try:
        return edition_clauses(
            spec.get("edition", DEFAULT_EDITION),
            spec.get("versions") or {},
            organisation=organisation,
        )
    except SpecError:
        raise Http404("That library edition is not available to your office.") from None


def _preview(spec: dict, *, organisation, highlight=()) -> dict:
    """Assemble the working spec for the preview: HTML, or the problems to fix."""
    clean = {k: v for k, v in spec.items() if not k.startswith("_")}
    try:
        document = services.document_for_spec(parse_spec(clean), organisation=organisation)
    except SpecError as exc:
        return {"preview_html": "", "preview_problems": exc.problems, "document": None}
    return {
        "preview_html": render_html(document, highlight=highlight),
        "preview_problems": {},
        "document": document,
    }


@login_required
def wizard_step(request, pk: int, step: str):
    draft = _get_draft_for_member(request, pk)
    current = wizard.step_by_slug(step)
    if current is None:
        raise Http404("No such step.")
    workspace = _workspace(request, draft)
    clauses = _clauses(workspace.spec, draft.organisation)
    form = wizard.step_form(current, clauses, workspace.spec, request.POST or None)
    save_form = SaveRevisionForm(request.POST or None)
    if request.method == "POST":
        return _wizard_post(request, draft, workspace, current, clauses, form, save_form)
    if form is not None and current.slug in (workspace.spec.get("_unsaved") or {}):
        form = wizard.step_form(current, clauses, workspace.spec, _unsaved_data(workspace, current))
        form.is_valid()
    if workspace.step != current.slug:
        Workspace.objects.filter(pk=workspace.pk).update(step=current.slug)
    return _render_wizard(request, draft, workspace, current, clauses, form, save_form)


def _unsaved_data(workspace: Workspace, step: wizard.Step) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in workspace.spec["_unsaved"][step.slug].items():
        data.setlist(name, [v for v in (values or []) if v is not None])
    return data


def _wizard_post(request, draft, workspace, current, clauses, form, save_form):
    action = request.POST.get("nav", "next")
    spec = workspace.spec
    valid = form is None or form.is_valid()
    if form is not None:
        spec = form.apply(spec, clauses) if valid else wizard.raw_answers(form, spec, clauses)
    Workspace.objects.filter(pk=workspace.pk).update(spec=spec, step=current.slug)
    workspace.spec = spec
    previous, following = wizard.neighbours(current.slug)
    if action == "back" and previous:
        return redirect("ordinances:wizard", pk=draft.pk, step=previous)
    if action.startswith("goto:") and wizard.step_by_slug(action[5:]):
        return redirect("ordinances:wizard", pk=draft.pk, step=action[5:])
    if not valid:
        messages.error(request, "Please correct the fields marked below; your input is kept.")
        return _render_wizard(request, draft, workspace, current, clauses, form, save_form, 400)
    if action == "save":
        return _save_revision(request, draft, workspace, current, clauses, form, save_form)
    if following:
        return redirect("ordinances:wizard", pk=draft.pk, step=following)
    return redirect("ordinances:wizard", pk=draft.pk, step=current.slug)


def _save_revision(request, draft, workspace, current, clauses, form, save_form):
    save_form.is_valid()
    message = save_form.cleaned_data.get("message", "") if save_form.is_bound else ""
    unsaved = workspace.spec.get("_unsaved") or {}
    if unsaved:
        steps = ", ".join(wizard.step_by_slug(s).title for s in unsaved)
        messages.error(request, f"Some answers still need correcting before saving: {steps}.")
        return _render_wizard(request, draft, workspace, current, clauses, form, save_form, 400)
    try:
        spec = parse_spec({k: v for k, v in workspace.spec.items() if not k.startswith("_")})
        revision = services.revision_create(
            draft=draft,
            spec=spec,
            author=request.user,
            base=workspace.base_revision,
            message=message,
        )
    except services.StaleRevisionError as exc:
        if exc.base:
            pair = f"old={draft.pk}.{exc.base}&new={draft.pk}.{exc.latest}"
            compare = f"{reverse('ordinances:compare')}?{pair}"
        else:
            compare = reverse("ordinances:revision_detail", args=[draft.pk, exc.latest])
        return _render_wizard(
            request, draft, workspace, current, clauses, form, save_form, 409,
            stale={"error": str(exc), "latest": exc.latest, "compare_url": compare},
        )  # fmt: skip
    except SpecError as exc:
        for field, problem in exc.problems.items():
            messages.error(request, f"{_field_label(field)}: {problem}")
        return _render_wizard(request, draft, workspace, current, clauses, form, save_form, 400)
    if revision.number == 1 and draft.title == "Untitled draft":
        document = services.document_for_spec(spec)
        Draft.objects.filter(pk=draft.pk).update(title=f"{spec.locality.name}: {document.title}")
    messages.success(request, f"Saved revision {revision.number}.")
    return redirect(draft)


def _field_label(field: str) -> str:
    return field.replace("locality.", "Locality: ").replace("options.", "Option: ")


def _render_wizard(
    request, draft, workspace, current, clauses, form, save_form, status=200, stale=None
):
    highlight = {c.slug for c in wizard.step_clauses(current, clauses)} if current.topic else ()
    context = {
        "draft": draft,
        "workspace": workspace,
        "step": current,
        "steps": wizard.STEPS,
        "form": form,
        "save_form": save_form,
        "stale": stale,
        "previous": wizard.neighbours(current.slug)[0],
        "following": wizard.neighbours(current.slug)[1],
        "field_clauses": {
            name: wizard.clause_for_field(name, clauses) for name in (form.fields if form else [])
        },
        **_preview(workspace.spec, organisation=draft.organisation, highlight=highlight),
    }
    if current.slug == "review":
        context["review"] = _review(workspace.spec, clauses, context.get("document"))
    return render(request, "ordinances/wizard.html", context, status=status)


def _review(spec: dict, clauses, document) -> dict:
    """What the review step shows: each option as chosen, included clauses, lint findings."""
    options = spec.get("options") or {}
    included = wizard.included_slugs(spec, clauses)
    rows = []
    for clause in clauses:
        if clause.slug not in included:
            continue
        for option in clause.options:
            value = options.get(option.key, option.default)
            if option.type == "choice":
                shown = getattr(option.choice(value), "label", value)
            elif option.type == "multi":
                shown = ", ".join(c.label for c in option.choices if c.value in value) or "None"
            else:
                shown = str(value)
            rows.append((clause.title, option.label, shown, value != option.default))
    findings, score = [], None
    if document is not None:
        state = (spec.get("locality") or {}).get("state") or None
        findings = lint(document, state=state)
        score = scorecard(document)
    order = {"error": 0, "warning": 1, "info": 2}
    findings = [
        (finding, anchor(finding.block) if finding.block else "")
        for finding in sorted(findings, key=lambda f: order[f.severity])
    ]
    return {"rows": rows, "findings": findings, "scorecard": score}


@login_required
@require_POST
def wizard_preview(request, pk: int):
    """HTMX: the preview for the form as it stands, the affected clause highlighted.

    The answers are also kept in the workspace, so nothing typed is lost.
    """
    draft = _get_draft_for_member(request, pk)
    workspace = _workspace(request, draft)
    current = wizard.step_by_slug(request.POST.get("_step", "")) or wizard.STEPS[0]
    clauses = _clauses(workspace.spec, draft.organisation)
    form = wizard.step_form(current, clauses, workspace.spec, request.POST)
    spec = workspace.spec
    if form is not None and form.is_valid():
        spec = form.apply(spec, clauses)
        Workspace.objects.filter(pk=workspace.pk).update(spec=spec)
    focus = request.POST.get("_focus", "")
    highlight = {focus} if focus else {c.slug for c in wizard.step_clauses(current, clauses)}
    context = {
        "draft": draft,
        **_preview(spec, organisation=draft.organisation, highlight=highlight),
    }
    if form is not None and not form.is_valid():
        context["form_errors"] = {
            form.fields[name].label or name: errors
            for name, errors in form.errors.items()
            if name in form.fields
        }
    return render(request, "ordinances/_preview.html", context)


@login_required
@require_POST
def wizard_discard(request, pk: int):
    draft = _get_draft_for_member(request, pk)
    Workspace.objects.filter(draft=draft, user=request.user).delete()
    messages.info(request, "Unsaved changes discarded; the draft is as its latest revision.")
    return redirect(draft)


def health(request):
    """For load balancers: the app answers and its database is reachable."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_required
@require_POST
def apply_fix(request, pk: int):
    """A lint quick fix on a draft: include the clause it names, saved as a new revision."""
    draft = _get_draft_for_member(request, pk)
    workspace = _workspace(request, draft)
    clauses = _clauses(workspace.spec, draft.organisation)
    clause = next((c for c in clauses if c.slug == request.POST.get("clause")), None)
    review = reverse("ordinances:wizard", args=[draft.pk, "review"])
    if clause is None:
        messages.error(request, "That fix names no clause of this library edition.")
        return redirect(review)
    if workspace.spec.get("_unsaved"):
        messages.error(request, "Correct the answers marked in the wizard before applying a fix.")
        return redirect(review)
    included = wizard.included_slugs(workspace.spec, clauses) | {clause.slug}
    spec_data = {k: v for k, v in workspace.spec.items() if not k.startswith("_")}
    spec_data["clauses"] = [c.slug for c in clauses if c.slug in included]
    try:
        revision = services.revision_create(
            draft=draft,
            spec=parse_spec(spec_data),
            author=request.user,
            base=workspace.base_revision,
            message=f"Fix: include “{clause.title}”",
        )
    except services.StaleRevisionError as exc:
        messages.error(request, str(exc))
        return redirect(review)
    except SpecError as exc:
        for field, problem in exc.problems.items():
            messages.error(request, f"{_field_label(field)}: {problem}")
        return redirect(review)
    audit.record(
        user=request.user, action=audit.Action.FIX_APPLIED, revision=revision, clause=clause.title
    )
    messages.success(
        request, f"Included “{clause.title}” and saved it as revision {revision.number}."
    )
    return redirect(review)
