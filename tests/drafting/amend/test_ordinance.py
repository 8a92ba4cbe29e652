"""The amending ordinance: instructions, both readings exact (generated pairs, real law)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.amend.consolidate import plan
from drafting.amend.ordinance import amending_ordinance, reading, section_lines_of
from drafting.assembly import assemble
from drafting.library import read_edition
from drafting.render.amendment import render_amendment_docx, render_amendment_text
from drafting.render.docx import ExportMeta
from drafting.spec import parse_spec
from tests.drafting.amend.helpers import (
    amend_spec,
    assert_readings_exact,
    corpus_text,
    docx_readings,
)

CHAPTER = """CHAPTER 2-14 IMMIGRATION ENFORCEMENT

Sec. 2-14-010. Purpose.
The purpose of this chapter is to foster trust between the City and its immigrant residents.

Sec. 2-14-030. Detainers.
(a) The Chief of Police shall not honor a detainer unless the person has been convicted of a \
violent felony.
(b) The Chief of Police shall report the number of detainers received to the City Council each year.

Sec. 2-14-040. Access to facilities.
ICE agents may enter City jails only with the approval of the Chief of Police.

Sec. 2-14-050. Registry.
The City Clerk shall keep a registry of persons detained on detainers.
"""
AMENDED_030 = (
    "Sec. 2-14-030. Detainers.\n"
    "(a) The Chief of Police shall not honor a detainer.\n"
    "(b) The Chief of Police shall report the number of detainers received to the City "
    "Council every quarter."
)
META = ExportMeta("T", "the City of Springfield", "Law Dept", None, dt.date(2026, 11, 30))


@pytest.fixture(scope="module")
def clauses():
    return read_edition("cpd-2026-council")


def _ordinance(clauses, **existing):
    spec = parse_spec(amend_spec(CHAPTER, **existing))
    return spec, amending_ordinance(clauses, spec)


def test_instructions_in_the_locality_style(clauses):
    _spec, ordinance = _ordinance(
        clauses,
        decisions=[
            {"section": "2-14-030", "action": "amend", "text": AMENDED_030},
            {"section": "2-14-040", "action": "replace", "clause": "facility-access"},
            {"section": "2-14-050", "action": "repeal"},
        ],
        added=[{"clause": "no-status-inquiry", "after": "2-14-030"}],
    )
    assert [i.text for i in ordinance.instructions] == [
        "Section 2-14-030 of the Municipal Code is hereby amended to read as follows:",
        "Section 2-14-035 is hereby added to the Municipal Code to read as follows:",
        "Section 2-14-040 of the Municipal Code is hereby amended to read as follows:",
        "Section 2-14-050 of the Municipal Code is hereby repealed in its entirety.",
    ]
    assert ordinance.enacting_clause == (
        "NOW, THEREFORE, BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:"
    )
    assert ordinance.title == (
        "An Ordinance Amending the Municipal Code (Chapter 2-14 Immigration Enforcement)"
    )
    assert [c.heading for c in ordinance.closing] == ["Severability", "Effective Date"]
    assert_readings_exact(ordinance)


def test_amended_section_struck_and_underlined(clauses):
    _spec, ordinance = _ordinance(
        clauses, decisions=[{"section": "2-14-030", "action": "amend", "text": AMENDED_030}]
    )
    text = render_amendment_text(ordinance)
    assert (
        "(b) The Chief of Police shall report the number of detainers received to the City "
        "Council [-each year-]{+every quarter+}." in text
    )
    assert reading(ordinance.instructions[0].lines, "target") == AMENDED_030.split("\n")


def test_strike_underscore_style(clauses):
    _spec, ordinance = _ordinance(
        clauses,
        style="strike-underscore",
        code_name="Chapter 2-14 of the Municipal Code",
        decisions=[{"section": "2-14-030", "action": "amend", "text": AMENDED_030}],
    )
    assert ordinance.instructions[0].text == (
        "Section 2-14-030 of Chapter 2-14 of the Municipal Code is hereby amended by deleting "
        "the language stricken and adding the language underscored, as follows:"
    )


def test_kept_sections_need_no_instruction(clauses):
    _spec, ordinance = _ordinance(clauses, decisions=[{"section": "2-14-050", "action": "repeal"}])
    assert [i.ref for i in ordinance.instructions] == ["2-14-050"]


def test_consolidation_is_the_draft_document(clauses):
    spec, _ordinance_ = _ordinance(
        clauses,
        decisions=[{"section": "2-14-050", "action": "repeal"}],
        added=[{"clause": "u-visa", "after": ""}],
    )
    document = assemble(clauses, spec)
    assert [s.label for s in document.sections] == [
        "Sec. 2-14-010.",
        "Sec. 2-14-030.",
        "Sec. 2-14-040.",
        "Sec. 2-14-060.",  # after the last section; the repealed 2-14-050 is not reused
    ]
    assert document.sections[-1].clause == "u-visa"
    assert document.number_line == "AS AMENDED BY ORDINANCE NO. ____"


def test_docx_readings_exact(clauses):
    _spec, ordinance = _ordinance(
        clauses,
        decisions=[
            {"section": "2-14-030", "action": "amend", "text": AMENDED_030},
            {"section": "2-14-040", "action": "replace", "clause": "civil-enforcement"},
            {"section": "2-14-050", "action": "repeal"},
        ],
        added=[{"clause": "privacy", "after": "2-14-010"}],
    )
    found = docx_readings(render_amendment_docx(ordinance, META))
    expected = [
        (
            section_lines_of(i.old) if i.old else [],
            section_lines_of(i.new) if i.new else [],
        )
        for i in ordinance.instructions
    ]
    assert found[: len(expected)] == expected


# -- generated pairs -------------------------------------------------------------------

WORDS = st.sampled_from(
    "the City shall not honor any detainer request from ICE unless a judicial warrant "
    "is presented and officers may report each quarter to Council public records".split()
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
BODY = st.lists(SENTENCE, min_size=1, max_size=6)


def _section(number: str, heading: str, sentences: list[str]) -> str:
    lines = [f"Sec. {number}. {heading}."]
    lines += [f"({chr(ord('a') + i)}) {s}" for i, s in enumerate(sentences)]
    return "\n".join(lines)


@st.composite
def pairs(draw):
    old = draw(BODY)
    new = list(old)
    for _ in range(draw(st.integers(0, 4))):
        edit = draw(st.sampled_from(["replace", "insert", "delete", "words"]))
        at = draw(st.integers(0, max(len(new) - 1, 0)))
        if edit == "insert" or not new:
            new.insert(at, draw(SENTENCE))
        elif edit == "delete" and len(new) > 1:
            del new[at]
        elif edit == "replace":
            new[at] = draw(SENTENCE)
        else:
            ws = new[at].rstrip(".").split()
            ws[draw(st.integers(0, len(ws) - 1))] = draw(WORDS)
            new[at] = " ".join(ws) + "."
    heading = draw(st.sampled_from(["Detainers", "Reports", "Access to records"]))
    new_heading = draw(st.sampled_from([heading, "Civil immigration detainers"]))
    return old, new, heading, new_heading


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs())
def test_generated_pairs_readings_exact(clauses, pair):
    old, new, heading, new_heading = pair
    chapter = (
        _section("3-1-010", "Purpose", ["It is so."]) + "\n\n" + _section("3-1-020", heading, old)
    )
    target = _section("3-1-020", new_heading, new)
    spec = parse_spec(
        amend_spec(chapter, decisions=[{"section": "3-1-020", "action": "amend", "text": target}])
    )
    ordinance = amending_ordinance(clauses, spec)
    assert_readings_exact(ordinance)
    if old == new and heading == new_heading:
        assert ordinance.instructions == ()
        return
    (instruction,) = ordinance.instructions
    assert reading(instruction.lines, "existing") == _section("3-1-020", heading, old).split("\n")
    assert reading(instruction.lines, "target") == target.split("\n")
    consolidated = assemble(clauses, spec).sections[1]
    assert section_lines_of(consolidated) == target.split("\n")


# -- real law ---------------------------------------------------------------------------

REAL_CHAPTERS = [
    "chicago-2021-wco-2-173-030.txt",
    "cook-county-2023-code-46-37-personal-information.txt",
    "denver-2017-drmc-28-250-requesting.txt",
    "menlo-park-2017-mmc-2-60-020-registry.txt",
    "berwyn-2017-code-620-24-confidentiality-policies.txt",
    "san-francisco-2016-admin-code-12h-2-personal-information.txt",
]


def _edited(text: str) -> str:
    """A drafter's edit of real text: words changed, a sentence struck, a line added."""
    lines = text.split("\n")
    body = lines[1:] or [""]
    body[0] = re.sub(r"\bshall\b", "must", body[0], count=1)
    if len(body) > 2:
        del body[-1]
    body.append("(z) Nothing in this section restricts a person's own disclosure.")
    return "\n".join([lines[0], *body])


@pytest.mark.parametrize("name", REAL_CHAPTERS)
def test_real_law_readings_exact(clauses, name):
    from drafting.amend.existing import existing_document, refs
    from drafting.render.text import section_text

    text = corpus_text(name)
    document = existing_document(text)
    names = refs(document)
    target = document.sections[-1]
    decisions = [
        {"section": names[-1], "action": "amend", "text": _edited(section_text(target))},
    ]
    if len(names) > 1:
        decisions.append({"section": names[0], "action": "replace", "clause": "privacy"})
    spec = parse_spec(
        amend_spec(text, decisions=decisions, added=[{"clause": "no-287g", "after": names[-1]}])
    )
    ordinance = amending_ordinance(clauses, spec)
    assert_readings_exact(ordinance)
    entries = {e.ref: e for e in plan(clauses, spec).entries}
    amended = next(i for i in ordinance.instructions if i.ref == names[-1])
    assert reading(amended.lines, "existing") == section_lines_of(entries[names[-1]].old)
    assert reading(amended.lines, "existing") == section_text(target).split("\n")
    assert reading(amended.lines, "target") == section_lines_of(entries[names[-1]].new)
    found = docx_readings(render_amendment_docx(ordinance, META))
    for instruction, (old, new) in zip(ordinance.instructions, found, strict=False):
        assert old == (section_lines_of(instruction.old) if instruction.old else [])
        assert new == (section_lines_of(instruction.new) if instruction.new else [])


def test_pdf_text_and_line_numbers(clauses, tmp_path):
    import dataclasses
    import shutil
    import subprocess

    from drafting.render.amendment import render_amendment_pdf

    _spec, ordinance = _ordinance(
        clauses, decisions=[{"section": "2-14-030", "action": "amend", "text": AMENDED_030}]
    )
    path = tmp_path / "amend.pdf"
    path.write_bytes(render_amendment_pdf(ordinance, dataclasses.replace(META, line_numbers=True)))
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "Section 1. Section 2-14-030 of the Municipal Code is hereby amended" in flat
    assert "each yearevery quarter." in flat  # struck, then underlined
    assert "deleted:" not in flat and "inserted:" not in flat
    assert re.search(r"^\s*1\s+ORDINANCE NO\. ____", text, re.M)  # numbered lines


def test_model_text_in_a_chapter_refers_to_the_chapter(clauses):
    spec, _ordinance_ = _ordinance(clauses, added=[{"clause": "u-visa", "after": ""}])
    added = assemble(clauses, spec).sections[-1]
    text = " ".join(block.text for block in added.blocks)
    assert "any other agency subject to this chapter" in text
    assert "this ordinance" not in text


def test_one_model_section_cannot_replace_two(clauses):
    from drafting.assembly import AssemblyError

    spec = parse_spec(
        amend_spec(
            CHAPTER,
            decisions=[
                {"section": "2-14-030", "action": "replace", "clause": "detainers"},
                {"section": "2-14-040", "action": "replace", "clause": "facility-access"},
            ],
        )
    )
    with pytest.raises(AssemblyError) as caught:
        assemble(clauses, spec)
    assert (
        "already replaces another section" in caught.value.problems["existing.decisions[1].clause"]
    )
