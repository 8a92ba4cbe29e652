"""The rule engine: findings as data, rules as small objects, one function to run them. Pure.

    >>> from drafting.document import Document
    >>> @rule("strength-untitled", "info")
    ... def untitled(document):
    ...     if not document.title:
    ...         yield Finding("strength-untitled", "info", "The ordinance has no title.")
    >>> [f.to_dict()["message"] for f in run(Document(title="", sections=()), [untitled])]
    ['The ordinance has no title.']

A rule has an `id`, a `severity` and `check(document)`, which yields findings.
Rule ids start with `1373-` (compliance with 8 U.S.C. § 1373), `strength-`
(protectiveness advisories) or `state-` (state-law notes). `lint()` runs the
default rule set, or the one it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from drafting.budget import tick
from drafting.document import Document

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Fix:
    """A mechanical fix.

    kinds:
    - "include-clause": add library clause `clause` to the draft (assembled drafts);
    - "insert-text": add `text` as a new section at the end (outside documents);
    - "replace-text": replace `target` with `text` within the finding's sentence.
    """

    kind: Literal["include-clause", "insert-text", "replace-text"]
    description: str
    clause: str = ""
    text: str = ""
    target: str = ""

    def to_dict(self) -> dict[str, str]:
        data = {"kind": self.kind, "description": self.description}
        for key in ("clause", "text", "target"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data


@dataclass(frozen=True)
class Finding:
    """One finding: which rule, how serious, where exactly, why, and how to fix it.

    `limb` names the part of 8 U.S.C. § 1373 a `1373-` finding is about
    ("§ 1373(b)(2): maintaining"), so a lawyer can check it against the statute.
    `start`/`end` are character offsets of `sentence` within the text of the
    block `block` (its key), so `block.text[start:end] == sentence`. A finding
    about the whole document (e.g. "no public reporting") has an empty
    section, block and sentence, and start == end == 0.
    """

    rule: str
    severity: Severity
    message: str
    section: str = ""
    clause: str = ""
    block: str = ""
    sentence: str = ""
    start: int = 0
    end: int = 0
    authority: str = ""
    fix: Fix | None = None
    limb: str = ""  # for § 1373 findings: which part of the statute the text touches

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "section": self.section,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "authority": self.authority,
            "limb": self.limb,
        }
        if self.fix is not None:
            data["fix"] = self.fix.to_dict()
        return data


class Rule(Protocol):
    id: str
    severity: Severity

    def check(self, document: Document) -> Iterable[Finding]: ...


@dataclass(frozen=True)
class FunctionRule:
    """A plain function `check(document)` as a rule (see `rule`)."""

    id: str
    severity: Severity
    function: Callable[[Document], Iterable[Finding]]

    def check(self, document: Document) -> Iterable[Finding]:
        return self.function(document)


def rule(id: str, severity: Severity) -> Callable[[Callable], FunctionRule]:
    """Decorator: a function that yields findings becomes a rule (example above)."""
    return lambda function: FunctionRule(id, severity, function)


def run(document: Document, rules: Sequence[Rule]) -> list[Finding]:
    """Run `rules` over `document`; findings in document order, most severe first."""
    order = {}
    for position, (_section, block) in enumerate(document.blocks()):
        order.setdefault(block.key, position)
    findings = []
    for each in rules:
        tick()
        findings += each.check(document)
    return sorted(
        findings,
        key=lambda f: (
            order.get(f.block, -1) if f.block else -1,
            f.start,
            SEVERITY_RANK[f.severity],
            f.rule,
        ),
    )


def most_severe_first(findings: Iterable[Finding]) -> list[Finding]:
    """Errors, then warnings, then notes; document order kept within each (a stable sort)."""
    return sorted(findings, key=lambda f: SEVERITY_RANK[f.severity])


def verdict(findings: Iterable[Finding]) -> Literal["error", "warning", "compliant"]:
    """The § 1373 verdict: "error", "warning" (ambiguous) or "compliant".

    Only `1373-` findings count; strength advisories and state notes do not.
    """
    severities = {f.severity for f in findings if f.rule.startswith("1373-")}
    if "error" in severities:
        return "error"
    if "warning" in severities:
        return "warning"
    return "compliant"
