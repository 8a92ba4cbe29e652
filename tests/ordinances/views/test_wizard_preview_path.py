"""The live preview's keystroke path: no lint, no write when nothing changed, and the
same preview whether the section HTML comes from its cache or not."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from drafting.render import html as html_renderer
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
    cold = client.post(url, FORM).content
    warm = client.post(url, FORM).content
    assert html_renderer._section_html_cached.cache_info().hits > 0
    assert warm == cold
    changed = client.post(url, {**FORM, "warrant_standard": "categorical"}).content
    assert changed != warm
    assert b"or administrative warrant. Any such request" in changed
