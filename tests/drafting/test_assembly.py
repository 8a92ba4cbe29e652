"""Assembly: placeholders, numbering with clauses left out, definitions, options, errors."""

import re

import pytest

from drafting.assembly import AssemblyError, assemble, heading_case
from drafting.library import read_edition
from drafting.render.text import render_text
from drafting.spec import parse_spec
from tests.model_seed import MODEL_LOCALITY

LIBRARY = read_edition("cpd-2017")
MODEL = [c.slug for c in LIBRARY if c.model]


def build(*, leave_out=(), add=(), options=None, numbering="cpd", **locality):
    clauses = [slug for slug in MODEL if slug not in leave_out] + list(add)
    spec = parse_spec(
        {
            "locality": {**MODEL_LOCALITY, **locality},
            "clauses": clauses,
            "options": options or {},
            "numbering": numbering,
        }
    )
    return assemble(LIBRARY, spec)


def items(document, clause):
    return [(b.label, b.clause) for b in document.section(clause).blocks if b.label]


def text_of(document, clause):
    return " ".join(b.text for s in document.sections for b in s.blocks if b.clause == clause)


def test_no_placeholder_survives_assembly():
    text = render_text(build(name="the City of Springfield"))
    assert re.findall(r"\[[A-Za-z ,]+\]|\{\{|\}\}|\{%", text) == []
    assert "the City of Springfield" in text
    assert "the the" not in text


def test_locality_fills_every_blank_of_the_model():
    document = build(
        name="Cook County",
        state="Illinois",
        chief_law_enforcement_officer="Sheriff",
        complaint_body="Commission on Human Relations",
        commission_coordinator="the Office of the President",
        legislative_body="Board of Commissioners",
    )
    text = render_text(document)
    assert "sent to the Sheriff for review" in text
    assert "file a complaint with Commission on Human Relations" in text
    assert "the Constitution of the State of Illinois" in text
    assert "to the Board of Commissioners on an annual basis" in text
    assert "The Office of the President shall coordinate the Commission" in text
    assert (
        document.enacting_clause == "BE IT ORDAINED BY THE BOARD OF COMMISSIONERS OF COOK COUNTY:"
    )


def test_missing_locality_value_is_a_validation_error_naming_the_field():
    with pytest.raises(AssemblyError) as caught:
        build(chief_law_enforcement_officer="", complaint_body="")
    assert set(caught.value.problems) == {
        "locality.chief_law_enforcement_officer",
        "locality.complaint_body",
    }
    assert "Chief law enforcement officer is required" in str(caught.value)


def test_blank_value_needed_only_by_a_left_out_clause_is_not_required():
    document = build(leave_out=["bias-profiling"], complaint_body="")
    assert document.section("bias-profiling") is None


def test_items_reletter_when_a_subsection_is_left_out():
    document = build(leave_out=["no-287g", "joint-operations"])
    assert items(document, "civil-enforcement") == [
        ("A.", "no-detention-contracts"),
        ("B.", "detainers"),
        ("C.", "facility-access"),
        ("D.", "ncic"),
    ]


def test_internal_reference_follows_the_items_left_in():
    full = text_of(build(), "no-detention-contracts")
    without_287g = text_of(build(leave_out=["no-287g"]), "no-detention-contracts")
    assert "described in sections A and B of this Subsection" in full
    assert "described in section A of this Subsection" in without_287g


def test_sections_renumber_when_a_section_is_left_out():
    document = build(leave_out=["prosecutorial-discretion", "advisory"])
    labels = [(s.label, s.clause) for s in document.sections if s.label][:4]
    assert labels == [
        ("I)", "definitions"),
        ("II)", "civil-enforcement"),
        ("III)", "no-status-inquiry"),
        ("IV)", "bias-profiling"),
    ]


def test_section_numbering_style_labels_and_references():
    document = build(numbering="section")
    section = document.section("civil-enforcement")
    assert (section.label, section.heading) == (
        "Section 2.",
        "Civil Immigration Enforcement – Federal Responsibility",
    )
    assert items(document, "civil-enforcement")[0] == ("(a)", "no-287g")
    assert "described in subsections (a) and (b) of this section" in text_of(
        document, "no-detention-contracts"
    )
    assert "listed in subsection (h) of this section" in text_of(document, "u-visa")


def test_heading_case_capitalises_after_dashes():
    assert heading_case("FAIR PUNISHMENT—PROSECUTORIAL DISCRETION") == (
        "Fair Punishment—Prosecutorial Discretion"
    )


def test_definition_is_dropped_when_no_included_clause_uses_it():
    full = build()
    without_ncic = build(leave_out=["ncic"])
    assert "“NCIC” means" in text_of(full, "definitions")
    assert "“NCIC” means" not in text_of(without_ncic, "definitions")
    # The letters after it move up.
    labels = [b.label for b in without_ncic.section("definitions").blocks if b.label]
    assert labels == [chr(ord("A") + i) + "." for i in range(len(labels))]


def test_judicial_warrant_option_adds_its_definition_and_text():
    document = build(options={"warrant_standard": "judicial"})
    assert "unless such request or warrant is a valid and properly issued judicial warrant." in (
        text_of(document, "detainers")
    )
    assert "valid and properly issued judicial warrant specifying" in text_of(
        document, "facility-access"
    )
    assert "“Judicial warrant” means a warrant based on probable cause" in text_of(
        document, "definitions"
    )
    assert "“Judicial warrant”" not in text_of(build(), "definitions")


def test_categorical_option_removes_the_warrant_exception():
    text = text_of(build(options={"warrant_standard": "categorical"}), "detainers")
    assert "or administrative warrant. Any such request received by Springfield" in text
    assert "unless such request" not in text


def test_carve_outs_add_their_sentences():
    text = text_of(
        build(
            options={"carve_outs": ["serious-felony", "reimbursement"], "felony_lookback_years": 5}
        ),
        "detainers",
    )
    assert (
        "convicted of a serious or violent felony within five (5) years of the request, but only "
        "where the request is accompanied by a judicial warrant."
    ) in text
    assert "all costs incurred by Springfield in complying with the immigration detainer" in text
    assert text.endswith(";")


def test_notification_option_adds_the_philadelphia_rule():
    text = text_of(
        build(options={"notification_requests": "judicial-warrant-violent-felony"}), "detainers"
    )
    assert "Notice of an individual’s pending release shall not be provided" in text


def test_meeting_numbers_print_in_words_and_digits():
    text = text_of(
        build(options={"meeting_lead_days": 45, "meeting_notice_days": 21, "notice_languages": 3}),
        "no-detention-contracts",
    )
    assert "At least forty-five (45) days before responding" in text
    assert "with at least 21 days’ notice" in text
    assert "in the three most commonly spoken languages" in text


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"warrant_standard": "warrant"}, "options.warrant_standard"),
        ({"meeting_lead_days": 0}, "options.meeting_lead_days"),
        ({"carve_outs": ["gang-database"]}, "options.carve_outs"),
        ({"no_such_option": 1}, "options.no_such_option"),
    ],
)
def test_bad_option_values_are_reported_by_field(options, field):
    with pytest.raises(AssemblyError) as caught:
        build(options=options)
    assert list(caught.value.problems) == [field]


def test_list_punctuation_follows_the_items_included():
    with_courthouse = build(add=["courthouse-enforcement"])
    ncic = next(
        b for b in with_courthouse.section("civil-enforcement").blocks if b.clause == "ncic"
    )
    assert ncic.text.endswith("NCIC database;")
    cut_short = build(leave_out=["facility-access", "ncic"])
    last = [b for b in cut_short.section("civil-enforcement").blocks if b.label][-1]
    assert (last.clause, last.text[-1]) == ("joint-operations", ".")


def test_assembly_records_the_clause_versions_used():
    document = build()
    assert document.clause_versions["detainers"] == 1
    assert set(document.clause_versions) == set(MODEL)
