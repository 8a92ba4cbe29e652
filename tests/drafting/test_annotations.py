"""Option annotations, and the annotated .docx: one Word comment per chosen option."""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from drafting.annotations import NO_CHOICE, Annotation, option_annotations
from drafting.library import Choice, ClauseText, Option
from drafting.render.docx import ExportMeta, render_docx
from tests.drafting.render.samples import REVISION_DATE, expected_lines, small_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

WARRANT = Option(
    key="warrant",
    label="Warrant standard",
    default="criminal",
    guidance="Which warrant counts.",
    source="CPD §3",
    choices=(
        Choice(
            "criminal", "Judicial criminal warrant", guidance="Strongest.", source="Santa Clara"
        ),
        Choice("judicial", "Judicial warrant"),
    ),
)
CARVE_OUTS = Option(
    key="carve_outs",
    label="Carve-outs",
    type="multi",
    default=[],
    guidance="CPD recommends none.",
    source="CPD §2",
    choices=(
        Choice("felony", "Serious felony", guidance="Funnels people.", source="Santa Clara"),
        Choice("money", "Reimbursement"),
    ),
)
YEARS = Option(
    key="years",
    label="Look-back years",
    type="number",
    default=10,
    guidance="Ten years.",
    applies_when={"carve_outs": "felony"},
)


def _clause(slug: str, kind: str, *options: Option) -> ClauseText:
    return ClauseText(slug, slug.title(), "detainers", 1, kind, "text", options=options)


CLAUSES = [
    _clause(
        "title", "title", Option("act_title", "Title", default="a", choices=(Choice("a", "A"),))
    ),
    _clause("detainers", "subsection", WARRANT, CARVE_OUTS, YEARS),
    _clause("ncic", "subsection"),
]


# -- option_annotations ------------------------------------------------------


def test_option_annotations_defaults_one_per_applicable_option():
    notes = option_annotations(CLAUSES, {})
    assert notes == [
        Annotation("title", "Title", "A", "", "", kind="title", default=True),
        Annotation(
            "detainers",
            "Warrant standard",
            "Judicial criminal warrant",
            "Strongest.",
            "Santa Clara",
            kind="subsection",
            default=True,
        ),
        Annotation(
            "detainers",
            "Carve-outs",
            NO_CHOICE,
            "CPD recommends none.",
            "CPD §2",
            kind="subsection",
            default=True,
        ),
    ]


def test_option_annotations_choice_falls_back_to_option_guidance_and_source():
    (note,) = [
        n
        for n in option_annotations(CLAUSES, {"warrant": "judicial"})
        if n.option_label == "Warrant standard"
    ]
    assert (note.choice_label, note.guidance, note.source, note.default) == (
        "Judicial warrant",
        "Which warrant counts.",
        "CPD §3",
        False,
    )


def test_option_annotations_multi_and_follow_up_number():
    notes = option_annotations(CLAUSES, {"carve_outs": ["money", "felony"], "years": 7})
    by_label = {n.option_label: n for n in notes}
    assert by_label["Carve-outs"].choice_label == "Serious felony; Reimbursement"
    assert by_label["Carve-outs"].guidance == "Funnels people."
    assert by_label["Carve-outs"].source == "Santa Clara"
    assert (by_label["Look-back years"].choice_label, by_label["Look-back years"].default) == (
        "7",
        False,
    )


def test_applies_checks_list_membership_and_equality():
    assert YEARS.applies({"carve_outs": ["felony"]})
    assert not YEARS.applies({"carve_outs": []})
    assert Option("x", "X", applies_when={"warrant": "judicial"}).applies({"warrant": "judicial"})
    assert not Option("x", "X", applies_when={"warrant": "judicial"}).applies({"warrant": "c"})


def test_applies_compares_as_text_everywhere():
    """One rule: a number option's value meets a condition written as text in the library."""
    option = Option("x", "X", applies_when={"days": "30"})
    assert option.applies({"days": 30})
    assert not option.applies({"days": None})


def test_option_annotations_cover_every_library_option(library_texts):
    notes = option_annotations(library_texts, {})
    options = [o for clause in library_texts for o in clause.options if not o.applies_when]
    assert len(notes) >= len(options)
    assert {n.option_label for n in notes} >= {o.label for o in options}
    assert all(n.choice_label and n.guidance for n in notes)


# -- the annotated .docx -------------------------------------------------------


def _comments(data: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """Comment id -> comment text, and comment id -> text of the paragraph it is on."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
    texts = {
        c.get(f"{W}id"): "\n".join(
            "".join(t.text for t in p.iter(f"{W}t")) for p in c.iter(f"{W}p")
        )
        for c in comments.iter(f"{W}comment")
    }
    anchors = {}
    for paragraph in body.iter(f"{W}p"):
        text = "".join(t.text or "\t" for t in paragraph.iter(f"{W}t", f"{W}tab"))
        for start in paragraph.iter(f"{W}commentRangeStart"):
            anchors[start.get(f"{W}id")] = text
    return texts, anchors


def test_annotated_docx_has_one_comment_per_option_on_its_clause():
    document = small_document()
    meta = ExportMeta("T", "L", "Law Department", 2, REVISION_DATE)
    notes = option_annotations(CLAUSES, {"carve_outs": ["felony"]})
    data = render_docx(document, meta, annotations=notes)
    texts, anchors = _comments(data)
    assert sorted(texts.values()) == sorted(
        [
            "Title: A (default)",
            "Warrant standard: Judicial criminal warrant (default)\nStrongest.\n"
            "Source: Santa Clara",
            "Carve-outs: Serious felony\nFunnels people.\nSource: Santa Clara",
            "Look-back years: 10 (default)\nTen years.",
        ]
    )
    on = {texts[i].split(":")[0]: anchors[i] for i in texts}
    assert on == {
        "Title": "Safe Communities Act",
        "Warrant standard": "A.\tHold anyone;",
        "Carve-outs": "A.\tHold anyone;",
        "Look-back years": "A.\tHold anyone;",
    }
    assert [p.text.replace("\t", " ") for p in docx.Document(io.BytesIO(data)).paragraphs] == (
        expected_lines(document)
    )


def test_annotated_docx_anchors_section_clauses_on_their_heading_and_skips_absent_ones():
    notes = [
        Annotation("civil-enforcement", "Scope", "All", "Why", "Where", kind="section"),
        Annotation("not-in-document", "Ghost", "Boo", "", "", kind="section"),
    ]
    data = render_docx(small_document(), ExportMeta("T", "L", "A", 1, None), annotations=notes)
    texts, anchors = _comments(data)
    assert list(texts.values()) == ["Scope: All\nWhy\nSource: Where"]
    assert list(anchors.values()) == ["II) ENFORCEMENT"]


def test_annotated_docx_comment_author_initials_and_date():
    data = render_docx(
        small_document(),
        ExportMeta("T", "L", "Springfield Law Department", 2, REVISION_DATE),
        annotations=option_annotations(CLAUSES, {}),
    )
    comment = next(iter(docx.Document(io.BytesIO(data)).comments))
    assert (comment.author, comment.initials) == ("Springfield Law Department", "SLD")
    assert comment.timestamp.date() == REVISION_DATE
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert 'w:styleId="CommentText"' in styles


def test_annotated_model_docx_names_every_option_of_included_clauses(
    model_document, meta, library_texts
):
    notes = option_annotations(library_texts, {})
    included = set(model_document.clause_versions)
    expected = [n for n in notes if n.clause in included]
    texts, anchors = _comments(render_docx(model_document, meta, annotations=notes))
    assert len(texts) == len(expected)
    comment_texts = sorted(texts.values())
    for note in expected:
        assert any(
            text.startswith(f"{note.option_label}: {note.choice_label}") for text in comment_texts
        ), note
    assert set(anchors) == set(texts)
