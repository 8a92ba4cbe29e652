"""The draft's own words downstream: render, lint, compare, redline, annotated .docx, merge."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from lxml import etree

from drafting.spec import parse_spec
from ordinances import services
from ordinances.models import Workspace
from ordinances.wizard.flow import Flow
from tests.factories import add_revision, make_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "springfield-own-words.json"
ADDRESSES = "home and work addresses, telephone numbers and other contact information"
PRIVACY = {
    "clause": "privacy",
    "find": "maintain and/or share",
    "replace": "disclose",
}


def test_render_applies_the_edits_and_the_own_section(library, capsys):
    call_command("render", str(EXAMPLE))
    text = capsys.readouterr().out
    assert f"including but not limited to {ADDRESSES}" in text
    assert "XIV) COMMUNITY LIAISON\nThe Office of the Mayor shall designate" in text
    assert "A. meet with immigrant community organisations" in text
    assert "XV) SEVERABILITY\nThe City Council declares that if any part" in text


def test_render_refuses_an_edit_that_does_not_match_naming_the_field(library, tmp_path):
    data = json.loads(EXAMPLE.read_text())
    data["edits"][1]["find"] = "If no"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError) as error:
        call_command("render", str(path))
    assert str(error.value) == (
        f"{path} cannot be assembled:\n"
        "  edits[1].find: “If no” is not in the text of clause “severability”."
    )


def test_lint_reads_the_edited_text(library, capsys):
    call_command("lint", str(EXAMPLE), "--format", "json")
    findings = json.loads(capsys.readouterr().out)
    privacy = [f for f in findings if f["section"].startswith("IX)")]
    assert privacy and ADDRESSES in privacy[0]["sentence"]


def test_compare_model_lists_the_departures_as_json(library, capsys):
    call_command("compare", "model", str(EXAMPLE), "--format", "json")
    assert json.loads(capsys.readouterr().out) == [
        {
            "clause": "detainers",
            "kind": "option",
            "summary": "Warrant standard: judicial criminal warrant → judicial warrant",
        },
        {
            "clause": "reporting",
            "kind": "option",
            "summary": "Reporting cadence: every quarter → every six months",
        },
        {
            "clause": "privacy",
            "kind": "edit",
            "summary": "Edited Privacy of confidential personal information: “including but "
            "not limited to contact information” → “including but not limited to home and "
            "work addresses, telep…”",
        },
        {
            "clause": "severability",
            "kind": "edit",
            "summary": "Edited Severability: “If any” → “The City Council declares that if any”",
        },
        {
            "clause": "community-liaison",
            "kind": "added",
            "summary": "Section of the draft’s own: COMMUNITY LIAISON",
        },
    ]


@pytest.fixture
def edited(library, office, drafter):
    draft = make_draft(organisation=office, author=drafter)
    add_revision(draft, author=drafter, edits=[PRIVACY])
    return draft


@pytest.mark.django_db
def test_compare_page_shows_the_departures_table(client_for, drafter, edited):
    url = reverse("ordinances:compare") + f"?old=model&new={edited.pk}.2"
    response = client_for(drafter).get(url)
    assert [(d.clause, d.kind) for d in response.context["departures"]] == [("privacy", "edit")]
    assert "Departures from the model (1)" in response.content.decode()


@pytest.mark.django_db
def test_redline_shows_the_edit_as_tracked_changes(client_for, drafter, edited):
    query = f"?old={edited.pk}.1&new={edited.pk}.2"
    response = client_for(drafter).get(reverse("exports:redline_docx") + query)
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml"))
    deleted = ["".join(d.itertext()) for d in body.iter(f"{W}del")]
    inserted = ["".join(i.itertext()) for i in body.iter(f"{W}ins")]
    assert ("maintain and/or share", "disclose") in {
        (d.strip(), i.strip()) for d, i in zip(deleted, inserted, strict=True)
    }


@pytest.mark.django_db
def test_annotated_docx_comments_on_each_local_edit(client_for, drafter, edited):
    url = reverse("exports:download", args=[edited.pk, 2, "annotated"])
    response = client_for(drafter).get(url)
    comments = zipfile.ZipFile(io.BytesIO(response.content)).read("word/comments.xml").decode()
    assert "Local edit: " in comments.replace("</w:t></w:r><w:r><w:t>", "")
    assert "“maintain and/or share” → “disclose”" in comments


@pytest.mark.django_db
def test_stale_save_merges_edits_per_clause(library, office, drafter, colleague):
    draft = make_draft(organisation=office, author=drafter)
    flow = Flow.start(draft, drafter)
    mine = {**flow.spec, "edits": [PRIVACY]}
    Workspace.objects.filter(pk=flow.workspace.pk).update(spec=mine)
    theirs = {"clause": "severability", "find": "If any", "replace": "Should any"}
    add_revision(draft, author=colleague, edits=[theirs])
    merge, latest = Flow.start(draft, drafter).merge_onto_latest()
    assert (merge.conflicts, merge.mine, merge.theirs) == (
        (),
        ("edits.privacy",),
        ("edits.severability",),
    )
    assert merge.spec()["edits"] == [theirs, PRIVACY]
    assert latest == 2
    spec = parse_spec(merge.spec())
    document = services.document_for_spec(spec)
    assert "disclose" in document.section("privacy").blocks[0].text
