"""Production mode under gunicorn: security headers on, debug pages off, static files served."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _production_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        CACHE_URL="db",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_SETTINGS_MODULE="config.settings",
    )
    return env


def _manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str, *, https: bool = True):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"} if https else {})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        return opener.open(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error


PRODUCTION_PASSWORD = "a-long-production-password-42"
_CREATE_USER = (
    "shell",
    "-c",
    "from django.contrib.auth.models import User; "
    f"User.objects.create_user('clerk', password='{PRODUCTION_PASSWORD}')",
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    env = _production_env(tmp_path)
    setup = (("migrate", "--noinput"), ("createcachetable",), ("collectstatic", "--noinput"))
    for args in (*setup, _CREATE_USER):
        result = _manage(env, *args)
        assert result.returncode == 0, result.stderr
    port = _free_port()
    process = subprocess.Popen(
        [str(GUNICORN), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if _get(f"{base}/health/").status == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer on /health/")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_health_answers(server):
    response = _get(f"{server}/health/")
    assert (response.status, response.read()) == (200, b'{"status": "ok"}')


def test_security_headers_are_set(server):
    response = _get(f"{server}/accounts/login/")
    headers = response.headers
    assert response.status == 200
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookies = headers.get_all("Set-Cookie")
    assert cookies and all("Secure" in cookie for cookie in cookies)


def test_plain_http_is_redirected_to_https(server):
    response = _get(f"{server}/accounts/login/", https=False)
    assert response.status == 301
    assert response.headers["Location"].startswith("https://")


def test_debug_pages_are_off(server):
    response = _get(f"{server}/no-such-page/")
    body = response.read().decode()
    assert response.status == 404
    assert "DEBUG = True" not in body
    assert "URLconf" not in body


def test_static_files_are_served_by_whitenoise(server):
    page = _get(f"{server}/accounts/login/").read().decode()
    stylesheet = re.search(r'href="(/static/css/app\.[0-9a-f]+\.css)"', page)
    assert stylesheet, "the stylesheet should be served under a hashed name"
    response = _get(f"{server}{stylesheet.group(1)}")
    assert response.status == 200
    assert "max-age" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"SECRET_KEY": ""}, "needs SECRET_KEY of at least 32 characters"),
        ({"ALLOWED_HOSTS": ""}, "needs ALLOWED_HOSTS"),
        ({"DEBUG": "maybe"}, "DEBUG must be true or false"),
    ],
)
def test_insecure_production_configuration_refuses_to_start(tmp_path, override, message):
    env = {**_production_env(tmp_path), **override}
    result = _manage(env, "check")
    assert result.returncode != 0
    assert message in result.stderr


def _cookies(response) -> dict[str, str]:
    """Set-Cookie headers by cookie name."""
    return {c.split("=", 1)[0]: c for c in response.headers.get_all("Set-Cookie") or []}


def test_session_cookie_after_sign_in_is_secure_and_ends_with_the_browser(server):
    login = _get(f"{server}/accounts/login/")
    csrf = _cookies(login)["csrftoken"].split(";", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.read().decode())[1]
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": "clerk", "password": PRODUCTION_PASSWORD}
    )
    request = urllib.request.Request(
        f"{server}/accounts/login/",
        data=form.encode(),
        headers={
            "X-Forwarded-Proto": "https",
            "Cookie": csrf,
            "Origin": server.replace("http://", "https://"),
        },
    )
    try:
        response = urllib.request.build_opener(_NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    assert (response.status, response.headers["Location"]) == (302, "/")
    session = [part.strip() for part in _cookies(response)["sessionid"].split(";")]
    assert {"Secure", "HttpOnly", "SameSite=Lax"} <= set(session)
    assert [p for p in session if p.lower().startswith(("expires", "max-age"))] == []


# -- issue 14: production defaults ------------------------------------------------


def _setting(env, expression: str):
    result = _manage(env, "shell", "-c", f"from django.conf import settings; print({expression})")
    result.stdout = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    return result


def test_debug_is_off_unless_set(tmp_path):
    env = {k: v for k, v in _production_env(tmp_path).items() if k != "DEBUG"}
    assert _setting(env, "settings.DEBUG").stdout.strip() == "False"
    result = _manage({**env, "SECRET_KEY": ""}, "check")
    assert "needs SECRET_KEY of at least 32 characters" in result.stderr


@pytest.mark.parametrize("cache_url", ["", "file:///tmp/od-cache"])
def test_production_refuses_a_cache_of_its_own_for_throttling(tmp_path, cache_url):
    result = _manage({**_production_env(tmp_path), "CACHE_URL": cache_url}, "check")
    assert result.returncode != 0
    assert "Production (DEBUG=false) needs a shared cache" in result.stderr


def test_forwarded_proto_is_trusted_only_when_configured(tmp_path):
    env = {k: v for k, v in _production_env(tmp_path).items() if k != "SECURE_PROXY_SSL_HEADER"}
    assert _setting(env, "settings.SECURE_PROXY_SSL_HEADER").stdout.strip() == "None"
    configured = {**env, "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto"}
    assert _setting(configured, "settings.SECURE_PROXY_SSL_HEADER").stdout.strip() == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_production_logs_request_errors_to_stderr(tmp_path):
    result = _manage(
        _production_env(tmp_path),
        "shell",
        "-c",
        "import logging; logging.getLogger('django.request').error('Internal Server Error: /x/')",
    )
    assert "ERROR django.request: Internal Server Error: /x/" in result.stderr


def test_make_run_and_setup_use_development_settings():
    makefile = (ROOT / "Makefile").read_text()
    for command in ("migrate --noinput", "load_library", "setup_demo", "runserver"):
        line = next(line for line in makefile.splitlines() if command in line)
        assert line.strip().startswith("$(DEV) "), line
    assert "DEV := DEBUG=true" in makefile
