"""A reviewed Word file read as plain data: paragraphs of tagged text, tracked
changes, comments and the keys the export left in it. Pure.

What `drafting.review` needs to map a reviewer's work back onto clauses:

- every paragraph, in document order, as pieces of text each with its fate
  ("equal", "insert" or "delete"), the tracked change it belongs to and the
  comments anchored over it; the fate of its paragraph mark; the clause
  bookmarks open over it; where it is (body, table, text box, header, footer,
  footnote, endnote);
- tracked changes: `w:ins`, `w:del`, `w:moveFrom`/`w:moveTo` (their move name
  links the two halves), paragraph-mark changes (`w:pPr/w:rPr/w:ins|w:del`),
  each with author and date; formatting changes (`w:rPrChange`, `w:pPrChange`)
  are counted, since text edits cannot carry them;
- comments (comments.xml) with the reply links of commentsExtended.xml
  (`w15:paraIdParent`) and the text between `commentRangeStart`/`End`;
- the custom document properties (docProps/custom.xml) and who saved last.

    >>> from drafting.render.docx import ExportMeta, render_docx
    >>> from drafting.document import Block, Document, Run, Section
    >>> doc = Document("T", (Section("H", (Block("paragraph", (Run("Text."),),
    ...                               clause="purpose", key="p"),), clause="purpose"),))
    >>> data = render_docx(doc, ExportMeta("T", "L", "A", 2, None, draft_id=7))
    >>> reviewed = read_reviewed(data)
    >>> body = [p for p in reviewed.paragraphs if p.where == "body"]
    >>> reviewed.properties["OrdinanceDrafter.Revision"], body[-1].text("new"), body[-1].bookmarks
    ('2', 'Text.', ('_od_purpose',))

The file is opened with the upload limits and refusals of `drafting.parse.docx`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from drafting.budget import tick
from drafting.parse.docx import MAX_UNCOMPRESSED_BYTES, MAX_UPLOAD_BYTES, docx_parts

Fate = Literal["equal", "insert", "delete"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"

MAX_CHANGES = 5000  # tracked changes and comments read from one file
_OTHER_PARTS = re.compile(r"word/(header\d*|footer\d*|footnotes|endnotes)\.xml")
_CONTENT_CHANGES = {
    f"{_W}ins": "insert",
    f"{_W}moveTo": "insert",
    f"{_W}del": "delete",
    f"{_W}moveFrom": "delete",
}
_TEXT = {f"{_W}t", f"{_W}delText"}
_SPACE = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


@dataclass(frozen=True)
class TrackedChange:
    """One tracked revision as the file records it."""

    kind: Literal["insert", "delete"]
    author: str
    date: str
    move: str = ""  # the move's name, shared by its moveFrom and moveTo halves
    mark: bool = False  # a paragraph-mark change


@dataclass(frozen=True)
class Piece:
    text: str
    fate: Fate = "equal"
    change: int | None = None  # index into ReviewedFile.changes
    comments: frozenset[str] = frozenset()  # ids of the comments anchored over it


@dataclass(frozen=True)
class FileParagraph:
    pieces: tuple[Piece, ...]
    where: str = "body"  # body, table, text box, header, footer, footnote, endnote
    mark: Fate = "equal"  # the paragraph mark's fate
    mark_change: int | None = None
    bookmarks: tuple[str, ...] = ()  # export bookmarks (_od_...) open over it; newest last
    comments: tuple[str, ...] = ()  # comments whose reference is in this paragraph

    def text(self, side: Literal["old", "new"]) -> str:
        """The paragraph's text with every change rejected ("old") or accepted ("new")."""
        skip = "insert" if side == "old" else "delete"
        return "".join(p.text for p in self.pieces if p.fate != skip)


@dataclass(frozen=True)
class FileComment:
    id: str
    author: str
    date: str
    text: str
    parent: str = ""  # the comment this one replies to


@dataclass(frozen=True)
class ReviewedFile:
    paragraphs: tuple[FileParagraph, ...]
    changes: tuple[TrackedChange, ...]
    comments: tuple[FileComment, ...]
    properties: dict[str, str] = field(default_factory=dict)
    last_modified_by: str = ""
    formatting: tuple[tuple[str, str, str], ...] = ()  # (author, date, where) of each


def read_reviewed(
    data: bytes,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES,
) -> ReviewedFile:
    """The reviewed .docx as plain data (UploadError, as any upload, if refused)."""
    wanted = {
        "word/comments.xml",
        "word/commentsExtended.xml",
        "docProps/custom.xml",
        "docProps/core.xml",
    }
    parts = docx_parts(
        data,
        lambda name: name in wanted or bool(_OTHER_PARTS.fullmatch(name)),
        max_bytes=max_bytes,
        max_uncompressed=max_uncompressed,
    )
    reader = _Reader()
    reader.read(parts["word/document.xml"], "body")
    for name in sorted(parts):
        match = _OTHER_PARTS.fullmatch(name)
        if match:
            reader.read(parts[name], re.sub(r"\d+$", "", match.group(1)).removesuffix("s"))
    return ReviewedFile(
        paragraphs=tuple(reader.paragraphs),
        changes=tuple(reader.changes),
        comments=_comments(parts.get("word/comments.xml"), parts.get("word/commentsExtended.xml")),
        properties=_custom_properties(parts.get("docProps/custom.xml")),
        last_modified_by=_core(parts.get("docProps/core.xml"), "lastModifiedBy"),
        formatting=tuple(reader.formatting),
    )


class _Reader:
    """One walk over a part in document order, with the state open at each point."""

    def __init__(self) -> None:
        self.paragraphs: list[FileParagraph] = []
        self.changes: list[TrackedChange] = []
        self.formatting: list[tuple[str, str, str]] = []
        self.bookmarks: dict[str, str] = {}  # open export bookmarks: id -> name
        self.comments: set[str] = set()  # comments whose range is open
        self.moves: dict[str, str] = {}  # open move ranges: id -> name

    def _change(self, element, kind: str, *, mark: bool = False) -> int:
        if len(self.changes) >= MAX_CHANGES:
            from drafting.parse.docx import UploadError

            raise UploadError(
                f"The file holds more than {MAX_CHANGES} tracked changes; bring it back in "
                "parts (accept some changes in Word first)."
            )
        move = ""
        if element.tag in (f"{_W}moveFrom", f"{_W}moveTo"):
            move = next(iter(self.moves.values()), "")
        self.changes.append(
            TrackedChange(
                kind,  # type: ignore[arg-type]
                element.get(f"{_W}author", ""),
                word_date(element.get(f"{_W}date", "")),
                move,
                mark,
            )
        )
        return len(self.changes) - 1

    def read(self, root, where: str) -> None:
        from lxml import etree

        stack: list[dict] = []  # open paragraphs (a text box nests one in another)
        wrappers: list[tuple[str, int]] = []  # open content changes: (fate, change)
        for event, element in etree.iterwalk(root, events=("start", "end")):
            tag = element.tag
            if not isinstance(tag, str):
                continue
            if event == "end":
                if tag == f"{_W}p" and stack:
                    self._close(stack.pop())
                elif tag in _CONTENT_CHANGES and wrappers and _is_wrapper(element):
                    wrappers.pop()
                continue
            tick()
            if tag == f"{_W}p":
                stack.append(self._open(element, where))
            elif tag in _CONTENT_CHANGES:
                if _is_wrapper(element):
                    kind = _CONTENT_CHANGES[tag]
                    wrappers.append((kind, self._change(element, kind)))
                elif _is_mark(element) and stack:
                    kind = _CONTENT_CHANGES[tag]
                    stack[-1]["mark"] = kind
                    stack[-1]["mark_change"] = self._change(element, kind, mark=True)
            elif tag in (f"{_W}rPrChange", f"{_W}pPrChange"):
                author = element.get(f"{_W}author", "")
                date = word_date(element.get(f"{_W}date", ""))
                self.formatting.append((author, date, where))
            elif tag in _TEXT or tag in _SPACE:
                if stack:
                    self._text(stack[-1], element, wrappers)
            elif tag == f"{_W}bookmarkStart":
                name = element.get(f"{_W}name", "")
                if name.startswith("_od_"):
                    self.bookmarks[element.get(f"{_W}id", "")] = name
                    if stack:
                        stack[-1]["bookmarks"].append(name)
            elif tag == f"{_W}bookmarkEnd":
                self.bookmarks.pop(element.get(f"{_W}id", ""), None)
            elif tag == f"{_W}commentRangeStart":
                self.comments.add(element.get(f"{_W}id", ""))
            elif tag == f"{_W}commentRangeEnd":
                self.comments.discard(element.get(f"{_W}id", ""))
            elif tag == f"{_W}commentReference" and stack:
                stack[-1]["references"].append(element.get(f"{_W}id", ""))
            elif tag in (f"{_W}moveFromRangeStart", f"{_W}moveToRangeStart"):
                self.moves[element.get(f"{_W}id", "")] = element.get(f"{_W}name", "")
            elif tag in (f"{_W}moveFromRangeEnd", f"{_W}moveToRangeEnd"):
                self.moves.pop(element.get(f"{_W}id", ""), None)

    def _open(self, element, where: str) -> dict:
        place = where
        parent = element.getparent()
        while parent is not None and place == "body":
            if parent.tag == f"{_W}tbl":
                place = "table"
            elif parent.tag == f"{_W}txbxContent":
                place = "text box"
            parent = parent.getparent()
        return {
            "pieces": [],
            "where": place,
            "mark": "equal",
            "mark_change": None,
            "bookmarks": list(self.bookmarks.values()),
            "references": [],
        }

    def _text(self, paragraph: dict, element, wrappers: list[tuple[str, int]]) -> None:
        kinds = {kind for kind, _change in wrappers}
        if kinds == {"insert", "delete"}:
            return  # inserted, then deleted: in neither text
        if element.tag == f"{_W}delText" and "delete" not in kinds:
            return  # deleted text outside a deletion: Word never writes it
        text = (element.text or "") if element.tag in _TEXT else _SPACE[element.tag]
        if not text:
            return
        fate, change = wrappers[-1] if wrappers else ("equal", None)
        piece = Piece(text, fate, change, frozenset(self.comments))  # type: ignore[arg-type]
        pieces = paragraph["pieces"]
        last = pieces[-1] if pieces else None
        if last and (last.fate, last.change, last.comments) == (fate, change, piece.comments):
            pieces[-1] = Piece(last.text + text, fate, change, last.comments)  # type: ignore[arg-type]
        else:
            pieces.append(piece)

    def _close(self, paragraph: dict) -> None:
        self.paragraphs.append(
            FileParagraph(
                pieces=tuple(paragraph["pieces"]),
                where=paragraph["where"],
                mark=paragraph["mark"],
                mark_change=paragraph["mark_change"],
                bookmarks=tuple(dict.fromkeys(paragraph["bookmarks"])),
                comments=tuple(paragraph["references"]),
            )
        )


_DATE = re.compile(r"(19|20|21)\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def word_date(value: str) -> str:
    """A `w:date` as the file has it, or "" when it is no date (LibreOffice writes
    "0-00-00T00:00:00Z" on comments).

    >>> word_date("2026-11-30T10:15:00Z"), word_date("0-00-00T00:00:00Z")
    ('2026-11-30T10:15:00Z', '')
    """
    value = value.strip()
    return value if _DATE.fullmatch(value) else ""


def _is_wrapper(element) -> bool:
    """A change around content (not a run's or paragraph mark's property)."""
    parent = element.getparent()
    return parent is None or parent.tag != f"{_W}rPr"


def _is_mark(element) -> bool:
    """`w:pPr/w:rPr/w:ins` (or del): the paragraph mark was inserted (or deleted)."""
    parent = element.getparent()
    grand = parent.getparent() if parent is not None else None
    return (
        parent is not None
        and parent.tag == f"{_W}rPr"
        and grand is not None
        and (grand.tag == f"{_W}pPr")
    )


def _paragraph_text(paragraph) -> str:
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        parts.append((node.text or "") if node.tag == f"{_W}t" else " ")
    return " ".join("".join(parts).split())


def _comments(root, extended) -> tuple[FileComment, ...]:
    """Comments with their replies' parents (commentsExtended.xml links a comment's last
    paragraph, by w14:paraId, to its parent's last paragraph)."""
    if root is None:
        return ()
    by_para: dict[str, str] = {}
    found = []
    for comment in root.iter(f"{_W}comment"):
        tick()
        ident = comment.get(f"{_W}id", "")
        paragraphs = comment.findall(f"{_W}p")
        if paragraphs:
            by_para[paragraphs[-1].get(f"{_W14}paraId", "")] = ident
        text = "\n".join(t for t in (_paragraph_text(p) for p in paragraphs) if t)
        date = word_date(comment.get(f"{_W}date", ""))
        found.append((ident, comment.get(f"{_W}author", ""), date, text))
        if len(found) > MAX_CHANGES:
            break
    parents: dict[str, str] = {}
    if extended is not None:
        for entry in extended.iter(f"{_W15}commentEx"):
            child = by_para.get(entry.get(f"{_W15}paraId", ""))
            parent = by_para.get(entry.get(f"{_W15}paraIdParent", ""))
            if child and parent and child != parent:
                parents[child] = parent
    return tuple(
        FileComment(ident, author, date, text, parents.get(ident, ""))
        for ident, author, date, text in found
    )


def _custom_properties(root) -> dict[str, str]:
    if root is None:
        return {}
    properties = {}
    for prop in root.iter(f"{_CUSTOM}property"):
        value = next((child.text or "" for child in prop if child.tag.startswith(_VT)), "")
        properties[prop.get("name", "")] = value.strip()
    return properties


def _core(root, name: str) -> str:
    if root is None:
        return ""
    node = root.find(f"{_CP}{name}")
    return (node.text or "").strip() if node is not None else ""
