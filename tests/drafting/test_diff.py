"""The document diff: alignment by clause and key, word ops, label changes.

`document_pairs` (a Hypothesis strategy in tests/factories.py) builds pairs of
documents where the second is the first with sections added, removed and moved,
blocks added, removed and re-levelled, and words edited; the redline tests use it too.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from drafting.assembly import assemble
from drafting.diff import (
    BlockOp,
    accept_all,
    changes,
    counts,
    diff_documents,
    diff_words,
    document_texts,
    pieces,
    reject_all,
    token_opcodes,
)
from drafting.document import Block, Document, Run, Section
from drafting.spec import parse_spec
from tests.factories import (
    LOCALITY,
    PROPERTY,
    document,
    document_pairs,
    library,
    model,
    section,
)

# -- properties ---------------------------------------------------------------


@PROPERTY
@given(document_pairs())
def test_diff_accept_and_reject_rebuild_both_documents(pair):
    old, new = pair
    diff = diff_documents(old, new)
    assert accept_all(diff) == document_texts(new)
    assert reject_all(diff) == document_texts(old)


@PROPERTY
@given(document_pairs())
def test_diff_pieces_rebuild_both_texts_with_styles(pair):
    old, new = pair
    for _section, op in diff_documents(old, new).block_ops():
        parts = pieces(op)
        if op.new is not None:
            assert "".join(p.text for p in parts if p.kind != "delete") == op.new.text
        if op.old is not None:
            assert "".join(p.text for p in parts if p.kind != "insert") == op.old.text
        if op.op in ("equal", "changed"):
            new_styles = [(p.text, p.style) for p in parts if p.kind != "delete"]
            assert _merge(new_styles) == _merge([(r.text, r.style) for r in op.new.runs])


def _merge(parts):
    out = []
    for text, style in parts:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        elif text:
            out.append((text, style))
    return out


@PROPERTY
@given(document_pairs())
def test_diff_of_a_document_with_itself_has_no_changes(pair):
    old, _new = pair
    diff = diff_documents(old, old)
    assert changes(diff) == []
    assert {op.op for op in diff.sections} <= {"equal"}


@PROPERTY
@given(document_pairs())
def test_diff_anchors_are_unique(pair):
    diff = diff_documents(*pair)
    anchors = [op.anchor for op in diff.sections] + [op.anchor for _s, op in diff.block_ops()]
    assert len(anchors) == len(set(anchors))


# -- words ----------------------------------------------------------------------


def test_diff_words_one_word_edit_is_one_delete_and_one_insert():
    ops = diff_words(
        "reports shall be published on a quarterly basis by the City Clerk.",
        "reports shall be published on a annual basis by the City Clerk.",
    )
    assert [kind for kind, _ in ops] == ["equal", "delete", "insert", "equal"]
    assert ops[1:3] == (("delete", "quarterly"), ("insert", "annual"))


def test_diff_words_keeps_whitespace_and_punctuation_exactly():
    old = "No  officer, agent or employee—of Springfield  (30) days’ notice."
    new = "No officer, agent, or employee of Springfield (45) days’ notice;"
    ops = diff_words(old, new)
    assert "".join(text for kind, text in ops if kind != "delete") == new
    assert "".join(text for kind, text in ops if kind != "insert") == old


def test_diff_words_empty_sides():
    assert diff_words("", "") == ()
    assert diff_words("", "new text") == (("insert", "new text"),)
    assert diff_words("old text", "") == (("delete", "old text"),)


# -- sections and blocks on the model ------------------------------------------


def test_diff_removed_clause_is_one_deleted_section_and_relabelling_is_not_a_change():
    old = model()
    new = model(drop=("advisory",))
    diff = diff_documents(old, new)
    deleted = [op for op in diff.sections if op.op != "equal"]
    assert [(op.op, op.old.clause) for op in deleted] == [("deleted", "advisory")]
    after = [op for op in diff.sections if op.op == "equal" and op.label_change]
    assert after, "the sections after the removed one are relabelled"
    assert after[0].label_change == ("V)", "IV)")
    assert all(op.heading == (("equal", op.new.heading),) for op in after)
    assert [c.kind for c in changes(diff)] == ["section-deleted"]
    assert counts(diff)["sections_deleted"] == 1
    assert counts(diff)["insertions"] == 0


def test_diff_removed_subsection_relabels_later_items_quietly():
    diff = diff_documents(model(), model(drop=("no-287g",)))
    section = next(op for op in diff.sections if op.section.clause == "civil-enforcement")
    by_key = {op.block.key: op for op in section.blocks}
    assert by_key["no-287g"].op == "deleted"
    detainers = by_key["detainers"]
    assert detainers.op == "equal"
    assert detainers.label_change == ("C.", "B.")


def test_diff_warrant_standard_is_a_word_deletion():
    diff = diff_documents(model(), model({"warrant_standard": "judicial"}))
    section = next(op for op in diff.sections if op.section.clause == "civil-enforcement")
    detainers = next(op for op in section.blocks if op.block.key == "detainers")
    assert detainers.op == "changed"
    assert [(k, t) for k, t in detainers.words if k != "equal"] == [("delete", "criminal ")]


def test_diff_reporting_cadence_is_one_replacement():
    diff = diff_documents(model(), model({"reporting_cadence": "annual"}))
    changed = [op for _s, op in diff.block_ops() if op.op == "changed"]
    assert len(changed) == 1
    assert [(k, t) for k, t in changed[0].words if k != "equal"] == [
        ("delete", "a quarterly"),
        ("insert", "an annual"),
    ]


def test_diff_a_paragraph_rewritten_past_half_its_words_is_still_one_change():
    old = document(section("reporting", "Reporting", "The City shall publish on its website:"))
    new = document(section("reporting", "Reporting", "The ZZTOP website:"))
    (op,) = [op for _s, op in diff_documents(old, new).block_ops()]
    assert op.op == "changed"
    assert [(k, t) for k, t in op.words if k != "equal"] == [
        ("delete", "City shall publish on its"),
        ("insert", "ZZTOP"),
    ]


def test_token_opcodes_slide_a_lone_deletion_left_as_difflib_does():
    old = ["keep", " ", "maintain", " ", "and", " ", "keep"]
    new = ["keep", " ", "and", " ", "keep"]
    assert token_opcodes(old, new) == [
        ("equal", 0, 1, 0, 1),
        ("delete", 1, 3, 1, 1),
        ("equal", 3, 7, 1, 5),
    ]


def test_diff_added_clause_is_one_inserted_section():
    diff = diff_documents(model(), model(add=("training",)))
    changed = [op for op in diff.sections if op.op != "equal"]
    assert [(op.op, op.new.clause) for op in changed] == [("inserted", "training")]
    assert all(block.op == "inserted" for block in changed[0].blocks)


def test_diff_moved_section_is_moved_not_deleted_and_inserted():
    a = section("a", "ALPHA", "First text.")
    b = section("b", "BRAVO", "Second text.")
    c = section("c", "CHARLIE", "Third text.", "More.")
    diff = diff_documents(document(a, b, c), document(c, a, b))
    ops = [(op.op, op.move, op.section.clause) for op in diff.sections]
    assert ops == [
        ("moved", "to", "c"),
        ("equal", "", "a"),
        ("equal", "", "b"),
        ("moved", "from", "c"),
    ]
    moved_to = diff.sections[0]
    assert all(block.op == "equal" for block in moved_to.blocks)
    assert [c.kind for c in changes(diff)] == ["section-moved"]
    assert counts(diff)["sections_moved"] == 1
    assert accept_all(diff) == document_texts(document(c, a, b))
    assert reject_all(diff) == document_texts(document(a, b, c))


def test_diff_renumbered_section_is_equal_apart_from_its_label():
    a = section("a", "ALPHA", "First text.")
    b = section("b", "BRAVO", "Second text.")
    diff = diff_documents(document(a, b), document(b))
    assert [(op.op, op.label_change) for op in diff.sections] == [
        ("deleted", None),
        ("equal", ("II)", "I)")),
    ]


def test_diff_blocks_without_keys_pair_by_similar_text():
    def unkeyed(*texts):
        return Section("H", tuple(Block("paragraph", (Run(t),)) for t in texts), clause="s")

    old = document(unkeyed("The council shall meet every quarter.", "Gone entirely now."))
    new = document(unkeyed("Brand new paragraph here.", "The council shall meet every month."))
    ops = [op.op for op in diff_documents(old, new).sections[0].blocks]
    assert ops == ["inserted", "changed", "deleted"] or ops == ["deleted", "inserted", "changed"]


def test_diff_block_moved_to_another_section_is_flagged_moved():
    block = Block("paragraph", (Run("Travelling text."),), key="x")
    old = document(Section("A", (block,), clause="a"), Section("B", (), clause="b"))
    new = document(Section("A", (), clause="a"), Section("B", (block,), clause="b"))
    ops = [(op.op, op.moved) for _s, op in diff_documents(old, new).block_ops()]
    assert ops == [("deleted", True), ("inserted", True)]


def test_diff_changes_list_points_at_the_changed_block():
    diff = diff_documents(model(), model({"warrant_standard": "judicial"}))
    entries = changes(diff)
    detainers = next(c for c in entries if c.anchor == "b-detainers")
    assert detainers.kind == "block-changed"
    assert detainers.label == "C."
    assert detainers.deleted == "criminal"
    assert detainers.where == "II) C."
    assert detainers.section.startswith("II) CIVIL IMMIGRATION ENFORCEMENT")


def test_block_op_texts():
    op = BlockOp("changed", None, None, (("equal", "a "), ("delete", "b"), ("insert", "c")))
    assert (op.old_text, op.new_text) == ("a b", "a c")


@pytest.mark.parametrize("numbering", ["cpd", "section"])
def test_diff_numbering_change_keeps_sections_aligned(numbering):
    lib = library()
    spec = {"locality": LOCALITY, "numbering": numbering}
    diff = diff_documents(model(), assemble(lib, parse_spec(spec)))
    assert {op.op for op in diff.sections} <= {"equal", "changed"}


def test_diff_positional_keys_align_by_text_not_position():
    # Assembly keys keyless paragraphs by position ("x:1", "x:2"): a paragraph
    # inserted first shifts them all, and must not turn into three rewrites.
    old = document(section("x", "H", "Alpha text here.", "Bravo text here.", "Charlie text."))
    new = document(
        section(
            "x",
            "H",
            "A new first paragraph.",
            "Alpha text here.",
            "Bravo text here.",
            "Charlie text.",
        )
    )
    ops = [(op.op, op.block.text) for op in diff_documents(old, new).sections[0].blocks]
    assert ops == [
        ("inserted", "A new first paragraph."),
        ("equal", "Alpha text here."),
        ("equal", "Bravo text here."),
        ("equal", "Charlie text."),
    ]


def test_diff_assembled_against_unkeyed_outside_document():
    def strip(document: Document) -> Document:
        sections = tuple(
            Section(
                s.heading,
                tuple(Block(b.kind, b.runs, b.level, b.label) for b in s.blocks),
                s.number,
                s.label,
            )
            for s in document.sections
        )
        return Document(document.title, sections, enacting_clause=document.enacting_clause)

    assembled = model()
    outside = strip(model({"warrant_standard": "judicial"}))
    diff = diff_documents(assembled, outside)
    assert {op.op for op in diff.sections} <= {"equal", "changed"}
    changed = [op for _s, op in diff.block_ops() if op.is_change]
    assert [op.op for op in changed] == ["inserted", "changed", "changed"]
    assert accept_all(diff) == document_texts(outside)
