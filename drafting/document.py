"""The document IR: one plain-data shape for every ordinance, assembled or parsed.

Producers (assembly, the outside-document parser) build it; consumers (the text,
HTML, .docx and PDF renderers, the lint, the diff) read it. No Django here.

    Document
      └─ Section (number "II", label "II)", heading, clause slug + version)
           └─ Block (paragraph / item / bullet, level, label "A.", key)
                └─ Run (text, style plain / emphasis / term)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

RunStyle = Literal["plain", "emphasis", "term"]
BlockKind = Literal["paragraph", "item", "bullet"]


@dataclass(frozen=True)
class Run:
    text: str
    style: RunStyle = "plain"


@dataclass(frozen=True)
class Block:
    """A paragraph or list item.

    `level` is 0 for body paragraphs, 1 for first-level items ("A."), 2 for
    second-level ("1)"), and so on. `clause` names the clause the block came
    from (a section can gather items from several clauses, as CPD §II does),
    and `key` is a stable identity within the document (e.g. "detainers" or
    "definitions#ice") used by the diff to align blocks across drafts.
    """

    kind: BlockKind
    runs: tuple[Run, ...]
    level: int = 0
    label: str = ""
    clause: str = ""
    key: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Section:
    """A numbered (or unnumbered, e.g. a preamble) section of the ordinance.

    `number` is the bare number ("II", "2", or "" when unnumbered); `label` is
    how it is printed ("II)", "Section 2."). `clause` and `version` identify
    the clause version the section heading and first blocks came from.
    """

    heading: str
    blocks: tuple[Block, ...]
    number: str = ""
    label: str = ""
    clause: str = ""
    version: int = 0

    @property
    def title(self) -> str:
        return f"{self.label} {self.heading}".strip()


@dataclass(frozen=True)
class Document:
    """A whole ordinance.

    `title` is the act's title; `ordinance_number` is blank until the clerk
    assigns one; `number_label` heads it ("ORDINANCE NO.", "RESOLUTION NO.",
    "ARTICLE" for a Town Meeting bylaw ...); `enacting_clause` is "BE IT ORDAINED
    BY ..." (empty for outside documents where none was recognised). `kind` says
    what the text is, so a code chapter is not mistaken for a policy.
    """

    title: str
    sections: tuple[Section, ...]
    locality: str = ""
    ordinance_number: str = ""
    enacting_clause: str = ""
    numbering: str = "cpd"
    number_label: str = "ORDINANCE NO."
    clause_versions: dict[str, int] = field(default_factory=dict)
    # What the text is: "ordinance" (assembled drafts), or, for outside text, what it says
    # it is: "ordinance", "code-chapter", "statute", "resolution", "executive-order",
    # "policy", or "" when it does not say.
    kind: str = "ordinance"

    def section(self, clause: str) -> Section | None:
        return next((s for s in self.sections if s.clause == clause), None)

    def blocks(self) -> list[tuple[Section, Block]]:
        return [(section, block) for section in self.sections for block in section.blocks]

    @property
    def number_line(self) -> str:
        """ "ORDINANCE NO. ____" (the number blank until the clerk assigns one)."""
        return f"{self.number_label} {self.ordinance_number or '____'}"
