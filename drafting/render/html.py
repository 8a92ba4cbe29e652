"""HTML rendering of the document IR: the preview, the library's model view, and the
source of the PDF. Pure; every piece of text is escaped here, once.
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from drafting.document import Block, Document, Run, Section


def _run_html(run: Run) -> str:
    text = escape(run.text)
    if run.style == "term":
        return f'<strong class="term">{text}</strong>'
    if run.style == "emphasis":
        return f"<em>{text}</em>"
    return text


def anchor(key: str) -> str:
    """An id-safe anchor for a block key or clause slug."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in key)


@dataclass(frozen=True)
class Mark:
    """A span of a block's text to mark, e.g. the sentence a lint finding is about."""

    start: int
    end: int
    css_class: str
    title: str = ""
    ident: str = ""


def _marked_text(text: str, marks: Sequence[Mark]) -> str:
    """The text escaped, with non-overlapping marks as <mark> (the first wins)."""
    out, position = [], 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if mark.start < position or mark.end <= mark.start or mark.end > len(text):
            continue
        ident = f' id="{escape(mark.ident)}"' if mark.ident else ""
        title = f' title="{escape(mark.title)}"' if mark.title else ""
        out.append(escape(text[position : mark.start]))
        out.append(
            f'<mark class="{escape(mark.css_class)}"{ident}{title}>'
            f"{escape(text[mark.start : mark.end])}</mark>"
        )
        position = mark.end
    out.append(escape(text[position:]))
    return "".join(out)


def block_html(
    block: Block,
    *,
    highlight: Collection[str] = (),
    marks: Sequence[Mark] = (),
    edited: Collection[str] = (),
    anchors: bool = True,
) -> str:
    classes = ["block", f"block-{block.kind}", f"level-{block.level}"]
    if block.clause in highlight:
        classes.append("highlight")
    if block.clause in edited:
        classes.append("edited")
    label = f'<span class="label">{escape(block.label)}</span> ' if block.label else ""
    if marks:
        body = _marked_text(block.text, marks)
    else:
        body = "".join(_run_html(run) for run in block.runs)
    if not anchors:
        return f'<p class="{" ".join(classes)}">{label}{body}</p>'
    return (
        f'<p class="{" ".join(classes)}" id="b-{anchor(block.key)}" '
        f'data-clause="{escape(block.clause)}">{label}{body}</p>'
    )


def section_html(
    section: Section,
    *,
    highlight: Collection[str] = (),
    marks: Mapping[str, Sequence[Mark]] | None = None,
    edited: Collection[str] = (),
    anchors: bool = True,
) -> str:
    if not marks:
        # The live preview re-renders mostly unchanged sections: remember each
        # by its content and which of its clauses are highlighted or edited.
        clauses = {section.clause} | {block.clause for block in section.blocks}
        return _section_html_cached(
            section,
            frozenset(clauses & set(highlight)),
            frozenset(clauses & set(edited)),
            anchors,
        )
    return _section_html(section, highlight=highlight, marks=marks, edited=edited, anchors=anchors)


@functools.lru_cache(maxsize=2048)
def _section_html_cached(
    section: Section, highlight: frozenset[str], edited: frozenset[str], anchors: bool = True
) -> str:
    return _section_html(section, highlight=highlight, marks=None, edited=edited, anchors=anchors)


def _section_html(
    section: Section,
    *,
    highlight: Collection[str] = (),
    marks: Mapping[str, Sequence[Mark]] | None = None,
    edited: Collection[str] = (),
    anchors: bool = True,
) -> str:
    clauses = {section.clause} | {block.clause for block in section.blocks}
    classes = "ordinance-section highlight" if section.clause in highlight else "ordinance-section"
    label = f'<span class="section-label">{escape(section.label)}</span> ' if section.label else ""
    marks = marks or {}
    blocks = "\n".join(
        block_html(
            block,
            highlight=highlight,
            marks=marks.get(block.key, ()),
            edited=edited,
            anchors=anchors,
        )
        for block in section.blocks
    )
    note = (
        ' <span class="badge text-bg-info edited-locally">edited locally</span>'
        if clauses & set(edited)
        else ""
    )
    heading = f'<h2 class="section-heading">{label}{escape(section.heading)}{note}</h2>'
    if not anchors:
        return f'<section class="{classes}">\n{heading}\n{blocks}\n</section>'
    return (
        f'<section class="{classes}" id="s-{anchor(section.clause)}" '
        f'data-clauses="{escape(" ".join(sorted(clauses)))}">\n'
        f"{heading}\n{blocks}\n</section>"
    )


def heading_html(document: Document) -> str:
    number = escape(document.ordinance_number or "____")
    enacting = (
        f'<p class="enacting-clause">{escape(document.enacting_clause)}</p>'
        if document.enacting_clause
        else ""
    )
    return (
        '<header class="ordinance-heading">'
        f'<p class="ordinance-number">{escape(document.number_label)} {number}</p>'
        f'<h1 class="ordinance-title">{escape(document.title)}</h1>{enacting}</header>'
    )


def render_html(
    document: Document,
    *,
    highlight: Collection[str] = (),
    marks: Mapping[str, Sequence[Mark]] | None = None,
    edited: Collection[str] = (),
    anchors: bool = True,
) -> str:
    """The ordinance as an HTML fragment (an <article>), blocks tagged by clause.

    `highlight` names clause slugs whose blocks get the "highlight" class: the
    wizard marks the clauses the current question affects. `marks` maps a block
    key to spans of its text to mark (lint findings). `edited` names clauses the
    draft's own words changed (and its own sections): marked "edited locally".
    Without `anchors` (print), no ids and data attributes: WeasyPrint makes each
    id a named destination in the PDF, a tenth of a long document's time.
    """
    sections = "\n".join(
        section_html(s, highlight=highlight, marks=marks, edited=edited, anchors=anchors)
        for s in document.sections
    )
    head = heading_html(document)
    return f'<article class="ordinance" lang="en">\n{head}\n{sections}\n</article>'
