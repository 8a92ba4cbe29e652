"""The council packet: its parts' PDFs joined into one, with a bookmark per part. Pure.

`join_parts([("Staff report", pdf), ...])` appends each part's pages in order
and adds a top-level outline item (bookmark) at the part's first page, so a
PDF reader lists "Staff report", "Ordinance (with line numbers)", "Redline
against the previous reading", "Compliance report" and jumps to each.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

STAFF_REPORT = "Staff report"
ORDINANCE = "Ordinance (with line numbers)"
REDLINE = "Redline against the previous reading"
COMPLIANCE = "Compliance report"


@dataclass(frozen=True)
class PacketPart:
    title: str  # the bookmark
    first_page: int  # 1-based, in the packet
    pages: int


def join_parts(
    parts: Sequence[tuple[str, bytes]], *, title: str = "", author: str = ""
) -> tuple[bytes, list[PacketPart]]:
    """One PDF of `parts` (bookmark title, PDF bytes) in order, and where each begins."""
    writer = PdfWriter()
    placed = []
    for name, data in parts:
        reader = PdfReader(io.BytesIO(data))
        first = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        writer.add_outline_item(title=name, page_number=first)
        placed.append(PacketPart(name, first + 1, len(reader.pages)))
    writer.add_metadata(
        {
            "/Title": title or "Council packet",
            "/Author": author or "",
            "/Creator": "Ordinance Drafter",
        }
    )
    writer.page_mode = "/UseOutlines"  # a reader opens with the bookmarks shown
    writer._root_object[NameObject("/Lang")] = TextStringObject("en")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), placed
