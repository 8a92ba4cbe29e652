"""The library browser: clauses by topic, each clause's versions and options, the model."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from clauses.content import TOPICS
from clauses.models import Clause, Edition
from clauses.services import edition_clauses, latest_edition
from exports.html import block_html, render_html
from ordinances.assembly import assemble
from ordinances.spec import parse_spec

TOPIC_NAMES = {
    "locality": "The locality, title and definitions",
    "detainers": "Detainers and warrants",
    "jail": "Jail access and contracts",
    "information": "Information and privacy",
    "policing": "Policing and prosecution",
    "victims": "Victims and services",
    "reporting": "Reporting and oversight",
}

# The model's own blanks, so the library shows the model as CPD published it.
PLACEHOLDER_LOCALITY = {
    "name": "[LOCALITY]",
    "type": "city",
    "state": "[STATE]",
    "legislative_body": "[governing legislative body]",
    "chief_law_enforcement_officer": "[Chief law enforcement officer]",
    "complaint_body": "[human rights commission, or appropriate administrative body]",
    "commission_coordinator": "[Name of official or office]",
    "reporting_officer": "[reporting officer]",
    "effective_date": "[effective date]",
}


def _edition(request) -> Edition:
    slug = request.GET.get("edition")
    edition = Edition.objects.filter(slug=slug).first() if slug else latest_edition()
    if edition is None:
        raise Http404("No library edition is loaded yet: run manage.py load_library.")
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
    return render(
        request,
        "clauses/library_index.html",
        {"edition": edition, "editions": Edition.objects.all(), "groups": groups},
    )


@login_required
def clause_detail(request, slug: str):
    clause = get_object_or_404(Clause, slug=slug)
    edition = _edition(request)
    versions = list(clause.versions.order_by("-number"))
    in_edition = next((v for v in edition.versions() if v.clause_id == clause.pk), None)
    shown = in_edition or versions[0]
    content = shown.content()
    every_slug = [c.slug for c in edition_clauses(edition.slug)]
    document = _model_document(edition, clauses=every_slug)
    blocks = [
        block_html(block)
        for section in document.sections
        for block in section.blocks
        if block.clause == slug
    ]
    section = document.section(slug)
    return render(
        request,
        "clauses/clause_detail.html",
        {
            "clause": clause,
            "edition": edition,
            "version": shown,
            "content": content,
            "versions": versions,
            "section": section,
            "blocks_html": blocks,
            "is_title": content.kind == "title",
            "title_text": document.title,
        },
    )


@login_required
def model_view(request):
    edition = _edition(request)
    document = _model_document(edition)
    return render(
        request,
        "clauses/model.html",
        {"edition": edition, "document_html": render_html(document), "document": document},
    )
