"""Drafts: the list, new (from the wizard or a spec file), detail, rename, duplicate, archive."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from drafting.spec import SpecError
from ordinances import audit, comments, review_links, services
from ordinances.access import get_draft_for_member as _get_draft_for_member
from ordinances.access import organisation_for as _organisation
from ordinances.comment_forms import ReplyForm
from ordinances.forms import DraftTitleForm, SpecUploadForm
from ordinances.models import Draft, Workspace
from ordinances.wizard.flow import starting_spec
from organisations.access import organisation_of


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


@login_required
def draft_new(request):
    organisation = _organisation(request)
    if request.method == "POST":
        draft = Draft.objects.create(
            organisation=organisation, title="Untitled draft", created_by=request.user
        )
        audit.record(user=request.user, action=audit.Action.DRAFT_CREATED, draft=draft)
        Workspace.objects.create(draft=draft, user=request.user, spec=starting_spec())
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
            "threads": comments.threads_for(draft),
            "review_links": review_links.links_for(draft),
            "reply_form": ReplyForm(),
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
