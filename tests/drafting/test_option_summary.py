"""The option summary: what changed between two drafts, in the wizard's words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafting.assembly import AssemblyError
from drafting.library import Choice, ClauseText, Option
from drafting.option_summary import choice_name, option_summary
from drafting.spec import parse_spec
from tests.factories import LOCALITY, library


def spec(options=None, *, clauses=None, **extra):
    data = {"locality": {**LOCALITY, **extra.pop("locality", {})}, "options": options or {}}
    if clauses is not None:
        data["clauses"] = clauses
    return parse_spec({**data, **extra})


def texts(old, new, *, old_clauses=None, new_clauses=None):
    lib = library()
    lines = option_summary(old_clauses or lib, old, new_clauses or lib, new)
    return [line.text for line in lines]


# -- on the library -------------------------------------------------------------


def test_summary_warrant_standard():
    assert texts(spec(), spec({"warrant_standard": "judicial"})) == [
        "Warrant standard: judicial criminal warrant → judicial warrant"
    ]


def test_summary_reporting_cadence():
    assert texts(spec(), spec({"reporting_cadence": "semiannual"})) == [
        "Reporting cadence: every quarter → every six months"
    ]


def test_summary_added_and_removed_clauses_use_titles():
    model = [c.slug for c in library() if c.model]
    without_u_visa = [slug for slug in model if slug != "u-visa"]
    titles = {c.slug: c.title for c in library()}
    assert texts(spec(clauses=without_u_visa), spec(clauses=model)) == [
        f"Added: {titles['u-visa']}"
    ]
    assert texts(spec(clauses=model), spec(clauses=[*without_u_visa, "training"])) == [
        f"Removed: {titles['u-visa']}",
        f"Added: {titles['training']}",
    ]


def test_summary_same_spec_is_empty():
    assert (
        texts(spec({"warrant_standard": "judicial"}), spec({"warrant_standard": "judicial"})) == []
    )


def test_summary_default_spelled_out_is_no_change():
    assert texts(spec(), spec({"warrant_standard": "judicial-criminal"})) == []


def test_summary_numbers_multis_and_locality():
    old = spec()
    new = spec(
        {"meeting_notice_days": 45, "carve_outs": ["serious-felony"]},
        locality={"name": "Shelbyville", "languages": ["English", "Spanish", "Tagalog"]},
        numbering="section",
    )
    assert texts(old, new) == [
        "Locality name: Springfield → Shelbyville",
        "Languages: English, Spanish → English, Spanish, Tagalog",
        "Numbering: CPD style (I), A.) → Section 1., (a)",
        "Days of public notice: 30 → 45",
        "Carve-outs: none → prior serious or violent felony conviction",
    ]


def test_summary_option_that_does_not_apply_is_left_out():
    # The look-back only matters with the serious-felony carve-out.
    assert texts(spec(), spec({"felony_lookback_years": 5})) == []
    with_carve_out = {"carve_outs": ["serious-felony"]}
    assert texts(spec(with_carve_out), spec({**with_carve_out, "felony_lookback_years": 5})) == [
        "Felony carve-out look-back (years): 10 → 5"
    ]


def test_summary_options_of_a_clause_left_out_are_not_reported():
    model = [c.slug for c in library() if c.model]
    without = [slug for slug in model if slug != "reporting"]
    old = spec(clauses=without)
    new = spec({"reporting_cadence": "annual"}, clauses=without)
    assert texts(old, new) == []


def test_summary_lines_carry_kind_key_and_values():
    (line,) = option_summary(
        library(), spec(), library(), spec({"warrant_standard": "categorical"})
    )
    assert (line.kind, line.key, line.old, line.new) == (
        "option",
        "warrant_standard",
        "judicial criminal warrant",
        "categorical prohibition",
    )
    assert str(line) == line.text


def test_summary_invalid_option_raises():
    with pytest.raises(AssemblyError):
        option_summary(library(), spec(), library(), spec({"warrant_standard": "nope"}))


# -- on hand-made clauses -----------------------------------------------------------


def clause(slug, order, *options, version=1, **fields):
    return ClauseText(
        slug=slug,
        title=fields.pop("title", slug.title()),
        topic="reporting",
        order=order,
        kind=fields.pop("kind", "section"),
        body="Text.",
        version=version,
        heading=slug.upper(),
        options=options,
        **fields,
    )


TITLE = ClauseText("title", "Title of the act", "locality", 0, "title", "Act")
CHOICE = Option(
    "scope",
    "What local agencies may not ask about",
    "choice",
    "status",
    choices=(
        Choice("status", "Citizenship or immigration status (CPD model)"),
        Choice("status-and-birthplace", "Citizenship or immigration status, and place of birth"),
    ),
)


def test_summary_choice_labels_that_shorten_alike_are_given_in_full():
    clauses = [TITLE, clause("inquiry", 10, CHOICE)]
    old = spec(clauses=["inquiry"])
    new = spec({"scope": "status-and-birthplace"}, clauses=["inquiry"])
    (line,) = option_summary(clauses, old, clauses, new)
    assert line.text == (
        "Scope: citizenship or immigration status → "
        "citizenship or immigration status, and place of birth"
    )


def test_summary_updated_clause_version_and_new_option():
    old_clauses = [TITLE, clause("inquiry", 10)]
    new_clauses = [TITLE, clause("inquiry", 10, CHOICE, version=2, title="Inquiry")]
    lines = option_summary(
        old_clauses, spec(clauses=["inquiry"]), new_clauses, spec(clauses=["inquiry"])
    )
    assert [line.text for line in lines] == ["Updated: Inquiry (version 1 → 2)"]


def test_summary_subsection_goes_with_its_section():
    parent = clause("parent", 10, title="Parent section")
    child = clause("child", 11, kind="subsection", parent="parent", title="Child item")
    clauses = [TITLE, parent, child]
    lines = option_summary(clauses, spec(clauses=["parent", "child"]), clauses, spec(clauses=[]))
    assert [line.text for line in lines] == ["Removed: Parent section"]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Judicial criminal warrant (CPD model; strongest)", "judicial criminal warrant"),
        (
            "Judicial warrant signed by an Article III judge or federal magistrate judge",
            "judicial warrant",
        ),
        ("Categorical prohibition, with no warrant language", "categorical prohibition"),
        ("Sanctuary City Act", "Sanctuary City Act"),
        ("Justice and Equity Ordinance (CPD model)", "Justice and Equity Ordinance"),
        ("ICE notification requests", "ICE notification requests"),
        ("Every six months", "every six months"),
    ],
)
def test_choice_name(label, expected):
    assert choice_name(label) == expected


@pytest.mark.parametrize(
    ("key", "label", "expected"),
    [
        (
            "warrant_standard",
            "Warrant standard for detainers and facility access",
            "Warrant standard",
        ),
        ("unknown_one", "Warrant standard for detainers and facility access", "Warrant standard"),
        ("report_often", "How often the public report comes out", "Report often"),
        (
            "notice",
            "Exceptions (carve-outs) to the detainer rule",
            "Exceptions to the detainer rule",
        ),
    ],
)
def test_option_name(key, label, expected):
    assert replace(CHOICE, key=key, label=label).name == expected
