"""The "Amend existing law" pages: start, gap analysis, decisions, downloads, isolation."""

from __future__ import annotations

import io
import re

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ordinances.models import Draft
from tests.drafting.amend.helpers import LOCALITY

pytestmark = pytest.mark.django_db

CHAPTER = "\n".join(
    [
        "CHAPTER 2-14 IMMIGRATION ENFORCEMENT",
        "",
        "Sec. 2-14-010. Purpose.",
        "The purpose of this chapter is to foster trust between the City and its residents.",
        "",
        "Sec. 2-14-030. Detainers.",
        "(a) The Chief of Police shall not honor a detainer unless the person has been "
        "convicted of a violent felony.",
        "(b) The Chief of Police shall report the number of detainers to the City Council "
        "each year.",
        "",
        "Sec. 2-14-040. Access to facilities.",
        "ICE agents may enter City jails only with the approval of the Chief of Police.",
        "",
        "Sec. 2-14-050. Registry.",
        "The City Clerk shall keep a registry of persons detained on detainers.",
    ]
)
START = {
    "code_name": "the Municipal Code",
    **{k: LOCALITY[k] for k in ("name", "type", "state", "legislative_body")},
    "chief_law_enforcement_officer": "Chief of Police",
}


def _start(client, text=CHAPTER, **extra):
    return client.post(reverse("ordinances:amend_start"), {**START, "text": text, **extra})


@pytest.fixture
def amend_draft(library, drafter, client_for):
    client = client_for(drafter)
    response = _start(client)
    assert response.status_code == 302
    return Draft.objects.get(pk=int(re.search(r"/drafts/(\d+)/amend/", response.url)[1])), client


def test_start_page_shows_the_form(library, drafter, client_for):
    response = client_for(drafter).get(reverse("ordinances:amend_start"))
    assert response.status_code == 200
    assert "Paste the current chapter or ordinance" in response.content.decode()


def test_start_makes_a_draft_whose_base_is_the_existing_law(amend_draft):
    draft, client = amend_draft
    revision = draft.latest_revision()
    assert revision.spec["existing"]["text"] == CHAPTER
    page = client.get(reverse("ordinances:amend", args=[draft.pk])).content.decode()
    assert "Gap analysis" in page
    assert 'data-clause="detainers"' in page
    assert "You have a weaker form" in page and "Missing" in page


def test_text_without_sections_gets_a_clear_message_and_is_kept(library, drafter, client_for):
    client = client_for(drafter)
    text = "The Sheriff shall not honor ICE detainers.\nNo one shall ask about status."
    response = _start(client, text=text)
    page = response.content.decode()
    assert response.status_code == 400
    assert "No numbered sections were found" in page
    assert "The Sheriff shall not honor ICE detainers." in page
    assert Draft.objects.count() == 0
    response = _start(client, text=text, one_section="on")
    assert response.status_code == 302


def test_upload_docx_and_size_limits(library, drafter, client_for):
    client = client_for(drafter)
    document = docx.Document()
    for line in CHAPTER.split("\n"):
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    upload = SimpleUploadedFile("chapter.docx", data.getvalue())
    response = client.post(reverse("ordinances:amend_start"), {**START, "upload": upload})
    assert response.status_code == 302
    big = "Sec. 1-1. Big.\n" + "word " * 420_000  # about 2 MB of text
    response = client.post(
        reverse("ordinances:amend_start"),
        {**START, "upload": SimpleUploadedFile("big.txt", big.encode())},
    )
    assert response.status_code == 400
    assert "at most 200,000" in response.content.decode()


def _decide(client, draft, **fields):
    base = draft.latest_revision().number
    data = {"base": str(base), "code_name": "the Municipal Code", "style": "read-as-follows"}
    data.update(fields)
    return client.post(reverse("ordinances:amend", args=[draft.pk]), data)


def test_decisions_save_a_revision_and_the_downloads_read_exactly(amend_draft):
    draft, client = amend_draft
    amended = (
        "Sec. 2-14-030. Detainers.\n(a) The Chief of Police shall not honor a detainer.\n"
        "(b) The Chief of Police shall report the number of detainers to the City Council "
        "every quarter."
    )
    response = _decide(
        client,
        draft,
        **{
            "action-1": "amend",
            "text-1": amended,
            "action-2": "replace",
            "clause-2": "civil-enforcement",
            "action-3": "repeal",
            "add-no-status-inquiry": "1",
            "after-no-status-inquiry": "2-14-030",
        },
    )
    assert response.status_code == 302
    revision = draft.latest_revision()
    assert revision.number == 2
    text = client.get(reverse("exports:amending", args=[draft.pk, 2, "txt"])).content.decode()
    assert "Section 1. Section 2-14-030 of the Municipal Code is hereby amended" in text
    assert "City Council [-each year-]{+every quarter+}." in text
    assert "Section 2-14-035 is hereby added to the Municipal Code" in text
    assert "Section 2-14-050 of the Municipal Code is hereby repealed in its entirety." in text
    data = client.get(reverse("exports:amending", args=[draft.pk, 2, "docx"])).content
    paragraphs = docx.Document(io.BytesIO(data)).paragraphs
    struck = [r.text for p in paragraphs for r in p.runs if r.font.strike]
    underlined = [r.text for p in paragraphs for r in p.runs if r.font.underline]
    assert "each year" in struck and "every quarter" in underlined
    pdf = client.get(reverse("exports:amending", args=[draft.pk, 2, "pdf"]) + "?line_numbers=1")
    assert pdf.content[:5] == b"%PDF-"
    consolidated = client.get(reverse("exports:download", args=[draft.pk, 2, "docx"]))
    assert consolidated.status_code in (200, 409)


def test_a_bad_amended_text_is_refused_and_kept(amend_draft):
    draft, client = amend_draft
    bad = "Sec. 2-14-030. Detainers.\nText.\nSec. 9-9. Another.\nMore."
    response = _decide(client, draft, **{"action-1": "amend", "text-1": bad})
    page = response.content.decode()
    assert response.status_code == 400
    assert "must stay one section" in page
    assert "Sec. 9-9. Another." in page
    assert draft.latest_revision().number == 1


def test_another_office_cannot_reach_it(amend_draft, outsider, client_for):
    draft, _client = amend_draft
    other = client_for(outsider)
    assert other.get(reverse("ordinances:amend", args=[draft.pk])).status_code == 404
    assert other.post(reverse("ordinances:amend", args=[draft.pk]), {}).status_code == 404
    url = reverse("exports:amending", args=[draft.pk, 1, "docx"])
    assert other.get(url).status_code == 404


def test_a_draft_that_amends_nothing_has_no_amend_page(
    library, drafter, client_for, model_spec_data
):
    from drafting.spec import parse_spec
    from ordinances import services

    draft = services.draft_create(
        organisation=drafter.membership.organisation,
        author=drafter,
        spec=parse_spec(model_spec_data),
    )
    client = client_for(drafter)
    assert client.get(reverse("ordinances:amend", args=[draft.pk])).status_code == 404
    url = reverse("exports:amending", args=[draft.pk, 1, "txt"])
    assert client.get(url).status_code == 404


def test_the_wizard_and_revision_page_work_on_an_amending_draft(amend_draft):
    draft, client = amend_draft
    for step in ("locality", "review"):
        response = client.get(reverse("ordinances:wizard", args=[draft.pk, step]))
        assert response.status_code == 200
    page = client.get(reverse("ordinances:revision_detail", args=[draft.pk, 1])).content.decode()
    assert "Sec. 2-14-030." in page
    detail = client.get(reverse("ordinances:draft_detail", args=[draft.pk])).content.decode()
    assert reverse("ordinances:amend", args=[draft.pk]) in detail
    compare = client.get(reverse("ordinances:compare"), {"old": "model", "new": f"{draft.pk}.1"})
    assert compare.status_code == 200


def test_edited_text_under_keep_is_asked_about_not_dropped(amend_draft):
    draft, client = amend_draft
    edited = "Sec. 2-14-040. Access to facilities.\nICE agents may not enter City jails."
    response = _decide(client, draft, **{"action-2": "keep", "text-2": edited})
    page = response.content.decode()
    assert response.status_code == 400
    assert "You edited the text of section 2-14-040" in page
    assert "ICE agents may not enter City jails." in page
    assert draft.latest_revision().number == 1


def test_a_chapter_at_the_size_limit_is_handled(library, drafter, client_for):
    client = client_for(drafter)
    sections = [
        f"Sec. 9-{n:03d}0. Provision {n}.\n(a) The Sheriff shall not honor a detainer "
        f"request number {n} from ICE. " + "The records shall be public. " * 30
        for n in range(1, 200)
    ]
    text = "\n\n".join(sections)
    assert 180_000 < len(text) <= 200_000
    response = _start(client, text=text)
    assert response.status_code == 302
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Sec. 9-1990." in page.content.decode()


def test_control_characters_from_a_pdf_copy_are_dropped(library, drafter, client_for):
    client = client_for(drafter)
    response = _start(client, text=CHAPTER.replace("\n\nSec. 2-14-040", "\n\x0c\nSec. 2-14-040"))
    assert response.status_code == 302


def test_a_stale_save_keeps_the_decisions_and_says_so(amend_draft):
    draft, client = amend_draft
    assert _decide(client, draft, **{"action-3": "repeal"}).status_code == 302
    edited = "Sec. 2-14-040. Access to facilities.\nICE agents may not enter City jails."
    data = {"base": "1", "action-2": "amend", "text-2": edited}
    response = client.post(reverse("ordinances:amend", args=[draft.pk]), data)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Saving again replaces the decisions of r2" in page
    assert "ICE agents may not enter City jails." in page
    assert draft.latest_revision().number == 2
