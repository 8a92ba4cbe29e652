"""The live preview in parts, so that an answer swaps only the sections it changes. Pure.

The preview is `render_html` cut into the heading and the sections, each with a
short digest of its HTML. The browser sends back what it shows (`shown_value`,
kept in a hidden field of the wizard's form); `changed_sections` answers with
the sections whose HTML differs, or None when only a whole new preview will do:
a section added, removed or moved, the heading changed, or `shown` unreadable.

    >>> from dataclasses import replace
    >>> from drafting.parse import parse_text
    >>> def ordinance(text):  # sections named after clauses, as assembly names them
    ...     document = parse_text(text)
    ...     named = [replace(s, clause=f"c{n}") for n, s in enumerate(document.sections)]
    ...     return replace(document, sections=tuple(named))
    >>> old = preview_parts(ordinance("Section 1. Reports.\\nReport quarterly.\\n"
    ...                               "Section 2. Costs.\\nNone."))
    >>> new = preview_parts(ordinance("Section 1. Reports.\\nReport annually.\\n"
    ...                               "Section 2. Costs.\\nNone."))
    >>> [part.ident for part in changed_sections(shown_value(old), new)]
    ['s-c0']
    >>> changed_sections(shown_value(old), old)
    []
    >>> changed_sections("", new) is None
    True
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property

from drafting.document import Document
from drafting.render.html import anchor, heading_html, section_html

HEADING = "heading"
MAX_SHOWN = 40_000  # characters of `shown` read at most (about 1,000 sections)


@dataclass(frozen=True)
class Part:
    """The heading (ident "heading") or one section (its element id, "s-<clause>")."""

    ident: str
    html: str

    @cached_property
    def digest(self) -> str:
        return hashlib.blake2b(self.html.encode(), digest_size=8).hexdigest()

    def oob_html(self) -> str:
        """The section marked for an HTMX out-of-band swap of the element with its id."""
        return self.html.replace("<section ", '<section hx-swap-oob="true" ', 1)


def preview_parts(
    document: Document, *, highlight: Collection[str] = (), edited: Collection[str] = ()
) -> tuple[Part, ...]:
    """The heading and the sections of `render_html(document, highlight=..., edited=...)`.

    Remembered for the document object (the document service hands out the same
    cached object for the same spec and clauses) and the highlight: the same
    answers again neither hash nor render a section.
    """
    key = (id(document), frozenset(highlight), frozenset(edited))
    entry = _PARTS.get(key)
    if entry is not None and entry[0] is document:
        return entry[1]
    sections = tuple(
        Part(f"s-{anchor(s.clause)}", section_html(s, highlight=highlight, edited=edited))
        for s in document.sections
    )
    parts = (Part(HEADING, heading_html(document)), *sections)
    if len(_PARTS) >= _PARTS_SIZE:
        _PARTS.clear()
    _PARTS[key] = (document, parts)  # holds the document: its id is not reused meanwhile
    return parts


_PARTS: dict[tuple, tuple[Document, tuple[Part, ...]]] = {}
_PARTS_SIZE = 256


def article_html(parts: Sequence[Part]) -> str:
    """The parts as one preview: the same HTML as `render_html`."""
    head, *sections = parts
    body = "\n".join(part.html for part in sections)
    return f'<article class="ordinance" lang="en">\n{head.html}\n{body}\n</article>'


def shown_value(parts: Sequence[Part]) -> str:
    """What the browser keeps and sends back: "heading:<digest> s-title:<digest> ..."."""
    return " ".join(f"{part.ident}:{part.digest}" for part in parts)


def changed_sections(shown: str, parts: Sequence[Part]) -> list[Part] | None:
    """The sections that differ from what the browser shows, or None for a whole preview."""
    if not shown or len(shown) > MAX_SHOWN:
        return None
    pairs = [item.partition(":") for item in shown.split(" ")]
    idents = [part.ident for part in parts]
    if [ident for ident, _, _ in pairs] != idents or len(set(idents)) != len(idents):
        return None
    digests = [digest for _, _, digest in pairs]
    changed = [part for part, digest in zip(parts, digests, strict=True) if part.digest != digest]
    if any(part.ident == HEADING for part in changed):
        return None
    return changed
