"""Sentences: their spans within a block's text, and their place in the document. Pure.

A finding points at one sentence, by character offsets into `block.text`, so a
page can highlight it. Splitting is done once per distinct block text (cached).

    >>> split_sentences("Officers shall not ask. See 8 U.S.C. § 1373. Done.")
    ((0, 23), (24, 44), (45, 50))
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from drafting.budget import tick
from drafting.document import Block, Document, Section

# Words that end in a full stop without ending a sentence (compared lowercased,
# without the final stop).
_ABBREVIATIONS = frozenset(
    """
    u.s.c u.s u.s.a c.f.r sec secs no nos v vs e.g i.e etc inc co corp dept gov govt st mr
    mrs ms dr jr sr art arts ch cal ill stat stats rev ord res pub approx para paras subd subds
    cl p pp jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m al fig vol n.y d.c supp
    f.3d f.2d f.supp cir n.d s.d e.d w.d
    """.split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9§])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALISM = re.compile(r"^(?:[a-z]\.)+[a-z]?$")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group()[0] != "." or len(match.group().rstrip('"”’)]')) > 1:
        return True
    word = _WORD_BEFORE.search(text, max(0, match.start() - 24), match.start())
    if not word:
        return True
    token = word.group(1).lower().lstrip(".")
    return not (len(token) == 1 or token in _ABBREVIATIONS or _INITIALISM.match(token))


@functools.lru_cache(maxsize=8192)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in `text`, surrounding whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _ends_sentence(text, match):
            spans.append((start, match.end()))
            start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if end > begin:
            trimmed.append((begin, end))
    return tuple(trimmed)


@dataclass(frozen=True, eq=False)
class Sentence:
    """One sentence of one block, with what a rule needs to know about its place.

    `stem` is the lead-in block whose list this block belongs to ("... shall
    not do any of the following:"), for the first sentence of an item only: a
    list item's first sentence finishes its lead-in's sentence.
    """

    index: int
    section: Section
    section_index: int
    block: Block
    block_index: int
    text: str
    start: int
    end: int
    stem: Block | None


def _stems(section: Section) -> list[Block | None]:
    """For each item: the nearest earlier, shallower block that ends in a lead-in.

    Up to two plain paragraphs that interrupt a list (a stray line in pasted
    text) are passed over on the way back.
    """
    stems: list[Block | None] = []
    # The walk back only ever looks at the three nearest shallower blocks, and each
    # of those is among the last three of its own level: keep just those, so a
    # long list costs linear time (a walk over every earlier block was quadratic).
    recent: dict[int, list[int]] = {}  # level -> indices of its last three blocks
    blocks = section.blocks
    for index, block in enumerate(blocks):
        stem = None
        shallower = sorted(
            (i for level, last in recent.items() if level < block.level for i in last),
            reverse=True,
        )
        for skipped, earlier in enumerate(blocks[i] for i in shallower[:3]):
            if earlier.text.rstrip().endswith((":", "—", "following")):
                stem = earlier
                break
            if earlier.kind != "paragraph" or earlier.label or skipped == 2:
                break
        stems.append(stem)
        last = recent.setdefault(block.level, [])
        last.append(index)
        del last[:-3]
    return stems


def document_sentences(document: Document) -> list[Sentence]:
    """Every sentence of every block, in document order."""
    out: list[Sentence] = []
    for section_index, section in enumerate(document.sections):
        for block_index, (block, stem) in enumerate(
            zip(section.blocks, _stems(section), strict=True)
        ):
            tick()
            text = block.text
            for number, (start, end) in enumerate(split_sentences(text)):
                out.append(
                    Sentence(
                        index=len(out),
                        section=section,
                        section_index=section_index,
                        block=block,
                        block_index=block_index,
                        text=text[start:end],
                        start=start,
                        end=end,
                        stem=stem if number == 0 else None,
                    )
                )
    return out
