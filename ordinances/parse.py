"""Outside documents (pasted text, uploaded .docx) into the document IR. Pure.

    >>> doc = parse_text("Sec. 46-37. Policy for responding to ICE detainers.\\n"
    ...                  "a) The Sheriff shall decline ICE detainer requests.")
    >>> doc.sections[0].label, doc.sections[0].heading
    ('Sec. 46-37.', 'Policy for responding to ICE detainers.')
    >>> [(b.label, b.level) for b in doc.sections[0].blocks]
    [('a)', 1)]

Structure is recognised from paragraph starts: section labels ("Sec. 46-37.",
"Section 2.", "7284.6.", "II)", "IV.", "1. DEFINITIONS"), item labels ("A.",
"a)", "a.)", "(1)", "1)", "(i)"), bullets, and headings (capitals, Title Case,
or a Word heading style). Item levels follow the label styles as they nest
("(a)" then "(1)" then "(A)"), and a label that could be a letter or a Roman
numeral ("I.", "(i)") is read as whichever continues the list it is in.

Nothing is lost: `flatten(parse_text(text))` holds every non-space character of
`text`, in order, except characters no XML document can carry (C0 controls,
U+FFFE/U+FFFF, bidi overrides), which are dropped. Arbitrary text never raises.

`parse_docx` reads an uploaded .docx safely: size limits before anything is
decompressed, bounded reads, and an XML parser that resolves no entities and
loads no DTD; a DOCTYPE is refused outright.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from ordinances.document import Block, Document, Run, Section
from ordinances.numbering import roman

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_MEMBERS = 2000

# XML 1.0 cannot carry these (so no .docx could); bidi overrides can disguise text.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


class UploadError(ValueError):
    """An upload was refused; the message says why, in words a user can act on."""


# -- labels -------------------------------------------------------------------

_SECTION_WORD = re.compile(
    r"^(?P<label>(?:(?:sec(?:tion)?|art(?:icle)?|chapter|ch)\.?|§+)\s*"
    r"(?P<num>[0-9]+(?:[.\-–][0-9a-z]+)*|[ivxlc]+)\b(?P<end>[.:]?))(?=\s|$)",
    re.I,
)
_DECIMAL = re.compile(r"^(?P<label>(?P<num>[0-9]+(?:\.[0-9]+)+)\.?)(?=\s|$)")
_ROMAN_SECTION = re.compile(r"^(?P<label>(?P<num>[IVXLC]+)[.)])(?=\s|$)")
_ITEM = re.compile(
    r"^(?P<label>\((?P<paren>[0-9]{1,3}|[a-z]{1,4}|[A-Z]{1,4})\)"
    r"|(?P<bare>[0-9]{1,4}|[a-z]{1,4}|[A-Z]{1,4})(?P<close>\.\)|[.)]))(?=\s|$)"
)
_BULLET = re.compile(r"^(?P<label>[-–•▪■●◦*★✚]+)(?=\s)")
_ROMANS = {roman(value).lower(): value for value in range(1, 400)}
_TERMINAL = (".", ":", ";", "!", "?", ")", "”", '"', "’")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def _roman_value(letters: str) -> int:
    """ "iv" -> 4; 0 if not a Roman numeral (below 400, as labels are)."""
    return _ROMANS.get(letters.lower(), 0)


def _letter_value(letters: str) -> int:
    """ "a" -> 1, "z" -> 26, "aa" -> 27 (statute style); 0 if not a letter label."""
    if len(set(letters)) != 1:
        return 0
    return (len(letters) - 1) * 26 + ord(letters[0].lower()) - ord("a") + 1


@dataclass(frozen=True)
class _Label:
    text: str
    candidates: tuple[tuple[str, int], ...]  # (style, ordinal), preferred first


def _item_label(text: str) -> _Label | None:
    match = _ITEM.match(text)
    if not match:
        return None
    core = match["paren"] or match["bare"]
    wrap = (
        "paren" if match["paren"] else {".": "dot", ")": "close", ".)": "dotclose"}[match["close"]]
    )
    if core.isdigit():
        return _Label(match["label"], ((f"{wrap}-digit", int(core)),))
    case = "l" if core.islower() else "u"
    letter, numeral = _letter_value(core), _roman_value(core)
    candidates = []
    if letter:
        candidates.append((f"{wrap}-{case}letter", letter))
    if numeral:
        candidates.append((f"{wrap}-{case}roman", numeral))
    if not candidates:
        return None
    if numeral == 1 or len(core) > 1:  # "i", "ii", "iv": Roman unless a list continues
        candidates.sort(key=lambda c: "roman" not in c[0])
    return _Label(match["label"], tuple(candidates))


class _Levels:
    """Item levels from label styles as they nest (a stack of open list styles)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []

    def continues(self, label: _Label) -> bool:
        return any(
            style == open_style and ordinal == open_ordinal + 1
            for open_style, open_ordinal in self.stack
            for style, ordinal in label.candidates
        )

    def place(self, label: _Label) -> int:
        stack = self.stack
        for depth in range(len(stack) - 1, -1, -1):  # continue an open list
            for style, ordinal in label.candidates:
                if stack[depth] == (style, ordinal - 1):
                    return self._set(depth, style, ordinal)
        open_styles = {style for style, _ in stack}
        for style, ordinal in label.candidates:  # start a nested list
            if ordinal == 1 and style not in open_styles:
                stack.append((style, 1))
                return len(stack)
        for depth in range(len(stack) - 1, -1, -1):  # an open list, out of sequence
            for style, ordinal in label.candidates:
                if stack[depth][0] == style:
                    return self._set(depth, style, ordinal)
        stack.append(label.candidates[0])
        return len(stack)

    def bullet(self, mark: str) -> int:
        style = f"bullet-{mark}"
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == style:
                return self._set(depth, style, 0)
        self.stack.append((style, 0))
        return len(self.stack)

    def _set(self, depth: int, style: str, ordinal: int) -> int:
        del self.stack[depth + 1 :]
        self.stack[depth] = (style, ordinal)
        return depth + 1


# -- lines to paragraphs ------------------------------------------------------


@dataclass
class _Para:
    lines: list[str]
    adjacent: bool = False  # no blank line before it
    heading: bool = False  # a heading by style (Word), not by guess

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def _starts_with_label(line: str) -> bool:
    return bool(
        _SECTION_WORD.match(line)
        or _DECIMAL.match(line)
        or _ROMAN_SECTION.match(line)
        or _item_label(line)
        or _BULLET.match(line)
    )


def _label_only(line: str) -> bool:
    for pattern in (_SECTION_WORD, _DECIMAL, _ROMAN_SECTION, _ITEM):
        match = pattern.match(line)
        if match and not line[match.end() :].strip():
            return pattern is not _ITEM or _item_label(line) is not None
    return False


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _heading_line(line: str) -> bool:
    """An all-capitals line short enough to be a heading."""
    return _capitals(line) and len(line.split()) <= 20 and not line.endswith((",", ";", ":"))


_SENTENCE_START = re.compile(r"^[“\"‘'(\[]?[A-Z]")
_RECITAL_START = re.compile(
    r"^(?:whereas\b|now,?\s+therefore\b|be\s+it\s+(?:further\s+)?(?:ordained|resolved|enacted)\b)",
    re.I,
)


def _breaks_before(line: str, previous: str, width: int) -> bool:
    """Does `line` start a new paragraph although no blank line comes before it?

    Yes for a heading or a recital ("WHEREAS"); for a label after a line that
    ends a sentence or a list item ("; or"); and, in hard-wrapped text, after a
    short line (the ragged end of a paragraph) when `line` starts like a sentence.
    """
    if _heading_line(line) or _RECITAL_START.match(line):
        return True
    if _starts_with_label(line):
        return bool(
            previous.endswith(_TERMINAL)
            or previous.endswith((" or", " and", " and/or"))
            or _BULLET.match(line)
        )
    return (
        width >= 40
        and len(previous) < 0.6 * width
        and not previous.endswith((",", ";", "-"))
        and bool(_SENTENCE_START.match(line))
    )


def _paragraphs(lines: list[str]) -> list[_Para]:
    """Lines into paragraphs: blank lines, labels after a full stop, lone labels, headings."""
    paras: list[_Para] = []
    current: list[str] = []
    adjacent = False
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0  # the wrapped line width

    def flush(next_adjacent: bool) -> None:
        nonlocal current, adjacent
        if current:
            paras.append(_Para(current, adjacent))
            current = []
        adjacent = next_adjacent

    for raw in lines:
        line = raw.strip()
        if not line:
            flush(False)
            continue
        if current and _breaks_before(line, current[-1], width):
            flush(True)
        current.append(line)
        if _label_only(line) or _heading_line(line):
            flush(True)
    flush(False)
    return paras


# -- paragraphs to sections ---------------------------------------------------


def _title_case(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 10 or text.endswith((".", ",", ";", ":", "?", "!")):
        return False
    significant = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() for w in significant)


def _is_heading(para: _Para) -> bool:
    if para.heading:
        return True
    text = para.text
    if len(text) > 200 or len(para.lines) > 3:
        return False
    return _heading_line(text) or (len(para.lines) == 1 and _title_case(text))


@dataclass
class _SectionDraft:
    label: str = ""
    number: str = ""
    heading: str = ""
    blocks: list[Block] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.title = ""
        self.sections: list[_SectionDraft] = []
        self.levels = _Levels()
        self.pending: str = ""  # a label alone on its line, for the next paragraph
        self.last_section_roman = 0
        self.keys: set[str] = set()
        self.paths: list[str] = []

    @property
    def section(self) -> _SectionDraft:
        if not self.sections:
            self.sections.append(_SectionDraft())
        return self.sections[-1]

    def add(self, para: _Para) -> None:
        text = para.text
        if self.pending:
            text = f"{self.pending} {text}"
            self.pending = ""
        section = self._section_label(text)
        if section is None and _label_only(text):
            self.pending = text
            return
        if section is not None:
            label, number, rest = section
            self._start_section(label, number, rest)
            return
        if not para.heading and self._item(text):
            return
        if _is_heading(para):
            self._heading(text, para.adjacent)
            return
        self._block("paragraph", text, "", 0)

    # sections

    def _section_label(self, text: str) -> tuple[str, str, str] | None:
        """(label, number, rest) if `text` starts a section; remembers a Roman number."""
        match = _SECTION_WORD.match(text)
        if match:
            rest = text[match.end() :].strip()
            # "Section 1373 of Title 8 ..." is a sentence, not a label
            if match["end"] or not rest or rest[0] in "-–—" or _heading_line(rest):
                return match["label"], match["num"].rstrip("."), rest
            return None
        match = _DECIMAL.match(text)
        if match:
            return match["label"], match["num"], text[match.end() :].strip()
        match = _ROMAN_SECTION.match(text)
        if match:
            rest = text[match.end() :].strip()
            label = _item_label(match["label"])
            value = _roman_value(match["num"])
            if label and self.levels.continues(label):
                return None
            if (
                not rest
                or _heading_line(rest)
                or value == self.last_section_roman + 1
                or (value == 1 and not self.levels.stack)
            ):
                self.last_section_roman = value
                return match["label"], match["num"], rest
            return None
        match = re.match(r"^(?P<label>(?P<num>[0-9]{1,4})\.)\s+(?P<rest>.+)$", text)
        if match and (_heading_line(match["rest"]) or int(match["num"]) >= 100):
            return match["label"], match["num"], match["rest"].strip()
        return None

    def _start_section(self, label: str, number: str, rest: str = "") -> None:
        self.sections.append(_SectionDraft(label=label.strip(), number=number))
        self.levels = _Levels()
        self.paths = []
        if not rest:
            return
        if _heading_line(rest):
            self.sections[-1].heading = rest
        elif _item_label(rest) or _BULLET.match(rest):
            self._item(rest)
        elif _SECTION_WORD.match(label) and len(rest.split()) <= 15 and not _ends_body(rest):
            self.sections[-1].heading = rest
        else:
            self._block("paragraph", rest, "", 0)

    def _heading(self, text: str, adjacent: bool) -> None:
        if not self.sections and not self.title:
            self.title = text
            return
        if not self.sections and adjacent and _capitals(text) == _capitals(self.title):
            self.title = f"{self.title} {text}"
            return
        section = self.sections[-1] if self.sections else None
        if section is not None and not section.blocks and (not section.heading or adjacent):
            section.heading = f"{section.heading} {text}".strip()
            return
        self.sections.append(_SectionDraft(heading=text))
        self.levels = _Levels()
        self.paths = []

    # blocks

    def _item(self, text: str) -> bool:
        bullet = _BULLET.match(text)
        if bullet:
            level = self.levels.bullet(bullet["label"])
            self._block("bullet", text[bullet.end() :].strip(), bullet["label"], level)
            return True
        label = _item_label(text)
        if label is None:
            return False
        level = self.levels.place(label)
        self._block("item", text[len(label.text) :].strip(), label.text, level)
        return True

    def _block(self, kind: str, text: str, label: str, level: int) -> None:
        section = self.section
        index = len(self.sections)
        prefix = section.number or f"s{index}"
        if kind == "item":
            del self.paths[max(level - 1, 0) :]
            self.paths.append(label)
            key = "/".join([prefix, *self.paths])
        else:
            key = f"{prefix}/p{len(section.blocks) + 1}"
        while key in self.keys:
            key += "~"
        self.keys.add(key)
        runs = (Run(text),) if text else ()
        section.blocks.append(Block(kind, runs, level=level, label=label, key=key))  # type: ignore[arg-type]

    def document(self) -> Document:
        if self.pending:
            self._block("item", "", self.pending, 1)
        sections = tuple(
            Section(heading=s.heading, blocks=tuple(s.blocks), number=s.number, label=s.label)
            for s in self.sections
        )
        return Document(title=self.title, sections=sections, numbering="parsed")


def _ends_body(text: str) -> bool:
    """Reads as a sentence of body text rather than a heading."""
    return len(text.split()) > 12 or text.endswith((",", ";", ":"))


def _build(paras: list[_Para]) -> Document:
    builder = _Builder()
    for para in paras:
        builder.add(para)
    return builder.document()


def parse_text(text: str) -> Document:
    """Pasted text into the IR (see the module docstring)."""
    text = _FORBIDDEN.sub("", text)
    return _build(_paragraphs(text.splitlines()))


def flatten(document: Document) -> str:
    """All the text of a parsed document, in order: title, labels, headings, blocks."""
    parts = [document.title]
    for section in document.sections:
        parts += [section.label, section.heading]
        for block in section.blocks:
            parts += [block.label, block.text]
    return " ".join(part for part in parts if part)


# -- .docx ----------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def parse_docx(
    data: bytes,
    *,
    max_bytes: int = MAX_UPLOAD_BYTES,
    max_uncompressed: int = MAX_UNCOMPRESSED_BYTES,
) -> Document:
    """An uploaded .docx into the IR. Raises UploadError with a plain reason."""
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
        document_xml = _read_member(archive, "word/document.xml", max_uncompressed)
        numbering_xml, styles_xml = (
            _read_member(archive, name, max_uncompressed) if name in names else None
            for name in ("word/numbering.xml", "word/styles.xml")
        )
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
    body = _xml(document_xml)
    numbering = _Numbering(
        _xml(numbering_xml) if numbering_xml else None, _xml(styles_xml) if styles_xml else None
    )
    return _build(list(_docx_paragraphs(body, numbering)))


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
                    text.get(f"{_W}val", "") if text is not None else "",
                    _int(start.get(f"{_W}val")) if start is not None else 1,
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
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
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

        return re.sub(r"%([1-9])", number, text).strip()


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
    for paragraph in body.iter(f"{_W}p"):
        text = _paragraph_text(paragraph)
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
        text = _FORBIDDEN.sub("", f"{label} {text}" if label else text).strip()
        if text:
            yield _Para([text], heading=heading and not label)


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"):
        if _inside_deleted(node, paragraph):
            continue
        tag = node.tag
        if tag == f"{_W}t":
            parts.append(node.text or "")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _inside_deleted(node, paragraph) -> bool:
    """Deleted text (tracked changes), or text of a paragraph nested in this one (text box)."""
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in (f"{_W}del", f"{_W}moveFrom", f"{_W}p"):
            return True
        parent = parent.getparent()
    return False
