"""The clause source format: clear errors, and a faithful round trip."""

import pytest
import yaml

from drafting.library import (
    ClauseSourceError,
    compose_clause,
    dump_clause,
    dump_edition,
    editable_front_matter,
    edition_contents,
    parse_clause,
    parse_edition,
    read_all_versions,
    read_edition,
    read_editions,
    read_history,
    read_library,
    write_edition_files,
)

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


def test_every_version_file_round_trips_through_dump():
    for clause in read_all_versions():
        assert parse_clause(dump_clause(clause)) == clause


def test_each_clause_has_versions_one_to_newest_and_the_newest_in_clauses_dir():
    newest = {c.slug: c.version for c in read_library()}
    numbers: dict[str, list[int]] = {}
    for clause in read_all_versions():
        numbers.setdefault(clause.slug, []).append(clause.version)
    assert {slug: versions[-1] for slug, versions in numbers.items()} == newest
    assert {slug: versions for slug, versions in numbers.items()} == {
        slug: list(range(1, top + 1)) for slug, top in newest.items()
    }


def test_every_edition_manifest_names_versions_the_files_hold():
    versions = read_all_versions()
    for manifest in read_editions():
        assert len(edition_contents(manifest, versions)) == len(manifest.clauses)


def test_edition_manifest_round_trips_through_dump():
    for manifest in read_editions():
        assert parse_edition(dump_edition(manifest)) == manifest


def test_editions_are_read_base_first():
    assert [(e.slug, e.derived_from) for e in read_editions()] == [
        ("cpd-2017", ""),
        ("cpd-2026-forms", "cpd-2017"),
        ("cpd-2026-council", "cpd-2026-forms"),
    ]


def test_history_file_must_be_named_after_its_version(tmp_path):
    (tmp_path / "history").mkdir()
    (tmp_path / "history" / "example.v2.md").write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(ClauseSourceError, match="name it example.v1.md"):
        read_history(tmp_path / "history")


def test_same_version_in_clauses_and_history_is_refused(tmp_path):
    for folder, name in (("clauses", "005-example.md"), ("history", "example.v1.md")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(ClauseSourceError, match="example version 1 is in both"):
        read_all_versions(tmp_path)


def test_options_that_are_not_mappings_are_refused_by_name():
    with pytest.raises(ClauseSourceError, match="'options' must be a list of mappings"):
        parse_clause(MINIMAL.replace("---\nSome", "options:\n  - just a word\n---\nSome"))


def test_option_key_used_twice_in_one_clause_is_refused():
    option = "  - {key: k, label: K, type: number, default: 1}\n"
    with pytest.raises(ClauseSourceError, match="option key\\(s\\) used twice: k"):
        parse_clause(MINIMAL.replace("---\nSome", f"options:\n{option}{option}---\nSome"))


def test_editable_front_matter_and_compose_rebuild_the_version():
    for clause in read_all_versions():
        front, options = editable_front_matter(clause)
        rebuilt = compose_clause(
            front_matter=yaml.safe_load(front),
            options=yaml.safe_load(options) if options else [],
            body=clause.body,
            managed={
                "slug": clause.slug,
                "version": clause.version,
                "date": clause.date,
                "author": clause.author,
                "change_note": clause.change_note,
            },
        )
        assert rebuilt == clause


def test_edition_files_written_read_back_equal(tmp_path):
    versions = read_edition("cpd-2026-forms")
    manifest = next(e for e in read_editions() if e.slug == "cpd-2026-forms")
    write_edition_files(tmp_path, manifest, versions)
    assert read_edition("cpd-2026-forms", tmp_path) == versions
    assert read_editions(tmp_path / "editions") == [manifest]


@pytest.mark.parametrize(
    "title", ["X {{ request.COOKIES }}", "X {% debug %}", "X <b>bold</b>", "X {# note #}"]
)
def test_titles_with_markup_or_template_syntax_are_refused(title):
    source = (
        f"---\nslug: x\ntitle: '{title}'\nkind: section\nheading: X\ntopic: detainers\n"
        "order: 1\n---\nText.\n"
    )
    with pytest.raises(ClauseSourceError, match="the title must be plain text"):
        parse_clause(source)
