"""Web hardening: CSRF on every POST, the CSP on every page, sign-in throttling,
session expiry and the request size limit."""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

from config import auth
from config.middleware import CONTENT_SECURITY_POLICY, RequestSizeLimitMiddleware
from tests.factories import PASSWORD
from tests.urlwalk import World, build_world, project_routes, urls_for


@pytest.fixture
def world(library, office, other_office, model_spec_data) -> World:
    return build_world(office, other_office, model_spec_data)


@pytest.fixture(autouse=True)
def _no_failures_remembered():
    cache.clear()
    yield
    cache.clear()


# -- CSRF -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "member"])
def test_csrf_every_post_without_a_token_is_refused(world, persona):
    client = world.client(persona, enforce_csrf_checks=True)
    refused, accepted = 0, []
    for route in project_routes():
        if route.route.startswith("api/"):
            continue  # token-authenticated JSON; tests/api checks the API's own CSRF rule
        for url, _names_draft in urls_for(route, world):
            response = client.post(url, {"title": "x", "username": "dana", "password": PASSWORD})
            if response.status_code == 403 and b"CSRF" in response.content:
                refused += 1
            else:
                accepted.append(f"{url} [{route.key}]: {response.status_code}")
    print(f"\n{persona}: {refused} POSTs without a CSRF token refused")
    assert accepted == []
    assert refused > 100


_FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
_INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I
)  # inline script or style, or an event-handler attribute


def _html_pages(world: World):
    """(url, response) for every HTML page a member can GET, outside the admin."""
    client = world.client("member")
    for route in project_routes():
        if route.route.startswith("admin/"):
            continue  # Django's admin is left without the CSP (config/middleware.py)
        for url, _names_draft in urls_for(route, world):
            response = client.get(url)
            if response.get("Content-Type", "").startswith("text/html"):
                yield url, response


@pytest.mark.django_db
def test_csp_every_html_page_has_the_policy_and_no_inline_script_or_style(world):
    pages, problems = 0, []
    for url, response in _html_pages(world):
        pages += 1
        if response["Content-Security-Policy"] != CONTENT_SECURITY_POLICY:
            problems.append(f"{url}: {response.get('Content-Security-Policy')}")
        html = response.content.decode()
        problems += [f"{url}: inline {m.group(0)!r}" for m in _INLINE.finditer(html)]
        for form in _FORM.findall(html):
            if re.search(r'method="post"', form, re.I) and "csrfmiddlewaretoken" not in form:
                problems.append(f"{url}: a POST form without a CSRF token")
    print(f"\n{pages} HTML pages checked for the CSP, inline code and CSRF tokens")
    assert problems == []
    assert pages > 20


def test_csp_policy_allows_no_inline_code():
    directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
    assert (directives["script-src"], directives["style-src"]) == ("'self'", "'self'")
    assert (directives["object-src"], directives["frame-ancestors"]) == ("'none'", "'none'")


@pytest.mark.django_db
def test_csp_is_sent_on_the_sign_in_and_error_pages(client):
    for url, status in [(reverse("login"), 200), ("/no-such-page/", 404)]:
        response = client.get(url)
        assert (response.status_code, response["Content-Security-Policy"]) == (
            status,
            CONTENT_SECURITY_POLICY,
        )


# -- sign-in throttling -----------------------------------------------------------


def _sign_in(client: Client, password: str, *, username: str = "dana", address="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


@pytest.mark.django_db
def test_login_throttled_after_five_failures_even_with_the_right_password(
    client, drafter, monkeypatch
):
    monkeypatch.setattr(auth.time, "time", lambda: 1_800_000_000.0)
    for _ in range(auth.MAX_FAILURES - 1):
        assert _sign_in(client, "wrong").status_code == 200
    fifth = _sign_in(client, "wrong")
    assert "Too many failed sign-in attempts. Try again in 15 minutes." in fifth.content.decode()
    response = _sign_in(client, PASSWORD)
    page = response.content.decode()
    assert (response.status_code, response["Retry-After"]) == (429, str(15 * 60))
    assert "Too many failed sign-in attempts. Try again in 15 minutes." in page
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_throttle_is_per_username_and_address(client, drafter, colleague):
    for _ in range(auth.MAX_FAILURES):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD, address="10.0.0.2").status_code == 302
    assert _sign_in(Client(), PASSWORD, username="colin").status_code == 302
    assert _sign_in(Client(), PASSWORD).status_code == 429


@pytest.mark.django_db
def test_login_throttle_ends_when_the_failures_leave_the_window(client, drafter, monkeypatch):
    start = 1_800_000_000.0
    monkeypatch.setattr(auth.time, "time", lambda: start)
    for _ in range(auth.MAX_FAILURES):
        _sign_in(client, "wrong")
    monkeypatch.setattr(auth.time, "time", lambda: start + auth.WINDOW_SECONDS - 61)
    assert "Try again in 2 minutes." in _sign_in(client, PASSWORD).content.decode()
    monkeypatch.setattr(auth.time, "time", lambda: start + auth.WINDOW_SECONDS + 1)
    assert _sign_in(client, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_login_success_forgets_earlier_failures(client, drafter):
    for _ in range(auth.MAX_FAILURES - 1):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 302
    client.post(reverse("logout"))
    for _ in range(auth.MAX_FAILURES - 1):
        _sign_in(client, "wrong")
    assert _sign_in(client, PASSWORD).status_code == 302


def test_login_wait_message_says_minutes():
    assert auth.too_many_attempts_message(59) == (
        "Too many failed sign-in attempts. Try again in 1 minute."
    )
    assert auth.too_many_attempts_message(601) == (
        "Too many failed sign-in attempts. Try again in 11 minutes."
    )


def test_password_reset_is_not_offered():
    names = {route.name for route in project_routes()}
    assert {n for n in names if n and n.startswith("password_reset")} == set()


# -- sessions ---------------------------------------------------------------------


@pytest.mark.django_db
def test_session_cookie_ends_with_the_browser(client, drafter):
    response = _sign_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert (cookie["max-age"], cookie["expires"], cookie["httponly"]) == ("", "", True)


@pytest.mark.django_db
def test_session_expires_on_the_server_after_the_cookie_age(client, drafter):
    _sign_in(client, PASSWORD)
    session = Session.objects.get(session_key=client.session.session_key)
    age = (session.expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < age <= settings.SESSION_COOKIE_AGE
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert client.get(reverse("ordinances:draft_list")).status_code == 200
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now())
    response = client.get(reverse("ordinances:draft_list"))
    assert response["Location"] == "/accounts/login/?next=/"


# -- request size -----------------------------------------------------------------


class _Unreadable(io.RawIOBase):
    def read(self, *args):
        raise AssertionError("the request body was read")


def test_request_over_the_size_limit_is_refused_unread():
    limit = RequestSizeLimitMiddleware.limit
    request = RequestFactory().post("/check/", data=b"", content_type="application/octet-stream")
    request.META.update(CONTENT_LENGTH=str(limit + 1), **{"wsgi.input": _Unreadable()})
    response = RequestSizeLimitMiddleware(lambda r: r.read())(request)
    assert response.status_code == 413
    assert response.content.decode() == (
        "The request is 6.0 MB; the limit is 5 MB for a file. Go back and choose a smaller "
        "file, or paste the text instead.\n"
    )


@pytest.mark.django_db
def test_request_over_the_size_limit_gets_413_before_csrf_or_sign_in(client):
    big = io.BytesIO(b"x" * (RequestSizeLimitMiddleware.limit + 1))
    big.name = "big.docx"
    response = Client(enforce_csrf_checks=True).post(reverse("ordinances:check"), {"upload": big})
    assert (response.status_code, response["Content-Type"]) == (413, "text/plain; charset=utf-8")


# -- throttling that holds (issue 14, item 6) -------------------------------------


@pytest.mark.django_db
def test_login_throttle_counts_look_alike_usernames_together(client, drafter):
    for name in ["Dana", "ＤＡＮＡ", "dana ", "DANA", "ｄａｎａ"]:
        _sign_in(Client(), "wrong", username=name)
    response = _sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_login_throttle_holds_when_every_attempt_comes_from_another_address(client, drafter):
    for index in range(auth.MAX_FAILURES_ANY_ADDRESS):
        _sign_in(Client(), "wrong", address=f"10.1.0.{index}")
    assert _sign_in(client, PASSWORD, address="10.2.0.1").status_code == 429


@pytest.mark.django_db
def test_admin_sign_in_is_throttled_like_the_site(world):
    client = Client()
    admin_login = reverse("admin:login")
    for _ in range(auth.MAX_FAILURES):
        client.post(admin_login, {"username": "ROOT", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    right = {"username": "root", "password": "a-long-admin-password-42"}
    response = client.post(admin_login, right, REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= auth.WINDOW_SECONDS
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
    site = _sign_in(Client(), "a-long-admin-password-42", username="root", address="10.0.0.9")
    assert site.status_code == 429


@pytest.mark.django_db
def test_admin_sign_in_succeeds_and_forgets_failures(world):
    client = Client()
    admin_login = reverse("admin:login")
    client.post(admin_login, {"username": "root", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    right = {"username": "root", "password": "a-long-admin-password-42"}
    assert client.post(admin_login, right, REMOTE_ADDR="10.0.0.9").status_code == 302
    assert auth.wait_seconds("root", "10.0.0.9") == 0


@pytest.mark.django_db
def test_failed_sign_in_is_logged_with_the_normalised_name(client, drafter, caplog):
    with caplog.at_level("WARNING", logger="config.auth"):
        _sign_in(client, "wrong", username="ＤＡＮＡ")
    assert caplog.messages == ["Failed sign-in for 'dana' from 10.0.0.1"]


# -- pages that must not be stored (issue 14, item 9) -----------------------------


@pytest.mark.django_db
def test_signed_in_pages_and_downloads_are_not_stored(world):
    client = world.client("member")
    draft = world.draft
    urls = [
        reverse("ordinances:draft_list"),
        reverse("ordinances:draft_detail", args=[draft.pk]),
        reverse("ordinances:revision_spec", args=[draft.pk, 1]),
        reverse("exports:download", args=[draft.pk, 1, "docx"]),
        reverse("clauses:index"),
    ]
    headers = {url: client.get(url).get("Cache-Control", "") for url in urls}
    assert {url: "no-store" in value for url, value in headers.items()} == dict.fromkeys(urls, True)
