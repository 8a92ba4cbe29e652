"""export_org and import_org: an organisation restored into an emptied database renders
every revision identically and keeps its overrides, unsaved input and audit trail."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from clauses.loader import load_library
from drafting.render.text import render_text
from drafting.spec import parse_spec
from exports.models import ExportOverride
from ordinances import services
from ordinances.models import AuditEvent, Draft, Workspace
from organisations.models import Membership, Organisation
from tests.factories import NCIC_OLD, make_draft, make_member, ncic_edition, new_version


def _office_with_history(office, drafter, colleague, model_spec_data, client_for) -> Draft:
    """Two drafts (one a duplicate), three revisions, an override, unsaved input, audit."""
    draft = make_draft(organisation=office, author=drafter, message="Start")
    annual = {**model_spec_data, "options": {"reporting_cadence": "annual"}}
    second = services.revision_create(
        draft=draft, spec=parse_spec(annual), author=colleague, base=1, message="Annual"
    )
    ExportOverride(revision=second, user=colleague, rules=["1373-x"], reason="Counsel").save()
    client = client_for(drafter)
    client.post(reverse("ordinances:draft_rename", args=[draft.pk]), {"title": "Trust Act"})
    client.get(reverse("exports:download", args=[draft.pk, 2, "docx"]))
    client.get(reverse("ordinances:compare") + f"?old={draft.pk}.1&new={draft.pk}.2")
    client_for(colleague).post(reverse("ordinances:draft_duplicate", args=[draft.pk]))
    client.post(reverse("ordinances:draft_archive", args=[draft.pk]))
    client.get(reverse("ordinances:wizard", args=[draft.pk, "locality"]))  # unsaved input
    return draft


def _snapshot(slug: str) -> dict:
    """What must survive, by titles, numbers and usernames (never database keys)."""
    organisation = Organisation.objects.get(slug=slug)
    drafts = {}
    for draft in organisation.drafts.order_by("title"):
        revisions = {
            r.number: (
                render_text(services.document_for_spec(r.draft_spec())),
                r.spec,
                r.clause_versions,
                r.locality,
                r.author.username,
                r.created_at,
                r.message,
                (r.lint_errors, r.lint_warnings),
                [
                    (o.user.username, o.created_at, o.rules, o.reason)
                    for o in r.export_overrides.all()
                ],
            )
            for r in draft.revisions.order_by("number")
        }
        source = draft.duplicated_from
        drafts[draft.title] = {
            "meta": (draft.created_by.username, draft.created_at, draft.archived_at),
            "from": (source.draft.title, source.number) if source else None,
            "revisions": revisions,
            "workspaces": [
                (w.user.username, w.spec, w.base_revision, w.step, w.updated_at)
                for w in Workspace.objects.filter(draft=draft).order_by("pk")
            ],
        }
    audit = [
        (
            e.user.username,
            e.action,
            e.draft.title if e.draft else None,
            e.revision.number if e.revision else None,
            e.created_at,
            e.details,
        )
        for e in AuditEvent.objects.filter(organisation=organisation).order_by("created_at", "pk")
    ]
    members = sorted(
        (m.user.username, m.user.get_full_name(), m.joined_at)
        for m in Membership.objects.filter(organisation=organisation)
    )
    return {
        "organisation": (organisation.name, organisation.created_at),
        "drafts": drafts,
        "audit": audit,
        "members": members,
    }  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_export_flush_import_renders_every_revision_identically(
    library, office, drafter, colleague, outsider, model_spec_data, client_for, tmp_path
):
    _office_with_history(office, drafter, colleague, model_spec_data, client_for)
    before = _snapshot("springfield")
    path = tmp_path / "springfield.json"
    call_command("export_org", "springfield", "-o", str(path))

    call_command("flush", "--noinput")  # an empty database, as after a fresh migrate
    assert (Organisation.objects.count(), User.objects.count()) == (0, 0)
    load_library()
    dana = User.objects.create_user(
        "dana", password="dana-kept-her-password", first_name="Dana", last_name="Tester"
    )  # matched by username, password kept
    call_command("import_org", str(path), "--allow-existing-users")

    after = _snapshot("springfield")
    assert after == before
    assert len(before["audit"]) == 9
    assert [len(d["revisions"]) for d in before["drafts"].values()] == [2, 1]
    assert User.objects.get(username="dana").pk == dana.pk
    assert User.objects.get(username="dana").check_password("dana-kept-her-password")
    assert User.objects.get(username="colin").has_usable_password() is False
    assert not Organisation.objects.filter(slug="shelbyville").exists()


@pytest.mark.django_db
def test_export_holds_only_the_organisations_drafts(
    library, office, other_office, drafter, outsider, model_spec_data, capsys
):
    make_draft(organisation=office, author=drafter)
    make_draft(organisation=other_office, author=outsider, title="Ours")
    call_command("export_org", "shelbyville")
    data = json.loads(capsys.readouterr().out)
    assert [d["title"] for d in data["drafts"]] == ["Ours"]
    assert [u["username"] for u in data["users"]] == ["otto"]
    assert {e["user"] for e in data["audit"]} == {"otto"}


@pytest.fixture
def exported(library, office, drafter, model_spec_data, capsys) -> dict:
    make_draft(organisation=office, author=drafter)
    call_command("export_org", "springfield")
    return json.loads(capsys.readouterr().out)


def _import(data, tmp_path, *, allow_existing: bool = False):
    path = tmp_path / "org.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    flags = ["--allow-existing-users"] if allow_existing else []
    call_command("import_org", str(path), *flags)


@pytest.mark.django_db
def test_import_refuses_an_organisation_that_exists(exported, tmp_path):
    with pytest.raises(CommandError, match="An organisation 'springfield' exists"):
        _import(exported, tmp_path)


@pytest.mark.django_db
def test_import_refuses_a_clause_version_with_different_text(exported, tmp_path):
    exported["organisation"]["slug"] = "springfield-2"
    exported["library"]["versions"][0]["fingerprint"] = "0" * 64
    slug = exported["library"]["versions"][0]["clause"]
    with pytest.raises(CommandError, match=f"{slug} v1 \\(different text here\\)"):
        _import(exported, tmp_path)
    assert not Organisation.objects.filter(slug="springfield-2").exists()


@pytest.mark.django_db
def test_import_refuses_a_user_of_another_organisation_and_writes_nothing(exported, tmp_path):
    exported["organisation"]["slug"] = "springfield-2"
    with pytest.raises(CommandError, match="User 'dana' belongs to Springfield City Council"):
        _import(exported, tmp_path)
    assert not Organisation.objects.filter(slug="springfield-2").exists()
    assert Draft.objects.count() == 1


@pytest.mark.django_db
def test_import_into_a_second_slug_with_new_usernames(exported, tmp_path):
    exported["organisation"]["slug"] = "springfield-2"
    exported = json.loads(json.dumps(exported).replace('"dana"', '"dana2"'))
    _import(exported, tmp_path)
    copy = Draft.objects.get(organisation__slug="springfield-2")
    original = Draft.objects.get(organisation__slug="springfield")
    assert render_text(services.document_for_spec(copy.latest_revision().draft_spec())) == (
        render_text(services.document_for_spec(original.latest_revision().draft_spec()))
    )
    assert copy.latest_revision().created_at == original.latest_revision().created_at
    assert Membership.objects.get(user__username="dana2").organisation.slug == "springfield-2"


@pytest.mark.django_db
def test_import_refuses_a_file_that_is_not_an_export(tmp_path):
    with pytest.raises(CommandError, match="This is not an organisation export"):
        _import({"format": "ordinance-spec/1"}, tmp_path)
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(CommandError, match="is not a JSON file"):
        call_command("import_org", str(path))


# -- import_org trusts nothing in the file (issue 14, item 7) ---------------------


@pytest.fixture
def shelby_editor(other_office):
    return make_member(other_office, "shelby-editor", editor=True)


@pytest.fixture
def shelbyville_house_version(library, other_office, shelby_editor):
    """Shelbyville's own wording of NCIC: a house version no other office may read."""
    return new_version(
        "ncic", shelby_editor, organisation=other_office, old=NCIC_OLD, new="SHELBYVILLE TEXT."
    )


def _pin_house_version(exported: dict, version) -> dict:
    exported["organisation"]["slug"] = "springfield-2"
    exported = json.loads(json.dumps(exported).replace('"dana"', '"dana2"'))
    revision = exported["drafts"][0]["revisions"][0]
    revision["spec"]["versions"] = {"ncic": version.number}
    revision["clause_versions"]["ncic"] = version.number
    exported["library"]["versions"].append(
        {"clause": "ncic", "number": version.number, "fingerprint": version.fingerprint}
    )
    return exported


@pytest.mark.django_db
def test_import_refuses_another_offices_house_version(
    exported, shelbyville_house_version, tmp_path
):
    crafted = _pin_house_version(exported, shelbyville_house_version)
    with pytest.raises(CommandError, match=f"ncic v{shelbyville_house_version.number}"):
        _import(crafted, tmp_path)
    assert not Organisation.objects.filter(slug="springfield-2").exists()


@pytest.mark.django_db
def test_import_refuses_a_house_version_even_when_the_library_list_omits_it(
    exported, shelbyville_house_version, tmp_path
):
    crafted = _pin_house_version(exported, shelbyville_house_version)
    crafted["library"]["versions"].pop()
    with pytest.raises(CommandError, match="No version .* of clause 'ncic'"):
        _import(crafted, tmp_path)
    assert not Draft.objects.filter(organisation__slug="springfield-2").exists()


@pytest.mark.django_db
def test_import_refuses_another_offices_house_edition(
    exported, other_office, shelby_editor, tmp_path
):
    house = ncic_edition("shelbyville-house", shelby_editor, organisation=other_office)
    exported["organisation"]["slug"] = "springfield-2"
    exported = json.loads(json.dumps(exported).replace('"dana"', '"dana2"'))
    exported["drafts"][0]["workspaces"] = [
        {
            "user": "dana2",
            "spec": {"edition": house.slug, "versions": {}},
            "base_revision": 1,
            "step": "locality",
            "updated_at": house.created_at.isoformat(),
        }
    ]
    with pytest.raises(CommandError, match="no library edition 'shelbyville-house'"):
        _import(exported, tmp_path)


@pytest.mark.django_db
def test_import_refuses_a_user_of_another_organisation_without_a_membership_in_the_file(
    exported, tmp_path
):
    exported["organisation"]["slug"] = "springfield-2"
    exported["users"][0]["member_since"] = None
    with pytest.raises(CommandError, match="User 'dana' belongs to Springfield City Council"):
        _import(exported, tmp_path, allow_existing=True)
    assert not Organisation.objects.filter(slug="springfield-2").exists()


@pytest.mark.django_db
def test_import_existing_user_joins_only_with_the_flag(exported, tmp_path):
    exported["organisation"]["slug"] = "springfield-2"
    exported = json.loads(json.dumps(exported).replace('"dana"', '"dana2"'))
    dana2 = User.objects.create_user("dana2", password="her-own-password-42")
    with pytest.raises(CommandError, match="User 'dana2' exists here already"):
        _import(exported, tmp_path)
    assert not Organisation.objects.filter(slug="springfield-2").exists()
    _import(exported, tmp_path, allow_existing=True)
    assert Membership.objects.get(user=dana2).organisation.slug == "springfield-2"
    assert User.objects.get(pk=dana2.pk).check_password("her-own-password-42")


@pytest.mark.django_db(transaction=True)
def test_comment_threads_survive_export_and_import(
    library, office, drafter, colleague, model_spec_data, tmp_path
):
    from ordinances import comments
    from ordinances.models import CommentThread

    draft = make_draft(organisation=office, author=drafter, title="Trust Act")
    thread = comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="reporting",
        quote="on a quarterly basis",
        body="Too often.",
        author_name="Dana Tester",
        user=drafter,
    )
    comments.reply(thread=thread, body="Agreed.", author_name="Colin Tester", user=colleague)
    comments.resolve(thread=thread, user=colleague)
    comments.open_thread(
        revision=draft.latest_revision(),
        clause_key="detainers",
        quote="",
        body="Looks right.",
        author_name="Casey Counsel",
        source="word",
    )

    def threads() -> list:
        return [
            (
                t.draft.title,
                t.revision.number,
                t.clause_key,
                t.quote,
                t.status,
                t.source,
                t.created_at,
                t.status_changed_by.username if t.status_changed_by else None,
                [
                    (c.author.username if c.author else None, c.author_name, c.body, c.created_at)
                    for c in t.comments.all()
                ],
            )
            for t in CommentThread.objects.order_by("created_at", "pk")
        ]

    before = threads()
    path = tmp_path / "springfield.json"
    call_command("export_org", "springfield", "-o", str(path))
    call_command("flush", "--noinput")
    load_library()
    call_command("import_org", str(path))
    assert threads() == before
    assert [(t[4], len(t[8])) for t in before] == [("resolved", 2), ("open", 1)]


@pytest.mark.django_db
def test_import_refuses_a_comment_quote_not_in_its_clause(exported, tmp_path):
    exported["organisation"]["slug"] = "springfield-2"
    exported = json.loads(json.dumps(exported).replace('"dana"', '"dana2"'))
    exported["drafts"][0]["comment_threads"] = [
        {
            "revision": 1,
            "clause": "reporting",
            "quote": "every fortnight",
            "status": "open",
            "source": "app",
            "created_at": None,
            "status_changed_at": None,
            "status_changed_by": None,
            "comments": [{"author": None, "author_name": "X", "body": "y", "created_at": None}],
        }
    ]
    with pytest.raises(CommandError, match="“every fortnight” is not in the text of that clause"):
        _import(exported, tmp_path)
    assert not Organisation.objects.filter(slug="springfield-2").exists()
