"""The library browser: clauses by topic, each clause's versions and options, the
model, and any two versions of a clause side by side.

Every signed-in user may read the library (it is not secret); an organisation's
house editions and versions are shown to its members only.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from clauses.access import editor_scopes
from clauses.models import Clause, ClauseVersion, Edition
from clauses.services import edition_clauses, latest_edition
from clauses.summaries import current_summaries
from drafting.assembly import assemble
from drafting.diff import diff_documents
from drafting.document import Document
from drafting.editions import (
    PLACEHOLDER_LOCALITY,
    clause_excerpt,
    placeholder_spec,
    version_changes,
    with_version,
)
from drafting.library import TOPICS, ClauseText
from drafting.render.clause_redline import clause_redline_html
from drafting.render.html import block_html, render_html
from drafting.spec import SpecError, parse_spec
from organisations.access import organisation_of

__all__ = ["PLACEHOLDER_LOCALITY", "clause_compare", "clause_detail", "library_index"]

TOPIC_NAMES = {
    "locality": "The locality, title and definitions",
    "detainers": "Detainers and warrants",
    "jail": "Jail access and contracts",
    "information": "Information and privacy",
    "policing": "Policing and prosecution",
    "victims": "Victims and services",
    "reporting": "Reporting and oversight",
}


def _edition(request) -> Edition:
    """The edition asked for (?edition=), if the user may see it; else the newest library one."""
    slug = request.GET.get("edition")
    organisation = organisation_of(request.user)
    if slug:
        edition = Edition.objects.visible_to(organisation).filter(slug=slug).first()
    else:
        edition = latest_edition()
    if edition is None:
        raise Http404("No such library edition (or none is loaded: run manage.py load_library).")
    return edition


def _model_document(edition: Edition, clauses=None):
    spec = parse_spec(
        {"edition": edition.slug, "locality": PLACEHOLDER_LOCALITY, "clauses": clauses}
    )
    return assemble(edition_clauses(edition.slug), spec)


@login_required
def library_index(request):
    edition = _edition(request)
    versions = {v.clause_id: v for v in edition.versions()}
    groups = []
    for topic in TOPICS:
        clauses = [
            (clause, versions.get(clause.pk))
            for clause in Clause.objects.filter(topic=topic)
            if clause.pk in versions
        ]
        if clauses:
            groups.append((TOPIC_NAMES[topic], clauses))
    organisation = organisation_of(request.user)
    return render(
        request,
        "clauses/library_index.html",
        {
            "edition": edition,
            "editions": Edition.objects.visible_to(organisation).order_by("date", "created_at"),
            "groups": groups,
            "can_edit": bool(editor_scopes(request.user)),
        },
    )


def _visible_versions(request, clause: Clause) -> list[ClauseVersion]:
    """The clause's versions the user may see, newest first (404 if none: another
    organisation's house clause)."""
    organisation = organisation_of(request.user)
    versions = list(clause.versions.visible_to(organisation).order_by("-number"))
    if not versions:
        raise Http404("No such clause.")
    return versions


@login_required
def clause_detail(request, slug: str):
    clause = get_object_or_404(Clause, slug=slug)
    edition = _edition(request)
    versions = _visible_versions(request, clause)
    in_edition = next((v for v in edition.versions() if v.clause_id == clause.pk), None)
    asked = request.GET.get("version", "")
    shown = next((v for v in versions if str(v.number) == asked), None) if asked else None
    if asked and shown is None:
        raise Http404("No such version of this clause.")
    shown = shown or in_edition or versions[0]
    content = shown.content()
    every = with_version(edition_clauses(edition.slug), content)
    document = assemble(every, placeholder_spec(every, edition.slug))
    blocks = [
        block_html(block)
        for section in document.sections
        for block in section.blocks
        if block.clause == slug
    ]
    scopes = editor_scopes(request.user)
    return render(
        request,
        "clauses/clause_detail.html",
        {
            "clause": clause,
            "edition": edition,
            "version": shown,
            "in_edition": in_edition,
            "content": content,
            "versions": versions,
            "section": document.section(slug),
            "blocks_html": blocks,
            "is_title": content.kind == "title",
            "title_text": document.title,
            "can_edit": bool(scopes),
            "can_recommend": request.user.has_perm("clauses.edit_library"),
            "summary": current_summaries().for_version(slug, shown.number),
        },
    )


def _excerpt(edition: Edition, content: ClauseText) -> Document:
    clauses = with_version(edition_clauses(edition.slug), content)
    document = assemble(clauses, placeholder_spec(clauses, edition.slug))
    return clause_excerpt(document, content.slug, is_title=content.kind == "title")


@login_required
def clause_compare(request, slug: str):
    """Two versions of a clause side by side, assembled with the model's blanks."""
    clause = get_object_or_404(Clause, slug=slug)
    edition = _edition(request)
    versions = _visible_versions(request, clause)
    by_number = {str(v.number): v for v in versions}
    default_old = versions[1] if len(versions) > 1 else versions[0]
    old = by_number.get(request.GET.get("old", ""), default_old)
    new = by_number.get(request.GET.get("new", ""), versions[0])
    context = {"clause": clause, "edition": edition, "versions": versions, "old": old, "new": new}
    try:
        diff = diff_documents(_excerpt(edition, old.content()), _excerpt(edition, new.content()))
    except SpecError as exc:
        context["problems"] = exc.problems
    else:
        context["redline_html"] = clause_redline_html(
            diff,
            slug,
            old_label=f"Version {old.number}",
            new_label=f"Version {new.number}",
            title_clause=clause.versions.filter(kind="title").exists(),
            include_equal=True,
        )
    context["changes"] = version_changes(old.content(), new.content())
    context["between"] = [v for v in reversed(versions) if old.number < v.number <= new.number]
    return render(request, "clauses/clause_compare.html", context)


@login_required
def model_view(request):
    edition = _edition(request)
    document = _model_document(edition)
    return render(
        request,
        "clauses/model.html",
        {"edition": edition, "document_html": render_html(document), "document": document},
    )
