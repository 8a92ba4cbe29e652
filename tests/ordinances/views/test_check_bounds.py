"""Check an ordinance is bounded: the text is never re-posted, findings and page size are
capped, and a CPU budget ends a check with a clear message and the text kept."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from bench.hostile import many_findings
from ordinances.views import check as check_views

SAN_FRANCISCO = (
    "Sec. 12H.2. Use of City Funds Prohibited.\n"
    "No department of the City shall use any City funds to gather or disseminate information "
    "regarding the immigration status of individuals in the City."
)
_HIDDEN_TEXT = re.compile(r'<input type="hidden" name="text"')


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_check_fix_buttons_carry_a_digest_not_the_text(client_for, drafter):
    client = client_for(drafter)
    page = client.post(reverse("ordinances:check"), {"text": SAN_FRANCISCO}).content.decode()
    assert _HIDDEN_TEXT.findall(page) == []
    assert page.count("Use of City Funds Prohibited") <= 2  # the textarea and the marked text
    digest = re.search(r'name="checked" value="([0-9a-f]{64})"', page)[1]
    index = page.split('name="apply_fix" value="')[1].split('"')[0]
    fixed = client.post(reverse("ordinances:check"), {"checked": digest, "apply_fix": index})
    body = fixed.content.decode()
    assert fixed.status_code == 200
    assert "Applied: Add a § 1373 savings clause" in body
    assert "restricts status information" not in body


@pytest.mark.django_db
def test_check_fix_for_text_no_longer_held_says_so(client_for, drafter):
    response = client_for(drafter).post(
        reverse("ordinances:check"), {"checked": "0" * 64, "apply_fix": "0"}
    )
    assert response.status_code == 400
    assert "The text you checked is no longer held" in response.content.decode()


@pytest.mark.django_db
def test_check_held_text_is_the_users_own(client_for, drafter, colleague):
    page = client_for(drafter).post(reverse("ordinances:check"), {"text": SAN_FRANCISCO})
    digest = re.search(r'name="checked" value="([0-9a-f]{64})"', page.content.decode())[1]
    other = client_for(colleague).post(
        reverse("ordinances:check"), {"checked": digest, "apply_fix": "0"}
    )
    assert other.status_code == 400
    assert "Use of City Funds" not in other.content.decode()


@pytest.mark.django_db
def test_check_200kb_with_thousands_of_findings_makes_a_bounded_page(client_for, drafter):
    text = many_findings(200_000)
    response = client_for(drafter).post(reverse("ordinances:check"), {"text": text})
    page = response.content.decode()
    assert response.status_code == 200
    assert len(response.content) < 3 * len(text.encode()) + 500_000
    assert page.count('name="apply_fix"') <= check_views.MAX_FINDINGS_SHOWN
    assert re.search(r"\d+ more findings not shown", page)


@pytest.mark.django_db
def test_check_over_the_cpu_budget_is_too_large_and_keeps_the_text(
    client_for, drafter, monkeypatch
):
    monkeypatch.setattr(check_views, "CHECK_CPU_SECONDS", 0.0)
    response = client_for(drafter).post(reverse("ordinances:check"), {"text": SAN_FRANCISCO})
    page = response.content.decode()
    assert response.status_code == 413
    assert "This text is too large to check in one go" in page
    assert "Use of City Funds Prohibited." in page
