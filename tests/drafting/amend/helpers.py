"""Shared by the amend tests: a spec over existing law, and both readings of a .docx."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx

from drafting.amend.ordinance import AmendingOrdinance, reading, section_lines_of
from drafting.render.amendment import LEGEND
from tests.model_seed import MODEL_LOCALITY

LOCALITY = MODEL_LOCALITY
CORPUS = Path(__file__).resolve().parents[1] / "lint" / "real_corpus"


def amend_spec(text: str, **existing: Any) -> dict[str, Any]:
    return {
        "format": "ordinance-spec/2",
        "edition": "cpd-2026-council",
        "locality": dict(LOCALITY),
        "existing": {"text": text, **existing},
    }


def corpus_text(name: str) -> str:
    """A real provision's text (the lines after its header's `---`)."""
    return (CORPUS / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]


def assert_readings_exact(ordinance: AmendingOrdinance) -> None:
    """Dropping inserted words gives the existing section, dropping deleted words the
    section as amended, line for line, for every instruction."""
    for instruction in ordinance.instructions:
        old = section_lines_of(instruction.old) if instruction.old else []
        new = section_lines_of(instruction.new) if instruction.new else []
        assert reading(instruction.lines, "existing") == old
        assert reading(instruction.lines, "target") == new


def docx_readings(data: bytes) -> list[tuple[list[str], list[str]]]:
    """From a rendered amending ordinance: per instruction, (existing lines, target lines),
    read from the run formatting (struck runs dropped / underlined runs dropped)."""
    document = docx.Document(io.BytesIO(data))
    out: list[tuple[list[str], list[str]]] = []
    started = False
    for paragraph in document.paragraphs:
        text = paragraph.text
        if text == LEGEND:
            started = True
            continue
        if not started:
            continue
        if re.match(r"^Section \d+\. ", text) and not paragraph.paragraph_format.left_indent:
            out.append(([], []))
            continue
        old = "".join(r.text for r in paragraph.runs if not r.font.underline)
        new = "".join(r.text for r in paragraph.runs if not r.font.strike)
        if old:
            out[-1][0].append(old)
        if new:
            out[-1][1].append(new)
    return out
