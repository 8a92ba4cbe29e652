"""Appendix I of the CPD guide, read from the seed, for comparing with the library."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from drafting.library import ClauseText

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CPD_SEED = SEEDS / "cpd-protecting-immigrant-communities-2017.txt"

MODEL_LOCALITY = {
    "name": "Springfield",
    "type": "city",
    "state": "Illinois",
    "legislative_body": "City Council",
    "chief_law_enforcement_officer": "Chief of Police",
    "complaint_body": "Human Relations Commission",
    "commission_coordinator": "Office of the Mayor",
    "reporting_officer": "City Clerk",
    "languages": ["English", "Spanish"],
}
PLACEHOLDERS = {
    "[LOCALITY]": "Springfield",
    "[Locality]": "Springfield",
    "[ LOCALITY]": "Springfield",
    "[Chief law enforcement officer]": "Chief of Police",
    "[STATE]": "State of Illinois",
    "[governing legislative body]": "City Council",
    "[human rights commission, or appropriate administrative body]": "Human Relations Commission",
    "[Name of official or office]": "Office of the Mayor",
}
_SECTION = re.compile(r"^\s*(XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\)", re.M)


def normalise(text: str) -> str:
    return " ".join(text.split())


@cache
def appendix_one() -> str:
    text = CPD_SEED.read_text(encoding="utf-8")
    start = text.index("Appendix I: CPD Model Sanctuary Ordinance")
    start = text.index("\n", start) + 1
    end = text.index("Appendix II: Examples of strong")
    return text[start:end]


def corrected_model(clauses: list[ClauseText]) -> str:
    """Appendix I with every recorded correction applied and the blanks filled."""
    text = normalise(appendix_one())
    for clause in clauses:
        for correction in clause.corrections:
            source = normalise(correction.source)
            assert text.count(source) == 1, (clause.slug, correction.source)
            text = text.replace(source, normalise(correction.corrected))
    for placeholder, value in PLACEHOLDERS.items():
        text = text.replace(placeholder, value)
    return text


def model_sections(clauses: list[ClauseText]) -> dict[str, str]:
    """{"title": ..., "preamble": ..., "I": "I) DEFINITIONS ...", ...}"""
    text = corrected_model(clauses)
    # Section labels start a line in the seed; find them there, then cut the
    # normalised text at the same labels, in order.
    labels = [m.group(1) for m in _SECTION.finditer(appendix_one())]
    sections: dict[str, str] = {}
    position = 0
    cuts = []
    for label in labels:
        index = re.compile(rf"(?<![IVX]){label}\) ").search(text, position).start()
        cuts.append((label, index))
        position = index + 1
    head = text[: cuts[0][1]].strip()
    title, _, preamble = head.partition(" PURPOSE/PREAMBLE ")
    sections["title"] = title
    sections["preamble"] = f"PURPOSE/PREAMBLE {preamble}".strip()
    for (label, index), nxt in zip(cuts, [*cuts[1:], (None, len(text))], strict=True):
        sections[label] = text[index : nxt[1]].strip()
    return sections
