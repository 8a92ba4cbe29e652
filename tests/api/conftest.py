from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import make_draft


@pytest.fixture
def api_for():
    def _client(user) -> APIClient:
        client = APIClient()
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return client

    return _client


@pytest.fixture
def revision(library, office, drafter, model_spec_data):
    return make_draft(organisation=office, author=drafter).latest_revision()


@pytest.fixture(autouse=True)
def fresh_throttles():
    cache.clear()  # the throttles count in the cache
