"""The live preview's keystroke path: no lint, no write when nothing changed, and the
same preview whether the section HTML comes from its cache or not."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from drafting.render import html as html_renderer
from drafting.render import preview
from tests.factories import make_draft

FORM = {
    "_step": "detainers",
    "_focus": "detainers",
    "warrant_standard": "judicial",
    "notification_requests": "covered",
    "include__civil-enforcement": "on",
    "include__no-287g": "on",
    "include__detainers": "on",
    "include__ncic": "on",
}


@pytest.fixture
def saved_draft(library, office, drafter, model_spec_data):
    return make_draft(organisation=office, author=drafter)


@pytest.mark.django_db
def test_the_preview_never_runs_the_lint(client_for, drafter, saved_draft, monkeypatch):
    def no_lint(*args, **kwargs):
        raise AssertionError("the lint ran on the keystroke path")

    monkeypatch.setattr("ordinances.views.wizard.lint", no_lint)
    monkeypatch.setattr("drafting.lint.lint", no_lint)
    response = client_for(drafter).post(
        reverse("ordinances:wizard_preview", args=[saved_draft.pk]), FORM
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_same_answers_again_write_nothing(client_for, drafter, saved_draft):
    client = client_for(drafter)
    url = reverse("ordinances:wizard_preview", args=[saved_draft.pk])
    client.post(url, FORM)
    with CaptureQueriesContext(connection) as queries:
        second = client.post(url, FORM)
    assert second.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert not [sql for sql in writes if "workspace" in sql], writes


@pytest.mark.django_db
def test_cached_section_html_gives_the_same_preview(client_for, drafter, saved_draft):
    client = client_for(drafter)
    url = reverse("ordinances:wizard_preview", args=[saved_draft.pk])
    html_renderer._section_html_cached.cache_clear()
    preview._PARTS.clear()
    cold = client.post(url, FORM).content
    assert html_renderer._section_html_cached.cache_info().currsize > 0
    warm = client.post(url, FORM).content  # the parts are remembered for the document
    assert warm == cold
    changed = client.post(url, {**FORM, "warrant_standard": "categorical"}).content
    assert changed != warm
    assert b"or administrative warrant. Any such request" in changed


def _shown(content: bytes) -> str:
    return re.search(rb'id="preview-shown" value="([^"]*)"', content).group(1).decode()


@pytest.mark.django_db
def test_an_answer_swaps_only_the_sections_it_changes(client_for, drafter, saved_draft):
    client = client_for(drafter)
    url = reverse("ordinances:wizard_preview", args=[saved_draft.pk])
    first = client.post(url, FORM)
    assert "HX-Reswap" not in first.headers
    shown = _shown(first.content)
    changed = client.post(url, {**FORM, "warrant_standard": "categorical", "_shown": shown})
    assert changed.headers["HX-Reswap"] == "none"
    swapped = {ident: html for html, ident in _swapped(changed.content.decode())}
    assert swapped and len(swapped) < len(_swapped(first.content.decode()))
    # The browser's preview after the swaps is exactly the whole preview of the new answers.
    whole = client.post(url, {**FORM, "warrant_standard": "categorical"}).content.decode()
    expected = {ident: html for html, ident in _swapped(whole)}
    before = {ident: html for html, ident in _swapped(first.content.decode())}
    assert {**before, **swapped} == expected
    assert _shown(changed.content) == _shown(whole.encode())


def _swapped(html: str) -> list[tuple[str, str]]:
    html = html.replace(' hx-swap-oob="true"', "")
    return re.findall(r'(<section [^>]*id="(s-[^"]+)".*?</section>)', html, re.S)


@pytest.mark.django_db
def test_the_same_answers_with_what_the_browser_shows_send_no_section(
    client_for, drafter, saved_draft
):
    client = client_for(drafter)
    url = reverse("ordinances:wizard_preview", args=[saved_draft.pk])
    shown = _shown(client.post(url, FORM).content)
    again = client.post(url, {**FORM, "_shown": shown})
    assert again.headers["HX-Reswap"] == "none"
    assert _swapped(again.content.decode()) == []


def _after(previous: bytes, response) -> dict[str, str]:
    """The sections the browser shows after applying `response` to `previous`."""
    sections = dict((ident, html) for html, ident in _swapped(previous.decode()))
    if response.headers.get("HX-Reswap") != "none":
        return dict((ident, html) for html, ident in _swapped(response.content.decode()))
    return {**sections, **{ident: html for html, ident in _swapped(response.content.decode())}}


@pytest.mark.django_db
def test_other_clause_versions_under_the_same_answers_are_never_stale(
    client_for, drafter, saved_draft
):
    """The workspace moves to other clause versions (another edition) between two
    keystrokes: what the browser ends up showing is the new text, section by section."""
    from ordinances.models import Workspace

    client = client_for(drafter)
    url = reverse("ordinances:wizard_preview", args=[saved_draft.pk])
    first = client.post(url, FORM)
    workspace = Workspace.objects.get(draft=saved_draft, user=drafter)
    other = (
        "cpd-2017" if workspace.spec.get("edition") == "cpd-2026-council" else "cpd-2026-council"
    )
    workspace.spec = {**workspace.spec, "edition": other, "versions": {}}
    workspace.save()
    response = client.post(url, {**FORM, "_shown": _shown(first.content)})
    whole = client.post(url, FORM)
    assert _after(first.content, response) == _after(b"", whole)
    assert _after(first.content, response) != _after(b"", first)


@pytest.mark.django_db
def test_the_preview_asks_the_database_twice(client_for, drafter, saved_draft):
    """User with membership and office, then the workspace with its draft; the session is
    cached, and the published edition was found by the first request (clauses.services)."""
    client = client_for(drafter)
    url = reverse("ordinances:wizard_preview", args=[saved_draft.pk])
    client.post(url, FORM)
    with CaptureQueriesContext(connection) as queries:
        client.post(url, FORM)
    tables = [re.search(r'FROM "(\w+)"', q["sql"]).group(1) for q in queries]
    assert [t for t in tables if t != "django_session"] == [
        "auth_user",
        "ordinances_workspace",
    ]
