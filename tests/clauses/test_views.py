"""The library browser."""

import pytest
from django.urls import reverse

from drafting.library import read_library


@pytest.mark.django_db
def test_library_needs_sign_in(client, library):
    response = client.get(reverse("clauses:index"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_library_lists_every_clause_by_topic(client_for, drafter, library):
    page = client_for(drafter).get(reverse("clauses:index")).content.decode()
    for clause in read_library():
        assert f"/library/clauses/{clause.slug}/" in page
    assert "Detainers and warrants" in page


@pytest.mark.django_db
def test_model_view_shows_every_cpd_section(client_for, drafter, library):
    page = client_for(drafter).get(reverse("clauses:model")).content.decode()
    headings = [
        "DEFINITIONS",
        "CIVIL IMMIGRATION ENFORCEMENT – FEDERAL RESPONSIBILITY",
        "FAIR PUNISHMENT—PROSECUTORIAL DISCRETION",
        "ADVISORY",
        "REQUESTING INFORMATION PROHIBITED",
        "BIAS-BASED PROFILING PROHIBITED—PRIVATE RIGHT OF ACTION ESTABLISHED",
        "PROTECTING IMMIGRANT VICTIMS OF CRIME AND ENHANCING TRUST IN LAW ENFORCEMENT",
        "NON-DISCRIMINATION AND EQUAL APPLICATION OF THE LAW",
        "PRIVACY",
        "RECORD-KEEPING AND TRANSPARENCY",
        "LANGUAGE ACCESS",
        "ACCESS TO REPRESENTATION IN IMMIGRATION PROCEEDINGS; "
        "ENGLISH CLASSES AND CITIZENSHIP SERVICES",
        "JUSTICE AND EQUITY COMMISSION ESTABLISHED",
        "SEVERABILITY",
    ]
    roman = "I II III IV V VI VII VIII IX X XI XII XIII XIV".split()
    for number, heading in zip(roman, headings, strict=True):
        assert f'<span class="section-label">{number})</span> {heading}' in page
    assert "[LOCALITY]" in page


@pytest.mark.django_db
def test_clause_page_shows_options_guidance_sources_and_corrections(client_for, drafter, library):
    page = client_for(drafter).get(reverse("clauses:clause_detail", args=["detainers"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Warrant standard for detainers and facility access" in text
    assert "Judicial criminal warrant (CPD model; strongest)" in text
    assert "Detainer Discretion Policies" in text
    assert "“CPB”" in text and "transposition" in text


@pytest.mark.django_db
def test_unknown_clause_is_404(client_for, drafter, library):
    response = client_for(drafter).get(reverse("clauses:clause_detail", args=["nope"]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_clause_page_shows_its_plain_language_summary_and_what_it_was_written_against(
    client_for, drafter, library
):
    client = client_for(drafter)
    url = reverse("clauses:clause_detail", args=["severability"])
    page = client.get(url + "?version=2").content.decode()
    assert "Written against v2 of this clause" in page
    assert (
        '<dd lang="es">Si un tribunal declara inválida una parte de la medida, '
        "el resto sigue vigente.</dd>"
    ) in page
    older = client.get(url + "?version=1").content.decode()
    assert "No plain-language summary is recorded for version 1 of this clause." in older
