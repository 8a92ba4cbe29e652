"""Options of CPD Sections III–VII: each non-default choice changes exactly the text it should."""

from __future__ import annotations

import pytest

from drafting.assembly import AssemblyError, assemble
from drafting.document import Section
from drafting.library import read_edition
from drafting.render.text import section_text
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY, normalise


def _section(slug: str, **options) -> Section:
    spec = parse_spec({"locality": MODEL_LOCALITY, "options": options})
    section = assemble(read_edition("cpd-2017"), spec).section(slug)
    assert section is not None, slug
    return section


def _text(slug: str, **options) -> str:
    return normalise(section_text(_section(slug, **options)))


def _blocks(slug: str, **options) -> list[str]:
    return [f"{b.label} {b.text}".strip() for b in _section(slug, **options).blocks]


# -- III: prosecutorial discretion ------------------------------------------------

III_MODEL = (
    "Prosecutors may use their discretion to deviate from general practice in deciding whether "
    "and how to prosecute, settle, or otherwise dispose of any case in which adherence to general "
    "practice may, because of factors related to a defendant’s immigration status, result in an "
    "unjust or inequitable outcome."
)
III_SENTENCING = (
    "Prosecutors may agree to a sentence of 364 days or less to avoid an aggravated felony if the "
    "person is otherwise eligible for probation since a court is permitted to limit the number of "
    "days served in local custody as a condition of probation to enable a defendant to avoid "
    "deportation, if doing so is consistent with the primary consideration in granting probation. "
    "Prosecutors may agree to a maximum sentence of no more than 180 days on a crime of moral "
    "turpitude to enable a defendant to come within the petty offense exception to "
    "inadmissibility where a sentence within that range is otherwise appropriate."
)


def test_default_prosecutorial_discretion_has_no_sentencing_paragraph():
    blocks = _blocks("prosecutorial-discretion")
    assert len(blocks) == 1
    assert blocks[0].endswith(III_MODEL)
    assert "364 days" not in _text("prosecutorial-discretion")


def test_with_sentencing_adds_its_own_paragraph_after_the_model_text():
    blocks = _blocks("prosecutorial-discretion", sentencing_options="with-sentencing")
    assert len(blocks) == 2
    assert blocks[0].endswith(III_MODEL)
    assert blocks[1] == III_SENTENCING
    assert (
        _section("prosecutorial-discretion", sentencing_options="with-sentencing").blocks[1].kind
        == "paragraph"
    )


# -- IV: advisory -------------------------------------------------------------------


def test_default_consent_form_thresholds():
    assert (
        "The written consent form shall be available in English, Spanish, and any other language "
        "spoken by 5% of the local population or 10,000 residents."
    ) in _text("advisory")


@pytest.mark.parametrize(
    ("percent", "residents", "printed"),
    [
        (3, 25000, "spoken by 3% of the local population or 25,000 residents."),
        (10, 500, "spoken by 10% of the local population or 500 residents."),
        (1, 1234567, "spoken by 1% of the local population or 1,234,567 residents."),
    ],
)
def test_consent_form_thresholds_are_printed_with_thousands_separators(percent, residents, printed):
    text = _text(
        "advisory",
        consent_form_language_percent=percent,
        consent_form_language_residents=residents,
    )
    assert (
        "The written consent form shall be available in English, Spanish, and any other language "
        + printed
    ) in text
    assert "5% of the local population" not in text
    assert "10,000 residents" not in text


@pytest.mark.parametrize(
    "options",
    [{"consent_form_language_percent": 0}, {"consent_form_language_percent": 101}],
)
def test_consent_form_percent_is_bounded(options):
    with pytest.raises(AssemblyError):
        _section("advisory", **options)


# -- V: requesting information prohibited --------------------------------------------

V_MODEL = (
    "No agent, employee or agency within Springfield shall inquire about or request information "
    "about or otherwise investigate the citizenship or immigration status of any person unless "
    "such inquiry or investigation is required by state or federal law or regulation or "
    "directive or court order."
)
V_BIRTHPLACE = (
    "No agent, employee or agency within Springfield shall inquire about or request information "
    "about or otherwise investigate the citizenship or immigration status or place of birth of "
    "any person unless such inquiry or investigation is required by state or federal law or "
    "regulation or directive or court order."
)


def test_default_inquiry_scope_is_status_only():
    assert _blocks("no-status-inquiry") == [V_MODEL]


def test_status_and_birthplace_also_covers_place_of_birth():
    assert _blocks("no-status-inquiry", inquiry_scope="status-and-birthplace") == [V_BIRTHPLACE]
    assert V_MODEL not in _text("no-status-inquiry", inquiry_scope="status-and-birthplace")


# -- VI: bias-based profiling ---------------------------------------------------------

VI_D_MODEL = (
    "An individual subject to bias-based profiling as defined in this section may file a "
    "complaint with Human Relations Commission or bring a civil action against (i) any "
    "governmental body that employs any law enforcement officer who has engaged, is engaging, or "
    "continues to engage in bias-based profiling, (ii) any law enforcement officer who has "
    "engaged, is engaging, or continues to engage in bias-based profiling, and (iii) the police "
    "department where it has engaged, is engaging, or continues to engage in bias-based "
    "profiling or policies or practices that have the effect of bias-based profiling."
)
VI_D_COMPLAINT = (
    "An individual subject to bias-based profiling as defined in this section may file a "
    "complaint with Human Relations Commission."
)
VI_E_FEES = (
    "In any action or proceeding to enforce this section, the court may allow a prevailing "
    "plaintiff reasonable attorney’s fees as part of the costs, and may include expert fees as "
    "part of the attorney’s fees."
)


def _first_level(slug: str, **options) -> list[str]:
    return [f"{b.label} {b.text}" for b in _section(slug, **options).blocks if b.level == 1]


def test_default_bias_profiling_has_the_private_right_of_action():
    items = _first_level("bias-profiling")
    assert [item.split(" ", 1)[0] for item in items] == ["A.", "B.", "C.", "D.", "E.", "F."]
    assert items[3] == f"D. {VI_D_MODEL}"
    assert items[4] == f"E. {VI_E_FEES}"
    assert items[5].startswith("F. Preservation of rights.")


def test_complaint_only_keeps_the_complaint_and_drops_the_civil_action_and_fees():
    items = _first_level("bias-profiling", private_right_of_action="complaint-only")
    assert [item.split(" ", 1)[0] for item in items] == ["A.", "B.", "C.", "D.", "E."]
    assert items[0].startswith("A. No Springfield officer, employee, agent, or law enforcement")
    assert items[3] == f"D. {VI_D_COMPLAINT}"
    assert items[4].startswith("E. Preservation of rights.")
    text = _text("bias-profiling", private_right_of_action="complaint-only")
    assert "bring a civil action" not in text
    assert VI_E_FEES not in text
    # The claim standards (B and C, with their numbered sub-items) stay.
    levels = [
        b.level for b in _section("bias-profiling", private_right_of_action="complaint-only").blocks
    ]
    assert levels == [1, 1, 2, 2, 1, 2, 2, 1, 1]


# -- VII: U visa certifications -----------------------------------------------------


def test_default_u_visa_deadlines():
    text = _text("u-visa")
    assert "shall within thirty days, draft and take material steps" in text
    assert "process a Form I-918B within 45 days of request" in text
    assert "required to be processed within 14 days of request" in text
    assert "Within 90 days of receiving an applicant’s letter appealing a denial" in text


def test_u_visa_policy_deadline_is_written_in_words():
    text = _text("u-visa", u_visa_policy_days=60)
    assert (
        "Each agency within Springfield with responsibility for investigating, prosecuting, or "
        "sentencing the criminal activity listed in section H of this Subsection shall within "
        "sixty days, draft and take material steps to implement a policy governing the issuance "
        "of Forms I-918B (“U Visa Certifications”) to immigrant crime victims."
    ) in text
    assert "within thirty days" not in text


def test_u_visa_processing_removal_and_appeal_deadlines():
    text = _text("u-visa", u_visa_processing_days=30, u_visa_removal_days=7, u_visa_appeal_days=60)
    assert (
        "Such policy shall require the certifying entity to process a Form I-918B within 30 days "
        "of request, unless the noncitizen is in removal proceedings, in which case the "
        "certification is required to be processed within 7 days of request."
    ) in text
    assert (
        "Within 60 days of receiving an applicant’s letter appealing a denial, the certifying "
        "entity will send a letter to the applicant’s designated return mailing address"
    ) in text
    assert "45 days" not in text
    assert "14 days" not in text
    assert "90 days" not in text


def test_u_visa_has_items_a_to_l():
    items = _first_level("u-visa")
    assert [item.split(" ", 1)[0] for item in items] == [f"{c}." for c in "ABCDEFGHIJKL"]
    assert items[7].startswith("H. For purposes of the policy, “qualifying criminal activity”")
