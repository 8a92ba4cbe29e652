"""Access control on every URL pattern of the project, as every kind of visitor.

The patterns come from the URL conf (tests/urlwalk.py), so a new view is
walked without anyone remembering to add it. Expectations come from rules:

- `ordinances:` and `exports:` pages need a sign-in; a page naming a draft
  answers 404 to a member of another office; a member gets 200 or a redirect;
- `clauses:` pages in LIBRARY_READ are for anyone signed in; every other
  `clauses:` page is library editing, for `clauses.edit_library` only (403);
- `admin/` is for staff: everyone else is sent to the admin sign-in;
- SPECIAL lists the exceptions (health, sign-in, sign-out, password change).

A pattern no rule covers fails the walk, naming SPECIAL. A view that answers
405 to GET is posted to instead (with POST_DATA or nothing), so POST-only
views are checked too; anonymous visitors also post to every pattern.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from clauses.models import (
    Clause,
    ClauseVersion,
    Edition,
    EditionEntry,
    OptionChoice,
    VersionOption,
)
from exports.models import ExportOverride
from ordinances.models import AuditEvent, Draft, Revision, Workspace
from tests.urlwalk import (
    API_CATCH_ALL,
    Route,
    World,
    admin_model,
    build_world,
    project_routes,
    urls_for,
)

SIGN_IN = "redirect to sign-in"
ADMIN_SIGN_IN = "redirect to admin sign-in"
SIGNED_OUT = "signed out"
OK = "200 or a redirect elsewhere than sign-in"
PER_DRAFT = "404 if the URL names the draft, else OK"

Outcome = str | int  # one of the names above, a status, or a path redirected to


@dataclass(frozen=True)
class Expect:
    anonymous: Outcome
    outsider: Outcome
    member: Outcome
    editor: Outcome | None = None  # None: as a member (not walked again)
    superuser: Outcome | Callable[[Route], Outcome] | None = None  # None: not walked
    anonymous_post: Outcome | None = None  # None: as anonymous

    def outcome(self, persona: str, route: Route, names_draft: bool) -> Outcome | None:
        outcome = getattr(self, persona)
        if callable(outcome):
            outcome = outcome(route)
        if outcome == PER_DRAFT:
            return 404 if names_draft else OK
        return outcome


# Library and drafts: the admin shows these but offers no add or delete.
VIEW_ONLY_IN_ADMIN = {
    Revision,
    AuditEvent,
    ExportOverride,
    Clause,
    ClauseVersion,
    VersionOption,
    OptionChoice,
    Edition,
    EditionEntry,
}
NO_ADD_OR_DELETE_IN_ADMIN = VIEW_ONLY_IN_ADMIN | {Draft}


def _superuser_in_admin(route: Route) -> Outcome:
    if route.route.endswith("(?P<url>.*)$"):
        return 404
    if route.name == "admin:autocomplete":
        return 403  # no field to complete was named
    if route.name and route.name.endswith(("_add", "_delete")):
        return 403 if admin_model(route) in NO_ADD_OR_DELETE_IN_ADMIN else OK
    return OK


DRAFTS = Expect(anonymous=SIGN_IN, outsider=PER_DRAFT, member=OK)
LIBRARY_READ = Expect(anonymous=SIGN_IN, outsider=OK, member=OK, editor=OK)
LIBRARY_EDIT = Expect(anonymous=SIGN_IN, outsider=403, member=403, editor=OK)
ADMIN = Expect(
    anonymous=ADMIN_SIGN_IN,
    outsider=ADMIN_SIGN_IN,
    member=ADMIN_SIGN_IN,
    editor=ADMIN_SIGN_IN,
    superuser=_superuser_in_admin,
)
LIBRARY_READ_NAMES = {
    "clauses:index",
    "clauses:model",
    "clauses:clause_detail",
    "clauses:clause_compare",
    "clauses:edition_list",
    "clauses:edition_detail",
    "clauses:state_law_list",
    "clauses:state_law_detail",
}
SPECIAL: dict[str, Expect] = {
    "ordinances:health": Expect(anonymous=200, outsider=200, member=200),
    "login": Expect(anonymous=200, outsider=200, member=200),
    "logout": Expect(anonymous=SIGNED_OUT, outsider=SIGNED_OUT, member=SIGNED_OUT),
    "password_change": Expect(anonymous=SIGN_IN, outsider=OK, member=OK),
    "password_change_done": Expect(anonymous=SIGN_IN, outsider=OK, member=OK),
    "admin:logout": Expect(
        anonymous="/admin/",
        outsider="/admin/",
        member="/admin/",
        editor="/admin/",
        superuser=SIGNED_OUT,
    ),
    "admin:login": Expect(
        anonymous=200, outsider=200, member=200, editor=200, superuser=OK, anonymous_post=200
    ),
}
SPECIAL["admin_login"] = SPECIAL["admin:login"]  # the same page, throttled (config/auth.py)

# The REST API (api/): token or session; another office's draft is a 404; no sign-in
# redirect, a JSON 401. Its schema and docs are public; its unsaved-spec endpoints take
# JSON only (a form post is a 415); anything else under /api/ is a JSON 404.
# A review link's pages need no account; the walk's token opens no link (404 for all).
REVIEW_LINK = Expect(anonymous=404, outsider=404, member=404)
SPECIAL.update(
    {
        "reviewlink:page": Expect(anonymous=404, outsider=404, member=404, anonymous_post=405),
        "reviewlink:comment": REVIEW_LINK,
        "reviewlink:sign_off": REVIEW_LINK,
    }
)

API = Expect(anonymous=401, outsider=PER_DRAFT, member=OK)
API_PUBLIC = Expect(anonymous=200, outsider=200, member=200, anonymous_post=405)
API_UNSAVED = Expect(anonymous=401, outsider=415, member=415)
SPECIAL.update(
    {
        "api:schema": API_PUBLIC,
        "api:docs": API_PUBLIC,
        "api:render": API_UNSAVED,
        "api:lint": API_UNSAVED,
        API_CATCH_ALL: Expect(anonymous=404, outsider=404, member=404),
    }
)

POST_DATA: dict[str, dict] = {"clauses:clause_recommend": {"version": "1"}}


def expectation(route: Route) -> Expect:
    if route.key in SPECIAL:
        return SPECIAL[route.key]
    if route.route.startswith("admin/"):
        return ADMIN
    if route.namespace in ("ordinances", "exports"):
        return DRAFTS
    if route.namespace == "clauses":
        return LIBRARY_READ if route.name in LIBRARY_READ_NAMES else LIBRARY_EDIT
    if route.namespace == "api":
        return API
    pytest.fail(
        f"No access expectation for URL pattern {route.key!r} ({route.route}): "
        "add one to SPECIAL in tests/test_urls_access.py."
    )


def problem(outcome: Outcome, response) -> str | None:
    """What is wrong with `response` for the expected outcome, or None."""
    status, location = response.status_code, response.get("Location", "")
    if outcome == SIGN_IN:
        good = status == 302 and location.startswith("/accounts/login/?next=")
    elif outcome == ADMIN_SIGN_IN:
        good = status == 302 and location.startswith("/admin/login/?next=")
    elif outcome == SIGNED_OUT:
        good = status == 302 and location == "/accounts/login/"
    elif outcome == OK:
        good = status == 200 or (status == 302 and "login/" not in location)
    elif isinstance(outcome, str):  # a redirect to exactly this place
        good = status == 302 and location == outcome
    else:
        good = status == outcome
    return None if good else f"expected {outcome}, got {status} {location}".rstrip()


def walk(persona: str, world: World) -> tuple[int, int, list[str]]:
    """Request every URL of every pattern as `persona`: (patterns, requests, failures)."""
    patterns = requests = 0
    failures = []
    for route in project_routes():
        expect = expectation(route)
        walked = False
        for url, names_draft in urls_for(route, world):
            outcome = expect.outcome(persona, route, names_draft)
            if outcome is None:
                continue
            walked = True
            data = POST_DATA.get(route.key, {})
            response = world.client(persona).get(url)
            method = "GET"
            if response.status_code == 405 and "POST" in response.get("Allow", ""):
                response, method = world.client(persona).post(url, data), "POST"
            checks = [(method, outcome, response)]
            if persona == "anonymous" and method == "GET":
                post = expect.anonymous_post or outcome
                checks.append(("POST", post, world.client(persona).post(url, data)))
            for method, expected, answer in checks:
                requests += 1
                if (wrong := problem(expected, answer)) is not None:
                    failures.append(f"{method} {url} [{route.key}] as {persona}: {wrong}")
        patterns += walked
    return patterns, requests, failures


def _office_state(world: World) -> dict:
    drafts = Draft.objects.filter(organisation=world.office).order_by("pk")
    return {
        "drafts": list(drafts.values_list("pk", "title", "archived_at")),
        "revisions": Revision.objects.filter(draft__organisation=world.office).count(),
        "workspaces": Workspace.objects.filter(draft__organisation=world.office).count(),
        "overrides": ExportOverride.objects.count(),
        "audit": AuditEvent.objects.filter(organisation=world.office).count(),
    }


@pytest.fixture
def world(library, office, other_office, model_spec_data) -> World:
    return build_world(office, other_office, model_spec_data)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "outsider", "member", "editor", "superuser"])
def test_every_url_pattern_answers_each_visitor_as_expected(world, persona):
    before = _office_state(world)
    patterns, requests, failures = walk(persona, world)
    print(f"\n{persona}: {patterns} URL patterns walked, {requests} requests")
    assert failures == []
    if persona in ("anonymous", "outsider"):
        assert _office_state(world) == before
    assert patterns >= {"anonymous": 100, "outsider": 100, "member": 100}.get(persona, 1)


def test_url_walker_finds_views_of_every_app():
    names = {route.name for route in project_routes()}
    expected = {
        "login",
        "ordinances:draft_detail",
        "ordinances:wizard",
        "ordinances:audit",
        "exports:download",
        "clauses:clause_detail",
        "admin:ordinances_revision_change",
        "admin:exports_exportoverride_delete",
    }
    assert expected - names == set()
