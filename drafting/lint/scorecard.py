"""The protectiveness scorecard: each criterion met / partial / missing, with where. Pure.

Criteria from CPD (2017), "Policies to Reduce Criminal Justice System
Entanglement" ("An ideal sanctuary city policy has the following
characteristics and components") and the Local Progress checklist ("An ideal
sanctuary city policy will prohibit ..."). Met scores 2, partial 1, missing 0,
times the criterion's weight. Refusing holds and having no carve-outs weigh
double: they are the first two of CPD's "Key Considerations" for a detainer
policy, and the Local Progress checklist makes "no exceptions on the basis of
prior criminal convictions" an item of its own, so a carve-out costs the
points of both (it weakens the policy substantially, not by one point).

    >>> from drafting.parse import parse_text
    >>> card = scorecard(parse_text("Section 1. Detainers.\\nThe Sheriff shall not detain "
    ...                             "any person on the basis of an ICE detainer request."))
    >>> [(c.id, c.status) for c in card.criteria][:3]
    [('detainers', 'met'), ('carve-outs', 'met'), ('notifications', 'missing')]
    >>> f"{card.score}/{card.max_score}"
    '8/32'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from drafting.budget import tick
from drafting.document import Document
from drafting.lint import strength
from drafting.lint.analysis import Analysis, Facts, analyse

Status = Literal["met", "partial", "missing"]
POINTS: dict[str, int] = {"met": 2, "partial": 1, "missing": 0}
CPD = "CPD (2017), “Policies to Reduce Criminal Justice System Entanglement”"
LOCAL_PROGRESS = (
    "Local Progress, An End to the Co-optation of Local Law Enforcement, “Best Practices”"
)


@dataclass(frozen=True)
class Criterion:
    """One criterion's result, and the sentence that meets it (if any)."""

    id: str
    label: str
    status: Status
    note: str
    source: str
    section: str = ""
    clause: str = ""
    block: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0
    weight: int = 1

    @property
    def points(self) -> int:
        return POINTS[self.status] * self.weight

    @property
    def max_points(self) -> int:
        return POINTS["met"] * self.weight

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "status": self.status,
            "points": self.points,
            "max_points": self.max_points,
            "weight": self.weight,
            "note": self.note,
            "source": self.source,
            "section": self.section,
            "clause": self.clause,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Scorecard:
    criteria: tuple[Criterion, ...]

    @property
    def score(self) -> int:
        return sum(c.points for c in self.criteria)

    @property
    def max_score(self) -> int:
        return sum(c.max_points for c in self.criteria)

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.criteria if c.id == criterion_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "max_score": self.max_score,
            "criteria": [c.to_dict() for c in self.criteria],
        }


# -- finding the evidence -----------------------------------------------------

Evidence = tuple[Status, Facts | None, str]


def _compile(pattern: str) -> re.Pattern[str]:
    """Lower-case patterns, matched against lowered text (see patterns.py)."""
    return re.compile(pattern, re.X)


def _restricting(analysis: Analysis, pattern: re.Pattern[str], context=None) -> Facts | None:
    """The first operative sentence that restricts `pattern` (with `context` in it, if given)."""
    for facts in analysis.facts:
        if facts.recital or (context is not None and not facts.search(context)):
            continue
        if facts.restricted(pattern):
            return facts
    return None


def _requiring(analysis: Analysis, pattern: re.Pattern[str]) -> tuple[Facts | None, Facts | None]:
    """(first sentence that requires `pattern`, first that only permits it)."""
    required = permitted = None
    for facts in analysis.facts:
        if facts.recital:
            continue
        for match in facts.finditer(pattern):
            polarity = facts.polarity_at(match.start())
            if polarity == "require" and required is None:
                required = facts
            elif polarity == "permit" and permitted is None:
                permitted = facts
    return required, permitted


def _found(facts: Facts | None, met: str, missing: str) -> Evidence:
    return ("met", facts, met) if facts else ("missing", None, missing)


_FEDERAL = _compile(r"\b(?:ice|cbp|uscis|dhs|immigration|federal)\b")
_CONDITIONAL_HONOR = _compile(r"\bhono(?:u)?r\w*\b[^.;]{0,120}?\bdetainer")


_NOTICE = _compile(r"\bnoti(?:ce|fy|fication)")


def _weaknesses(analysis: Analysis, *, notifications: bool) -> list[str]:
    """Carve-outs and loose warrants, in sentences about holds (or about notifications)."""
    found = []
    for rule, why in (
        (strength.ConvictionCarveOut(), "a conviction carve-out"),
        (strength.GangCarveOut(), "a gang-database carve-out"),
        (strength.ReimbursementCondition(), "a reimbursement condition"),
        (strength.UnqualifiedWarrant(), "an unqualified “warrant”"),
    ):
        for finding in rule.check(analysis.document):
            if bool(_NOTICE.search(finding.sentence.lower())) == notifications:
                found.append(why)
                break
    return found


def _carve_outs(analysis: Analysis) -> Evidence:
    """None met; one kind of carve-out partial; two or more kinds missing."""
    found: list[tuple[str, Facts | None]] = []
    for rule, why in (
        (strength.ConvictionCarveOut(), "criminal convictions"),
        (strength.GangCarveOut(), "gang databases"),
        (strength.ReimbursementCondition(), "a reimbursement condition"),
    ):
        finding = next(iter(rule.check(analysis.document)), None)
        if finding is not None:
            found.append((why, _facts_of(analysis, finding)))
    if not found:
        if not any(f.refuses_detainers for f in analysis.facts):
            return "missing", None, "Nothing refuses holds, so there is no protection yet."
        return "met", None, "No carve-outs for convictions, gang databases or reimbursement."
    kinds = ", ".join(why for why, _ in found)
    status: Status = "partial" if len(found) == 1 else "missing"
    return status, found[0][1], f"Carve-outs weaken the protection: {kinds}."


def _facts_of(analysis: Analysis, finding) -> Facts | None:
    return next(
        (
            f
            for f in analysis.facts
            if f.sentence is not None
            and f.sentence.block.key == finding.block
            and f.sentence.start == finding.start
        ),
        None,
    )


def _detainers(analysis: Analysis) -> Evidence:
    refusal = next((f for f in analysis.facts if f.refuses_detainers), None)
    weaknesses = _weaknesses(analysis, notifications=False)
    if refusal and not weaknesses:
        return "met", refusal, "Holds on ICE detainers and administrative warrants are refused."
    if refusal:
        return "partial", refusal, f"Holds are refused, but with {', '.join(weaknesses)}."
    honoring = next(
        (f for f in analysis.facts if not f.recital and f.search(_CONDITIONAL_HONOR)), None
    )
    if honoring and weaknesses:
        return "partial", honoring, f"Detainers are honored only with {', '.join(weaknesses)}."
    return "missing", None, "Nothing refuses holds on ICE detainers or administrative warrants."


def _notifications(analysis: Analysis) -> Evidence:
    facts = strength.notification_coverage(analysis)
    if facts is None:
        return "missing", None, "Nothing limits telling ICE when a person will be released."
    weaknesses = _weaknesses(analysis, notifications=True)
    if weaknesses:
        note = f"Release notifications are limited, but with {', '.join(weaknesses)}."
        return "partial", facts, note
    return "met", facts, "Release-date notifications to ICE are limited."


def _personal_information(analysis: Analysis) -> Evidence:
    broad = next((f for f in analysis.facts if f.broad), None)
    if broad:
        return "met", broad, "Sharing personal non-public information is restricted."
    limited = next((f for f in analysis.facts if f.limited), None)
    if limited:
        kinds = sorted({r.mention.kind.split(":")[1] for r in limited.limited})
        return "partial", limited, f"Only some information is protected ({', '.join(kinds)})."
    return "missing", None, "Nothing restricts sharing personal information with ICE."


def _status_inquiry(analysis: Analysis) -> Evidence:
    for facts in analysis.facts:
        if facts.dont_ask or any(v.kind == "collect" for r in facts.status for v in r.verbs):
            return "met", facts, "Inquiring into or gathering immigration status is prohibited."
    return "missing", None, "Nothing stops officials from asking about immigration status."


_NCIC = _compile(
    r"""\b(?:arrest|detain|custody)\w*\b[^;]{0,200}?\b(?:ncic|national\s+crime\s+information\s+center
    |civil\s+immigration\s+warrants?)"""
)


def _ncic(analysis: Analysis) -> Evidence:
    return _found(
        _restricting(analysis, _NCIC),
        "Arrests on immigration information in the NCIC database are prohibited.",
        "Nothing stops arrests on civil immigration entries in the NCIC database.",
    )


_ACCESS = _compile(r"\baccess\b|\binterview\w*|\buse\s+(?:\w+\s+){0,2}facilities\b")
_ADVISORY = _compile(r"\bconsent\s+form\b|\binterview\s+is\s+voluntary\b")


def _jail_access(analysis: Analysis) -> Evidence:
    facts = _restricting(analysis, _ACCESS, _FEDERAL)
    if facts:
        return "met", facts, "ICE access to jails and people in custody is restricted."
    advisory = next((f for f in analysis.facts if f.search(_ADVISORY)), None)
    if advisory:
        note = "ICE interviews are voluntary, but ICE access is not restricted."
        return "partial", advisory, note
    return "missing", None, "Nothing limits ICE access to jails or people in custody."


_JOINT = _compile(
    r"""\b(?:participat\w*|assist\w*|joint\w*|cooperat\w*)\b[^.;]{0,120}?
    \b(?:operations?|raids?|task\s+forces?|sweeps?|enforcement\s+(?:actions?|activities))\b"""
)


def _joint_operations(analysis: Analysis) -> Evidence:
    facts = _restricting(analysis, _JOINT, _FEDERAL)
    if facts:
        return "met", facts, "Joint operations with immigration authorities are prohibited."
    umbrella = _restricting(analysis, strength.UMBRELLA, _FEDERAL)
    if umbrella:
        note = "Only the general ban on spending resources covers joint operations."
        return "partial", umbrella, note
    return "missing", None, "Nothing prohibits joint operations with immigration authorities."


_CONTRACTS = _compile(
    r"""\b(?:contracts?|agreements?|arrangements?|igsas?)\b[^.;]{0,150}?
    \b(?:detain\w*|detention|house|housing|beds?)\b|\bintergovernmental\s+service\s+agreements?\b"""
)


def _detention_contracts(analysis: Analysis) -> Evidence:
    return _found(
        _restricting(analysis, _CONTRACTS),
        "Contracts to detain immigrants in local jails are prohibited.",
        "Nothing prohibits contracts to hold immigrants for ICE (IGSAs).",
    )


_287G = _compile(
    r"""287\s*\(g\)|1357\s*\(g\)|\bdeputi[sz]\w*|\bfunctions\s+of\s+an\s+immigration\s+officer
    |\bimmigration\s+enforcement\s+authority"""
)


def _deputizing(analysis: Analysis) -> Evidence:
    return _found(
        _restricting(analysis, _287G),
        "287(g) agreements and deputizing officers as immigration agents are prohibited.",
        "Nothing prohibits 287(g) agreements or deputizing local officers.",
    )


_PROFILING = _compile(
    r"""\bprofil\w*|\brely\b[^.;]{0,40}?\b(?:up)?on\b[^.;]{0,200}?\b(?:race|ethnicity|national\s+origin)\b"""
)
_NO_BEARING = _compile(r"\b(?:race|ethnicity|national\s+origin)\b[^.]{0,200}?\bno\s+bearing\b")


def _profiling(analysis: Analysis) -> Evidence:
    facts = _restricting(analysis, _PROFILING)
    if facts is None:
        facts = next((f for f in analysis.facts if f.search(_NO_BEARING)), None)
    return _found(
        facts,
        "Bias-based profiling is prohibited.",
        "No anti-profiling provision.",
    )


_PROSECUTORS = _compile(r"\bconsider\b[^.]{0,120}?\bimmigration\s+consequences\b")


def _prosecutors(analysis: Analysis) -> Evidence:
    required, permitted = _requiring(analysis, _PROSECUTORS)
    if required:
        return "met", required, "Prosecutors must consider immigration consequences."
    if permitted:
        note = "Prosecutors may, but need not, consider immigration consequences."
        return "partial", permitted, note
    return "missing", None, "Nothing asks prosecutors to consider immigration consequences."


_COMMISSION = _compile(r"\bcommission\b[^.]{0,200}?\bimplement\w*")


def _oversight(analysis: Analysis) -> Evidence:
    mechanism = next(
        (
            f
            for f in analysis.facts
            if not f.recital and (f.search(strength.ENFORCEMENT) or f.search(_COMMISSION))
        ),
        None,
    )
    ordinance = strength.is_ordinance(analysis)
    if mechanism and ordinance:
        return "met", mechanism, "Complaints or enforcement are provided for, in enacted law."
    not_law = strength.NOT_LAW.get(analysis.document.kind)
    if mechanism:
        where = f"in {not_law}" if not_law else "not in an ordinance"
        return "partial", mechanism, f"There is an enforcement mechanism, but {where}."
    if ordinance:
        kind = KIND_NAMES.get(analysis.document.kind, "An ordinance")
        return "partial", None, f"{kind}, but with no complaint or enforcement mechanism."
    what = f"it is {not_law}" if not_law else "not an ordinance"
    return "missing", None, f"No enforcement mechanism, and {what}."


KIND_NAMES = {"ordinance": "An ordinance", "code-chapter": "A code chapter", "statute": "A statute"}


_PUBLIC = _compile(r"\b(?:public|website|web\s+site|publish\w*|post\w*|agenda)\b")


def _reporting(analysis: Analysis) -> Evidence:
    facts = strength.reporting_sentence(analysis)
    if facts is None:
        return "missing", None, "No regular report on ICE requests."
    if facts.search(_PUBLIC):
        return "met", facts, "Regular public reports on ICE requests are required."
    return "partial", facts, "Reports are required, but not published."


KEY_CONSIDERATIONS = (
    "CPD (2017), “Developing a Robust Detainer Discretion Policy: Key Considerations”, no. 2; "
    "Local Progress checklist (“should not make exceptions on the basis of prior criminal "
    "convictions”)"
)

CRITERIA: tuple[tuple[str, str, str, Callable[[Analysis], Evidence]], ...] = (
    ("detainers", "No holds on ICE detainers or administrative warrants", CPD, _detainers),
    ("carve-outs", "No carve-outs (convictions, gang databases, reimbursement)",
     KEY_CONSIDERATIONS, _carve_outs),
    ("notifications", "No release-date notifications to ICE", LOCAL_PROGRESS, _notifications),
    ("personal-information", "No sharing of other personal non-public information", CPD,
     _personal_information),
    ("status-inquiry", "No inquiring into or gathering immigration status", CPD, _status_inquiry),
    ("ncic", "No arrests on NCIC immigration entries", CPD, _ncic),
    ("jail-access", "No ICE access to jails or people in custody", CPD, _jail_access),
    ("joint-operations", "No joint operations with immigration authorities", CPD,
     _joint_operations),
    ("detention-contracts", "No contracts to detain immigrants (IGSAs)", CPD, _detention_contracts),
    ("287g", "No 287(g) agreements or deputizing", CPD, _deputizing),
    ("profiling", "Anti-profiling provision covering all police activity", CPD, _profiling),
    ("prosecutors", "Prosecutors consider immigration consequences", CPD, _prosecutors),
    ("oversight", "Oversight and enforcement, codified as an ordinance", CPD, _oversight),
    ("reporting", "Regular public reporting on ICE requests",
     "CPD (2017), “Detainer Discretion Policies”, key consideration 4", _reporting),
)  # fmt: skip


# Criteria that count double (see the module docstring).
WEIGHTS: dict[str, int] = {"detainers": 2, "carve-outs": 2}


def scorecard(document: Document) -> Scorecard:
    """Score `document` against the criteria (see the module docstring)."""
    analysis = analyse(document)
    results = []
    for criterion_id, label, source, check in CRITERIA:
        tick()
        status, facts, note = check(analysis)
        where: dict[str, Any] = {}
        if facts is not None and facts.sentence is not None:
            sentence = facts.sentence
            where = {
                "section": sentence.section.title,
                "clause": sentence.block.clause or sentence.section.clause,
                "block": sentence.block.key,
                "sentence": sentence.text,
                "start": sentence.start,
                "end": sentence.end,
            }
        weight = WEIGHTS.get(criterion_id, 1)
        results.append(Criterion(criterion_id, label, status, note, source, weight=weight, **where))
    return Scorecard(tuple(results))
