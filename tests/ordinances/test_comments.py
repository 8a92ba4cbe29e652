"""Comment threads: open, reply, resolve, reopen, outdated on a later revision, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from ordinances import comments
from ordinances.audit import actor, events_for
from ordinances.comments import CommentError
from ordinances.models import AuditEvent, CommentThread
from tests.factories import add_revision, make_draft

pytestmark = pytest.mark.django_db

QUOTE = "on a quarterly basis"


@pytest.fixture
def draft(library, office, drafter):
    return make_draft(organisation=office, author=drafter, title="Trust Act")


def _open(draft, drafter, **changes):
    fields = dict(
        revision=draft.latest_revision(),
        clause_key="reporting",
        quote=QUOTE,
        body="Quarterly is too often for the sheriff's office.",
        author_name="Dana Tester",
        user=drafter,
    )
    return comments.open_thread(**{**fields, **changes})


def test_open_thread_keeps_anchor_first_comment_and_audits(draft, drafter):
    thread = _open(draft, drafter, quote="on a  quarterly\nbasis")
    assert (thread.clause_key, thread.quote, thread.status, thread.source) == (
        "reporting",
        QUOTE,
        "open",
        "app",
    )
    assert [(c.author, c.author_name, c.body) for c in thread.comments.all()] == [
        (drafter, "Dana Tester", "Quarterly is too often for the sheriff's office.")
    ]
    event = events_for(draft.organisation, draft=draft).first()
    assert (event.action, event.user, event.revision.number) == ("commented", drafter, 1)
    assert event.details == {"clause": "reporting", "quote": QUOTE}


def test_open_thread_with_word_replies_keeps_authors_and_times(draft):
    when = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    thread = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="detainers",
        quote="judicial criminal warrant",
        body="Is a judicial warrant enough?",
        author_name="Casey Counsel",
        created_at=when,
        source="word",
        replies=[
            ("Dana Tester", None, "We keep the criminal warrant."),
            ("Casey Counsel", when, "Fine."),
        ],
    )
    assert thread.source == "word"
    assert [(c.author_name, c.body) for c in thread.comments.all()] == [
        ("Casey Counsel", "Is a judicial warrant enough?"),
        ("Dana Tester", "We keep the criminal warrant."),
        ("Casey Counsel", "Fine."),
    ]
    assert thread.created_at == when
    assert AuditEvent.objects.filter(action="commented").count() == 0  # the import audits


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"quote": "monthly basis"},
            "“monthly basis” is not in the text of that clause in revision 1",
        ),
        ({"clause_key": "no-such-clause"}, "Revision 1 has no clause “no-such-clause”."),
        ({"quote": "x" * 501}, "Quote at most 500 characters of the clause."),
        ({"body": "   "}, "Write a comment."),
        ({"body": "x" * 5001}, "A comment can be at most 5,000 characters."),
        ({"author_name": ""}, "Give your name."),
        ({"source": "fax"}, "Unknown comment source 'fax'."),
    ],
)
def test_open_thread_refuses_bad_input_in_words(draft, drafter, changes, message):
    with pytest.raises(CommentError) as error:
        _open(draft, drafter, **changes)
    assert str(error.value).startswith(message)
    assert CommentThread.objects.count() == 0


def test_reply_resolve_reopen_are_each_audited(draft, drafter, colleague):
    thread = _open(draft, drafter)
    comments.reply(thread=thread, body="Agreed: annually.", author_name="Colin", user=colleague)
    comments.resolve(thread=thread, user=colleague)
    assert CommentThread.objects.get().status == "resolved"
    comments.resolve(thread=thread, user=colleague)  # already resolved: nothing recorded
    comments.reopen(thread=thread, user=drafter)
    assert CommentThread.objects.get().status == "open"
    actions = [(e.action, e.user.username) for e in events_for(draft.organisation, draft=draft)]
    assert actions[:4] == [
        ("thread_reopened", "dana"),
        ("thread_resolved", "colin"),
        ("comment_replied", "colin"),
        ("commented", "dana"),
    ]


def test_thread_on_a_later_revision_is_outdated_when_the_quote_is_gone(draft, drafter):
    thread = _open(draft, drafter)
    second = add_revision(draft, author=drafter, options={"reporting_cadence": "annual"})
    first_views = comments.threads_for(draft, revision=draft.revisions.get(number=1))
    latest_views = comments.threads_for(draft)
    assert [(v.thread, v.outdated) for v in first_views] == [(thread, False)]
    assert [(v.thread, v.outdated) for v in latest_views] == [(thread, True)]
    assert comments.is_outdated(thread, second) is True


def test_thread_stays_current_when_the_quote_survives(draft, drafter):
    thread = _open(draft, drafter, clause_key="detainers", quote="judicial criminal warrant")
    add_revision(draft, author=drafter, options={"reporting_cadence": "annual"})
    assert [(v.thread, v.outdated) for v in comments.threads_for(draft)] == [(thread, False)]


def test_thread_opened_on_a_later_revision_is_not_shown_on_an_earlier_one(draft, drafter):
    add_revision(draft, author=drafter, options={"reporting_cadence": "annual"})
    _open(draft, drafter, quote="on an annual basis")
    assert comments.threads_for(draft, revision=draft.revisions.get(number=1)) == []
    assert len(comments.threads_for(draft)) == 1


def test_open_threads_by_clause_leaves_resolved_ones_out(draft, drafter):
    kept = _open(draft, drafter)
    done = _open(draft, drafter, clause_key="detainers", quote="judicial criminal warrant")
    comments.resolve(thread=done, user=drafter)
    grouped = comments.open_threads_by_clause(draft)
    assert {key: [v.thread for v in views] for key, views in grouped.items()} == {
        "reporting": [kept]
    }


def test_audit_actor_names_the_member(draft, drafter):
    _open(draft, drafter)
    assert actor(AuditEvent.objects.get(action="commented")) == "Dana Tester"


def test_word_comment_of_our_own_thread_coming_back_is_not_opened_twice(draft, drafter):
    thread = _open(draft, drafter)
    again = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="reporting",
        quote=QUOTE,
        body="Quarterly is too  often for the\nsheriff's office.",
        author_name="Dana Tester",
        source="word",
        replies=[("Casey Counsel", None, "Then annually.")],
    )
    same = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="reporting",
        quote=QUOTE,
        body="Quarterly is too often for the sheriff's office.",
        author_name="Dana Tester",
        source="word",
        replies=[("Casey Counsel", None, "Then annually.")],
    )
    assert again == same == thread
    assert [(c.author_name, c.body) for c in thread.comments.all()] == [
        ("Dana Tester", "Quarterly is too often for the sheriff's office."),
        ("Casey Counsel", "Then annually."),
    ]
    other = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="reporting",
        quote=QUOTE,
        body="Quarterly is too often for the sheriff's office.",
        author_name="Casey Counsel",
        source="word",
    )
    assert other != thread
    assert CommentThread.objects.count() == 2
