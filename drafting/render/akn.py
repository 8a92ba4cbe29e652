"""Akoma Ntoso 3.0 rendering of the document IR: an `<act>` a legislative system can read. Pure.

The shape (what Indigo and other AKN tools expect):

- `<meta>`: FRBR work, expression and manifestation URIs for the locality and
  date (`/akn/us-il-springfield/act/ordinance/2026/justice-and-equity-ordinance`),
  and the drafting office as the author;
- `<preface>`: the ordinance number (`<docNumber>`) and title (`<docTitle>`);
- `<preamble>`: the leading unnumbered sections (purpose, findings) as
  `<recitals>`, then the enacting clause as the enacting `<formula>`;
- `<body>`: one `<section>` per numbered section; its blocks nest by level as
  `<subsection>` (level 1, "A."), `<paragraph>` (level 2, "1)"), then
  `<subparagraph>` and `<point>`; a level-0 paragraph is an
  `<hcontainer name="text">`. Every element's `eId` comes from our clause key,
  and the exact key, clause, kind and label ride along in our own namespace
  (`od:key`, ...), which the schema allows, so `drafting.parse.akn` rebuilds
  the same document.
- Definitions: the quoted term of a definition is `<def refersTo="#term-x">`;
  later uses of the term elsewhere are `<term refersTo="#term-x">`, each with a
  `TLCTerm` in `<references>`.

- Cross-references: "subsections A and B of this Section" (CPD numbering) or
  "subsection (h) of this section" (section numbering), as assembly writes them
  (`drafting.numbering`), become `<ref href="#eId">` around each letter, pointing
  at that item of the same section; a letter the section does not have stays
  text. The words are unchanged, so the document reads back the same.

>>> from drafting.document import Block, Document, Run, Section
>>> doc = Document(title="Trust Act", locality="the City of Springfield", sections=(
...     Section(heading="DEFINITIONS", number="I", label="I)", clause="definitions", blocks=(
...         Block("item", (Run("“ICE”", "term"), Run(" means the agency.")), 1, "A.",
...               "definitions", "definitions#ice"),)),
...     Section(heading="DETAINERS", number="II", label="II)", clause="detainers", blocks=(
...         Block("paragraph", (Run("No ICE holds."),), 0, "", "detainers", "detainers:1"),)),))
>>> xml = render_akn(doc, AknMeta(state="Illinois", date=dt.date(2026, 11, 30)))
>>> b'<def refersTo="#term-ice">ICE</def>' in xml, b'<term refersTo="#term-ice"' in xml
(True, True)
>>> b'FRBRuri value="/akn/us-il-springfield/act/ordinance/2026/trust-act"' in xml
True
>>> reports = Section(heading="REPORTS", number="III", label="III)", clause="reports", blocks=(
...     Block("item", (Run("Requests;"),), 1, "A.", "reports", "reports#requests"),
...     Block("item", (Run("Responses to requests under subsection A of this Section."),),
...           1, "B.", "reports", "reports#responses"),))
>>> xml = render_akn(Document(title="T", sections=(reports,)), AknMeta(dt.date(2026, 11, 30)))
>>> b'under subsection <ref href="#reports__requests">A</ref> of this Section.' in xml
True
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lxml import etree

from drafting.document import Block, Document, Run, Section

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
OD_NS = "https://ordinance-drafter.example/ns/akn/1"
_A = f"{{{AKN_NS}}}"
_OD = f"{{{OD_NS}}}"
NSMAP = {None: AKN_NS, "od": OD_NS}

# Nesting by block level: level 1 is "A.", level 2 "1)", then deeper.
LEVEL_ELEMENTS = {1: "subsection", 2: "paragraph", 3: "subparagraph"}
DEEPEST_ELEMENT = "point"
TEXT_CONTAINER = "text"  # the name of the hcontainer that holds a level-0 paragraph
EMPTY_BODY = "empty"  # the hcontainer in a body with no sections (the schema wants one)

STATE_CODES = {
    "Alabama": "al", "Alaska": "ak", "Arizona": "az", "Arkansas": "ar", "California": "ca",
    "Colorado": "co", "Connecticut": "ct", "Delaware": "de", "District of Columbia": "dc",
    "Florida": "fl", "Georgia": "ga", "Hawaii": "hi", "Idaho": "id", "Illinois": "il",
    "Indiana": "in", "Iowa": "ia", "Kansas": "ks", "Kentucky": "ky", "Louisiana": "la",
    "Maine": "me", "Maryland": "md", "Massachusetts": "ma", "Michigan": "mi",
    "Minnesota": "mn", "Mississippi": "ms", "Missouri": "mo", "Montana": "mt",
    "Nebraska": "ne", "Nevada": "nv", "New Hampshire": "nh", "New Jersey": "nj",
    "New Mexico": "nm", "New York": "ny", "North Carolina": "nc", "North Dakota": "nd",
    "Ohio": "oh", "Oklahoma": "ok", "Oregon": "or", "Pennsylvania": "pa",
    "Rhode Island": "ri", "South Carolina": "sc", "South Dakota": "sd", "Tennessee": "tn",
    "Texas": "tx", "Utah": "ut", "Vermont": "vt", "Virginia": "va", "Washington": "wa",
    "West Virginia": "wv", "Wisconsin": "wi", "Wyoming": "wy",
}  # fmt: skip


@dataclass(frozen=True)
class AknMeta:
    """What the FRBR identification needs besides the document.

    `date` is the expression date (the revision's save date); `author` the
    drafting office; `language` an ISO 639-2 code.
    """

    date: dt.date
    state: str = ""
    author: str = ""
    language: str = "eng"


def slug(text: str) -> str:
    """ "the City of Springfield" -> "city-of-springfield" (ASCII, for URIs and ids)."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60]


def eid(key: str) -> str:
    """A clause key as an AKN id: "definitions#ice" -> "definitions__ice"."""
    out = re.sub(r"[^A-Za-z0-9_.-]+", "_", key.replace("#", "__")).strip("_") or "x"
    return out if out[0].isalpha() else f"x{out}"


_PLACE_PREFIX = re.compile(
    r"^(the\s+)?((city and county|city|county|town|village|borough|parish)\s+of\s+)?", re.I
)


def work_uri(document: Document, meta: AknMeta) -> str:
    """ "/akn/us-il-springfield/act/ordinance/2026/justice-and-equity-ordinance"."""
    place_name = slug(_PLACE_PREFIX.sub("", document.locality.strip()))
    state = STATE_CODES.get(meta.state.strip(), "")
    place = "-".join(part for part in ("us", state, place_name) if part)
    number = slug(document.ordinance_number) or slug(document.title) or "ordinance"
    return f"/akn/{place}/act/ordinance/{meta.date.year}/{number}"


def render_akn(document: Document, meta: AknMeta) -> bytes:
    """The document as an Akoma Ntoso 3.0 `<act>` (UTF-8 XML bytes)."""
    terms = _defined_terms(document)
    root = etree.Element(_A + "akomaNtoso", nsmap=NSMAP)
    act = _sub(root, "act", name="act", contains="originalVersion")
    act.append(_meta(document, meta, terms))
    act.append(_preface(document))
    leading = _leading_unnumbered(document)
    preamble = _preamble(document, document.sections[:leading], terms)
    if preamble is not None:
        act.append(preamble)
    body = _sub(act, "body")
    # what only our own reader needs to rebuild the same document
    body.set(_OD + "numbering", document.numbering)
    body.set(_OD + "clauses", " ".join(f"{k}:{v}" for k, v in document.clause_versions.items()))
    ids = _Ids()
    for section in document.sections[leading:]:
        body.append(_section(section, terms, ids))
    if len(body) == 0:  # the schema wants something in a body
        _sub(body, "hcontainer", name=EMPTY_BODY, eId="hcontainer_empty").append(_content(()))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sub(parent, tag: str, text: str | None = None, **attrs) -> etree._Element:
    element = etree.SubElement(parent, _A + tag, {k: v for k, v in attrs.items() if v})
    if text is not None:
        element.text = text
    return element


class _Ids:
    """eIds unique in the document, from clause keys."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, base: str) -> str:
        candidate, count = base, 1
        while candidate in self.used:
            count += 1
            candidate = f"{base}_{count}"
        self.used.add(candidate)
        return candidate


def _leading_unnumbered(document: Document) -> int:
    count = 0
    for section in document.sections:
        if section.number or section.label:
            break
        count += 1
    return count


# --- meta ---------------------------------------------------------------------------------


def _meta(document: Document, meta: AknMeta, terms: dict[str, str]) -> etree._Element:
    element = etree.Element(_A + "meta")
    ident = _sub(element, "identification", source="#drafter")
    work = work_uri(document, meta)
    expression = f"{work}/{meta.language}@{meta.date.isoformat()}"
    date = meta.date.isoformat()
    frbr = _sub(ident, "FRBRWork")
    _sub(frbr, "FRBRthis", value=f"{work}/!main")
    _sub(frbr, "FRBRuri", value=work)
    _sub(frbr, "FRBRdate", date=date, name="Generation")
    _sub(frbr, "FRBRauthor", href="#council")
    _sub(frbr, "FRBRcountry", value="us")
    _sub(frbr, "FRBRsubtype", value="ordinance")
    _sub(frbr, "FRBRnumber", value=slug(document.ordinance_number) or "draft")
    _sub(frbr, "FRBRname", value=document.title)
    frbr = _sub(ident, "FRBRExpression")
    _sub(frbr, "FRBRthis", value=f"{expression}/!main")
    _sub(frbr, "FRBRuri", value=expression)
    _sub(frbr, "FRBRdate", date=date, name="Generation")
    _sub(frbr, "FRBRauthor", href="#drafter")
    _sub(frbr, "FRBRlanguage", language=meta.language)
    frbr = _sub(ident, "FRBRManifestation")
    _sub(frbr, "FRBRthis", value=f"{expression}/!main.xml")
    _sub(frbr, "FRBRuri", value=f"{expression}.akn")
    _sub(frbr, "FRBRdate", date=date, name="Generation")
    _sub(frbr, "FRBRauthor", href="#drafter")
    references = _sub(element, "references", source="#drafter")
    _sub(
        references,
        "TLCOrganization",
        eId="drafter",
        href="/ontology/organization/us/drafter",
        showAs=meta.author or "Drafting office",
    )
    _sub(
        references,
        "TLCOrganization",
        eId="council",
        href=f"/ontology/organization/us/{slug(document.locality) or 'locality'}",
        showAs=document.locality or "Locality",
    )
    for term, ident_ in terms.items():
        _sub(
            references,
            "TLCTerm",
            eId=ident_,
            href=f"/ontology/term/this.{meta.language}.{ident_.removeprefix('term-')}",
            showAs=term,
        )
    return element


# --- preface and preamble -----------------------------------------------------------------


def _preface(document: Document) -> etree._Element:
    preface = etree.Element(_A + "preface")
    p = _sub(preface, "p", **{"class": "number"})
    p.text = f"{document.number_label} "  # "ORDINANCE NO.", "RESOLUTION NO.", "ARTICLE" ...
    _sub(p, "docNumber", document.ordinance_number or "____")
    _sub(_sub(preface, "p", **{"class": "title"}), "docTitle", document.title)
    return preface


def _preamble(document: Document, sections: tuple[Section, ...], terms) -> etree._Element | None:
    if not sections and not document.enacting_clause:
        return None
    preamble = etree.Element(_A + "preamble")
    ids = _Ids()
    for section in sections:
        recitals = _sub(preamble, "recitals", eId=ids(f"recitals_{eid(section.clause or 'x')}"))
        _section_attrs(recitals, section)
        if section.heading:
            _sub(recitals, "heading", section.heading)
        for block in section.blocks or (Block("paragraph", ()),):
            recital = _sub(recitals, "recital", eId=ids(eid(block.key or "recital")))
            _block_attrs(recital, block)
            if block.label:
                _sub(recital, "num", block.label)
            recital.append(_p(block.runs, terms, None))
    if document.enacting_clause:
        formula = _sub(preamble, "formula", name="enactingFormula")
        _sub(formula, "p", document.enacting_clause)
    return preamble


# --- body ---------------------------------------------------------------------------------


def _section_attrs(element, section: Section) -> None:
    element.set(_OD + "clause", section.clause)
    if section.version:
        element.set(_OD + "version", str(section.version))
    if section.label:
        element.set(_OD + "label", section.label)


def _block_attrs(element, block: Block) -> None:
    element.set(_OD + "key", block.key)
    element.set(_OD + "clause", block.clause)
    element.set(_OD + "kind", block.kind)
    element.set(_OD + "level", str(block.level))


def _section(section: Section, terms: dict[str, str], ids: _Ids) -> etree._Element:
    element = etree.Element(
        _A + "section", eId=ids(f"sec_{eid(section.clause or section.number or 'x')}")
    )
    _section_attrs(element, section)
    if section.number:
        _sub(element, "num", section.number)
    _sub(element, "heading", section.heading)
    if not section.blocks:
        element.append(_content(()))
        return element
    # A stack of (level, element) for nesting; the section itself is level -1... 0.
    stack: list[tuple[int, etree._Element]] = [(0, element)]
    # The text is written once every item's eId is known: a reference may point ahead.
    texts: list[tuple[etree._Element, Block]] = []
    targets: dict[str, str] = {}
    for block in section.blocks:
        level = max(block.level, 0)
        while len(stack) > 1 and stack[-1][0] >= max(level, 1):
            stack.pop()
        parent = stack[-1][1]
        _open_for_children(parent)
        tag = (
            "hcontainer"
            if level == 0
            else LEVEL_ELEMENTS.get(len(stack), DEEPEST_ELEMENT)
        )  # fmt: skip
        child = _sub(parent, tag, eId=ids(eid(block.key or tag)))
        if level == 0:
            child.set("name", TEXT_CONTAINER)
        _block_attrs(child, block)
        if block.label:
            _sub(child, "num", block.label)
        content = etree.SubElement(child, _A + "content")
        texts.append((etree.SubElement(content, _A + "p"), block))
        if level == 1 and block.label:
            targets.setdefault(_letter(block.label), child.get("eId"))
        if level > 0:
            stack.append((level, child))
    for p, block in texts:
        _fill_p(p, block.runs, terms, section.clause, targets)
    return element


# "subsections A and B of this Section", "subsection (h) of this section",
# "sections A and B of this Subsection" (drafting.numbering's phrases)
_LETTER = r"(?:[A-Z]{1,3}|\([a-z]{1,3}\))"
_REFERENCE = re.compile(
    rf"\b(?:sub)?sections? {_LETTER}(?:(?:, | and |, and ){_LETTER})*"
    r" of this (?:[Ss]ection|Subsection)\b"
)
_LETTERS = re.compile(rf"(?<= ){_LETTER}(?=[ ,])")  # the letters alone, not "S" of "Section"


def _letter(label: str) -> str:
    """An item's label as a reference names it: "A." -> "A", "(a)" -> "(a)"."""
    return label.strip().rstrip(".")


def _open_for_children(element) -> None:
    """A hierarchy element holding text (`<content>`) that now gets children: the text
    becomes its `<intro>`, as the schema wants."""
    content = element.find(_A + "content")
    if content is not None:
        content.tag = _A + "intro"


def _content(runs, terms=None, clause=None) -> etree._Element:
    content = etree.Element(_A + "content")
    content.append(_p(runs, terms or {}, clause))
    return content


# --- inline text --------------------------------------------------------------------------


def _term_text(run: Run) -> str:
    return run.text.strip().strip("“”\"'‘’").strip()


def term_id(term: str) -> str:
    return "term-" + (slug(term) or "x")


def _defined_terms(document: Document) -> dict[str, str]:
    """Every defined term (a `term` run) -> its TLC id, longest first."""
    found: dict[str, str] = {}
    for _section, block in document.blocks():
        for run in block.runs:
            term = _term_text(run)
            if run.style == "term" and term and term not in found:
                ident, used, n = term_id(term), set(found.values()), 1
                while ident in used:  # two terms that differ only in case or punctuation
                    n += 1
                    ident = f"{term_id(term)}-{n}"
                found[term] = ident
    return dict(sorted(found.items(), key=lambda item: -len(item[0])))


def _p(runs, terms: dict[str, str], clause: str | None) -> etree._Element:
    p = etree.Element(_A + "p")
    _fill_p(p, runs, terms, clause, {})
    return p


def _fill_p(p, runs, terms: dict[str, str], clause: str | None, targets: dict[str, str]) -> None:
    pattern = _term_pattern(terms) if clause is not None and clause != "definitions" else None
    for run in runs:
        if run.style == "term":
            _def(p, run, terms)
        elif run.style == "emphasis":
            _append_text(etree.SubElement(p, _A + "i"), run.text, None, terms)
        else:
            _append_references(p, run.text, pattern, terms, targets)


def _append_references(parent, text: str, pattern, terms, targets: dict[str, str]) -> None:
    """Append plain text, each cross-reference's letters as `<ref href="#eId">`."""
    position = 0
    for match in _REFERENCE.finditer(text) if targets else ():
        _append_text(parent, text[position : match.start()], pattern, terms)
        phrase, inner = match.group(0), 0
        for letter in _LETTERS.finditer(phrase):
            target = targets.get(letter.group(0))
            if target is None:
                continue
            _append_text(parent, phrase[inner : letter.start()], None, terms)
            ref = etree.SubElement(parent, _A + "ref", href="#" + target)
            ref.text = letter.group(0)
            inner = letter.end()
        _append_text(parent, phrase[inner:], None, terms)
        position = match.end()
    _append_text(parent, text[position:], pattern, terms)


def _def(p, run: Run, terms: dict[str, str]) -> None:
    """“ICE” -> “<def refersTo="#term-ice">ICE</def>” (quotes outside the def, as Indigo)."""
    term = _term_text(run)
    if not term:
        _append_text(p, run.text, None, terms)
        return
    start = run.text.index(term)
    _append_text(p, run.text[:start], None, terms)
    element = etree.SubElement(p, _A + "def", refersTo="#" + terms[term])
    element.text = term
    element.tail = run.text[start + len(term) :]


def _term_pattern(terms: dict[str, str]):
    if not terms:
        return None
    alternatives = "|".join(re.escape(term) for term in terms)  # longest first
    return re.compile(rf"(?<![\w-])({alternatives})(?![\w-])")


def _append_text(parent, text: str, pattern, terms: dict[str, str]) -> None:
    """Append text to an element, marking uses of defined terms as `<term>`."""
    pieces = pattern.split(text) if pattern is not None else [text]
    for index, piece in enumerate(pieces):
        if not piece:
            continue
        if index % 2:  # a captured term
            element = etree.SubElement(parent, _A + "term", refersTo="#" + terms[piece])
            element.text = piece
        elif len(parent):
            parent[-1].tail = (parent[-1].tail or "") + piece
        else:
            parent.text = (parent.text or "") + piece
