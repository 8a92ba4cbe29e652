"""The admin offers no way to change or delete what is append-only, nor to delete a draft."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from clauses.models import ClauseVersion, OptionChoice, VersionOption
from exports.models import ExportOverride
from ordinances.models import AuditEvent, Draft, Revision
from tests.factories import make_draft

APPEND_ONLY = [Revision, ClauseVersion, VersionOption, OptionChoice, AuditEvent, ExportOverride]


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("root", password="a-long-admin-password-42")


@pytest.fixture
def draft(library, office, drafter, model_spec_data):
    draft = make_draft(organisation=office, author=drafter)
    ExportOverride(
        revision=draft.latest_revision(), user=drafter, rules=["1373-status-sharing"]
    ).save()
    return draft


def _url(model, action, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{action}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize("model", APPEND_ONLY, ids=lambda m: m.__name__)
def test_admin_append_only_model_is_view_only(client_for, admin_user, draft, model):
    client = client_for(admin_user)
    row = model.objects.order_by("pk").first()
    count = model.objects.count()
    change = _url(model, "change", row.pk)
    page = client.get(change)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(change, {}).status_code == 403
    assert client.get(_url(model, "delete", row.pk)).status_code == 403
    assert client.post(_url(model, "delete", row.pk), {"post": "yes"}).status_code == 403
    assert client.get(_url(model, "add")).status_code == 403
    bulk = {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"}
    client.post(_url(model, "changelist"), bulk)
    assert 'value="delete_selected"' not in client.get(_url(model, "changelist")).content.decode()
    assert model.objects.count() == count


@pytest.mark.django_db
def test_admin_draft_can_be_renamed_but_not_deleted_or_archived(client_for, admin_user, draft):
    client = client_for(admin_user)
    assert client.get(_url(Draft, "delete", draft.pk)).status_code == 403
    assert client.get(_url(Draft, "add")).status_code == 403
    response = client.post(
        _url(Draft, "change", draft.pk),
        {"title": "Renamed by admin", "archived_at_0": "2026-01-01"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.archived_at) == ("Renamed by admin", None)


@pytest.mark.django_db
def test_admin_is_closed_to_members(client_for, drafter, draft):
    response = client_for(drafter).get(_url(Revision, "change", draft.latest_revision().pk))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_admin_rename_of_a_draft_is_audited(client_for, admin_user, draft):
    old_title = draft.title
    client_for(admin_user).post(_url(Draft, "change", draft.pk), {"title": "Renamed by admin"})
    event = AuditEvent.objects.get(draft=draft, action=AuditEvent.Action.RENAMED)
    assert (event.user, event.organisation, event.details) == (
        admin_user,
        draft.organisation,
        {"old_title": old_title, "new_title": "Renamed by admin", "via": "admin"},
    )
