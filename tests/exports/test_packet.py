"""The council packet: one PDF, a bookmark per part at the right page, each part's first
page headed as it should be; the staff report as .docx; the previous reading chosen."""

import io
import subprocess

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from drafting.render.packet import COMPLIANCE, ORDINANCE, REDLINE, STAFF_REPORT
from drafting.spec import CURRENT_EDITION
from tests.exports.test_jobs import broker, celery_worker_process  # noqa: F401 (fixtures)
from tests.factories import add_revision, make_draft


@pytest.fixture
def readings(library, office, drafter):
    """r1 reports quarterly; r2 every six months (the previous reading is r1)."""
    draft = make_draft(organisation=office, author=drafter, edition=CURRENT_EDITION)
    return draft, add_revision(
        draft, author=drafter, edition=CURRENT_EDITION, options={"reporting_cadence": "semiannual"}
    )


def _outline(data: bytes) -> list[tuple[str, int]]:
    reader = PdfReader(io.BytesIO(data))
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]


def _first_line(data: bytes, page: int) -> str:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return lines[0]


def _page_line(data: bytes, page: int, number: int) -> str:
    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()][number]


@pytest.mark.django_db
def test_packet_has_four_bookmarked_parts_with_their_headings(client_for, drafter, readings):
    draft, revision = readings
    response = client_for(drafter).get(reverse("exports:packet", args=[draft.pk, 2]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="springfield-justice-and-equity-ordinance-r2-council-packet.pdf"'
    )
    data = response.content
    outline = _outline(data)
    assert [title for title, _ in outline] == [STAFF_REPORT, ORDINANCE, REDLINE, COMPLIANCE]
    pages = [page for _, page in outline]
    assert pages[0] == 1
    assert pages == sorted(pages) and len(set(pages)) == 4
    assert len(PdfReader(io.BytesIO(data)).pages) > pages[-1] - 1
    staff, ordinance, redline, compliance = pages
    assert _first_line(data, staff) == "Staff Report: Justice and Equity Ordinance"
    assert _page_line(data, ordinance, 1) == "1 ORDINANCE NO. ____"
    assert _page_line(data, redline, 1) == "1 Redline: r1 → r2"
    assert _first_line(data, compliance) == "Compliance report: Justice and Equity Ordinance"
    # the part before each bookmark ends where the next begins
    assert _first_line(data, ordinance - 1) != _first_line(data, ordinance)


@pytest.mark.django_db
def test_staff_report_says_what_changed_since_the_previous_reading(client_for, drafter, readings):
    draft, _ = readings
    response = client_for(drafter).get(reverse("exports:staff_report", args=[draft.pk, 2]))
    assert response["Content-Disposition"].endswith('-r2-staff-report.docx"')
    document = docx.Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "What the ordinance does",
        "Options chosen and why they matter",
        "8 U.S.C. § 1373",
        "State law",
        "Protectiveness scorecard",
        "Changes since the previous reading",
    ]
    texts = [p.text for p in document.paragraphs]
    assert "–\tReporting cadence: every quarter → every six months" in texts
    assert texts[0] == "Staff Report: Justice and Equity Ordinance"
    assert document.paragraphs[0].style.name == "Title"
    assert any(t.startswith("–\tX) RECORD-KEEPING AND TRANSPARENCY: ") for t in texts)
    assert "The report is published every six months." in "\n".join(texts)
    assert document.tables[0].rows[0].cells[0].text == "Criterion"


@pytest.mark.django_db
def test_packet_without_a_previous_reading_has_three_parts(client_for, drafter, readings):
    draft, _ = readings
    url = reverse("exports:packet", args=[draft.pk, 2]) + "?previous=0"
    outline = _outline(client_for(drafter).get(url).content)
    assert [title for title, _ in outline] == [STAFF_REPORT, ORDINANCE, COMPLIANCE]


@pytest.mark.django_db
def test_packet_of_another_office_is_not_found(client_for, outsider, readings):
    draft, _ = readings
    for name in ("packet", "staff_report", "public_summary", "public_summary_pdf"):
        response = client_for(outsider).get(reverse(f"exports:{name}", args=[draft.pk, 2]))
        assert response.status_code == 404, name


@pytest.mark.django_db
def test_packet_is_queued_like_the_pdf_with_a_broker(
    client_for, drafter, readings, settings, monkeypatch
):
    from exports import packet

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    queued = []
    monkeypatch.setattr(
        packet,
        "packet_job",
        lambda revision, previous: queued.append((revision.number, previous.number)) or "queued",
    )
    draft, _ = readings
    response = client_for(drafter).get(reverse("exports:packet", args=[draft.pk, 2]))
    assert response.status_code == 202
    assert queued == [(2, 1)]
    assert b"Council packet (PDF) of r2" in response.content


@pytest.mark.django_db
@pytest.mark.usefixtures("broker")
def test_packet_through_a_real_worker_has_the_same_parts(client_for, drafter, readings):
    """Queued like the PDF: 202 with an HTMX-polled status, then the file from the cache."""
    import re
    import time

    draft, _ = readings
    client = client_for(drafter)
    download = reverse("exports:packet", args=[draft.pk, 2])
    status = reverse("exports:packet_status", args=[draft.pk, 2]) + "?previous=1"
    first = client.get(download)
    assert first.status_code == 202
    assert f'hx-get="{status}"' in first.content.decode()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fragment = client.get(status, HTTP_HX_REQUEST="true").content.decode()
        assert "could not be made" not in fragment
        if "Your file is ready" in fragment:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the worker did not finish the packet in 120 s")
    assert re.search(r'href="[^"]*packet\.pdf\?previous=1"', fragment)
    response = client.get(download)
    assert response.status_code == 200
    assert [title for title, _ in _outline(response.content)] == [
        STAFF_REPORT,
        ORDINANCE,
        REDLINE,
        COMPLIANCE,
    ]


@pytest.mark.django_db
def test_1373_error_stops_the_packet_until_export_anyway_is_recorded(
    client_for, drafter, readings, monkeypatch
):
    from exports import services
    from exports.models import ExportOverride
    from tests.factories import fake_lint, status_sharing_error

    monkeypatch.setattr(services, "lint_for_export", fake_lint(status_sharing_error()))
    draft, _ = readings
    client = client_for(drafter)
    packet = reverse("exports:packet", args=[draft.pk, 2])
    response = client.get(packet)
    assert response.status_code == 409
    anyway = reverse("exports:packet_anyway", args=[draft.pk, 2]) + "?previous=1"
    assert f'action="{anyway}"' in response.content.decode()
    assert "Export anyway (Council packet (PDF))" in response.content.decode()
    response = client.post(anyway, {"reason": "Counsel reviewed"})
    assert response["Location"] == packet + "?previous=1"
    assert ExportOverride.objects.get().rules == ["1373-status-sharing"]
    assert client.get(packet + "?previous=1").status_code == 200
