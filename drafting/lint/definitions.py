"""Defined terms, followed as a lawyer follows them. Pure.

A restriction on "confidential information" reaches exactly what the document
defines that term to be. So the lint reads each definition once and classes it:

- "status": the definition names citizenship or immigration status (the
  restriction is a restriction on status information);
- "excludes": the definition, or a separate sentence ("'Personal information'
  does not include ..."), keeps status out (the restriction passes);
- "open": an open-ended definition ("includes, but is not limited to") that
  does not exclude status (the restriction can still reach it);
- "closed": a closed list of items, none of them status (it passes).

    >>> defs = find_definitions(['“Personal information” means name, address and '
    ...                          'citizenship or immigration status.'])
    >>> defs.kind("personal information")
    'status'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafting.lint import patterns as p

DefinitionKind = str  # "status" | "excludes" | "open" | "closed"

# "“Confidential information” means ..." or, unquoted, "Sensitive information: means ...".
_PREFIX = r"""(?:\(?[a-z0-9]{1,4}[.)]\s*)?
    (?:(?:as\s+used\s+in|for\s+(?:the\s+)?purposes?\s+of)\s+[^,]{0,60},\s*)?
    (?:the\s+(?:term|phrase|words?)\s+)?"""
_QUOTED = re.compile(
    r"""^\s*"""
    + _PREFIX
    + r"""[“"‘'](?P<term>[^”"’']{2,60})[”"’']\s*,?\s*
    (?:\(or\s+[^)]*\)\s*)?
    # "'Personal information,' as used in this ordinance, means"
    (?:as\s+used\s+in\s+this\s+[a-z]+(?:\s+[a-z]+)?\s*,?\s*)?(?P<verb>means|shall\s+mean|refers?\s+to|shall\s+refer\s+to|includes?
    |shall\s+include|(?:does|shall)\s+not\s+include|excludes?|has\s+the\s+(?:same\s+)?meaning)\b""",
    re.X,
)
# A statute's list of terms after "the following terms mean:": the term, a comma, then
# what it means ('"Sanctuary policy", any municipality's order or ordinance that: ...').
_COMMA = re.compile(
    r"""^\s*"""
    + _PREFIX
    + r"""[“"‘'](?P<term>[^”"’']{2,60})[”"’']\s*,\s+(?=(?:a|an|any|all|each|every)\s)""",
    re.X,
)
_PLAIN = re.compile(
    r"""^\s*"""
    + _PREFIX
    + r"""(?P<term>[a-z][a-z\- ]{1,50}?)\s*:?\s*
    (?P<verb>means|shall\s+mean|(?:does|shall)\s+not\s+include)\b""",
    re.X,
)
# What every verb of _QUOTED, _PLAIN and _COLON contains ("means", "refers to", "includes",
# "excludes", "has the same meaning"): a sentence without one defines nothing by them.
_DEFINING_VERBS = ("mean", "refer", "includ", "exclud")
# A clause, not a term, before "means": "here is what it means", "this is how it means".
_NOT_A_TERM = re.compile(r"\b(?:what|how|it|is|are|was|were|this)\b")
# "Personal Identifying Information: Includes place of birth, ...": a term, a colon, then
# "Includes" or "Means".
_COLON = re.compile(
    r"""^\s*""" + _PREFIX + r"""(?P<term>[a-z][a-z\- ]{1,50}?)\s*:\s*(?P<verb>includes?|means)\b""",
    re.X,
)
_INFO_TERM = re.compile(r"\b(?:information|data|records?|files?|identifiers?)\b")
_EXCLUDES = re.compile(r"\b(?:does|shall)\s+not\s+include|\bexclud\w*|\bexcept\b|\bother\s+than\b")
_OPEN = re.compile(r"\binclud(?:e|es|ing)\b|\bany\s+information\b|\bsuch\s+as\b")


@dataclass(frozen=True)
class Definition:
    term: str
    kind: DefinitionKind
    index: int  # the defining sentence's index in the list given to `find_definitions`


@dataclass
class Definitions:
    """Terms for information a document defines, and how each stands to status."""

    terms: dict[str, Definition] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None

    def kind(self, term: str) -> DefinitionKind:
        definition = self.terms.get(term)
        return definition.kind if definition else ""


def classify(text: str, *, exclusion: bool = False) -> DefinitionKind:
    """How a definition's text stands to status (see the module docstring)."""
    low = p.lower(text)
    status = [m for m in p.STATUS.finditer(low, p.words(low))]
    if status and (exclusion or any(_EXCLUDES.search(low, 0, m.start()) for m in status)):
        return "excludes"
    if status:
        return "status"
    return "open" if _OPEN.search(low) else "closed"


def defined_term(text: str) -> tuple[str, str] | None:
    """(term, verb) when the sentence defines a term, e.g. ("sanctuary policy", "means")."""
    low = p.lower(text)
    match = None
    if any(verb in low for verb in _DEFINING_VERBS):
        match = _QUOTED.match(low) or _PLAIN.match(low) or _COLON.match(low)
    if match is not None and _NOT_A_TERM.search(match["term"]):
        match = None  # "Here is what it means to be a sanctuary campus:" defines nothing
    if match is None:
        comma = _COMMA.match(low)
        return (" ".join(comma["term"].split()), "means") if comma else None
    return " ".join(match["term"].strip(" ,.;:").split()), " ".join(match["verb"].split())


def find_definitions(texts: Sequence[str]) -> Definitions:
    """The information terms defined in `texts` (a definition's text includes its list items).

    A later separate exclusion ("does not include ... status") overrides the
    definition it qualifies.
    """
    found = Definitions()
    for index, text in enumerate(texts):
        defined = defined_term(text)
        if defined is None:
            continue
        term, verb = defined
        if not _INFO_TERM.search(term):
            continue
        exclusion = "not" in verb.split() or verb.startswith("exclud")
        kind = classify(text, exclusion=exclusion)
        if exclusion and kind != "excludes":
            continue  # "does not include aggregate data": says nothing of status
        if term in found.terms and found.terms[term].kind == "excludes":
            continue
        found.terms[term] = Definition(term, kind, index)
    if found.terms:
        alternatives = "|".join(
            re.escape(t).replace(r"\ ", r"\s+") for t in sorted(found.terms, key=len, reverse=True)
        )
        found.pattern = re.compile(rf"\b(?:{alternatives})\b")
    return found


def normalise(term_text: str) -> str:
    return " ".join(p.lower(term_text).split())
