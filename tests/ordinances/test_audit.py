"""The audit trail: every action recorded once, append-only, visible to the office only."""

import pytest
from django.urls import reverse

from clauses.services import latest_edition
from common.models import ImmutableError
from drafting.spec import parse_spec
from exports import services as export_services
from ordinances import audit, services
from ordinances.models import AuditEvent, Draft, Revision
from tests.factories import LOCALITY_FORM, fake_lint, make_draft, status_sharing_error

Action = AuditEvent.Action


@pytest.fixture
def saved_draft(library, office, drafter, model_spec_data):
    return make_draft(organisation=office, author=drafter)


def _trail(**filters):
    """(who, action, draft title, revision number, details), oldest first."""
    events = AuditEvent.objects.filter(**filters).order_by("created_at", "pk")
    return [
        (
            e.user.username,
            e.action,
            e.draft.title if e.draft else None,
            e.revision.number if e.revision else None,
            e.details,
        )
        for e in events.select_related("user", "draft", "revision")
    ]


@pytest.mark.django_db
def test_audit_records_every_action_of_a_drafting_session(
    client_for, drafter, colleague, library, monkeypatch
):
    client = client_for(drafter)
    client.post(reverse("ordinances:draft_new"))
    draft = Draft.objects.get()
    wizard = reverse("ordinances:wizard", args=[draft.pk, "locality"])
    client.post(wizard, {**LOCALITY_FORM, "nav": "save", "message": "First cut"})
    title = "the City of Springfield: Justice and Equity Ordinance"
    client.post(reverse("ordinances:draft_rename", args=[draft.pk]), {"title": "Trust Act"})
    client.get(reverse("exports:download", args=[draft.pk, 1, "docx"]))
    client.get(reverse("ordinances:revision_spec", args=[draft.pk, 1]))
    client.post(reverse("ordinances:apply_fix", args=[draft.pk]), {"clause": "savings-clause"})
    client.get(reverse("ordinances:compare") + f"?old={draft.pk}.1&new={draft.pk}.2")
    client.get(reverse("exports:redline_docx") + f"?old=model&new={draft.pk}.2")
    monkeypatch.setattr(export_services, "lint_for_export", fake_lint(status_sharing_error()))
    anyway = reverse("exports:export_anyway", args=[draft.pk, 2, "pdf"])
    client.post(anyway, {"reason": "Counsel reviewed"})
    client_for(colleague).post(reverse("ordinances:draft_duplicate", args=[draft.pk]))
    client.post(reverse("ordinances:draft_archive", args=[draft.pk]))
    client.post(reverse("ordinances:draft_archive", args=[draft.pk]), {"restore": "1"})

    clause = "Compliance with federal law (8 U.S.C. § 1373 savings clause)"
    fix = f"Fix: include “{clause}”"
    model = f"CPD model ({latest_edition().name})"
    assert _trail(draft=draft) == [
        ("dana", Action.DRAFT_CREATED, "Trust Act", None, {}),
        ("dana", Action.REVISION_SAVED, "Trust Act", 1, {"message": "First cut"}),
        ("dana", Action.RENAMED, "Trust Act", None, {"old_title": title, "new_title": "Trust Act"}),
        ("dana", Action.EXPORTED, "Trust Act", 1, {"kind": "docx", "line_numbers": False}),
        ("dana", Action.EXPORTED, "Trust Act", 1, {"kind": "spec"}),
        ("dana", Action.REVISION_SAVED, "Trust Act", 2, {"message": fix}),
        ("dana", Action.FIX_APPLIED, "Trust Act", 2, {"clause": clause}),
        ("dana", Action.COMPARED, "Trust Act", 2, {"old": "Trust Act r1", "new": "Trust Act r2"}),
        (
            "dana", Action.EXPORTED, "Trust Act", 2,
            {"old": model, "new": "Trust Act r2", "kind": "redline-docx"},
        ),
        (
            "dana", Action.EXPORT_ANYWAY, "Trust Act", 2,
            {"kind": "pdf", "rules": ["1373-status-sharing"], "reason": "Counsel reviewed"},
        ),
        ("dana", Action.ARCHIVED, "Trust Act", None, {}),
        ("dana", Action.RESTORED, "Trust Act", None, {}),
    ]  # fmt: skip
    copy = Draft.objects.exclude(pk=draft.pk).get()
    copy_message = "Duplicated from “Trust Act” r2"
    assert _trail(draft=copy) == [
        ("colin", Action.DUPLICATED, "Trust Act (copy)", None, {"source": "Trust Act r2"}),
        ("colin", Action.REVISION_SAVED, "Trust Act (copy)", 1, {"message": copy_message}),
    ]  # fmt: skip


@pytest.mark.django_db
def test_audit_has_one_saved_event_per_revision(saved_draft, drafter, model_spec_data):
    spec = parse_spec({**model_spec_data, "options": {"reporting_cadence": "annual"}})
    services.revision_create(draft=saved_draft, spec=spec, author=drafter, base=1)
    saved = AuditEvent.objects.filter(action=Action.REVISION_SAVED)
    assert sorted(saved.values_list("revision__number", flat=True)) == [1, 2]
    assert saved.count() == Revision.objects.count()


@pytest.mark.django_db
def test_audit_refused_save_records_nothing(saved_draft, colleague, model_spec_data):
    before = AuditEvent.objects.count()
    with pytest.raises(services.StaleRevisionError):
        services.revision_create(
            draft=saved_draft, spec=parse_spec(model_spec_data), author=colleague, base=0
        )
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
def test_audit_failure_stores_no_revision(saved_draft, drafter, model_spec_data, monkeypatch):
    """The revision and its event are one transaction: neither is stored without the other."""

    def broken(**kwargs):
        raise RuntimeError("audit store unavailable")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        services.revision_create(
            draft=saved_draft, spec=parse_spec(model_spec_data), author=drafter, base=1
        )
    assert list(saved_draft.revisions.values_list("number", flat=True)) == [1]


@pytest.mark.django_db
def test_audit_event_cannot_be_changed_or_deleted(saved_draft):
    event = AuditEvent.objects.get(draft=saved_draft, action=Action.DRAFT_CREATED)
    event.details = {"forged": True}
    with pytest.raises(ImmutableError):
        event.save()
    with pytest.raises(ImmutableError):
        event.delete()
    with pytest.raises(ImmutableError):
        AuditEvent.objects.filter(pk=event.pk).update(details={})
    with pytest.raises(ImmutableError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).details == {}


@pytest.mark.django_db
def test_audit_record_refuses_an_unknown_action(saved_draft, drafter):
    with pytest.raises(ValueError, match="Unknown audit action 'edited'"):
        audit.record(user=drafter, action="edited", draft=saved_draft)


@pytest.mark.django_db
def test_audit_page_shows_the_offices_trail(client_for, colleague, saved_draft):
    client = client_for(colleague)
    client.post(reverse("ordinances:draft_archive", args=[saved_draft.pk]))
    page = client.get(reverse("ordinances:audit") + f"?draft={saved_draft.pk}")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("<tr>") == 1 + 3  # header, created, saved r1, archived
    assert "Colin Tester</td>\n    <td>Archived the draft" in html
    assert "Dana Tester</td>\n    <td>Saved a revision" in html
    assert f'href="/drafts/{saved_draft.pk}/r/1/">r1</a>' in html
    detail = client.get(saved_draft.get_absolute_url()).content.decode()
    assert f'href="/audit/?draft={saved_draft.pk}">Audit trail</a>' in detail


@pytest.mark.django_db
def test_audit_page_is_confined_to_the_organisation(client_for, outsider, saved_draft):
    client = client_for(outsider)
    assert client.get(reverse("ordinances:audit") + f"?draft={saved_draft.pk}").status_code == 404
    assert client.get(reverse("ordinances:audit") + "?draft=x").status_code == 404
    page = client.get(reverse("ordinances:audit")).content.decode()
    assert "Nothing recorded yet." in page
    assert saved_draft.title not in page
