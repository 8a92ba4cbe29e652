"""Shared fixtures: the loaded library, organisations and their members."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from clauses.loader import load_library
from clauses.models import Edition
from organisations.models import Membership, Organisation
from tests.model_seed import MODEL_LOCALITY

PASSWORD = "a-long-test-password-42"


@pytest.fixture
def library(db):
    """The repo's clause library, loaded (once per database state)."""
    if not Edition.objects.filter(slug="cpd-2017").exists():
        load_library()
    return Edition.objects.get(slug="cpd-2017")


def make_member(organisation: Organisation, username: str, *, editor: bool = False) -> User:
    user = User.objects.create_user(
        username, password=PASSWORD, first_name=username.title(), last_name="Tester"
    )
    Membership.objects.create(user=user, organisation=organisation)
    if editor:
        user.user_permissions.add(Permission.objects.get(codename="edit_library"))
    return user


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
    return {"edition": "cpd-2017", "locality": dict(MODEL_LOCALITY), "options": {}}
