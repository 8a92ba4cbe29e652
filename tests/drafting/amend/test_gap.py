"""The gap analysis: each model clause had, weaker or missing; each section paired."""

from __future__ import annotations

import pytest

from drafting.amend.existing import existing_document
from drafting.amend.gap import analyse_gaps, comparison_model, target_plan
from drafting.library import read_edition
from drafting.spec import parse_spec
from tests.drafting.amend.helpers import amend_spec
from tests.drafting.amend.test_ordinance import CHAPTER

PUBLIC_REPORTS = (
    "\n\nSec. 2-14-060. Reports.\nThe Chief of Police shall publish on the City's public "
    "website every quarter the number of ICE detainer requests received."
)


@pytest.fixture(scope="module")
def analysis():
    clauses = read_edition("cpd-2026-council")
    # Without 2-14-030(b), whose yearly report to the Council is the first report the
    # scorecard finds (and is not published), the public reports of 2-14-060 count.
    chapter = "\n".join(line for line in CHAPTER.split("\n") if not line.startswith("(b)"))
    spec = parse_spec(amend_spec(chapter + PUBLIC_REPORTS))
    model = comparison_model(clauses, spec)
    return analyse_gaps(existing_document(spec.existing.text), model, clauses), model, clauses


def test_each_model_clause_had_weaker_or_missing(analysis):
    gaps, _model, _clauses = analysis
    detainers = gaps.gap("detainers")
    assert (detainers.status, detainers.ref) == ("weaker", "2-14-030")
    assert "conviction carve-out" in detainers.why
    assert detainers.sentence.startswith("The Chief of Police shall not honor a detainer")
    reporting = gaps.gap("reporting")
    assert (reporting.status, reporting.ref) == ("have", "2-14-060")
    assert gaps.gap("no-287g").status == "missing"
    assert gaps.gap("no-287g").unit == "civil-enforcement"
    assert gaps.gap("u-visa").status == "missing"
    assert {g.clause for g in gaps.gaps}.isdisjoint({"title", "purpose", "severability"})


def test_sections_say_what_they_provide(analysis):
    gaps, _model, _clauses = analysis
    by_ref = {m.ref: m for m in gaps.sections}
    assert [m.ref for m in gaps.sections] == [
        "2-14-010", "2-14-030", "2-14-040", "2-14-050", "2-14-060",
    ]  # fmt: skip
    provided = dict(by_ref["2-14-030"].protections)
    assert provided["No holds on ICE detainers or administrative warrants"] == "partial"
    assert by_ref["2-14-040"].clause == "civil-enforcement"
    assert gaps.before.score < gaps.before.max_score


def test_target_plan_replaces_counterparts_and_adds_the_rest(analysis):
    gaps, model, clauses = analysis
    replacements, additions = target_plan(gaps, model, clauses, decided=["2-14-050"])
    assert ("2-14-030", "civil-enforcement") in replacements
    assert ("2-14-060", "reporting") in replacements
    assert all(ref != "2-14-050" for ref, _clause in replacements)
    added = [clause for clause, _after in additions]
    assert "u-visa" in added and "civil-enforcement" not in added
