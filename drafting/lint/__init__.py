"""The compliance lint and the protectiveness scorecard. Pure: no Django.

    >>> from drafting.parse import parse_text
    >>> document = parse_text("Section 1. Privacy.\\nOfficers shall not share "
    ...                       "confidential information, except as required by law.")
    >>> findings = lint(document, state="California")
    >>> [f.rule for f in findings if f.rule.startswith("1373-")]
    ['1373-broad-restriction', '1373-hedge']
    >>> verdict(findings)
    'warning'
    >>> card = scorecard(document)
    >>> card.score < card.max_score
    True

See engine.py (findings, rules), rules_1373.py, strength.py, state_law.py and
scorecard.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting.document import Document
from drafting.lint.analysis import forget
from drafting.lint.engine import Finding, Fix, Rule, Severity, rule, run, verdict
from drafting.lint.rules_1373 import RULES_1373
from drafting.lint.scorecard import Criterion, Scorecard, scorecard
from drafting.lint.state_law import StateLaw
from drafting.lint.strength import STRENGTH_RULES
from drafting.state_law import StateLawEntry

__all__ = [
    "Criterion",
    "Finding",
    "Fix",
    "Rule",
    "Scorecard",
    "Severity",
    "default_rules",
    "lint",
    "rule",
    "scorecard",
    "verdict",
]


def default_rules(state: str | StateLawEntry | None = None) -> list[Rule]:
    """The § 1373 rules, the strength advisories and (given a state) its state-law findings."""
    return [*RULES_1373, *STRENGTH_RULES, StateLaw(state)]


def lint(
    document: Document,
    *,
    state: str | StateLawEntry | None = None,
    rules: Sequence[Rule] | None = None,
) -> list[Finding]:
    """Findings for `document`, in document order.

    `state` selects the state's law (the IR has no state field): a name, postal
    code or abbreviation, or an entry the caller looked up; `rules`
    replaces the default rule set entirely (then `state` is not used). The
    rules share one analysis of the document, computed afresh on each call (a
    `scorecard` of the same document right after reuses it).
    """
    forget()
    return run(document, default_rules(state) if rules is None else rules)
