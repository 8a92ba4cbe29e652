"""The clause source format: clear errors, and a faithful round trip."""

import pytest

from clauses.content import ClauseSourceError, dump_clause, parse_clause, read_library

MINIMAL = """---
slug: example
title: Example
topic: reporting
order: 5
kind: section
heading: EXAMPLE
---
Some text.
"""


def test_every_library_file_round_trips_through_dump():
    for clause in read_library():
        assert parse_clause(dump_clause(clause)) == clause


def test_missing_front_matter_field_names_the_field():
    with pytest.raises(ClauseSourceError, match="a section needs a 'heading'"):
        parse_clause(MINIMAL.replace("heading: EXAMPLE\n", ""), where="example.md")


def test_unknown_topic_is_rejected_with_the_choices():
    with pytest.raises(ClauseSourceError, match="topic must be one of"):
        parse_clause(MINIMAL.replace("topic: reporting", "topic: weather"))


def test_choice_default_must_be_one_of_the_choices():
    text = MINIMAL.replace(
        "---\nSome",
        "options:\n  - key: k\n    label: K\n    default: z\n"
        "    choices:\n      - {value: a, label: A, text: x}\n---\nSome",
    )
    with pytest.raises(ClauseSourceError, match="default 'z' is not a choice"):
        parse_clause(text)


def test_option_keys_are_unique_across_the_library():
    keys = [o.key for c in read_library() for o in c.options]
    assert len(keys) == len(set(keys))
