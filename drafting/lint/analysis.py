"""What each sentence does with information: the facts the §1373 rules and the scorecard read. Pure.

For each sentence: the operators ("shall not", "may", "nothing ... prohibits"),
the verbs that move or gather information, and the objects (status, broad
categories, release dates ...). Each object is tied to the verbs that act on
it, and the polarity at those verbs says whether the text restricts them:

    >>> facts = sentence_facts("No agent shall disclose information regarding "
    ...                        "the citizenship or immigration status of any person.")
    >>> [r.mention.text for r in facts.status]
    ['citizenship or immigration status']

A list item's first sentence continues its lead-in ("shall not do any of the
following:"), so it inherits the lead-in's polarity. Everything is computed
once per document (`analyse`), and the rules share it.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from drafting.document import Block, Document
from drafting.lint import patterns as p
from drafting.lint.sentences import Sentence, document_sentences

Polarity = Literal["restrict", "permit", "require", ""]
Pattern = re.Pattern[str] | p.Scanner

# Verbs that name a transfer of information by themselves; weaker ones
# ("provide", "make") count only with an information noun ("provide information").
_STRONG_SEND = (
    "shar", "disclos", "disseminat", "divulg", "communicat", "exchang", "transmi", "send", "sent",
    "furnish", "reveal",
)  # fmt: skip
_CLAUSE_WORD = re.compile(
    r"\b(?:where|when|whether|if|even|unless|who|which|while|because|is|are|was|were|has|have|had)\b"
)
_SELF_CURE = re.compile(
    r"\b(?:except|unless|subject\s+to|notwithstanding|other\s+than\s+as)\b[^;]{0,80}?\b1373\b"
)


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Restriction:
    """An object (status, personal information, ...) and the restricted verbs acting on it."""

    mention: Span
    verbs: tuple[Span, ...]

    @property
    def moves(self) -> bool:
        return any(v.kind != "collect" for v in self.verbs)


@dataclass
class Facts:
    """What one sentence does; see the module docstring."""

    text: str
    low: str = ""  # `text` with ASCII letters lowered: what the patterns match
    words: list[tuple[int, str]] = field(default_factory=list)
    sentence: Sentence | None = None
    recital: bool = False
    definition: bool = False
    operators: list[Span] = field(default_factory=list)
    inherited: Polarity = ""
    status: list[Restriction] = field(default_factory=list)
    dont_ask: list[Restriction] = field(default_factory=list)
    broad: list[Restriction] = field(default_factory=list)
    limited: list[Restriction] = field(default_factory=list)
    excludes_status: bool = False
    hedges: list[Span] = field(default_factory=list)
    self_cured: bool = False
    savings_scope: str = ""  # "document" or "section" when this sentence is a savings clause
    refuses_detainers: bool = False

    def polarity_at(self, position: int) -> Polarity:
        """The polarity of the last operator before `position` (else the lead-in's)."""
        kind: Polarity = self.inherited
        for op in self.operators:
            if op.end > position:
                break
            kind = op.kind  # type: ignore[assignment]
        return kind

    def finditer(self, pattern: Pattern):
        if isinstance(pattern, p.Scanner):
            return pattern.finditer(self.low, self.words)
        return pattern.finditer(self.low)

    def search(self, pattern: Pattern) -> re.Match[str] | None:
        return next(iter(self.finditer(pattern)), None)

    def restricted(self, pattern: Pattern) -> re.Match[str] | None:
        """The first match of `pattern` that the sentence restricts ("shall not ...")."""
        for match in self.finditer(pattern):
            if self.polarity_at(match.start()) == "restrict":
                return match
        return None

    @property
    def flagged(self) -> bool:
        """Restricts status information, or may (a broad restriction that does not exclude it)."""
        return bool(self.status or (self.broad and not self.excludes_status))


# -- building blocks (all offsets into facts.text; patterns match facts.low) ---


def _spans(text: str, matches, kind: str = "") -> list[Span]:
    return [
        Span(kind or m.lastgroup or "", m.start(), m.end(), text[m.start() : m.end()])
        for m in matches
    ]


def _operators(text: str, matches) -> list[Span]:
    spans = _spans(text, matches)
    return [Span("permit", s.start, s.end, s.text) if s.kind == "permitneg" else s for s in spans]


def _mentions(text: str, status, broad, limited) -> list[Span]:
    found = _spans(text, status, "status") + _spans(text, broad, "broad")
    found += [Span(f"limited:{s.kind}", s.start, s.end, s.text) for s in _spans(text, limited)]
    found.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in found:  # a status mention inside "release status" wins over the limited one
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _clusters(low: str, verbs: list[Span], breaks: list[int]) -> list[list[Span]]:
    """Verbs acting together ("gather or disseminate"); an object or operator splits them."""
    clusters: list[list[Span]] = []
    for verb in verbs:
        if clusters:
            last = clusters[-1][-1]
            gap = low[last.end : verb.start]
            if (
                len(gap) <= 80
                and ";" not in gap
                and not any(last.end <= b < verb.start for b in breaks)
            ):
                clusters[-1].append(verb)
                continue
        clusters.append([verb])
    return clusters


def _effective(cluster: list[Span], gap: str, mention: Span) -> tuple[Span, ...]:
    """The cluster's verbs that can take this object: weak verbs ("provide") need an info noun."""
    info = mention.kind != "status" or bool(p.INFO_NOUN.search(gap))
    return tuple(
        v for v in cluster if v.kind == "collect" or info or v.text.lower().startswith(_STRONG_SEND)
    )


def _associate(low: str, mentions: list[Span], verbs: list[Span], clusters: list[list[Span]]):
    """Yield (mention, verbs) for each object some verbs act on.

    An object takes the verbs just before it; an object in a list ("contact
    information, release dates") takes the verbs of the object before it; a
    passive subject ("status ... shall not be disclosed") takes the verbs after.
    """
    previous: tuple[Span, list[Span]] | None = None
    for mention in mentions:
        cluster = None
        if previous is not None:
            between = low[previous[0].end : mention.start]
            if (
                len(between) <= 80
                and ";" not in between
                and not _CLAUSE_WORD.search(between)
                and not any(previous[0].end <= v.start < mention.start for v in verbs)
            ):
                cluster = previous[1]
        if cluster is None:
            cluster = _preceding(low, mention, clusters) or _following(low, mention, clusters)
        if cluster is None:
            previous = None
            continue
        previous = (mention, cluster)
        gap = low[cluster[-1].end : mention.start] if cluster[-1].end <= mention.start else ""
        acting = _effective(cluster, gap, mention)
        if acting:
            yield mention, acting


def _preceding(low: str, mention: Span, clusters: list[list[Span]]) -> list[Span] | None:
    before = [c for c in clusters if c[-1].end <= mention.start]
    if not before:
        return None
    cluster = before[-1]
    gap = low[cluster[-1].end : mention.start]
    if ";" in gap or p.BASIS.search(gap) or _CLAUSE_WORD.search(gap):
        return None
    if len(gap) > 40 and not p.INFO_NOUN.search(gap):
        return None
    return cluster


def _following(low: str, mention: Span, clusters: list[list[Span]]) -> list[Span] | None:
    for cluster in clusters:
        if cluster[0].start >= mention.end:
            between = low[mention.end : cluster[0].start]
            if len(between) <= 80 and ";" not in between and p.PASSIVE_BEFORE.search(between):
                return cluster
            return None
    return None


def _excluded(low: str, mention: Span) -> bool:
    return bool(p.EXCLUDED_BEFORE.search(low, max(0, mention.start - 90), mention.start))


def _basis(low: str, mention: Span) -> bool:
    return bool(p.BASIS_BEFORE.search(low, max(0, mention.start - 60), mention.start))


def _savings_scope(facts: Facts, verbs: list[Span]) -> str:
    low = facts.low
    if not ("1373" in low or "status" in low) or not p.SAVINGS_OPENER.search(low):
        return ""
    moves = any(v.kind in ("send", "receive", "keep") for v in verbs)
    if not (p.CITES_1373.search(low) or (facts.search(p.STATUS) and moves)):
        return ""
    scope = p.SCOPE.search(low)
    noun = (scope.group("a") or scope.group("b") or "") if scope else ""
    return "section" if noun in p.NARROW_SCOPES else "document"


def sentence_facts(text: str, *, inherited: Polarity = "") -> Facts:
    """The facts of one sentence (see the module docstring)."""
    low = p.lower(text)
    facts = Facts(text=text, low=low, words=p.words(low), inherited=inherited)
    facts.recital = bool(p.RECITAL.match(low))
    facts.definition = bool(p.DEFINITION.match(low))
    if facts.recital:
        return facts
    operators, verb_matches, status, broad, limited, detainers = p.CORE.scan(low, facts.words)
    facts.operators = _operators(text, operators)
    mentions = _mentions(text, status, broad, limited)
    verbs = [  # "release" in "release dates" is part of the object
        v
        for v in _spans(text, verb_matches)
        if not any(m.start <= v.start < m.end for m in mentions)
    ]
    facts.savings_scope = _savings_scope(facts, verbs)
    breaks = [m.start for m in mentions] + [o.start for o in facts.operators]
    clusters = _clusters(low, verbs, breaks)
    facts.excludes_status = any(m.kind == "status" and _excluded(low, m) for m in mentions)
    for mention, acting in _associate(low, mentions, verbs, clusters):
        if facts.polarity_at(acting[0].start) != "restrict":
            continue
        restriction = Restriction(mention, acting)
        if mention.kind == "status":
            if _excluded(low, mention) or _basis(low, mention):
                continue
            (facts.status if restriction.moves else facts.dont_ask).append(restriction)
        elif restriction.moves:
            (facts.broad if mention.kind == "broad" else facts.limited).append(restriction)
    _confidentiality(facts, mentions)
    if facts.flagged:
        facts.hedges = _spans(text, facts.finditer(p.HEDGE), "hedge")
        facts.self_cured = bool(_SELF_CURE.search(low))
    facts.refuses_detainers = bool(detainers) and _refuses_detainers(facts)
    return facts


def _confidentiality(facts: Facts, mentions: list[Span]) -> None:
    """ "Status information shall be kept confidential" restricts sharing it, with no verb."""
    if "confidential" not in facts.low:
        return
    duty = p.CONFIDENTIAL_DUTY.search(facts.low)
    if duty is None or facts.polarity_at(duty.start()) == "permit":
        return
    keep = (Span("send", duty.start(), duty.end(), facts.text[duty.start() : duty.end()]),)
    for mention in mentions:
        if mention.kind == "status" and not (
            _excluded(facts.low, mention) or _basis(facts.low, mention)
        ):
            if not any(r.mention == mention for r in facts.status):
                facts.status.append(Restriction(mention, keep))
        elif mention.kind == "broad" and not any(r.mention == mention for r in facts.broad):
            facts.broad.append(Restriction(mention, keep))


def _refuses_detainers(facts: Facts) -> bool:
    if any(facts.polarity_at(m.start()) == "restrict" for m in facts.finditer(p.DETAINER_VERB)):
        return True
    return any(facts.polarity_at(m.start()) != "permit" for m in facts.finditer(p.REFUSE_VERB))


# -- the whole document -------------------------------------------------------


@dataclass
class Analysis:
    document: Document
    facts: list[Facts]
    stems: dict[int, Block] = field(default_factory=dict)  # id(block) -> its lead-in block

    @functools.cached_property
    def savings(self) -> list[Facts]:
        return [f for f in self.facts if f.savings_scope]

    def cure_for(self, facts: Facts) -> Facts | None:
        """The savings clause that covers this sentence (itself, when it cites § 1373)."""
        if facts.self_cured:
            return facts
        for saving in self.savings:
            if saving.savings_scope == "document":
                return saving
            assert saving.sentence and facts.sentence
            if saving.sentence.section_index == facts.sentence.section_index:
                return saving
        return None

    @property
    def assembled(self) -> bool:
        """Assembled from the clause library (so a fix can include a clause)."""
        return bool(self.document.clause_versions)

    @functools.cached_property
    def noun(self) -> str:
        """What the document calls itself ("ordinance", "policy", ...); "ordinance" by default."""
        counts = Counter(m.group(1) for f in self.facts for m in _NOUN.finditer(f.low))
        return counts.most_common(1)[0][0] if counts else "ordinance"


_NOUN = re.compile(r"\bthis\s+(ordinance|policy|chapter|act|resolution|order)\b")


def _tail_polarity(block: Block, last: dict[int, Facts], stems: dict[int, Block]) -> Polarity:
    """The polarity at the end of a lead-in block, following its own lead-ins."""
    seen = 0
    while block is not None and seen < 50:
        facts = last.get(id(block))
        if facts is not None and facts.operators:
            return facts.operators[-1].kind  # type: ignore[return-value]
        block = stems.get(id(block))  # type: ignore[assignment]
        seen += 1
    return ""


# The last document analysed (per thread), so that every rule of one lint run,
# and a scorecard right after it, share one analysis.
_last = threading.local()


def forget() -> None:
    """Drop the shared analysis: the next `analyse` starts afresh (`lint` does this)."""
    _last.entry = None


def analyse(document: Document) -> Analysis:
    """Facts for every sentence of the document, computed once and shared by the rules."""
    cached = getattr(_last, "entry", None)
    if cached is not None and cached[0] is document:
        return cached[1]
    sentences = document_sentences(document)
    stems = {id(s.block): s.stem for s in sentences if s.stem is not None}
    last: dict[int, Facts] = {}
    facts_list: list[Facts] = []
    for sentence in sentences:
        inherited: Polarity = ""
        if sentence.stem is not None:
            inherited = _tail_polarity(sentence.stem, last, stems)
        facts = sentence_facts(sentence.text, inherited=inherited)
        facts.sentence = sentence
        last[id(sentence.block)] = facts
        facts_list.append(facts)
    analysis = Analysis(document, facts_list, stems)
    _last.entry = (document, analysis)
    return analysis
