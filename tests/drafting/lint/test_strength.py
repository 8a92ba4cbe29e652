from drafting.lint import lint
from drafting.lint.strength import (
    ConvictionCarveOut,
    GangCarveOut,
    NoEnforcement,
    NoReporting,
    NotificationGap,
    NotOrdinance,
    ReimbursementCondition,
    UnqualifiedWarrant,
)
from tests.drafting.lint.support import hits, model, rules

HOLDS = "Section 1. Detainers.\nThe Sheriff shall not honor ICE detainer requests."


def test_unqualified_warrant_hit_offers_a_judicial_warrant():
    text = "No person shall be held on an ICE detainer request unless ICE presents a valid warrant."
    [finding] = hits(UnqualifiedWarrant(), text)
    assert finding.severity == "warning"
    assert (finding.fix.kind, finding.fix.target, finding.fix.text) == (
        "replace-text",
        "a valid warrant",
        "a valid judicial warrant",
    )


def test_unqualified_warrant_no_hit_on_qualified_or_referring_warrants():
    text = (
        "No person shall be held unless ICE presents a judicial warrant. "
        "Unless ICE agents have a criminal warrant, ICE agents shall not be given access. "
        "No person shall be held upon receipt of a detainer request or administrative warrant "
        "unless such request or warrant is a valid and properly issued judicial criminal warrant. "
        "Unless ICE demonstrates a criminal warrant signed by a judge, no officer shall detain."
    )
    assert hits(UnqualifiedWarrant(), text) == []


def test_unqualified_warrant_no_hit_on_the_model_with_any_warrant_option():
    for option in ("judicial-criminal", "judicial", "categorical"):
        document = model(options={"warrant_standard": option})
        assert lint(document, rules=[UnqualifiedWarrant()]) == [], option


def test_conviction_carve_out_hit_on_the_library_option():
    document = model(options={"carve_outs": ["serious-felony"]})
    [finding] = lint(document, rules=[ConvictionCarveOut()])
    assert finding.sentence.startswith("Notwithstanding the foregoing")


def test_conviction_carve_out_hit_once_per_section_for_santa_clara_items():
    text = """
    3.55 It is the policy of the County to honor civil detainer requests as follows:
    1) The County will exercise its discretion to honor the request if the following apply:
    a. The individual is convicted of a serious or violent felony offense.
    b. The individual has been convicted of a serious or violent felony within 10 years.
    """
    assert rules(hits(ConvictionCarveOut(), text)) == ["strength-conviction-carve-out"]


def test_conviction_carve_out_no_hit_on_criminal_history_elsewhere():
    assert lint(model(), rules=[ConvictionCarveOut()]) == []


def test_gang_carve_out_hit_and_no_hit():
    carve_out = (
        "The Sheriff shall not honor ICE detainer requests, except that a detainer request may be "
        "honored for a person listed in a gang database."
    )
    assert rules(hits(GangCarveOut(), carve_out)) == ["strength-gang-carve-out"]
    assert hits(GangCarveOut(), "The City shall fund gang prevention programs.") == []


def test_reimbursement_condition_hit_on_cook_county():
    text = (
        "a) The Sheriff of Cook County shall decline ICE detainer requests unless there is a "
        "written agreement with the federal government by which all costs incurred by Cook "
        "County in complying with the ICE detainer shall be reimbursed."
    )
    assert rules(hits(ReimbursementCondition(), text)) == ["strength-reimbursement-condition"]


def test_reimbursement_condition_no_hit_on_reporting_reimbursements():
    text = (
        "(d) The total reimbursements received from the federal government pursuant to any "
        "granted hold, administrative warrant, or notification request, organized by case."
    )
    assert hits(ReimbursementCondition(), text) == []


def test_notification_gap_hit_when_only_holds_are_refused():
    [finding] = hits(NotificationGap(), HOLDS)
    assert "I-247N" in finding.message


def test_notification_gap_no_hit_when_release_dates_are_covered():
    text = HOLDS + " The Sheriff shall not share release dates with ICE."
    assert hits(NotificationGap(), text) == []
    assert lint(model(), rules=[NotificationGap()]) == []


def test_no_reporting_hit_on_outside_text_and_no_hit_on_the_model():
    [finding] = hits(NoReporting(), HOLDS)
    assert (finding.section, finding.sentence, finding.fix) == ("", "", None)
    assert lint(model(), rules=[NoReporting()]) == []


def test_no_reporting_fix_includes_the_reporting_clause_in_a_draft():
    clauses = [c for c in model().clause_versions if c != "reporting"]
    [finding] = lint(model(clauses=clauses), rules=[NoReporting()])
    assert (finding.fix.kind, finding.fix.clause) == ("include-clause", "reporting")


def test_no_enforcement_hit_and_no_hit():
    assert rules(hits(NoEnforcement(), HOLDS)) == ["strength-no-enforcement"]
    with_complaints = HOLDS + "\nAny person may file a written complaint with the Commission."
    assert hits(NoEnforcement(), with_complaints) == []


def test_not_ordinance_hit_on_a_resolution_and_no_hit_on_an_ordinance():
    resolution = (
        "WHEREAS, the Policy Manual is not set by ordinance and is not legally binding;\n\n"
        "NOW, THEREFORE, BE IT RESOLVED that the policy below is adopted.\n\n" + HOLDS
    )
    assert rules(hits(NotOrdinance(), resolution)) == ["strength-not-ordinance"]
    ordinance = "BE IT ORDAINED BY THE CITY COUNCIL:\n\n" + HOLDS
    assert hits(NotOrdinance(), ordinance) == []
    assert hits(NotOrdinance(), HOLDS) == []
