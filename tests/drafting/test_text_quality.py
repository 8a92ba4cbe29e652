"""The text quality harness: every choice of every option, each locality type, each
instrument and both numbering styles, in pairwise combinations, read by every check in
drafting/quality.py. Then each check on its own, with a text it catches and one it passes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from drafting.library import read_edition
from drafting.quality import CHECKS, Reading, check_spec, run_checks
from drafting.spec import CURRENT_EDITION, LOCALITY_TYPES, load_spec, parse_spec

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# One realistic profile per locality type, typed the ways drafters type them.
LOCALITIES = {
    "city": {
        "name": "the City of Springfield",
        "chief_law_enforcement_officer": "Chief of Police",
        "complaint_body": "Springfield Human Relations Commission",
        "commission_coordinator": "the Office of the Mayor",
        "reporting_officer": "City Clerk",
    },
    "county": {
        "name": "Cook County",
        "chief_law_enforcement_officer": "the Sheriff",
        "complaint_body": "Commission on Human Relations",
        "commission_coordinator": "County Administrator",
        "reporting_officer": "Sheriff",
        "legislative_body": "Board of Commissioners",
    },
    "town": {
        "name": "Amherst",
        "chief_law_enforcement_officer": "Chief of Police",
        "complaint_body": "Human Rights Commission",
        "commission_coordinator": "Town Manager",
        "reporting_officer": "Town Clerk",
        "legislative_body": "Town Meeting",
        "state": "Massachusetts",
    },
    "village": {
        "name": "Village of Oak Park",
        "chief_law_enforcement_officer": "Chief of Police",
        "complaint_body": "Community Relations Commission",
        "commission_coordinator": "Village Manager",
        "reporting_officer": "Village Clerk",
        "legislative_body": "Board of Trustees",
    },
    "borough": {
        "name": "State College",
        "chief_law_enforcement_officer": "Chief of Police",
        "complaint_body": "Human Relations Commission",
        "commission_coordinator": "Borough Manager",
        "reporting_officer": "Borough Secretary",
        "legislative_body": "Borough Council",
        "state": "Pennsylvania",
    },
    "parish": {
        "name": "Jefferson Parish",
        "chief_law_enforcement_officer": "Sheriff",
        "complaint_body": "Parish Council",
        "commission_coordinator": "Parish President",
        "reporting_officer": "Parish Clerk",
        "legislative_body": "Parish Council",
        "state": "Louisiana",
    },
    "city and county": {
        "name": "City and County of San Francisco",
        "chief_law_enforcement_officer": "Sheriff",
        "complaint_body": "Human Rights Commission",
        "commission_coordinator": "Office of Civic Engagement and Immigrant Affairs",
        "reporting_officer": "Sheriff",
        "legislative_body": "Board of Supervisors",
        "state": "California",
    },
}
INSTRUMENTS = ["ordinance", "bylaw", "resolution", "executive-order", "policy"]


@cache
def _clauses():
    return read_edition(CURRENT_EDITION)


def _clause_sets():
    every = [c.slug for c in _clauses()]
    return {
        "model": None,
        "every": every,
        "no-u-visa-no-287g": [s for s in every if s not in ("u-visa", "no-287g")],
    }


def _option_values(option):
    if option.type == "choice":
        return [c.value for c in option.choices]
    if option.type == "multi":
        values = [c.value for c in option.choices]
        return [[]] + [[v] for v in values] + [values]
    return sorted({option.default, 1, option.max or option.default})


def factors() -> dict[str, list]:
    options = {o.key: _option_values(o) for c in _clauses() for o in c.options}
    return {
        "locality": list(LOCALITY_TYPES),
        "instrument": INSTRUMENTS,
        "numbering": ["cpd", "section"],
        "clauses": list(_clause_sets()),
        **{f"options.{key}": values for key, values in options.items()},
    }


def pairwise(table: dict[str, list]) -> list[dict[str, object]]:
    """A small covering array: every pair of values of any two factors is in some row.

    Greedy (AETG-like) and deterministic: each row starts from the first uncovered
    pair and adds, factor by factor, the value covering most uncovered pairs.
    """
    names = list(table)
    sizes = [len(table[n]) for n in names]
    uncovered = {
        (i, a, j, b)
        for i in range(len(names))
        for j in range(i + 1, len(names))
        for a in range(sizes[i])
        for b in range(sizes[j])
    }
    rows = []
    while uncovered:
        i, a, j, b = min(uncovered)
        row = {i: a, j: b}
        for k in range(len(names)):
            if k in row:
                continue

            def gain(value, k=k, row=row, uncovered=uncovered):
                return sum(
                    ((min(k, m), value if k < m else v, max(k, m), v if k < m else value))
                    in uncovered
                    for m, v in row.items()
                )

            row[k] = max(range(sizes[k]), key=gain)
        uncovered -= {
            (p, row[p], q, row[q]) for p in range(len(names)) for q in range(p + 1, len(names))
        }
        rows.append({names[k]: table[names[k]][v] for k, v in row.items()})
    return rows


def spec_for(row: dict[str, object]):
    locality_type = row["locality"]
    locality = {
        "type": locality_type,
        "state": "Illinois",
        "legislative_body": "City Council",
        "instrument": row["instrument"],
        "executive": "Mayor",
        "effective_date": "January 1, 2027",
        "languages": ["English", "Spanish"],
        **LOCALITIES[locality_type],
    }
    options = {k.split(".", 1)[1]: v for k, v in row.items() if k.startswith("options.")}
    data = {"locality": locality, "numbering": row["numbering"], "options": options}
    clauses = _clause_sets()[row["clauses"]]
    if clauses is not None:
        data["clauses"] = clauses
    return parse_spec(data)


ROWS = pairwise(factors())


def test_pairwise_covers_every_value_of_every_factor():
    for name, values in factors().items():
        seen = {repr(row[name]) for row in ROWS}
        assert seen == {repr(v) for v in values}, name


@pytest.mark.parametrize("index", range(len(ROWS)))
def test_combination_reads_cleanly(index):
    row = ROWS[index]
    problems = check_spec(_clauses(), spec_for(row))
    assert [str(p) for p in problems] == [], row


def test_every_example_reads_cleanly():
    examples = sorted(EXAMPLES.glob("*.json"))
    assert len(examples) >= 6
    for example in examples:
        spec = load_spec(example.read_text(encoding="utf-8"))
        assert spec.edition == CURRENT_EDITION, example.name
        assert [str(p) for p in check_spec(read_edition(spec.edition), spec)] == [], example.name


# -- each check catches its defect ---------------------------------------------

CAUGHT = {
    "misplaced_article": Reading.from_text("No the City of Springfield officer shall rely on it."),
    "name_as_adjective": Reading.from_text(
        "No individual shall be held in the City of Springfield custody."
    ),
    "doubled_article": Reading.from_text("The request shall be sent to the the Sheriff."),
    "title_without_article": Reading.from_text(
        "No individual shall be held without the approval of Chief of Police."
    ),
    "doubled_punctuation": Reading.from_text(
        "Such request is accompanied by a judicial warrant.; and"
    ),
    "number_agreement": Reading.from_text(
        "Convicted of a serious or violent felony within one (1) years of the request."
    ),
    "contradicts_options": Reading.from_text(
        "BIAS-BASED PROFILING PROHIBITED—PRIVATE RIGHT OF ACTION ESTABLISHED",
        options={"private_right_of_action": "complaint-only"},
        clause="bias-profiling",
    ),
    "reference_to_left_out": Reading.from_text(
        "The number of U visa certifications requested, how many were granted.",
        included=["reporting", "definitions"],
    ),
    "defined_term_unused": Reading.from_text(
        "“NCIC” means the National Crime Information Center database.\n"
        "No person shall be arrested on the basis of an administrative warrant."
    ),
    "warrant_term_undefined": Reading.from_text(
        "Unless such request or warrant is a valid and properly issued judicial criminal warrant."
    ),
    "stale_year": Reading.from_text(
        "The Commission shall meet quarterly, beginning the second quarter of 2017."
    ),
    "self_reference": Reading.from_text(
        "Free language assistance services as required by this order to Limited English "
        "Proficient individuals."
    ),
    "unfilled_placeholder": Reading.from_text(
        "Any such request received by [LOCALITY] should be sent to the Sheriff."
    ),
}

PASSES = {
    "misplaced_article": Reading.from_text(
        "No officer of the City of Springfield shall rely on it. The Lake County Sheriff shall.",
        name="Lake County",
        locality_type="county",
    ),
    "name_as_adjective": Reading.from_text("Held in the custody of the City of Springfield."),
    "doubled_article": Reading.from_text("The request shall be sent to the Sheriff."),
    "title_without_article": Reading.from_text(
        "Without the approval of the Chief of Police.\nChief of Police"
    ),
    "doubled_punctuation": Reading.from_text(
        "Such request is accompanied by a judicial warrant; and 8 U.S.C. § 1373."
    ),
    "number_agreement": Reading.from_text(
        "Within one (1) year; within ten (10) years; 1 day’s notice; 30 days’ notice; "
        "in the most commonly spoken language."
    ),
    "contradicts_options": Reading.from_text(
        "BIAS-BASED PROFILING PROHIBITED—COMPLAINTS",
        options={"private_right_of_action": "complaint-only"},
        clause="bias-profiling",
    ),
    "reference_to_left_out": Reading.from_text(
        "The requests enumerated in subsections A and B of this Section.",
        labels=["A", "B", "C"],
    ),
    "defined_term_unused": Reading.from_text(
        "“NCIC” means the National Crime Information Center database.\n"
        "Information that may appear in the NCIC database."
    ),
    "warrant_term_undefined": Reading.from_text(
        "“Judicial criminal warrant” means a criminal warrant issued upon a judicial "
        "determination of probable cause.\n"
        "Unless such request or warrant is a valid and properly issued judicial criminal warrant."
    ),
    "stale_year": Reading.from_text(
        "Section 1983 of Title 42 of the United States Code; 28 U.S.C. § 631; January 1, 2027."
    ),
    "self_reference": Reading.from_text(
        "Free language assistance services as required by this ordinance; this section."
    ),
    "unfilled_placeholder": Reading.from_text("Any such request received by the City."),
}


def test_every_check_has_a_text_it_catches_and_one_it_passes():
    assert set(CAUGHT) == set(CHECKS) == set(PASSES)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_check_catches_its_defect(name):
    assert [p.check for p in run_checks(CAUGHT[name], [name])] == [name]


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_check_passes_careful_text(name):
    assert run_checks(PASSES[name], [name]) == []


def test_cross_reference_to_a_missing_item_is_caught():
    reading = Reading.from_text(
        "The criminal activity listed in subsection H of this Section.", labels=["A", "B"]
    )
    assert [p.check for p in run_checks(reading, ["reference_to_left_out"])] == [
        "reference_to_left_out"
    ]


def test_edition_one_shows_the_defects_the_current_edition_fixes():
    """The verbatim model (edition 1) still reads as CPD wrote it; the checks find what
    edition 3 fixed, which is how we know they look at the right things."""
    row = {"locality": "city", "instrument": "ordinance", "numbering": "cpd", "clauses": "model"}
    spec = spec_for(row)
    found = {p.check for p in check_spec(read_edition("cpd-2017"), spec)}
    assert {"misplaced_article", "name_as_adjective", "title_without_article"} <= found
