"""Shared shapes for the built-in rules: per-sentence and whole-document rules. Pure."""

from __future__ import annotations

from collections.abc import Iterator

from drafting.document import Document
from drafting.lint.analysis import Analysis, Facts, analyse
from drafting.lint.engine import Finding, Fix, Severity

SAVINGS_CLAUSE_SLUG = "savings-clause"
SAVINGS_TEXT = (
    "Nothing in this {noun} prohibits or restricts any government entity or official from "
    "sending to, or receiving from, federal immigration authorities information regarding the "
    "citizenship or immigration status, lawful or unlawful, of an individual, or from requesting "
    "from federal immigration authorities immigration status information, lawful or unlawful, of "
    "any individual, or maintaining or exchanging that information with any other federal, "
    "state, or local government entity, pursuant to 8 U.S.C. §§ 1373 and 1644."
)
# Every channel § 1373(a) and (b) protect, in the words of Cal. Gov. Code § 7284.6(e) as
# chaptered: a savings clause cures only the verbs it names. (The library's clause up to
# version 2, SB 54 § 7284.6(f) as amended in January 2017, names only sending and receiving;
# version 3, in the current edition, uses these words.)


class SentenceRule:
    """A rule that looks at one sentence's facts at a time."""

    id: str = ""
    severity: Severity = "info"
    authority: str = ""

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        for facts in analysis.facts:
            result = self.inspect(facts, analysis)
            if result is not None:
                message, fix = result
                yield sentence_finding(self, facts, message, fix, limb=self.limb(facts, analysis))

    def inspect(self, facts: Facts, analysis: Analysis) -> tuple[str, Fix | None] | None:
        raise NotImplementedError

    def limb(self, facts: Facts, analysis: Analysis) -> str:
        """The part of § 1373 a finding on this sentence is about ("" if none)."""
        return ""


class DocumentRule:
    """A rule about the document as a whole (something missing from it)."""

    id: str = ""
    severity: Severity = "info"
    authority: str = ""

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        result = self.inspect(analysis)
        if result is not None:
            message, fix = result
            yield Finding(self.id, self.severity, message, authority=self.authority, fix=fix)

    def inspect(self, analysis: Analysis) -> tuple[str, Fix | None] | None:
        raise NotImplementedError


def sentence_finding(
    rule, facts: Facts, message: str, fix: Fix | None = None, *, limb: str = ""
) -> Finding:
    sentence = facts.sentence
    assert sentence is not None
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=message,
        section=sentence.section.title,
        clause=sentence.block.clause or sentence.section.clause,
        block=sentence.block.key,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        authority=rule.authority,
        fix=fix,
        limb=limb,
    )


def include_clause_fix(analysis: Analysis, slug: str, description: str) -> Fix | None:
    """Include a library clause, for assembled drafts only."""
    return Fix("include-clause", description, clause=slug) if analysis.assembled else None


def savings_fix(analysis: Analysis) -> Fix | None:
    """Include the library's savings clause (drafts) or insert the full one (outside text).

    None when a draft already includes the clause: including it again changes
    nothing, so what is left (e.g. maintaining, which the library's clause does
    not name) needs the drafter's own words.
    """
    noun = analysis.noun
    text = SAVINGS_TEXT.format(noun=noun)
    if analysis.assembled:
        if analysis.document.section(SAVINGS_CLAUSE_SLUG) is not None:
            return None
        return Fix(
            "include-clause",
            "Include the § 1373 savings clause (“Compliance with federal law”).",
            clause=SAVINGS_CLAUSE_SLUG,
            text=text,
        )
    return Fix("insert-text", f"Add a § 1373 savings clause at the end of the {noun}.", text=text)


def quote(text: str, limit: int = 110) -> str:
    """A short quotation for a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
