from drafting.lint import scorecard
from drafting.lint.scorecard import CRITERIA
from tests.drafting.lint.support import doc, model


def _statuses(card):
    return {c.id: c.status for c in card.criteria}


def test_scorecard_model_meets_every_criterion():
    card = scorecard(model())
    assert set(_statuses(card).values()) == {"met"}
    weights = len(CRITERIA) + 2  # detainers and carve-outs count double
    assert (card.score, card.max_score) == (2 * weights, 2 * weights) == (32, 32)


def test_scorecard_met_criterion_names_the_clause_that_meets_it():
    criterion = scorecard(model()).criterion("status-inquiry")
    assert (criterion.clause, criterion.section) == (
        "no-status-inquiry",
        "V) REQUESTING INFORMATION PROHIBITED",
    )
    assert criterion.sentence.startswith("No agent, employee or agency")


def test_scorecard_carve_outs_make_detainers_partial_and_cost_their_own_criterion():
    card = scorecard(model(options={"carve_outs": ["serious-felony", "reimbursement"]}))
    criterion = card.criterion("detainers")
    assert criterion.status == "partial"
    assert "conviction carve-out" in criterion.note and "reimbursement" in criterion.note
    carve_outs = card.criterion("carve-outs")
    assert (carve_outs.status, carve_outs.points, carve_outs.max_points) == ("missing", 0, 4)
    assert carve_outs.note == (
        "Carve-outs weaken the protection: criminal convictions, a reimbursement condition."
    )
    assert card.score == card.max_score - 6  # 2 of detainers' 4, all 4 of carve-outs


def test_scorecard_one_carve_out_costs_a_substantial_share_not_one_point():
    card = scorecard(model(options={"carve_outs": ["serious-felony"]}))
    assert card.criterion("carve-outs").status == "partial"
    assert card.max_score - card.score == 4


def test_scorecard_notification_exception_makes_notifications_partial():
    card = scorecard(model(options={"notification_requests": "judicial-warrant-violent-felony"}))
    assert _statuses(card)["notifications"] == "partial"
    assert _statuses(card)["detainers"] == "met"


def test_scorecard_empty_text_misses_everything():
    card = scorecard(doc("It is hereby affirmed that the City welcomes all residents."))
    assert set(_statuses(card).values()) == {"missing"}
    assert (
        card.criterion("carve-outs").note == "Nothing refuses holds, so there is no protection yet."
    )
    assert card.score == 0
    assert card.criterion("ncic").section == ""


def test_scorecard_partial_criteria_on_weaker_text():
    card = scorecard(
        doc(
            """
            Section 1. Policy.
            (a) Officers shall not share home addresses or release dates with ICE.
            (b) Prosecutors may consider immigration consequences in resolving cases.
            (c) In advance of any ICE interview, the jail shall provide a written consent form.
            (d) No officer shall spend time or resources on federal immigration enforcement.
            (e) The Sheriff shall report the number of ICE detainer requests to the Sheriff's board.
            """
        )
    )
    statuses = _statuses(card)
    assert {k: statuses[k] for k in ("personal-information", "prosecutors", "jail-access")} == {
        "personal-information": "partial",
        "prosecutors": "partial",
        "jail-access": "partial",
    }
    assert (statuses["joint-operations"], statuses["reporting"]) == ("partial", "partial")
    assert statuses["notifications"] == "met"


def test_scorecard_to_dict():
    data = scorecard(model()).to_dict()
    assert (data["score"], data["max_score"]) == (32, 32)
    assert list(data["criteria"][0]) == [
        "id", "label", "status", "points", "max_points", "weight", "note", "source", "section",
        "clause", "sentence", "start", "end",
    ]  # fmt: skip
    assert (data["criteria"][0]["points"], data["criteria"][0]["max_points"]) == (4, 4)
