"""Comment threads through the pages: open on a revision, reply, resolve, reopen; shown on
the draft page, per revision (outdated there), in the wizard's Text step and in the
annotated .docx; another office gets 404 for each."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from lxml import etree

from ordinances import comments
from ordinances.models import AuditEvent, CommentThread
from tests.factories import add_revision, anchored_text, comments_by_id, make_draft

pytestmark = pytest.mark.django_db

QUOTE = "on a quarterly basis"


@pytest.fixture
def draft(library, office, drafter):
    return make_draft(organisation=office, author=drafter, title="Trust Act")


def _post_thread(client, draft, number=1, **data):
    fields = {"clause": "reporting", "quote": QUOTE, "body": "Too often & too costly <b>."}
    return client.post(
        reverse("ordinances:thread_new", args=[draft.pk, number]), {**fields, **data}
    )


def test_member_opens_a_thread_on_a_revision_and_sees_it_escaped(client_for, drafter, draft):
    client = client_for(drafter)
    response = _post_thread(client, draft)
    thread = CommentThread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/drafts/{draft.pk}/r/1/#thread-{thread.pk}"
    page = client.get(reverse("ordinances:revision_detail", args=[draft.pk, 1])).content.decode()
    assert "Too often &amp; too costly &lt;b&gt;." in page
    assert f"“{QUOTE}”" in page
    assert [(c.author, c.author_name) for c in thread.comments.all()] == [(drafter, "Dana Tester")]


def test_quote_not_in_the_clause_is_refused_with_the_input_kept(client_for, drafter, draft):
    response = _post_thread(client_for(drafter), draft, quote="every fortnight")
    page = response.content.decode()
    assert response.status_code == 200
    assert "“every fortnight” is not in the text of that clause in revision 1" in page
    assert "Too often &amp; too costly &lt;b&gt;.</textarea>" in page
    assert CommentThread.objects.count() == 0


def test_reply_resolve_reopen_from_the_draft_page(client_for, drafter, colleague, draft):
    _post_thread(client_for(drafter), draft)
    thread = CommentThread.objects.get()
    client = client_for(colleague)
    reply = client.post(
        reverse("ordinances:thread_reply", args=[draft.pk, thread.pk]), {"body": "Annually."}
    )
    assert reply["Location"] == f"/drafts/{draft.pk}/#thread-{thread.pk}"
    resolve = client.post(
        reverse("ordinances:thread_status", args=[draft.pk, thread.pk]),
        {"status": "resolved", "back": "1"},
    )
    assert resolve["Location"] == f"/drafts/{draft.pk}/r/1/#thread-{thread.pk}"
    assert CommentThread.objects.get().status == "resolved"
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Reopen</button>" in page and "Annually." in page
    client.post(
        reverse("ordinances:thread_status", args=[draft.pk, thread.pk]),
        {"status": "open", "back": "https://evil.example/"},
    )
    assert CommentThread.objects.get().status == "open"
    actions = list(
        AuditEvent.objects.filter(draft=draft).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-4:] == ["commented", "comment_replied", "thread_resolved", "thread_reopened"]


def test_back_never_leaves_the_draft(client_for, drafter, draft):
    _post_thread(client_for(drafter), draft)
    thread = CommentThread.objects.get()
    for back in ("//evil.example", "https://evil.example/", "99", "1" * 30):
        response = client_for(drafter).post(
            reverse("ordinances:thread_reply", args=[draft.pk, thread.pk]),
            {"body": "x", "back": back},
        )
        assert response["Location"] == f"/drafts/{draft.pk}/#thread-{thread.pk}"


def test_outdated_thread_is_marked_on_the_later_revision_only(client_for, drafter, draft):
    _post_thread(client_for(drafter), draft)
    add_revision(draft, author=drafter, options={"reporting_cadence": "annual"})
    client = client_for(drafter)
    first = client.get(reverse("ordinances:revision_detail", args=[draft.pk, 1])).content.decode()
    second = client.get(reverse("ordinances:revision_detail", args=[draft.pk, 2])).content.decode()
    draft_page = client.get(draft.get_absolute_url()).content.decode()
    assert ">outdated</span>" not in first
    assert ">outdated</span>" in second
    assert ">outdated</span>" in draft_page
    assert f"“{QUOTE}”" in second  # shown, not lost


def test_wizard_text_step_shows_open_threads_beside_their_clause(client_for, drafter, draft):
    _post_thread(client_for(drafter), draft)
    done = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="detainers",
        quote="judicial criminal warrant",
        body="Settled.",
        author_name="Dana Tester",
        user=drafter,
    )
    comments.resolve(thread=done, user=drafter)
    page = client_for(drafter).get(reverse("ordinances:wizard", args=[draft.pk, "text"]))
    root = etree.HTML(page.content)
    rows = root.xpath('//li[@data-clause="reporting"]//li[contains(@class, "clause-thread")]')
    assert ["".join(li.itertext()).split(" Reply or resolve")[0] for li in rows] == [
        f"{QUOTE} — Dana Tester: Too often & too costly <b>."
    ]
    assert root.xpath('//li[@data-clause="detainers"]//li[contains(@class, "clause-thread")]') == []


def test_annotated_docx_carries_open_threads_and_changes_with_them(client_for, drafter, draft):
    client = client_for(drafter)
    url = reverse("exports:download", args=[draft.pk, 1, "annotated"])
    before = client.get(url)
    _post_thread(client, draft)
    after = client.get(url)
    assert before.status_code == after.status_code == 200
    data = b"".join(after.streaming_content) if after.streaming else after.content
    ours = {i: c for i, c in comments_by_id(data).items() if c[0] == "Dana Tester"}
    assert [text for _author, _date, text in ours.values()] == ["Too often & too costly <b>."]
    assert [anchored_text(data)[i] for i in ours] == [QUOTE]
    comments.resolve(thread=CommentThread.objects.get(), user=drafter)
    resolved = client.get(url)
    with zipfile.ZipFile(io.BytesIO(resolved.content)) as package:
        xml = package.read("word/comments.xml").decode()
    assert "Too often" not in xml


@pytest.mark.parametrize(
    ("name", "args", "data"),
    [
        ("ordinances:thread_new", ("pk", 1), {"clause": "reporting", "quote": "", "body": "x"}),
        ("ordinances:thread_reply", ("pk", "thread"), {"body": "x"}),
        ("ordinances:thread_status", ("pk", "thread"), {"status": "resolved"}),
        ("ordinances:link_new", ("pk", 1), {"label": "x", "access": "comment", "days": "3"}),
        ("ordinances:link_revoke", ("pk", "link"), {}),
    ],
)
def test_another_office_gets_404_and_changes_nothing(
    client_for, drafter, outsider, draft, name, args, data
):
    thread = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="reporting",
        quote=QUOTE,
        body="Ours.",
        author_name="Dana Tester",
        user=drafter,
    )
    from ordinances import review_links

    link = review_links.create_link(
        revision=draft.latest_revision(), user=drafter, label="Attorney", can_comment=True
    ).link
    values = {"pk": draft.pk, "thread": thread.pk, "link": link.pk}
    url = reverse(name, args=[values.get(a, a) for a in args])
    events = AuditEvent.objects.count()
    response = client_for(outsider).post(url, data)
    assert response.status_code == 404
    assert AuditEvent.objects.count() == events
    assert (CommentThread.objects.get().status, thread.comments.count()) == ("open", 1)
    link.refresh_from_db()
    assert link.revoked_at is None


def test_another_office_sees_no_thread_of_ours_on_its_own_draft_pages(
    client_for, drafter, outsider, draft, other_office
):
    _post_thread(client_for(drafter), draft)
    theirs = make_draft(organisation=other_office, author=outsider, title="Theirs")
    thread = CommentThread.objects.get()
    response = client_for(outsider).post(
        reverse("ordinances:thread_reply", args=[theirs.pk, thread.pk]), {"body": "x"}
    )
    assert response.status_code == 404
    page = client_for(outsider).get(theirs.get_absolute_url()).content.decode()
    assert "Too often" not in page
