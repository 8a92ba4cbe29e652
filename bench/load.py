"""A bounded load test: gunicorn in production mode, the app on PostgreSQL, loopback only.

Signs in N clients, then each sends a fixed number of requests to the wizard's
live-preview endpoint and to the .docx export endpoint, at 1, 4 and 16
concurrent clients. Stops by itself. Prints throughput and p50/p95 latency.

    python bench/load.py            # DATABASE_URL defaults to the local PostgreSQL
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ordinance_drafter_load"
)
CONCURRENCY = (1, 4, 16)
REQUESTS_PER_LEVEL = 160
WORKERS = 2 * (os.cpu_count() or 1) + 1
PASSWORD = "load-test-password-2026"
PREVIEW_FORM = {
    "_step": "detainers",
    "_focus": "detainers",
    "warrant_standard": "judicial",
    "notification_requests": "covered",
    "include__civil-enforcement": "on",
    "include__no-287g": "on",
    "include__detainers": "on",
    "include__ncic": "on",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "CACHE_URL": "db",
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "STATIC_ROOT": str(ROOT / "staticfiles"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }


def _manage(env, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


class Client:
    """One signed-in browser: its own cookies, CSRF token from the sign-in page.

    Production cookies are Secure; behind the load balancer's TLS they would be
    sent, so this client sends them over loopback HTTP itself (urllib would not).
    """

    def __init__(self, base: str, username: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        opener = urllib.request.build_opener(_NoRedirect)
        self.opener = opener
        page = self._open("GET", "/accounts/login/").decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        self._open(
            "POST",
            "/accounts/login/",
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        if "sessionid" not in self.cookies:
            raise SystemExit(f"{username} could not sign in")

    def _open(self, method: str, path: str, form: dict | None = None) -> bytes:
        data = urllib.parse.urlencode(form, doseq=True).encode() if form else None
        origin = self.base.replace("http://", "https://")
        headers = {"X-Forwarded-Proto": "https", "Referer": f"{origin}{path}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST" and "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        request = urllib.request.Request(
            self.base + path, data=data, headers=headers, method=method
        )
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            if error.code != 302:
                raise
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        with response:
            return response.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _run_level(clients: list[Client], request, total: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = total // len(clients)

    def work(client: Client) -> None:
        for _ in range(per_client):
            start = time.perf_counter()
            request(client)
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)

    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, latencies


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(*, quick: bool = False) -> list[dict]:
    env = _env()
    per_level = 48 if quick else REQUESTS_PER_LEVEL
    database = urllib.parse.urlparse(DATABASE_URL).path.lstrip("/")
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"DROP DATABASE IF EXISTS {database}"],
        check=True, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", f"CREATE DATABASE {database}"],
        check=True, capture_output=True,
    )  # fmt: skip
    _manage(env, "migrate", "--noinput")
    _manage(env, "createcachetable")
    _manage(env, "collectstatic", "--noinput")
    _manage(env, "load_library")
    setup = f"from bench.load_setup import setup; print(setup({PASSWORD!r}))"
    draft = int(_manage(env, "shell", "-c", setup).strip().splitlines()[-1])
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(WORKERS)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    rows = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        clients = [Client(base, f"load{n}") for n in range(max(CONCURRENCY))]
        endpoints = {
            "live preview (POST)": lambda c: c._open(
                "POST", f"/drafts/{draft}/preview/", PREVIEW_FORM
            ),
            ".docx export (GET, cached after first)": lambda c: c._open(
                "GET", f"/drafts/{draft}/r/1/export/docx/"
            ),
        }
        print(f"gunicorn, {WORKERS} workers, PostgreSQL; {per_level} requests per level")
        print(f"{'endpoint':<42} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}")
        for name, request in endpoints.items():
            request(clients[0])  # warm: workers import, the export cache fills
            for level in CONCURRENCY:
                elapsed, latencies = _run_level(clients[:level], request, per_level)
                row = {
                    "endpoint": name,
                    "clients": level,
                    "requests": len(latencies),
                    "throughput": round(len(latencies) / elapsed, 1),
                    "p50_ms": round(statistics.median(latencies) * 1000, 1),
                    "p95_ms": round(_p95(latencies) * 1000, 1),
                }
                rows.append(row)
                print(
                    f"{name:<42} {level:>7} {row['throughput']:>8} "
                    f"{row['p50_ms']:>8} {row['p95_ms']:>8}",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=20)
    return rows


def print_summary(rows: list[dict]) -> None:
    print("\nLoad (req/s, p50 / p95 ms):")
    for row in rows:
        print(
            f"  {row['endpoint']:<42} {row['clients']:>3} clients  {row['throughput']:>7} req/s  "
            f"{row['p50_ms']:>7} / {row['p95_ms']:>7} ms"
        )


if __name__ == "__main__":
    main()
