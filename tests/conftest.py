"""Shared fixtures: the loaded library, organisations and their members (made by
tests/factories.py, where every shared helper lives)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from clauses.loader import load_library
from clauses.models import Edition
from clauses.services import forget_editions
from organisations.models import Organisation
from tests.factories import make_member, spec_data


@pytest.fixture(autouse=True)
def fresh_editions():
    """Each test's database starts anew, so the published editions a process remembers
    (clauses.services) are forgotten before it."""
    forget_editions()


@pytest.fixture
def library(db):
    """The repo's clause library, loaded (once per database state)."""
    if not Edition.objects.filter(slug="cpd-2017").exists():
        load_library()
    return Edition.objects.get(slug="cpd-2017")


@pytest.fixture
def office(db):
    return Organisation.objects.create(name="Springfield City Council", slug="springfield")


@pytest.fixture
def other_office(db):
    return Organisation.objects.create(name="Shelbyville City Attorney", slug="shelbyville")


@pytest.fixture
def drafter(office):
    return make_member(office, "dana")


@pytest.fixture
def colleague(office):
    return make_member(office, "colin")


@pytest.fixture
def outsider(other_office):
    return make_member(other_office, "otto")


@pytest.fixture
def client_for():
    def _client(user: User) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return _client


@pytest.fixture
def model_spec_data() -> dict:
    return spec_data()


@pytest.fixture(autouse=True)
def generous_api_rates(settings):
    """The API's rate limits have their own tests (tests/api); elsewhere, walking every
    URL as every visitor must not run into them."""
    settings.API_RATES = {
        "user": "100000/minute",
        "anon": "100000/minute",
        "render": "100000/minute",
    }
