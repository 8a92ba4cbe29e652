"""The plain-language clause summaries: library data that must cover the current edition."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from drafting.assembly import assemble
from drafting.library import read_edition
from drafting.spec import CURRENT_EDITION, parse_spec
from drafting.summaries import (
    check_edition,
    document_summaries,
    public_summary,
    read_summaries,
)
from tests.factories import spec_data

pytestmark = pytest.mark.unit


def _draft(**options):
    spec = parse_spec(spec_data(edition=CURRENT_EDITION, options=options))
    clauses = read_edition(CURRENT_EDITION)
    return assemble(clauses, spec), clauses, spec


def test_every_clause_of_the_current_edition_has_a_summary_in_both_languages():
    summaries = read_summaries()
    clauses = read_edition(CURRENT_EDITION)
    assert check_edition(summaries, clauses) == []
    for clause in clauses:
        entry = summaries.for_version(clause.slug, clause.version)
        assert entry.summary.en and entry.summary.es, clause.slug
        assert entry.first <= clause.version <= entry.last


def test_a_new_clause_version_is_refused_until_its_summary_is_reread():
    clauses = read_edition(CURRENT_EDITION)
    changed = [
        dataclasses.replace(c, version=c.version + 1) if c.slug == "privacy" else c for c in clauses
    ]
    assert check_edition(read_summaries(), changed) == [
        "privacy v3: no summary covers this version (the newest covers v2; re-read the clause "
        "and extend or add an entry)"
    ]


def test_detainer_summary_follows_the_warrant_standard_and_carve_out():
    document, clauses, spec = _draft(
        warrant_standard="judicial", carve_outs=["serious-felony"], felony_lookback_years=5
    )
    detainers = next(
        s
        for s in document_summaries(document, clauses, spec.options, read_summaries())
        if s.slug == "detainers"
    )
    assert detainers.section == "II) C. Immigration detainers and administrative warrants"
    assert detainers.text == (
        "Local officials may not honor ICE, CBP or USCIS detainer requests or administrative "
        "warrants, or hold anyone because of one. Any such request goes to the chief law "
        "enforcement officer, and no one is held because of it without that officer's approval. "
        "The only exception is a valid judicial warrant (defined in the measure as a warrant "
        "based on probable cause and issued by an Article III judge or a federal magistrate "
        "judge). Exception: a detainer may be "
        "honored for a person convicted of a serious or violent felony within 5 years of the "
        "request, but only with a judicial warrant."
    )
    assert detainers.written_against == "v2"


def test_spanish_summary_fills_numbers_the_spanish_way():
    document, clauses, spec = _draft(reporting_cadence="annual")
    by_slug = {
        s.slug: s
        for s in document_summaries(document, clauses, spec.options, read_summaries(), "es")
    }
    assert by_slug["reporting"].text.endswith("El informe se publica una vez al año.")
    assert "el 5\u00a0% de los residentes o 10\u00a0000 residentes" in by_slug["advisory"].text


def test_public_summary_names_the_draft_status_and_date():
    document, clauses, spec = _draft()
    summary = public_summary(
        document,
        clauses,
        spec.options,
        read_summaries(),
        language="es",
        revision="r3",
        date=dt.date(2026, 11, 30),
    )
    assert (summary.heading, summary.status) == (
        "Lo que hace esta ordenanza",
        "Borrador: no aprobado. Versión r3, 2026-11-30.",
    )
    assert summary.switch == "Read in English"
    assert "title" not in [item.slug for item in summary.items]


def test_an_edited_clause_and_an_own_section_say_what_the_summary_covers():
    from drafting.spec import load_spec

    path = Path(__file__).resolve().parents[2] / "examples" / "springfield-own-words.json"
    spec = load_spec(path.read_text(encoding="utf-8"))
    clauses = read_edition(spec.edition)
    document = assemble(clauses, spec)
    edited = [edit.clause for edit in spec.words.edits]
    items = {
        s.slug: s
        for s in document_summaries(
            document, clauses, spec.options, read_summaries(), "es", edited=edited
        )
    }
    assert items["severability"].text == (
        "Si un tribunal declara inválida una parte de la medida, el resto sigue vigente. "
        "(Este borrador cambia el texto de esta parte; el resumen describe el texto modelo.)"
    )
    liaison = items["community-liaison"]
    assert liaison.text == (
        "Sección propia de este borrador: no hay resumen en lenguaje sencillo; lea su texto."
    )
    assert liaison.label == "XIV) COMMUNITY LIAISON"
