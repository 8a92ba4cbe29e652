"""Real-browser tests: Debian's Chromium, headless, driven by Playwright, against live_server."""

import os
import re

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
# A form shown again with its errors answers 400, a refused stale save 409: the
# browser logs those as errors, but they are the app working. 404s and 500s fail.
DELIBERATE_STATUS = re.compile(r"status of (400|409) ")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture
def page(page):
    """Every browser test fails on a Content-Security-Policy violation or a script error."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not DELIBERATE_STATUS.search(message.text)
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    assert problems == [], "\n".join(problems)


@pytest.fixture
def signed_in(page, live_server, library):
    """Sign in through the real sign-in page as a brand-new member; returns (page, base URL)."""
    from organisations.models import Organisation
    from tests.factories import PASSWORD, make_member

    office = Organisation.objects.create(name="Springfield City Council", slug="spfld")
    make_member(office, "newcomer")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("newcomer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page, live_server.url
