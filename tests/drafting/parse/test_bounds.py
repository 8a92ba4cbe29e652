"""Hostile structure costs linear time and bounded size: keys, headings, nesting, numbering."""

from __future__ import annotations

import io
import zipfile

import pytest

from bench.hostile import capital_lines, deep_bullets, repeated_labels
from drafting.budget import BudgetExceeded, time_budget
from drafting.lint.sentences import document_sentences
from drafting.parse import parse_docx, parse_text
from drafting.parse.docx import MAX_LABEL_CHARS
from drafting.parse.text import MAX_HEADING_CHARS, MAX_LEVEL

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_parse_repeated_labels_get_short_unique_keys():
    document = parse_text(repeated_labels(48_000))
    keys = [block.key for _section, block in document.blocks()]
    assert len(keys) == 8000
    assert len(set(keys)) == len(keys)
    assert max(len(key) for key in keys) <= len("s1/a)~8000")


def test_parse_capital_lines_make_headings_of_bounded_length():
    document = parse_text(capital_lines(60_000))
    longest = max([len(document.title)] + [len(s.heading) for s in document.sections])
    assert longest <= MAX_HEADING_CHARS + len("WHEREAS ABC ")


def test_parse_nesting_is_capped():
    document = parse_text(deep_bullets(60_000))
    assert max(block.level for _s, block in document.blocks()) == MAX_LEVEL


def test_lint_list_stems_found_for_a_long_list():
    """The lead-in is still found for the 500th item (the walk back is bounded, not cut)."""
    text = "1. DEFINITIONS\nOfficers shall not do any of the following:\n" + repeated_labels(3000)
    sentences = document_sentences(parse_text(text))
    assert {s.stem.text for s in sentences if s.block.label == "a)"} == {
        "Officers shall not do any of the following:"
    }


def test_parse_within_a_spent_budget_stops():
    with pytest.raises(BudgetExceeded), time_budget(0.0):
        parse_text(repeated_labels(6000))


def _numbered_docx(start: str, fmt: str = "upperRoman") -> bytes:
    numbering = (
        f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    paragraph = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>The Sheriff shall decline detainers.</w:t></w:r></w:p>"
    )
    body = f"<w:document {_W}><w:body>{paragraph * 3}</w:body></w:document>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body)
        archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerLetter"])
def test_parse_docx_huge_list_start_makes_short_labels(fmt):
    document = parse_docx(_numbered_docx("260000000", fmt))
    paragraphs = [b.text for _s, b in document.blocks()] + [s.label for s in document.sections]
    assert max(len(text) for text in paragraphs) <= MAX_LABEL_CHARS + 40


def test_parse_docx_ordinary_list_start_is_kept():
    document = parse_docx(_numbered_docx("4"))
    labels = [block.label for _section, block in document.blocks()]
    assert labels == ["IV.", "V.", "VI."]
