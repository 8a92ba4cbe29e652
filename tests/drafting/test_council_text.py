"""The current edition reads as a careful drafter wrote it: the exact sentences a city
attorney reads, for each kind of locality, instrument and option (issue 15)."""

from __future__ import annotations

from functools import cache

import pytest

from drafting.assembly import assemble
from drafting.library import read_edition
from drafting.render.text import render_text, section_text
from drafting.spec import CURRENT_EDITION, SpecError, parse_spec

SPRINGFIELD = {
    "name": "the City of Springfield",
    "type": "city",
    "state": "Illinois",
    "legislative_body": "City Council",
    "chief_law_enforcement_officer": "Chief of Police",
    "complaint_body": "Springfield Human Relations Commission",
    "commission_coordinator": "the Office of the Mayor",
    "reporting_officer": "City Clerk",
}
COOK = {
    **SPRINGFIELD,
    "name": "Cook County",
    "type": "county",
    "legislative_body": "Board of Commissioners",
    "chief_law_enforcement_officer": "Sheriff",
}


@cache
def _clauses():
    return read_edition(CURRENT_EDITION)


def _document(locality=None, *, numbering="cpd", clauses=None, **options):
    data = {"locality": locality or SPRINGFIELD, "numbering": numbering, "options": options}
    if clauses is not None:
        data["clauses"] = clauses
    return assemble(_clauses(), parse_spec(data))


def _sentences(document, slug):
    text = " ".join(section_text(document.section(slug)).split("\n"))
    return text


def test_a_spec_naming_no_edition_gets_the_current_edition():
    spec = parse_spec({"locality": SPRINGFIELD})
    assert (spec.edition, CURRENT_EDITION) == ("cpd-2026-council", "cpd-2026-council")


def test_the_locality_takes_its_article_as_an_officer_of_it():
    text = _sentences(_document(), "bias-profiling")
    assert "A. No officer, employee, agent, or law enforcement agency of the City of " in text
    assert "Springfield shall rely to any degree" in text


def test_detainer_item_holds_in_the_custody_of_the_locality_with_the_chiefs_approval():
    text = _sentences(_document(), "civil-enforcement")
    assert (
        "Any such request received by the City of Springfield should be sent to the Chief of "
        "Police for review. No individual shall be held in the custody of the City of Springfield "
        "due to the receipt of such a request or warrant without the approval of the Chief of "
        "Police;"
    ) in text


def test_a_county_takes_no_article_and_its_sheriff_does():
    text = _sentences(_document(COOK), "civil-enforcement")
    assert "Any such request received by Cook County should be sent to the Sheriff for review." in (
        text
    )
    assert "Specifically, the County and its agents shall not:" in text


def test_complaint_body_takes_its_article():
    text = _sentences(_document(), "bias-profiling")
    assert "may file a complaint with the Springfield Human Relations Commission or bring" in text


def test_complaint_only_heading_and_items_speak_of_a_complaint():
    section = _document(private_right_of_action="complaint-only").section("bias-profiling")
    assert section.title == "VI) BIAS-BASED PROFILING PROHIBITED—COMPLAINTS"
    text = section_text(section)
    assert "when an individual demonstrates in a complaint under this section that:" in text
    assert "brings an action" not in text and "bring an action" not in text


def test_commission_starts_after_the_ordinance_takes_effect_not_in_2017():
    text = _sentences(_document(), "commission")
    assert (
        "The Commission shall meet quarterly, beginning the first full quarter after this "
        "ordinance takes effect."
    ) in text


def test_carve_outs_and_notification_rule_end_with_one_stop_and_one_semicolon():
    document = _document(
        carve_outs=["serious-felony"],
        felony_lookback_years=1,
        notification_requests="judicial-warrant-violent-felony",
    )
    text = _sentences(document, "civil-enforcement")
    assert (
        "without the approval of the Chief of Police. Notwithstanding the foregoing, an "
        "immigration detainer request may be honored for an individual who has been convicted of "
        "a serious or violent felony within one (1) year of the request, but only where the "
        "request is accompanied by a judicial warrant. Notice of an individual’s pending release "
        "shall not be provided to ICE/CBP/USCIS unless such person is being released from "
        "conviction for a first or second degree felony involving violence and the request is "
        "supported by a judicial warrant;"
    ) in text


def test_one_notice_language_is_the_most_commonly_spoken_language():
    text = _sentences(_document(notice_languages=1, meeting_notice_days=1), "civil-enforcement")
    assert "with at least 1 day’s notice to provide information" in text
    assert "in the most commonly spoken language in the City of Springfield;" in text


def test_judicial_criminal_warrant_is_defined_when_the_text_requires_one():
    definitions = section_text(_document().section("definitions"))
    assert (
        "“Judicial criminal warrant” means a criminal warrant issued upon a judicial "
        "determination of probable cause and in compliance with the requirements of the Fourth "
        "Amendment to the U.S. Constitution."
    ) in definitions


def test_reporting_item_on_u_visas_goes_when_the_u_visa_section_does():
    every = [c.slug for c in _clauses() if c.model or c.kind == "title"]
    without = _document(clauses=[s for s in every if s != "u-visa"]).section("reporting")
    items = [b for b in without.blocks if b.label]
    assert [b.label for b in items] == ["A.", "B.", "C.", "D.", "E.", "F."]
    assert items[-1].text.endswith("to whom ICE/CBP/USCIS was provided access.")


def test_cross_references_read_as_statutes_write_them_in_section_numbering():
    text = _sentences(_document(numbering="section"), "reporting")
    assert (
        "(c) The date on which any requests of the type enumerated in subsections (a) and (b) of "
        "this section were received;"
    ) in text
    cpd = _sentences(_document(), "reporting")
    assert "enumerated in subsections A and B of this Section were received;" in cpd


@pytest.mark.parametrize(
    ("instrument", "extra", "number_line", "title", "enacting", "self_reference"),
    [
        (
            "ordinance",
            {},
            "ORDINANCE NO. ____",
            "Justice and Equity Ordinance",
            "BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:",
            "as required by this ordinance",
        ),
        (
            "bylaw",
            {"name": "Amherst", "type": "town", "legislative_body": "Town Meeting"},
            "ARTICLE ____",
            "Justice and Equity Bylaw",
            "BE IT ENACTED BY THE TOWN MEETING OF THE TOWN OF AMHERST:",
            "as required by this bylaw",
        ),
        (
            "resolution",
            {},
            "RESOLUTION NO. ____",
            "Justice and Equity Resolution",
            "BE IT RESOLVED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:",
            "as required by this resolution",
        ),
        (
            "executive-order",
            {"executive": "Mayor"},
            "EXECUTIVE ORDER NO. ____",
            "Justice and Equity Executive Order",
            "I, THE MAYOR OF THE CITY OF SPRINGFIELD, BY THE AUTHORITY VESTED IN ME, HEREBY ORDER:",
            "as required by this order",
        ),
        (
            "policy",
            {},
            "POLICY NO. ____",
            "Justice and Equity Policy",
            "THE CHIEF OF POLICE OF THE CITY OF SPRINGFIELD HEREBY ADOPTS THE FOLLOWING POLICY:",
            "as required by this policy",
        ),
    ],
)
def test_instrument_heads_enacts_and_names_itself(
    instrument, extra, number_line, title, enacting, self_reference
):
    document = _document({**SPRINGFIELD, "instrument": instrument, **extra})
    lines = render_text(document).split("\n")
    assert lines[:3] == [number_line, title, enacting]
    assert self_reference in section_text(document.section("language-access"))


def test_resolution_after_recitals_says_now_therefore():
    every = [c.slug for c in _clauses() if c.model or c.kind == "title"]
    document = _document({**SPRINGFIELD, "instrument": "resolution"}, clauses=["findings", *every])
    findings = section_text(document.section("findings")).split("\n")
    assert findings[-1] == (
        "NOW, THEREFORE, BE IT RESOLVED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:"
    )
    assert "by means of this resolution, the City of Springfield joins" in findings[-2]


def test_an_executive_order_needs_its_executive():
    with pytest.raises(SpecError) as caught:
        parse_spec({"locality": {**SPRINGFIELD, "instrument": "executive-order"}})
    assert caught.value.problems == {
        "locality.executive": "Executive is required for an executive order (e.g. “Mayor”)."
    }


def test_an_older_spec_keeps_its_shape():
    spec = parse_spec({"locality": SPRINGFIELD})
    assert "instrument" not in spec.as_dict()["locality"]
    assert parse_spec(spec.as_dict()) == spec


def test_a_name_typed_with_or_without_the_formal_words_reads_the_same():
    typed = {"the City of Springfield", "City of Springfield", "Springfield"}
    texts = {
        _sentences(_document({**SPRINGFIELD, "name": name}), "civil-enforcement") for name in typed
    }
    assert len(texts) == 1
