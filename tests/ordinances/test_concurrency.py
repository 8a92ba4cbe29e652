"""Two saves on one draft at the same moment, in real transactions on separate connections.

Each save is held just before it inserts its revision until the other has
got as far (a one-shot barrier), so both have read "r1 is the latest" and
race for r2. PostgreSQL lets both reach the insert; the unique (draft,
number) constraint lets one win. SQLite may serialise the two (the second
waits, or retries when its database reports "locked"); either way exactly one
revision is added and the other save is refused with StaleRevisionError.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from drafting.spec import parse_spec
from ordinances import audit, services
from ordinances.models import AuditEvent, Revision, Workspace
from tests.factories import make_draft

pytestmark = pytest.mark.django_db(transaction=True)


class _Race:
    """Holds each thread's first revision insert until both threads are there (or 3 s)."""

    def __init__(self, monkeypatch) -> None:
        self.barrier = threading.Barrier(2)
        self.held: set[int] = set()
        self.met = False
        original = Revision.save

        def save(revision, *args, **kwargs):
            thread = threading.get_ident()
            if thread not in self.held:
                self.held.add(thread)
                try:
                    self.barrier.wait(timeout=3)
                    self.met = True
                except threading.BrokenBarrierError:
                    pass  # the other save is waiting for the database (SQLite)
            return original(revision, *args, **kwargs)

        monkeypatch.setattr(Revision, "save", save)

    def run(self, *jobs) -> list:
        """Run each job in its own thread and connection; their results or exceptions."""
        results: list = [None] * len(jobs)

        def target(index, job):
            try:
                results[index] = job()
            except Exception as error:
                results[index] = error
            finally:
                connection.close()

        threads = [threading.Thread(target=target, args=item) for item in enumerate(jobs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        return results


def _spec(model_spec_data, cadence: str):
    return parse_spec({**model_spec_data, "options": {"reporting_cadence": cadence}})


def test_concurrent_saves_store_one_revision_and_refuse_the_other(
    library, office, drafter, colleague, model_spec_data, monkeypatch
):
    draft = make_draft(organisation=office, author=drafter)
    race = _Race(monkeypatch)
    results = race.run(
        lambda: services.revision_create(
            draft=draft, spec=_spec(model_spec_data, "annual"), author=drafter, base=1
        ),
        lambda: services.revision_create(
            draft=draft, spec=_spec(model_spec_data, "semiannual"), author=colleague, base=1
        ),
    )
    saved = [r for r in results if isinstance(r, Revision)]
    refused = [r for r in results if isinstance(r, services.StaleRevisionError)]
    assert (len(saved), len(refused)) == (1, 1), results
    assert (refused[0].base, refused[0].latest) == (1, 2)
    stored = Revision.objects.get(draft=draft, number=2)
    winner = "annual" if stored.author == drafter else "semiannual"
    assert stored.spec["options"]["reporting_cadence"] == winner
    assert list(draft.revisions.order_by("number").values_list("number", flat=True)) == [1, 2]
    events = AuditEvent.objects.filter(draft=draft, action=audit.Action.REVISION_SAVED)
    assert sorted(events.values_list("revision__number", "user")) == [
        (1, drafter.pk),
        (2, stored.author_id),
    ]
    assert race.met, "both saves should have reached the insert together"


def test_save_failing_mid_transaction_leaves_nothing_while_the_other_succeeds(
    library, office, drafter, colleague, model_spec_data, monkeypatch
):
    draft = make_draft(organisation=office, author=drafter)
    race = _Race(monkeypatch)
    record = audit.record

    def failing_for_drafter(**kwargs):
        if kwargs["user"] == drafter:
            raise RuntimeError("crashed after inserting the revision")
        return record(**kwargs)

    monkeypatch.setattr(audit, "record", failing_for_drafter)
    results = race.run(
        lambda: services.revision_create(
            draft=draft, spec=_spec(model_spec_data, "annual"), author=drafter, base=1
        ),
        lambda: services.revision_create(
            draft=draft, spec=_spec(model_spec_data, "semiannual"), author=colleague, base=1
        ),
    )
    # The drafter's save crashed after its insert, or (had the colleague's committed
    # first) was refused; either way nothing of it is stored.
    assert type(results[0]) in (RuntimeError, services.StaleRevisionError), results
    assert (results[1].number, results[1].author) == (2, colleague)
    stored = list(draft.revisions.order_by("number").values_list("number", "author"))
    assert stored == [(1, drafter.pk), (2, colleague.pk)]
    assert Revision.objects.get(draft=draft, number=2).spec["options"] == {
        "reporting_cadence": "semiannual"
    }


def test_concurrent_saves_in_the_wizard_one_saved_one_told_why(
    library, office, drafter, colleague, model_spec_data, monkeypatch
):
    if connection.vendor == "sqlite":
        pytest.skip(
            "The in-memory SQLite test database answers any concurrent write with 'table is "
            "locked' at once (shared cache: no busy wait), so two requests cannot overlap at "
            "all; the service-level races above run on SQLite."
        )
    draft = make_draft(organisation=office, author=drafter)
    review = reverse("ordinances:wizard", args=[draft.pk, "review"])
    clients = []
    for user in (drafter, colleague):
        client = Client()
        client.force_login(user)
        client.get(review)  # each starts a workspace from r1
        clients.append(client)
    race = _Race(monkeypatch)
    responses = race.run(
        *(lambda c=c: c.post(review, {"nav": "save", "message": "mine"}) for c in clients)
    )
    merge = reverse("ordinances:wizard_merge", args=[draft.pk])
    locations = sorted(response["Location"] for response in responses)
    assert [r.status_code for r in responses] == [302, 302]
    assert locations == sorted([draft.get_absolute_url(), merge])  # one saved, one to the merge
    assert list(draft.revisions.values_list("number", flat=True).order_by("number")) == [1, 2]
    loser = colleague if draft.revisions.get(number=2).author == drafter else drafter
    assert Workspace.objects.filter(draft=draft, user=loser).count() == 1
