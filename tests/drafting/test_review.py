"""Reviewed Word files back onto the draft: each change on its clause, accept-all gives
the reviewer's text exactly (files edited in Word's XML by hand: see
tests/fixtures/review/word_style.py)."""

from __future__ import annotations

import copy

import pytest
from lxml import etree

from drafting.edits import apply_words, clause_text
from drafting.parse.review import read_reviewed
from drafting.render.docx import ExportMeta, render_docx
from drafting.review import accept, review
from drafting.words import Words
from tests.fixtures.review.word_style import W, WordFile

ATTORNEY, CHIEF = "City Attorney", "Police Chief"


@pytest.fixture(scope="module")
def exported(model_document) -> bytes:
    meta = ExportMeta.for_document(model_document, author="Clerk", revision=3, draft_id=12,
                                   office_id=4, edition="cpd-2017")  # fmt: skip
    return render_docx(model_document, meta)


def word_reviewed(exported: bytes) -> bytes:
    word = WordFile(exported)
    word.replace("on a quarterly basis", "every month", author=ATTORNEY)
    word.delete_paragraph("The number of U visa certifications requested", author=CHIEF)
    word.add_paragraph_after("Sheriff", "–\tDepartment of Health", author=ATTORNEY)
    word.insert_after("National Crime Information Center", " maintained by the FBI",
                      author=ATTORNEY)  # fmt: skip
    word.move("hereby ", "The Commission shall meet ", author=CHIEF)
    word.comment("within 45 days", "Can we do 30?", author=CHIEF,
                 replies=((ATTORNEY, "30 is fine under state law."),))  # fmt: skip
    word.header_insert(" (DRAFT FOR REVIEW)", author=ATTORNEY)
    word.table_at_end("Fiscal note: none.", author=ATTORNEY)
    word.bold("Office of the Mayor", author=ATTORNEY)
    return word.save()


def expected_texts(document) -> dict[str, str]:
    """The reviewer's text of each clause the Word edits touch."""
    texts = {c: clause_text(document, c) for c in
             ("reporting", "commission", "definitions", "purpose")}  # fmt: skip
    reporting = texts["reporting"].replace("on a quarterly basis", "every month")
    paragraphs = reporting.split("\n\n")
    texts["reporting"] = "\n\n".join(
        p for p in paragraphs if not p.startswith("The number of U visa certifications requested")
    )
    commission = texts["commission"].replace("Sheriff", "Sheriff\n\nDepartment of Health")
    texts["commission"] = commission.replace(
        "The Commission shall meet ", "The Commission shall meet hereby "
    )
    texts["definitions"] = texts["definitions"].replace(
        "National Crime Information Center",
        "National Crime Information Center maintained by the FBI",
    )
    texts["purpose"] = texts["purpose"].replace("It is hereby affirmed", "It is affirmed")
    return texts


def test_word_file_reads_keys_and_comments(exported):
    reviewed = read_reviewed(word_reviewed(exported))
    assert reviewed.properties == {
        "OrdinanceDrafter.Draft": "12",
        "OrdinanceDrafter.Revision": "3",
        "OrdinanceDrafter.Edition": "cpd-2017",
        "OrdinanceDrafter.Office": "4",
    }
    assert [(c.author, c.text, c.parent) for c in reviewed.comments] == [
        (CHIEF, "Can we do 30?", ""),
        (ATTORNEY, "30 is fine under state law.", "0"),
    ]


def test_word_changes_land_on_their_clauses(model_document, exported):
    result = review(model_document, read_reviewed(word_reviewed(exported)))
    rows = [(c.clause, c.kind, c.part, c.old.strip(), c.new.strip(), c.author)
            for c in result.changes]  # fmt: skip
    deleted_item = clause_text(model_document, "reporting").split("\n\n")[7]
    assert deleted_item.startswith("The number of U visa certifications requested")
    assert rows == [
        ("purpose", "delete", "text", "hereby", "", CHIEF),
        ("definitions", "insert", "text", "", "maintained by the FBI", ATTORNEY),
        ("reporting", "replace", "text", "on a quarterly basis", "every month", ATTORNEY),
        ("reporting", "delete", "text", deleted_item, "", CHIEF),
        ("commission", "insert", "text", "", "Department of Health", ATTORNEY),
        ("commission", "insert", "text", "", "hereby", CHIEF),
        ("", "unmapped", "table", "", "Fiscal note: none.", ATTORNEY),
        ("", "unmapped", "header", "", "(DRAFT FOR REVIEW)", ATTORNEY),
        ("u-visa", "comment", "text", "within 45 days", "", CHIEF),
        ("", "unmapped", "formatting", "", "", ATTORNEY),
    ]
    comment = result.changes[8]
    assert (comment.comment, comment.replies) == (
        "Can we do 30?",
        ((ATTORNEY, "2026-11-30T10:15:00Z", "30 is fine under state law."),),
    )
    assert result.changes[9].comment == (
        "1 formatting change (bold, italic, styles): the draft's text keeps its own formatting."
    )
    assert result.changes[0].group == result.changes[5].group != ""
    assert result.changes[2].date == "2026-11-30T10:15:00Z"


def test_word_accept_all_gives_the_reviewers_text(model_document, exported):
    result = review(model_document, read_reviewed(word_reviewed(exported)))
    words = accept(model_document, Words(), result, [c.id for c in result.changes])
    edited = apply_words(model_document, words)
    assert edited.conflicts == ()
    for clause, text in expected_texts(model_document).items():
        assert clause_text(edited.document, clause) == text, clause
    untouched = clause_text(model_document, "privacy")
    assert clause_text(edited.document, "privacy") == untouched


def test_accepting_one_half_of_a_move_takes_both(model_document, exported):
    result = review(model_document, read_reviewed(word_reviewed(exported)))
    purpose = next(c for c in result.changes if c.clause == "purpose")
    words = accept(model_document, Words(), result, [purpose.id])
    edited = apply_words(model_document, words).document
    expected = expected_texts(model_document)
    assert clause_text(edited, "purpose") == expected["purpose"]
    assert clause_text(edited, "commission") == expected["commission"].replace(
        "\n\nDepartment of Health", ""
    )


def test_rejecting_everything_changes_nothing(model_document, exported):
    result = review(model_document, read_reviewed(word_reviewed(exported)))
    assert accept(model_document, Words(), result, []) == Words()
    for unit in result.segments:
        assert result.accepted_text(unit, set()) in (
            clause_text(model_document, unit),
            None,
        ) or unit.startswith("heading:")


def test_an_untracked_edit_is_found_by_comparing_texts(model_document, exported):
    word = WordFile(exported)
    word.untracked("within 45 days", "within 30 days")
    word.replace("on a quarterly basis", "every month", author=ATTORNEY)
    result = review(model_document, read_reviewed(word.save()))
    assert [(c.clause, c.kind, c.old, c.new, c.tracked) for c in result.changes] == [
        ("u-visa", "replace", "45", "30", False),
        ("reporting", "replace", "on a quarterly basis", "every month", True),
    ]
    words = accept(model_document, Words(), result, ["c1"])
    edited = apply_words(model_document, words).document
    expected = clause_text(model_document, "u-visa").replace("within 45 days", "within 30 days")
    assert clause_text(edited, "u-visa") == expected
    assert clause_text(edited, "reporting") == clause_text(model_document, "reporting")


def test_without_bookmarks_paragraphs_align_by_text(model_document, exported):
    """Any .docx of the same ordinance: the clause bookmarks gone, texts decide."""
    word = WordFile(exported)
    for mark in [*word.root.iter(f"{W}bookmarkStart"), *word.root.iter(f"{W}bookmarkEnd")]:
        mark.getparent().remove(mark)
    word.replace("on a quarterly basis", "every month", author=ATTORNEY)
    word.add_paragraph_after("Sheriff", "–\tDepartment of Health", author=ATTORNEY)
    word.delete("hereby ", author=CHIEF)
    result = review(model_document, read_reviewed(word.save()))
    assert [(c.clause, c.kind, c.old.strip(), c.new.strip()) for c in result.changes] == [
        ("purpose", "delete", "hereby", ""),
        ("reporting", "replace", "on a quarterly basis", "every month"),
        ("commission", "insert", "", "Department of Health"),
    ]


def test_a_heading_change_becomes_the_drafts_heading(model_document, exported):
    word = WordFile(exported)
    word.replace("RECORD-KEEPING AND TRANSPARENCY", "PUBLIC REPORTS", author=ATTORNEY)
    result = review(model_document, read_reviewed(word.save()))
    change = result.changes[0]
    assert (change.clause, change.part, change.old, change.new) == (
        "reporting",
        "heading",
        "RECORD-KEEPING AND TRANSPARENCY",
        "PUBLIC REPORTS",
    )
    words = accept(model_document, Words(), result, [change.id])
    assert words.headings == (("reporting", "PUBLIC REPORTS"),)


def test_thousands_of_changes_stay_within_a_budget(model_document, exported):
    """Hostile input costs bounded time: 3,000 tracked insertions, one after every
    few letters of the long paragraphs, each its own proposed change."""
    from drafting.budget import time_budget

    word = WordFile(exported)
    inserted = 0
    for text in list(word.root.iter(f"{W}t")):
        run = text.getparent()
        if len(text.text or "") < 200 or inserted >= 3000 or run.find(f"{W}rPr") is not None:
            continue
        letters, anchor = text.text, run
        text.text = letters[:3]
        for at in range(3, len(letters), 3):
            insertion = word._change("ins", ATTORNEY, "2026-11-30T10:15:00Z")
            etree.SubElement(etree.SubElement(insertion, f"{W}r"), f"{W}t").text = "#"
            following = copy.deepcopy(run)
            following.find(f"{W}t").text = letters[at : at + 3]
            anchor.addnext(insertion)
            insertion.addnext(following)
            anchor = following
            inserted += 1
    with time_budget(20.0):
        result = review(model_document, read_reviewed(word.save()))
    assert inserted >= 3000
    assert len(result.changes) == inserted
    assert {c.new for c in result.changes} == {"#"}


def test_more_tracked_changes_than_the_limit_is_refused_in_words(exported):
    from drafting.parse import UploadError
    from drafting.parse.review import MAX_CHANGES

    word = WordFile(exported)
    paragraph = word.paragraph("Such policy shall require the certifying entity")
    for _index in range(MAX_CHANGES + 1):
        paragraph.append(word._change("ins", ATTORNEY, "2026-11-30T10:15:00Z"))
    with pytest.raises(UploadError) as refused:
        read_reviewed(word.save())
    assert str(refused.value) == (
        f"The file holds more than {MAX_CHANGES} tracked changes; bring it back in parts "
        "(accept some changes in Word first)."
    )


def test_a_draft_with_its_own_words_takes_the_reviewers_text_on_top(model_document):
    """The revision already edits the reporting clause and has a section of its own:
    the reviewer's changes land on the draft's text and accepting keeps both."""
    from drafting.words import Edit, OwnSection

    mine = Words(
        edits=(Edit("reporting", "on a quarterly basis", "every month"),),
        sections=(OwnSection("local-hiring", "LOCAL HIRING", "- Hire locally.\n\n- Train.",
                             "commission"),),
    )  # fmt: skip
    base = apply_words(model_document, mine).document
    exported = render_docx(base, ExportMeta.for_document(base, revision=2, draft_id=1))
    word = WordFile(exported)
    word.replace("every month", "every week", author=ATTORNEY)
    word.replace("Train.", "Train staff.", author=ATTORNEY)
    result = review(base, read_reviewed(word.save()))
    assert [(c.clause, c.old, c.new) for c in result.changes] == [
        ("reporting", "every month", "every week"),
        ("local-hiring", "Train.", "Train staff."),
    ]
    words = accept(model_document, mine, result, ["c1", "c2"])
    assert words.sections == (
        OwnSection("local-hiring", "LOCAL HIRING", "- Hire locally.\n\n- Train staff.",
                   "commission"),
    )  # fmt: skip
    edited = apply_words(model_document, words).document
    assert clause_text(edited, "reporting") == clause_text(model_document, "reporting").replace(
        "on a quarterly basis", "every week"
    )
