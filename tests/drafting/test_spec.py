"""The draft spec: every problem reported by field; hostile text refused at input."""

import json

import pytest

from drafting.spec import SpecError, load_spec, parse_spec
from tests.model_seed import MODEL_LOCALITY


def test_spec_round_trips_through_json():
    spec = parse_spec(
        {"locality": MODEL_LOCALITY, "options": {"warrant_standard": "judicial"}, "clauses": ["a"]}
    )
    assert load_spec(spec.to_json()) == spec


def test_missing_required_locality_fields_are_all_reported():
    with pytest.raises(SpecError) as caught:
        parse_spec({"locality": {"name": " ", "type": "city"}})
    assert set(caught.value.problems) == {
        "locality.name",
        "locality.state",
        "locality.legislative_body",
    }


@pytest.mark.parametrize("bad", ["Spring\x00field", "Spring\x0bfield", "Spring\u202efield"])
def test_control_characters_are_refused_with_a_clear_message(bad):
    with pytest.raises(SpecError) as caught:
        parse_spec({"locality": {**MODEL_LOCALITY, "name": bad}})
    assert caught.value.problems == {
        "locality.name": "Locality name contains a control character that a document cannot hold."
    }


def test_overlong_value_is_refused_with_its_length():
    with pytest.raises(SpecError) as caught:
        parse_spec({"locality": {**MODEL_LOCALITY, "name": "x" * 5000}})
    assert caught.value.problems["locality.name"] == (
        "Locality name is 5000 characters long; at most 200."
    )


def test_right_to_left_text_and_emoji_are_kept():
    spec = parse_spec({"locality": {**MODEL_LOCALITY, "name": "مدينة سبرينغفيلد 🌆"}})
    assert spec.locality.name == "مدينة سبرينغفيلد 🌆"


def test_invalid_json_names_the_line():
    with pytest.raises(SpecError) as caught:
        load_spec('{"locality": \n  nope}')
    assert caught.value.problems["spec"].startswith("not valid JSON (line 2)")


def test_unknown_format_and_numbering_are_reported():
    with pytest.raises(SpecError) as caught:
        parse_spec({"format": "other/9", "numbering": "arabic", "locality": MODEL_LOCALITY})
    assert set(caught.value.problems) == {"format", "numbering"}


def test_example_spec_in_the_repo_is_valid():
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "examples" / "springfield.json"
    spec = load_spec(path.read_text())
    assert json.loads(spec.to_json())["options"]["warrant_standard"] == "judicial"
