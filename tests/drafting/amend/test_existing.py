"""The spec's `existing`: read field by field; the existing law split and keyed."""

from __future__ import annotations

from drafting.amend.existing import existing_document, parse_existing, refs
from drafting.spec import SpecError, parse_spec
from tests.drafting.amend.helpers import amend_spec, corpus_text
from tests.drafting.amend.test_ordinance import CHAPTER


def test_round_trip_through_the_spec():
    data = amend_spec(
        CHAPTER,
        code_name="Chapter 2-14 of the Municipal Code",
        style="strike-underscore",
        decisions=[{"section": "2-14-050", "action": "repeal"}],
        added=[{"clause": "u-visa", "after": "2-14-030", "number": "2-14-035"}],
    )
    spec = parse_spec(data)
    assert parse_spec(spec.as_dict()) == spec
    assert spec.as_dict()["existing"]["decisions"] == [{"section": "2-14-050", "action": "repeal"}]


def test_a_spec_without_existing_reads_as_before():
    data = amend_spec(CHAPTER)
    del data["existing"]
    assert "existing" not in parse_spec(data).as_dict()


def test_every_problem_named_by_field():
    data = amend_spec(
        CHAPTER,
        style="bold",
        decisions=[
            {"section": "9-9", "action": "repeal"},
            {"section": "2-14-030", "action": "amend", "text": ""},
            {"section": "2-14-040", "action": "replace"},
            {"section": "2-14-050", "action": "burn"},
        ],
        added=[{"clause": "u-visa", "after": "7-7"}],
    )
    try:
        parse_spec(data)
    except SpecError as exc:
        problems = exc.problems
    assert problems == {
        "existing.style": "Style must be one of: read-as-follows, strike-underscore.",
        "existing.decisions[1].text": "Text is required.",
        "existing.decisions[2].clause": "Name the model clause that replaces the section.",
        "existing.decisions[3].action": "Action must be one of: keep, amend, replace, repeal.",
    }
    data["existing"]["style"] = "read-as-follows"
    data["existing"]["decisions"] = data["existing"]["decisions"][:1]
    _existing, problems = parse_existing(data["existing"])
    assert problems == {
        "existing.decisions[0].section": "The existing law has no section 9-9.",
        "existing.added[0].after": "The existing law has no section 7-7.",
    }


def test_chapter_heading_is_the_title_and_sections_are_keyed():
    document = existing_document(CHAPTER)
    assert document.title == "CHAPTER 2-14 IMMIGRATION ENFORCEMENT"
    assert [s.clause for s in document.sections] == [
        "existing-2-14-010", "existing-2-14-030", "existing-2-14-040", "existing-2-14-050",
    ]  # fmt: skip
    assert {b.clause for b in document.sections[1].blocks} == {"existing-2-14-030"}


def test_a_table_of_contents_gives_unique_names():
    names = refs(existing_document(corpus_text("menlo-park-2017-mmc-2-60-020-registry.txt")))
    assert len(names) == len(set(names))
    assert "2.60.010#6" in names


def test_one_section_keeps_every_word():
    text = "POLICY\nThe Sheriff shall not honor detainers.\nA. No one shall ask about status."
    document = existing_document(text, one_section=True)
    (section,) = document.sections
    parts = [document.title, section.title, *(f"{b.label} {b.text}" for b in section.blocks)]
    words = " ".join(parts).split()
    assert sorted(words) == sorted(text.split())
