"""Upgrading a draft's spec: every option maps or is reported; accepted clauses only."""

from dataclasses import replace

import pytest

from drafting.assembly import assemble, edition_options
from drafting.library import Choice, ClauseText, Option, read_edition
from drafting.spec import parse_spec
from drafting.upgrade import clause_changes, map_options, plan_upgrade
from tests.model_seed import MODEL_LOCALITY

EDITION_ONE = read_edition("cpd-2017")
EDITION_TWO = read_edition("cpd-2026-forms")


def _clause(slug: str, clauses=EDITION_ONE) -> ClauseText:
    return next(c for c in clauses if c.slug == slug)


def _spec(**options):
    return parse_spec({"edition": "cpd-2017", "locality": MODEL_LOCALITY, "options": options})


def _swap(clauses, new: ClauseText | None, slug: str | None = None) -> list[ClauseText]:
    slug = slug or new.slug
    out = [c for c in clauses if c.slug != slug]
    return sorted([*out, new] if new else out, key=lambda c: (c.order, c.slug))


def _changed_detainers() -> ClauseText:
    """A detainers v2 that drops, narrows, re-ranges, rewords and adds options."""
    old = _clause("detainers")
    warrant, carve_outs, lookback, notification = old.options
    return replace(
        old,
        version=2,
        change_note="Test version.",
        options=(
            replace(warrant, choices=warrant.choices[:2]),  # "categorical" is gone
            replace(carve_outs, choices=carve_outs.choices[:1]),  # "reimbursement" is gone
            replace(lookback, max=5, default=5),  # 10 is out of range now
            Option(key="hold_hours", label="Hours", type="number", default=48),
        ),
        body=old.body.replace(
            '{% if notification_requests.value != "covered" %}.\n  {{ notification_requests }}'
            "{% endif %}",
            "",
        ),
    )


def test_every_option_of_the_old_edition_maps_or_is_reported():
    new_clauses = _swap(EDITION_ONE, _changed_detainers())
    chosen = {
        "warrant_standard": "categorical",
        "carve_outs": ["serious-felony", "reimbursement"],
        "felony_lookback_years": 10,
        "notification_requests": "judicial-warrant-violent-felony",
        "reporting_cadence": "annual",
    }
    options, mappings = map_options(EDITION_ONE, chosen, new_clauses)
    old_keys = set(edition_options(EDITION_ONE))
    by_key = {m.key: m for m in mappings}
    assert {m.key for m in mappings if m.status != "new"} == old_keys
    assert all(m.message for m in mappings if m.status != "same")
    assert {k: m.status for k, m in by_key.items() if m.status != "same"} == {
        "warrant_standard": "reset",
        "carve_outs": "narrowed",
        "felony_lookback_years": "reset",
        "notification_requests": "dropped",
        "hold_hours": "new",
    }
    assert by_key["notification_requests"].message == (
        "Option “ICE notification requests” is not in the new edition; your choice “allowed "
        "only for violent first- or second-degree felonies, with a judicial warrant” will no "
        "longer apply."
    )
    assert options == {"carve_outs": ["serious-felony"], "reporting_cadence": "annual"}


def test_mapped_options_assemble_against_the_new_clauses():
    new_clauses = _swap(EDITION_ONE, _changed_detainers())
    options, _ = map_options(EDITION_ONE, {"warrant_standard": "categorical"}, new_clauses)
    spec = parse_spec({"locality": MODEL_LOCALITY, "options": options})
    assert assemble(new_clauses, spec).clause_versions["detainers"] == 2


def test_unchanged_edition_maps_every_option_as_the_same():
    chosen = {"warrant_standard": "judicial", "reporting_cadence": "semiannual"}
    options, mappings = map_options(EDITION_ONE, chosen, EDITION_TWO)
    assert {m.key: m.status for m in mappings} == {
        key: "same" for key in edition_options(EDITION_ONE)
    }
    assert options == chosen


def test_a_moved_default_keeps_the_drafts_value_and_says_so():
    reporting = _clause("reporting")
    cadence = reporting.option("reporting_cadence")
    moved = replace(
        reporting,
        version=2,
        options=tuple(
            replace(o, default="annual") if o.key == "reporting_cadence" else o
            for o in reporting.options
        ),
    )
    options, mappings = map_options(EDITION_ONE, {}, _swap(EDITION_ONE, moved))
    mapping = next(m for m in mappings if m.key == "reporting_cadence")
    assert (mapping.status, mapping.old, mapping.new) == ("kept", "quarterly", "quarterly")
    assert options == {"reporting_cadence": cadence.default}
    assert "your draft keeps “every quarter”" in mapping.message


def test_a_reworded_choice_is_reported():
    detainers = _clause("detainers")
    warrant = detainers.option("warrant_standard")
    reworded = replace(
        warrant,
        choices=(
            replace(warrant.choices[0], text="a judicial warrant signed by a judge"),
            *warrant.choices[1:],
        ),
    )
    new = replace(
        detainers,
        version=2,
        options=(reworded, *detainers.options[1:]),
    )
    _, mappings = map_options(EDITION_ONE, {}, _swap(EDITION_ONE, new))
    mapping = next(m for m in mappings if m.key == "warrant_standard")
    assert mapping.status == "reworded"
    assert "words your choice “Judicial criminal warrant (CPD model; strongest)”" in (
        mapping.message
    )


def test_clause_changes_between_the_shipped_editions():
    found = [
        (c.slug, c.kind, c.old.version, c.new.version)
        for c in clause_changes(EDITION_ONE, EDITION_TWO)
    ]
    assert found == [("definitions", "changed", 1, 2)]


@pytest.mark.parametrize(
    ("accepted", "pinned"),
    [(set(), 1), ({"definitions"}, 2)],
)
def test_plan_pins_accepted_clauses_to_the_new_edition_and_keeps_the_rest(accepted, pinned):
    spec = _spec(warrant_standard="judicial")
    plan = plan_upgrade(spec, EDITION_ONE, "cpd-2026-forms", EDITION_TWO, accepted)
    assert plan.spec.edition == "cpd-2026-forms"
    assert plan.spec.versions == {
        c.slug: (pinned if c.slug == "definitions" else 1) for c in EDITION_TWO
    }
    assert plan.spec.options == {"warrant_standard": "judicial"}
    assert plan.spec.clauses is None


def test_refused_new_model_clause_is_left_out_of_the_document():
    ncic = _clause("ncic")
    old = _swap(EDITION_ONE, None, "ncic")
    plan = plan_upgrade(_spec(), old, "next", EDITION_ONE, accepted=set())
    document = assemble(plan.clauses, plan.spec)
    assert "ncic" not in document.clause_versions
    assert plan.spec.clauses == tuple(c.slug for c in EDITION_ONE if c.model and c.slug != "ncic")
    accepted = plan_upgrade(_spec(), old, "next", EDITION_ONE, accepted={"ncic"})
    assert accepted.spec.clauses is None
    assert assemble(accepted.clauses, accepted.spec).clause_versions["ncic"] == ncic.version


def test_removed_clause_stays_pinned_unless_accepted():
    without = _swap(EDITION_ONE, None, "ncic")
    kept = plan_upgrade(_spec(), EDITION_ONE, "next", without, accepted=set())
    assert kept.spec.versions["ncic"] == 1
    assert "ncic" in assemble(kept.clauses, kept.spec).clause_versions
    gone = plan_upgrade(_spec(), EDITION_ONE, "next", without, accepted={"ncic"})
    assert "ncic" not in gone.spec.versions
    assert "ncic" not in assemble(gone.clauses, gone.spec).clause_versions


def test_dropped_option_of_a_removed_clause_is_reported_when_the_removal_is_accepted():
    reporting = replace(
        _clause("reporting"),
        options=(Option("x_choice", "X", "choice", "a", choices=(Choice("a", "A"),)),),
    )
    old = _swap(EDITION_ONE, reporting)
    new = _swap(EDITION_ONE, None, "reporting")
    body_free = [replace(c, body=c.body) for c in new]
    plan = plan_upgrade(_spec(), old, "next", body_free, accepted={"reporting"})
    dropped = [m.key for m in plan.options if m.status == "dropped"]
    assert dropped == ["x_choice"]
