"""Outside documents into the IR: pasted text and uploaded .docx, with safe uploads."""

from __future__ import annotations

import io
import textwrap
import zipfile

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.lint import lint
from drafting.parse import UploadError, flatten, parse_docx, parse_text
from drafting.parse.text import (
    join_broken_words,
    numbered_lines,
    prepared_lines,
    strip_line_numbers,
)
from tests.model_seed import appendix_one


def _parse(text: str):
    return parse_text(textwrap.dedent(text).strip())


def _outline(document):
    return [
        (section.label, section.heading, [(b.label, b.level) for b in section.blocks])
        for section in document.sections
    ]


# -- pasted text: sections, headings, labels -------------------------------------


def test_parse_text_sec_label_with_heading_and_lettered_items():
    document = _parse(
        """
        Sec. 46-37. Policy for responding to ICE detainers.
        a) The Sheriff of Cook County shall decline ICE detainer requests.

        b) Unless ICE agents have a criminal warrant, ICE agents shall not be given access
        to individuals.
        """
    )
    assert _outline(document) == [
        ("Sec. 46-37.", "Policy for responding to ICE detainers.", [("a)", 1), ("b)", 1)])
    ]
    assert document.sections[0].number == "46-37"
    assert document.sections[0].blocks[1].text.endswith("given access to individuals.")


def test_parse_text_decimal_section_with_nested_subdivisions():
    document = _parse(
        """
        7284.6. (a) California law enforcement agencies shall not do any of the following:
        (1) Use agency moneys to investigate, including any of the following:
        (A) Inquiring into an individual's immigration status.
        (B) Detaining an individual on the basis of a hold request.
        (2) Make agency databases available to anyone.
        (b) Nothing in this section shall prevent any agency from doing any of the following:
        (1) Responding to a request for criminal history.
        """
    )
    [section] = document.sections
    assert (section.label, section.number) == ("7284.6.", "7284.6")
    assert [(b.label, b.level) for b in section.blocks] == [
        ("(a)", 1), ("(1)", 2), ("(A)", 3), ("(B)", 3), ("(2)", 2), ("(b)", 1), ("(1)", 2),
    ]  # fmt: skip
    assert section.blocks[2].key == "7284.6/(a)/(1)/(A)"


def test_parse_text_roman_section_label_alone_then_heading_on_the_next_line():
    document = _parse(
        """
        Justice and Equity Ordinance

        IX)
        PRIVACY
        Agents are not permitted to share confidential personal information.

        X) RECORD-KEEPING AND TRANSPARENCY
        The City shall publish a report.
        """
    )
    assert document.title == "Justice and Equity Ordinance"
    assert [(s.label, s.number, s.heading) for s in document.sections] == [
        ("IX)", "IX", "PRIVACY"),
        ("X)", "X", "RECORD-KEEPING AND TRANSPARENCY"),
    ]
    assert document.sections[0].title == "IX) PRIVACY"


def test_parse_text_letter_i_continues_a_lettered_list():
    document = _parse(
        """
        Section 1. Definitions.
        G. "Coerce" means to threaten.
        H. "Contact information" means a home address.
        I. "ICE" means Immigration and Customs Enforcement.
        J. "NCIC" means the National Crime Information Center database.
        """
    )
    assert [(b.label, b.level) for b in document.sections[0].blocks] == [
        ("G.", 1), ("H.", 1), ("I.", 1), ("J.", 1),
    ]  # fmt: skip


def test_parse_text_a_label_alone_after_a_catchline_labels_what_follows():
    """ "Section 14-1-103 - Policies prohibited - Definition" then "(a)" alone: the label starts
    the subsection (it is not the heading's last word), so "(b)" is its sibling."""
    document = _parse(
        """
        Section 4-1-9. Shielding rules prohibited - Definition
        (a)
        (1) A town shall not adopt a shielding rule.
        (2) A town that adopts one is ineligible for grants.
        (b) As used in this section, "shielding rule" means a rule that:
        (1) Bars the use of town funds; or
        (2) Limits reporting.
        """
    )
    [section] = document.sections
    assert section.heading == "Shielding rules prohibited - Definition"
    assert [(b.label, b.level) for b in section.blocks] == [
        ("(a)", 1), ("(2)", 2), ("(b)", 1), ("(1)", 2), ("(2)", 2),
    ]  # fmt: skip


def test_parse_text_a_label_alone_after_a_reference_word_goes_on_with_the_sentence():
    """ "as provided in subsection" then "(a)" alone on the next line is a cross-reference."""
    document = _parse(
        """
        1. Except as provided in subsection
        (a)
        of this section, no officer shall ask about immigration status.
        """
    )
    assert document.sections[0].blocks[0].text == "Except as provided in subsection (a)"


def test_parse_text_roman_items_nest_under_letters():
    document = _parse(
        """
        1) Upon written request, the County will honor the request if the following apply:
        a. The individual is convicted of a serious felony.
        i. A serious felony is any felony listed in the Penal Code.
        b. The individual was convicted within 10 years.
        i. A homicide conviction counts whenever it occurred.
        ii. A conviction elsewhere counts too.
        2) Juveniles shall not be held.
        """
    )
    assert [(b.label, b.level) for b in document.sections[0].blocks] == [
        ("1)", 1), ("a.", 2), ("i.", 3), ("b.", 2), ("i.", 3), ("ii.", 3), ("2)", 1),
    ]  # fmt: skip


def test_parse_text_paren_i_after_h_is_a_letter():
    document = _parse("(g) Seven.\n(h) Eight.\n(i) Nine.\n(j) Ten.")
    assert [b.level for b in document.sections[0].blocks] == [1, 1, 1, 1]


def test_parse_text_numbered_capital_heading_is_a_section():
    document = _parse(
        """
        SAMPLE POLICY

        1. DEFINITIONS

        "ICE" is the agency.

        2. ORDER

        a.) Support. The City supports the Act.

        b.) Equal treatment. No officer shall inquire about immigration status.
        """
    )
    assert [(s.label, s.heading) for s in document.sections] == [
        ("1.", "DEFINITIONS"),
        ("2.", "ORDER"),
    ]
    assert [(b.label, b.level) for b in document.sections[1].blocks] == [("a.)", 1), ("b.)", 1)]


def test_parse_text_label_alone_joins_the_next_paragraph():
    document = _parse(
        """
        II) ENFORCEMENT
        The City and its agents shall not:

        A.
        Enter into any 287(g) agreement;

        B.\tHonor detainer requests.
        """
    )
    assert [(b.label, b.text) for b in document.sections[0].blocks] == [
        ("", "The City and its agents shall not:"),
        ("A.", "Enter into any 287(g) agreement;"),
        ("B.", "Honor detainer requests."),
    ]


def test_parse_text_section_word_in_a_sentence_is_not_a_label():
    document = _parse("Section 1373 of Title 8 governs information about immigration status.")
    assert [(s.label, len(s.blocks)) for s in document.sections] == [("", 1)]


def test_parse_text_wrapped_lines_join_and_recitals_split():
    document = _parse(
        """
        WHEREAS, ICE detainers are requests; and
        WHEREAS, the enforcement of immigration laws is a responsibility of the federal
        government; and
        NOW, THEREFORE, BE IT ORDAINED as follows:
        """
    )
    assert [b.text for b in document.sections[0].blocks] == [
        "WHEREAS, ICE detainers are requests; and",
        "WHEREAS, the enforcement of immigration laws is a responsibility of the federal "
        "government; and",
        "NOW, THEREFORE, BE IT ORDAINED as follows:",
    ]


def test_parse_text_bullets():
    document = _parse("The Commission includes:\n– Public Safety\n– Sheriff")
    assert [(b.kind, b.label, b.text) for b in document.sections[0].blocks][1:] == [
        ("bullet", "–", "Public Safety"),
        ("bullet", "–", "Sheriff"),
    ]


def test_parse_text_appendix_one_has_the_fourteen_sections():
    document = parse_text(appendix_one())
    assert document.title == "Justice and Equity Ordinance"
    labels = [s.label for s in document.sections if s.label]
    assert labels == [f"{n})" for n in "I II III IV V VI VII VIII IX X XI XII XIII XIV".split()]
    privacy = next(s for s in document.sections if s.number == "IX")
    assert privacy.heading == "PRIVACY"
    assert [len(s.blocks) for s in document.sections if s.number in ("I", "II")] == [14, 7]


def test_parse_text_keys_are_unique():
    document = parse_text(appendix_one())
    keys = [block.key for _section, block in document.blocks()]
    assert len(keys) == len(set(keys))


def test_parse_text_drops_characters_no_document_can_hold():
    document = parse_text("Officers\x00 shall\u202e not\x1b share.")
    assert flatten(document) == "Officers shall not share."


def test_parse_text_empty_is_an_empty_document():
    assert (parse_text("").sections, parse_text("  \n\n ").title) == ((), "")


# -- nothing is lost, nothing crashes (Hypothesis) ---------------------------------

_DROPPED = {chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127]}
_DROPPED |= {"\ufffe", "\uffff", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
_PIECES = st.sampled_from(
    [
        "Sec. 46-37. ", "Section 2.", "7284.6. ", "II)", "IV. ", "A.", "a)", "a.)", "(1)", "1)",
        "(i)", "I.", "XIV) XIV. ", "– ", "\n", "\n\n", "\t", " ", "PRIVACY", "WHEREAS, ",
        "shall not share", " information regarding immigration status", ".", ":", ";", "(", "”",
    ]
)  # fmt: skip
_TEXT = st.one_of(st.text(), st.lists(st.one_of(_PIECES, st.text(max_size=8))).map("".join))


def _visible(text: str) -> str:
    return "".join(c for c in text if not c.isspace() and c not in _DROPPED)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_parse_text_keeps_every_visible_character_in_order(text):
    document = parse_text(text)
    kept = "\n".join(prepared_lines(text))
    assert _visible(flatten(document)) == _visible(kept)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_lint_of_any_parsed_text_never_raises_and_points_inside_blocks(text):
    document = parse_text(text)
    blocks = {block.key: block for _section, block in document.blocks()}
    for finding in lint(document):
        if finding.block:
            assert blocks[finding.block].text[finding.start : finding.end] == finding.sentence


# -- .docx ------------------------------------------------------------------------


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _zip(members: dict[str, bytes | str], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


_BODY = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{paragraphs}</w:body></w:document>"
)


def _raw_docx(paragraphs: str, doctype: str = "") -> bytes:
    return _zip({"word/document.xml": _BODY.format(doctype=doctype, paragraphs=paragraphs)})


def test_parse_docx_reads_headings_labels_and_word_numbering():
    def build(document):
        document.add_heading("Justice and Equity Ordinance", 0)
        document.add_paragraph("Sec. 46-37. Policy for responding to ICE detainers.")
        document.add_paragraph("a) The Sheriff shall decline ICE detainer requests.")
        document.add_heading("Privacy", 1)
        document.add_paragraph("Officers shall not share confidential personal information.")
        document.add_paragraph("First numbered rule.", style="List Number")
        document.add_paragraph("Second numbered rule.", style="List Number")

    parsed = parse_docx(_docx_bytes(build))
    assert parsed.title == "Justice and Equity Ordinance"
    assert _outline(parsed) == [
        ("Sec. 46-37.", "Policy for responding to ICE detainers.", [("a)", 1)]),
        ("", "Privacy", [("", 0), ("1.", 1), ("2.", 1)]),
    ]


def test_parse_docx_reads_tables_and_skips_tracked_deletions():
    paragraphs = (
        "<w:p><w:r><w:t>Officers shall </w:t></w:r>"
        "<w:del w:id='1' w:author='A'><w:r><w:delText>never</w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='A'><w:r><w:t>not</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space='preserve'> share.</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    parsed = parse_docx(_raw_docx(paragraphs))
    assert [b.text for _s, b in parsed.blocks()] == ["Officers shall not share.", "In a table."]


def test_parse_docx_then_lint_finds_the_privacy_warning():
    def build(document):
        document.add_paragraph("IX) PRIVACY")
        document.add_paragraph(
            "Agents are not permitted to maintain and/or share confidential personal information, "
            "including but not limited to contact information; except where otherwise required by "
            "state or federal law."
        )

    findings = lint(parse_docx(_docx_bytes(build)))
    assert {f.rule for f in findings if f.severity == "warning"} == {
        "1373-broad-restriction",
        "1373-hedge",
    }


def test_parse_docx_refuses_a_file_over_the_size_limit():
    with pytest.raises(UploadError, match="the limit is"):
        parse_docx(b"PK\x03\x04" + b"0" * 2048, max_bytes=1024)


def test_parse_docx_refuses_a_file_that_is_not_a_docx():
    with pytest.raises(UploadError, match="not a .docx"):
        parse_docx(b"%PDF-1.7 not a word document")


def test_parse_docx_refuses_an_old_word_doc_by_name():
    with pytest.raises(UploadError, match=r"old Word \(.doc\)"):
        parse_docx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)


def test_parse_docx_refuses_a_zip_without_a_document():
    with pytest.raises(UploadError, match="not a Word document"):
        parse_docx(_zip({"hello.txt": "hi"}))


def test_parse_docx_refuses_a_damaged_zip():
    with pytest.raises(UploadError, match="damaged"):
        parse_docx(b"PK\x03\x04" + b"\x00garbage" * 50)


def test_parse_docx_refuses_a_zip_bomb_before_decompressing():
    bomb = _zip({"word/document.xml": b"<" + b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100 * 1024
    with pytest.raises(UploadError, match="zip bomb"):
        parse_docx(bomb)


def test_parse_docx_refuses_what_expands_beyond_the_limit():
    data = _raw_docx("<w:p><w:r><w:t>" + "word " * 50_000 + "</w:t></w:r></w:p>")
    with pytest.raises(UploadError, match="expands to"):
        parse_docx(data, max_uncompressed=100_000)


def test_parse_docx_refuses_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    data = _raw_docx("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", doctype=doctype)
    with pytest.raises(UploadError, match="external entities"):
        parse_docx(data)


def test_parse_docx_refuses_entity_expansion():
    doctype = (
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    )
    with pytest.raises(UploadError):
        parse_docx(_raw_docx("<w:p><w:r><w:t>&b;</w:t></w:r></w:p>", doctype=doctype))


def test_parse_docx_refuses_broken_xml():
    with pytest.raises(UploadError, match="XML cannot be read"):
        parse_docx(_zip({"word/document.xml": "<w:document><w:body>"}))


# -- bill line numbers ----------------------------------------------------------

_BILL = """\
3.14 Subd. 3. Government restrictions. (a) A government unit, and the unit's personnel,
3.15 shall not:
3.16 (1) disclose, distribute, or disseminate data or information on any individual to any
3.17 federal immigration authority if the data or information will be used for civil immigration
3.18 enforcement, except as required by state or federal law; or
3.19 (2) inquire about the immigration status of any person, unless required by state law."""


def test_bill_line_numbers_are_set_aside_and_the_sentence_is_whole():
    document = parse_text(_BILL)
    text = flatten(document)
    assert "3.15" not in text and "3.17" not in text
    assert "personnel, shall not:" in text
    assert [b.label for s in document.sections for b in s.blocks if b.label] == ["(1)", "(2)"]


def test_line_numbers_that_restart_on_each_page_are_set_aside():
    lines = [f"{n} line {n} of a printed bill that wraps at a fixed width, more or less" for n in
             (*range(1, 8), *range(1, 6))]  # fmt: skip
    assert (
        strip_line_numbers(lines)[0]
        == "line 1 of a printed bill that wraps at a fixed width, more or less"
    )


_KENTUCKY_BILL = """\
(1) As used in this section: 5
(f) "Sanctuary policy" means an order, ordinance, resolution, or policy, 24
whether written or unwritten, that: 25
1. Limits or prohibits a local law enforcement official or local employee 26
from communicating or cooperating with federal agencies to verify or report 27
the immigration status of a person within this state; or 28
2. Grants to a person unlawfully present in the United States a right to 1
lawful presence in this state in violation of federal law. 2"""


def test_line_numbers_at_the_ends_of_lines_are_set_aside_and_the_list_is_read():
    """Kentucky prints a bill's line numbers at the ends of its lines; left in place they
    hide the list ("that: 25" is no lead-in) and make a definition's item a restriction."""
    document = parse_text(_KENTUCKY_BILL)
    text = flatten(document)
    assert " 25" not in text and " 28" not in text
    labels = [b.label for s in document.sections for b in s.blocks if b.label]
    assert labels == ["(1)", "(f)", "1.", "2."]
    # the definition's item describes a sanctuary policy; it restricts nothing
    assert not [f for f in lint(document) if f.rule == "1373-status-restriction"]


def test_numbers_that_end_short_lines_are_kept():
    lines = ["The fee is $25", "and the deposit is $50", "due by May 1", "or June 2", "year 3"]
    assert strip_line_numbers(lines) == lines


def test_numbered_paragraphs_and_tables_of_sections_keep_their_numbers():
    table = ["2.1 Definitions", "2.2 Scope", "2.3 Policy", "2.4 Procedure", "2.5 Training"]
    assert not numbered_lines(table)
    numbered = ["1 Officers shall not ask.", "3 Officers shall not share.", "7 Done."] * 2
    assert not numbered_lines(numbered)
    assert strip_line_numbers(table) == table


def test_line_numbers_typed_into_a_docx_upload_are_set_aside():
    """A bill pasted into Word keeps its printed numbers: one paragraph per line, or one
    paragraph with a line break (Shift+Enter) after each line; both are set aside."""
    lines = _BILL.splitlines()

    def one_paragraph_per_line(document):
        for line in lines:
            document.add_paragraph(line)

    def line_breaks(document):
        run = document.add_paragraph().add_run()
        for index, line in enumerate(lines):
            if index:
                run.add_break()
            run.add_text(line)

    for build in (one_paragraph_per_line, line_breaks):
        text = flatten(parse_docx(_docx_bytes(build)))
        assert not any(number in text for number in ("3.14", "3.15", "3.17", "3.19")), text
        assert "Subd. 3. Government restrictions." in text
    document = parse_docx(_docx_bytes(line_breaks))
    assert "personnel, shall not: (1) disclose" in flatten(document)
    assert lint(document), "the restriction is read once its numbers are gone"


def test_numbers_in_a_docx_that_are_not_line_numbers_stay():
    def build(document):
        for line in ("1 Officers shall not ask.", "3 Officers shall not share.", "7 Done."):
            document.add_paragraph(line)

    assert "3 Officers shall not share." in flatten(parse_docx(_docx_bytes(build)))


# -- bill text in capitals, words broken across lines ---------------------------

_CAPITALS_BILL = """\
  3.  ALL INFORMATION RELATED TO A TENANT'S CITIZENSHIP OR IMMI-
 GRATION STATUS SHALL BE KEPT CONFIDENTIAL AND SHALL NOT BE DISCLOSED TO
 ANY LOCAL, STATE OR FEDERAL AGENCY, EXCEPT AS THE TENANT
 AGREES IN WRITING.
  4.  A HOUSING OFFICER MAY NOT ASK ABOUT THE STATUS OF AN APPLICANT."""


def test_capital_lines_of_one_sentence_are_one_paragraph_not_headings():
    document = parse_text(_CAPITALS_BILL)
    blocks = [b for s in document.sections for b in s.blocks]
    assert [b.label for b in blocks] == ["3.", "4."]
    assert blocks[0].text.startswith("ALL INFORMATION RELATED TO A TENANT'S CITIZENSHIP OR")
    assert blocks[0].text.endswith("EXCEPT AS THE TENANT AGREES IN WRITING.")
    assert not any(s.heading for s in document.sections)


def test_a_word_broken_across_lines_is_joined():
    document = parse_text(_CAPITALS_BILL)
    assert "CITIZENSHIP OR IMMIGRATION STATUS SHALL" in flatten(document)


def test_capital_headings_between_sentences_are_still_headings():
    document = parse_text("A TRUST ORDINANCE\n\nDEFINITIONS\n\nThe City shall not share records."
                          "\n\nENFORCEMENT\n\nThe Chief shall report yearly.")  # fmt: skip
    assert [s.heading for s in document.sections] == ["DEFINITIONS", "ENFORCEMENT"]


def test_hyphens_that_do_not_break_a_word_stay():
    assert join_broken_words(["Sections 12-", "14 apply - see", "Title 8"]) == [
        "Sections 12-",
        "14 apply - see",
        "Title 8",
    ]


def test_a_label_after_a_catchline_ending_in_a_dash_starts_an_item():
    """New Mexico prints a new section's title as 'TITLE.--' on its own line; its 'A.'
    starts the text, so 'B.' is A's sibling and (1) nests under each."""
    document = _parse(
        """
        SECTION 1. A new section of the Records Act is enacted to read:
        "[NEW MATERIAL] PROTECTED RECORDS.--
        A. A clerk shall not release protected records except when:
        (1) ordered by a court; or
        (2) the person consents.
        B. As used in this section, "protected records" means a person's:
        (1) home address; and
        (2) religion."
        """
    )
    blocks = document.sections[0].blocks
    assert [(b.label, b.level) for b in blocks[1:]] == [
        ("A.", 1), ("(1)", 2), ("(2)", 2), ("B.", 1), ("(1)", 2), ("(2)", 2),
    ]  # fmt: skip
    assert blocks[0].text.endswith("PROTECTED RECORDS.--")


def test_line_breaks_escaped_as_backslash_n_are_line_breaks():
    """Text copied from a page's source shows its line breaks as the two characters "\\n";
    they break lines again, so "immigration\\nauthority" is two words on two lines."""
    escaped = "\\n"
    pasted = escaped.join(
        [
            "Sec. 1. Definitions.",
            "  1. 'Immigration authority' means any federal",
            "agency.",
            "Sec. 2. Disclosure.",
            "  1. No employee shall disclose to an immigration",
            "authority any personal information.",
        ]
    )
    document = parse_text(pasted)
    text = flatten(document)
    assert escaped not in text
    assert "immigration authority any personal information" in text
    assert [s.label for s in document.sections] == ["Sec. 1.", "Sec. 2."]


def test_a_text_that_mentions_backslash_n_keeps_it():
    folder = "C:\\new\\notes"
    pasted = f"Sec. 1. Paths.\nThe clerk's folder is {folder} on the shared drive.\n"
    assert folder in flatten(parse_text(pasted))
