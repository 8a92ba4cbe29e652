"""Data for the load test: an office with 16 members and one saved draft (idempotent)."""

from __future__ import annotations

from django.contrib.auth.models import User

from bench.corpus import LOCALITY
from drafting.spec import parse_spec
from ordinances import services
from ordinances.models import Draft
from organisations.models import Membership, Organisation


def setup(password: str, members: int = 16) -> int:
    office, _ = Organisation.objects.get_or_create(
        slug="load", defaults={"name": "Load Test Office"}
    )
    for n in range(members):
        user, _ = User.objects.get_or_create(username=f"load{n}")
        user.set_password(password)
        user.save()
        Membership.objects.get_or_create(user=user, defaults={"organisation": office})
    draft = Draft.objects.filter(organisation=office).first()
    if draft is None:
        draft = services.draft_create(
            organisation=office,
            author=User.objects.get(username="load0"),
            spec=parse_spec({"locality": LOCALITY}),
        )
    return draft.pk
