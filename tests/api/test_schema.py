"""The API against its own OpenAPI description (schemathesis): every operation, a
bounded number of generated requests each; no 500, responses as documented."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token

# The schema view needs no database: it is public and reads only the URL conf.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def _one_connection():
    """Keep the test's database connection across requests, as Django's test client does:
    the WSGI handler would otherwise close it after each request (on PostgreSQL that ends
    the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(library, office, drafter, model_spec_data) -> str:
    """A member's token, with a saved draft in the office (draft 1, revision 1)."""
    from tests.factories import make_draft

    make_draft(organisation=office, author=drafter)
    return Token.objects.get_or_create(user=drafter)[0].key


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
@pytest.mark.django_db
def test_api_matches_its_schema(case, token):
    # A request the schema allows can still be refused: a spec must name real options, and
    # the lint takes exactly one of spec, text or akn, which OpenAPI cannot say simply.
    case.call_and_validate(
        headers={"Authorization": f"Token {token}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
