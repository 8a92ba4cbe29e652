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
following:", "The prohibition ... shall include:"), so it inherits the lead-in's
polarity; the items of a savings lead-in ("RCW 2.28.300 through 2.28.330 do not
limit or prohibit any officer from:") are savings clauses when they name the
channels. A recital restricts nothing, but one that reports a rule in force
("pursuant to Executive Order No. 170, it is the policy of the State that ...")
keeps what it reports apart (`reported`), for a warning. Everything is computed
once per document (`analyse`), and the rules share it.
"""

from __future__ import annotations

import functools
import re
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from drafting.budget import tick
from drafting.document import Block, Document
from drafting.lint import patterns as p
from drafting.lint.definitions import Definitions, defined_term, find_definitions, normalise
from drafting.lint.sentences import Sentence, document_sentences

Polarity = Literal["restrict", "permit", "require", ""]
Pattern = re.Pattern[str] | p.Scanner

# Verbs that name a transfer of information by themselves; weaker ones
# ("provide", "make") count only with an information noun ("provide information").
_STRONG_SEND = (
    "shar", "disclos", "disseminat", "divulg", "communicat", "exchang", "transmi", "send", "sent",
    "furnish", "reveal", "tell",
)  # fmt: skip
# A dash set off by spaces starts a clause of its own: "status does not affect your
# admission – we are an open enrollment institution, and students are accepted all year".
# (A dash around a phrase, "information – and your children's information – will not be
# shared", does not.)
_DASHED_CLAUSE = re.compile(r"\s(?:[–—]|--)\s+(?:we|they|you|it|he|she|i|there|this)\s")
_CLAUSE_WORD = re.compile(
    r"\b(?:where|when|whether|if|even|unless|who|which|while|because|is|are|was|were|has|have|had)\b"
)
# An exception that names § 1373 cures the sentence only when it leaves the
# statute's channels open ("except as permitted by 8 U.S.C. § 1373"); one for
# what the law "requires" never does, since § 1373 requires nothing.
_SELF_CURE = re.compile(
    r"""\b(?:except|unless|subject\s+to|notwithstanding|other\s+than\s+as)\b
    (?:(?!requir|mandat|compel|obligat|direct)[^;]){0,80}?\b1373\b""",
    re.X,
)
# The person's own refusal ("penalised for the refusal to provide information")
# is not a restriction on officials.
_PERSONS_REFUSAL = re.compile(
    r"\b(?:for|of|the|their|his|her)\s+(?:\w+\s+)?(?:refusal|failure|refusing|failing)\s+to\s+$"
    # "advise them that they have the right to refuse to disclose their ... status"
    r"|\bright\s+(?:to\s+(?:refuse|decline)\s+to|not\s+to)\s+$"
)
# Leaving an agency free to withhold: "the public body may decline to disclose the
# information". An officer's own discretion restricts no one; an agency's can, and so can
# one given to a body's workforce as a whole ("court personnel", "department staff"): the
# body's information then goes out only as its staff choose.
_BODY = r"""(?:body|bodies|agency|agencies|department|entity|entities|office|city|county|district
    |board|court)"""
_WITHHOLDER = rf"""\b{_BODY}(?:\s+(?:personnel|staff|employees))?"""
_MAY_WITHHOLD = re.compile(
    rf"""{_WITHHOLDER}\s+(?:may|can|(?:is|are)\s+(?:hereby\s+)?(?:permitted|authori[sz]ed|allowed)
    \s+to)\s+(?:\w+\s+)?(?:withhold\w*|(?:declin|refus)\w*\s+to\s+(?:disclose|share|provide
    |release|furnish|transmit|send|communicate|exchange))\b""",
    re.X,
)
# A policy releasing a body or its workforce from disclosing: "Court personnel are not required
# to disclose citizenship or immigration status information" leaves them free to withhold it,
# as "may decline to disclose" does. Not "there is no requirement to report" (a statement
# that the law imposes no duty, which gives no one a discretion the policy grants).
_NOT_REQUIRED = re.compile(
    rf"""{_WITHHOLDER}\s+(?:(?:(?:is|are)\s+not|(?:shall|will)
    \s+not\s+be)\s+(?:required|obligated|compelled)\s+to|need\s+not)\s+(?:disclose|share|provide
    |release|furnish|transmit|send|communicate|exchange|report)\b""",
    re.X,
)
# A limit on keeping after what is kept: "will request and retain information about
# immigration status only when needed to fulfill a legitimate court purpose".
_ONLY_WHEN = re.compile(
    r"""\s*,?\s*(?:[^\s,;.:]+\s+){0,3}?only\s+(?:when|if|where|while|for|as\s+long\s+as
    |to\s+the\s+extent|as\s+(?:needed|necessary|required))\b""",
    re.X,
)
# "... or any other such information": read as the kind of the items listed.
_SUCH_BEFORE = re.compile(r"\b(?:other\s+(?:such|similar|like)|such\s+other|similar)\s+$")
_SUCH_IN = re.compile(r"\b(?:other\s+)?(?:such|similar)\b")
_OTHER_BEFORE = re.compile(r"\bother\s+$")
# What may stand before an item's first word: spaces, a bullet, a dash, an opening bracket.
_BULLETS = " \t•·-–*("
# What a message is about, last in the words between it and status: "communicate with
# federal immigration authorities about a person's immigration status", "communication to
# an immigration agency ... concerning any student in reference to his or her ... status".
_TOPIC_TAIL = re.compile(
    r"\b(?:about|regarding|concerning|in\s+reference\s+to|with\s+regard\s+to|relating\s+to"
    r"|as\s+to)\b[^,;:.]{0,60}$"
)
_PROCESS_WORDS = ("warrant", "subpoena", "court order", "authoriz", "authoris", "approval")
_INFO_BEFORE = re.compile(
    r"\b(?:information|data|records?|details|files?)\s+(?:about|regarding|concerning|on|of"
    r"|as\s+to|relating\s+to|related\s+to|pertaining\s+to)\s+[^,;:.]{0,40}$"
    # status put into a category: "Personal data held by the library, including citizenship"
    r"|\b(?:information|data|records?|details|files?)\b[^;:.]{0,60},?\s+(?:including|such\s+as"
    r"|e\.g\.,?)\s+(?:(?:but\s+not\s+limited\s+to|without\s+limitation),?\s+)?[^;:.]{0,40}$"
)
_DELETED = re.compile(r"\(\([^()]{0,400}\)\)")
_NAMED_AS_STATUS = re.compile(r"\b(?:status|citizenship|presence)\b")
# A subordinate clause's opening word: what follows it has a subject of its own ("unless a
# criminal violation was reported"; "eligible to receive ... if the City is in violation of").
_SUBORDINATE = re.compile(
    r"\b(?:if|unless|when|whenever|where|whether|because|while|until|after|before|as\s+long\s+as)\b"
)
_QUOTE_CHARACTERS = '“”"„«»'
_QUOTES = str.maketrans(dict.fromkeys(_QUOTE_CHARACTERS, " "))
_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARACTERS}]")
# A permission whose object is a restriction: "agencies may include additional
# restrictions on ... communications regarding ... status".
_PERMITTED_RESTRICTION = re.compile(
    r"\b(?:may|can)\s+(?:\w+\s+){0,3}?(?:(?:additional|further|other)\s+)?"
    r"(?:restrictions?|limitations?|limits|prohibitions?)\s+on\b"
)
_DEFINED_ELSEWHERE = re.compile(r"\s*,?\s*(?:as\s+)?defined\s+(?:in|by|under)\b")


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Restriction:
    """An object (status, personal information, ...) and the restricted verbs acting on it.

    `defined` names the defined term that brought status in (or kept it out).
    """

    mention: Span
    verbs: tuple[Span, ...]
    defined: str = ""

    @property
    def limbs(self) -> tuple[str, ...]:
        """The parts of § 1373 the restricted verbs touch (see `LIMBS`)."""
        return tuple(dict.fromkeys(limb for v in self.verbs if (limb := verb_limb(v))))

    @property
    def moves(self) -> bool:
        return any(v.kind != "collect" for v in self.verbs)


# What each part of § 1373 protects: (a) sending to and receiving from federal
# immigration authorities (and (b)(1), which adds requesting); (b)(2) maintaining;
# (b)(3) exchanging with any other government entity.
LIMBS: dict[str, str] = {
    "a": "§ 1373(a), (b)(1): sending or receiving",
    "b1": "§ 1373(b)(1): requesting",
    "b2": "§ 1373(b)(2): maintaining",
    "b3": "§ 1373(b)(3): exchanging",
}
ALL_LIMBS = frozenset(LIMBS)


def verb_limb(verb: Span) -> str:
    """ "disclose" -> "a", "maintain" -> "b2", "exchange" -> "b3"; "" for gathering verbs."""
    word = verb.text.lower()
    if verb.kind == "keep":
        return "b2"
    if verb.kind == "request":
        return "b1"
    if word.startswith("exchang"):
        return "b3"
    if verb.kind in ("send", "receive"):
        return "a"
    return ""  # asking the person or gathering: § 1373 requires no collection


def describe_limbs(limbs) -> str:
    """ "§ 1373(a), (b)(1): sending or receiving; § 1373(b)(2): maintaining" """
    return "; ".join(LIMBS[limb] for limb in LIMBS if limb in limbs)


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
    # what cures it when it cures itself ("" for an exception that names § 1373)
    cured_by: str = ""
    savings_scope: str = ""  # "document" or "section" when this sentence is a savings clause
    savings_limbs: frozenset[str] = frozenset()  # the § 1373 limbs a savings clause keeps open
    savings_lead: str = ""  # "document"/"section": a savings lead-in whose items name the channels
    verbs: list[Span] = field(default_factory=list)  # every verb of moving or gathering information
    reported: list[Restriction] = field(default_factory=list)  # restrictions a recital reports
    urged: list[Restriction] = field(default_factory=list)  # restrictions it asks another to adopt
    names_status: bool = False  # it names status information (anaphors after it may refer)
    names_broad: bool = False  # it names a broad category of information about people
    # it names immigration enforcement (bare "information" in it, or right after it, is given
    # to them)
    names_immigration: bool = False
    refuses_detainers: bool = False
    may_withhold: list[Span] = field(default_factory=list)  # "may decline to disclose" status
    cleared: list[Restriction] = field(default_factory=list)  # defined terms that exclude status

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


_FAILING = ("fail", "refus", "declin")
# What may stand between an outer restriction and a failure or refusal it forbids: no new
# clause ("will not engage in any program or activity which would require a failure to").
_SAME_CLAUSE = re.compile(
    r"(?:(?!\b(?:shall|may|will|must|can|should|cannot|is|are|was|were)\b)[^;:.]){0,120}"
)
_ADJACENT = re.compile(r"\s+(?:(?:be|to|ever|otherwise|knowingly|intentionally)\s+){0,2}")
_RESTRICTING_START = re.compile(r"(?:prohibit|restrict|prevent|limit|bar|preclude|forbid)", re.I)
# What may stand between a negated restriction and a second verb it governs: its object,
# then "or to" (no new clause: no ";" or ":" and no modal of its own).
_COORDINATED = re.compile(
    r"(?:(?!\b(?:shall|may|will|must|can|should|cannot)\b)[^;:]){0,160}?,?\s*\b(?:or|nor|and)\s+(?:to\s+)?"
)


def _operators(
    text: str,
    low: str,
    matches,
    verb_starts: frozenset[int],
    continues_described: bool = False,
    inherited: Polarity = "",
) -> list[Span]:
    """The sentence's operators; a restriction described under an outer one is protected.

    "X may not have in effect a policy that prohibits or restricts any entity
    from sending ... status": the inner "prohibits ... from" names what X may not
    do, so the sending it governs is protected (a double negative), not restricted.
    So is a restriction whose imposing is forbidden ("prohibits officials from
    imposing limits on sending ..."), and, with `continues_described`, every
    restriction a sentence names as included in the ones the sentence before
    forbids ("This includes prohibitions or restrictions on: ... transmitting ...").

    "Withhold" is "not send": its operator starts and ends where the word starts,
    so the verb it also is reads as restricted. Right after a restriction ("shall
    not withhold") it is a double negative (permit); right after a permission
    ("may withhold") it is left to the permission to withhold (`_MAY_WITHHOLD`).

    "Not" before a gerund negates it only when the gerund is a verb of moving or
    gathering information ("not disclosing"), not in "a fine not exceeding $500".
    """
    spans = _spans(text, matches)
    out: list[Span] = []
    negated_end = -1  # where the last negated restriction ("nothing ... prohibits") ends
    for s in spans:
        if s.kind == "neutral":
            continue
        bare_not = s.text.strip(_BULLETS).lower() == "not"  # "not" before its verb
        if s.kind == "restrict" and bare_not and s.end not in verb_starts:
            continue
        word = s.text.lower()
        if word.startswith(_FAILING):
            # "No officer shall fail to share ...", "shall not refuse to provide ...": a
            # failure or refusal under an outer restriction in the same clause is a double
            # negative, which protects the act; alone, "refuse to" restricts and "fail to"
            # ("officers who fail to report ...") does neither
            before = out[-1] if out else None
            if (
                before is not None
                and before.kind == "restrict"
                and _SAME_CLAUSE.fullmatch(low, before.end, s.start)
            ):
                out.append(Span("permit", s.start, s.end, s.text))
                continue
            if word.startswith(("fail", "refusal")):
                continue
        if word[:5] == "withh" or p.REFUSING.fullmatch(word):
            before = out[-1] if out else None
            adjacent = before is not None and _ADJACENT.fullmatch(low, before.end, s.start)
            if adjacent and before.kind == "permit":
                continue
            kind = "permit" if adjacent and before.kind == "restrict" else "restrict"
            if continues_described and before is None:
                kind = "permit"  # "R.S. 24-76.6-103, which requires staff withhold ..." (listed)
            out.append(Span(kind, s.start, s.start, s.text))
            continue
        described = (
            s.kind == "restrict"
            and _RESTRICTING_START.match(s.text)
            and (
                continues_described
                or (
                    any(o.kind == "restrict" for o in out)
                    and p.DESCRIBED_BEFORE.search(low, max(0, s.start - 50), s.start)
                )
                or (
                    bool(out)
                    and out[-1].kind == "restrict"
                    and p.IMPOSED_BEFORE.search(low, max(0, s.start - 40), s.start)
                )
                or _in_forbidden_policy(low, s, out, inherited)
                # an item that opens with a verb of forbidding under a lead-in that forbids
                # it: "No county shall do any of the following: ... Prohibit the
                # communication of such information to federal ... agencies."
                or (inherited == "restrict" and not out and not low[: s.start].strip(_BULLETS))
                # a second verb under the same negation: "Nothing ... shall be construed to
                # prohibit cooperation ..., or to restrict the sharing of information ..."
                or (
                    bool(out)
                    and out[-1].end == negated_end
                    and _COORDINATED.fullmatch(low, negated_end, s.start) is not None
                )
            )
        )
        if s.kind == "permitneg":
            negated_end = s.end
        if s.kind == "permitneg" or described:
            s = Span("permit", s.start, s.end, s.text)
        elif s.kind == "restrict" and s.text.lower().endswith(" before"):
            # "must obtain ... consent before": the restriction is on what comes after it
            s = Span("restrict", s.end - 6, s.end, s.text[-6:])
        out.append(s)
    return out


# A leading clause that states a fact or a hope, not a rule: "While we are hopeful
# immigration enforcement operations will not take place in school settings, Harper is
# preparing ... providing information".
_LEADING_CLAUSE = re.compile(
    r"^\W*(?:while|although|though|even\s+though|whereas|because|since)\b[^,;:]{1,200},"
)


def _closing_leading_clause(low: str, operators: list[Span], inherited: Polarity) -> list[Span]:
    """A negation inside a leading "while ..." or "although ..." clause ends with it: the
    main clause after its comma takes the polarity the sentence had before it."""
    clause = _LEADING_CLAUSE.match(low)
    if clause is None or not any(o.end <= clause.end() for o in operators):
        return operators
    reset = Span(inherited, clause.end(), clause.end(), "")
    return (
        [o for o in operators if o.end <= clause.end()]
        + [reset]
        + [o for o in operators if o.end > clause.end()]
    )


def _describes_restriction(facts: Facts) -> bool:
    """The sentence names a restriction only to forbid it (read as protecting, above)."""
    return any(o.kind == "permit" and _RESTRICTING_START.match(o.text) for o in facts.operators)


def _in_forbidden_policy(
    low: str, restriction: Span, before: list[Span], inherited: Polarity = ""
) -> bool:
    """The restriction is in the clause of a policy the sentence voids or forbids.

    "... by voiding policies that municipalities may adopt to limit or prohibit any
    person from communicating ...", "a county is prohibited from enacting a rule under
    which ...", "Any policy that restricts ... is void": an anti-sanctuary law
    describes the restriction to undo it, and so protects the channel it names. So does
    an item under a lead-in that forbids ("... to enjoin: (b) an enactment of any policy
    that limits ...").
    """
    clause = p.POLICY_CLAUSE_BEFORE.search(low, max(0, restriction.start - 200), restriction.start)
    if clause is None:
        return False
    noun = clause.start()
    if p.VOIDING_BEFORE.search(low, max(0, noun - 60), noun):
        return True
    adopting = p.ADOPTING_BEFORE.search(low, max(0, noun - 60), noun)
    if adopting and (
        inherited == "restrict"
        or any(o.kind == "restrict" and o.end <= adopting.start() for o in before)
    ):
        return True
    return bool(p.VOID_AFTER.search(low, restriction.end))


def _mentions(text: str, status, broad, limited) -> list[Span]:
    found = _spans(text, status, "status") + _spans(text, broad, "broad")
    found += [Span(f"limited:{s.kind}", s.start, s.end, s.text) for s in _spans(text, limited)]
    found.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in found:  # a status mention inside "release status" wins over the limited one
        if kept and span.start < kept[-1].end:
            last = kept[-1]
            if span.kind == "status" and last.kind == "broad":
                # "any information that indicates that a person is undocumented": status
                end = max(last.end, span.end)
                kept[-1] = Span("status", last.start, end, text[last.start : end])
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


def _effective(low: str, cluster: list[Span], gap: str, mention: Span) -> tuple[Span, ...]:
    """The cluster's verbs that can take this object: weak verbs ("provide") need an info noun.

    Verbs share one object: in "request or maintain information about, or otherwise
    investigate, the ... status", "maintain" has its own "information about", which
    points to the status after the last verb of the cluster.
    """
    direct = cluster[-1].end <= mention.start and bool(
        _DIRECT_OBJECT.match(gap) or _INDIRECT_QUESTION.fullmatch(gap)
    )
    info = (
        mention.kind != "status"
        or direct
        or bool(p.INFO_NOUN.search(gap) or p.RECIPIENT_THEN_OBJECT.fullmatch(gap))
    )
    if not info and cluster[0].start >= mention.end:
        # a passive subject: "No information regarding a person's status shall be released",
        # "The immigration status of any person ... shall not be released" (status named as
        # such is information; people described by it are not)
        info = bool(
            _INFO_BEFORE.search(low, max(0, mention.start - 60), mention.start)
            or _NAMED_AS_STATUS.search(mention.text.lower())
            or p.INFO_NOUN.search(mention.text.lower())  # "This information cannot be used"
        )
    return tuple(
        v
        for v in cluster
        if v.kind in ("collect", "keep")
        or info
        or v.text.lower().startswith(_STRONG_SEND)
        or p.INFO_OBJECT_AFTER.match(low, v.end)
        or _refusal(v)  # what the refused request asks for
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
                (len(between) <= 80 or _data_list(between))
                and ";" not in between
                and not _CLAUSE_WORD.search(between)
                and not any(previous[0].end <= v.start < mention.start for v in verbs)
            ):
                cluster = previous[1]
        if cluster is None and mention.text.lower() in ("it", "them"):
            # a pronoun is a passive's subject ("it is only disclosed") before an object
            cluster = _following(low, mention, clusters) or _preceding(low, mention, clusters)
        elif cluster is None:
            cluster = _preceding(low, mention, clusters) or _following(low, mention, clusters)
        if cluster is None:
            previous = None
            continue
        previous = (mention, cluster)
        gap = low[cluster[-1].end : mention.start] if cluster[-1].end <= mention.start else ""
        acting = _effective(low, cluster, gap, mention)
        if acting:
            yield mention, acting
        if cluster[-1].end <= mention.start and _first_predicate(low, mention) == "held":
            # "the form asks for B but is not released": what X holds goes with X
            second = _following(low, mention, clusters)
            if second is not None and second is not cluster:
                yield mention, _effective(low, second, "", mention)


def _preceding(low: str, mention: Span, clusters: list[list[Span]]) -> list[Span] | None:
    before = [c for c in clusters if c[-1].end <= mention.start]
    if not before:
        return None
    cluster = before[-1]
    gap = low[cluster[-1].end : mention.start]
    if _INDIRECT_QUESTION.fullmatch(gap):
        return cluster
    if ";" in gap or p.BASIS.search(gap) or _CLAUSE_WORD.search(gap):
        return None
    if len(gap) > 40 and not (
        p.INFO_NOUN.search(gap)
        or _data_list(gap)
        or p.RECIPIENT_THEN_OBJECT.fullmatch(gap)
        or (len(gap) <= 80 and p.USE_CHAIN.fullmatch(gap))
        or (len(gap) <= 200 and _TOPIC_TAIL.search(gap))
        # a request refused, then what it asks for (`_refused_requests`)
        or (len(gap) <= 160 and "request" in gap and _refusal(cluster[-1]))
    ):
        return None
    return cluster


# Status asked as an indirect question is the verb's object: "report to other agencies who
# we speak with or what their immigration status is" (after a recipient, and another
# question joined by "or").
_INDIRECT_QUESTION = re.compile(
    r"""\s*(?:to\s+(?:[\w-]+\s+){1,4}?)?
    (?:(?:who|whom|where|when|how)\s+(?:[\w'’-]+\s+){1,5}?(?:or|and)\s+)?
    what\s+(?:(?:their|his|her|its|his\s+or\s+her|the|a|an|any)\s+|[\w-]+['’]s\s+)?""",
    re.VERBOSE,
)


def _data_list(gap: str) -> bool:
    """The words between are a list of personal data items ("name, address, place of birth,")."""
    if len(gap) > 300 or ";" in gap:
        return False
    items = [item for item in re.split(r",|\bor\b|\band\b", gap) if item.strip()]
    return bool(items) and sum(bool(p.DATA_ITEM.search(item)) for item in items) >= 0.6 * len(items)


def _following(low: str, mention: Span, clusters: list[list[Span]]) -> list[Span] | None:
    for cluster in clusters:
        if cluster[0].start >= mention.end:
            between = low[mention.end : cluster[0].start]
            if not between.strip() and p.DESCRIBING_PARTICIPLE.match(low, mention.end):
                continue  # "information collected by the City": it describes the object
            if (
                len(between) <= 160
                and ";" not in between
                and not _SUBORDINATE.search(between)  # "... unless a violation was reported"
                and not _DASHED_CLAUSE.search(between)  # "... – we are ..., and students are"
                and p.PASSIVE_BEFORE.search(between)
            ):
                return cluster if _first_predicate(low, mention) in ("", "held") else None
            return None
    return None


def _first_predicate(low: str, mention: Span) -> str:
    """How a mention before a second predicate with no subject of its own stands to it.

    In "X will not include Y and will not be shared" the second predicate restricts X,
    not Y. "held" when X holds Y ("records will include immigration status and will not
    be shared", "the form asks for B but is not released"), so X's restriction reaches Y;
    "not held" when it does not ("will not include", excluded: `_excluded`); "other" for
    any other first predicate; "" when Y is not followed by such a predicate, or starts
    the clause (its subject).
    """
    if not p.COORDINATED_PREDICATE.match(low, mention.end):
        return ""
    start = max(0, mention.start - 90)
    if p.NOT_HELD_BEFORE.search(low, start, mention.start):
        return "not held"
    if p.HELD_BEFORE.search(low, start, mention.start):
        return "held"
    return "other" if p.PREDICATE_BEFORE.search(low, start, mention.start) else ""


def _excluded(low: str, mention: Span) -> bool:
    """Status is excluded from what the sentence restricts: "other than immigration status",
    or "this information will not include immigration status and will not be shared"."""
    start = max(0, mention.start - 90)
    return bool(
        p.EXCLUDED_BEFORE.search(low, start, mention.start)
        or (
            (held := p.NOT_HELD_BEFORE.search(low, start, mention.start)) is not None
            and not held["ask"]
            and p.COORDINATED_PREDICATE.match(low, mention.end) is not None
        )
    )


def _basis(low: str, mention: Span) -> bool:
    """Status is the ground of a decision ("based on", "conditioning services upon")."""
    return bool(
        p.BASIS_BEFORE.search(low, max(0, mention.start - 60), mention.start)
        or p.CONDITION_BEFORE.search(low, max(0, mention.start - 200), mention.start)
    )


_COMPLIES_1373 = re.compile(
    r"\bcompl(?:y|ies|ying|iance)\s+with\b[^;]{0,60}?\b1373\b|\b1373\b[^;]{0,30}\bcompl"
)


def _savings_limbs(facts: Facts, verbs: list[Span]) -> frozenset[str]:
    """The limbs of § 1373 a savings clause keeps open: all, if it saves compliance with it.

    Only the verbs it leaves free count: in "nothing ... prevents sending ...; however,
    officers shall not maintain ... such information" maintaining stays restricted.
    """
    if _COMPLIES_1373.search(facts.low):
        return ALL_LIMBS
    return frozenset(
        limb for v in verbs if facts.polarity_at(v.start) != "restrict" and (limb := verb_limb(v))
    )


def _scope(low: str) -> str:
    """What a savings clause covers: "section" if it says "this section", else the document.

    A clause whose subject is a citation ("RCW 2.28.300 through 2.28.330 do not
    limit ...") is read as covering the document: the excerpt is what it cites.
    """
    scope = p.SCOPE.search(low)
    noun = (scope.group("a") or scope.group("b") or "") if scope else ""
    return "section" if noun in p.NARROW_SCOPES else "document"


def _names_channels(facts: Facts, verbs: list[Span]) -> bool:
    """Cites § 1373, or names status with a verb of sending, receiving or keeping it."""
    moves = any(v.kind in ("send", "receive", "keep") for v in verbs)
    return bool(p.CITES_1373.search(facts.low) or (facts.search(p.STATUS) and moves))


def _savings_scope(facts: Facts, verbs: list[Span]) -> str:
    low = facts.low
    if not ("1373" in low or "status" in low) or not p.SAVINGS_OPENER.search(low):
        return ""
    return _scope(low) if _names_channels(facts, verbs) else ""


def _savings_lead(facts: Facts) -> str:
    """A savings lead-in whose list names the channels ("... do not limit or prohibit any
    officer from:" then "(a) Sending to, or receiving from, ... status ...")."""
    if not facts.text.rstrip().endswith((":", "—")) or not p.SAVINGS_OPENER.search(facts.low):
        return ""
    return _scope(facts.low)


def _excepted_for_government(facts: Facts, exception: str) -> None:
    """An exception that leaves sending open to any government agency cures a restriction
    that reaches only sending (§ 1373(a)); one on maintaining or exchanging stays."""
    if restricted_limbs(facts) <= {"a"}:
        facts.self_cured = True
        facts.cured_by = (
            f"its exception (“{exception.strip(' ;:,.')}”), which leaves sending open to "
            "federal agencies,"
        )


def continue_exception(facts: Facts, lead: Facts) -> None:
    """An item of an exception's list ("except: ... (2) for use by any governmental agency
    ...") that opens sending to any government agency cures its lead-in as the exception
    would in one sentence."""
    if (
        lead.flagged
        and not lead.self_cured
        and p.EXCEPT_LEAD.search(lead.low)
        and (item := p.GOVERNMENT_ITEM.search(facts.low))
    ):
        _excepted_for_government(lead, facts.text[item.start() : item.end()])


def continue_savings(facts: Facts, lead: Facts) -> None:
    """An item of a savings lead-in's list is a savings clause when it names the channels."""
    if lead.savings_lead and not facts.savings_scope and _names_channels(facts, facts.verbs):
        facts.savings_scope = lead.savings_lead
        facts.savings_limbs = _savings_limbs(facts, facts.verbs)


def _defined_mentions(text: str, low: str, mentions: list[Span], definitions: Definitions):
    """Mentions of the document's defined information terms replace the plain ones they cover."""
    assert definitions.pattern is not None
    found = _spans(text, definitions.pattern.finditer(low), "defined")
    if not found:
        return mentions
    kept = [m for m in mentions if not any(d.start < m.end and m.start < d.end for d in found)]
    return _in_order(kept + found)


def _defined_restriction(facts: Facts, restriction: Restriction, definitions: Definitions) -> None:
    """File a restriction on a defined term by what its definition says of status."""
    mention = restriction.mention
    term = normalise(mention.text)
    kind = definitions.kind(term)
    defined = Restriction(mention, restriction.verbs, defined=term)
    if kind == "status":
        status = Span("status", mention.start, mention.end, mention.text)
        facts.status.append(Restriction(status, restriction.verbs, defined=term))
    elif kind == "open":
        broad = Span("broad", mention.start, mention.end, mention.text)
        facts.broad.append(Restriction(broad, restriction.verbs, defined=term))
    else:
        facts.cleared.append(defined)


def sentence_facts(
    text: str,
    *,
    inherited: Polarity = "",
    definitions: Definitions | None = None,
    in_definition: bool = False,
    continues_described: bool = False,
    in_findings: bool = False,
    lead_verbs: tuple[Span, ...] = (),
    after_status: bool = False,
    after_broad: bool = False,
    after_immigration: bool = False,
    answered_no: bool = False,
) -> Facts:
    """The facts of one sentence (see the module docstring).

    `definitions` are the document's defined information terms (followed to
    their definitions); `in_definition` marks an item of a definition's list
    ("'Sanctuary policy' means a policy that: (A) limits ..."), which describes
    a restriction without making one; `continues_described` marks a sentence that
    names what the restrictions the sentence before forbids include ("This
    includes restrictions on: ..."), which describes them too; `in_findings` a
    sentence of legislative findings (a recital: `p.FINDINGS`); `lead_verbs` the
    restricted verbs of a lead-in whose object is its list ("may not disclose ... the
    following information: ... (g) The student's citizenship or immigration status"),
    which act on what an item names when the item's own verbs do not; `after_status`
    marks a sentence right after one that names status, whose anaphors may refer to it
    (`after_broad` the same for a broad category, which a bare pronoun object may take up);
    `after_immigration` one right after a sentence that names immigration enforcement
    ("Examples of law enforcement include ... ICE ... Unless the individual presents a
    valid search warrant, University personnel are not to release information"), whose
    bare "information" is then given to it;
    `answered_no` a question the next sentence answers "No." or "May not.", which then
    says what is not done ("Will the district share my child's immigration status with
    ICE? No.").
    """
    # "((deleted))" words of an amending ordinance (King County style) are not law
    low = _DELETED.sub(lambda m: " " * len(m.group()), p.lower(text))
    # quotation marks stand for nothing in a rule: 'does not “prohibit, or ...' reads on
    if _QUOTE_MARK.search(low):
        low = low.translate(_QUOTES)
    recital = in_findings or bool(
        p.RECITAL.match(low) or p.FINDINGS.match(low) or p.FINDINGS_WITHIN.search(low)
    )
    if recital and (resolved := p.RESOLVED_WITHIN.search(low)):
        # "WHEREAS ...; NOW, THEREFORE, BE IT RESOLVED that ...": the recitals are blanked,
        # what is resolved is read
        low, recital = " " * resolved.end() + low[resolved.end() :], False
    facts = Facts(text=text, low=low, words=p.words(low), inherited=inherited)
    facts.recital = recital
    facts.names_immigration = bool(p.IMMIGRATION_NAMED.search(low))
    facts.definition = in_definition or bool(p.DEFINITION.match(low) or defined_term(text))
    if facts.recital and not p.REPORTED_RULE.search(low):
        return facts  # a recital gives reasons; it restricts nothing
    operators, verb_matches, status, broad, limited, detainers = p.CORE.scan(low, facts.words)
    facts.operators = _operators(
        text,
        low,
        operators,
        frozenset(v.start() for v in verb_matches),
        continues_described,
        inherited,
    )
    if answered_no:
        facts.operators = [
            o if o.kind == "restrict" else Span("restrict", o.start, o.end, o.text)
            for o in facts.operators
        ] or [Span("restrict", 0, 0, "")]
    facts.operators = _closing_leading_clause(low, facts.operators, inherited)
    if verb_matches and p.PROHIBITED_AT_END.search(low):
        # "Any communication ... concerning ... status is prohibited": what the subject
        # names is forbidden, from the start of the sentence
        first = verb_matches[0].start()
        if not any(o.start <= first for o in facts.operators):
            facts.operators.insert(0, Span("restrict", 0, 0, ""))
    elif verb_matches and (confined := p.CONFINED_AFTER_SUBJECT.search(low)):
        # "The use or disclosure of information ... will be limited to purposes ...": the
        # same, where the subject names the act and the limit comes after it
        first = verb_matches[0].start()
        if first < confined.start() and not any(o.start <= first for o in facts.operators):
            facts.operators.insert(0, Span("restrict", 0, 0, ""))
    mentions = [m for m in _mentions(text, status, broad, limited) if not _access_to(low, m)]
    if (
        after_immigration
        or facts.names_immigration
        or (("privacy" in low or "confidentiality" in low) and _PERSONS_PRIVACY.search(low))
    ):
        mentions = _bare_information(text, low, mentions)
    if "report" in low or "notif" in low:
        mentions = _reported_persons(text, low, mentions)
    if status:
        mentions = _anaphora(text, low, mentions, status[0].end())
    elif after_status:
        mentions = _anaphora(text, low, mentions, 0)
    elif after_broad and not mentions:
        mentions = _pronoun_for_broad(text, low)
    facts.names_status = any(m.kind == "status" for m in mentions)
    facts.names_broad = any(m.kind == "broad" for m in mentions)
    if definitions is not None and definitions.pattern is not None:
        mentions = _defined_mentions(text, low, mentions, definitions)
    verbs = [  # "release" in "release dates" is part of the object
        v
        for v in _spans(text, verb_matches)
        if not any(m.start <= v.start < m.end for m in mentions)
    ]
    verbs = _refused_requests(verbs)
    facts.verbs = verbs
    facts.savings_scope = _savings_scope(facts, verbs)
    if facts.savings_scope:
        facts.savings_limbs = _savings_limbs(facts, verbs)
    facts.savings_lead = _savings_lead(facts)
    verbs = [v for v in verbs if not _PERSONS_REFUSAL.search(low, max(0, v.start - 40), v.start)]
    mentions = _ejusdem_generis(low, mentions)
    breaks = [m.start for m in mentions] + [o.start for o in facts.operators]
    clusters = _clusters(low, verbs, breaks)
    facts.excludes_status = any(m.kind == "status" and _excluded(low, m) for m in mentions)
    for mention, acting in _associate(low, mentions, verbs, clusters):
        if facts.polarity_at(acting[0].start) != "restrict":
            acting = _kept_only_when(low, mention, acting)
            if not acting:
                continue
        if mention.kind == "status" and _permitted_restriction(low, acting[0]):
            facts.may_withhold.append(
                Span("withhold", acting[0].start, mention.end, text[acting[0].start : mention.end])
            )
            continue
        if mention.kind == "status" and not any(v.kind != "collect" for v in acting):
            acting = _asked_of_others(text, low, mention, acting)
        restriction = Restriction(mention, acting)
        if mention.kind == "defined":
            if restriction.moves and definitions is not None:
                _defined_restriction(facts, restriction, definitions)
            continue
        if mention.kind == "status" and (_excluded(low, mention) or _basis(low, mention)):
            continue
        _file(facts, restriction)
    if lead_verbs:
        _listed_objects(facts, mentions, lead_verbs)
    if ":" in low:
        _inline_list(facts, mentions)
    _confidentiality(facts, mentions)
    _destruction(facts, mentions)
    if "access" in low:
        _access_denied(facts, mentions)
    _process_demanded(facts, mentions)
    _routed_request(facts, mentions)
    if "inquir" in low and "immigration" in low:
        _inquiry_joined(facts, mentions)
    if facts.names_status:
        _condition_told(facts, mentions)
    if any(word in low for word in _CHANNEL_WORDS):
        _channel_restricted(facts, mentions)
    if any(m.kind == "status" for m in mentions) and not facts.status:
        withhold = [*facts.finditer(_MAY_WITHHOLD), *facts.finditer(_NOT_REQUIRED)]
        facts.may_withhold += _spans(text, withhold, "withhold")
    if facts.flagged or facts.may_withhold:
        facts.hedges = _spans(text, facts.finditer(p.HEDGE), "hedge")
        facts.self_cured = bool(_SELF_CURE.search(low))
        if not facts.self_cured and (excepted := p.GOVERNMENT_EXCEPTED.search(low)):
            _excepted_for_government(facts, excepted.group())
    facts.refuses_detainers = bool(detainers) and _refuses_detainers(facts)
    if facts.definition:  # a definition describes; it restricts nothing itself
        facts.status, facts.broad, facts.hedges, facts.may_withhold = [], [], [], []
    urging = p.URGED.search(low) if facts.status or facts.broad else None
    if urging is not None:  # it asks another body to adopt the rule; it enacts none
        flagged = facts.status + ([] if facts.excludes_status else facts.broad)
        facts.urged = [r for r in flagged if r.mention.start >= urging.start()]
        facts.status = [r for r in facts.status if r not in facts.urged]
        facts.broad = [r for r in facts.broad if r not in facts.urged]
        if not facts.flagged:
            facts.hedges = []
    if facts.recital:  # it reports a rule in force elsewhere; it enacts none
        facts.reported = facts.status + ([] if facts.excludes_status else facts.broad)
        facts.status, facts.broad, facts.hedges, facts.may_withhold = [], [], [], []
        facts.dont_ask, facts.limited, facts.savings_scope = [], [], ""
    return facts


# Status as the verb's own object: "report a tenant's immigration status", "give their
# citizenship status" (a weak verb then moves it as surely as "disclose" does).
_DIRECT_OBJECT = re.compile(
    r"\s*(?:(?:on|about)\s+)?"  # "report on the citizenship of ..."
    # a verb of another kind coordinated after it shares the object: "shall not inquire
    # about, report, or act upon any person's immigration status"
    r"(?:,?\s*(?:or|and)\s+(?:otherwise\s+)?[a-z]+(?:\s+(?:upon|on))?\s+)?"
    r"(?:(?:a|an|the|any|such|his|her|their|its|his\s+or\s+her|that|this|each|every|your|our)\s+)?"
    r"(?:[\w-]+['’]s?\s+)?"
    # "a student's or parent's"
    r"(?:(?:or|and)\s+(?:(?:a|an|the|any|his|her|their)\s+)?[\w-]+['’]s?\s+)?"
    r"(?:(?:actual|perceived|suspected)\s+)?$"
)
_ACCESS_BEFORE = re.compile(r"\baccess\b[^.;:]{0,80}$")


def _access_to(low: str, mention: Span) -> bool:
    """ "permission to access any facility ... or database": access to a system is not its
    contents moved, so the database there is not a category of information (unless the
    access is denied to immigration enforcement: `_access_denied`)."""
    return mention.text.lower().startswith("database") and bool(
        _ACCESS_BEFORE.search(low, max(0, mention.start - 90), mention.start)
    )


def _in_order(spans: list[Span]) -> list[Span]:
    """Mentions as the sentence reads them: by start, the longer first."""
    return sorted(spans, key=lambda s: (s.start, -s.end))


def _adding(mentions: list[Span], found: list[Span]) -> list[Span]:
    """`mentions` with those of `found` that overlap none of them, in order."""
    found = [f for f in found if not any(m.start < f.end and f.start < m.end for m in mentions)]
    return _in_order(mentions + found) if found else mentions


def _reported_persons(text: str, low: str, mentions: list[Span]) -> list[Span]:
    """ "reporting undocumented immigrants to the federal government" or "notifying INS of
    undocumented persons" sends their status: the people so described are read as a mention
    of status (see `p.REPORTED_PERSONS`)."""
    groups = [(m, "who" if m["who"] else "whom") for m in p.REPORTED_PERSONS.finditer(low)]
    found = [Span("status", m.start(g), m.end(g), text[m.start(g) : m.end(g)]) for m, g in groups]
    return _adding(mentions, found)


def _listed_objects(facts: Facts, mentions: list[Span], lead_verbs: tuple[Span, ...]) -> None:
    """An item of a list a lead-in's restricted verb takes as its object ("may not disclose
    the following information: ... (g) The student's citizenship or immigration status"):
    what the item names, and no verb of its own takes, is restricted by the lead-in's verbs.
    The verbs are placed where the item's object starts (the quotation is the item's)."""
    taken = [r.mention for r in (*facts.status, *facts.broad, *facts.limited, *facts.dont_ask)]
    for mention in mentions:
        if mention in taken or (mention.kind == "status" and _excluded(facts.low, mention)):
            continue
        acting = tuple(Span(v.kind, mention.start, mention.start, v.text) for v in lead_verbs)
        _file(facts, Restriction(mention, acting))


def _inline_list(facts: Facts, mentions: list[Span]) -> None:
    """A lead-in and its lettered or numbered items in one sentence ("shall not share with
    ICE any of the following: (a) home or work addresses; ... (e) immigration status"): the
    lead-in's restricted verbs take what each item names, as a list's own blocks would."""
    colon = _ENUMERATION.search(facts.low)
    if colon is None:
        return
    lead = tuple(
        v
        for v in facts.verbs
        if v.end <= colon.start() and facts.polarity_at(v.start) == "restrict"
    )
    if lead:
        _listed_objects(facts, [m for m in mentions if m.start > colon.start()], lead)


_ENUMERATION = re.compile(r":\s*(?=\(?[a-z0-9]{1,3}[.)]\s)")


def _file(facts: Facts, restriction: Restriction) -> None:
    """Where the rules read a restriction: status moved, or asked for (don't ask); a broad or
    a narrow category moved."""
    if restriction.mention.kind == "status":
        (facts.status if restriction.moves else facts.dont_ask).append(restriction)
    elif restriction.moves:
        (facts.broad if restriction.mention.kind == "broad" else facts.limited).append(restriction)


def _refusal(verb: Span) -> bool:
    """The verb refuses a request ("deny any request ... for information"): `p.REFUSING`."""
    return verb.kind == "send" and p.REFUSING.fullmatch(verb.text.lower()) is not None


def _refused_requests(verbs: list[Span]) -> list[Span]:
    """ "refuse ... any request from a ... federal agency that requires the identification of
    a resident's immigration status": the request refused is the refusal's object, not a
    verb of asking of its own (`p.REFUSING`)."""
    refusals = [v.end for v in verbs if _refusal(v)]
    if not refusals:
        return verbs
    return [
        v
        for v in verbs
        if not (v.kind == "collect" and any(0 < v.start - end <= 60 for end in refusals))
    ]


# A sentence about people's privacy: its bare "information" is theirs ("Ensure ALL
# students' privacy by not sharing information outside the university"). Not the Privacy
# Act's name, nor privacy in general.
_PERSONS_PRIVACY = re.compile(
    r"""\b(?:privacy|confidentiality)\s+of\s+(?!information|records|data)
    |['’]s?\s+(?:privacy|confidentiality)\b
    |\b(?:their|his|her|your|our|personal|individual|student|patient|client|family)\s+
      (?:privacy|confidentiality)\b(?!\s+(?:act|rights\s+act))""",
    re.VERBOSE,
)


def _bare_information(text: str, low: str, mentions: list[Span]) -> list[Span]:
    """Bare "information" given in a sentence that names immigration enforcement, or
    people's privacy (`_PERSONS_PRIVACY`), is a broad category (see `p.BARE_INFORMATION`)."""
    found = [
        Span("broad", m.start("object"), m.end("object"), text[m.start("object") : m.end("object")])
        for m in p.BARE_INFORMATION.finditer(low)
    ]
    return _adding(mentions, found)


def _kept_only_when(low: str, mention: Span, acting: tuple[Span, ...]) -> tuple[Span, ...]:
    """ "will retain information about immigration status only when needed": keeping status
    allowed only on a condition is keeping restricted (§ 1373(b)(2)). Only the keeping
    verbs are read so; asking only when needed stays a don't-ask rule."""
    if mention.kind != "status" or not _ONLY_WHEN.match(low, mention.end):
        return ()
    return tuple(v for v in acting if v.kind == "keep" and v.start < mention.start)


def _permitted_restriction(low: str, verb: Span) -> bool:
    """The verb is the object of a permitted restriction ("may include restrictions on ...")."""
    before = low[max(0, verb.start - 160) : verb.start]
    found = list(_PERMITTED_RESTRICTION.finditer(before))
    return bool(found) and ";" not in before[found[-1].end() :]


def _asked_of_others(text: str, low: str, mention: Span, acting: tuple[Span, ...]):
    """ "inquire about any person's ... status with any third person", "telephone ICE to obtain
    such information": requesting status from someone else, which § 1373(b)(1) protects, not
    asking the person (don't-ask)."""
    first = acting[0].start
    if not (
        p.OF_OTHERS.match(low, mention.end)
        or p.ASKED_OF_FEDERAL_BEFORE.search(low, max(0, first - 160), first)
        or p.ASKED_OF_FEDERAL_BETWEEN.search(low, acting[-1].end, mention.start)
    ):
        return acting
    return tuple(Span("request", v.start, v.end, v.text) for v in acting)


def _pronoun_for_broad(text: str, low: str) -> list[Span]:
    """ "Personal information that you give to the health worker ... is privileged
    information. We are not going to divulge that.": in a sentence that names no information,
    a bare "that" or "it" given is the category the sentence before named."""
    return [
        Span(
            "broad",
            m.start("pronoun"),
            m.end("pronoun"),
            text[m.start("pronoun") : m.end("pronoun")],
        )
        for m in p.PRONOUN_GIVEN.finditer(low)
    ]


def _anaphora(text: str, low: str, mentions: list[Span], after: int) -> list[Span]:
    """ "... immigration status ..., and shall not maintain records of such status": status.

    An anaphor read as bare information ("gathering information about immigration status
    or sharing such information"), or a pronoun ("collect immigration status information or
    share it with ..."), refers back to the information last named before it; where that
    is status, so is the anaphor. With `after` 0 the status was named in the sentence
    before ("Q: Would the district share a student's immigration status ...? A: We do not
    collect this information nor share it."). "Other such information" after a list is the
    list's kind instead (`_ejusdem_generis`)."""
    found: list[Span] = []
    replaced: list[Span] = []
    for match in p.STATUS_ANAPHOR.finditer(low, after):
        group = "pronoun2" if match["pronoun2"] else 0
        start, end = match.span(group)
        span = Span("status", start, end, text[start:end])
        overlapping = [m for m in mentions if m.start < span.end and span.start < m.end]
        before = _in_order([m for m in mentions + found if m.end <= span.start])
        if match["pronoun"] or match["pronoun2"]:
            # "it" refers to the last information named in its sentence, or, where none is,
            # to the status the sentence before named ("... a patient's immigration status,
            # what will staff do? A: Staff will decline to provide it.")
            if not overlapping and (
                before[-1].kind == "status"
                if before
                else after == 0 and span.text.lower() == "it"  # "them" may be people
            ):
                found.append(span)
            continue
        if not overlapping:
            found.append(span)
            continue
        if (
            (before[-1].kind == "status" if before else after == 0)
            # "any such information": the determiner before is part of the anaphor
            and all(
                m.kind == "broad" and (span.start <= m.start or "such" in m.text.lower())
                for m in overlapping
            )
            and not _OTHER_BEFORE.search(low, max(0, span.start - 10), span.start)
        ):
            start = min(span.start, *(m.start for m in overlapping))
            end = max(span.end, *(m.end for m in overlapping))
            found.append(Span("status", start, end, text[start:end]))
            replaced += overlapping
    if not found:
        return mentions
    kept = [m for m in mentions if m not in replaced]
    return _in_order(kept + found)


# What stands before a qualifier's first category: "the", "a person's", "his or her".
_POSSESSOR = re.compile(
    r"^\s*(?:(?:the|an?|any|his\s+or\s+her|his|her|their|its)\s+)?(?:[\w-]+['’]s?\s+)?"
)


def _named_categories(low: str, mention: Span) -> bool:
    """ "personally identifiable information regarding the religious beliefs, practices, or
    affiliation, or national origin or ethnicity, of any individual" is information of the
    categories named, none of them status: as narrow as "other such information" after them.

    The first item must name a category (`p.DATA_ITEM`), later ones may share its modifier
    ("religious beliefs, practices, or affiliation"); a qualifier that names people
    ("information regarding any individual") or anything at all, or any word that brings
    status in (`p.STATUS_BEARING`: "citizenship", "nationality", "immigration ..."), leaves
    the category broad. "National origin" and "place of birth" are not status, as in a
    definition's closed list (definitions.classify).
    """
    qualifier = p.NAMED_QUALIFIER.match(low, mention.end)
    if qualifier is None:
        return False
    text = qualifier["items"]
    if p.STATUS_BEARING.search(text) or p.STATUS.search(text, p.words(text)):
        return False
    text = _POSSESSOR.sub("", text)
    items = [item for item in re.split(r",|\bor\b|\band\b|\bnor\b", text) if item.strip()]
    return (
        bool(items)
        and bool(p.DATA_ITEM.search(items[0]))
        and not any(p.UNNAMED_ITEM.match(item) for item in items)
    )


def _ejusdem_generis(low: str, mentions: list[Span]) -> list[Span]:
    """ "release dates, addresses or other such information" is information of the kinds listed.

    A broad mention that says "such" or "similar", after limited ones only, takes
    the kind of the item before it, unless a definition elsewhere is named; one that a
    qualifier confines to named categories other than status (`_named_categories`) is
    limited to them.
    """
    out: list[Span] = []
    for mention in mentions:
        if mention.kind == "broad" and _named_categories(low, mention):
            out.append(Span("limited:categories", mention.start, mention.end, mention.text))
            continue
        previous = out[-1] if out else None
        such = _SUCH_IN.search(mention.text.lower()) or _SUCH_BEFORE.search(
            low, max(0, mention.start - 30), mention.start
        )
        if (
            mention.kind == "broad"
            and such
            and previous is not None
            and previous.kind.startswith("limited:")
            and all(m.kind != "status" for m in out)
            and not _DEFINED_ELSEWHERE.match(low, mention.end)
        ):
            mention = Span(previous.kind, mention.start, mention.end, mention.text)
        out.append(mention)
    return out


def _confidentiality(facts: Facts, mentions: list[Span]) -> None:
    """ "Status information shall be kept confidential" (or "kept private") restricts sharing
    it, with no verb."""
    low = facts.low
    if not any(word in low for word in _DUTY_WORDS):
        return
    duty = _duty_of_confidentiality(low, p.CONFIDENTIAL_DUTY)
    if duty is None or facts.polarity_at(duty.start()) == "permit":
        return
    _restrict_all(facts, mentions, Span("send", duty.start(), duty.end(), duty.group()))


def _duty_of_confidentiality(low: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first duty of confidentiality `pattern` finds that the sentence does not deny
    ("is not required to keep ... confidential", "shall not be kept private": no duty)."""
    denials: list[tuple[int, int]] | None = None  # read only once a duty is found
    for duty in pattern.finditer(low):
        if denials is None:
            denials = [d.span() for d in p.NEGATED_DUTY.finditer(low)]
        if not any(start < duty.end() and duty.start() < end for start, end in denials):
            return duty
    return None


_DUTY_WORDS = ("confiden", "private", "privacy", "secret", "made public", "protect", "safeguard")
_DESTROYING = ("destr", "purg", "expung", "delet", "eras", "shred")


def _destruction(facts: Facts, mentions: list[Span]) -> None:
    """ "Any record that might identify an undocumented student will be destroyed" limits
    keeping it (§ 1373(b)(2)), with no verb of keeping. A permission to destroy ("may be
    destroyed") or a bar on it ("shall not be destroyed") limits nothing."""
    low = facts.low
    if not any(word in low for word in _DESTROYING):
        return
    body = low.lstrip(_BULLETS)
    duty = p.DESTRUCTION.search(body)
    if duty is None:
        return
    opening = len(low) - len(body)
    start, end = (opening + i for i in duty.span("verb" if duty["verb"] else "active"))
    if facts.polarity_at(start) in ("require", ""):
        _restrict_all(facts, mentions, Span("keep", start, end, facts.text[start:end]))


def _restrict_all(facts: Facts, mentions: list[Span], verb: Span) -> None:
    """A duty with no object of its own (confidentiality, destruction) restricts every status
    or broad mention of the sentence, but status that is excluded or a basis."""
    for mention in mentions:
        if mention.kind == "status" and (
            _excluded(facts.low, mention) or _basis(facts.low, mention)
        ):
            continue
        _restrict_once(facts, mention, (verb,))


def _restrict_once(facts: Facts, mention: Span, verbs: tuple[Span, ...]) -> None:
    """`verbs` restrict `mention` when it is status or a broad category, recorded once."""
    held = {"status": facts.status, "broad": facts.broad}.get(mention.kind)
    if held is not None and not any(r.mention == mention for r in held):
        held.append(Restriction(mention, verbs))


def _access_denied(facts: Facts, mentions: list[Span]) -> None:
    """Access to databases or information denied to immigration enforcement withholds what
    they hold: "does not grant permission for any person engaging in immigration enforcement
    to access ... equipment; databases", "shall not grant federal immigration authorities
    access to information". Not access in general ("No access to any office or database
    shall be granted without a warrant"): only where immigration enforcement is named, or
    where access is confined to named bodies that are not federal ("only state and local
    agencies may have access to ...")."""
    low = facts.low
    confined = {m.end() - len("access") for m in p.ACCESS_CONFINED.finditer(low)}
    seeker = p.IMMIGRATION_SEEKER.search(low)
    if not confined and not seeker:
        return
    # "Access by federal immigration authorities to any county database ... is prohibited"
    forbidden = bool(seeker and p.PROHIBITED_AT_END.search(low))
    for match in p.ACCESS.finditer(low):
        denied = _DENIED.search(low, max(0, match.start() - 20), match.start())
        restricted = facts.polarity_at(match.start()) == "restrict"
        if not (restricted or forbidden or denied or match.start() in confined):
            continue
        if any(p.NEW_CLAUSE.search(part) for part in match["gap"].split(";")[1:]):
            continue
        start, end = match.span("object")
        covering = [m for m in mentions if m.start < end and start < m.end]
        # what the database holds or the information is about: "any county database
        # containing ... immigration status", "information about the release date of"
        covering += [
            m
            for m in mentions
            if (m.kind == "status" or m.kind.startswith("limited:"))
            and _HOLDING.match(low, end, m.start)
            and m not in covering
        ]
        if not any(m.kind == "status" for m in covering) and any(
            m.kind.startswith("limited:") for m in covering
        ):
            continue
        verb = (
            Span(
                "send",
                match.start(),
                match.start() + 6,
                facts.text[match.start() : match.start() + 6],
            ),
        )
        if any(m.kind == "status" for m in covering):
            _restrict_once(facts, next(m for m in covering if m.kind == "status"), verb)
            continue
        mention = Span("broad", start, end, facts.text[start:end])
        if not any(r.mention.start < end and start < r.mention.end for r in facts.broad):
            facts.broad.append(Restriction(mention, verb))


# Access refused in so many words: "shall deny access to the database to any individual
# who is seeking access for the purpose of enforcing federal immigration law".
_DENIED = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing))\s+$")
_HOLDING = re.compile(
    r",?\s+(?:containing|holding|including|(?:that|which)\s+(?:contains?|holds?|includes?)|with"
    r"|about|regarding|concerning|on|relating\s+to|related\s+to|pertaining\s+to)\s+"
    r"[^.;:]{0,60}$"
)


def _process_demanded(facts: Facts, mentions: list[Span]) -> None:
    """Immigration enforcement told to bring a warrant, subpoena or court order for what it
    requests: giving it what it asks for is conditioned on that process, a restriction on
    sending it ("If ... ICE requests student records, they must present a valid subpoena").
    Only where immigration enforcement (or law enforcement, which includes it) is named, and
    only what the request names: a request for release dates stays narrow."""
    low = facts.low
    if not any(w in low for w in _PROCESS_WORDS):
        return
    if not p.IMMIGRATION_SEEKER.search(low):
        return
    for match in p.PROCESS_DEMANDED.finditer(low):
        group = next(g for g in ("object", "object2", "object3") if match[g])
        start, end = match.span(group)
        if not p.IMMIGRATION_SEEKER.search(low, 0, max(match.end(), match.start() + 80)):
            continue
        asked = [m for m in mentions if start <= m.start and m.end <= end]
        if not asked or any(m.kind.startswith("limited:") for m in asked):
            continue
        verb = (Span("send", match.start(), match.end(), facts.text[match.start() : match.end()]),)
        for mention in asked:
            _restrict_once(facts, mention, verb)


def _routed_request(facts: Facts, mentions: list[Span]) -> None:
    """A request from immigration (or law) enforcement for information, handed to a named
    office before anyone answers (`p.ROUTED`): the information it asks for may not be sent
    by whoever is asked, a warning on what it names (status too: the office may still
    answer). Only where status or information is named before the routing (as a category,
    or as what the request asks for: `p.REQUESTED_OBJECT`); an approach, or a request for
    access to a place, is not read so."""
    low = facts.low
    if "request" not in low or not p.IMMIGRATION_SEEKER.search(low):
        return
    routed = p.ROUTED.search(low)
    if routed is None:
        return
    asked = [m for m in mentions if m.kind in ("status", "broad") and m.start < routed.end()]
    if not asked and (named := p.REQUESTED_OBJECT.search(low, 0, routed.end())):
        start, end = named.span("object" if named["object"] else "kind")
        asked = [Span("broad", start, end, facts.text[start:end])]
    if not asked or any(r.mention.start == asked[0].start for r in facts.status + facts.broad):
        return
    mention = asked[0]
    verb = Span("send", routed.start(), routed.end(), facts.text[routed.start() : routed.end()])
    facts.broad.append(
        Restriction(Span("routed", mention.start, mention.end, mention.text), (verb,))
    )


def _inquiry_joined(facts: Facts, mentions: list[Span]) -> None:
    """Officials barred from taking part in an inquiry that concerns immigration
    (`p.JOINED_INQUIRY`): they may not answer it, so what it asks for may not be sent.
    Status named as what the inquiry is about is restricted (an error); otherwise the
    inquiry is a warning, since answering it can reach status."""
    low = facts.low
    for match in p.JOINED_INQUIRY.finditer(low):
        if facts.polarity_at(match.start()) != "restrict":
            continue
        [verb] = _spans(facts.text, [match], "send")
        tail = low[match.end() : match.end() + 120].split(";")[0]
        about = [
            m
            for m in mentions
            if m.kind == "status" and match.end() <= m.start < match.end() + len(tail)
        ]
        for mention in about:
            _restrict_once(facts, mention, (verb,))
        if not about and not facts.status and not facts.broad:
            start, end = match.span("object")
            inquiry = Span("inquiry", start, end, facts.text[start:end])
            facts.broad.append(Restriction(inquiry, (verb,)))
        return


def _condition_told(facts: Facts, mentions: list[Span]) -> None:
    """Status named in a condition and then not told to immigration authorities ("if staff
    became aware of a lack of legal immigration status, the district would not notify
    immigration officials"): the telling restricted is of that status."""
    low = facts.low
    for condition in p.CONDITION.finditer(low):
        start, end = condition.span()
        learned = [m for m in mentions if m.kind == "status" and start <= m.start < end]
        told = p.TOLD_FEDERAL.search(low, end, end + 80)
        if learned and told and facts.polarity_at(told.start()) == "restrict":
            verb = Span("send", told.start(), told.end(), facts.text[told.start() : told.end()])
            for mention in learned:
                _restrict_once(facts, mention, (verb,))


_CHANNEL_WORDS = (
    "communicat", "contact", "information", "report", "call", "telephon", "mail", "refer",
)  # fmt: skip


def _channel_restricted(facts: Facts, mentions: list[Span]) -> None:
    """Communicating with federal immigration authorities restricted, with no information
    named ("shall not initiate communication with ICE officers", "may contact ICE only in
    cases involving ..."): the sending itself is the channel § 1373(a) protects, so the
    restriction can reach status (a broad restriction). Not where the sentence names what
    is communicated (read by its object), nor where it restricts nothing."""
    if facts.status or facts.broad or facts.limited or facts.dont_ask:
        return
    for match in p.CHANNEL.finditer(facts.low):
        if facts.polarity_at(match.start()) != "restrict":
            continue
        if any(m.start >= match.end() for m in mentions):
            continue  # what is communicated is named after the channel: read by it
        text = facts.text[match.start() : match.end()]
        channel = Span("channel", match.start(), match.end(), text)
        facts.broad.append(Restriction(channel, (Span("send", channel.start, channel.end, text),)))
        return


def _refuses_detainers(facts: Facts) -> bool:
    if any(facts.polarity_at(m.start()) == "restrict" for m in facts.finditer(p.DETAINER_VERB)):
        return True
    return any(facts.polarity_at(m.start()) != "permit" for m in facts.finditer(p.REFUSE_VERB))


def restricted_limbs(facts: Facts) -> frozenset[str]:
    """The § 1373 limbs a flagged sentence restricts (sending, if its verbs name none)."""
    restrictions = facts.status + ([] if facts.excludes_status else facts.broad)
    limbs = {limb for r in restrictions for limb in r.limbs}
    return frozenset(limbs or {"a"})


# -- the whole document -------------------------------------------------------


@dataclass
class Analysis:
    document: Document
    facts: list[Facts]
    stems: dict[int, Block] = field(default_factory=dict)  # id(block) -> its lead-in block
    definitions: Definitions = field(default_factory=Definitions)

    @functools.cached_property
    def savings(self) -> list[Facts]:
        return [f for f in self.facts if f.savings_scope]

    def savings_for(self, facts: Facts) -> list[Facts]:
        """The savings clauses whose scope takes in this sentence."""
        found = []
        for saving in self.savings:
            assert saving.sentence and facts.sentence
            if (
                saving.savings_scope == "document"
                or saving.sentence.section_index == facts.sentence.section_index
            ):
                found.append(saving)
        return found

    def uncovered(self, facts: Facts) -> frozenset[str]:
        """The § 1373 limbs this sentence restricts that no savings clause keeps open.

        A savings clause cures only the verbs it names: one that saves sending
        and receiving leaves a restriction on maintaining (§ 1373(b)(2)) or
        exchanging (§ 1373(b)(3)) in force.
        """
        if facts.self_cured:
            return frozenset()
        open_limbs: set[str] = set()
        for saving in self.savings_for(facts):
            open_limbs |= saving.savings_limbs
        return restricted_limbs(facts) - open_limbs

    def cure_for(self, facts: Facts) -> Facts | None:
        """The savings clause that covers this sentence (itself, when it cites § 1373)."""
        if facts.self_cured:
            return facts
        savings = self.savings_for(facts)
        if savings and not self.uncovered(facts):
            return savings[0]
        return None

    @property
    def assembled(self) -> bool:
        """Assembled from the clause library (so a fix can include a clause)."""
        return bool(self.document.clause_versions)

    @functools.cached_property
    def noun(self) -> str:
        """What the document calls itself ("ordinance", "policy", ...); "ordinance" by default."""
        counts = Counter(m.group(1) for f in self.facts for m in _NOUN.finditer(f.low))
        if counts:
            return counts.most_common(1)[0][0]
        return _KIND_NOUN.get(self.document.kind, "ordinance")


_KIND_NOUN = {
    "code-chapter": "chapter",
    "statute": "act",
    "resolution": "resolution",
    "executive-order": "order",
    "policy": "policy",
}
_NOUN = re.compile(r"\bthis\s+(ordinance|policy|chapter|act|resolution|order)\b")


_REFERENCE = re.compile(
    r"\b(?:described|set\s+forth|listed|referred\s+to)\s+in\s+(?:sub)?(?:section|paragraph|division)\s+"
    r"(?P<label>\([0-9a-z]{1,4}\)|[0-9a-z]{1,4}\b)"
)


def _tail_polarity(
    block: Block, last: dict[int, Facts], stems: dict[int, Block], labels: dict[str, Block]
) -> Polarity:
    """The polarity at the end of a lead-in block, following its own lead-ins.

    A lead-in with no operator that points back ("Actions described in
    subsection (1) include the following:") takes the polarity of the block
    it names, so its list reads as what that block prohibits.
    """
    seen = 0
    top = block
    while block is not None and seen < 50:
        facts = last.get(id(block))
        if facts is not None and facts.operators:
            return facts.operators[-1].kind  # type: ignore[return-value]
        top = block
        block = stems.get(id(block))  # type: ignore[assignment]
        seen += 1
    facts = last.get(id(top))
    reference = _REFERENCE.search(facts.low) if facts is not None else None
    if reference is not None:
        label = reference["label"].strip("()")
        named = labels.get(label)
        named_facts = last.get(id(named)) if named is not None else None
        if named_facts is not None and named_facts.operators and named is not top:
            return named_facts.operators[-1].kind  # type: ignore[return-value]
    return ""


def _answered_no(question: Sentence, after: list[Sentence]) -> bool:
    """The sentence is a question the next one, in the same section, answers in the negative
    ("Should ... employees report an undocumented student to immigration enforcement? May
    not.")."""
    if not after or not question.text.rstrip().endswith("?"):
        return False
    answer = after[0]
    return answer.section is question.section and bool(
        p.NEGATIVE_ANSWER.match(p.lower(answer.text))
    )


def _included_in(before: Facts | None, sentence: Sentence) -> tuple[Span, ...]:
    """The verbs of a broad restriction the sentence says includes more: "... restricts the
    sharing of personally identifiable information without parental consent. This includes
    data that could reveal a student's immigration status." What the sentence names is
    restricted as the category it joins is."""
    if before is None or not before.broad or before.sentence is None:
        return ()
    if before.sentence.section is not sentence.section:
        return ()
    if not p.INCLUDES_START.match(p.lower(sentence.text)):
        return ()
    return tuple(v for r in before.broad for v in r.verbs)


def _verbs_on_list(lead: Facts) -> tuple[Span, ...]:
    """The restricted verbs of a lead-in whose object is the list after it ("may not
    disclose ... the following information concerning a student:"), or its duty of
    confidentiality ("The Office shall keep confidential:"), read as a bar on giving."""
    duty = _duty_of_confidentiality(lead.low, p.CONFIDENTIAL_LEAD)
    if duty is not None and lead.polarity_at(duty.start()) != "permit":
        # "The Office shall keep confidential:": its list is what may not be given out
        return (Span("send", duty.start(), duty.end(), lead.text[duty.start() : duty.end()]),)
    following = p.FOLLOWING_OBJECT.search(lead.low)
    if following is None:
        return ()
    return tuple(
        v
        for v in lead.verbs
        if v.start < following.start()
        and lead.polarity_at(v.start) == "restrict"
        and not _SUBORDINATE.search(lead.low, v.end, following.start())
    )


def _lists_forbidden_policies(lead: Facts) -> bool:
    """A lead-in that forbids policies and lists what they contain: "may not adopt ... a
    sanctuary policy, including a policy, order, or ordinance that:", "No local governmental
    unit ... may enact ... any ordinance ... that:". Its items describe the forbidden
    policies (restrictions they name are protected), as a definition's items do."""
    low = lead.low.rstrip()
    if not low.endswith(":"):
        return False
    if p.CHALLENGED_LEAD.search(low):  # "The Board is challenging:" the laws listed
        return True
    clause = p.POLICY_CLAUSE_BEFORE.search(low, max(0, len(low) - 200))
    if clause is None:
        return False
    noun = clause.start()
    if p.VOIDING_BEFORE.search(low, max(0, noun - 60), noun):
        return True
    before = [o for o in lead.operators if o.end <= noun]
    return bool(before) and before[-1].kind == "restrict"


def _adopted_terms(sentences: list[Sentence]) -> frozenset[str]:
    """Terms defined by a lead-in ("'Sanctuary policy' means a policy that:") that the
    document itself adopts ("The City hereby adopts a sanctuary policy").

    A definition's items describe the policy named; a statute that bans it ("shall not
    enact or adopt a sanctuary policy", "is ineligible ... until it is repealed") leaves
    them described, but a local law that adopts what it defines imposes them.
    """
    terms = {
        defined[0]
        for s in sentences
        if s.text.rstrip().endswith((":", "—")) and (defined := defined_term(s.text))
    }
    if not terms:
        return frozenset()
    adopted = set()
    for term in terms:
        pattern = re.compile(
            p.ADOPTED_TERM.format(term=re.escape(term).replace(r"\ ", r"\s+")), re.X
        )
        for sentence in sentences:
            low = p.lower(sentence.text)
            if term.split()[-1] not in low or defined_term(sentence.text):
                continue
            for match in pattern.finditer(low):
                start = match.start()
                if not p.NOT_ADOPTING_BEFORE.search(low, max(0, start - 80), start):
                    adopted.add(term)
    return frozenset(adopted)


def _definition_texts(sentences: list[Sentence]) -> list[str]:
    """Each sentence's text, a definition's with its list items (it ends in a lead-in)."""
    texts = [s.text for s in sentences]
    for index, sentence in enumerate(sentences):
        if not sentence.text.rstrip().endswith((":", "—")) or defined_term(sentence.text) is None:
            continue
        items = []
        for later in sentences[index + 1 :]:
            if later.section is not sentence.section or later.block.level <= sentence.block.level:
                break
            items.append(later.text)
        texts[index] = " ".join([sentence.text, *items])
    return texts


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
    definitions = find_definitions(_definition_texts(sentences))
    adopted = _adopted_terms(sentences)
    last: dict[int, Facts] = {}
    defining: set[int] = set()  # blocks that are (or belong to) a definition's list
    findings: set[int] = set()  # paragraphs that open "The legislature finds that ..."
    facts_list: list[Facts] = []
    forbidden: set[int] = set()  # blocks that list the contents of policies a lead-in forbids
    carried: dict[int, tuple[Span, ...]] = {}  # a lead-in's restricted verbs, by item block
    labels: dict[str, Block] = {}
    section_index = -1
    for index, sentence in enumerate(sentences):
        tick()
        if sentence.section_index != section_index:
            section_index, labels = sentence.section_index, {}
        if sentence.block.label:
            labels.setdefault(sentence.block.label.strip("().").lower(), sentence.block)
        inherited: Polarity = ""
        in_definition = False
        if sentence.stem is not None:
            inherited = _tail_polarity(sentence.stem, last, stems, labels)
            in_definition = id(sentence.stem) in defining
            stem_facts = last.get(id(sentence.stem))
            if id(sentence.stem) in forbidden or (
                stem_facts is not None and _lists_forbidden_policies(stem_facts)
            ):
                forbidden.add(id(sentence.block))
                inherited = "permit"
            elif id(sentence.stem) in carried:
                carried[id(sentence.block)] = carried[id(sentence.stem)]
            elif stem_facts is not None and (lead := _verbs_on_list(stem_facts)):
                carried[id(sentence.block)] = lead
        elif id(sentence.block) in defining:
            in_definition = True
        before = facts_list[-1] if facts_list else None
        same_section = (
            before is not None
            and before.sentence is not None
            and before.sentence.section is sentence.section
        )
        if sentence.start == 0 and p.FINDINGS.match(p.lower(sentence.text)):
            findings.add(id(sentence.block))
        facts = sentence_facts(
            sentence.text,
            inherited=inherited,
            definitions=definitions,
            in_definition=in_definition,
            continues_described=id(sentence.block) in forbidden
            or (
                before is not None
                and before.sentence is not None
                and before.sentence.section is sentence.section
                and _describes_restriction(before)
                and bool(p.INCLUDES_START.match(p.lower(sentence.text)))
            ),
            in_findings=id(sentence.block) in findings
            or bool(p.FINDINGS_HEADING.search(p.lower(sentence.section.heading))),
            lead_verbs=carried.get(id(sentence.block), ()) or _included_in(before, sentence),
            after_status=same_section and before.names_status,
            after_broad=same_section and before.names_broad,
            after_immigration=same_section and before.names_immigration,
            answered_no=_answered_no(sentence, sentences[index + 1 : index + 2]),
        )
        facts.sentence = sentence
        if sentence.stem is not None and id(sentence.stem) in last:
            continue_savings(facts, last[id(sentence.stem)])
            continue_exception(facts, last[id(sentence.stem)])
        if facts.definition and (in_definition or sentence.text.rstrip().endswith(":")):
            defined = defined_term(sentence.text) if not in_definition else None
            if defined is None or defined[0] not in adopted:
                defining.add(id(sentence.block))
        last[id(sentence.block)] = facts
        facts_list.append(facts)
    analysis = Analysis(document, facts_list, stems, definitions)
    _last.entry = (document, analysis)
    return analysis
