"""State law as write-once library rows: loading, versions, the library pages, needs review."""

from __future__ import annotations

import dataclasses
import datetime as dt

import lxml.html
import pytest
from django.urls import reverse

from clauses.loader import load_library
from clauses.state_law import StaleNote, load_state_law, stale_notes, state_law_for
from clauses.state_law_models import FederalContextVersion, StateLaw, StateLawVersion
from common.models import ImmutableError
from drafting.federal_context import read_federal_context
from drafting.state_law import find_entry, read_state_law
from tests.factories import make_member

OLD = dt.date(2025, 6, 1)


def _reload_with(entry):
    """Load the files' entries with `entry` in place of its state's."""
    entries = [entry if e.postal == entry.postal else e for e in read_state_law()]
    return load_state_law(entries)


@pytest.mark.django_db
def test_load_library_loads_all_51_jurisdictions_once(library):
    assert StateLaw.objects.count() == 51
    assert StateLawVersion.objects.count() == 51
    assert FederalContextVersion.objects.count() == 1
    assert load_library().created_law == []
    assert StateLawVersion.objects.count() == 51
    assert state_law_for("Tex.").headline().startswith("Texas law forbids")


@pytest.mark.django_db
def test_a_changed_entry_becomes_a_new_version_and_the_old_one_stays(library):
    texas = find_entry(read_state_law(), "TX")
    changed = dataclasses.replace(texas, penalties="Fines.", recorded=dt.date(2026, 12, 1))
    assert _reload_with(changed) == ["state law TX v2"]
    versions = StateLawVersion.objects.filter(entry__postal="TX").order_by("number")
    assert [(v.number, v.recorded) for v in versions] == [
        (1, dt.date(2026, 11, 30)),
        (2, dt.date(2026, 12, 1)),
    ]
    assert versions[0].content() == texas
    assert state_law_for("TX").penalties == "Fines."
    assert _reload_with(changed) == []


@pytest.mark.django_db
def test_saved_versions_never_change(library):
    version = StateLawVersion.objects.get(entry__postal="CA")
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError):
        StateLawVersion.objects.filter(pk=version.pk).update(stance="preempts")
    with pytest.raises(ImmutableError):
        version.delete()


@pytest.mark.django_db
def test_the_list_page_shows_every_entry(client_for, drafter, library):
    page = client_for(drafter).get(reverse("clauses:state_law_list"))
    assert page.status_code == 200
    html = lxml.html.fromstring(page.content)
    rows = html.xpath('//table[@id="state-law-table"]/tbody/tr')
    assert len(rows) == 51
    texas = [" ".join(c.text_content().split()) for c in html.xpath('//tr[@id="state-tx"]/*')]
    assert texas == [
        "Texas TX",
        "preempts local limits",
        "2026-11-30",
        "2026-11-30",
        "Tex. Gov't Code ch. 752, subch. C (§§ 752.051-752.057); Tex. Code Crim. Proc. art. "
        "2.251; Tex. Gov't Code ch. 753",
    ]
    alaska = [c.text_content().strip() for c in html.xpath('//tr[@id="state-ak"]/td')]
    assert alaska == ["no state statute found", "2026-11-30", "2026-11-30", "No statute found"]
    assert "needs review" not in page.content.decode()
    assert "Federal context" in page.content.decode()


@pytest.mark.django_db
def test_the_state_page_shows_the_entry_its_sources_and_its_versions(client_for, drafter, library):
    texas = find_entry(read_state_law(), "TX")
    _reload_with(dataclasses.replace(texas, penalties="Fines."))
    client = client_for(drafter)
    page = client.get(reverse("clauses:state_law_detail", args=["tx"]))
    html = lxml.html.fromstring(page.content)
    assert html.xpath('//*[@id="state-law-headline"]')[0].text_content() == texas.headline()
    sources = [a.get("href") for a in html.xpath('//ul[contains(@class, "state-law-sources")]//a')]
    assert sources == [s.url for s in texas.sources]
    versions = [
        " ".join(li.text_content().split())
        for li in html.xpath('//ul[contains(@class, "state-law-versions")]/li')
    ]
    assert [v.split(":")[0] for v in versions] == ["Version 2", "Version 1"]
    old = client.get(reverse("clauses:state_law_detail", args=["TX"]) + "?version=1")
    assert texas.penalties in old.content.decode()
    assert client.get(reverse("clauses:state_law_detail", args=["ZZ"])).status_code == 404
    assert (
        client.get(reverse("clauses:state_law_detail", args=["tx"]) + "?version=9").status_code
        == 404
    )


@pytest.mark.django_db
def test_needs_review_shows_to_library_editors_only(client_for, office, drafter, library):
    editor = make_member(office, "edna", editor=True)
    texas = find_entry(read_state_law(), "TX")
    _reload_with(dataclasses.replace(texas, recorded=OLD))
    assert stale_notes(dt.date(2026, 11, 30)) == [StaleNote("Texas", OLD, "TX")]
    for user, shown in ((editor, True), (drafter, False)):
        client = client_for(user)
        listing = client.get(reverse("clauses:state_law_list")).content.decode()
        detail = client.get(reverse("clauses:state_law_detail", args=["tx"])).content.decode()
        editions = lxml.html.fromstring(client.get(reverse("clauses:edition_list")).content)
        assert ("needs review" in listing) is shown
        assert ("needs review" in detail) is shown
        review = editions.xpath('//*[@id="needs-review"]//li')
        assert [" ".join(li.text_content().split()) for li in review] == (
            ["Texas: recorded 2025-06-01 needs review"] if shown else []
        )


@pytest.mark.django_db
def test_stale_federal_context_is_listed_too(library):
    context = dataclasses.replace(read_federal_context(), recorded=OLD)
    load_state_law(read_state_law(), context)
    assert [(n.title, n.recorded) for n in stale_notes(dt.date(2026, 11, 30))] == [
        ("Federal context notes", OLD)
    ]
