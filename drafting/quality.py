"""Text quality checks: does an assembled draft read as a careful drafter wrote it? Pure.

Each check is a small function `(Reading) -> list[Problem]` registered in
`CHECKS`; a new class of defect is one more function (and its test, a text it
catches). `read_document` turns an assembled document into a `Reading`;
`Reading.from_text` builds one from plain lines, for the checks' own tests.

    >>> reading = Reading.from_text("No the City of Springfield officer shall rely on it.",
    ...                             name="Springfield", locality_type="city")
    >>> [p.check for p in run_checks(reading)]
    ['misplaced_article', 'name_as_adjective']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from drafting.document import Document
from drafting.grammar import Instrument, LocalityName, Title
from drafting.library import ClauseText
from drafting.spec import DraftSpec


@dataclass(frozen=True)
class Line:
    """One heading or block of the draft, with the clause it came from."""

    text: str
    clause: str = ""
    kind: str = "text"  # "heading" | "text" | "definition"
    section: str = ""  # the section's clause slug (items of §II come from several clauses)


@dataclass(frozen=True)
class Problem:
    check: str
    excerpt: str
    clause: str = ""

    def __str__(self) -> str:
        where = f" [{self.clause}]" if self.clause else ""
        return f"{self.check}{where}: …{self.excerpt}…"


@dataclass(frozen=True)
class Reading:
    """What the checks read: the lines, the locality's names and the draft's choices."""

    lines: tuple[Line, ...]
    place: LocalityName
    titles: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    included: frozenset[str] = frozenset()
    # First-level item labels of each section ("A", "(a)"), when known.
    labels: Mapping[str, frozenset[str]] = field(default_factory=dict)
    instrument: Instrument = field(default_factory=lambda: Instrument.parse("ordinance"))

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        name: str = "Springfield",
        locality_type: str = "city",
        titles: Iterable[str] = ("Chief of Police",),
        options: Mapping[str, Any] | None = None,
        included: Iterable[str] = (),
        clause: str = "",
        labels: Iterable[str] | None = None,
        instrument: str = "ordinance",
    ) -> Reading:
        """Lines of plain text; a line in capitals is a heading, a line opening with
        a quoted term and "means" a definition."""
        lines = []
        for raw in text.splitlines():
            raw = raw.strip()
            if not raw:
                continue
            kind = "text"
            if raw.isupper():
                kind = "heading"
            elif _DEFINITION.match(raw):
                kind = "definition"
            lines.append(Line(raw, clause, kind, clause))
        return cls(
            tuple(lines),
            LocalityName.parse(name, locality_type),
            tuple(titles),
            dict(options or {}),
            frozenset(included),
            {clause: frozenset(labels)} if labels is not None else {},
            Instrument.parse(instrument),
        )

    def texts(self, *kinds: str) -> Iterable[Line]:
        kinds = kinds or ("heading", "text", "definition")
        return (line for line in self.lines if line.kind in kinds)


def read_document(
    document: Document,
    *,
    place: LocalityName,
    titles: Iterable[Title | str] = (),
    options: Mapping[str, Any] | None = None,
    instrument: Instrument | None = None,
) -> Reading:
    lines = []
    labels: dict[str, frozenset[str]] = {}
    for section in document.sections:
        lines.append(Line(section.heading, section.clause, "heading", section.clause))
        for block in section.blocks:
            definition = section.clause == "definitions" and bool(_DEFINITION.match(block.text))
            kind = "definition" if definition else "text"
            lines.append(Line(block.text, block.clause or section.clause, kind, section.clause))
        labels[section.clause] = frozenset(
            block.label.rstrip(".") for block in section.blocks if block.level == 1
        )
    if document.title:
        lines.insert(0, Line(document.title, "title", "heading"))
    return Reading(
        tuple(lines),
        place,
        tuple(str(t) for t in titles if str(t)),
        dict(options or {}),
        frozenset(document.clause_versions),
        labels,
        instrument or Instrument.parse("ordinance"),
    )


def _excerpt(text: str, match: re.Match, width: int = 30) -> str:
    start, end = max(match.start() - width, 0), min(match.end() + width, len(text))
    return text[start:end]


def _find(reading: Reading, pattern: re.Pattern, check: str, *kinds: str) -> list[Problem]:
    return [
        Problem(check, _excerpt(line.text, match), line.clause)
        for line in reading.texts(*kinds)
        for match in pattern.finditer(line.text)
    ]


# -- the checks ---------------------------------------------------------------

_DEFINITION = re.compile(r"^“([^”]+)” (?:means|shall mean|shall refer)")
Check = Callable[[Reading], list[Problem]]
CHECKS: dict[str, Check] = {}


def check(function: Check) -> Check:
    CHECKS[function.__name__] = function
    return function


@check
def misplaced_article(reading: Reading) -> list[Problem]:
    """An article where none belongs: "No the City of ...", "the Lake County"."""
    patterns = [r"\b(?:[Nn]o|[Aa]ny|[Ee]very|[Ee]ach|[Ii]ts|[Tt]heir|[Aa]n?) the\b"]
    if not reading.place.takes_the:
        # "the Lake County shall", but "the Lake County Sheriff" is a title.
        patterns.append(rf"\b[Tt]he {re.escape(reading.place.formal)}\b(?! [A-Z])")
    return _find(reading, re.compile("|".join(patterns)), "misplaced_article", "text")


_NOUNS = r"custody|officers?|employees?|agents?|agenc(?:y|ies)|facilities|offices"


@check
def name_as_adjective(reading: Reading) -> list[Problem]:
    """A formal name used as an adjective: "held in the City of Springfield custody"."""
    if not reading.place.takes_the:
        return []
    pattern = re.compile(rf"{re.escape(reading.place.formal)} (?:{_NOUNS})\b")
    return _find(reading, pattern, "name_as_adjective", "text")


@check
def doubled_article(reading: Reading) -> list[Problem]:
    """ "the the Sheriff", "a the ..."."""
    pattern = re.compile(r"\b(?:the|a|an) (?:the|a|an)\b", re.I)
    return _find(reading, pattern, "doubled_article")


@check
def title_without_article(reading: Reading) -> list[Problem]:
    """An office or body named without its article: "the approval of Chief of Police"."""
    problems = []
    for title in reading.titles:
        bare = re.sub(r"^the\s+", "", title, flags=re.I)
        if not bare or bare.isupper():
            continue
        pattern = re.compile(
            rf"(?:\b(?:of|to|with|by|from|for|and|or)|^|[.;:]) {re.escape(bare)}\b"
            rf"|^{re.escape(bare)}\b"
        )
        named = Reading(
            tuple(line for line in reading.lines if line.text != bare), reading.place
        )  # a list entry naming the office alone ("– Sheriff") is no sentence
        problems += _find(named, pattern, "title_without_article", "text")
    return problems


_PUNCTUATION = re.compile(r"\.\.(?!\.)|\.;|;\.|[,;:]\.|\.,|,,|;;|::|\s[.,;:](?!\d)|,;|;,")


@check
def doubled_punctuation(reading: Reading) -> list[Problem]:
    """ "warrant..", "warrant.;", "described in , the City", "Police ."."""
    return _find(reading, _PUNCTUATION, "doubled_punctuation")


_NUMBER_WORDS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_AGREEMENT = re.compile(
    rf"\b(?:one|1)(?: \(1\))? (?:days|years|months|weeks|languages)\b"
    rf"|\bthe one most\b"
    rf"|\b1 days’"
    rf"|\b(?:[2-9]|\d\d+|(?:{'|'.join(_NUMBER_WORDS)})(?:-\w+)?)(?: \(\d+\))? "
    rf"(?:day|year|month|week|language)\b(?!’s)"
)


@check
def number_agreement(reading: Reading) -> list[Problem]:
    """ "one (1) years", "thirty (30) day", "the one most commonly spoken languages"."""
    return _find(reading, _AGREEMENT, "number_agreement", "text")


# Words that contradict an option's choice, in the clause the option belongs to.
CONTRADICTIONS: tuple[tuple[str, Any, str, str], ...] = (
    (
        "private_right_of_action",
        "complaint-only",
        "bias-profiling",
        r"PRIVATE RIGHT OF ACTION|[Pp]rivate [Rr]ight of [Aa]ction|brings? an action|civil action"
        r"|prevailing plaintiff|against whom such action",
    ),
    ("warrant_standard", "categorical", "detainers", r"unless such request or warrant is"),
    ("warrant_standard", "judicial", "detainers", r"judicial criminal warrant"),
    ("warrant_standard", "judicial", "facility-access", r"judicial criminal warrant"),
)


@check
def contradicts_options(reading: Reading) -> list[Problem]:
    """A heading or item that says what the chosen option does not: "... PRIVATE RIGHT OF
    ACTION ESTABLISHED" with complaints only."""
    problems = []
    for key, value, clause, words in CONTRADICTIONS:
        if reading.options.get(key) != value:
            continue
        pattern = re.compile(words)
        for line in reading.texts("heading", "text"):
            if line.clause == clause:
                problems += [
                    Problem("contradicts_options", _excerpt(line.text, m), line.clause)
                    for m in pattern.finditer(line.text)
                ]
    return problems


# Words that only make sense when another clause is in the draft.
NEEDS_CLAUSE: dict[str, str] = {
    "u-visa": r"U visa certifications requested",
    "commission": r"\bthe Commission for Justice and Equity\b",
    "complaints": r"\bunder the complaint procedure of\b",
}
_ITEM_REF = re.compile(
    r"\bsub(?:section)s? ((?:[A-Z]|\([a-z]\))(?:(?:, | and )(?:[A-Z]|\([a-z]\)))*) of this "
    r"(?:[Ss]ection)\b"
)


@check
def reference_to_left_out(reading: Reading) -> list[Problem]:
    """Text that names a clause or item the draft leaves out: reporting item G counting
    U visa certifications with no U visa section; "subsection H" where there is no H."""
    problems = []
    for slug, words in NEEDS_CLAUSE.items():
        if reading.included and slug not in reading.included:
            problems += _find(reading, re.compile(words), "reference_to_left_out", "text")
    for line in reading.texts("text"):
        for match in _ITEM_REF.finditer(line.text):
            named = re.findall(r"[A-Z]|\([a-z]\)", match.group(1))
            section = reading.labels.get(line.section)
            if section is not None and not set(named) <= section:
                problems.append(
                    Problem("reference_to_left_out", _excerpt(line.text, match), line.clause)
                )
    return problems


# Other words the text uses for a defined term.
TERM_ALIASES = {
    "Immigration detainer": r"\bdetainers?\b",
    "Citizenship or immigration status": r"\bimmigration or citizenship status\b",
}


def _term_pattern(term: str) -> re.Pattern:
    """ "Verbal abuse" -> verbal\\w* abus\\w* (finds "verbally abusing"); acronyms exact."""
    if term.isupper():
        return re.compile(rf"\b{re.escape(term)}\b")
    words = [re.escape(w[:-1] if w.endswith("e") and len(w) > 3 else w) for w in term.split()]
    pattern = r"\b" + r"\w*\s+".join(words) + r"\w*"
    if term in TERM_ALIASES:
        pattern = f"{pattern}|{TERM_ALIASES[term]}"
    return re.compile(pattern, re.I)


@check
def defined_term_unused(reading: Reading) -> list[Problem]:
    """A definition of a term no other line of the draft uses."""
    body = "\n".join(line.text for line in reading.texts("text", "heading"))
    problems = []
    for line in reading.texts("definition"):
        term = _DEFINITION.match(line.text).group(1)
        others = "\n".join(d.text for d in reading.texts("definition") if d is not line)
        if not _term_pattern(term).search(body) and not _term_pattern(term).search(others):
            problems.append(Problem("defined_term_unused", term, line.clause))
    return problems


WARRANT_TERMS = ("judicial criminal warrant", "judicial warrant", "administrative warrant")


@check
def warrant_term_undefined(reading: Reading) -> list[Problem]:
    """A warrant term the text relies on with no definition ("judicial criminal warrant")."""
    defined = {
        _DEFINITION.match(line.text).group(1).lower() for line in reading.texts("definition")
    }
    problems = []
    for term in WARRANT_TERMS:
        if term in defined:
            continue
        pattern = re.compile(rf"\b{term}s?\b", re.I)
        problems += _find(reading, pattern, "warrant_term_undefined", "text")
    return problems


# A year in the past, not one in a citation ("Section 1983", "Title 18", "§ 631").
_STALE_YEAR = re.compile(
    r"(?<!Section )(?<!§ )(?<!Title )(?<!No\. )\b(?:19[5-9]\d|20(?:[01]\d|2[0-5]))\b"
)


@check
def stale_year(reading: Reading) -> list[Problem]:
    """A fixed year that has passed: "beginning the second quarter of 2017"."""
    return _find(reading, _STALE_YEAR, "stale_year", "text", "heading")


_SELF_NOUNS = ("ordinance", "bylaw", "resolution", "order", "policy")


@check
def self_reference(reading: Reading) -> list[Problem]:
    """The document calling itself another instrument: "as required by this order" in an
    ordinance, "this ordinance" in a bylaw."""
    others = [noun for noun in _SELF_NOUNS if noun != reading.instrument.noun]
    pattern = re.compile(rf"\b[Tt]his (?:{'|'.join(others)})\b", re.I)
    return _find(reading, pattern, "self_reference", "text", "definition")


_PLACEHOLDER = re.compile(r"\[[A-Za-z][^\]]*\]|\{\{|\}\}|\{%|%\}|\bNone\b|_{3,}")


@check
def unfilled_placeholder(reading: Reading) -> list[Problem]:
    """A blank the locality or an option should have filled: "[LOCALITY]", "{{", "None"."""
    return _find(reading, _PLACEHOLDER, "unfilled_placeholder")


def run_checks(reading: Reading, checks: Iterable[str] | None = None) -> list[Problem]:
    names = list(checks) if checks is not None else list(CHECKS)
    return [problem for name in names for problem in CHECKS[name](reading)]


_TITLE_FIELDS = (
    "legislative_body",
    "chief_law_enforcement_officer",
    "complaint_body",
    "commission_coordinator",
    "reporting_officer",
    "executive",
)


def check_spec(clauses: Sequence[ClauseText], spec: DraftSpec) -> list[Problem]:
    """Assemble the draft `spec` describes and run every check on it."""
    from drafting.assembly import assemble, resolve_options

    document = assemble(clauses, spec)
    locality = spec.locality
    reading = read_document(
        document,
        place=LocalityName.parse(locality.name, locality.type),
        titles=[getattr(locality, name) for name in _TITLE_FIELDS],
        options=resolve_options(clauses, spec.options),
        instrument=Instrument.parse(locality.instrument),
    )
    return run_checks(reading)
