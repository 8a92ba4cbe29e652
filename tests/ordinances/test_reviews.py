"""Bringing back a reviewed file: the page, the service, the command, the refusals."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from drafting.edits import clause_text
from drafting.spec import load_spec
from exports.services import KINDS, export_bytes
from ordinances.documents import document_for, document_for_spec
from ordinances.models import AuditEvent, ReviewImport
from ordinances.reviews import review_import
from tests.factories import add_revision, make_draft
from tests.fixtures.review.word_style import WordFile

ATTORNEY, CHIEF = "City Attorney", "Police Chief"
QUARTERLY = ("on a quarterly basis", "every month")
DAYS = ("within 45 days", "within 30 days")


def reviewed_file(revision, *edits: tuple[str, str, str]) -> bytes:
    """The revision's clean export with tracked replacements (phrase, new, author)."""
    word = WordFile(export_bytes(revision, KINDS["docx"]))
    for phrase, new, author in edits:
        word.replace(phrase, new, author=author)
    return word.save()


def upload(client, draft, data: bytes, name: str = "springfield-r1-reviewed.docx"):
    return client.post(
        reverse("ordinances:review_upload", args=[draft.pk]),
        {"upload": SimpleUploadedFile(name, data)},
    )


@pytest.fixture
def draft(office, drafter, library):
    return make_draft(organisation=office, author=drafter, title="Springfield")


def test_the_export_carries_its_keys(draft):
    revision = draft.latest_revision()
    with zipfile.ZipFile(io.BytesIO(export_bytes(revision, KINDS["docx"]))) as package:
        custom = package.read("docProps/custom.xml").decode()
        body = package.read("word/document.xml").decode()
    assert f'name="OrdinanceDrafter.Draft"><vt:lpwstr>{draft.pk}</vt:lpwstr>' in custom
    assert 'name="OrdinanceDrafter.Revision"><vt:lpwstr>1</vt:lpwstr>' in custom
    assert 'name="OrdinanceDrafter.Edition"><vt:lpwstr>cpd-2017</vt:lpwstr>' in custom
    assert f'name="OrdinanceDrafter.Office"><vt:lpwstr>{draft.organisation_id}<' in custom
    assert 'w:name="_od_reporting"' in body and 'w:name="_od_h_reporting"' in body


def test_upload_lists_changes_and_saving_accepted_ones_makes_a_revision(client_for, drafter, draft):
    client = client_for(drafter)
    base = draft.latest_revision()
    data = reviewed_file(base, (*QUARTERLY, ATTORNEY), (*DAYS, CHIEF))
    response = upload(client, draft, data)
    imported = ReviewImport.objects.get(draft=draft)
    assert response.status_code == 302
    assert response["Location"] == reverse("ordinances:review_detail", args=[draft.pk, imported.pk])
    page = client.get(response["Location"]).content.decode()
    assert "<del>on a quarterly basis</del>" in page
    assert "<ins>every month</ins>" in page
    assert "Accept all from City Attorney" in page
    changes = {c["clause"]: c["id"] for c in imported.changes["changes"]}
    response = client.post(
        reverse("ordinances:review_detail", args=[draft.pk, imported.pk]),
        {f"decision-{changes['reporting']}": "accept", f"decision-{changes['u-visa']}": "reject",
         "action": "save"},
    )  # fmt: skip
    assert response.status_code == 302
    latest = draft.latest_revision()
    assert latest.number == 2
    assert latest.message == (
        "Review of springfield-r1-reviewed.docx: 1 change accepted (City Attorney)"
    )
    document = document_for(latest)
    before = document_for(base)
    assert clause_text(document, "reporting") == clause_text(before, "reporting").replace(
        *QUARTERLY
    )
    assert clause_text(document, "u-visa") == clause_text(before, "u-visa")
    assert latest.draft_spec().words.edits[0].clause == "reporting"
    actions = list(
        AuditEvent.objects.filter(draft=draft).order_by("pk").values_list("action", flat=True)
    )
    assert actions[-3:] == ["review_imported", "revision_saved", "review_decided"]
    decided = AuditEvent.objects.filter(draft=draft, action="review_decided").get()
    assert decided.details == {
        "file": "springfield-r1-reviewed.docx", "accepted": 1, "threads": 0, "rejected": 1
    }  # fmt: skip


def test_a_kept_word_comment_becomes_a_comment_thread_with_its_replies(client_for, drafter, draft):
    from ordinances.models import CommentThread

    client = client_for(drafter)
    base = draft.latest_revision()
    word = WordFile(export_bytes(base, KINDS["docx"]))
    word.replace(*QUARTERLY, author=ATTORNEY)
    word.comment("within 45 days", "Can we do 30?", author=CHIEF, replies=((ATTORNEY, "Yes."),))
    word.comment("public records", "Not this one.", author=CHIEF)
    upload(client, draft, word.save())
    imported = ReviewImport.objects.get(draft=draft)
    ids = {(c["kind"], c["comment"]): c["id"] for c in imported.changes["changes"]}
    url = reverse("ordinances:review_detail", args=[draft.pk, imported.pk])
    response = client.post(
        url,
        {f"decision-{ids['comment', 'Can we do 30?']}": "accept",
         f"decision-{ids['comment', 'Not this one.']}": "reject", "action": "save"},
        follow=True,
    )  # fmt: skip
    assert "No text change was accepted; nothing to save. 1 comment kept as comment threads." in (
        response.content.decode()
    )
    thread = CommentThread.objects.get(draft=draft)
    assert (thread.revision, thread.clause_key, thread.quote, thread.source) == (
        base, "u-visa", "within 45 days", "word"
    )  # fmt: skip
    assert [(c.author_name, c.body) for c in thread.comments.all()] == [
        (CHIEF, "Can we do 30?"), (ATTORNEY, "Yes."),
    ]  # fmt: skip
    assert draft.latest_revision() == base
    client.post(url, {"action": "save"})  # saved again: the thread is not doubled
    assert CommentThread.objects.filter(draft=draft).count() == 1


def test_accept_all_from_one_reviewer(client_for, drafter, draft):
    client = client_for(drafter)
    base = draft.latest_revision()
    upload(client, draft, reviewed_file(base, (*QUARTERLY, ATTORNEY), (*DAYS, CHIEF)))
    imported = ReviewImport.objects.get(draft=draft)
    url = reverse("ordinances:review_detail", args=[draft.pk, imported.pk])
    client.post(url, {"action": f"accept-author:{CHIEF}"})
    imported.refresh_from_db()
    by_clause = {c["clause"]: c["id"] for c in imported.changes["changes"]}
    assert imported.decisions == {by_clause["u-visa"]: "accept"}
    client.post(url, {"action": "save"})
    latest = draft.latest_revision()
    assert latest.message.endswith("1 change accepted (Police Chief)")
    assert "within 30 days" in clause_text(document_for(latest), "u-visa")


def test_a_file_from_another_draft_or_office_is_refused_with_the_reason(
    client_for, drafter, draft, office, other_office, outsider
):
    other = make_draft(organisation=office, author=drafter, title="Shelbyville")
    data = reviewed_file(other.latest_revision(), (*QUARTERLY, ATTORNEY))
    response = upload(client_for(drafter), draft, data)
    assert response.status_code == 400
    assert (
        "This file was exported from another draft (“Shelbyville”), not from “Springfield”"
        in response.content.decode()
    )
    theirs = make_draft(organisation=other_office, author=outsider, title="Theirs")
    response = upload(client_for(drafter), draft, reviewed_file(theirs.latest_revision()))
    assert "This file was exported by another office" in response.content.decode()
    assert not ReviewImport.objects.exists()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a word file", "This is not a .docx file."),
        (b"\xd0\xcf\x11\xe0 old word", "This is an old Word (.doc) file."),
    ],
)
def test_hostile_or_wrong_files_are_refused_in_words(client_for, drafter, draft, data, reason):
    response = upload(client_for(drafter), draft, data)
    assert response.status_code == 400
    assert reason in response.content.decode()


def test_zip_bomb_and_external_entity_are_refused(client_for, drafter, draft):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (30 * 1024 * 1024) + b"/>")
    response = upload(client_for(drafter), draft, bomb.getvalue())
    assert "a possible “zip bomb”" in response.content.decode()
    xxe = io.BytesIO()
    with zipfile.ZipFile(xxe, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<w:document/>",
        )
    response = upload(client_for(drafter), draft, xxe.getvalue())
    assert "refused for safety (external entities)" in response.content.decode()


def test_a_concurrent_save_is_merged_not_overwritten(client_for, drafter, colleague, draft):
    """A colleague saved r2 (another option) after the file went out from r1: the
    reviewer's change is merged onto r2, keeping the colleague's option."""
    client = client_for(drafter)
    base = draft.latest_revision()
    upload(client, draft, reviewed_file(base, (*QUARTERLY, ATTORNEY)))
    add_revision(draft, author=colleague, options={"warrant_standard": "judicial"})
    imported = ReviewImport.objects.get(draft=draft)
    change = imported.changes["changes"][0]["id"]
    url = reverse("ordinances:review_detail", args=[draft.pk, imported.pk])
    response = client.post(url, {f"decision-{change}": "accept", "action": "save"})
    assert response["Location"] == draft.get_absolute_url()
    latest = draft.latest_revision()
    assert latest.number == 3
    assert latest.spec["options"]["warrant_standard"] == "judicial"
    document = document_for(latest)
    assert "every month" in clause_text(document, "reporting")
    assert "criminal warrant" not in clause_text(document, "detainers")


def test_a_concurrent_edit_of_the_same_words_goes_to_the_merge_page(
    client_for, drafter, colleague, draft
):
    client = client_for(drafter)
    base = draft.latest_revision()
    upload(client, draft, reviewed_file(base, (*QUARTERLY, ATTORNEY)))
    add_revision(
        draft, author=colleague,
        edits=[{"clause": "reporting", "find": "on a quarterly basis", "replace": "yearly"}],
    )  # fmt: skip
    imported = ReviewImport.objects.get(draft=draft)
    change = imported.changes["changes"][0]["id"]
    url = reverse("ordinances:review_detail", args=[draft.pk, imported.pk])
    response = client.post(url, {f"decision-{change}": "accept", "action": "save"})
    assert response["Location"] == reverse("ordinances:wizard_merge", args=[draft.pk])
    assert draft.latest_revision().number == 2  # nothing overwritten
    merge = client.get(response["Location"]).content.decode()
    assert "every month" in merge and "yearly" in merge


def test_another_office_cannot_see_the_review(client_for, outsider, drafter, draft):
    imported = review_import(
        draft=draft, data=reviewed_file(draft.latest_revision()), file_name="x.docx", user=drafter
    )
    url = reverse("ordinances:review_detail", args=[draft.pk, imported.pk])
    assert client_for(outsider).get(url).status_code == 404


def test_import_review_command_lists_changes_and_writes_the_accepted_spec(
    library, tmp_path, capsys
):
    from drafting.render.docx import ExportMeta, render_docx

    spec_path = tmp_path / "base.json"
    spec_path.write_text(json.dumps({"edition": "cpd-2017", **_locality()}))
    spec = load_spec(spec_path.read_text())
    document = document_for_spec(spec)
    word = WordFile(render_docx(document, ExportMeta.for_document(document)))
    word.replace(*QUARTERLY, author=ATTORNEY)
    word.comment("within 45 days", "Can we do 30?", author=CHIEF)
    edited = tmp_path / "edited.docx"
    edited.write_bytes(word.save())
    call_command("import_review", str(spec_path), str(edited), "--format", "json")
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {"id": "c1", "clause": "reporting", "kind": "replace", "old": "on a quarterly basis",
         "new": "every month", "author": ATTORNEY, "date": "2026-11-30T10:15:00Z", "comment": ""},
        {"id": "c2", "clause": "u-visa", "kind": "comment", "old": "within 45 days", "new": "",
         "author": CHIEF, "date": "2026-11-30T10:15:00Z", "comment": "Can we do 30?"},
    ]  # fmt: skip
    out = tmp_path / "new.json"
    call_command("import_review", str(spec_path), str(edited), "--accept", "all", "-o", str(out))
    accepted = load_spec(out.read_text())
    assert [e.clause for e in accepted.words.edits] == ["reporting"]
    assert clause_text(document_for_spec(accepted), "reporting") == clause_text(
        document, "reporting"
    ).replace(*QUARTERLY)


def test_import_review_command_takes_a_revision_reference(draft, tmp_path, capsys):
    edited = tmp_path / "edited.docx"
    edited.write_bytes(reviewed_file(draft.latest_revision(), (*DAYS, CHIEF)))
    call_command("import_review", f"{draft.pk}.1", str(edited))
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["c1", "u-visa", "replace", "Police", "Chief"]


def _locality() -> dict:
    from tests.model_seed import MODEL_LOCALITY

    return {"locality": dict(MODEL_LOCALITY), "options": {}}
