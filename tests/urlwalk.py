"""Every URL of the project, generated from the URL conf, with concrete arguments.

`project_routes()` reads `get_resolver()`, so a new view is walked the moment
its pattern exists. `urls_for(route, world)` fills the path converters from a
`World` of fixtures (a draft of the member's office, its revision numbers,
wizard steps, export kinds, clause and edition slugs, admin objects) and adds
the query strings a few pages need. A parameter or unnamed pattern the walker
cannot fill fails the walk with a message naming the table to extend.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from drafting.spec import parse_spec
from exports.models import ExportOverride
from exports.services import KINDS
from exports.views import PAGE_PDFS
from ordinances import comments, review_links, services, wizard
from ordinances.models import Draft, ReviewImport
from organisations.models import Organisation
from tests.factories import make_draft, make_member


@dataclass(frozen=True)
class Route:
    name: str | None  # "ordinances:draft_detail"; None for an unnamed pattern
    route: str  # "drafts/<int:pk>/"
    params: tuple[str, ...]

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0] if self.name else ""

    @property
    def key(self) -> str:
        return self.name or self.route


def _params(pattern) -> tuple[str, ...]:
    return tuple(pattern.converters) or tuple(pattern.regex.groupindex)


def project_routes() -> list[Route]:
    """Every leaf pattern of the root URL conf, with its full route and parameters."""

    def walk(entries, prefix: str, params: tuple[str, ...], namespace: str) -> Iterator[Route]:
        for entry in entries:
            route = prefix + str(entry.pattern)
            found = params + _params(entry.pattern)
            if isinstance(entry, URLResolver):
                inner = ":".join(part for part in (namespace, entry.namespace) if part)
                yield from walk(entry.url_patterns, route, found, inner)
            else:
                name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
                yield Route(name or None, route, found)

    return list(walk(get_resolver().url_patterns, "", (), ""))


@dataclass
class World:
    office: Organisation
    member: User  # a drafter in `office`
    editor: User  # a member of `office` with clauses.edit_library
    outsider: User  # a member of another office
    superuser: User
    draft: Draft  # two revisions; r2 has an export override
    thread_pk: int = 0  # a comment thread on the draft
    link_pk: int = 0  # a review link to r2
    amending: Draft | None = None  # amends existing law (the amend page, its downloads)

    def user(self, persona: str) -> User | None:
        return None if persona == "anonymous" else getattr(self, persona)

    def client(self, persona: str, **options) -> Client:
        """A client signed in as `persona`, fresh (new session) on every call.

        Clients are reused: each new one loads the middleware, and WhiteNoise
        then indexes every static file again.
        """
        key = (persona, tuple(sorted(options.items())))
        client = _CLIENTS.get(key)
        if client is None:
            client = _CLIENTS[key] = Client(**options)
        client.cookies.clear()
        user = self.user(persona)
        if user is not None:
            client.force_login(user)
        return client


_CLIENTS: dict[tuple, Client] = {}


def build_world(office, other_office, model_spec_data) -> World:
    member = make_member(office, "dana")
    editor = make_member(office, "edie", editor=True)
    outsider = make_member(other_office, "otto")
    superuser = User.objects.create_superuser("root", password="a-long-admin-password-42")
    draft = make_draft(organisation=office, author=member)
    changed = {**model_spec_data, "options": {"reporting_cadence": "annual"}}
    second = services.revision_create(
        draft=draft, spec=parse_spec(changed), author=member, base=1, message="Annual reports"
    )
    ExportOverride(revision=second, user=member, rules=["1373-status-sharing"]).save()
    ReviewImport.objects.create(
        draft=draft, base=second, file_name="reviewed.docx", matched_by="keys",
        uploaded_by=member, changes={"changes": [], "segments": {}},
    )  # fmt: skip
    Token.objects.create(user=member)  # an API token, for the admin's token pages
    Group.objects.create(name="Clerks")
    thread = comments.open_thread(
        revision=second,
        clause_key="reporting",
        quote="",
        body="Annual is enough.",
        author_name="Dana",
        user=member,
    )
    link = review_links.create_link(
        revision=second, user=member, label="Attorney", can_comment=True
    )
    return World(
        office, member, editor, outsider, superuser, draft, thread.pk, link.link.pk,
        _amending(office, member),
    )  # fmt: skip


def _amending(office, member) -> Draft:
    """A draft that amends a two-section chapter: r1 as it is, r2 repealing a section."""
    from tests.drafting.amend.helpers import amend_spec

    chapter = "Sec. 1-1. Detainers.\nThe Sheriff shall not honor detainers.\n\n" + (
        "Sec. 1-2. Registry.\nThe Clerk shall keep a registry."
    )
    spec = parse_spec(amend_spec(chapter))
    draft = services.draft_create(organisation=office, author=member, spec=spec)
    repeal = amend_spec(chapter, decisions=[{"section": "1-2", "action": "repeal"}])
    services.revision_create(draft=draft, spec=parse_spec(repeal), author=member, base=1)
    return draft


# -- filling the parameters ---------------------------------------------------------

# Query strings a page needs to show a draft (the draft's pk fills {pk}).
QUERIES: dict[str, list[str]] = {
    "ordinances:compare": ["", "?old={pk}.1&new={pk}.2", "?old=model&new={pk}.2"],
    "exports:redline_docx": ["?old={pk}.1&new={pk}.2"],
    "exports:redline_pdf": ["?old={pk}.1&new={pk}.2", "?old=model&new={pk}.2&blueline=1"],
    "exports:redline_pdf_status": [
        "?old={pk}.1&new={pk}.2&job=export:v1:redline-pdf:" + "0" * 64,
        "?old={pk}.1&new={pk}.2&job=no-such-job",
    ],
    "ordinances:audit": ["", "?draft={pk}"],
}

NO_SUCH_TOKEN = "no-such-review-link"

# Unnamed patterns that no substitution can fill.
API_CATCH_ALL = "api/^[\\s\\S]*$"
UNNAMED_URLS = {
    "admin/(?P<url>.*)$": "/admin/no-such-page/",
    API_CATCH_ALL: "/api/no-such-endpoint/",
}


def admin_model(route: Route):
    """The model an admin pattern is for ("admin/ordinances/draft/..."), or None."""
    for model in admin.site._registry:
        if route.route.startswith(f"admin/{model._meta.app_label}/{model._meta.model_name}/"):
            return model
    return None


def _values(route: Route, param: str, world: World) -> list:
    namespace = route.namespace or ("admin" if route.route.startswith("admin/") else "")
    by_route = {
        ("clauses:edition_detail", "slug"): ["cpd-2017"],
        ("clauses:state_law_detail", "postal"): ["tx"],
        ("exports:amending", "fmt"): ["docx", "pdf", "txt"],
        ("exports:page_pdf_status", "kind"): list(PAGE_PDFS),
        ("exports:amending", "pk"): [world.amending.pk] if world.amending else [],
        ("ordinances:amend", "pk"): [world.amending.pk] if world.amending else [],
    }
    if (route.name, param) in by_route:
        return by_route[route.name, param]
    if namespace in ("ordinances", "exports"):
        table = {
            "pk": [world.draft.pk],
            "number": [1, 2],
            "step": [step.slug for step in wizard.STEPS],
            "kind": list(KINDS),
            "review": list(
                ReviewImport.objects.filter(draft=world.draft).values_list("pk", flat=True)
            ),
            "thread": [world.thread_pk],
            "link": [world.link_pk],
        }
    elif namespace == "reviewlink":
        # A token that opens no link: every visitor gets 404. A real link's pages
        # (each use audited) are walked in tests/ordinances/views/test_review_link_views.py.
        table = {"token": [NO_SUCH_TOKEN]}
    elif namespace == "clauses":
        table = {"slug": ["detainers"], "number": [1]}
    elif namespace == "api":
        formats = ["docx", "pdf"] if route.name == "api:revision_redline" else ["txt", "akn"]
        table = {"pk": [world.draft.pk], "number": [1, 2], "fmt": formats}
    elif namespace == "admin":
        model = admin_model(route)
        first = model._default_manager.order_by("pk").first() if model else None
        table = {
            "object_id": [first.pk] if first else [],
            "id": [world.member.pk],
            "app_label": sorted({m._meta.app_label for m in admin.site._registry}),
            "content_type_id": [ContentType.objects.get_for_model(Draft).pk],
        }
        if route.name == "admin:view_on_site":
            table["object_id"] = [world.draft.pk]
    else:
        table = {}
    values = table.get(param)
    if not values:
        pytest.fail(
            f"No value for parameter {param!r} of URL pattern {route.key!r} ({route.route}): "
            "add one to tests/urlwalk.py _values."
        )
    return values


_CONVERTER = re.compile(r"<(?:[^>:]+:)?(?P<name>[^>]+)>")


def urls_for(route: Route, world: World) -> list[tuple[str, bool]]:
    """Concrete URLs for a pattern, every combination of its parameters' values, each
    with whether it names the member's draft (a draft pk in its path or its query)."""
    if route.route in UNNAMED_URLS:
        return [(UNNAMED_URLS[route.route], False)]
    choices = [_values(route, param, world) for param in route.params]
    urls = []
    for combination in itertools.product(*choices):
        kwargs = dict(zip(route.params, combination, strict=True))
        if route.name:
            url = reverse(route.name, kwargs=kwargs)
        elif "(?P<" in route.route:
            pytest.fail(f"Unnamed regex pattern {route.route!r}: add its URL to UNNAMED_URLS.")
        else:
            url = "/" + _CONVERTER.sub(lambda m, kw=kwargs: str(kw[m["name"]]), route.route)
        for query in QUERIES.get(route.key, [""]):
            names_draft = "pk" in route.params or "{pk}" in query
            urls.append((url + query.format(pk=world.draft.pk), names_draft))
    return urls
