"""The public summary: "What this ordinance does" / "Lo que hace esta ordenanza"."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from drafting.spec import CURRENT_EDITION
from tests.factories import make_draft


@pytest.fixture
def revision(library, office, drafter):
    return make_draft(
        organisation=office, author=drafter, edition=CURRENT_EDITION
    ).latest_revision()


def _url(revision, name="public_summary", lang=""):
    url = reverse(f"exports:{name}", args=[revision.draft_id, revision.number])
    return url + (f"?lang={lang}" if lang else "")


@pytest.mark.django_db
def test_english_page_has_status_and_a_switch_to_spanish(client_for, drafter, revision):
    html = client_for(drafter).get(_url(revision)).content.decode()
    assert '<article class="public-summary" lang="en">' in html
    assert '<h1 class="h3">What this ordinance does</h1>' in html
    date = revision.created_at.date().isoformat()
    assert f"<strong>Draft — not adopted. Revision r1, {date}.</strong>" in html
    assert re.search(r'href="[^"]*\?lang=es" lang="es" hreflang="es">Leer en español</a>', html)
    assert "The report is published every quarter." in html


@pytest.mark.django_db
def test_spanish_page_is_marked_spanish(client_for, drafter, revision):
    html = client_for(drafter).get(_url(revision, lang="es")).content.decode()
    assert '<article class="public-summary" lang="es">' in html
    assert '<h1 class="h3">Lo que hace esta ordenanza</h1>' in html
    date = revision.created_at.date().isoformat()
    assert f"<strong>Borrador: no aprobado. Versión r1, {date}.</strong>" in html
    assert "El informe se publica cada trimestre." in html
    assert ">Read in English</a>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "What this ordinance does"), ("es", "Lo que hace esta ordenanza")],
)
def test_summary_pdf_is_one_page_in_its_language(client_for, drafter, revision, lang, heading):
    response = client_for(drafter).get(_url(revision, "public_summary_pdf", lang))
    assert response["Content-Disposition"].endswith(f'-r1-summary-{lang}.pdf"')
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert reader.pages[0].extract_text().splitlines()[0] == heading
    assert reader.trailer["/Root"]["/Lang"] == lang


@pytest.mark.django_db
def test_unknown_language_falls_back_to_english(client_for, drafter, revision):
    html = client_for(drafter).get(_url(revision, lang="xx")).content.decode()
    assert 'lang="en"' in html
