"""Uploaded .docx files into the document IR, read safely. Pure.

Size limits apply before anything is decompressed, reads are bounded, and the XML
parser resolves no entities and loads no DTD; a DOCTYPE is refused outright. The
paragraphs found are then given structure exactly as pasted text is
(`drafting.parse.text`), and bill line numbers typed into the text ("3.15 shall
not:") are set aside by the same rule (`strip_line_numbers`): each paragraph,
and each line of a paragraph broken with Shift+Enter, counts as one line.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable

from drafting.budget import tick
from drafting.document import Document
from drafting.numbering import roman
from drafting.parse.text import UNWRITABLE, Paragraph, build_document, strip_line_numbers

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 2000
# Word list numbers: no real list goes past this; a crafted `w:start` of 260,000,000
# would otherwise make a Roman numeral of 260,000 letters for every paragraph.
MAX_LIST_NUMBER = 9999
MAX_LABEL_CHARS = 32  # a list label ("(iv)", "12.3.a"), and its pattern in lvlText


class UploadError(ValueError):
    """An upload was refused; the message says why, in words a user can act on."""


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(
    data: bytes,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES,
) -> Document:
    """An uploaded .docx into the IR. Raises UploadError with a plain reason."""
    parts = docx_parts(
        data,
        ("word/document.xml", "word/numbering.xml", "word/styles.xml").__contains__,
        max_bytes=max_bytes,
        max_uncompressed=max_uncompressed,
    )
    numbering = _Numbering(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
    return build_document(list(_docx_paragraphs(parts["word/document.xml"], numbering)))


def docx_parts(
    data: bytes,
    wanted: Callable[[str], bool],
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES,
) -> dict:
    """The XML parts of an uploaded .docx whose names `wanted` accepts, parsed safely
    (name -> root element; word/document.xml always). Raises UploadError with a plain
    reason: too large, not a .docx, a zip bomb, damaged, a DOCTYPE or entity."""
    if len(data) > max_bytes:
        raise UploadError(
            f"The file is {_size(len(data))}; the limit is {_size(max_bytes)}. "
            "Upload a smaller file, or paste the text instead."
        )
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise UploadError(
            "This is an old Word (.doc) file. Save it as .docx (Word 2007 or later) and upload "
            "that, or paste the text instead."
        )
    if data[:4] != b"PK\x03\x04":
        raise UploadError(
            "This is not a .docx file. Upload a Word document (.docx), or paste the text instead."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = _check_archive(archive, max_uncompressed)
        if "word/document.xml" not in names:
            raise UploadError("This archive is not a Word document (it has no word/document.xml).")
        raw = {
            name: _read_member(archive, name, max_uncompressed)
            for name in sorted(names)
            if name == "word/document.xml" or wanted(name)
        }
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,  # a damaged compressed member
        EOFError,
        OSError,
        RuntimeError,
    ) as error:
        raise UploadError(f"The .docx file is damaged and cannot be opened ({error}).") from error
    except NotImplementedError as error:
        raise UploadError(
            "The .docx file uses a compression method that is not supported."
        ) from error
    return {name: _xml(content) for name, content in raw.items()}


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.1f} MB" if count >= 1024 * 1024 else f"{count // 1024} KB"


def _check_archive(archive: zipfile.ZipFile, max_uncompressed: int) -> set[str]:
    """Refuse zip bombs from the directory alone, before decompressing anything."""
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise UploadError(f"The .docx holds {len(members)} files; a Word document has far fewer.")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise UploadError(
                "The .docx is compressed suspiciously well (a possible “zip bomb”), so it was "
                "not opened. Save it again from Word, or paste the text instead."
            )
    if total > max_uncompressed:
        raise UploadError(
            f"The .docx expands to {_size(total)}; the limit is {_size(max_uncompressed)}. "
            "Paste the text instead."
        )
    return {member.filename for member in members}


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Read at most `limit` bytes, whatever the directory claims."""
    with archive.open(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UploadError("The .docx expands beyond the size limit, so it was not opened.")
    return data


def _xml(data: bytes):
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UploadError(
            "The .docx contains a DOCTYPE or entity declaration, which Word never writes; it was "
            "refused for safety (external entities)."
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UploadError(f"The .docx is damaged: its XML cannot be read ({error}).") from error
    if root.getroottree().docinfo.doctype:
        raise UploadError("The .docx contains a DOCTYPE, which Word never writes; it was refused.")
    return root


_FORMATS = {
    "decimal": str,
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1),
    "lowerRoman": lambda n: roman(n).lower(),
    "upperRoman": roman,
}


class _Numbering:
    """Word's automatic list numbers (numbering.xml), counted as paragraphs go by.

    A paragraph is numbered by its own `w:numPr` or by its style's (styles.xml).
    """

    def __init__(self, root, styles=None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.styles: dict[str, tuple[str, int]] = {}
        for style in styles.iter(f"{_W}style") if styles is not None else ():
            num = style.find(f"{_W}pPr/{_W}numPr")
            if num is not None:
                self.styles[style.get(f"{_W}styleId", "")] = _num_pr(num)
        if root is None:
            return
        abstract = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                start = lvl.find(f"{_W}start")
                levels[_int(lvl.get(f"{_W}ilvl"))] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "")[:MAX_LABEL_CHARS] if text is not None else "",
                    _list_number(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.levels[num.get(f"{_W}numId")] = abstract.get(ref.get(f"{_W}val"), {})

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = min(counters.get(ilvl, start - 1) + 1, MAX_LIST_NUMBER)
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "–"
        if fmt == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            lfmt, _text, lstart = levels.get(level, ("decimal", "", 1))
            value = counters.get(level, lstart)
            return _FORMATS.get(lfmt, str)(value)

        return re.sub(r"%([1-9])", number, text).strip()[:MAX_LABEL_CHARS]


def _list_number(value: str | None) -> int:
    """A list's start value, within 0..MAX_LIST_NUMBER whatever the file says."""
    return max(0, min(_int(value), MAX_LIST_NUMBER))


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0


def _num_pr(num) -> tuple[str, int]:
    num_id = num.find(f"{_W}numId")
    ilvl = num.find(f"{_W}ilvl")
    return (
        num_id.get(f"{_W}val", "") if num_id is not None else "",
        _int(ilvl.get(f"{_W}val")) if ilvl is not None else 0,
    )


def _docx_paragraphs(body, numbering: _Numbering):
    found = list(_labelled_lines(body, numbering))
    lines = strip_line_numbers([line for _label, _heading, para in found for line in para])
    position = 0
    for label, heading, para in found:
        text = " ".join(" ".join(lines[position : position + len(para)]).split())
        position += len(para)
        text = UNWRITABLE.sub("", f"{label} {text}" if label else text).strip()
        if text:
            yield Paragraph([text], heading=heading and not label)


def _labelled_lines(body, numbering: _Numbering):
    """(Word list label, heading?, the paragraph's lines) for each paragraph."""
    for paragraph in body.iter(f"{_W}p"):
        tick()
        label = ""
        heading = False
        ppr = paragraph.find(f"{_W}pPr")
        if ppr is not None:
            style = ppr.find(f"{_W}pStyle")
            style_id = style.get(f"{_W}val", "") if style is not None else ""
            heading = style_id.lower().startswith(("heading", "title"))
            num = ppr.find(f"{_W}numPr")
            num_id, ilvl = (
                _num_pr(num) if num is not None else numbering.styles.get(style_id, ("", 0))
            )
            if num_id:
                label = numbering.label(num_id, ilvl)
        yield label, heading, _paragraph_lines(paragraph)


def _paragraph_lines(paragraph) -> list[str]:
    """The paragraph's text, one string per line (a `w:br` or `w:cr` starts a new one)."""
    lines: list[str] = []
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if _inside_deleted(node, paragraph):
            continue
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}tab" or node.get(f"{_W}type") in ("page", "column"):
            parts.append(" ")
        else:
            lines.append(" ".join("".join(parts).split()))
            parts = []
    lines.append(" ".join("".join(parts).split()))
    return [line for line in lines if line] or [""]


def _inside_deleted(node, paragraph) -> bool:
    """Deleted text (tracked changes), or text of a paragraph nested in this one (text box)."""
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (f"{_W}del", f"{_W}moveFrom", f"{_W}p"):
            return True
        parent = parent.getparent()
    return False
