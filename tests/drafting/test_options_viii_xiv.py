"""Options of CPD sections VIII-XIV: each non-default choice prints its own text.

The default text of every section is checked word for word against the seed by
test_model_text.py; here each other choice is assembled with the model locality
and the sentence it produces is compared exactly.
"""

from functools import cache

from drafting.assembly import assemble
from drafting.document import Section
from drafting.library import read_edition
from drafting.render.text import section_text
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY, normalise

MODEL_LEAD = "Springfield shall publish on its public-facing website on a quarterly basis:"
MODEL_FIRST_MEETING = (
    "The Commission shall meet quarterly, beginning the second quarter of 2017, or the quarter "
    "after the Ordinance is signed into law."
)
MODEL_ITEM_A = (
    "Springfield shall establish a fund to provide legal representation for indigent immigrants "
    "in deportation proceedings in the immigration courts that serve residents of Springfield."
)


@cache
def _clauses():
    return read_edition("cpd-2017")


def _section(slug: str, options: dict | None = None, locality: dict | None = None) -> Section:
    spec = parse_spec(
        {"locality": {**MODEL_LOCALITY, **(locality or {})}, "options": options or {}}
    )
    document = assemble(_clauses(), spec)
    return next(section for section in document.sections if section.clause == slug)


def _text(section: Section) -> str:
    return normalise(section_text(section))


# -- X: record-keeping and transparency ---------------------------------------


def test_reporting_lead_sentence_default_is_the_model():
    assert _section("reporting").blocks[0].text == MODEL_LEAD


def test_reporting_cadence_semiannual_prints_every_six_months():
    section = _section("reporting", {"reporting_cadence": "semiannual"})
    assert section.blocks[0].text == (
        "Springfield shall publish on its public-facing website every six months:"
    )


def test_reporting_cadence_annual_prints_on_an_annual_basis():
    section = _section("reporting", {"reporting_cadence": "annual"})
    assert section.blocks[0].text == (
        "Springfield shall publish on its public-facing website on an annual basis:"
    )


def test_reporting_recipient_council_submits_and_places_on_the_agenda():
    section = _section("reporting", {"reporting_recipient": "website-and-council"})
    assert section.blocks[0].text == (
        "Springfield shall publish on its public-facing website, and submit to the City Council "
        "to be placed on the agenda of its next public meeting, on a quarterly basis:"
    )
    assert MODEL_LEAD not in _text(section)


def test_reporting_recipient_council_drops_a_leading_the_from_the_body():
    section = _section(
        "reporting",
        {"reporting_recipient": "website-and-council"},
        {"legislative_body": "the City Council"},
    )
    assert "submit to the City Council to be placed" in section.blocks[0].text


def test_reporting_officer_named_publishes_on_the_locality_website():
    section = _section("reporting", {"reporting_officer_named": "officer"})
    assert section.blocks[0].text == (
        "The City Clerk shall publish on the public-facing website of Springfield "
        "on a quarterly basis:"
    )
    assert MODEL_LEAD not in _text(section)


def test_reporting_options_combined_read_as_one_sentence():
    section = _section(
        "reporting",
        {
            "reporting_cadence": "semiannual",
            "reporting_recipient": "website-and-council",
            "reporting_officer_named": "officer",
        },
    )
    assert section.blocks[0].text == (
        "The City Clerk shall publish on the public-facing website of Springfield, and submit "
        "to the City Council to be placed on the agenda of its next public meeting, every six "
        "months:"
    )


def test_reporting_options_leave_the_items_alone():
    section = _section(
        "reporting",
        {"reporting_officer_named": "officer", "reporting_recipient": "website-and-council"},
    )
    assert [block.label for block in section.blocks] == ["", *(f"{c}." for c in "ABCDEFG"), ""]
    assert section.blocks[1:] == _section("reporting").blocks[1:]


def test_reporting_lead_capitalises_a_locality_starting_with_the():
    section = _section("reporting", locality={"name": "the City of Springfield"})
    assert section.blocks[0].text == (
        "The City of Springfield shall publish on its public-facing website on a quarterly basis:"
    )


# -- XI: language access ------------------------------------------------------


def test_language_thresholds_default_is_the_model():
    text = _text(_section("language-access"))
    assert text.count("5% of the population or 10,000 residents") == 1
    assert text.count("5% of the local population or 10,000 residents") == 1


def test_language_thresholds_print_in_both_places():
    section = _section(
        "language-access",
        {"language_threshold_percent": 3, "language_threshold_residents": 25000},
    )
    text = _text(section)
    assert (
        "shall employ sufficient bilingual employees to provide services in languages spoken by "
        "3% of the population or 25,000 residents."
    ) in text
    assert (
        "shall provide vital documents in languages spoken by 3% of the local population or "
        "25,000 residents."
    ) in text
    assert "5%" not in text
    assert "10,000" not in text


def test_language_threshold_residents_groups_thousands():
    section = _section("language-access", {"language_threshold_residents": 1500000})
    assert _text(section).count("or 1,500,000 residents") == 2


def test_compliance_plan_default_is_annual_to_the_legislative_body():
    assert (
        "Agencies and offices must submit a compliance plan to the City Council on an annual "
        "basis. Furthermore,"
    ) in _text(_section("language-access"))


# -- XII: access to representation --------------------------------------------


def test_representation_eligibility_default_is_the_model():
    assert _section("legal-representation").blocks[0].text == MODEL_ITEM_A


def test_representation_eligibility_no_criminal_record_bar_extends_item_a():
    section = _section(
        "legal-representation", {"representation_eligibility": "no-criminal-record-bar"}
    )
    assert section.blocks[0].text == (
        f"{MODEL_ITEM_A} Eligibility for legal representation through this fund shall be "
        "determined on the basis of financial need. Eligibility shall not be restricted on the "
        "basis of an individual’s criminal record."
    )
    assert [block.label for block in section.blocks] == ["A.", "B."]


# -- XIII: the commission -----------------------------------------------------


def test_commission_first_meeting_default_is_the_model():
    assert _section("commission").blocks[-1].text == MODEL_FIRST_MEETING


def test_commission_first_meeting_after_enactment_drops_2017():
    section = _section("commission", {"commission_first_meeting": "after-enactment"})
    assert section.blocks[-1].text == (
        "The Commission shall meet quarterly, beginning the quarter after the Ordinance is "
        "signed into law."
    )
    assert "2017" not in _text(section)


def test_commission_departments_stay_as_in_the_model():
    section = _section("commission", {"commission_first_meeting": "after-enactment"})
    departments = [block.text for block in section.blocks if block.kind == "bullet"]
    assert departments == [
        "Human Service",
        "Public Safety",
        "Prosecutor’s Office",
        "Sheriff",
        "Superintendent of Schools",
    ]
