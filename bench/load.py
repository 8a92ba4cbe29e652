"""A bounded load test: gunicorn in production mode, the app on PostgreSQL and Redis,
loopback only.

Signs in clients, then each sends a fixed number of requests to the wizard's
live-preview endpoint (each request changes one answer, the warrant standard, as a
drafter clicking through the choices does) and to the .docx export endpoint, at 1, 4, 16 and 64
concurrent clients, against three set-ups in the same run:

- "issue 20's start": the code issue 20 was filed against (`BASELINE`, git
  archive), one gunicorn instance, its own database, the database cache: the
  app before the speed work, for the ratio;
- "ours, 1 instance": this tree, one gunicorn instance, Redis as the shared cache
  and session cache;
- "ours, 2 instances": two gunicorn instances on two ports, the clients split
  between them, one PostgreSQL and one Redis (the deployment topology, on one
  machine).

Stops by itself. Prints throughput and p50/p95 latency per level.

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
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES = os.environ.get("LOAD_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/10")
CONCURRENCY = (1, 4, 16, 64)
QUICK_CONCURRENCY = (1, 16)
REQUESTS_PER_LEVEL = 160
QUICK_REQUESTS_PER_LEVEL = 48
WORKERS = 2 * (os.cpu_count() or 1) + 1
# The commit issue 20 was filed against (2026-11-23): the "today" its targets are
# measured from. LOAD_BASELINE=<rev> measures against another.
BASELINE = os.environ.get("LOAD_BASELINE", "77cfef4")
BASELINE_SETUP = f"issue 20's start ({BASELINE})"
SIGNED_IN = 16  # sessions; 64 clients share them four to one
PASSWORD = "load-test-password-2026"
SECRET_KEY = secrets.token_urlsafe(50)
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


def _env(database: str, *, redis: bool) -> dict[str, str]:
    """The baseline as its own load test ran it (database cache, a connection per
    request), or ours (Redis cache and sessions, persistent database connections)."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"{POSTGRES}/{database}",
        "DB_CONN_MAX_AGE": "60" if redis else "0",
        "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto",
        "STATIC_ROOT": str(ROOT / "staticfiles"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    for name in ("CACHE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)
    if redis:
        env["REDIS_URL"] = REDIS_URL
    else:
        env["CACHE_URL"] = "db"
    return env


def _manage(root: Path, env, *args: str, python: str = sys.executable) -> str:
    result = subprocess.run(
        [python, "manage.py", *args], cwd=root, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result.stdout


def _psql(command: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-c", command],
        check=True, capture_output=True,
    )  # fmt: skip


def baseline_python(directory: Path) -> str:
    """A Python for the baseline's code: a bare venv that sees this venv's packages
    but not its editable install of this tree (whose import hook would lend the
    baseline modules it does not have)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(directory)], check=True)
    site = sysconfig.get_paths()["purelib"]
    python = directory / "bin" / "python"
    ours = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    Path(ours, "packages-of-the-bench-venv.pth").write_text(site + "\n")
    return str(python)


def prepare(root: Path, env: dict[str, str], python: str = sys.executable) -> int:
    """A fresh database for `root`'s code with the library and the load-test office;
    returns the draft's id."""
    database = urllib.parse.urlparse(env["DATABASE_URL"]).path.lstrip("/")
    _psql(f"DROP DATABASE IF EXISTS {database}")
    _psql(f"CREATE DATABASE {database}")
    _manage(root, env, "migrate", "--noinput", python=python)
    if env.get("CACHE_URL") == "db":
        _manage(root, env, "createcachetable", python=python)
    _manage(root, env, "collectstatic", "--noinput", python=python)
    _manage(root, env, "load_library", python=python)
    setup = f"from bench.load_setup import setup; print(setup({PASSWORD!r}))"
    if not (root / "bench" / "load_setup.py").exists():
        raise SystemExit(f"{root} has no bench/load_setup.py")
    return int(_manage(root, env, "shell", "-c", setup, python=python).strip().splitlines()[-1])


@contextmanager
def servers(root: Path, env: dict[str, str], count: int, python: str = sys.executable):
    """`count` gunicorn instances of `root`'s code; yields their base URLs."""
    running = []
    try:
        for _ in range(count):
            port = _free_port()
            process = subprocess.Popen(
                [python, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                 "--workers", str(WORKERS)],
                cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            running.append((process, f"http://127.0.0.1:{port}"))
        for _process, base in running:
            for _ in range(200):
                try:
                    urllib.request.urlopen(f"{base}/health/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
        yield [base for _process, base in running]
    finally:
        for process, _base in running:
            process.terminate()
        for process, _base in running:
            process.wait(timeout=30)


class Client:
    """One signed-in browser: its own cookies, CSRF token from the sign-in page.

    Production cookies are Secure; behind the load balancer's TLS they would be
    sent, so this client sends them over loopback HTTP itself (urllib would not).
    """

    def __init__(self, base: str, username: str | None):
        self.base = base
        self.shown = ""  # the live preview's parts this browser shows
        self.answers = 0  # live-preview requests sent (which warrant standard is next)
        self.cookies: dict[str, str] = {}
        opener = urllib.request.build_opener(_NoRedirect)
        self.opener = opener
        if username is None:
            return
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
            if error.code != 302 or not path.startswith("/accounts/login/"):
                raise SystemExit(f"{method} {path} answered {error.code}, not the page") from error
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        with response:
            return response.read()

    def on(self, base: str) -> Client:
        """Another client with this one's session, talking to `base` (the same database)."""
        other = Client(base, None)
        other.cookies = dict(self.cookies)
        return other


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


SHOWN = re.compile(rb'id="preview-shown" value="([^"]*)"')


WARRANT_STANDARDS = ("judicial", "judicial-criminal")


def _preview(draft: int):
    """The preview as the browser asks for it: each request changes the warrant standard
    (so the detainer sections differ from what the browser shows), with what it shows
    (`_shown`, from the previous answer), so that only changed sections come back (the
    baseline ignores it)."""

    def request(client: Client) -> bytes:
        client.answers += 1
        form = {
            **PREVIEW_FORM,
            "warrant_standard": WARRANT_STANDARDS[client.answers % len(WARRANT_STANDARDS)],
        }
        if client.shown:
            form["_shown"] = client.shown
        body = client._open("POST", f"/drafts/{draft}/preview/", form)
        match = SHOWN.search(body)
        client.shown = match.group(1).decode() if match else ""
        return body

    return request


def _endpoints(draft: int) -> dict:
    return {
        "live preview (POST)": _preview(draft),
        ".docx export (GET, cached after first)": lambda c: c._open(
            "GET", f"/drafts/{draft}/r/1/export/docx/"
        ),
    }


def _measure(
    setup: str, bases: list[str], signed_in: list[Client], draft: int, *,
    levels: tuple[int, ...], per_level: int, endpoints: tuple[str, ...],
) -> list[dict]:  # fmt: skip
    rows = []
    for name, request in _endpoints(draft).items():
        if name not in endpoints:
            continue
        for base in bases:  # warm every worker: imports, caches, connections
            warm = [signed_in[n % len(signed_in)].on(base) for n in range(WORKERS)]
            _run_level(warm, request, 4 * WORKERS)
        for level in levels:
            # Clients split evenly between the instances; sessions shared four to one.
            clients = [
                signed_in[n % len(signed_in)].on(bases[n % len(bases)]) for n in range(level)
            ]
            total = max(per_level, 4 * level)
            elapsed, latencies = _run_level(clients, request, total)
            row = {
                "setup": setup,
                "instances": len(bases),
                "endpoint": name,
                "clients": level,
                "requests": len(latencies),
                "throughput": round(len(latencies) / elapsed, 1),
                "p50_ms": round(statistics.median(latencies) * 1000, 1),
                "p95_ms": round(_p95(latencies) * 1000, 1),
            }
            rows.append(row)
            print(
                f"  {setup:<20} {name:<40} {level:>4} clients {row['throughput']:>7} req/s "
                f"p50 {row['p50_ms']:>7} ms  p95 {row['p95_ms']:>7} ms",
                flush=True,
            )
    return rows


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def main(*, quick: bool = False) -> list[dict]:
    levels = QUICK_CONCURRENCY if quick else CONCURRENCY
    per_level = QUICK_REQUESTS_PER_LEVEL if quick else REQUESTS_PER_LEVEL
    both = ("live preview (POST)", ".docx export (GET, cached after first)")
    preview = both[:1]
    print(
        f"gunicorn ({WORKERS} workers per instance), PostgreSQL; "
        f"{per_level} requests per level (at least 4 per client)",
        flush=True,
    )
    rows: list[dict] = []
    if not quick:
        with tempfile.TemporaryDirectory(prefix="od-baseline-") as tmp:
            baseline_root = Path(tmp)
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", BASELINE], check=True, capture_output=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            python = baseline_python(baseline_root / ".venv")
            env = _env("od_speed_load_baseline", redis=False)
            draft = prepare(baseline_root, env, python)
            with servers(baseline_root, env, 1, python) as bases:
                signed_in = [Client(bases[0], f"load{n}") for n in range(SIGNED_IN)]
                rows += _measure(BASELINE_SETUP, bases, signed_in, draft, levels=levels,
                                 per_level=per_level, endpoints=both)  # fmt: skip
    _flush_redis()
    env = _env("od_speed_load", redis=True)
    draft = prepare(ROOT, env)
    with servers(ROOT, env, 1) as bases:
        signed_in = [Client(bases[0], f"load{n}") for n in range(SIGNED_IN)]
        rows += _measure("ours, 1 instance", bases, signed_in, draft, levels=levels,
                         per_level=per_level, endpoints=both)  # fmt: skip
    if not quick:
        with servers(ROOT, env, 2) as bases:
            signed_in = [Client(bases[0], f"load{n}") for n in range(SIGNED_IN)]
            rows += _measure("ours, 2 instances", bases, signed_in, draft, levels=levels,
                             per_level=per_level, endpoints=preview)  # fmt: skip
    _flush_redis()
    return rows


def print_summary(rows: list[dict]) -> None:
    print("\nLoad (req/s, p50 / p95 ms):")
    for row in rows:
        print(
            f"  {row['setup']:<20} {row['endpoint']:<40} {row['clients']:>3} clients  "
            f"{row['throughput']:>7} req/s  {row['p50_ms']:>7} / {row['p95_ms']:>7} ms"
        )
    baseline = {(r["endpoint"], r["clients"]): r for r in rows if r["setup"] == BASELINE_SETUP}
    for row in rows:
        base = baseline.get((row["endpoint"], row["clients"]))
        if row["setup"] != BASELINE_SETUP and base and row["clients"] == 16:
            ratio = row["throughput"] / base["throughput"]
            print(
                f"  {row['setup']}: {row['endpoint']} at 16 clients: {ratio:.1f}× "
                f"{BASELINE_SETUP}'s throughput; p95 {row['p95_ms']} ms "
                f"({base['p95_ms']} ms)"
            )


if __name__ == "__main__":
    main()
