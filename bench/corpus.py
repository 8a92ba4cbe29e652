"""The documents the benchmark measures: the full model, a 5%-edited copy, and a
synthetic ordinance ten times longer. Deterministic: a fixed seed."""

from __future__ import annotations

import random
from dataclasses import replace

from drafting.assembly import assemble
from drafting.document import Block, Document, Run, Section
from drafting.library import ClauseText, read_library
from drafting.spec import DraftSpec, parse_spec

LOCALITY = {
    "name": "the City of Springfield",
    "type": "city",
    "state": "Illinois",
    "legislative_body": "City Council",
    "chief_law_enforcement_officer": "Chief of Police",
    "complaint_body": "Human Relations Commission",
    "commission_coordinator": "the Office of the Mayor",
    "reporting_officer": "City Clerk",
}
REPLACEMENTS = ["county", "shall", "promptly", "written", "public", "federal", "records"]


def model_spec() -> DraftSpec:
    return parse_spec({"locality": LOCALITY})


def model() -> tuple[list[ClauseText], DraftSpec, Document]:
    clauses = read_library()
    spec = model_spec()
    return clauses, spec, assemble(clauses, spec)


def _source_line(block: Block) -> str:
    marker = {"item": "- ", "bullet": "* "}.get(block.kind, "")
    indent = "  " * max(block.level - 1, 0) if marker else ""
    return f"{indent}{marker}{block.text}"


def ten_times_clauses(document: Document, times: int = 10) -> list[ClauseText]:
    """Clause texts for an ordinance `times` as long: every numbered section of the
    model, repeated, as plain clauses (no options), plus the title."""
    clauses = [ClauseText("title", "Title", "locality", 0, "title", document.title + "\n")]
    order = 10
    for copy in range(times):
        for section in document.sections:
            if not section.number:
                continue
            order += 1
            body = "\n\n".join(_source_line(b) for b in section.blocks) + "\n"
            clauses.append(
                ClauseText(
                    slug=f"{section.clause}-{copy + 1}",
                    title=section.heading,
                    topic="reporting",
                    order=order,
                    kind="section",
                    heading=section.heading,
                    body=body.replace("{", "(").replace("}", ")"),
                )
            )
    return clauses


def edited(document: Document, share: float = 0.05, seed: int = 1373) -> Document:
    """A copy with about `share` of its words replaced, and one section left out."""
    rng = random.Random(seed)
    sections = []
    dropped = [s for s in document.sections if s.number][len(document.sections) // 2].clause
    for section in document.sections:
        if section.clause == dropped:
            continue
        blocks = []
        for block in section.blocks:
            words = block.text.split(" ")
            for index in range(len(words)):
                if rng.random() < share:
                    words[index] = rng.choice(REPLACEMENTS)
            blocks.append(replace(block, runs=(Run(" ".join(words)),)))
        sections.append(replace(section, blocks=tuple(blocks)))
    return replace(document, sections=tuple(sections))


def word_count(document: Document) -> int:
    return sum(len(b.text.split()) for s in document.sections for b in s.blocks)


def as_section_list(document: Document) -> list[Section]:
    return list(document.sections)
