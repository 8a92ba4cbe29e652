"""Library text is data, never a template: an editor cannot reach a drafter's session."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.urls import reverse

from clauses.models import Clause
from clauses.services import clause_version_create
from drafting.spec import parse_spec
from ordinances import services
from tests.factories import make_member, publish

PAYLOAD = "{{ request.COOKIES.sessionid }}{% debug %}<script>alert(1)</script>"


def _hostile_version(slug: str, author):
    clause = Clause.objects.get(slug=slug)
    base = clause.versions.order_by("-number").first().content()
    options = tuple(
        replace(
            option,
            label=f"{option.label} {PAYLOAD}",
            guidance=f"{option.guidance} {PAYLOAD}",
            choices=tuple(
                replace(c, label=f"{c.label} {PAYLOAD}", guidance=PAYLOAD) for c in option.choices
            ),
        )
        for option in base.options
    )
    content = replace(
        base, title=f"Detainers {PAYLOAD}", options=options, change_note=f"Hostile {PAYLOAD}"
    )
    return clause_version_create(clause=clause, content=content, author=author)


@pytest.mark.django_db
def test_editor_payloads_in_titles_labels_and_guidance_render_inert(
    client_for, library, office, drafter, model_spec_data
):

    editor = make_member(office, "eve", editor=True)
    hostile = [_hostile_version("detainers", editor), _hostile_version("no-287g", editor)]
    hostile_parent = _hostile_version("civil-enforcement", editor)
    publish("hostile", editor, versions=[*hostile, hostile_parent])
    draft = services.draft_create(
        organisation=office,
        author=drafter,
        spec=parse_spec({**model_spec_data, "edition": "hostile"}),
    )
    client = client_for(drafter)
    session = client.cookies["sessionid"].value
    for step in ("detainers", "review"):
        page = client.get(reverse("ordinances:wizard", args=[draft.pk, step])).content.decode()
        assert session not in page
        assert "<script>alert(1)" not in page
        assert "{{ request.COOKIES.sessionid }}" in page or "{{" in page.replace("&#x27;", "'")
    detainers = client.get(reverse("ordinances:wizard", args=[draft.pk, "detainers"]))
    assert "Detainers {{ request.COOKIES.sessionid }}{% debug %}&lt;script&gt;" in (
        detainers.content.decode()
    )


@pytest.mark.django_db
def test_editor_payloads_render_inert_on_every_library_page(client_for, library, office):
    from clauses.services import edition_publish

    editor = make_member(office, "eve", editor=True)
    version = _hostile_version("detainers", editor)
    base = {v.clause.slug: v for v in library.versions()}
    edition_publish(
        name=f"Hostile {PAYLOAD}",
        slug="hostile",
        date=library.date,
        versions={**base, "detainers": version},
        author=editor,
        description=f"Described {PAYLOAD}",
        derived_from=library,
    )
    client = client_for(editor)
    session = client.cookies["sessionid"].value
    pages = [
        reverse("clauses:index"),
        reverse("clauses:edition_list"),
        reverse("clauses:edition_detail", args=["hostile"]),
        reverse("clauses:clause_detail", args=["detainers"]),
        reverse("clauses:clause_compare", args=["detainers"]) + f"?old=1&new={version.number}",
        reverse("clauses:model") + "?edition=hostile",
    ]
    for url in pages:
        response = client.get(url)
        page = response.content.decode()
        assert response.status_code == 200, url
        assert session not in page, url
        assert "<script>alert(1)" not in page, url
