"""Sample documents for the export tests: a small hand-built ordinance that uses every
block shape, one full of hostile text, and the text a reader expects of either."""

from __future__ import annotations

import datetime as dt

from drafting.document import Block, Document, Run, Section
from drafting.render.docx import ExportMeta
from drafting.render.text import block_text, heading_lines

REVISION_DATE = dt.date(2026, 11, 22)

# Markup, ampersands, right-to-left text, emoji, XML-forbidden controls, a long value.
HOSTILE = "<script>alert('x')</script> & <b>bold</b> &amp; مدينة שלום"
EMOJI = " 🏛️🌎"
LONG_WORD = "Z" * 5000
LONG_VALUE = ("Springfield " * 17)[:200]


def small_document(**changes) -> Document:
    """A preamble and two numbered sections with items to level 3, a bullet, a term."""
    sections = (
        Section(
            heading="PURPOSE",
            blocks=(Block("paragraph", (Run("It is affirmed."),), clause="purpose", key="p"),),
            clause="purpose",
        ),
        Section(
            heading="DEFINITIONS",
            number="I",
            label="I)",
            clause="definitions",
            blocks=(
                Block("paragraph", (Run("These terms mean:"),), clause="definitions", key="d"),
                Block(
                    "item",
                    (Run("“ICE”", "term"), Run(" means the agency, "), Run("as such", "emphasis")),
                    level=1,
                    label="A.",
                    clause="definitions",
                    key="definitions#ice",
                ),
            ),
        ),
        Section(
            heading="ENFORCEMENT",
            number="II",
            label="II)",
            clause="civil-enforcement",
            blocks=(
                Block("paragraph", (Run("The city shall not:"),), clause="civil-enforcement"),
                Block("item", (Run("Hold anyone;"),), 1, "A.", "detainers", "detainers"),
                Block("item", (Run("for a day;"),), 2, "1)", "detainers", "detainers:2"),
                Block("item", (Run("or an hour."),), 3, "(a)", "detainers", "detainers:3"),
                Block("bullet", (Run("Nor a minute."),), 1, "–", "detainers", "detainers:4"),
                Block("item", (Run("Share data."),), 1, "B.", "ncic", "ncic"),
            ),
        ),
    )
    fields = dict(
        title="Safe Communities Act",
        sections=sections,
        locality="Springfield",
        ordinance_number="2026-17",
        enacting_clause="BE IT ORDAINED BY THE CITY COUNCIL OF SPRINGFIELD:",
        clause_versions={"title": 1, "purpose": 1, "definitions": 1, "civil-enforcement": 1},
    )
    return Document(**{**fields, **changes})


def hostile_document(*, emoji: bool = True) -> Document:
    """Every free-text field carries markup, RTL text, emoji, controls or 5,000 characters."""
    nasty = f"{HOSTILE}{EMOJI if emoji else ''}\x0b\x00"
    return Document(
        title=f"{HOSTILE} {LONG_VALUE}",
        locality=f"{LONG_VALUE}{nasty}",
        ordinance_number=nasty,
        enacting_clause=f"BE IT ORDAINED BY THE {nasty}:",
        sections=(
            Section(
                heading=nasty,
                number="I",
                label="I)",
                clause="hostile",
                blocks=(
                    Block("paragraph", (Run(nasty),), clause="hostile", key="h1"),
                    Block("item", (Run(LONG_WORD),), 1, "A.", "hostile", "h2"),
                    Block("item", (Run(nasty, "term"), Run(LONG_VALUE)), 2, "1)", "hostile", "h3"),
                ),
            ),
        ),
    )


def hostile_meta(*, emoji: bool = True) -> ExportMeta:
    nasty = f"{HOSTILE}{EMOJI if emoji else ''}\x0b\x00"
    return ExportMeta(
        title=f"{HOSTILE} {LONG_WORD}",
        locality=f"{LONG_VALUE}{nasty}",
        author=f"{nasty} {LONG_VALUE}",
        revision=7,
        revision_date=REVISION_DATE,
        line_numbers=True,
    )


def expected_lines(document: Document) -> list[str]:
    """The document's text a reader expects, one entry per paragraph, in order."""
    lines = heading_lines(document)
    for section in document.sections:
        lines.append(section.title)
        lines += [block_text(block) for block in section.blocks]
    return lines
