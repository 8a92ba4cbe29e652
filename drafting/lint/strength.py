"""Strength advisories: how protective the text is, not whether it complies. Pure.

Sources: CPD (2017), "Detainer Discretion Policies" (key considerations 1–4,
"ICE Notification Requests"); Local Progress checklist; NIPNLG toolkit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafting.document import Block, Document
from drafting.lint import patterns as p
from drafting.lint.analysis import Analysis, Facts, analyse
from drafting.lint.base import (
    DocumentRule,
    SentenceRule,
    include_clause_fix,
    quote,
    sentence_finding,
)
from drafting.lint.engine import Finding, Fix


def _compile(pattern: str) -> re.Pattern[str]:
    """Lower-case patterns, matched against lowered text (see patterns.py)."""
    return re.compile(pattern, re.X)


# A warrant used as the standard ("unless ICE presents a warrant"), with the
# words between the trigger and "warrant" captured to see if they qualify it.
_WARRANT = _compile(
    r"""\b(?:unless|absent|without|with|upon|pursuant\s+to|supported\s+by|accompanied\s+by
    |ha(?:s|ve)|present(?:s|ed|ing)?|demonstrat(?:es|ed|ing)|obtain(?:s|ed)?|produc(?:es|ed)
    |show(?:s|n)?|is|are|by)\s+
    (?P<np>(?:(?!warrants?\b)[^\s;,.]+\s+){0,6}?)(?P<word>warrants?)\b"""
)
_QUALIFIER = _compile(
    r"""\b(?:judicial|criminal|judge|court|magistrate|administrative|immigration|civil|removal
    |deportation|such|said|the|that|this|those|these|its|their|his|her|search)\b"""
)
_DETERMINER = _compile(r"\b(?:a|an|any|such|said|the|that|this|those|these|its|their)\b")
_QUALIFIED_AFTER = _compile(
    r"""^\s*(?:(?:signed|issued|approved|authori[sz]ed)\s+by\s+(?:an?\s+|the\s+)?(?:federal\s+|state\s+)?
    (?:judge|magistrate|court|judicial)|of\s+(?:removal|deportation|arrest)
    |for\s+(?:\w+\s+){0,3}(?:civil|immigration))"""
)

_DETAINER_CONTEXT = _compile(
    rf"(?:{p.DETAINER.pattern.pattern})|(?:{p.NOTIFICATION.pattern})|\bhono(?:u)?r\w*"
)
_EXCEPTION_CUE = _compile(
    r"""\b(?:unless|except|if|where|when|provided|so\s+long\s+as|only|notwithstanding
    |discretion)\b|\b(?:may|will|shall)\s+(?:be\s+)?hono(?:u)?r"""
)
_CONDITION_CUE = _compile(
    r"""\b(?:unless|so\s+long\s+as|provided\s+that|only\s+(?:if|when|where)|if\s+there\s+is
    |on\s+(?:the\s+)?condition|conditioned)\b"""
)
CONVICTION = _compile(r"\bconvict(?:ed|ion|ions)\b|\bfelon(?:y|ies|s)?\b")
_GANG = _compile(r"\bgang\b")
_REIMBURSE = _compile(r"\breimburs\w*")

_REPORTING = _compile(
    r"""\b(?:publish\w*|post(?:s|ed)?|report(?:s|ed|ing)?|make\s+public|publicly\s+available
    |submit\w*\s+(?:a\s+|an\s+)?(?:\w+\s+)?report)\b"""
)
_REPORT_CONTENT = _compile(
    r"\b(?:number|numbers|total|statistics|data|count)\b[^.;]{0,80}?\b(?:requests?|detainers?|holds?|ice)\b"
)
ENFORCEMENT = _compile(
    r"""\bcomplaints?\b|\bprivate\s+right\s+of\s+action\b|\bcivil\s+action\b|\bcause\s+of\s+action\b
    |\bbring\s+an?\s+action\b|\bdisciplin\w*|\ballegations?\s+of\s+violations?\b|\binjunctive\b
    |\battorney['’]s\s+fees\b|\boversight\b"""
)
_ORDINANCE = _compile(
    r"""\bbe\s+it\s+(?:ordained|enacted)\b|\bhereby\s+(?:ordain|enact)\w*|\bdo(?:es)?\s+(?:hereby\s+)?(?:ordain|enact)\b
    |\bis\s+hereby\s+enacted\b|\bthis\s+ordinance\s+(?:shall|is)\b|\bnothing\s+in\s+this\s+ordinance\b"""
)
_POLICY_FORM = _compile(
    r"""\bnot\s+legally\s+binding\b|\bbe\s+it\s+(?:further\s+)?resolved\b|\bexecutive\s+order\b
    |\bpolicy\s+manual\b|\bthis\s+(?:\[[^\]]*\]\s*/?)?policy\b"""
)
UMBRELLA = _compile(
    r"""\b(?:expend|use|spend)\w*\s+(?:[^\s;.]+\s+){0,6}?(?:time|funds|resources|moneys|monies|personnel)\b"""
)

CPD_SEED = "seeds/cpd-protecting-immigrant-communities-2017.txt"
CARVE_OUT_AUTHORITY = (
    "CPD (2017), “Developing a Robust Detainer Discretion Policy: Key Considerations”, no. 2 "
    "(“The ordinance should not exclude people with criminal convictions, or people who appear "
    f"in law enforcement databases that attempt to track gang activity”; {CPD_SEED}); "
    "Local Progress checklist (“should not make exceptions on the basis of prior criminal "
    "convictions”)"
)


class UnqualifiedWarrant(SentenceRule):
    id = "strength-unqualified-warrant"
    severity = "warning"
    authority = (
        "CPD (2017), “Detainer Discretion Policies”, key consideration 3; "
        "sample trust policy § 2 c, e (“a criminal warrant signed by a judge”)"
    )

    def inspect(self, facts: Facts, analysis: Analysis):
        if facts.recital or facts.definition or "warrant" not in facts.low:
            return None
        for match in _WARRANT.finditer(facts.low):
            # the noun phrase: from its last determiner ("unless ICE presents a valid warrant")
            start = match.start("np")
            determiners = list(_DETERMINER.finditer(facts.low, start, match.start("word")))
            if determiners:
                start = determiners[-1].start()
            if _QUALIFIER.search(facts.low, start, match.start("word")):
                continue
            if _QUALIFIED_AFTER.match(facts.low, match.end()):
                continue
            np, word = facts.text[start : match.start("word")], match.group("word")
            target = np + word
            message = (
                f"“{quote(target)}” does not say which warrant. ICE’s own administrative forms are "
                "called warrants but are issued by immigration officers, not judges. Require a "
                "judicial warrant (issued by a federal judge or magistrate judge on probable "
                "cause) or a judicial criminal warrant."
            )
            fix = Fix(
                "replace-text",
                "Require a judicial warrant.",
                text=f"{np}judicial {word}",
                target=target,
            )
            return message, fix
        return None


class _CarveOut(SentenceRule):
    """A sentence that lets holds (or notifications) go ahead for some people.

    A warning, not a note: CPD's guide counts carve-outs among the key ways a
    detainer policy is weakened (key consideration 2), and the scorecard
    weighs them as their own criterion.
    """

    severity = "warning"
    pattern: re.Pattern[str]
    cue: re.Pattern[str] = _EXCEPTION_CUE
    message = ""

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        seen: set[int] = set()  # one finding per section: the first sentence that has it
        for facts in analysis.facts:
            if facts.recital or facts.definition or not facts.search(self.pattern):
                continue
            chain = _stem_chain(analysis, facts)
            context = p.lower(" ".join([*(b.text for b in chain), facts.text]))
            if not (_DETAINER_CONTEXT.search(context) and self.cue.search(context)):
                continue
            assert facts.sentence is not None
            if facts.sentence.section_index in seen:
                continue
            seen.add(facts.sentence.section_index)
            yield sentence_finding(self, facts, self.message)


def _stem_chain(analysis: Analysis, facts: Facts) -> list[Block]:
    chain: list[Block] = []
    stem = facts.sentence.stem if facts.sentence else None
    while stem is not None and len(chain) < 20:
        chain.insert(0, stem)
        stem = analysis.stems.get(id(stem))
    return chain


class ConvictionCarveOut(_CarveOut):
    id = "strength-conviction-carve-out"
    authority = CARVE_OUT_AUTHORITY
    pattern = CONVICTION
    message = (
        "Carve-out for people with criminal convictions. CPD: a past conviction “has no bearing "
        "on the legality of the detainer request itself” (the Fourth Amendment still requires "
        "probable cause of a new crime), and people with convictions are the most likely to be "
        "detained and the least likely to have a lawyer in immigration court. CPD recommends "
        "no such exception."
    )


class GangCarveOut(_CarveOut):
    id = "strength-gang-carve-out"
    authority = CARVE_OUT_AUTHORITY
    pattern = _GANG
    message = (
        "Carve-out for people listed in gang databases. CPD: appearing in such a database “has "
        "no bearing on the legality of complying with an ICE hold request”, and the methods "
        "used to make the designations “have been shown to be over-inclusive, unsupported by "
        "evidence, and sometimes retaliatory”. CPD recommends no such exception."
    )


class ReimbursementCondition(_CarveOut):
    id = "strength-reimbursement-condition"
    authority = (
        "CPD (2017), “Developing a Robust Detainer Discretion Policy: Key Considerations”, "
        f"note ix ({CPD_SEED}); Cook County Sec. 46-37(a)"
    )
    pattern = _REIMBURSE
    cue = _CONDITION_CUE
    message = (
        "The protection depends on the federal government not paying: holds are refused only "
        "while no reimbursement agreement exists. That worked while reimbursement was not on "
        "offer, but a future administration may decide to pay. Refuse holds outright."
    )


class NotificationGap(SentenceRule):
    """Holds refused, release notifications not (reported at the first refusal)."""

    id = "strength-notification-gap"
    severity = "warning"
    authority = (
        f"CPD (2017), “ICE Notification Requests” ({CPD_SEED}: limits on them are “a crucial "
        "part of any strong sanctuary policy”); ILRC, Local Options, notice of release date"
    )

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        holds = next((f for f in analysis.facts if f.refuses_detainers), None)
        if holds is None or notification_coverage(analysis) is not None:
            return
        message = (
            "Holds are refused, but nothing stops officials from telling ICE when a person will "
            "be released (notification requests, Form I-247N). A notification can still lead to "
            "detention while the jail waits for ICE. Cover notification requests too, e.g. in "
            "the definition of “immigration detainer”."
        )
        yield sentence_finding(self, holds, message)


def notification_coverage(analysis: Analysis) -> Facts | None:
    """The sentence that keeps release dates from ICE, if any.

    Covered by restricting release information, by refusing notification
    requests, by a detainer definition that includes them (the CPD model), or
    by a ban on spending resources on immigration enforcement (CPD: Cook County
    and Santa Clara "cover" notifications that way).
    """
    umbrella = None
    for facts in analysis.facts:
        if facts.recital:
            continue
        if any(r.mention.kind == "limited:release" for r in facts.limited):
            return facts
        if facts.refuses_detainers and facts.search(p.NOTIFICATION):
            return facts
        if facts.definition and facts.search(p.DETAINER) and facts.search(p.NOTIFICATION):
            return facts
        if umbrella is None and "immigration" in facts.low and facts.restricted(UMBRELLA):
            umbrella = facts
    return umbrella


class NoReporting(DocumentRule):
    id = "strength-no-reporting"
    authority = "CPD (2017), “Detainer Discretion Policies”, key consideration 4"

    def inspect(self, analysis: Analysis):
        if reporting_sentence(analysis) is not None:
            return None
        message = (
            "No public reporting. Require a regular public report (CPD: quarterly, on the "
            "public website) of the number of ICE requests received and honored, so the public "
            "can see whether the law is followed."
        )
        return message, include_clause_fix(analysis, "reporting", "Include the reporting section.")


def reporting_sentence(analysis: Analysis) -> Facts | None:
    """The first duty to report or publish, in a section that counts ICE requests."""
    counts = {
        id(section): bool(_REPORT_CONTENT.search(p.lower(" ".join(b.text for b in section.blocks))))
        for section in analysis.document.sections
    }
    for facts in analysis.facts:
        if facts.recital or facts.sentence is None or not counts[id(facts.sentence.section)]:
            continue
        if any(facts.polarity_at(m.start()) != "restrict" for m in facts.finditer(_REPORTING)):
            return facts
    return None


class NoEnforcement(DocumentRule):
    id = "strength-no-enforcement"
    authority = (
        "CPD (2017), “Policies to Reduce Criminal Justice System Entanglement” (“a mechanism for "
        "oversight and enforcement”); Local Progress checklist"
    )

    def inspect(self, analysis: Analysis):
        if any(f.search(ENFORCEMENT) for f in analysis.facts if not f.recital):
            return None
        message = (
            "No complaint or enforcement mechanism. Let anyone who alleges a violation file a "
            "complaint with a named body that must investigate and report, as Cook County "
            "Sec. 46-37(d) does."
        )
        return message, include_clause_fix(
            analysis, "complaints", "Include the complaints and enforcement section."
        )


class NotOrdinance(DocumentRule):
    id = "strength-not-ordinance"
    authority = "CPD (2017), “Developing a Robust Detainer Discretion Policy: Key Considerations”"

    def inspect(self, analysis: Analysis):
        texts = _texts(analysis)
        if is_ordinance(analysis):
            return None
        kind = analysis.document.kind
        if kind not in NOT_LAW and not (
            _POLICY_FORM.search(" ".join(texts)) or "policy" in texts[0]
        ):
            return None
        what = NOT_LAW.get(kind, "an administrative policy or resolution")
        message = (
            f"This reads as {what}, not an ordinance. A policy is easier to change or ignore; "
            "enacting the rules by ordinance makes them harder to overturn and gives them the "
            "force of law."
        )
        return message, None


def _texts(analysis: Analysis) -> list[str]:
    document = analysis.document
    texts = [p.lower(document.title), *(p.lower(s.heading) for s in document.sections)]
    return texts + [f.low for f in analysis.facts]


# Kinds of document that are enacted law (a code chapter is an ordinance as codified)
# and kinds that are not (see `Document.kind`).
ENACTED = frozenset({"ordinance", "code-chapter", "statute"})
NOT_LAW = {
    "resolution": "a resolution",
    "executive-order": "an executive order",
    "policy": "an administrative policy",
}


def is_ordinance(analysis: Analysis) -> bool:
    """Enacted law: an ordinance, a code chapter or a statute, by its kind or its words
    ("BE IT ORDAINED", "this ordinance shall ...")."""
    kind = analysis.document.kind
    if kind in ENACTED:
        return True
    if kind in NOT_LAW:
        return False
    return any(_ORDINANCE.search(t) for t in _texts(analysis))


STRENGTH_RULES = (
    UnqualifiedWarrant(),
    ConvictionCarveOut(),
    GangCarveOut(),
    ReimbursementCondition(),
    NotificationGap(),
    NoReporting(),
    NoEnforcement(),
    NotOrdinance(),
)
