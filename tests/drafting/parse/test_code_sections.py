"""Outside documents as codes write them: section numbers, subdivisions, and what the text is."""

from __future__ import annotations

import textwrap

import pytest

from drafting.lint import lint, scorecard
from drafting.parse.text import parse_text

CHAPTER = """
CHAPTER 4-12 WELCOMING CITY

4-12-010 Definitions.
"Civil immigration detainer" means a request by ICE to hold a person.

4-12-030 Disclosure of information.
(a) No agent shall disclose information regarding the citizenship or immigration status of
any person.
(b) No agent shall inquire into a person's immigration status.

4-12-040 Civil immigration detainers.
(a) The Sheriff shall decline civil immigration detainers, unless the person has been
convicted of a felony or is listed in a gang database.
"""


def _parse(text: str):
    return parse_text(textwrap.dedent(text).strip())


def _outline(document):
    return [(s.label, s.number, s.heading) for s in document.sections]


def test_dash_numbered_sections_become_sections_with_their_catchlines():
    document = _parse(CHAPTER)
    assert _outline(document) == [
        ("CHAPTER 4-12", "4-12", "WELCOMING CITY"),
        ("4-12-010", "4-12-010", "Definitions."),
        ("4-12-030", "4-12-030", "Disclosure of information."),
        ("4-12-040", "4-12-040", "Civil immigration detainers."),
    ]
    assert [b.key for b in document.sections[2].blocks] == ["4-12-030/(a)", "4-12-030/(b)"]


@pytest.mark.parametrize(
    ("line", "label", "number", "heading"),
    [
        ("Sec. 9-101. Definitions.", "Sec. 9-101.", "9-101", "Definitions."),
        ("§ 2.04.110 Records.", "§ 2.04.110", "2.04.110", "Records."),
        ("2.60.020 Registry prohibited.", "2.60.020", "2.60.020", "Registry prohibited."),
        ("2-173-030 Intentional collection.", "2-173-030", "2-173-030", "Intentional collection."),
    ],
)
def test_code_section_number_styles(line, label, number, heading):
    document = _parse(f"{line}\nNo person shall do so.")
    section = document.sections[0]
    assert (section.label, section.number, section.heading) == (label, number, heading)
    assert section.blocks[0].text == "No person shall do so."


def test_subdivisions_written_after_the_section_number_stay_in_one_section():
    document = _parse(
        """
        17-5(a) Officers may share information with other agencies.
        17-5(b)(2) No officer shall disclose a person's immigration status.
        """
    )
    [section] = document.sections
    assert section.number == "17-5"
    assert [(b.label, b.level, b.key) for b in section.blocks] == [
        ("(a)", 1, "17-5/(a)"),
        ("(b)(2)", 2, "17-5/(b)(2)"),
    ]


def test_a_section_number_in_a_sentence_is_not_a_label():
    document = _parse("Section 1373 of Title 8 forbids restrictions on sharing status.")
    assert document.sections[0].label == ""


def test_findings_in_a_pasted_chapter_point_at_their_own_sections():
    findings = lint(_parse(CHAPTER))
    where = {(f.rule, f.section) for f in findings if f.severity != "info"}
    assert where == {
        ("1373-status-restriction", "4-12-030 Disclosure of information."),
        ("strength-conviction-carve-out", "4-12-040 Civil immigration detainers."),
        ("strength-gang-carve-out", "4-12-040 Civil immigration detainers."),
        ("strength-notification-gap", "4-12-040 Civil immigration detainers."),
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (CHAPTER, "code-chapter"),
        (
            "AN ORDINANCE amending the code.\nBE IT ORDAINED by the City Council:\nText.",
            "ordinance",
        ),
        ("RESOLUTION NO. 2016-086\nBE IT RESOLVED that the City welcomes all.", "resolution"),
        (
            "EXECUTIVE ORDER NO. 5-16\nBy the authority vested in me, I order:\nText.",
            "executive-order",
        ),
        ("Board Policy 5145.13\nThis policy applies to all schools.", "policy"),
        ("Be it enacted by the General Assembly:\nSection 1. This Act may be cited.", "statute"),
        ("The City welcomes all residents.", ""),
    ],
)
def test_document_kind_is_what_the_text_says_it_is(text, kind):
    assert _parse(text).kind == kind


def test_the_scorecard_does_not_call_a_code_chapter_not_an_ordinance():
    document = _parse(CHAPTER)
    oversight = scorecard(document).criterion("oversight")
    assert oversight.note == "A code chapter, but with no complaint or enforcement mechanism."
    assert "strength-not-ordinance" not in {f.rule for f in lint(document)}


def test_an_executive_order_is_named_as_such():
    document = _parse(
        "EXECUTIVE ORDER NO. 5-16\nSection 1. Policy.\nThe jail shall decline ICE detainers."
    )
    finding = next(f for f in lint(document) if f.rule == "strength-not-ordinance")
    assert finding.message.startswith("This reads as an executive order, not an ordinance.")
