"""The amending ordinance as data: what a clerk files and the council votes on. Pure.

Title, recitals, the enacting formula of the instrument, then one section per
changed section of the code, each an instruction in the locality's style and
the section in full, as lines of pieces that are unchanged, deleted (printed
struck through) or inserted (printed underlined); then severability and the
effective date, in the model's own words.

    Section 1. Section 2-14-030 of the Municipal Code is hereby amended to read as follows:
        Sec. 2-14-030. Detainers.
        The Sheriff shall [-not honor-]{+decline+} detainers.

Both readings are exact, by construction and by test: dropping the inserted
pieces gives the existing section line for line (`reading(lines, "existing")`),
dropping the deleted pieces gives the section as amended (`"target"`).

    >>> from drafting.parse import parse_text
    >>> old = parse_text("Sec. 1-1. Detainers.\\nThe Sheriff shall not honor detainers.")
    >>> new = parse_text("Sec. 1-1. Detainers.\\nThe Sheriff shall decline detainers.")
    >>> lines = section_lines(old.sections[0], new.sections[0])
    >>> reading(lines, "existing")[1], reading(lines, "target")[1]
    ('The Sheriff shall not honor detainers.', 'The Sheriff shall decline detainers.')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from drafting.amend.consolidate import Entry, Plan, plan
from drafting.amend.existing import STYLES
from drafting.assembly import assemble, enacting_clause, heading_case, locality_context
from drafting.diff import BlockOp, Piece, diff_documents, diff_words, pieces
from drafting.document import Block, Document, Run, Section
from drafting.grammar import Title, capfirst
from drafting.library import ClauseText
from drafting.render.text import block_text
from drafting.words import Words

if TYPE_CHECKING:
    from drafting.spec import DraftSpec

Side = Literal["existing", "target"]
LineKind = Literal["title", "paragraph", "item", "bullet"]
CPD_SOURCE = (
    "the model Justice and Equity Ordinance of the Center for Popular Democracy "
    "(Protecting Immigrant Communities, 2017)"
)


@dataclass(frozen=True)
class Line:
    """One printed line of a section: its title line or one block (label and text)."""

    kind: LineKind
    level: int
    pieces: tuple[Piece, ...]

    def text(self, side: Side) -> str:
        dropped = "insert" if side == "existing" else "delete"
        return "".join(piece.text for piece in self.pieces if piece.kind != dropped)

    @property
    def changed(self) -> bool:
        return any(piece.kind != "equal" for piece in self.pieces)


@dataclass(frozen=True)
class Instruction:
    """One section of the amending ordinance: the instruction and the section in full."""

    action: Literal["amend", "add", "repeal"]
    ref: str
    text: str
    lines: tuple[Line, ...]
    old: Section | None = None
    new: Section | None = None


@dataclass(frozen=True)
class Clause:
    """A closing section of the ordinance (severability, effective date)."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class AmendingOrdinance:
    number_line: str
    title: str
    recitals: tuple[str, ...]
    enacting_clause: str
    instructions: tuple[Instruction, ...]
    closing: tuple[Clause, ...]
    locality: str = ""
    code_name: str = ""

    def section_label(self, index: int) -> str:
        """ "Section 1." for the first section of the ordinance itself."""
        return f"Section {index + 1}."


def reading(lines: Sequence[Line], side: Side) -> list[str]:
    """The section's lines as one side reads them (lines wholly of the other side left out)."""
    texts = [line.text(side) for line in lines]
    return [text for text in texts if text]


def section_lines_of(section: Section) -> list[str]:
    """A section as `reading` gives it: the title line, then each block's label and text."""
    lines = [section.title] + [block_text(block) for block in section.blocks]
    return [line for line in lines if line]


# -- the lines of a section ------------------------------------------------------------


def _line_block(block: Block) -> Block:
    """The block with its label as its first run ("(a) " + text), no identity, so that
    the blocks of the two sides align by text and the label is diffed as text."""
    runs = (Run(f"{block.label} "), *block.runs) if block.label else block.runs
    return replace(block, runs=runs, label="", key="", clause="")


def section_lines(old: Section | None, new: Section | None) -> tuple[Line, ...]:
    """The section in full, each line's words unchanged, deleted or inserted.

    `old` None: wholly inserted (an added section); `new` None: wholly deleted.
    """
    title = diff_words(old.title if old else "", new.title if new else "")
    lines = [Line("title", 0, tuple(Piece(kind, text) for kind, text in title))]
    shell = Section("", (), clause="s")
    old_doc = Document(
        "", (replace(shell, blocks=tuple(map(_line_block, old.blocks))),) if old else ()
    )
    new_doc = Document(
        "", (replace(shell, blocks=tuple(map(_line_block, new.blocks))),) if new else ()
    )
    for section_op in diff_documents(old_doc, new_doc).sections:
        lines.extend(_line(op) for op in _pair_leftovers(list(section_op.blocks)))
    return tuple(line for line in lines if line.pieces)


_LABEL = re.compile(r"^(\(?[0-9A-Za-z]{1,4}[.)])+ ")


def _close(old: Block, new: Block) -> bool:
    """Worth a word diff in an amending ordinance: a third of the words in common (the
    redline's alignment asks for half), or a fifth under the same label ("(a) "). Text
    that shares less is struck and inserted as whole paragraphs, which reads better."""
    a, b = Counter(old.text.lower().split()), Counter(new.text.lower().split())
    common = sum((a & b).values())
    total = max(sum(a.values()), sum(b.values()), 1)
    label = _LABEL.match(old.text)
    same_label = bool(label) and new.text.startswith(label.group())
    return common * 3 >= total or (same_label and common * 5 >= total)


def _pair_leftovers(ops: list[BlockOp]) -> list[BlockOp]:
    """Deleted blocks followed by inserted ones, paired in order where `_close`, so that
    a sentence struck from "(a)" shows as those words struck, not the line out and in.
    Both sides keep their order: each side's blocks come in the order they had."""
    out: list[BlockOp] = []
    index = 0
    while index < len(ops):
        if ops[index].op != "deleted":
            out.append(ops[index])
            index += 1
            continue
        middle = index
        while middle < len(ops) and ops[middle].op == "deleted":
            middle += 1
        end = middle
        while end < len(ops) and ops[end].op == "inserted":
            end += 1
        out.extend(_match(ops[index:middle], ops[middle:end]))
        index = end
    return out


def _match(deleted: list[BlockOp], inserted: list[BlockOp]) -> list[BlockOp]:
    out: list[BlockOp] = []
    at = 0  # the first inserted block not yet placed
    for op in deleted:
        found = next((j for j in range(at, len(inserted)) if _close(op.old, inserted[j].new)), None)
        if found is None:
            out.append(op)
            continue
        out.extend(inserted[at:found])
        new = inserted[found].new
        words = diff_words(op.old.text, new.text)
        out.append(BlockOp("changed", op.old, new, words, op.anchor))
        at = found + 1
    out.extend(inserted[at:])
    return out


def _line(op: BlockOp) -> Line:
    """A block op as a line; its words rebuild both sides (drafting.diff)."""
    return Line(op.block.kind, op.block.level, tuple(pieces(op)))


# -- the ordinance ----------------------------------------------------------------------


def _reference(entry: Entry) -> str:
    """ "Section 2-14-030" (the section as the code cites it)."""
    number = (entry.old or entry.new).number if (entry.old or entry.new) else ""
    return f"Section {number}" if number else ""


def instruction_text(entry: Entry, code_name: str, style: str) -> str:
    """The amending instruction, in the style chosen for the locality.

    "Section 2-14-030 of the Municipal Code is hereby amended to read as follows:",
    "Section 2-14-035 is hereby added to the Municipal Code to read as follows:",
    "Section 2-14-050 of the Municipal Code is hereby repealed in its entirety."
    """
    reference = _reference(entry)
    if entry.action == "add":
        if reference:
            return f"{reference} is hereby added to {code_name} to read as follows:"
        return f"The following section is hereby added to {code_name} to read as follows:"
    subject = f"{reference} of {code_name}" if reference else capfirst(code_name)
    if entry.action == "repeal":
        return f"{subject} is hereby repealed in its entirety."
    return f"{subject} {STYLES[style]}"


def _title(plan_: Plan, code_name: str, instrument: str) -> str:
    """ "An Ordinance Amending the Municipal Code (Chapter 2-14 Immigration Enforcement)"."""
    name = heading_case(plan_.title) if plan_.title.isupper() else plan_.title
    about = f" ({name})" if name else ""
    return f"An {capfirst(instrument)} Amending {code_name}{about}"


def _recitals(legislative_body: Title, code_name: str) -> tuple[str, ...]:
    body = legislative_body.the
    return (
        f"WHEREAS, {body} has reviewed {code_name} against {CPD_SOURCE}; and",
        f"WHEREAS, {body} finds it in the public interest to amend {code_name} as set forth "
        "in this ordinance;",
    )


def _closing(clauses: Sequence[ClauseText], spec: DraftSpec) -> tuple[Clause, ...]:
    """Severability and the effective date, as the model words them for this instrument."""
    known = {c.slug for c in clauses}
    wanted = tuple(slug for slug in ("severability", "effective-date") if slug in known)
    if not wanted:
        return ()
    document = assemble(
        clauses, replace(spec, existing=None, clauses=wanted, numbering="section", words=Words())
    )
    return tuple(
        Clause(section.heading, tuple(block.text for block in section.blocks))
        for section in document.sections
        if section.clause in wanted
    )


def amending_ordinance(
    clauses: Sequence[ClauseText], spec: DraftSpec, *, code_name: str = ""
) -> AmendingOrdinance:
    """The amending ordinance for a spec with `existing` (see the module docstring)."""
    existing = spec.existing
    assert existing is not None, "the spec amends no existing law"
    plan_ = plan(clauses, spec)
    code = code_name or existing.code_name
    context = locality_context(spec.locality)
    instrument = context["instrument"]
    instructions = []
    for entry in plan_.entries:
        lines = section_lines(entry.old, entry.new) if entry.changed else ()
        if any(line.changed for line in lines):
            action = entry.action if entry.action in ("add", "repeal") else "amend"
            text = instruction_text(entry, code, existing.style)
            instructions.append(Instruction(action, entry.ref, text, lines, entry.old, entry.new))  # type: ignore[arg-type]
    recitals = _recitals(context["legislative_body"], code)
    recitals = tuple(r.replace("this ordinance", instrument.this) for r in recitals)
    return AmendingOrdinance(
        number_line=f"{instrument.number_label} {spec.locality.ordinance_number or '____'}",
        title=_title(plan_, code, instrument.noun),
        recitals=recitals,
        enacting_clause=f"NOW, THEREFORE, {enacting_clause(spec.locality)}",
        instructions=tuple(instructions),
        closing=_closing(clauses, spec),
        locality=context["locality"].formal,
        code_name=code,
    )
