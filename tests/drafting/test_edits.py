"""The draft's own words: edits, sections of its own, headings and order over the library."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.assembly import AssemblyError, assemble
from drafting.departures import departures
from drafting.diff import diff_documents
from drafting.edit_merge import derive_edits, rebase_edits, three_way
from drafting.edits import apply_edits_to_text, apply_words, clause_text, edit_problems
from drafting.spec import SpecError, parse_spec
from drafting.words import MAX_EDITS, Edit, Words
from tests.model_seed import MODEL_LOCALITY

PRIVACY_FIND = "maintain and/or share confidential personal information"
PRIVACY_REPLACE = "share confidential personal information"


def _spec(**words):
    return parse_spec({"locality": MODEL_LOCALITY, **words})


def _edit(clause, find, replace):
    return {"clause": clause, "find": find, "replace": replace}


def test_spec_written_as_format_2_and_format_1_still_read():
    spec = _spec(format="ordinance-spec/1")
    assert spec.as_dict()["format"] == "ordinance-spec/2"
    edited = _spec(edits=[_edit("privacy", "a", "b")])
    assert parse_spec(edited.as_dict()) == edited
    with pytest.raises(SpecError) as error:
        _spec(format="ordinance-spec/9")
    assert list(error.value.problems) == ["format"]


def test_edit_replaces_exact_text_of_its_clause(library_texts, model_document):
    spec = _spec(edits=[_edit("privacy", PRIVACY_FIND, PRIVACY_REPLACE)])
    document = assemble(library_texts, spec)
    before = clause_text(model_document, "privacy")
    assert clause_text(document, "privacy") == before.replace(PRIVACY_FIND, PRIVACY_REPLACE)
    others = [s for s in document.sections if s.clause != "privacy"]
    assert others == [s for s in model_document.sections if s.clause != "privacy"]


def test_edit_keeps_defined_term_style_where_text_is_unchanged(library_texts):
    spec = _spec(edits=[_edit("definitions", "means every department", "means each department")])
    block = next(
        b
        for b in assemble(library_texts, spec).section("definitions").blocks
        if b.key == "definitions#agency"
    )
    assert [(run.style, run.text[:20]) for run in block.runs] == [
        ("term", "“Agency”"),
        ("plain", " means each departme"),
    ]


def test_edit_that_adds_a_paragraph_relabels_the_items(library_texts, model_document):
    first = "The number of requests from IC"
    text = clause_text(model_document, "reporting")
    item = next(p for p in text.split("\n\n") if p.startswith(first))
    spec = _spec(edits=[_edit("reporting", item, f"The number of arrests.\n\n{item}")])
    blocks = assemble(library_texts, spec).section("reporting").blocks
    assert [(b.label, b.text[:22]) for b in blocks[1:4]] == [
        ("A.", "The number of arrests."),
        ("B.", "The number of requests"),
        ("C.", "The number of immigrat"),
    ]


def test_edit_that_removes_a_paragraph_relabels_the_items(library_texts, model_document):
    paragraphs = clause_text(model_document, "reporting").split("\n\n")
    spec = _spec(edits=[_edit("reporting", f"{paragraphs[1]}\n\n", "")])
    blocks = assemble(library_texts, spec).section("reporting").blocks
    assert [(b.label, b.text) for b in blocks[1:3]] == [
        ("A.", paragraphs[2]),
        ("B.", paragraphs[3]),
    ]


def test_edit_of_the_title(library_texts):
    spec = _spec(edits=[_edit("title", "Justice and Equity", "Welcoming City")])
    assert assemble(library_texts, spec).title == "Welcoming City Ordinance"


def test_edit_that_no_longer_matches_keeps_library_text_and_is_a_conflict(
    library_texts, model_document
):
    words = Words(edits=(Edit("privacy", "no such words", "x"),))
    applied = apply_words(model_document, words)
    assert applied.document == model_document
    assert [(c.index, c.reason) for c in applied.conflicts] == [
        (0, "“no such words” is not in the text of clause “privacy”.")
    ]


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (
            _edit("privacy", "nothing like this", "x"),
            "edits[0].find",
            "“nothing like this” is not in the text of clause “privacy”.",
        ),
        (
            _edit("privacy", "information", "x"),
            "edits[0].find",
            "“information” is in the text of clause “privacy” more than once; "
            "include more words around it.",
        ),
        (
            _edit("juveniles", "juvenile", "x"),
            "edits[0].clause",
            "The draft does not include clause “juveniles”; include it to edit it.",
        ),
    ],
)
def test_edit_problems_name_the_field_and_the_text(model_document, edit, field, message):
    words = parse_spec({"locality": MODEL_LOCALITY, "edits": [edit]}).words
    assert edit_problems(model_document, words) == {field: message}


@pytest.mark.parametrize(
    ("words", "problems"),
    [
        (
            {"sections": [{"key": "x", "heading": "X", "text": "{% if 1 %}a{% endif %}"}]},
            {
                "sections[0].text": "Text of your own cannot hold markup or template code "
                "({{, {%, {# or <tags>)."
            },
        ),
        (
            {"sections": [{"key": "x", "heading": "<b>X</b>", "text": "a"}]},
            {
                "sections[0].heading": "Text of your own cannot hold markup or template code "
                "({{, {%, {# or <tags>)."
            },
        ),
        (
            {"edits": [_edit("privacy", "a", "{{ locality }}")]},
            {
                "edits[0].replace": "Text of your own cannot hold markup or template code "
                "({{, {%, {# or <tags>)."
            },
        ),
        (
            {"sections": [{"key": "x", "heading": "X", "text": "a"}] * 2},
            {"sections[1].key": "Two sections have the key 'x'."},
        ),
        ({"edits": [_edit("privacy", "", "b")]}, {"edits[0].find": "Find is required."}),
        (
            {"edits": [_edit("privacy", "a", "b")] * (MAX_EDITS + 1)},
            {"edits": f"At most {MAX_EDITS} edits; this spec has {MAX_EDITS + 1}."},
        ),
        (
            {"edits": [_edit("privacy", "a", "b" * 20_001)]},
            {"edits[0].replace": "Replace is 20001 characters long; at most 20000."},
        ),
    ],
)
def test_bad_words_are_refused_naming_the_field(words, problems):
    with pytest.raises(SpecError) as error:
        _spec(**words)
    assert error.value.problems == problems


def test_section_key_that_is_a_library_clause_is_refused(library_texts):
    spec = _spec(sections=[{"key": "privacy", "heading": "MINE", "text": "Mine."}])
    with pytest.raises(AssemblyError) as error:
        assemble(library_texts, spec)
    assert error.value.problems == {
        "sections[0].key": "The key “privacy” is a clause of the library; choose another."
    }


def test_own_section_is_numbered_like_every_other(library_texts, model_document):
    text = "Every agency shall hire locally.\n\n- First item.\n\n  - A sub-item.\n\n- Second item."
    own = {"key": "local-hiring", "heading": "LOCAL HIRING", "text": text, "after": "privacy"}
    document = assemble(library_texts, _spec(sections=[own]))
    titles = [s.title for s in document.sections]
    model_titles = [s.title for s in model_document.sections]
    at = titles.index("X) LOCAL HIRING")
    assert titles[at - 1] == "IX) PRIVACY"
    assert titles[at + 1].startswith("XI) ") and model_titles[at].startswith("X) ")
    assert [(b.label, b.text) for b in document.sections[at].blocks] == [
        ("", "Every agency shall hire locally."),
        ("A.", "First item."),
        ("1)", "A sub-item."),
        ("B.", "Second item."),
    ]


def test_headings_renamed_and_sections_reordered(library_texts):
    spec = _spec(headings={"privacy": "CONFIDENTIALITY"}, order=["severability", "privacy"])
    document = assemble(library_texts, spec)
    titles = [s.title for s in document.sections]
    assert "IX) SEVERABILITY" in titles
    assert [t for t in titles if "CONFIDENTIALITY" in t][0].endswith("CONFIDENTIALITY")
    assert (
        titles.index("IX) SEVERABILITY")
        < [i for i, t in enumerate(titles) if "CONFIDENTIALITY" in t][0]
    )


def test_departures_list_options_edits_and_own_sections(library_texts):
    spec = _spec(
        options={"reporting_cadence": "annual"},
        edits=[_edit("privacy", PRIVACY_FIND, PRIVACY_REPLACE)],
        sections=[{"key": "local-hiring", "heading": "LOCAL HIRING", "text": "Hire locally."}],
    )
    assert [(d.clause, d.kind) for d in departures(library_texts, spec)] == [
        ("reporting", "option"),
        ("privacy", "edit"),
        ("local-hiring", "added"),
    ]


# -- from typed text to edits, and the three-way merge ------------------------------


def test_derive_edits_are_the_smallest_unique_pairs():
    old = "The City shall report.\n\nThe City shall not ask."
    new = "The City shall report quarterly.\n\nThe City shall not ask.\n\nA new paragraph."
    assert [(e.find, e.replace) for e in derive_edits("c", old, new)] == [
        ("report.", "report quarterly."),
        ("ask.", "ask.\n\nA new paragraph."),
    ]


_WORDS = st.sampled_from(["the", "City", "shall", "not", "ask", "report", ",", ".", "A"])
_TEXT = st.lists(
    st.lists(_WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=4
).map("\n\n".join)


@given(old=_TEXT, new=_TEXT)
def test_derived_edits_give_exactly_the_new_text(old, new):
    edits = derive_edits("c", old, new)
    applied, conflict = apply_edits_to_text(old, list(enumerate(edits)))
    assert conflict is None
    assert applied == new


def test_rebase_keeps_an_edit_whose_text_is_still_there():
    edits = [Edit("c", "keep records", "retain records")]
    rebased = rebase_edits("c", "Do not keep records. Ask.", "Never keep records. Ask.", edits)
    assert (rebased.edits, rebased.conflict) == (tuple(edits), False)


def test_rebase_carries_a_change_over_when_the_library_changed_elsewhere():
    old = "The City shall not ask about status. It shall report quarterly."
    new = "The City shall not ask about status or birthplace. It shall report quarterly."
    edits = [Edit("c", "status. It shall report quarterly", "status. It shall report monthly")]
    rebased = rebase_edits("c", old, new, edits)
    assert rebased.conflict is False
    assert apply_edits_to_text(new, list(enumerate(rebased.edits)))[0] == (
        "The City shall not ask about status or birthplace. It shall report monthly."
    )


def test_rebase_of_a_change_where_the_library_changed_too_is_a_conflict():
    old = "It shall report quarterly."
    new = "It shall report every six months."
    rebased = rebase_edits("c", old, new, [Edit("c", "quarterly", "monthly")])
    assert (rebased.conflict, rebased.mine, rebased.new_text) == (
        True,
        "It shall report monthly.",
        new,
    )
    assert three_way(old, "It shall report monthly.", new) is None


# -- the property: render then diff yields exactly the edits -------------------------


@st.composite
def _random_edits(draw, document):
    clauses = sorted({b.clause for _s, b in document.blocks() if b.clause})
    picked = draw(st.lists(st.sampled_from(clauses), min_size=1, max_size=4, unique=True))
    edits, expected = [], {}
    for clause in picked:
        text = clause_text(document, clause)
        words = text.split(" ")
        start = draw(st.integers(0, len(words) - 1))
        length = draw(st.integers(1, min(6, len(words) - start)))
        find = " ".join(words[start : start + length])
        if "\n" in find or text.count(find) != 1:
            continue
        replacement = draw(st.sampled_from(["ZZTOP", "fresh words here", "Q"]))
        edits.append(Edit(clause, find, replacement))
        expected[clause] = text.replace(find, replacement, 1)
    return edits, expected


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_render_then_diff_yields_exactly_the_edits(model_document, data):
    edits, expected = data.draw(_random_edits(model_document))
    edited = apply_words(model_document, Words(edits=tuple(edits))).document
    diff = diff_documents(model_document, edited)
    changed: dict[str, list[str]] = {}
    for _section, op in diff.block_ops():
        if op.is_change:
            assert op.op == "changed"
            changed.setdefault(op.block.clause, []).append(op.new_text)
        else:
            assert op.block.clause not in expected or op.old.text == op.new.text
    assert set(changed) == set(expected)
    for clause, text in expected.items():
        assert clause_text(edited, clause) == text
        deleted = [
            w
            for _s, op in diff.block_ops()
            if op.block.clause == clause
            for kind, w in op.words
            if kind == "delete"
        ]
        inserted = [
            w
            for _s, op in diff.block_ops()
            if op.block.clause == clause
            for kind, w in op.words
            if kind == "insert"
        ]
        old = clause_text(model_document, clause)
        assert "".join(deleted) in old and "".join(inserted) in text


def test_rebase_words_carries_clean_merges_and_keeps_conflicting_edits(library_texts):
    from drafting.edit_merge import rebase_words

    old = assemble(library_texts, _spec(options={"reporting_cadence": "quarterly"}))
    new = assemble(library_texts, _spec(options={"reporting_cadence": "annual"}))
    words = Words(
        edits=(
            Edit("privacy", PRIVACY_FIND, PRIVACY_REPLACE),
            Edit("reporting", "on a quarterly basis", "every month"),
        )
    )
    rebased, results = rebase_words(old, new, words)
    assert rebased.edits == words.edits
    assert [(r.clause, r.conflict) for r in results] == [("reporting", True)]


def test_both_sides_editing_one_clause_differently_is_one_conflict():
    from drafting.merge import merge_specs

    base = {"edits": []}
    theirs = {"edits": [_edit("privacy", "a", "b")]}
    mine = {"edits": [_edit("privacy", "a", "c")]}
    merged = merge_specs(base, theirs, mine)
    assert [c.key for c in merged.conflicts] == ["edits.privacy"]
    assert merged.resolve({"edits.privacy": "mine"}).spec()["edits"] == mine["edits"]
