from drafting.lint import scorecard
from drafting.lint.scorecard import CRITERIA
from tests.drafting.lint.support import doc, model


def _statuses(card):
    return {c.id: c.status for c in card.criteria}


def test_scorecard_model_meets_every_criterion():
    card = scorecard(model())
    assert set(_statuses(card).values()) == {"met"}
    assert (card.score, card.max_score) == (2 * len(CRITERIA), 2 * len(CRITERIA))


def test_scorecard_met_criterion_names_the_clause_that_meets_it():
    criterion = scorecard(model()).criterion("status-inquiry")
    assert (criterion.clause, criterion.section) == (
        "no-status-inquiry",
        "V) REQUESTING INFORMATION PROHIBITED",
    )
    assert criterion.sentence.startswith("No agent, employee or agency")


def test_scorecard_carve_outs_make_detainers_partial():
    card = scorecard(model(options={"carve_outs": ["serious-felony", "reimbursement"]}))
    criterion = card.criterion("detainers")
    assert criterion.status == "partial"
    assert "conviction carve-out" in criterion.note and "reimbursement" in criterion.note
    assert card.score == card.max_score - 1


def test_scorecard_notification_exception_makes_notifications_partial():
    card = scorecard(model(options={"notification_requests": "judicial-warrant-violent-felony"}))
    assert _statuses(card)["notifications"] == "partial"
    assert _statuses(card)["detainers"] == "met"


def test_scorecard_empty_text_misses_everything():
    card = scorecard(doc("It is hereby affirmed that the City welcomes all residents."))
    assert set(_statuses(card).values()) == {"missing"}
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
    assert (data["score"], data["max_score"]) == (26, 26)
    assert list(data["criteria"][0]) == [
        "id", "label", "status", "points", "note", "source", "section", "clause", "sentence",
        "start", "end",
    ]  # fmt: skip
