"""The redline .docx: a document diff as real Word tracked changes. Pure.

    >>> import io, zipfile
    >>> from drafting.diff import diff_documents
    >>> from drafting.parse import parse_text
    >>> old = parse_text("Section 1. Reports.\\nReport quarterly.")
    >>> new = parse_text("Section 1. Reports.\\nReport annually.")
    >>> meta = ExportMeta.for_document(new, author="Springfield Law Dept")
    >>> data = render_redline_docx(diff_documents(old, new), meta,
    ...                            author="Ana Ruiz", date=dt.datetime(2026, 11, 22, 10))
    >>> body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    >>> body.count("<w:ins "), body.count("<w:del "), 'w:author="Ana Ruiz"' in body
    (1, 1, True)

Word's Review pane and LibreOffice's Manage Changes list every revision, and
each can be accepted or rejected: accepting all gives the new document's text,
rejecting all the old one's, labels included.

- Inserted text is `w:ins` around ordinary runs, deleted text `w:del` around
  runs whose text is `w:delText`; each contiguous change is one revision with
  its own `w:id` (unique in the document), `w:author` and `w:date`.
- A paragraph that is wholly inserted or deleted also marks its paragraph mark
  (`w:pPr/w:rPr/w:ins` or `w:del`), so accepting or rejecting removes the
  paragraph itself, not just its words. A block whose style changed (body text
  became an item) carries a `w:pPrChange` with the old style.
- Unchanged text keeps the clean export's styles and run formatting: the
  document is built with `drafting.render.docx` (same styles, page, header, footer).
- Labels are text like any other: "C." that became "B." because a clause was
  left out is the old label deleted and the new one inserted (the tab between
  label and text unchanged), so rejecting every change gives back the old
  numbering a council's citations use. Section labels ("XI)" -> "X)") likewise.
  The labels of wholly inserted or deleted paragraphs go with their text.
- A moved section is deleted where it was and inserted where it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafting.diff import BlockOp, DocumentDiff, SectionOp, WordOp, pieces
from drafting.document import Section
from drafting.render.docx import (
    APPLICATION,
    STYLE_ENACTING,
    STYLE_IDS,
    STYLE_NUMBER,
    STYLE_SECTION,
    STYLE_TITLE,
    ExportMeta,
    new_document,
    package_with_body,
    style_for_block,
    to_bytes,
    xml_safe,
)

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

Mark = Literal["", "insert", "delete"]
PieceKind = Literal["equal", "insert", "delete"]
# (kind, text, run style); run style is plain / term / emphasis, or "tab".
_Piece = tuple[PieceKind, str, str]


@dataclass
class _Para:
    """One paragraph to write: its style, its pieces, and its mark's fate."""

    style: str
    pieces: list[_Piece]
    mark: Mark = ""
    old_style: str = ""  # set when the style changed: recorded as w:pPrChange


@dataclass
class _Revisions:
    """Hands out revision ids and stamps author and date on revision elements."""

    author: str
    date: str
    next_id: int = 1
    ids: list[int] = field(default_factory=list)

    def stamp(self, element) -> None:
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        self.ids.append(self.next_id)
        self.next_id += 1

    def attributes(self) -> str:
        """The next revision's id, author and date, as XML attributes."""
        text = f' w:id="{self.next_id}" w:author="{_attribute(self.author)}" w:date="{self.date}"'
        self.ids.append(self.next_id)
        self.next_id += 1
        return text


def _attribute(value: str) -> str:
    """An attribute value escaped as lxml writes it."""
    return value.translate(_ATTRIBUTE_ESCAPES)


_ATTRIBUTE_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;",
     "\r": "&#13;"}
)  # fmt: skip
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _word_date(date: dt.datetime) -> str:
    """ISO 8601 in UTC, seconds precision, as Word writes w:date."""
    if date.tzinfo is None:
        date = date.replace(tzinfo=dt.UTC)
    return date.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- planning: the diff as paragraphs -----------------------------------------


def _words(words: tuple[WordOp, ...]) -> list[_Piece]:
    return [(kind, text, "plain") for kind, text in words]


def _label(kind: PieceKind, label: str, separator: str) -> list[_Piece]:
    if not label:
        return []
    return [(kind, label, "plain"), (kind, separator, "tab" if separator == "\t" else "plain")]


def _relabel(old: str, new: str, separator: str) -> list[_Piece]:
    """A label that may have changed: the old one deleted, the new one inserted, the
    separator kept while either side has a label."""
    if old == new:
        return _label("equal", new, separator)
    if old and new:
        tab = "tab" if separator == "\t" else "plain"
        return [("delete", old, "plain"), ("insert", new, "plain"), ("equal", separator, tab)]
    return _label("delete", old, separator) if old else _label("insert", new, separator)


def _whole(kind: Literal["insert", "delete"], para: _Para) -> _Para:
    """Every piece of `para` inserted (or deleted), and its mark with them."""
    return _Para(para.style, [(kind, text, style) for _k, text, style in para.pieces], kind)


def _heading_para(
    section: Section, words: tuple[WordOp, ...], old_label: str | None = None
) -> _Para:
    label = section.label if old_label is None else old_label
    return _Para(STYLE_SECTION, _relabel(label, section.label, " ") + _words(words))


def _block_para(op: BlockOp) -> _Para:
    block = op.block
    style = style_for_block(block)
    body = [(p.kind, p.text, p.style) for p in pieces(op)]
    if op.op == "inserted":
        return _Para(style, _label("insert", block.label, "\t") + body, "insert")
    if op.op == "deleted":
        return _Para(style, _label("delete", block.label, "\t") + body, "delete")
    old_style = style_for_block(op.old) if op.old else style
    old_label = op.old.label if op.old else block.label
    return _Para(
        style,
        _relabel(old_label, block.label, "\t") + body,
        old_style="" if old_style == style else old_style,
    )


def _section_paras(op: SectionOp) -> list[_Para]:
    if op.in_old and op.in_new:  # equal or changed, kept in place
        paras = [_heading_para(op.section, op.heading, op.old.label if op.old else None)]
        return paras + [_block_para(block) for block in op.blocks]
    if op.in_new:  # inserted, or moved here: all of it new
        section = op.new
        kind: Literal["insert", "delete"] = "insert"
    else:  # deleted, or moved away: all of it gone
        section = op.old
        kind = "delete"
    assert section is not None
    paras = [_whole(kind, _heading_para(section, (("equal", section.heading),)))]
    for block in section.blocks:
        op_ = BlockOp("equal", block, block, (("equal", block.text),) if block.text else ())
        paras.append(_whole(kind, _block_para(op_)))
    return paras


def _heading_block(diff: DocumentDiff) -> list[_Para]:
    number: list[_Piece] = [("equal", f"{diff.new.number_label} ", "plain")]
    if diff.ordinance_number:
        old, new = diff.ordinance_number
        number += [("delete", old or "____", "plain"), ("insert", new or "____", "plain")]
    else:
        number.append(("equal", diff.new.ordinance_number or "____", "plain"))
    paras = [_Para(STYLE_NUMBER, number), _Para(STYLE_TITLE, _words(diff.title))]
    old, new = diff.old.enacting_clause, diff.new.enacting_clause
    if old and new:
        paras.append(_Para(STYLE_ENACTING, _words(diff.enacting_clause)))
    elif old or new:
        kind: Literal["insert", "delete"] = "insert" if new else "delete"
        paras.append(_Para(STYLE_ENACTING, [(kind, old or new, "plain")], kind))
    return paras


def plan(diff: DocumentDiff) -> list[_Para]:
    """The redline's paragraphs, in order, with the last mark settled."""
    paras = _heading_block(diff)
    for op in diff.sections:
        paras.extend(_section_paras(op))
    _settle_last_mark(paras)
    return paras


def _settle_last_mark(paras: list[_Para]) -> None:
    """Keep the document's last paragraph mark untracked.

    An inserted paragraph's mark goes when the insertion is rejected, joining
    what is left of it to the next paragraph; the last paragraph has none, so
    rejecting would leave an empty paragraph behind. As Word does, give the
    marked mark to the paragraph before the run of inserted paragraphs instead;
    if that one was deleted (a replacement at the very end), fold the two into
    one paragraph holding the deletion, then the insertion. Same for deletions.
    """
    mark = paras[-1].mark
    if not mark:
        return
    start = len(paras) - 1
    while start > 0 and paras[start - 1].mark == mark:
        start -= 1
    before = paras[start - 1]  # the heading block is never tracked whole: start > 0
    last = paras[-1]
    if not before.mark:
        before.mark, last.mark = mark, ""
        return
    deleted, inserted = (before, last) if mark == "insert" else (last, before)
    paras[-1] = _Para(inserted.style, deleted.pieces + inserted.pieces, "", deleted.style)
    if paras[-1].old_style == paras[-1].style:
        paras[-1].old_style = ""
    del paras[start - 1]


# -- writing ------------------------------------------------------------------


def _run(text: str, style: str, *, deleted: bool):
    run = OxmlElement("w:r")
    if style in ("term", "emphasis"):
        rpr = OxmlElement("w:rPr")
        rpr.append(OxmlElement("w:b" if style == "term" else "w:i"))
        run.append(rpr)
    if style == "tab":
        run.append(OxmlElement("w:tab"))
        return run
    element = OxmlElement("w:delText" if deleted else "w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = xml_safe(text)
    run.append(element)
    return run


def _mark_paragraph(paragraph, para: _Para, revisions: _Revisions, style_ids) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if para.mark:
        rpr = OxmlElement("w:rPr")
        change = OxmlElement("w:ins" if para.mark == "insert" else "w:del")
        revisions.stamp(change)
        rpr.append(change)
        ppr.append(rpr)
    if para.old_style:
        change = OxmlElement("w:pPrChange")
        revisions.stamp(change)
        old = OxmlElement("w:pPr")
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), style_ids[para.old_style])
        old.append(style)
        change.append(old)
        ppr.append(change)


def _write(doc: DocxDocument, paras: list[_Para], revisions: _Revisions) -> None:
    style_ids = {style.name: style.style_id for style in doc.styles}
    for para in paras:
        # Set the style id directly: python-docx's lookup by name scans every
        # style for each paragraph, the bulk of the time on a long document.
        paragraph = doc.add_paragraph()
        paragraph._p.style = style_ids[para.style]
        _mark_paragraph(paragraph, para, revisions, style_ids)
        wrapper = None
        wrapper_kind = ""
        for kind, text, style in para.pieces:
            if not text:
                continue
            run = _run(text, style, deleted=kind == "delete")
            if kind == "equal":
                paragraph._p.append(run)
                wrapper_kind = ""
                continue
            if kind != wrapper_kind:
                wrapper = OxmlElement("w:ins" if kind == "insert" else "w:del")
                revisions.stamp(wrapper)
                paragraph._p.append(wrapper)
                wrapper_kind = kind
            wrapper.append(run)


def _run_xml(text: str, style: str, *, deleted: bool) -> str:
    """`_run` as text: the same XML, without building elements."""
    properties = (
        "<w:rPr><w:b/></w:rPr>"
        if style == "term"
        else "<w:rPr><w:i/></w:rPr>"
        if style == "emphasis"
        else ""
    )
    if style == "tab":
        return f"<w:r>{properties}<w:tab/></w:r>"
    tag = "w:delText" if deleted else "w:t"
    text = xml_safe(text).translate(_TEXT_ESCAPES)
    if not text:
        return f'<w:r>{properties}<{tag} xml:space="preserve"/></w:r>'
    return f'<w:r>{properties}<{tag} xml:space="preserve">{text}</{tag}></w:r>'


def _para_xml(para: _Para, revisions: _Revisions) -> str:
    """One planned paragraph as word/document.xml carries it (what `_write` builds)."""
    out = [f'<w:p><w:pPr><w:pStyle w:val="{STYLE_IDS[para.style]}"/>']
    if para.mark:
        tag = "w:ins" if para.mark == "insert" else "w:del"
        out.append(f"<w:rPr><{tag}{revisions.attributes()}/></w:rPr>")
    if para.old_style:
        out.append(
            f"<w:pPrChange{revisions.attributes()}><w:pPr>"
            f'<w:pStyle w:val="{STYLE_IDS[para.old_style]}"/></w:pPr></w:pPrChange>'
        )
    out.append("</w:pPr>")
    wrapper_kind = ""
    for kind, text, style in para.pieces:
        if not text:
            continue
        run = _run_xml(text, style, deleted=kind == "delete")
        if kind == "equal":
            if wrapper_kind:
                out.append(f"</{wrapper_kind}>")
            out.append(run)
            wrapper_kind = ""
            continue
        tag = "w:ins" if kind == "insert" else "w:del"
        if tag != wrapper_kind:
            if wrapper_kind:
                out.append(f"</{wrapper_kind}>")
            out.append(f"<{tag}{revisions.attributes()}>")
            wrapper_kind = tag
        out.append(run)
    if wrapper_kind:
        out.append(f"</{wrapper_kind}>")
    out.append("</w:p>")
    return "".join(out)


def render_redline_docx(
    diff: DocumentDiff, meta: ExportMeta, *, author: str, date: dt.datetime
) -> bytes:
    """The comparison as .docx bytes with real Word revisions by `author` at `date`.

    `meta` is the clean export's (header, footer, properties, line numbers),
    normally made for the new document. The body is written as XML text into
    the clean export's package (`package_with_body`): the same bytes as
    building it with python-docx (`_write`, kept for the tests that say so).
    """
    revisions = _Revisions(xml_safe(author) or APPLICATION, _word_date(date))
    body = "".join(_para_xml(para, revisions) for para in plan(diff))
    return package_with_body(meta, body)


def render_redline_docx_python_docx(
    diff: DocumentDiff, meta: ExportMeta, *, author: str, date: dt.datetime
) -> bytes:
    """The same file built through python-docx objects (the reference for the tests)."""
    doc = new_document(meta)
    revisions = _Revisions(xml_safe(author) or APPLICATION, _word_date(date))
    _write(doc, plan(diff), revisions)
    return to_bytes(doc)
