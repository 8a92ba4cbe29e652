"""The state-law table as library data: every file reads and validates; lookups; dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from drafting.federal_context import read_federal_context
from drafting.state_law import (
    STATE_LAW_DIR,
    StateLawError,
    find_entry,
    parse_entry,
    postal_code,
    read_entry,
    read_state_law,
)


def _raw(postal: str) -> dict:
    return yaml.safe_load((STATE_LAW_DIR / f"{postal}.yaml").read_text(encoding="utf-8"))


def test_all_51_jurisdictions_read_and_validate():
    entries = read_state_law()
    assert len(entries) == 51
    assert len({e.postal for e in entries}) == 51
    assert {e.stance for e in entries} == {"preempts", "floor", "mixed", "none-found"}
    assert all(e.summary.endswith("Verify with counsel.") for e in entries)


def test_stances_as_the_data_readme_records_them():
    by_stance: dict[str, set[str]] = {}
    for entry in read_state_law():
        by_stance.setdefault(entry.stance, set()).add(entry.postal)
    assert by_stance["none-found"] == {"AK", "HI", "KY", "MI", "NE", "OK", "PA", "WI"}
    assert by_stance["mixed"] == {"NV", "VA"}
    assert len(by_stance["preempts"]) == 24
    assert len(by_stance["floor"]) == 17


@pytest.mark.parametrize(
    ("name", "postal"),
    [
        ("Texas", "TX"),
        ("TX", "TX"),
        ("tx", "TX"),
        ("Tex.", "TX"),
        ("Calif.", "CA"),
        ("Cal.", "CA"),
        ("  new   york ", "NY"),
        ("N.Y.", "NY"),
        ("D.C.", "DC"),
        ("District of Columbia", "DC"),
        ("Washington, D.C.", "DC"),
        ("Washington", "WA"),
        ("W. Va.", "WV"),
        ("State of Alaska", "AK"),
    ],
)
def test_lookup_by_name_postal_code_or_abbreviation(name, postal):
    assert postal_code(name) == postal
    assert find_entry(read_state_law(), name).postal == postal


def test_unknown_names_find_nothing():
    assert postal_code("Narnia") is None
    assert find_entry(read_state_law(), "") is None


def test_headlines_for_a_preempting_a_floor_and_a_none_found_state():
    entries = read_state_law()
    assert find_entry(entries, "TX").headline() == (
        "Texas law forbids limits on honouring immigration detainers, bans on 287(g) "
        "agreements and limits on asking about or sharing immigration status "
        "(state law as of 2026-11-30)."
    )
    assert find_entry(entries, "CA").headline() == (
        "California law already gives some of these protections (state law as of 2026-11-30)."
    )
    assert find_entry(entries, "AK").headline() == (
        "No state statute found as of 2026-11-30; verify with counsel."
    )


def test_validation_names_every_problem_by_field():
    raw = _raw("tx")
    raw["stance"] = "sanctuary"
    raw["effects"]["detainers"]["level"] = "maybe"
    raw["laws"][0]["url"] = "capitol.texas.gov"
    raw["summary"] = "Texas bans it."
    del raw["as_of"]
    with pytest.raises(StateLawError) as caught:
        parse_entry(raw, "tx.yaml")
    assert caught.value.problems == [
        "as_of: required",
        "stance: must be one of preempts, floor, mixed, none-found, not 'sanctuary'",
        "summary: must end with “Verify with counsel.”",
        "laws[0].url: must start with http:// or https://",
        "effects.detainers.level: must be one of forbids, restricts, floor, contested, "
        "silent, not 'maybe'",
    ]
    assert str(caught.value).startswith("tx.yaml: as_of: required; ")


def test_a_none_found_entry_lists_no_law_and_opens_with_the_dated_sentence():
    raw = _raw("ak")
    raw["summary"] = "Nothing here. Verify with counsel."
    raw["effects"]["detainers"]["level"] = "floor"
    with pytest.raises(StateLawError) as caught:
        parse_entry(raw)
    assert caught.value.problems == [
        "effects: every effect of a none-found entry is silent",
        "summary: a none-found entry begins “No state statute found as of 2026-11-30; "
        "verify with counsel.”",
    ]


def test_state_name_must_match_its_postal_code():
    raw = _raw("tx")
    raw["state"] = "Tejas"
    with pytest.raises(StateLawError, match="state: TX is Texas, not 'Tejas'"):
        parse_entry(raw)


def test_a_file_is_named_by_its_postal_code(tmp_path: Path):
    path = tmp_path / "ca.yaml"
    path.write_text((STATE_LAW_DIR / "tx.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(StateLawError, match="postal: TX belongs in tx.yaml"):
        read_entry(path)


def test_an_entry_round_trips_through_its_stored_form():
    entry = find_entry(read_state_law(), "CA")
    assert parse_entry(entry.to_dict()) == entry
    assert parse_entry(entry.to_dict()).fingerprint() == entry.fingerprint()


def test_needs_review_after_a_year():
    entry = find_entry(read_state_law(), "TX")
    assert not entry.needs_review(dt.date(2027, 11, 30))
    assert entry.needs_review(dt.date(2027, 12, 1))


def test_federal_context_reads_dated_cited_notes():
    context = read_federal_context()
    assert context.as_of == dt.date(2026, 11, 30)
    assert all(note.date and note.url.startswith("http") for note in context.notes)
    assert [n.title for n in context.for_clause("no-287g")] == [
        "Revival and expansion of 287(g), including the Task Force Model"
    ]
    assert (
        "Executive Order 14287, Protecting American Communities From Criminal Aliens "
        "(90 Fed. Reg. 18761)" in [n.title for n in context.for_clause("detainers")]
    )
    assert context.for_clause("u-visa") == ()
