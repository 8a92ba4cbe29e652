"""Review links: made by a member (token shown once, stored hashed), opened with no
account, its revision only; comment, sign off, revoke, expiry; every use audited."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ordinances import review_links
from ordinances.audit import actor
from ordinances.models import AuditEvent, CommentThread, ReviewLink
from tests.factories import add_revision, make_draft

pytestmark = pytest.mark.django_db

QUOTE = "on an annual basis"


@pytest.fixture
def draft(library, office, drafter):
    draft = make_draft(organisation=office, author=drafter, title="Trust Act")
    add_revision(draft, author=drafter, options={"reporting_cadence": "annual"})
    return draft


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _make_link(client, draft, number=2, **data) -> str:
    fields = {"label": "City Attorney's Office", "access": "comment", "days": "14"}
    response = client.post(
        reverse("ordinances:link_new", args=[draft.pk, number]), {**fields, **data}
    )
    assert response.status_code == 200
    return re.search(r'value="http://testserver(/review/[^"]+/)"', response.content.decode())[1]


def _token(url: str) -> str:
    return url.split("/")[2]


def test_member_creates_a_link_shown_once_and_stored_hashed(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    link = ReviewLink.objects.get()
    token = _token(url)
    assert len(token) >= 43
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(ReviewLink.objects.values().get())
    assert (link.label, link.can_comment, link.revision.number) == (
        "City Attorney's Office",
        True,
        2,
    )
    assert dt.timedelta(days=13, hours=23) < link.expires_at - timezone.now() <= dt.timedelta(14)
    page = client_for(drafter).get(draft.get_absolute_url()).content.decode()
    assert token not in page
    assert "City Attorney&#x27;s Office" in page and "active until" in page


@pytest.mark.parametrize(
    ("days", "message"), [("91", "less than or equal to 90"), ("0", "greater")]
)
def test_link_expiry_is_bounded(client_for, drafter, draft, days, message):
    response = client_for(drafter).post(
        reverse("ordinances:link_new", args=[draft.pk, 2]),
        {"label": "Police chief", "access": "read", "days": days},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ReviewLink.objects.count() == 0


def test_reviewer_without_account_sees_text_and_redline_and_nothing_else(
    client_for, drafter, draft
):
    url = _make_link(client_for(drafter), draft)
    reviewer = Client()
    response = reviewer.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Justice and Equity Ordinance" in page
    assert (
        '<del><span class="visually-hidden">deleted: </span>a quarterly</del>'
        '<ins><span class="visually-hidden">inserted: </span>an annual</ins>'
    ) in page
    hrefs = set(re.findall(r'href="([^"#]+)"', page))
    assert {h for h in hrefs if not h.startswith("/static/")} == set()
    actions = [(e.action, e.user.username, e.details) for e in AuditEvent.objects.order_by("pk")]
    assert actions[-1] == ("link_viewed", "dana", {"link": "City Attorney's Office"})


def test_reviewer_session_cannot_reach_the_draft_or_other_revisions(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    reviewer = Client()
    reviewer.get(url)
    for page in (
        draft.get_absolute_url(),
        reverse("ordinances:revision_detail", args=[draft.pk, 1]),
        reverse("ordinances:wizard", args=[draft.pk, "text"]),
        reverse("exports:download", args=[draft.pk, 2, "docx"]),
    ):
        response = reviewer.get(page)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    assert reviewer.get(url.replace(_token(url), _token(url)[:-1] + "x")).status_code == 404
    assert reviewer.get("/review/" + "a" * 500 + "/").status_code == 404


def test_reviewer_comments_on_a_quoted_span_once_named(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    reviewer = Client()
    response = reviewer.post(
        url + "comment/",
        {
            "name": "Casey Counsel",
            "clause": "reporting",
            "quote": QUOTE,
            "body": "<script>alert(1)</script> Annual is fine.",
        },
    )
    thread = CommentThread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{url}#thread-{thread.pk}"
    assert (thread.source, thread.revision.number, thread.quote) == ("link", 2, QUOTE)
    assert [(c.author, c.author_name) for c in thread.comments.all()] == [(None, "Casey Counsel")]
    page = reviewer.get(url).content.decode()
    assert 'value="Casey Counsel"' in page  # the name is asked once
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Annual is fine." in page
    assert "<script>alert" not in page
    draft_page = client_for(drafter).get(draft.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Annual is fine." in draft_page
    event = AuditEvent.objects.filter(action="commented").get()
    assert event.details == {
        "clause": "reporting",
        "quote": QUOTE,
        "reviewer": "Casey Counsel",
        "link": "City Attorney's Office",
    }
    assert actor(event) == (
        "Casey Counsel (review link “City Attorney's Office”, sent by Dana Tester)"
    )


def test_reviewer_quote_must_be_in_the_links_revision(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    response = Client().post(
        url + "comment/",
        {"name": "Casey", "clause": "reporting", "quote": "on a quarterly basis", "body": "x"},
    )
    assert response.status_code == 200
    assert "is not in the text of that clause in revision 2" in response.content.decode()
    assert CommentThread.objects.count() == 0


def test_reviewer_signs_off_and_the_draft_page_shows_it(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    response = Client().post(
        url + "sign-off/",
        {"name": "Casey Counsel", "decision": "changes_requested", "note": "See § 3 & § 4."},
    )
    assert response.status_code == 302
    link = ReviewLink.objects.get()
    assert (link.sign_off, link.sign_off_name, link.sign_off_note) == (
        "changes_requested",
        "Casey Counsel",
        "See § 3 & § 4.",
    )
    page = client_for(drafter).get(draft.get_absolute_url()).content.decode()
    assert "<strong>Changes requested</strong> by Casey Counsel" in page
    assert "“See § 3 &amp; § 4.”" in page
    event = AuditEvent.objects.filter(action="link_signed_off").get()
    assert event.details == {
        "link": "City Attorney's Office",
        "reviewer": "Casey Counsel",
        "sign_off": "changes requested",
        "note": "See § 3 & § 4.",
    }


def test_read_only_link_refuses_comments_and_sign_off(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft, access="read")
    reviewer = Client()
    assert "This link is for reading only." in reviewer.get(url).content.decode()
    comment = reviewer.post(
        url + "comment/", {"name": "A", "clause": "reporting", "quote": "", "body": "x"}
    )
    sign_off = reviewer.post(url + "sign-off/", {"name": "A", "decision": "approved"})
    assert (comment.status_code, sign_off.status_code) == (403, 403)
    assert CommentThread.objects.count() == 0
    assert ReviewLink.objects.get().sign_off == ""


def test_revoked_link_is_gone_with_the_reason_and_no_text(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    link = ReviewLink.objects.get()
    revoke = client_for(drafter).post(reverse("ordinances:link_revoke", args=[draft.pk, link.pk]))
    assert revoke["Location"] == f"/drafts/{draft.pk}/#review-links"
    for response in (
        Client().get(url),
        Client().post(url + "comment/", {"name": "A", "clause": "reporting", "body": "x"}),
        Client().post(url + "sign-off/", {"name": "A", "decision": "approved"}),
    ):
        page = response.content.decode()
        assert response.status_code == 410
        assert "This review link was revoked" in page
        assert "Justice and Equity" not in page
    refused = AuditEvent.objects.filter(action="link_refused")
    assert [e.details["reason"] for e in refused] == ["revoked"] * 3
    assert AuditEvent.objects.filter(action="link_revoked").count() == 1
    assert CommentThread.objects.count() == 0


def test_expired_link_is_gone_and_the_hit_is_audited(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    ReviewLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = Client().get(url)
    assert response.status_code == 410
    assert "This review link has expired" in response.content.decode()
    assert "Annual" not in response.content.decode()
    event = AuditEvent.objects.order_by("pk").last()
    assert (event.action, event.details) == (
        "link_refused",
        {"link": "City Attorney's Office", "reason": "expired"},
    )
    page = client_for(drafter).get(draft.get_absolute_url()).content.decode()
    assert "expired " in page and "Revoke</button>" not in page


def test_comment_posting_is_rate_limited_per_address(client_for, drafter, draft, monkeypatch):
    monkeypatch.setattr(review_links, "COMMENTS_PER_ADDRESS", (3, 600))
    url = _make_link(client_for(drafter), draft)
    reviewer = Client()
    data = {"name": "Casey", "clause": "reporting", "quote": "", "body": "Again."}
    statuses = [reviewer.post(url + "comment/", data).status_code for _ in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert CommentThread.objects.count() == 3
    limited = reviewer.post(url + "comment/", data)
    assert "Too many comments in a short time." in limited.content.decode()
    assert int(limited["Retry-After"]) > 0


def test_reviewer_post_without_csrf_token_is_refused(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    reviewer = Client(enforce_csrf_checks=True)
    response = reviewer.post(url + "sign-off/", {"name": "A", "decision": "approved"})
    assert response.status_code == 403
    assert ReviewLink.objects.get().sign_off == ""


def test_link_of_another_office_revoked_by_outsider_is_404(client_for, drafter, outsider, draft):
    _make_link(client_for(drafter), draft)
    link = ReviewLink.objects.get()
    response = client_for(outsider).post(
        reverse("ordinances:link_revoke", args=[draft.pk, link.pk])
    )
    assert response.status_code == 404
    assert ReviewLink.objects.get().revoked_at is None


def test_odd_values_on_a_live_links_pages_are_never_a_server_error(client_for, drafter, draft):
    url = _make_link(client_for(drafter), draft)
    reviewer = Client(raise_request_exception=False)
    fields = ("name", "clause", "quote", "body", "decision", "note")
    statuses = set()
    for value in ["", "\x00", "-1", "9" * 5000, "[" * 2000, "é\u202e"]:
        data = {field: value for field in fields}
        for page in (url, url + "comment/", url + "sign-off/"):
            statuses.add(reviewer.get(page, data).status_code)
            statuses.add(reviewer.post(page, data).status_code)
    assert statuses <= {200, 302, 405}
    assert ReviewLink.objects.get().sign_off == ""
