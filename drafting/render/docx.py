"""Word (.docx) rendering of the document IR: the clean export and the annotated one.

Pure (no Django): a Document and an ExportMeta in, the file's bytes out.

    >>> from drafting.document import Block, Document, Run, Section
    >>> purpose = Section("PURPOSE", (Block("paragraph", (Run("It is affirmed."),)),))
    >>> document = Document("Trust Act", (purpose,))
    >>> meta = ExportMeta.for_document(document, author="Springfield Law Dept",
    ...                                revision=3, revision_date=dt.date(2026, 11, 22))
    >>> data = render_docx(document, meta)
    >>> data[:2], docx.Document(io.BytesIO(data)).core_properties.author
    (b'PK', 'Springfield Law Dept')

Layout: US Letter, 1-inch margins, Times New Roman 12 pt. Every paragraph has a
real Word style, so the navigation pane, the style gallery and reflow work:

    Ordinance Number   "ORDINANCE NO. ____"         (centred, bold)
    Title              the act's title              (centred, bold, 14 pt)
    Enacting Clause    "BE IT ORDAINED BY ..."      (bold)
    Heading 1          "II) CIVIL IMMIGRATION ..."  (one per section; outline level 0)
    Body Text          unlabelled paragraphs
    Ordinance Item N   items and bullets of level N (1-3; deeper levels use 3)

Labels ("A.", "1)", "–") are literal text followed by a tab, never Word
auto-numbering: a clerk who deletes item B must not see C silently become B
in the council's copy while the cited text still says C.

The building blocks (`new_document`, `add_heading_block`, `add_section_heading`,
`add_block_paragraph`, `start_block_paragraph`, `add_styled_paragraph`,
`add_text_run`, `style_for_block`, `STYLE_*`/`STYLE_IDS`, `xml_safe`, `to_bytes`)
are a stable interface: the redline export builds its tracked-change
document on the same styles and page layout with them.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import io
import re
import struct
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from drafting.document import Block, Document, Run, Section

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run as DocxRun

    from drafting.annotations import Annotation
    from drafting.threads import AnchoredThread, Remark

FONT = "Times New Roman"
FONT_SIZE = Pt(12)
INDENT = Inches(0.5)
MAX_ITEM_LEVEL = 3
APPLICATION = "Ordinance Drafter"

STYLE_NUMBER = "Ordinance Number"
STYLE_TITLE = "Title"
STYLE_ENACTING = "Enacting Clause"
STYLE_SECTION = "Heading 1"
STYLE_BODY = "Body Text"
STYLE_ITEM = "Ordinance Item {level}"
ITEM_STYLES = tuple(STYLE_ITEM.format(level=n) for n in range(1, MAX_ITEM_LEVEL + 1))
# Style name -> style id (the template's built-in ids; ours are set to match).
STYLE_IDS = {
    STYLE_NUMBER: "OrdinanceNumber",
    STYLE_TITLE: "Title",
    STYLE_ENACTING: "EnactingClause",
    STYLE_SECTION: "Heading1",
    STYLE_BODY: "BodyText",
    **{name: name.replace(" ", "") for name in ITEM_STYLES},
}

# XML 1.0 cannot carry these (python-docx refuses them), and bidi overrides can
# disguise text. The spec rejects them at input; an outside document may not.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
PROPERTY_DRAFT = "OrdinanceDrafter.Draft"
PROPERTY_REVISION = "OrdinanceDrafter.Revision"
PROPERTY_EDITION = "OrdinanceDrafter.Edition"
PROPERTY_OFFICE = "OrdinanceDrafter.Office"
_HEADER_LIMIT = 60  # with a 30-character locality, the header fits one 10pt line
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def xml_safe(text: str) -> str:
    """`text` without the characters no .docx (or PDF) may carry.

    >>> xml_safe("Spring\\x0bfield\\x00")
    'Springfield'
    """
    return _UNSAFE.sub("", text)


def shorten(text: str, limit: int = _HEADER_LIMIT) -> str:
    """One line of at most `limit` characters, for running headers.

    >>> shorten("A very long title indeed", 12)
    'A very long…'
    """
    text = " ".join(xml_safe(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class ExportMeta:
    """What an export prints besides the ordinance itself.

    `title` and `locality` go into the running header and the file's
    properties; `author` is the properties' author (the drafting office);
    `revision`/`revision_date` make the footer's revision label.
    """

    title: str
    locality: str
    author: str
    revision: int | None
    revision_date: dt.date | None
    line_numbers: bool = False
    # Where the file came from, written into docProps/custom.xml so a reviewed copy
    # can be brought back to its draft (`drafting.parse.review`); None/"" leaves
    # them out (an export of a spec file or an outside document).
    draft_id: int | None = None
    office_id: int | None = None
    edition: str = ""

    @classmethod
    def for_document(
        cls,
        document: Document,
        *,
        author: str = "",
        revision: int | None = None,
        revision_date: dt.date | None = None,
        line_numbers: bool = False,
        draft_id: int | None = None,
        office_id: int | None = None,
        edition: str = "",
    ) -> ExportMeta:
        return cls(
            title=document.title,
            locality=document.locality,
            author=author,
            revision=revision,
            revision_date=revision_date,
            line_numbers=line_numbers,
            draft_id=draft_id,
            office_id=office_id,
            edition=edition,
        )

    @property
    def custom_properties(self) -> tuple[tuple[str, str], ...]:
        """The keys the file carries as custom document properties (name, value).

        >>> meta = ExportMeta("T", "L", "A", 3, None, draft_id=12, office_id=4,
        ...                   edition="2026-11")
        >>> meta.custom_properties  # doctest: +NORMALIZE_WHITESPACE
        (('OrdinanceDrafter.Draft', '12'), ('OrdinanceDrafter.Revision', '3'),
         ('OrdinanceDrafter.Edition', '2026-11'), ('OrdinanceDrafter.Office', '4'))
        """
        values = (
            (PROPERTY_DRAFT, self.draft_id),
            (PROPERTY_REVISION, self.revision),
            (PROPERTY_EDITION, self.edition),
            (PROPERTY_OFFICE, self.office_id),
        )
        if self.draft_id is None:
            return ()
        return tuple(
            (name, xml_safe(str(value))) for name, value in values if value not in ("", None)
        )

    @property
    def revision_label(self) -> str:
        """ "Draft r3, 2026-11-22"; "Draft r3" without a date; "Draft" without a revision."""
        if self.revision is None:
            return "Draft"
        label = f"Draft r{self.revision}"
        if self.revision_date:
            label += f", {self.revision_date.isoformat()}"
        return label

    @property
    def header_text(self) -> str:
        """The running header: "Springfield — Justice and Equity Ordinance"."""
        parts = [shorten(self.locality, 30), shorten(self.title)]
        return " — ".join(part for part in parts if part)

    @property
    def author_name(self) -> str:
        """The author for properties and comments: one line, at most 255 characters."""
        return shorten(self.author, 255) or APPLICATION

    @property
    def date(self) -> dt.date:
        return self.revision_date or dt.date.today()


# -- styles -------------------------------------------------------------------


def _set_fonts(rpr, name: str = FONT) -> None:
    """Pin every script's font to `name`, dropping theme fonts (they win otherwise)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), name)


def _doc_defaults(doc: DocxDocument) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    for tag in ("w:sz", "w:szCs"):
        rpr.find(qn(tag)).set(qn("w:val"), str(int(FONT_SIZE.pt * 2)))
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")


def _plain(style: ParagraphStyle, *, size: Pt = FONT_SIZE, bold: bool = False) -> None:
    """Times New Roman, black, no border: undo the default template's look."""
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr)
    style.font.size = size
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    for tag in ("w:spacing", "w:kern"):
        for child in rpr.findall(qn(tag)):
            rpr.remove(child)
    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing"):
        for child in ppr.findall(qn(tag)):
            ppr.remove(child)


def _paragraph_style(doc: DocxDocument, name: str) -> ParagraphStyle:
    try:
        return doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = STYLE_IDS[name]
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        return style


def _define_styles(doc: DocxDocument) -> None:
    _doc_defaults(doc)
    normal = doc.styles["Normal"]
    _plain(normal)
    normal.paragraph_format.widow_control = True

    number = _paragraph_style(doc, STYLE_NUMBER)
    _plain(number, bold=True)
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.paragraph_format.space_after = Pt(12)

    title = doc.styles[STYLE_TITLE]
    _plain(title, size=Pt(14), bold=True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(12)

    enacting = _paragraph_style(doc, STYLE_ENACTING)
    _plain(enacting, bold=True)
    enacting.paragraph_format.space_after = Pt(12)

    section = doc.styles[STYLE_SECTION]
    _plain(section, bold=True)
    section.paragraph_format.space_before = Pt(12)
    section.paragraph_format.space_after = Pt(6)

    body = doc.styles[STYLE_BODY]
    _plain(body)
    body.paragraph_format.space_after = Pt(6)

    for level, name in enumerate(ITEM_STYLES, start=1):
        item = _paragraph_style(doc, name)
        item.base_style = body
        fmt = item.paragraph_format
        fmt.left_indent = INDENT * level
        fmt.first_line_indent = -INDENT
        fmt.tab_stops.add_tab_stop(INDENT * level)

    for name in (STYLE_NUMBER, STYLE_TITLE, STYLE_ENACTING, STYLE_SECTION):
        fmt = doc.styles[name].paragraph_format
        fmt.keep_with_next = True
        fmt.keep_together = True

    for name in ("Header", "Footer"):
        _plain(doc.styles[name], size=Pt(10))


def style_for_block(block: Block) -> str:
    """The paragraph style of a block: "Body Text" or "Ordinance Item <level>".

    >>> style_for_block(Block("item", (), level=2, label="1)"))
    'Ordinance Item 2'
    """
    if block.level <= 0:
        return STYLE_BODY
    return STYLE_ITEM.format(level=min(block.level, MAX_ITEM_LEVEL))


# -- page layout, header, footer, properties ---------------------------------


def _page_layout(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", Inches(1))
    section.header_distance = section.footer_distance = Inches(0.5)


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin / instruction / separate / result / end."""

    def fld_char(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def _header_footer(doc: DocxDocument, meta: ExportMeta) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run(meta.header_text)

    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    width = section.page_width - section.left_margin - section.right_margin
    tabs = footer.paragraph_format.tab_stops
    tabs.add_tab_stop(width // 2, WD_TAB_ALIGNMENT.CENTER)
    tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run(f"{xml_safe(meta.revision_label)}\t\tPage ")
    _add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _add_field(footer, "NUMPAGES", "1")


def enable_line_numbers(doc: DocxDocument) -> None:
    """Number every line in the margin, restarting on each page (w:lnNumType)."""
    sect_pr = doc.sections[0]._sectPr
    numbering = OxmlElement("w:lnNumType")
    numbering.set(qn("w:countBy"), "1")
    numbering.set(qn("w:restart"), "newPage")
    numbering.set(qn("w:distance"), str(int(Inches(0.25).twips)))
    successors = ("w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote")
    successors += ("w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid")
    sect_pr.insert_element_before(numbering, *successors, "w:printerSettings", "w:sectPrChange")


def _properties(doc: DocxDocument, meta: ExportMeta) -> None:
    """Core properties; python-docx's defaults ("python-docx", 2013) must never leak."""
    props = doc.core_properties
    stamp = dt.datetime.combine(meta.date, dt.time())
    author = meta.author_name
    props.title = shorten(meta.title, 255)
    props.subject = shorten(meta.locality, 255)
    props.author = author
    props.last_modified_by = author
    props.revision = meta.revision if meta.revision and meta.revision > 0 else 1
    props.created = stamp
    props.modified = stamp
    props.comments = meta.revision_label
    props.keywords = "ordinance"
    props.category = "Ordinance"
    props.language = "en-US"
    package = doc.part.package
    if meta.custom_properties:
        part = Part(
            PackURI("/docProps/custom.xml"),
            CT.OFC_CUSTOM_PROPERTIES,
            custom_properties_xml(meta.custom_properties),
            package,
        )
        package.relate_to(part, RT.CUSTOM_PROPERTIES)
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # the template's picture of a blank page
            del package.rels[rel_id]
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            part = rel.target_part
            part._blob = re.sub(
                rb"<Application>[^<]*</Application>",
                f"<Application>{APPLICATION}</Application>".encode(),
                part.blob,
            )


_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # every custom property's


def custom_properties_xml(properties: Sequence[tuple[str, str]]) -> bytes:
    """docProps/custom.xml holding `properties` as text (vt:lpwstr), ids from 2 as Word does."""
    escape = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
    items = "".join(
        f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{name.translate(escape)}">'
        f"<vt:lpwstr>{value.translate(escape)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties, start=2)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'docPropsVTypes">{items}</Properties>'
    ).encode()


def new_document(meta: ExportMeta) -> DocxDocument:
    """An empty document with the export's styles, page, header, footer and properties.

    The heading block and body are left to the caller (`add_heading_block`,
    `add_section_heading`, `add_block_paragraph`).
    """
    doc = docx.Document()
    body = doc.element.body
    for paragraph in body.findall(qn("w:p")):  # the template's empty paragraph
        body.remove(paragraph)
    _define_styles(doc)
    _page_layout(doc)
    _header_footer(doc, meta)
    _properties(doc, meta)
    if meta.line_numbers:
        enable_line_numbers(doc)
    return doc


# -- the body -----------------------------------------------------------------


def add_styled_paragraph(doc: DocxDocument, style: str, text: str = "") -> Paragraph:
    """A new paragraph in one of the export's styles (by name), with `text` if any.

    Sets the style id directly: python-docx's lookup by name scans every
    style for each paragraph, most of the time spent on a long document.
    """
    paragraph = doc.add_paragraph()
    if style in STYLE_IDS:
        paragraph._p.style = STYLE_IDS[style]
    else:
        paragraph.style = style
    if text:
        paragraph.add_run(xml_safe(text))
    return paragraph


def add_text_run(paragraph: Paragraph, run: Run) -> DocxRun:
    """Append one IR run: terms bold, emphasis italic."""
    added = paragraph.add_run(xml_safe(run.text))
    if run.style == "term":
        added.bold = True
    elif run.style == "emphasis":
        added.italic = True
    return added


def add_heading_block(doc: DocxDocument, document: Document) -> list[Paragraph]:
    """ORDINANCE NO. ____ (or the instrument's own line), the title, the enacting clause
    (when there is one)."""
    number = xml_safe(document.ordinance_number) or "____"
    paragraphs = [
        add_styled_paragraph(doc, STYLE_NUMBER, f"{document.number_label} {number}"),
        add_styled_paragraph(doc, STYLE_TITLE, document.title),
    ]
    if document.enacting_clause:
        paragraphs.append(add_styled_paragraph(doc, STYLE_ENACTING, document.enacting_clause))
    return paragraphs


def add_section_heading(doc: DocxDocument, section: Section) -> Paragraph:
    """The section's title ("II) CIVIL ...") as a Heading 1 paragraph."""
    return add_styled_paragraph(doc, STYLE_SECTION, section.title)


def start_block_paragraph(doc: DocxDocument, block: Block) -> Paragraph:
    """A block's paragraph with its style and label run ("A.\\t"), no text yet."""
    paragraph = add_styled_paragraph(doc, style_for_block(block))
    if block.label:
        paragraph.add_run(f"{xml_safe(block.label)}\t")
    return paragraph


def add_block_paragraph(doc: DocxDocument, block: Block) -> Paragraph:
    """A block as a paragraph: the label run, then one run per IR run."""
    paragraph = start_block_paragraph(doc, block)
    for run in block.runs:
        add_text_run(paragraph, run)
    return paragraph


# -- the fast writer ---------------------------------------------------------
#
# The clean export writes word/document.xml's body as text, one precompiled
# fragment per block kind, into a skeleton package (styles, page, header,
# footer, properties) that python-docx builds once per ExportMeta. The bytes are
# exactly what the python-docx objects would serialize to (tests compare them).

_CONTENT = re.compile(r"([^\t\r\n]+)|(\t)|([\r\n])")
_RUN_OPEN = {"term": "<w:r><w:rPr><w:b/></w:rPr>", "emphasis": "<w:r><w:rPr><w:i/></w:rPr>"}
_PARAGRAPH_OPEN = {
    name: f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>'
    for name, style_id in STYLE_IDS.items()
}


def _t(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if len(text.strip()) < len(text):
        return f'<w:t xml:space="preserve">{text}</w:t>'
    return f"<w:t>{text}</w:t>"


def _run_xml(text: str, style: str = "") -> str:
    """One `w:r` as python-docx's `add_run(text)` writes it: tabs as `w:tab`, line
    breaks as `w:br`, `xml:space="preserve"` on text with outer whitespace; terms
    bold, emphasis italic."""
    opening = _RUN_OPEN.get(style, "<w:r>")
    if "\t" in text or "\n" in text or "\r" in text:
        content = "".join(
            _t(chunk) if chunk else ("<w:tab/>" if tab else "<w:br/>")
            for chunk, tab, _newline in _CONTENT.findall(text)
        )
    elif text:
        content = _t(text)
    elif opening == "<w:r>":
        return "<w:r/>"
    else:
        content = ""
    return f"{opening}{content}</w:r>"


def _paragraph_xml(style: str, text: str = "") -> str:
    return _PARAGRAPH_OPEN[style] + (_run_xml(xml_safe(text)) if text else "") + "</w:p>"


def _block_xml(block: Block, safe: Callable[[str], str]) -> str:
    level = block.level
    style = STYLE_BODY if level <= 0 else ITEM_STYLES[min(level, MAX_ITEM_LEVEL) - 1]
    parts = [_PARAGRAPH_OPEN[style]]
    if block.label:
        parts.append(_run_xml(f"{safe(block.label)}\t"))
    parts.extend(_run_xml(safe(run.text), run.style) for run in block.runs)
    parts.append("</w:p>")
    return "".join(parts)


def _unchanged(text: str) -> str:
    return text


def body_xml(document: Document) -> str:
    """The body's paragraphs (no `w:sectPr`) as word/document.xml carries them,
    each clause's paragraphs inside its bookmark (`clause_bookmarks`).

    >>> from drafting.document import Block, Document, Run, Section
    >>> body_xml(Document("T", (Section("H", (Block("item", (Run("a&b", "term"),),
    ...     level=1, label="A."),)),)))[-88:]
    '<w:r><w:t>A.</w:t><w:tab/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>a&amp;b</w:t></w:r></w:p>'
    """
    number = xml_safe(document.ordinance_number) or "____"
    parts = [
        _paragraph_xml(STYLE_NUMBER, f"{document.number_label} {number}"),
        _paragraph_xml(STYLE_TITLE, document.title),
    ]
    if document.enacting_clause:
        parts.append(_paragraph_xml(STYLE_ENACTING, document.enacting_clause))
    for section in document.sections:
        parts.append(_paragraph_xml(STYLE_SECTION, section.title))
        # xml_safe per run only when some run needs it (most documents: none).
        safe = _unchanged
        if any(
            _UNSAFE.search(block.label) or any(_UNSAFE.search(run.text) for run in block.runs)
            for block in section.blocks
        ):
            safe = xml_safe
        parts.extend(_block_xml(block, safe) for block in section.blocks)
    for ident, (first, last, name) in enumerate(clause_bookmarks(document)):
        cut = parts[first].index("</w:pPr>") + len("</w:pPr>")
        start = f'<w:bookmarkStart w:id="{ident}" w:name="{name}"/>'
        parts[first] = parts[first][:cut] + start + parts[first][cut:]
        parts[last] = parts[last][: -len("</w:p>")] + f'<w:bookmarkEnd w:id="{ident}"/></w:p>'
    return "".join(parts)


# -- clause bookmarks ---------------------------------------------------------
#
# Each clause's paragraphs sit inside a bookmark named for the clause, so a
# reviewed copy maps back onto clauses exactly (drafting.parse.review). Names
# start with "_" (Word hides such bookmarks from the reviewer's list), use "_"
# for the slug's "-" (Word refuses "-") and stay within Word's 40 characters.

BOOKMARK_PREFIX = "_od_"
_BOOKMARK_LIMIT = 40


def bookmark_name(unit: str) -> str:
    """The bookmark of one clause's text ("no-287g"), a section heading
    ("heading:no-287g") or the title ("title").

    >>> bookmark_name("no-287g"), bookmark_name("heading:reporting")
    ('_od_no_287g', '_od_h_reporting')
    >>> len(bookmark_name("a-very-long-clause-key-of-our-own-that-goes-on"))
    40
    """
    kind, _, key = unit.rpartition(":")
    name = BOOKMARK_PREFIX + ("h_" if kind == "heading" else "") + key.replace("-", "_")
    if len(name) > _BOOKMARK_LIMIT:
        digest = hashlib.sha1(unit.encode()).hexdigest()[:8]
        name = name[: _BOOKMARK_LIMIT - 9] + "_" + digest
    return name


def clause_bookmarks(document: Document) -> list[tuple[int, int, str]]:
    """(first paragraph, last paragraph, bookmark name) over the body's paragraphs in
    order (number line, title, enacting clause, then each heading and block): the
    title, each section heading, and each run of one clause's blocks. A clause whose
    blocks come in several runs gets "_2", "_3" on the later ones."""
    index = 1
    marks = [(index, index, bookmark_name("title"))]
    if document.enacting_clause:
        index += 1
    seen: Counter[str] = Counter()
    for section in document.sections:
        index += 1
        if section.clause:
            marks.append((index, index, bookmark_name(f"heading:{section.clause}")))
        for block in section.blocks:
            index += 1
            if not block.clause:
                continue
            first, last, name = marks[-1]
            if last == index - 1 and seen[block.clause] and name == _run_name(block.clause, seen):
                marks[-1] = (first, index, name)
                continue
            seen[block.clause] += 1
            marks.append((index, index, _run_name(block.clause, seen)))
    return marks


def _run_name(clause: str, seen: Counter[str]) -> str:
    count = seen[clause]
    return bookmark_name(clause if count <= 1 else f"{clause}_{count}")


def add_clause_bookmarks(doc: DocxDocument, document: Document) -> None:
    """The python-docx twin of the bookmarks `body_xml` writes (same bytes)."""
    paragraphs = doc.element.body.findall(qn("w:p"))
    for ident, (first, last, name) in enumerate(clause_bookmarks(document)):
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(ident))
        start.set(qn("w:name"), name)
        paragraphs[first].get_or_add_pPr().addnext(start)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(ident))
        paragraphs[last].append(end)


# A zip entry written once by zipfile: its local header and data, and its
# central-directory record (whose header offset is patched where it lands).
_Entry = tuple[bytes, bytes]
_CENTRAL_OFFSET_AT = 42  # byte offset of "relative offset of local header"
_END_RECORD_SIZE = 22  # the end-of-central-directory record, no comment


def _zip_entry(name: str, data: bytes) -> _Entry:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        target.writestr(info, data)
        local_end = target.start_dir  # where the central directory begins
    raw = out.getvalue()
    return raw[:local_end], raw[local_end:-_END_RECORD_SIZE]


def _join_entries(entries: Sequence[_Entry]) -> bytes:
    """A zip of pre-written entries, byte for byte what zipfile writes for them."""
    local, central = [], []
    offset = 0
    for data, record in entries:
        patched = bytearray(record)
        struct.pack_into("<L", patched, _CENTRAL_OFFSET_AT, offset)
        local.append(data)
        central.append(bytes(patched))
        offset += len(data)
    directory = b"".join(central)
    end = struct.pack(
        "<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), offset, 0
    )
    return b"".join(local) + directory + end


@dataclass(frozen=True)
class _Skeleton:
    """The package of an empty export, every part already compressed, and its
    document.xml cut where the body's paragraphs go."""

    entries: tuple[_Entry | None, ...]  # None: where word/document.xml goes
    before_body: bytes
    after_body: bytes


@functools.lru_cache(maxsize=64)
def _skeleton(meta: ExportMeta, date: dt.date) -> _Skeleton:
    saved = io.BytesIO()
    new_document(meta).save(saved)
    with zipfile.ZipFile(saved) as package:
        parts = [(name, package.read(name)) for name in package.namelist()]
    document_xml = dict(parts)[_DOCUMENT_PART]
    cut = document_xml.index(b"<w:sectPr")
    if b"<w:p>" in document_xml[:cut] or b"<w:p " in document_xml[:cut]:
        raise ValueError("the skeleton's body is not empty")
    entries = tuple(
        None if name == _DOCUMENT_PART else _zip_entry(name, data) for name, data in parts
    )
    return _Skeleton(entries, document_xml[:cut], document_xml[cut:])


_DOCUMENT_PART = "word/document.xml"


def package_with_body(meta: ExportMeta, body: str) -> bytes:
    """The export's package (styles, page, header, footer, properties: `new_document`)
    with `body` (paragraphs as word/document.xml carries them) as its body."""
    skeleton = _skeleton(meta, meta.date)
    document_xml = skeleton.before_body + body.encode() + skeleton.after_body
    written = _zip_entry(_DOCUMENT_PART, document_xml)
    return _join_entries([written if entry is None else entry for entry in skeleton.entries])


def _write_package(parts: Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of `parts` in order, every entry with a fixed timestamp (the same
    bytes for the same document, so a revision's export can be cached and
    compared byte for byte)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)
    return out.getvalue()


def to_bytes(doc: DocxDocument) -> bytes:
    """The file's bytes, the same for the same document (fixed zip timestamps)."""
    saved = io.BytesIO()
    doc.save(saved)
    with zipfile.ZipFile(saved) as source:
        return _write_package([(name, source.read(name)) for name in source.namelist()])


# -- the whole export ---------------------------------------------------------


def render_docx(
    document: Document,
    meta: ExportMeta,
    *,
    annotations: Sequence[Annotation] = (),
    threads: Sequence[AnchoredThread] = (),
) -> bytes:
    """The ordinance as .docx bytes; with `annotations`, one Word comment each; with
    `threads` (open comment threads), one Word comment each on its quoted span
    (`add_thread_comments`).

    An annotation is anchored on the first paragraph of its clause: the
    section heading for a section's own clause, the clause's first block for
    a subsection, the title for the title clause. Annotations naming clauses
    the document leaves out are skipped.

    Without annotations the body is written as XML text into a cached
    skeleton (`body_xml`); with them, through python-docx (comments need its
    parts). Both give the same bytes for the same document.
    """
    if not annotations and not threads:
        return package_with_body(meta, body_xml(document))
    doc = new_document(meta)
    heading = add_heading_block(doc, document)
    anchors: dict[str, Paragraph] = {}
    texts: dict[str, list[tuple[Paragraph, bool]]] = {"title": [(heading[1], False)]}
    for section in document.sections:
        paragraph = add_section_heading(doc, section)
        if section.clause:
            anchors.setdefault(section.clause, paragraph)
        for block in section.blocks:
            paragraph = add_block_paragraph(doc, block)
            if block.clause:
                anchors.setdefault(block.clause, paragraph)
                texts.setdefault(block.clause, []).append((paragraph, bool(block.label)))
    add_clause_bookmarks(doc, document)
    _comment_styles(doc)
    for annotation in annotations:
        anchor = heading[1] if annotation.kind == "title" else anchors.get(annotation.clause)
        if anchor is not None and anchor.runs:
            _add_comment(doc, anchor, annotation, meta)
    add_thread_comments(doc, texts, threads)
    return to_bytes(doc)


def _comment_styles(doc: DocxDocument) -> None:
    """Word's built-in comment styles, which python-docx's comments refer to by id."""
    for name, style_id, kind, size in (
        ("annotation text", "CommentText", WD_STYLE_TYPE.PARAGRAPH, Pt(10)),
        ("annotation reference", "CommentReference", WD_STYLE_TYPE.CHARACTER, Pt(8)),
    ):
        if any(style.style_id == style_id for style in doc.styles):
            continue
        style = doc.styles.add_style(name, kind)
        style.style_id = style_id
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            style.base_style = doc.styles["Normal"]
        style.hidden = style.unhide_when_used = True
        style.font.size = size


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalnum())[:4].upper()


def _add_comment(
    doc: DocxDocument, anchor: Paragraph, annotation: Annotation, meta: ExportMeta
) -> None:
    author = meta.author_name
    comment = doc.add_comment(anchor.runs, text="", author=author, initials=_initials(author))
    comment._comment_elm.date = dt.datetime.combine(meta.date, dt.time(), tzinfo=dt.UTC)
    first = comment.paragraphs[0]
    first.add_run(f"{xml_safe(annotation.option_label)}: ").bold = True
    first.add_run(xml_safe(annotation.choice_label))
    if annotation.default:
        first.add_run(" (default)")
    if annotation.guidance:
        comment.add_paragraph(xml_safe(annotation.guidance))
    if annotation.source:
        comment.add_paragraph(f"Source: {xml_safe(annotation.source)}")


# -- comment threads on a quoted span ---------------------------------------------


def _split_run(run: DocxRun, at: int) -> DocxRun:
    """Cut `run` after `at` characters; the new run (same formatting) holds the rest."""
    from docx.text.run import Run as DocxRun

    text = run.text
    rest = copy.deepcopy(run._r)
    run._r.addnext(rest)
    run.text = text[:at]
    tail = DocxRun(rest, run._parent)
    tail.text = text[at:]
    return tail


def _text_runs(paragraph: Paragraph, labelled: bool) -> list[DocxRun]:
    return paragraph.runs[1:] if labelled else paragraph.runs


def _run_at(paragraph: Paragraph, labelled: bool, offset: int, *, end: bool) -> DocxRun | None:
    """The run that starts (or, with `end`, ends) exactly at `offset` of the paragraph's
    text, cutting a run there if need be."""
    position = 0
    for run in _text_runs(paragraph, labelled):
        length = len(run.text)
        if not end and position == offset and length:
            return run
        if end and position + length == offset and length:
            return run
        if position < offset < position + length:
            tail = _split_run(run, offset - position)
            return run if end else tail
        position += length
    return None


def _quoted_runs(
    paragraphs: Sequence[tuple[Paragraph, bool]], quote: str
) -> tuple[DocxRun, DocxRun] | None:
    """The first and last run of `quote` in the clause's paragraphs (whose text is the
    clause text: paragraphs joined by a blank line), cut to its exact span; the
    clause's first and last run for an empty quote; None when it is not there."""
    from drafting.threads import quote_span

    texts = ["".join(run.text for run in _text_runs(p, labelled)) for p, labelled in paragraphs]
    span = quote_span("\n\n".join(texts), quote)
    if span is None:
        return None
    if span == (0, 0):
        span = (0, len("\n\n".join(texts)))

    def locate(offset: int, end: bool) -> tuple[int, int]:
        for index, text in enumerate(texts):
            if offset <= len(text) and (end or offset < len(text)):
                return index, offset
            offset -= len(text) + 2
        return len(texts) - 1, len(texts[-1])

    (first_index, start), (last_index, stop) = locate(span[0], False), locate(span[1], True)
    # The start first: cutting at the end keeps the left part in the start's run.
    first = _run_at(*paragraphs[first_index], start, end=False)
    last = _run_at(*paragraphs[last_index], stop, end=True)
    return (first, last) if first is not None and last is not None else None


_COMMENTS_EXTENDED_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
)
_COMMENTS_EXTENDED_REL = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _word_comment(
    doc: DocxDocument,
    runs: tuple[DocxRun, DocxRun],
    remark: Remark,
    para_id: str,
    note: str = "",
) -> None:
    """One Word comment on `runs` by the remark's author (an italic `note` before its
    text), its last paragraph numbered `para_id` (w14:paraId: how
    commentsExtended.xml links replies to their parent)."""
    author = shorten(remark.author, 255) or APPLICATION
    comment = doc.add_comment(list(runs), text="", author=author, initials=_initials(author))
    if remark.date is not None:
        comment._comment_elm.date = remark.date.astimezone(dt.UTC).replace(microsecond=0)
    else:  # python-docx stamps "now": the same thread must give the same bytes
        comment._comment_elm.attrib.pop(qn("w:date"), None)
    if note:
        comment.paragraphs[0].add_run(xml_safe(note)).italic = True
    comment.paragraphs[0].add_run(xml_safe(remark.body))
    comment.paragraphs[-1]._p.set(qn("w14:paraId"), para_id)


def _comments_extended(doc: DocxDocument, links: Sequence[tuple[str, str]]) -> None:
    """word/commentsExtended.xml: each reply's paragraph id with its parent's, so Word
    (and the review import) show the replies as one thread."""
    entries = "".join(
        f'<w15:commentEx w15:paraId="{para}"'
        + (f' w15:paraIdParent="{parent}"' if parent else "")
        + ' w15:done="0"/>'
        for para, parent in links
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w15:commentsEx xmlns:w15="{_W15}">{entries}</w15:commentsEx>'
    ).encode()
    part = Part(
        PackURI("/word/commentsExtended.xml"), _COMMENTS_EXTENDED_TYPE, xml, doc.part.package
    )
    doc.part.relate_to(part, _COMMENTS_EXTENDED_REL)


def add_thread_comments(
    doc: DocxDocument,
    clauses: dict[str, list[tuple[Paragraph, bool]]],
    threads: Sequence[AnchoredThread],
) -> None:
    """One Word comment per remark of each thread, every one's range exactly the quoted
    span: the first by the thread's first writer, the replies linked to it as Word
    replies (commentsExtended.xml), so Word shows one thread and a reviewed copy
    brings it back whole.

    `clauses` maps a clause key to its paragraphs (and whether each starts with a
    label run). An outdated thread, or one whose quote is not found, is anchored on
    the whole clause and its first comment says what it quoted; a thread on a
    clause the document leaves out is skipped.
    """
    links: list[tuple[str, str]] = []
    for thread in threads:
        paragraphs = clauses.get(thread.clause)
        if not paragraphs or not thread.remarks:
            continue
        runs = None if thread.outdated else _quoted_runs(paragraphs, thread.quote)
        moved = runs is None
        runs = runs or _quoted_runs(paragraphs, "")
        if runs is None:
            continue
        first, *replies = thread.remarks
        parent = f"{0x10000001 + len(links):08X}"
        note = (
            f"(Outdated: quoted “{shorten(thread.quote, 200)}”) " if moved and thread.quote else ""
        )
        _word_comment(doc, runs, first, parent, note)
        links.append((parent, ""))
        for remark in replies:
            para_id = f"{0x10000001 + len(links):08X}"
            _word_comment(doc, runs, remark, para_id)
            links.append((para_id, parent))
    if links:
        _comments_extended(doc, links)


__all__ = [
    "add_thread_comments",
    "APPLICATION",
    "ExportMeta",
    "ITEM_STYLES",
    "STYLE_BODY",
    "STYLE_ENACTING",
    "STYLE_NUMBER",
    "STYLE_SECTION",
    "STYLE_IDS",
    "STYLE_TITLE",
    "add_block_paragraph",
    "add_clause_bookmarks",
    "bookmark_name",
    "clause_bookmarks",
    "custom_properties_xml",
    "add_heading_block",
    "add_section_heading",
    "add_styled_paragraph",
    "add_text_run",
    "body_xml",
    "enable_line_numbers",
    "new_document",
    "package_with_body",
    "render_docx",
    "shorten",
    "start_block_paragraph",
    "style_for_block",
    "to_bytes",
    "xml_safe",
]
