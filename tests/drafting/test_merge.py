"""Three-way merge of specs: nothing typed is lost, no colleague's change silently undone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafting.merge import FieldConflict, merge_specs, spec_fields, spec_from_fields

BASE = {
    "edition": "cpd-2017",
    "numbering": "cpd",
    "locality": {"name": "City of Springfield", "state": "Illinois"},
    "options": {"warrant_standard": "judicial-criminal", "reporting_cadence": "quarterly"},
}
ORDER = ("title", "definitions", "detainers", "u-visa", "savings-clause")
MODEL = {"title", "definitions", "detainers", "u-visa"}


def _included(spec):
    chosen = spec.get("clauses")
    return MODEL if chosen is None else set(chosen)


def _with(spec, **changes):
    out = {key: dict(value) if isinstance(value, dict) else value for key, value in spec.items()}
    for key, value in changes.items():
        section, _, inner = key.partition("__")
        if inner:
            out.setdefault(section, {})[inner] = value
        else:
            out[section] = value
    return out


def test_fields_only_i_changed_are_applied_and_theirs_kept():
    theirs = _with(BASE, options__reporting_cadence="annual")
    mine = _with(BASE, options__warrant_standard="judicial", locality__name="Lake County")
    merged = merge_specs(BASE, theirs, mine)
    assert merged.conflicts == ()
    assert merged.spec()["options"] == {
        "warrant_standard": "judicial",
        "reporting_cadence": "annual",
    }
    assert merged.spec()["locality"]["name"] == "Lake County"
    assert set(merged.mine) == {"options.warrant_standard", "locality.name"}
    assert merged.theirs == ("options.reporting_cadence",)


def test_both_changed_differently_is_a_conflict_holding_theirs_until_settled():
    theirs = _with(BASE, options__warrant_standard="none")
    mine = _with(BASE, options__warrant_standard="judicial")
    merged = merge_specs(BASE, theirs, mine)
    assert merged.conflicts == (
        FieldConflict("options.warrant_standard", "judicial-criminal", "none", "judicial"),
    )
    assert merged.spec()["options"]["warrant_standard"] == "none"
    settled = merged.resolve({"options.warrant_standard": "mine"})
    assert settled.conflicts == ()
    assert settled.spec()["options"]["warrant_standard"] == "judicial"


def test_both_changed_alike_is_no_conflict():
    theirs = mine = _with(BASE, numbering="section")
    assert merge_specs(BASE, theirs, mine).conflicts == ()


def test_clause_inclusion_merges_per_clause():
    theirs = _with(BASE, clauses=["title", "definitions", "detainers", "u-visa", "savings-clause"])
    mine = _with(BASE, clauses=["title", "definitions", "detainers"])  # I left out U visas
    merged = merge_specs(BASE, theirs, mine, included=_included, clause_order=ORDER)
    assert merged.conflicts == ()
    assert merged.spec()["clauses"] == ["title", "definitions", "detainers", "savings-clause"]


def test_model_default_clauses_stay_default_when_nobody_listed_them():
    merged = merge_specs(BASE, BASE, BASE, included=_included, clause_order=ORDER)
    assert "clauses" not in merged.spec()


def test_option_removed_by_me_is_removed():
    mine = _with(BASE)
    del mine["options"]["reporting_cadence"]
    merged = merge_specs(BASE, BASE, mine)
    assert merged.spec()["options"] == {"warrant_standard": "judicial-criminal"}


def test_whole_fields_such_as_edits_merge_as_units():
    theirs = _with(BASE, edits=[{"clause": "title", "find": "a", "replace": "b"}])
    merged = merge_specs(BASE, theirs, BASE)
    assert merged.spec()["edits"] == [{"clause": "title", "find": "a", "replace": "b"}]


def test_flatten_round_trips():
    spec = _with(BASE, clauses=["title", "detainers"])
    fields = spec_fields(spec, set(spec["clauses"]))
    assert spec_from_fields(fields, ORDER) == spec


values = st.sampled_from(["a", "b", "c", None])
specs = st.fixed_dictionaries({"options": st.fixed_dictionaries({"x": values, "y": values})})


def _clean(spec):
    return {"options": {k: v for k, v in spec["options"].items() if v is not None}}


@given(specs, specs, specs)
def test_merge_is_theirs_when_i_changed_nothing_and_mine_when_they_did(base, theirs, mine):
    base, theirs, mine = _clean(base), _clean(theirs), _clean(mine)
    assert merge_specs(base, theirs, base).spec().get("options", {}) == theirs["options"]
    assert merge_specs(base, base, mine).spec().get("options", {}) == mine["options"]
    merged = merge_specs(base, theirs, mine)
    both = {
        key
        for key in ("x", "y")
        if base["options"].get(key) != theirs["options"].get(key)
        and base["options"].get(key) != mine["options"].get(key)
        and theirs["options"].get(key) != mine["options"].get(key)
    }
    assert {c.key for c in merged.conflicts} == {f"options.{key}" for key in both}
    settled = merged.resolve({c.key: "mine" for c in merged.conflicts}).spec()
    for key in ("x", "y"):
        if base["options"].get(key) != mine["options"].get(key):
            assert settled.get("options", {}).get(key) == mine["options"].get(key)
