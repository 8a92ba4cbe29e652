"""The lint's vocabulary: compiled once, shared by the rules and the scorecard. Pure.

Each pattern names one thing a drafter writes: an operator that restricts or
permits ("shall not", "nothing ... prohibits"), a verb that moves or gathers
information, or an object (citizenship or immigration status, personal
information, release dates).

Speed: patterns are written in lower case and matched against `lower(text)`
(ASCII letters lowered, so offsets stay the same) without re.IGNORECASE, and
the big alternations are wrapped in a `Scanner` that tries them only at the
start of words that can begin a match, instead of at every character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_WORD = re.compile(r"\w[\w'’]*")

Words = Sequence[tuple[int, str]]  # (start, word) of each word


def lower(text: str) -> str:
    """`text` in lower case, every offset unchanged (only ASCII letters lowered if need be)."""
    low = text.lower()
    # Lowering never shortens a string; a longer one ("İ") would shift offsets.
    return low if len(low) == len(text) else text.translate(_LOWER)


def words(low: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _WORD.finditer(low)]


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.X)


class Scanner:
    """`pattern.finditer`, tried only where a word starts with one of `firsts`.

    Same matches as `finditer` for patterns whose every match starts at such a
    word, several times faster on long text.
    """

    def __init__(self, pattern: str, firsts: tuple[str, ...]):
        self.pattern = _compile(pattern)
        self.firsts = firsts
        self.initials = frozenset(first[0] for first in firsts)

    def finditer(self, low: str, words: Words) -> Iterator[re.Match[str]]:
        position = 0
        initials, firsts, match_at = self.initials, self.firsts, self.pattern.match
        for start, word in words:
            if word[0] in initials and start >= position and word.startswith(firsts):
                match = match_at(low, start)
                if match:
                    position = match.end()
                    yield match

    def search(self, low: str, words: Words) -> re.Match[str] | None:
        return next(self.finditer(low, words), None)


class Scanners:
    """Several scanners in one pass over the words (what every sentence needs).

    `scan(low, words)` returns, for each scanner, the matches its own `finditer`
    would return. Which scanners can start at a word depends on the word alone, so
    it is worked out once per distinct word and remembered (most words start none).
    """

    # Forget the remembered words past this many, so hostile text costs bounded memory.
    _REMEMBERED = 50_000

    def __init__(self, *scanners: Scanner):
        self.scanners = scanners
        self._starting: dict[str, tuple[int, ...]] = {}

    def _scanners_starting(self, word: str) -> tuple[int, ...]:
        if len(self._starting) >= self._REMEMBERED:
            self._starting.clear()
        found = tuple(i for i, s in enumerate(self.scanners) if word.startswith(s.firsts))
        self._starting[word] = found
        return found

    def scan(self, low: str, words: Words) -> list[list[re.Match[str]]]:
        scanners = self.scanners
        found: list[list[re.Match[str]]] = [[] for _ in scanners]
        positions = [0] * len(scanners)
        starting, remember = self._starting.get, self._scanners_starting
        for start, word in words:
            indexes = starting(word)
            if indexes is None:
                indexes = remember(word)
            for index in indexes:
                if start >= positions[index]:
                    match = scanners[index].pattern.match(low, start)
                    if match:
                        positions[index] = match.end()
                        found[index].append(match)
        return found


_RESTRICT_WORDS = r"(?:prohibit|restrict|prevent|limit|bar|preclude|impede|forbid|interfere)\w*"
# Further verbs of a restriction: "prohibit, or in any way restrict", also passive ("shall
# not be prohibited or in any way be restricted from"). Bill line numbers run into the text
# ("or in 8 any way be restricted") are skipped.
_LINE = r"(?:[0-9]{1,3}\s+)?"
_CHAIN = rf"""(?:\s*(?:,\s*(?:or\b|and\b)?|\bor\b|\band\b|and/or)\s*{_LINE}
    (?:in\s+{_LINE}any\s+way\s+{_LINE})?(?:be\s+)?{_RESTRICT_WORDS})*"""
_MODAL = r"(?:shall|may|will|must|can|should)"
# Immigration authorities by name, not the federal government at large: "call ICE", "refer
# students to ICE", "make referrals to federal immigration authorities" (not "report code
# violations to the federal government", nor "refer families to immigration lawyers"). "The
# Immigration Service" is the INS's old name.
_IMMIGRATION_BODY = r"""\b(?:immigrations?\s+(?:and\s+customs|enforcement|authorit\w*|agen\w*
    |officers?|officials?|service\b(?!\s+provid))|ice|ins|dhs|cbp|uscis|border\s+patrol
    |homeland\s+security)\b"""
# Federal immigration authorities as a recipient: the federal government, or an immigration
# body by name (the bare adjective names none: "proof of immigration status").
_FEDERAL_RECIPIENT = rf"""(?:the\s+)?(?:federal\b|{_IMMIGRATION_BODY}
      |u\.s\.\s+immigration|department\s+of\s+homeland
      |united\s+states\s+immigration|(?:u\.s\.\s+)?customs\s+and\s+border)"""
_IMMIGRATION_RECIPIENT = rf"""(?:the\s+)?(?:u\.s\.\s+|united\s+states\s+|federal\s+)?
    (?:department\s+of\s+)?{_IMMIGRATION_BODY}"""
# The verbs of giving information, as a word starts (for operators that need one after them).
_SENDING = r"""(?:releas|shar|disclos|provid|giv|transmit|sen[dt]|furnish|communicat|exchang
    |report|divulg|disseminat|contact|made\s+available|mak\w*\s+available)"""

# Refusing a request for information: "deny any request by immigration agents for
# information", "refuse the application of any request from a state or federal agency that
# requires the identification of a resident's immigration status", "decline all information
# requests from Homeland Security". The refusal withholds what the request asks for: it is a
# verb of giving and its own negation, as "withhold" is (analysis._operators).
_REFUSING = (
    r"(?:den(?:y|ies|ied|ying)|declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?)"
)
_REQUEST_FOR = r"""(?=\s+(?:the\s+application\s+of\s+)?
    (?:(?:all|any|every|each|such|the|their|its)\s+)?
    (?:(?:information|records?|data)\s+(?:requests?|inquiries|demands)\b
      |(?:[\w-]+\s+){0,2}?(?:requests?|inquiries|demands)\b[^.;]{0,80}?
        \b(?:for|about|regarding|concerning|seeking|that\s+requires?)\b))"""
REFUSING = re.compile(_REFUSING)

# Operators, tried in this order at each position: a negated restriction
# ("nothing ... prohibits", "shall not be construed to restrict") before a
# restriction ("shall not"), and "may not" before "may".
OPERATOR = Scanner(
    rf"""
    (?P<neutral>  # "including but not limited to": neither restricts nor permits
        \binclud\w*,?\s+(?:but\s+)?(?:(?:is|are|shall|will)\s+)?not\s+(?:be\s+)?limited\s+to\b
      | \bbut\s+(?:(?:is|are|shall|will)\s+)?not\s+(?:be\s+)?limited\s+to\b
      # the route, not a bar: "does not directly share information with DHS" (it goes
      # through another agency); "not directly or indirectly" is a bar
      | \b(?:does|do|did|will|shall|may|must|is|are)\s+not\s+directly\b(?!\s+or\s+indirectly)
      # a scope clause: "This rule does not apply to any ... agency that receives Records"
      # (what it leaves out is not restricted by it)
      | \b(?:does|do|shall|will)\s+not\s+apply\s+to\b
    )
  | (?P<permitneg>
        \bnothing\b[^;.]{{0,200}}?\b{_RESTRICT_WORDS}{_CHAIN}
      | \bno\s+(?:provision|part|portion)\b[^;.]{{0,120}}?\b{_RESTRICT_WORDS}{_CHAIN}
      # "no agency shall restrict the exchange of ...", "No department head shall prohibit
      # staff from reporting ..."
      | \bno\s+(?:[^\s;:.!?]+\s+){{0,8}}?{_MODAL}\s+(?:in\s+any\s+way\s+)?{_RESTRICT_WORDS}{_CHAIN}
      # "federal law does not allow the city to prohibit employees from sharing"
      | \b(?:does|do|shall|will|may)\s+not\s+(?:allow|permit|authori[sz]e)\s+[^;.]{{0,60}}?\bto\s+
        {_RESTRICT_WORDS}{_CHAIN}
      # "The Department has no policy restricting its members from communicating ..."
      | \b(?:has|have|had|maintains?)\s+no\s+(?:[\w-]+\s+){{0,2}}?
        (?:polic(?:y|ies)|rules?|practices?|ordinances?|directives?)\b[^;.]{{0,30}}?{_RESTRICT_WORDS}{_CHAIN}
      | (?:\b(?:does|do|shall|will|may|is|are|can|could|must|should)\s+not|\bcannot|\bcan't)\s+
        {_LINE}(?:be\s+)?(?:(?:construed|interpreted|read|intended|deemed)\s+(?:to|as)\s+(?:\w+\s+)?)?
        {_RESTRICT_WORDS}{_CHAIN}
      | \b(?:shall|may|will|must)\s+not\s+be\s+(?:\w+\s+)?
        (?:prohibited|restricted|prevented|barred|precluded)\b{_CHAIN}
      | \bno\s+(?:[^\s;:.!?]+\s+){{0,8}}?(?:is|are)\s+(?:\w+\s+)?
        (?:prohibited|restricted|prevented|barred|precluded)\b{_CHAIN}
      | \b(?:is|are|shall|will)\s+not\s+(?:be\s+)?(?:unlawful|illegal)\s+for\s+[^;.]{{0,80}}?\bto\b
      # "It shall be unlawful for any municipality not to permit its officers to exchange"
      | \b(?:unlawful|illegal)\s+for\s+[^;.]{{0,80}}?\bnot\s+to\s+(?:permit|allow|authori[sz]e)\b
        [^;.]{{0,80}}?\bto\b
      | \bno\s+(?:[^\s;:.!?]+\s+){{0,20}}?(?:shall|may|will|must|can)\s+be\s+(?:\w+\s+)?
        (?:prohibited|restricted|prevented|barred|precluded|penali[sz]ed|disciplined|sanctioned)\b
    )
  | (?P<restrict>
        \b{_MODAL}\s+(?:not|never)\b
      # a phrase between the modal and "not": "shall, to the extent practicable, not disclose"
      | \b{_MODAL}\s*,[^,;.]{{1,60}},\s*(?:not|never)\b
      | \b(?:cannot|can't|won't|shan't)\b
      # a denial of authority that names the act: "Nothing in this article authorizes the
      # disclosure of juvenile information to federal officials absent a court order" (where
      # a law keeps records confidential, what it does not authorize it forbids)
      | \bnothing\s+in\s+(?:this|the)\s+(?:[\w-]+\s+){{0,5}}?(?:authori[sz]es|permits|allows
          |(?:shall|may)\s+be\s+(?:construed|deemed|interpreted)\s+(?:to|as)\s+
          (?:authori[sz]\w*|permit\w*|allow\w*))(?=\s+(?:the\s+|any\s+)?{_SENDING})
      # told not to: "Officers are directed not to disclose", "the policy of the city to not
      # share"
      | \b(?:directed|instructed|ordered|told|required|expected|trained|advised|asked)\s+not\s+to\b
      # a practice or a policy of not doing it: "its practice not to collect or maintain",
      # "the policy of the County not to share"; "Employees are not to disclose"; what the
      # body "would not" do
      | \b(?:practice|policy|rule|commitment|decision|intent|intention|promise[sd]?)\b[^;.]{{0,40}}?
        \bnot\s+to\b
      # "it is not the policy of the IRS to release ..."
      | \bnot\s+(?:the|our|its|their)\s+(?:policy|practice)\s+(?:of\s+[^;.]{{1,40}}?\s+)?to\b
      | \b(?:is|are)\s+not\s+to\b | \bwould\s+(?:not|never)\b
      # a promise: "We are not going to divulge that"
      | \b(?:am|is|are)\s+not\s+going\s+to\b
      # "No other employee is authorized to ... provide records"
      # "ensure that no District employee informs ..."
      | \bensur(?:e|es|ing)\s+that\s+no\b
      | \bno\s+other\s+(?:[^\s;:.!?]+\s+){{0,6}}?(?:is|are|shall\s+be)\s+
        (?:authori[sz]ed|permitted|allowed)\s+to\b
      | \bto\s+not\b(?=\s+(?:{_SENDING}|ask|inquir|collect|maintain|keep|record|retain|request))
      # allowed only on a condition: "shall only be shared pursuant to a judicial warrant",
      # "will be released to ICE only upon presentation of a warrant"
      | \b(?:{_MODAL}|is|are)\s+only\b(?=\s+(?:be\s+)?{_SENDING})
      # "only provides the minimal amount of information to ICE"
      | (?<!\bthe\s)\bonly\b(?=\s+{_SENDING}\w*\b)
      | \b{_MODAL}(?=\s+(?:be\s+)?(?:[\w-]+\s+){{0,3}}?{_SENDING}\w*\s+(?:[\w'’.-]+\s+){{0,10}}?
          only\s+(?:upon|pursuant\s+to|with|if|when|after|in\s+response\s+to|to\s+the\s+extent
          |in\s+(?:cases|instances|circumstances|situations))\b)
      | \bnot\s+(?:be\s+)?(?:permitted|allowed|authori[sz]ed)\s+to\b
      # "not" before a gerund: "This includes not inquiring about, recording, or disclosing
      # ..." (kept only before a verb of moving or gathering information: analysis._operators)
      | (?<!\bfor\s)(?<!\bor\s)(?<!\bwithout\s)\bnot\s+(?=[a-z]+ing\b)
      | \b(?:prohibited|forbidden|barred|precluded|restricted|enjoined)\s+from\b
      # "restrict" as the main verb of an act named as a noun: "will otherwise restrict
      # sharing of ...", "limits the disclosure of ...", "prohibit the use or disclosure of"
      # (before the form with "from", which would take "information obtained from
      # applicants" for its object)
      | \b{_RESTRICT_WORDS}(?=\s+(?:the\s+|any\s+|their\s+|its\s+|his\s+or\s+her\s+)?
          (?:(?:collection|use|maintenance|retention|requesting|collecting|gathering|maintaining
            |using|keeping)\s*,?\s*(?:(?:or|and|and/or)\s+)?)*(?:information[- ])?
          (?:sharing|disclosures?|dissemination|disclosing|releasing|transmitting|providing
          |maintaining|requesting|release|exchanges?|exchanging|transmission|communications?|reporting|transfer
          |provision)\b)
      # a verb of forbidding with its object before "from", in any form: "prohibits",
      # "a policy prohibiting county employees from", "forbids", "barred its employees from"
      | \b(?:prohibit(?:s|ing)?|forbid(?:s|ding)?|bar(?:s|red|ring)?|prevent(?:s|ed|ing)?
          |preclud(?:e|es|ed|ing)|restrict(?:s|ed|ing)?|limit(?:s|ing)?)\s+[^;.]{{0,160}}?\bfrom\b
      # "disallowing any city employee or elected official to disclose ...", "forbids
      # officers to share ..."
      | \b(?:disallow(?:s|ed|ing)?|forbid(?:s|ding)?|forbade)\s+[^;.]{{0,160}}?\bto\s+(?={_SENDING})
      # "it is unlawful for", "make it unlawful for police to share ..."
      | \b(?:unlawful|illegal)\s+for\s+[^;.]{{0,80}}?\bto\b
      # "prohibits using County resources for ...", "prohibits the use of ... to"
      | \bprohibits?\s+(?:the\s+)?(?:use\s+of|using)\b
      # a restriction named as a noun: "restrictions on ... communications regarding ..."
      | \b(?:restrictions?|limitations?|limits|prohibitions?)\s+on\b
      # a list of prohibited acts: "The prohibition ... shall include:"
      | \bprohibit(?:ions?|ed\s+(?:acts|actions|activities|conduct|uses|practices))\b
        [^.;:]{{0,80}}?\binclud\w*
      # a negated passive: "is not used or disclosed"
      | \b(?:is|are|be|been)\s+not\b
        (?=\s+(?:\w+\s+(?:or|and|nor)\s+)?(?!required|obligated|needed|limited)\w+(?:ed|en)\b)
      # a negated subject, also with a clause set off by commas before the modal: "No
      # governing body of a city, whether acting through its governing body or by an
      # initiative, referendum or any other process, shall ..."
      | \bno\s+(?!later\b|more\b|less\b|longer\b|fewer\b|sooner\b|earlier\b|other\b
                |one\b(?!\s+shall))
        (?:[^\s;:.!?]+\s+){{0,20}}?
        (?:(?:whether|including|either|acting|directly|in\s+any|through)\b[^;:.!?]{{0,200}}?,\s*)?
        (?:shall|may|will|must|can|is|are)\b
      | \b(?:under\s+no\s+circumstances?|in\s+no\s+(?:event|case))\b,?(?:\s+{_MODAL}\b)?
      | \bnor\s+{_MODAL}\b
      | \b(?:refrain|abstain)(?:s|ed|ing)?\s+from\b
      # "shall decline to", "declines to furnish" (not "may decline to": a discretion)
      | (?<!\bmay\s)(?<!\bcan\s)(?<!\bmight\s)(?<!\bcould\s)\bdeclin(?:e|es|ed|ing)\s+to\b
      # "directs all departments to cease providing information regarding ... status"
      | \b(?:cease|stop|discontinue)(?:s|d|ped|ing)?\s+(?=[a-z]+ing\b)
      # "It is the policy of this county that its officers not provide ..."
      # (not "We have not shared ...": a report of what was not done, not a rule)
      | (?<!\bor\s)(?<!\bwhether\s)(?<!\bif\s)(?<!\bfor\s)(?<!\bwithout\s)(?<!\bneed\s)
        (?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\bnot\s+(?={_SENDING})
      # consent or approval first: "must obtain the individual's written consent before sharing"
      | \b(?:must|shall|will)\s+(?:first\s+)?(?:obtain|get|have|receive|secure)\b[^.;]{{0,60}}?
        \b(?:consent|approval|authori[sz]ation|permission)\b[^.;]{{0,20}}?\bbefore\b
      | \brefus(?:e|es|ed|ing)\s+to\b
      # a failure or a refusal to act: it negates the act only under an outer restriction
      # ("No officer shall fail to share ...", "will not engage in any program which would
      # require a failure to cooperate ...": a double negative, analysis._operators)
      | \bfail(?:s|ed|ing|ures?)?\s+to\b | \brefusals?\s+to\b
      # an elided passive: "is protected by patient privacy laws and not shared with ICE"
      | \b(?:and|but)\s+not\s+(?=[a-z]+(?:ed|en)\b)
      # a prohibition after its subject: "Any communication to an immigration agency ...
      # concerning ... immigration status is prohibited." (analysis: from the start)
      # an item that starts with "Not" before its verb: "The Department will: ... Not
      # provide federal immigration authorities with ..." (kept only before a verb of
      # moving or gathering information, as "not" before a gerund is)
      | ^(?:[•·\-–*]\s*)?not\s+(?=[a-z]+\b)
      # a lead-in naming what a court may forbid: "a resident may bring a civil action ... to
      # enjoin: (a) an enactment of any policy that ..."
      | \bto\s+enjoin\b
      # "Neither Campus Safety Officers nor faculty or staff shall:" (the modal is the negation's)
      | \bneither\b[^;.:]{{0,80}}?\bnor\b[^;.:]{{0,80}}?\b{_MODAL}\b
      | \bnever\b | \bneither\b | \b(?:does|do|did)\s+not\b
      # "withhold" is "not send": it restricts the sending it names (see analysis._operators)
      | \bwithh(?:old|olds|olding|eld)\b
      | \b{_REFUSING}{_REQUEST_FOR}
    )
  | (?P<permit>
        \bmay\b(?!\s+not\b) | \bcan\b(?!\s+not\b)
      | \b(?:is|are)\s+(?:hereby\s+)?(?:permitted|authori[sz]ed|allowed|free|encouraged)\s+to\b
      | \bretains?\s+(?:full\s+)?discretion\b | \bdiscretion\s+to\b
    )
  | (?P<require>
        \b(?:shall|must|will)\b | \b(?:is|are)\s+(?:hereby\s+)?required\s+to\b
    )
    """,
    (
        "includ",
        "but",
        "be",
        "been",
        "nothing",
        "no",
        "does",
        "do",
        "did",
        "shall",
        "will",
        "may",
        "is",
        "are",
        "am",
        "must",
        "can",
        "should",
        "won't",
        "shan't",
        "could",
        "only",
        "refus",
        "fail",
        "has",
        "have",
        "had",
        "maintain",
        "declin",
        "cease",
        "stop",
        "discontinu",
        "and",
        "not",
        "prohibit",
        "restrict",
        "limit",
        "prevent",
        "bar",
        "preclud",
        "impede",
        "forbid",
        "forbade",
        "disallow",
        "den",
        "reject",
        "interfere",
        "unlawful",
        "illegal",
        "barred",
        "precluded",
        "restricted",
        "enjoined",
        "under",
        "in",
        "refrain",
        "abstain",
        "never",
        "neither",
        "retain",
        "discretion",
        "withh",
        "directed",
        "instructed",
        "ordered",
        "told",
        "required",
        "expected",
        "trained",
        "advised",
        "asked",
        "to",
        "practice",
        "policy",
        "rule",
        "commitment",
        "decision",
        "intent",
        "promis",
        "would",
        "ensur",
    ),
)

# Verbs. "send" moves information out, "keep" holds it (§ 1373(b)(2)),
# "receive" takes it in, "collect" gathers it from the person (§ 1373 requires
# no gathering, so restricting it is safe).
VERB = Scanner(
    r"""
    (?P<collect>
        # "does not require disclosure of immigration status": asking the person for it
        \brequir(?:e|es|ing|ed)\s+(?:the\s+|any\s+)?(?:disclosure|production|provision)\s+of\b
      | \b(?:requir(?:e|es|ing)|ask(?:s|ed|ing)?|compel(?:s|led|ling)?)\s+
        (?:[^\s;,.]+\s+){0,5}?to\s+
        (?:disclose|provide|produce|present|show|prove|state|reveal|declare)\b
      | \b(?:inquir|enquir)(?:e|es|ed|ing|y|ies)\b
      | \bask(?:s|ed|ing)?\b
        (?=\s+(?:about|for|whether|if|any|a|an|the|individuals?|persons?|people|questions?)\b)
      | \brequest(?:s|ed|ing)?\b
        (?=\s+(?:information|about|that|whether|proof|documents?|documentation|any|from|verification
              |confirmation|the\s+(?:citizenship|immigration)))
      | \b(?:collect|gather|solicit|elicit)(?:s|ed|ing|ion)?\b
      # "compiling a list, registry, or database of individuals": gathering, not keeping
      # what is held (a registry ban is outside § 1373's verbs)
      | \bcompil(?:e|es|ed|ing)\b
      # not "obtained": "any information obtained about ..." names the object, not an act
      | \bobtain(?:s|ing)?\b
      | \binvestigat(?:e|es|ed|ing)\b
      # finding status out: "contact ICE to determine", "verify status with ICE"
      | \b(?:verif(?:y|ies|ied|ying)|determin(?:e|es|ed|ing)|ascertain(?:s|ed|ing)?)\b
    )
  | (?P<send>
        \b(?:shar(?:e|es|ed|ing)|disclos(?:e|es|ed|ing|ures?)|disseminat(?:e|es|ed|ing|ion)
        |divulg(?:e|es|ed|ing)|communicat(?:e|es|ed|ing|ions?)|exchang(?:e|es|ed|ing)
        |transmi(?:t|ts|tted|tting|ssion)|sen(?:d|ds|t|ding)|furnish(?:es|ed|ing)?
        |reveal(?:s|ed|ing)?|report(?:s|ed|ing)?|provid(?:e|es|ed|ing)|giv(?:e|es|en|ing)|gave
        |notif(?:y|ies|ied|ying)|respond(?:s|ed|ing)?|forward(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)
        |withh(?:old|olds|olding|eld)|tell(?:s|ing)?|discuss(?:es|ed|ing)?
        |(?:turn|hand)(?:s|ed|ing)?\s+over|inform(?:s|ed|ing)?(?!\s+(?:consent|decision))
        |convey(?:s|ed|ing)?|relay(?:s|ed|ing)?|pass(?:es|ed|ing)?\s+(?:on|along))\b
      # verbs that more often move people or make things: only with information, also
      # someone's ("release any individual's information"), after the recipient ("release
      # to U.S. Immigration Officers or to any person, any personally identifiable student
      # information") and a few words that qualify it
      # (and "return": "does not return any records to the Department of Homeland Security",
      # not the tax term "return information")
      | \b(?:releas(?:e|es|ing)|transfer(?:s|red|ring)?|return(?:s|ed|ing)?(?!\s+information\b))\b
        (?=\s+(?:to\s+[^,;:]{1,80}?(?:,\s*|\s(?=any\s|all\s)))?(?:of\s+)?(?:any\s+|the\s+|such\s+|all\s+|an\s+|a\s+
              |each\s+)?(?:[a-z-]+['’]s?\s+|his\s+|her\s+|their\s+|its\s+)?
              (?:(?!(?:to|from|with|and|or|of|on|in|for|by|at|the|a|an)\s)[a-z-]+,?\s+(?:(?:or|and)\s+)?){0,3}
              (?:information|data|records?|details|files?|personal|confidential|status|citizenship))
      | (?:(?<=\bbe\s)|(?<=\bis\s)|(?<=\bare\s)|(?<=\bbeen\s))(?:released|transferred)\b
      # "confirming a person's immigration status to ICE" (not confirming it for oneself)
      | \bconfirm(?:s|ed|ing)?\b(?=[^.;]{0,60}?\bto\s+"""
    + _FEDERAL_RECIPIENT
    + r""")
      # answering a request for it: "comply with any request from ICE for information about"
      | \b(?:compl(?:y|ies|ied|ying)\s+with|honou?r(?:s|ed|ing)?|fulfill?(?:s|ed|ing)?
        |answer(?:s|ed|ing)?)\b
        (?=[^.;]{0,60}?\b(?:requests?|questions|inquiries)\b[^.;]{0,60}?
          \b(?:for|about|regarding|concerning)\b)
      # used for immigration enforcement: "This information cannot be used for civil
      # immigration enforcement" (put to that use, it goes to the enforcers)
      | \bus(?:e|ed|ing)\b(?=\s+(?:for|in)\s+(?:the\s+purposes?\s+of\s+)?(?:any\s+)?
          (?:civil\s+|federal\s+)?immigration\s+(?:law\s+)?enforcement\b
        # or for no purpose but those listed: "No information furnished pursuant to an
        # application ... shall be used for any purpose except" (giving it out is a use)
        |\s+for\s+any\s+(?:other\s+)?purposes?\s+(?:except|other\s+than|but|not\s+listed)\b)
      # refusing it: not answering, so not giving what it asks for
      | \b"""
    + _REFUSING
    + _REQUEST_FOR
    + r"""
      | \b(?:mak(?:e|es|ing)|made)\b(?=[^.;]{0,150}?\bavailable\b)
      # "shall not be accessible to immigration enforcement personnel"
      | \baccessible\b(?=\s+to\b)
    )
  | (?P<keep>\b(?:maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?|stor(?:e|es|ed|ing))\b
      # not "kept confidential", "keep immigration status information private": a duty of
      # confidentiality (CONFIDENTIAL_DUTY), which says how it is kept, not whether
      | \b(?:keep(?:s|ing)?|kept)\b
        (?!\s+(?:strictly\s+)?(?:confidential|private|secret)\b
          |\s+in\s+(?:(?:strict|strictest|complete)\s+)?confidence\b
          |\s[^.;,:]{1,80}?\s(?:strictly\s+)?(?:confidential|private|secret)
            (?=\s*(?:[,.;:)]|$)|\s+(?:and|or|from|unless|except|to|by)\b))
      # "make record of the immigration or citizenship status", "make a record of"
      | \bmak(?:e|es|ing)\s+(?:a\s+|any\s+)?records?\s+of\b
      # "shall record information about ... status", "not inquiring about, recording, or
      # disclosing ...": "record" as a verb (after a modal, "to", "not", a comma or a
      # conjunction, or passive), not the noun of "a record of" or "criminal record"
      | (?:(?<=\bshall\s)|(?<=\bmay\s)|(?<=\bwill\s)|(?<=\bmust\s)|(?<=\bto\s)|(?<=\bnot\s)
          |(?<=\bnever\s)|(?<=\bor\s)|(?<=\band\s)|(?<=\bnor\s)|(?<=,\s))(?:record|document)(?:ing)?\b
          (?!\s+of\b)
      | (?:(?<=\bbe\s)|(?<=\bbeen\s)|(?<=\bis\s)|(?<=\bare\s))recorded\b
      # "enter a person's immigration status into any database", "place information about
      # ... status in the medical record": keeping it
      | \b(?:enter(?:s|ed|ing)?|plac(?:e|es|ed|ing)|put(?:s|ting)?|not(?:e|es|ed|ing))\b
        (?=[^.;]{0,80}?\bin(?:to)?\s+(?:any\s+|a\s+|the\s+)?(?:[\w-]+\s+)?
          (?:databases?|systems?|records?|files?|registr(?:y|ies))\b))
  | (?P<receive>\b(?:receiv(?:e|es|ed|ing)|accept(?:s|ed|ing)?)\b)
    """,
    (
        "requir",
        "inquir",
        "enquir",
        "ask",
        "request",
        "collect",
        "gather",
        "solicit",
        "elicit",
        "compil",
        "obtain",
        "investigat",
        "verif",
        "determin",
        "ascertain",
        "shar",
        "disclos",
        "disseminat",
        "divulg",
        "communicat",
        "exchang",
        "transmi",
        "send",
        "sent",
        "furnish",
        "reveal",
        "report",
        "provid",
        "giv",
        "gave",
        "notif",
        "respond",
        "releas",
        "transfer",
        "return",
        "forward",
        "suppl",
        "withh",
        "mak",
        "made",
        "maintain",
        "keep",
        "kept",
        "retain",
        "stor",
        "record",
        "enter",
        "plac",
        "put",
        "not",
        "receiv",
        "accept",
        "compl",
        "tell",
        "discuss",
        "inform",
        "convey",
        "relay",
        "pass",
        "turn",
        "hand",
        "honor",
        "honour",
        "den",
        "declin",
        "refus",
        "reject",
        "us",
        "fulfil",
        "answer",
        "document",
        "confirm",
        "accessible",
    ),
)

# Citizenship or immigration status, also inside a coordinated list
# ("citizenship, immigration or residency status", "immigration or release status").
# What a person's status is, said as a predicate: "not a citizen of the United States",
# "undocumented", "unlawfully present", "an alien".
_NOT_A_CITIZEN = r"""(?:not\s+(?:an?\s+)?(?:(?:united\s+states|u\.s\.|american)\s+)?citizens?
      (?:\s+of\s+the\s+united\s+states)?\b
    |not\s+(?:lawfully|legally)\s+(?:present|admitted|residing|in\s+the\s+united\s+states)\b
    |(?:an?\s+)?non-?citizens?\b
    |an?\s+(?:(?:undocumented|illegal|unauthori[sz]ed|deportable|removable)\s+)?aliens?\b
    |(?:undocumented|deportable|removable)\b|(?:unlawfully|illegally)\s+present\b
    # "is in the country illegally", "being in the country without documentation"
    |in\s+the\s+(?:united\s+states|country)\s+(?:unlawfully|illegally
      |without\s+(?:legal\s+)?(?:status|documentation|documents|papers|authori[sz]ation))\b)"""
# People named by their status: "an undocumented student", "noncitizen residents".
_BY_STATUS = r"""(?:undocumented|non-?citizen|illegal|unauthori[sz]ed|deportable|removable)\s+
    (?:immigrants?|aliens?|persons?|individuals?|people|students?|residents?|migrants?|workers?
    |famil(?:y|ies)|parents?|child(?:ren)?|pupils?|clients?|patients?|tenants?|applicants?)\b"""
# Status asked as a question: "whether a student is an undocumented immigrant", "whether an
# individual is lawfully present", "whether a person is a citizen".
_WHETHER_STATUS = (
    r"""\bwhether\s+(?:or\s+not\s+)?(?:[\w'’-]+\s+){1,7}?
    (?:(?:lacks?|has|have|had)\s+(?:lawful|legal)\s+(?:presence|(?:immigration\s+)?status)\b
    |(?:is|was|are|were|am|has\s+been|have\s+been|may\s+be|might\s+be|could\s+be)\s+(?:not\s+)?
    (?:(?:an?\s+)?"""
    + _BY_STATUS
    + r"""|(?:an?\s+)?(?:(?:united\s+states|u\.s\.|american)\s+)?citizens?\b
    |(?:lawfully|legally)\s+(?:present|admitted|residing)\b|documented\b|"""
    + _NOT_A_CITIZEN
    + "))"
)
STATUS = Scanner(
    r"""
    \b(?:citizenship|immigration)
      (?:\s*(?:,|/|\band/or\b|\bor\b|\band\b)\s*(?:(?:or|and)\s+)?[a-z-]+){0,4}?
      \s*(?:-\s*)?status(?:es)?\b
  | \b(?:citizenship|immigration)\s+(?:or|and|and/or)\s+(?:citizenship|immigration)\b
  | \balienage\b
  # "report on the citizenship of those who ...", "inquiries about citizenship"
  | (?:(?<=\bon\s)|(?<=\babout\s)|(?<=\bregarding\s)|(?<=\bconcerning\s)|(?<=\bon\sthe\s)
      |(?<=\babout\sthe\s)|(?<=\bregarding\sthe\s)|(?<=\bconcerning\sthe\s))citizenship\b
      (?!\s+(?:services?|classes|ceremon\w*|applications?|tests?|education|programs?|status)\b)
      (?!\s*(?:,|/|\bor\b|\band\b)[^.;]{0,40}?\bstatus\b)
  # "report information about immigration to the federal government" (not about
  # immigration enforcement, law or the like)
  | \b(?:information|data|records?)\s+
      (?:about|regarding|concerning|on|relating\s+to|related\s+to)\s+
      (?:(?:a|an|the|any)\s+(?:person|individual)['’]s\s+|his\s+or\s+her\s+|their\s+)?immigration\b
      (?!\s+(?:or\s+citizenship\s+)?(?:status|enforcement|laws?|polic\w*|authorit\w*|agen\w*|officers?
        |officials?|courts?|judges?|hearings?|proceedings?|services?|detainers?|holds?|matters?
        |operations?|actions?|activit\w*|raids?|programs?|benefits?|attorneys?|lawyers?|cases?)\b)
  # "citizenship information", "information about a student's citizenship"
  | \b(?:citizenship|immigration)(?:[- ]related)?\s+(?:information|data|records?)\b
  | \b(?:information|data|records?)\s+(?:of|regarding|about|concerning|as\s+to|on|relating\s+to
      |related\s+to|pertaining\s+to)\s+(?:(?:an?|the|any)\s+)?
      (?:[\w-]+(?:['’]s|s['’])\s+|his\s+or\s+her\s+|his\s+|her\s+|their\s+)?citizenship\b
      (?!\s+(?:services?|classes|ceremon\w*|applications?|tests?|education|programs?|status)\b)
      (?!\s*(?:,|/|\bor\b|\band\b)[^.;]{0,40}?\bstatus\b)  # "citizenship or immigration status"
  | \b(?:lawful|unlawful|undocumented)\s+(?:immigration\s+)?status\b
  | \b(?:lawful|unlawful|legal|illegal)\s+presence\b
  # "disclose the citizenship of residents" (not "the citizenship of the United States" as a goal)
  | (?<=\bthe\s)citizenship\b
      (?=\s+of\s+(?!the\s+united\b)(?:any|an?|the|all|such|each|its|their|his|her)?\s*[a-z])
  # status under another name: "documentation status", "visa status", "DACA status", "a
  # person's legal status" (not "the legal status of the ordinance")
  | \b(?:documentation|documented|visa|naturalization|refugee|asylum|asylee|daca|tps
      |deferred\s+action|lawful\s+permanent\s+residen(?:t|ce|cy)|green\s+card)\s+status\b
  | (?<=['’]s\s)legal\s+status\b | \b(?:his\s+or\s+her|their|his|her)\s+legal\s+status\b
  # records of a visa granted or refused are records of status: "records ... pertaining to the
  # issuance or refusal of visas" (INA 222(f)), "visa records"
  | \b(?:records?|information|files?|documents?|data)\b
      (?:(?!\b(?:shall|may|will|must|is|are)\b)[^;.:]){0,100}?
      \b(?:pertaining|relating|related|regarding|concerning)\s+(?:to\s+)?(?:the\s+)?
      (?:issuance|refusal|grant|denial)\s+(?:or\s+(?:issuance|refusal|grant|denial)\s+)?of\s+
      (?:(?:a|any)\s+)?visas?\b
  | \bvisa\s+(?:records?|files?)\b
  # what the information says: "Information that a child or family member is not a United
  # States citizen", "notify ICE that a probationer lacks legal status"
  | \b(?:information|data|records?|evidence|proof|that)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,6}?
      (?:(?:lacks?|has|had)\s+(?:no\s+)?(?:lawful|legal)\s+(?:immigration\s+)?(?:status|presence)\b
      |(?:is|was|are|were)\s+(?:not\s+)?"""
    + _NOT_A_CITIZEN
    + r""")
  # information that identifies a person by status: "any student record that might identify
  # an undocumented student", "information that could identify a person as undocumented"
  | \b(?:information|data|records?|documents?|documentation)\s+(?:(?:that|which)\s+)?
      (?:(?:would|could|may|might|can|tends?\s+to)\s+)?identif(?:y|ies|ying)\s+
      (?:(?:an?|any|the)\s+(?:undocumented|non-?citizen|deportable|removable|illegal|unauthori[sz]ed)\b
      |(?:[\w'’-]+\s+){1,4}?as\s+(?:being\s+)?(?:an?\s+)?(?:undocumented|non-?citizens?|deportable
        |removable|illegal|unauthori[sz]ed|aliens?)\b)
  # information about people named by their status: "information about undocumented residents"
  | \b(?:information|data|records?|files?|lists?|registr(?:y|ies)|rosters?)\s+(?:about|regarding
      |concerning|on|of|relating\s+to|related\s+to|pertaining\s+to)\s+(?:(?:any|the|all)\s+)?
    """
    + _BY_STATUS
    + r"""
  | """
    + _WHETHER_STATUS
    + r"""
  | \bimmigration\s+(?:documentation|documents|papers)\b
  # information described by what it shows: "documentation or other information that
  # indicates that an individual is not a citizen of the United States", "records that
  # would disclose that a person is undocumented", "evidence of a person's non-citizenship"
  | \b(?:information|data|records?|documents?|documentation|evidence|proof)\s+
      (?:(?:that|which)\s+(?:(?:would|could|may|might|tends?\s+to)\s+)?)?
      (?:indicat|show|reveal|establish|disclos|demonstrat|suggest|confirm)\w*\s+
      (?:that\s+)?(?:[\w'’-]+\s+){1,4}?(?:is|was|are|were|has\s+been|have\s+been|to\s+be)\s+
      """
    + _NOT_A_CITIZEN
    + r"""
  | (?:\b(?:information|data|records?|documents?|documentation|evidence|proof)\s+
      (?:of|regarding|about|concerning|as\s+to)\s+(?:(?:an?|the|any)\s+)?
      (?:[\w-]+['’]s\s+|his\s+or\s+her\s+|his\s+|her\s+|their\s+)?)?\bnon-?citizenship\b
  # "citizenship" alone as an item of a list of data ("name, address, citizenship, ...")
  | (?:(?<=,\s)|(?<=\bor\s)|(?<=\band\s))citizenship\b
      (?!\s+(?:services?|classes|ceremon\w*|applications?|tests?|education|programs?)\b)
  | \bcitizenship\b(?=\s*,\s*(?!(?:and\s+|or\s+)?(?:english|language|citizenship)\b))
    """,
    (
        "citizenship",
        "immigration",
        "alienage",
        "lawful",
        "unlawful",
        "undocumented",
        "information",
        "data",
        "record",
        "document",
        "evidence",
        "proof",
        "non",
        "documentation",
        "documented",
        "visa",
        "naturalization",
        "refugee",
        "asylum",
        "asylee",
        "daca",
        "tps",
        "deferred",
        "green",
        "legal",
        "his",
        "her",
        "their",
        "files",
        "file",
        "whether",
        "list",
        "registr",
        "roster",
        "illegal",
        "that",
        "evidence",
    ),
)
# Right before a status mention: it is excluded ("other than citizenship or
# immigration status") ...
EXCLUDED_BEFORE = _compile(
    r"""\b(?:other\s+than|excluding|not\s+including|with\s+the\s+exception\s+of|apart\s+from
    |except(?:ing)?\s+(?:for\s+)?(?=information|data|records|citizenship|immigration|an?\b|the\b))
    [^,;:]{0,60}$"""
)
# ... or it is the ground of a decision, not the information moved.
BASIS_BEFORE = _compile(
    r"""\b(?:based\s+(?:up)?on|on\s+the\s+basis\s+of|because\s+of|due\s+to|regardless\s+of
    |without\s+regard\s+to|irrespective\s+of|on\s+account\s+of|by\s+reason\s+of|conditioning\s+\w+\s+on)
    \b(?:(?!,\s*(?:or|and)\s)[^;]){0,40}$"""  # not across ", or report ..." (another predicate)
)
# "conditioning the provision of services or benefits by the City upon immigration
# status": the ground of a decision, however long the thing conditioned.
CONDITION_BEFORE = _compile(
    r"""\b(?:condition(?:s|ed|ing)?|contingent|dependent)\b[^;:]{0,160}?\b(?:up)?on\s+
    (?:(?:a|an|the|any|his|her|their|one['’]s|an\s+individual['’]s|a\s+person['’]s)\s+)?
    (?:(?:actual|perceived|suspected|or)\s+){0,3}$""",
)
BASIS = _compile(
    r"\b(?:based\s+(?:up)?on|on\s+the\s+basis\s+of|because\s+of|regardless\s+of|without\s+regard\s+to)\b"
)

# Broad categories of information that can sweep status in.
BROAD = Scanner(
    r"""
    \b(?:confidential|personal|non-?public(?:ly\s+available)?|private|sensitive|identifying
       |personally\s+identifiable)\s+(?:(?:personal|identifying|identifiable|individual)\s+)?
       (?:information|data|records?)\b
  | \b(?:any|all)\s+(?:other\s+)?(?:such\s+)?(?:information|data|records|files)\b
      (?!\s+(?:regarding|about|concerning|on|relating|related|as\s+to|pertaining
          |in\s+relation|connected)\s+
          (?:(?:a|an|the|any)\s+)?(?:[a-z]+['’]s\s+)?
          (?:citizenship|immigration|release|custody|incarceration|criminal|contact))
  | \b(?:information|records|documents|files|(?:questions|inquiries)(?:\s+from\s+[^,;.]{1,60}?)?)
      \s+(?:about|regarding|concerning|of
      |on|relating\s+to|related\s+to|pertaining\s+to|in\s+relation\s+to|connected\s+with)\s+
      (?:(?:any|an?|the|my|your|our|their|his|her|each)\s+(?:person|individual|resident|inmate
          |detainee|immigrant|arrestee|client|student|patient|tenant|applicant|patron|customer|child
          |family|passenger|driver|employee|worker|victim|witness|claimant|beneficiary|juvenile
          |minor|youth|pupil|enrollee|registrant|consumer|recipient
          # a person's own file: "records pertaining to any claim filed with the Department"
          |claim|application)s?
        |(?:[a-z-]+\s+)?(?:persons|individuals|people|residents|inmates|detainees|immigrants|arrestees
          |applicants|clients|patients|students|tenants|victims|witnesses|workers|employees|juveniles
          |minors|pupils|enrollees|registrants|consumers|claimants|beneficiaries
          |customers|participants|recipients|noncitizens|non-citizens|aliens|families|members
          |visitors|users|passengers|drivers|motorists|occupants|patrons|children|callers)
        |(?:any\s+|a\s+)?members?\s+of\s+the\s+public)\b(?!['’])
  # information named by the people it is about: "student information", "client records",
  # "the education records of a pupil" (the same as "information about students")
  | \b(?:students?|pupils?|patients?|clients?|tenants?|applicants?|employees?|customers?
      |residents?|inmates?|detainees?|participants?|recipients?|famil(?:y|ies)|households?
      |users?|patrons?|education(?:al)?|callers?|juveniles?)(?:['’]s?)?\s+
      (?:information|data|records?|files?)\b
  | \b(?:application|intake|enrollment|enrolment)\s+
      (?:materials?|forms?|files?|documents?|records?)\b
  # library records that can hold what a patron gave to register: "library records",
  # "registration records", "records that pertain to a user's use of the facility" (not
  # "circulation records", which hold only what was borrowed)
  | \b(?:library|registration)\s+records?\b
  # what an account or a case holds: "actual details of any customer account", "personal
  # details", "case files", "account information"
  | \b(?:personal|private|confidential|identifying|(?:customer|client|utility)\s+account|customer
      |client|case)\s+(?:details|particulars)\b
  | \bdetails\s+(?:of|about|regarding|concerning)\s+(?:(?:any|an?|the|all|each)\s+)?
      (?:[\w-]+\s+){0,2}?(?:accounts?|customers?|clients?|residents?|persons?|individuals?
      |students?|patients?|applicants?|tenants?|cases?)\b
  | \b(?:(?:customer|client|utility)\s+account|case|customer|client)\s+
      (?:information|data|records?|files?)\b
  | \brecords\s+(?:that|which)\s+(?:pertain|relate)s?\s+to\s+(?:a|an|the|any)\s+(?:library\s+)?
      (?:users?|patrons?|borrowers?)['’]?s?(?:\s+use)?\b
  # what a patient's file holds: "protected health information" (HIPAA's term, which takes in
  # demographic information), "medical records", "health records"
  | \b(?:(?:protected|individually\s+identifiable)\s+health\s+information|(?:medical|health)
      \s+records?)\b
  # what a tax return or a licence file holds: "the particulars set forth or disclosed in
  # any return", "return information", "driver license and driver authorization card
  # records" (a licence application holds the proof of lawful presence many states ask for)
  | \b(?:particulars|information|contents?)\s+(?:set\s+forth|contained|shown|disclosed)
      (?:\s+or\s+\w+)?\s+in\s+(?:any|a|the|such)\s+(?:tax\s+)?returns?\b
  | \b(?:tax\s+)?return\s+information\b
  # generally only citizens and noncitizens with work authorization can get a social
  # security number (20 C.F.R. § 422.104(a); SSA, "Social Security Numbers for Noncitizens",
  # both read 2026-12-02 as quoted in stored copies): "information regarding ...
  # ineligibility for a social security number" can say what status a person lacks
  | \b(?:in)?eligibility\s+for\s+(?:a\s+|an\s+)?social\s+security\s+(?:account\s+)?numbers?\b
  | \b(?:driver['’]?s?\s+licen[cs]es?|driver\s+(?:authorization|privilege)\s+cards?
      |identification\s+cards?)(?:\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}?(?:cards?|permits?))?
      \s+(?:records?|files?|applications?)\b
  # what identifies a person is personal information: "information that identifies an
  # applicant", "records of the Division that identify any individual"
  | \b(?:information|data|records?)\s+(?:(?:of|held\s+by)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?
      (?:that|which)\s+(?:(?:would|could|may|might|can|tends?\s+to)\s+)?identif(?:y|ies)\s+
      (?:(?:any|an?|the|each)\s+)?(?:person|individual|applicant|student|patient|client|resident
      |recipient|participant|customer|user|patron|employee|child|juvenile|minor)s?\b
  # a database holds whatever was collected: "make municipal databases available to ..."
  | \bdatabases?\b(?!\s+search)  # not "database search records" (what was looked up)
  # general non-disclosure directives: "information collected from individuals",
  # "records or information", "information, including but not limited to ..."
  | \b(?:information|data|records|documents)\s+
      (?:(?:that|which)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+)?
      (?:collected|obtained|gathered|received|acquired|furnished|submitted|supplied|secured)\b
      # (not what a business gives: "documents submitted by bidders")
      (?!\s+(?:by|from)\s+(?:any\s+|the\s+|a\s+)?(?:bidders?|vendors?|contractors?|proposers?
        |offerors?|respondents?|compan(?:y|ies)|business(?:es)?|firms?)\b)
  # what an agency holds: "Information in the custody of the Department of Public Health",
  # "Information in the records or in the possession of programs"
  | \b(?:information|data|records)\s+(?:in\s+(?:the\s+)?records\s+(?:or|and)\s+)?
      (?:in\s+the\s+(?:custody|possession)\s+of|held\s+by|maintained\s+by)\b
  | \brecords\s+(?:or|and)\s+information\b
  # "disclose information to federal immigration authorities", "no information shall be
  # released to ICE": bare information, to them
  | (?<!\bfollowing\s)\b(?:information|data|records)\b
    (?!\s+(?:to|with)\s+[^,;.]{1,60}?\s+(?:about|regarding|concerning|relating\s+to|as\s+to)\s+
      (?!(?:(?:any|the|a|an|all)\s+)?(?:persons?|individuals?|people|residents?|inmates?
        |detainees?|immigrants?|students?|clients?|patients?|arrestees?)\b(?!['’])))
    (?=(?:\s+(?:shall|will|may|must|can|is|are)\s+(?:not\s+|only\s+)?(?:be\s+)?
        (?:\w+\s+(?:or|and)\s+)?(?:released|shared|disclosed|provided|given|transmitted|sent
        |furnished|made\s+available))?
      \s+(?:to|with)\s+(?:any\s+|the\s+)?(?:federal\s+)?
      (?:immigration\s+(?:authorit|agenc|officer|official|enforcement|and\s+customs)|ice\b|cbp\b
      |(?:u\.s\.\s+|united\s+states\s+)?customs\s+and\s+border|u\.s\.\s+immigration|united\s+states\s+immigration
      |(?:the\s+)?department\s+of\s+homeland))
  # information given "pursuant to" or "in response to" requests from immigration authorities:
  # the requests name the occasion, not the kind of information ("provide information
  # pursuant to notification requests from federal immigration authorities")
  | \binformation\b(?=\s+(?:pursuant\s+to|in\s+response\s+to|responsive\s+to)\s+(?:any\s+|an?\s+
      |the\s+)?(?:[\w-]+\s+){0,2}?requests?\s+(?:from|by|of)\s+(?:the\s+)?(?:federal\s+)?
      (?:immigration|ice\b|cbp\b))
  # non-public information in other words: "information beyond what is available to the
  # general public under open records laws", "information not available to the public"
  | \b(?:information|data|records)\s+(?:beyond|other\s+than|not|(?:that|which)\s+(?:is|are)\s+not)
      \s+(?:what\s+is\s+|that\s+(?:which\s+)?is\s+)?(?:publicly\s+available|(?:available
      |accessible|open)\s+to\s+the\s+(?:general\s+)?public)\b
  | \binformation\b(?=,?\s+including(?:,?\s+but\s+not\s+limited\s+to|\s+without\s+limitation)?\s*,?
      \s+(?:an?\s+|the\s+)?(?:individual|person)['’]s\b)
    """,
    (
        "confidential",
        "personal",
        "non",
        "private",
        "sensitive",
        "identifying",
        "any",
        "all",
        "information",
        "data",
        "records",
        "database",
        "student",
        "pupil",
        "patient",
        "client",
        "tenant",
        "applicant",
        "employee",
        "customer",
        "resident",
        "inmate",
        "detainee",
        "participant",
        "recipient",
        "famil",
        "household",
        "user",
        "patron",
        "education",
        "library",
        "registration",
        "utility",
        "case",
        "documents",
        "files",
        "questions",
        "inquiries",
        "caller",
        "juvenile",
        "application",
        "intake",
        "enrol",
        "details",
        "protected",
        "individually",
        "particulars",
        "content",
        "return",
        "tax",
        "ineligib",
        "eligib",
        "driver",
        "identification",
        "medical",
        "health",
    ),
)

# Information § 1373 does not reach (Steinle): release dates, custody status,
# contact information, court dates, criminal history.
LIMITED = Scanner(
    r"""
    (?P<release>
        \brelease\s+(?:dates?|times?|status)\b
      # "release information" as a noun, not the verb: "will not release information about"
      | (?<!\bnot\s)(?<!\bto\s)(?<!\bnever\s)(?<!\bshall\s)(?<!\bwill\s)(?<!\bmay\s)(?<!\bmust\s)
        \brelease\s+information\b
      | \bdates?\s+of\s+(?:\w+\s+)?release\b
      | \b(?:pending|scheduled|upcoming|anticipated|expected)\s+release\b
      | \b(?:time|date|place)\s+(?:or\s+\w+\s+)?of\s+(?:\w+\s+){0,2}release\b
      | \bnoti(?:ce|fication)\s+of\s+(?:\w+\s+){0,2}release\b | \bnotification\s+requests?\b
      | \brequests?\s+for\s+notification\b | \bi-247n\b
    )
  | (?P<custody>\b(?:custody|incarceration|detention|jail|booking|inmate)\s+status\b
      | \blength\s+of\s+(?:detention|custody|incarceration)\b | \bcustody\s+information\b)
  | (?P<court>\bhearing\s+(?:information|dates?)\b | \bcourt\s+(?:dates?|appearances?)\b)
  | (?P<contact>\bcontact\s+information\b
      | \b(?:home|work|residential|e-?mail|mailing)\s+address(?:es)?\b
      | \b(?:tele)?phone\s+numbers?\b)
  | (?P<criminal>\bcriminal\s+(?:history|records?)(?:\s+(?:information|data|records?))?\b
      | \barrest\s+records?\b)
    """,
    (
        "release",
        "date",
        "pending",
        "scheduled",
        "upcoming",
        "anticipated",
        "expected",
        "time",
        "place",
        "noti",
        "request",
        "i",
        "custody",
        "incarceration",
        "detention",
        "jail",
        "booking",
        "inmate",
        "length",
        "hearing",
        "court",
        "contact",
        "home",
        "work",
        "residential",
        "e",
        "mail",
        "telephone",
        "phone",
        "criminal",
        "arrest",
    ),
)

# A duty of confidentiality ("shall be kept confidential", "kept private"), not the adjective
# of "confidential information" (a broad category, matched above).
CONFIDENTIAL_DUTY = _compile(
    r"""\b(?:shall|must|will|is|are|be|remains?|kept|keep|held|hold|treat(?:s|ed)?)\b[^;]{0,80}?
    \bconfidential(?:ly)?\b(?!\s+(?:personal\s+|identifying\s+)?(?:information|data|records?|informants?))
  # "is to be kept private", "shall be held secret": the same duty, only right after the
  # verb (not "a private company")
  | \b(?:kept|keep|keeps|keeping|held|hold|holds|remains?|treated\s+as|treats\s+[^;.]{1,60}?\s+as)
    \s+(?:strictly\s+)?
    (?:private|secret)\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|in|from|by|unless|except|to|at|under
    |as|until|when|if|within|with|for)\b)
  # in other words: "held in strict confidence", "not made public", "confidentiality extends
  # to ..." (what it covers is read as for "kept confidential": status or a broad category,
  # never a narrow named item)
  | \b(?:kept|keep|keeps|keeping|held|hold|holds|maintained|treated)\s+in\s+
    (?:(?:strict|strictest|complete|the\s+strictest)\s+)?confidence\b
  | \bnot\s+(?:be\s+)?made\s+public\b
  | \b(?:protected|shielded|exempt(?:ed)?)\s+from\s+
      (?:(?:public|unauthori[sz]ed|improper|inappropriate)\s+)?(?:disclosure|release)\b
  # "must protect against the unauthorized disclosure of personally identifiable information"
  | \bprotect(?:s|ed|ing)?\s+against\s+(?:the\s+|any\s+)?
      (?:(?:unauthori[sz]ed|improper|inappropriate)\s+)?(?:disclosure|release)\s+of\b
  | \bconfidentiality\s+(?:extends|applies|(?:shall|will)\s+(?:extend|apply))\s+to\b
  # the object between: "keep information about immigration status private"; and the duty
  # as a noun: "protect the confidentiality of students' immigration status"
  | \b(?:keep|keeps|keeping|hold|holds)\s+[^;.]{1,80}?\s+(?:strictly\s+)?
    (?:private|secret|confidential)\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|from|unless|except)\b)
  | \b(?:protect|maintain|preserv|safeguard|ensur|respect)\w*\s+(?:the\s+)?
    (?:confidentiality|privacy)(?:\s+(?:rights?|interests?))?\s+of\b
  | \btreated\s+with\s+(?:[\w-]+\s+){0,5}?(?:confidentiality|discretion)\b
  # a right of the person's: "The right to confidentiality of agency records and files"
  | \bright\s+to\s+(?:the\s+)?(?:confidentiality|privacy)\s+of\b
  # the duty said by its verb, with information as the object: "maintain and protect
  # sensitive information regarding ... immigration status", "safeguard student records"
  # (not "protect immigrant residents", nor a description: "CCH safeguards sensitive
  # information within our health system")
  | \b(?:shall|must|will|should|to|committed\s+to)\s+(?:[a-z]+\s+(?:and|or)\s+)?
      (?:protect|safeguard|shield)(?:ing)?\s+(?:(?:the|all|any|such|this|that|their|his|her
      |its|your|our)\s+)?(?:(?!(?:and|or|that|which|who|to|from|with|for|the|a|an)\s)[\w'’-]+\s+){0,3}?
      (?:information|data|records?|files?|details)\b"""
)
# A duty of confidentiality denied: "is not required to keep ... confidential", "shall not be
# kept private", "need not be kept confidential", "is not confidential", "Nothing in this
# section requires that ... be kept confidential", "No provision ... shall be construed to
# require that ... be kept confidential". Not "shall not be disclosed and shall be
# kept confidential" (the denial ends before the duty), nor "shall not be made public".
NEGATED_DUTY = _compile(
    r"""\b(?:not|never|no\s+longer)\s+
      (?:(?:be|been|to|required|obligated|necessary|needed|bound|have)\s+(?:to\s+)?)*
      (?:(?:keep|kept|hold|held|treat|treated|maintain|maintained|considered|deemed|regarded)\b
        (?:(?:(?!\b(?:shall|must|will|is|are)\b)[^;.,:]){0,80}?\s)?)?
      (?:strictly\s+)?(?:confidential|private|secret|in\s+(?:strict\s+)?confidence)\b
  | \b(?:nothing|no\s+(?:provision|part|section|portion|rule)\b)[^.;]{0,120}?
      \b(?:requires?|obliges?|compels?|mandates?)\b[^.;]{0,120}?
      \b(?:confidential|private|secret)\b"""
)
# A duty to destroy what is held ("shall be destroyed at the earliest allowable date",
# "purged within 30 days"): a limit on maintaining it, § 1373(b)(2).
# What is destroyed is what is held: the sentence opens with it ("Any student record that
# might identify ... will be destroyed") or it follows the verb ("shall purge all records
# of ..."), not "any question requiring disclosure of information ... shall be deleted".
_DESTROY = r"""(?:destroy(?:s|ed|ing)?|purg(?:e|es|ed|ing)|expung(?:e|es|ed|ing)
    |delet(?:e|es|ed|ing)|eras(?:e|es|ed|ing)|shred(?:s|ded|ding)?)"""
_HELD = r"(?:records?|information|data|files?|documents?|documentation)\b"
DESTRUCTION = _compile(
    rf"""^(?:[\w'’-]+\s+){{0,3}}?{_HELD}[^;]*?\b(?P<verb>{_DESTROY})\b
    | \b(?P<active>{_DESTROY})\s+(?:[\w'’-]+\s+){{0,4}}?{_HELD}"""
)
# Items of a list of personal data ("name, address, date of birth, social security
# number"): a verb reaches an object at the end of such a list.
DATA_ITEM = _compile(
    r"""\b(?:names?|(?:home|work|residential|mailing|e-?mail)?\s*address(?:es)?|dates?\s+of\s+birth
    |place\s+of\s+birth|birthplace|country\s+of\s+(?:birth|origin|citizenship)|national\s+origin
    |social\s+security(?:\s+numbers?)?|(?:tele)?phone(?:\s+numbers?)?|driver['’]?s\s+licen[cs]e
    |passport|religion|race|ethnicity|sex|gender|age|photographs?|fingerprints?|biometric\w*
    |employer|employment|occupation|identification\s+numbers?|tax(?:payer)?\s+identification
    |religio\w*|(?:political|sexual|gender)\s+\w+|ethnic\w*|racial|disabilit\w*|medical|health)\b"""
)
# A qualifier right after a broad category that confines it to named categories: "personally
# identifiable information regarding the religious beliefs, practices, or affiliation, or
# national origin or ethnicity, of any individual". The list runs to the people it is about
# ("of any individual"), a clause or the end; analysis._named_categories reads its items.
NAMED_QUALIFIER = _compile(
    r"""\s+(?:regarding|about|concerning|relating\s+to|related\s+to|pertaining\s+to|as\s+to|on
    |in\s+relation\s+to|connected\s+with)\s+
    (?P<items>(?:(?!\bof\s+(?:any|an?|the|all|each|every|such|that|those|these|their|his|her|its
        |persons?|individuals?|people)\b|\b(?:that|which|who|whom|whose|to|from|with|for|unless
        |except|if|when|where|without|in|by|under|pursuant|based|shall|may|will|must|is|are)\b)
      [^.;:()])+)"""
)
# A qualifier item that names people or anything at all ("any individual", "residents",
# "them", "any other matter"): the category stays as broad as it was.
UNNAMED_ITEM = _compile(
    r"""^\s*(?:(?:any|all|every|each|other|such|anything|everything|them|him|her|whom)\b
    |(?:an?|the)\s+(?:person|individual|resident|people|immigrant|alien|noncitizen|non-citizen)s?\b
    |(?:persons?|individuals?|people|residents?|immigrants?|aliens?|noncitizens?|non-citizens?
      |inmates?|detainees?|clients?|students?|patients?|applicants?|employees?|families|members)\b)"""
)
# Words that bring citizenship or immigration status into a list of named categories.
STATUS_BEARING = _compile(
    r"""\b(?:citizen\w*|immigra\w*|alien\w*|nationalit\w*|naturali[sz]\w*|visas?|deport\w*
    |undocumented|residency|status(?:es)?|(?:un)?lawful(?:ly)?\s+presen\w*|illegal(?:ly)?\s+presen\w*)\b"""
)
# After status is named, "such status" or "that information" refers back to it.
STATUS_ANAPHOR = _compile(
    r"""\bsuch\s+(?:status|information|records?|data)\b|\b(?:that|this)\s+(?:status\s+)?information\b
    # "If a student discloses their immigration status, no record shall be kept of the
    # disclosure": what was disclosed
    |\b(?:the|that|this|such)\s+disclosure\b(?!\s+of\b)
    # "collect immigration status information or share it with ...": only where the
    # information last named is status (analysis._anaphora)
    |(?P<pronoun>\b(?:it|them)\b)(?=\s+(?:with|to)\b
      # the subject of a passive of giving: "it is only disclosed as required by law"
      |\s+(?:is|shall\s+be|will\s+be|may\s+be)\s+(?:only\s+|not\s+)?(?:disclosed|shared|released
        |provided|given|transmitted|reported|sent)\b)
    |\b(?:shar|disclos|provid|releas|report|transmit|send|giv|furnish|communicat|keep|maintain
      |retain|stor|record)\w*\s+(?P<pronoun2>it)\b(?!\s+(?:is|was|are|shall|will|may|must))
    |\b(?:(?:a|the|any|that|each)\s+(?:person|individual)['’]s|(?:his\s+or\s+her|his|her|their))
      \s+status\b
    # "your status", "the probationer's status" after status was named
    |\b(?:your|my|our|(?:the|a|an|any|that|each)\s+[\w-]+['’]s)\s+status\b(?!\s+as\b)"""
)
# A pronoun given, with nothing after it but its recipient: "We are not going to divulge
# that.", "will not share it with ICE" (not "disclose that the person is ...": a clause).
PRONOUN_GIVEN = _compile(
    rf"""\b(?:{_SENDING}|hand|turn)\w*\s+(?P<pronoun>that|it|this)(?:\s+(?:out|over))?
    (?=\s*(?:[.;!?]|$)|\s+(?:to|with|out|over)\b)"""
)
# Reporting people named by their status to federal immigration authorities tells those
# authorities the status: "reporting undocumented immigrants to the federal government",
# "do not report immigrants to ICE", "will not notify INS of undocumented persons". Narrow
# on purpose: the verb "report" or "notify", people described by immigration status, and a
# federal or immigration recipient. In the "notify" form the mention runs from the recipient
# ("INS of undocumented persons"): what the notice tells them.
_PERSONS_BY_STATUS = (
    r"""(?:any\s+|the\s+|such\s+|all\s+|an?\s+)?
    (?:(?:noncitizen|non-citizen)\s+[a-z-]+
      |(?:undocumented|unauthori[sz]ed|illegal|deportable)\s+(?:noncitizens?|non-citizens?)
      |"""
    + _BY_STATUS
    + r"""
      |immigrants|aliens|noncitizens|non-citizens
      |(?:persons?|individuals?|people|aliens?)\s+(?:who\s+(?:are|is)\s+)?(?:unlawfully|illegally)
        \s+present(?:\s+in\s+the\s+united\s+states)?)"""
)

REPORTED_PERSONS = _compile(
    rf"""\breport(?:s|ed|ing)?\s+(?P<who>{_PERSONS_BY_STATUS})
    # others listed with them: "noncitizen civilians, crime survivors, witnesses, or defendants"
    (?:\s*,\s*[^,;.]{{1,40}}?){{0,5}}?(?:,?\s*(?:or|and)\s+[^,;.]{{1,40}}?)?\s+to\s+{_FEDERAL_RECIPIENT}
    |\bnotif(?:y|ies|ied|ying)\s+(?P<whom>{_FEDERAL_RECIPIENT}[^.;,]{{0,40}}?\s+(?:of|about)\s+
      {_PERSONS_BY_STATUS})\b"""
)
# Inquiring "with any third person" asks someone else for status: requesting it (§ 1373(b)(1)).
OF_OTHERS = _compile(
    rf"""\s+(?:with|of|from|through)\s+(?:(?:any|a|an|another|other|the)\s+)?
    (?:third\s+(?:persons?|part(?:y|ies))|other\s+(?:persons?|agenc\w+|entit\w+|governments?|officials?)
    |(?:federal|state|government|immigration)\s+(?:agenc\w+|entit\w+|officials?|authorit\w+)
    |{_FEDERAL_RECIPIENT})"""
)
# "will not tell the Immigration Service or other law enforcement agencies your immigration
# status": federal immigration authorities, then the object, told to them.
RECIPIENT_THEN_OBJECT = _compile(
    rf"""\s*(?:to\s+)?(?:any\s+|an?\s+)?{_FEDERAL_RECIPIENT}[^,;:.]{{0,80}}?\s+
    (?:(?:your|his|her|their|its|(?:a|any|the)\s+(?:person|individual)['’]s|[\w-]+['’]s)\s+
    # "notify ICE of the immigration status", "provide ICE with the citizenship", "forward to
    # CBP the immigration status", "inform federal immigration agents whether ..."
    |(?:(?:of|about|with|regarding|concerning|as\s+to)\s+)?(?:(?:the|any|a|an|such)\s+)?)"""
)
# "make inquiries of ICE regarding the immigration status": the one asked stands between
# the asking and the status.
ASKED_OF_FEDERAL_BETWEEN = _compile(rf"""\b(?:of|with|from|through)\s+{_FEDERAL_RECIPIENT}""")
# Access withheld from immigration enforcement: "does not grant permission for any person
# engaging in immigration enforcement to access ... databases", "shall not grant federal
# immigration authorities access to information". Access to a database or to information
# is its contents given; so, when the one kept out is immigration enforcement, the
# information there is a broad restriction (analysis._access_denied). The object is the
# first information noun after "access", across a list ("equipment; databases") but not
# into a new clause.
ACCESS = _compile(
    r"""\baccess(?:es|ed|ing)?\b(?P<gap>[^.]{0,200}?)
    \b(?P<object>databases?|information|data|records?|files?)\b"""
)
# Who is kept out: immigration enforcement by name, or law enforcement, which includes
# federal immigration agents ("does not permit access to user records ... by law
# enforcement unless required by a judicial warrant").
IMMIGRATION_NAMED = _compile(_IMMIGRATION_BODY)
IMMIGRATION_SEEKER = _compile(
    rf"""{_IMMIGRATION_BODY}|\blaw\s+enforcement\b
    # one described by purpose: "any individual who is seeking access for the purpose of
    # enforcing federal immigration law"
    |\benforc(?:e|es|ing|ement\s+of)\s+(?:the\s+)?(?:federal\s+)?(?:civil\s+)?immigration\s+laws?\b"""
)
# Access confined to those named, none of them federal agencies or law enforcement: "only
# state and local governmental agencies and federally recognized Indian tribes ... may have
# access to information or records deemed private and confidential" (everyone else,
# federal immigration authorities among them, is kept out: analysis._access_denied).
ACCESS_CONFINED = _compile(
    r"""\bonly\s+(?:(?!\b(?:federal\s+(?:agenc|authorit|government|immigration|officer|official
      |law)|immigration|ice|dhs|law\s+enforcement|any|all|anyone|anybody|the\s+public)\b)
      (?:[^;:.]|\.(?!\s*$))){1,200}?
    \s+(?:may|shall|can|will)\s+(?:be\s+(?:given|granted|allowed|permitted)\s+|have\s+|obtain\s+
      |gain\s+)access\b"""
)
# Bare information given, where the sentence names immigration enforcement: "shall not
# provide any assistance to ICE, including the sharing of information", "will not share
# data with federal agencies for the purpose of immigration enforcement". Not information
# qualified by what it is about (read by the qualifier), described as collected (`BROAD`),
# or "such information" (an anaphor: `STATUS_ANAPHOR`).
BARE_INFORMATION = _compile(
    rf"""\b(?:{_SENDING}\w*|of|any|all|the|its|their|our|for)\s+
    (?:(?:non-?mandatory|voluntary|additional|further|general|other)\s+)?
    (?P<object>information|data|records)\b
    (?!\s+(?:about|regarding|concerning|on|of|relating|related|pertaining|as\s+to|that|which
        |in\s+relation|connected|collected|obtained|gathered|received|acquired|systems?
        |requests?|sharing|officers?|practices?)\b)
    # nor qualified after its recipient: "share information with ICE about a person's religion"
    (?!\s+(?:to|with)\s+[^,;.]{{1,60}}?\s+(?:about|regarding|concerning|relating\s+to|as\s+to)\s+
      (?!(?:(?:any|the|a|an|all)\s+)?(?:persons?|individuals?|people|residents?|inmates?
        |detainees?|immigrants?|students?|clients?|patients?|arrestees?)\b(?!['’])))"""
)
# Legal process demanded of immigration enforcement before it gets what it asks for: "If
# ... ICE requests student records, they must present a valid subpoena or court order",
# "requests from ICE for information shall be accompanied by a judicial warrant". The
# object is what is asked for; sending it is conditioned (restricted) on the process.
_DEMAND = r"""(?:must|shall|will\s+(?:need|have)\s+to|(?:is|are)\s+required\s+to|needs?\s+to)\s+
    (?:first\s+)?(?:present|produce|provide|show|submit|obtain|be\s+accompanied\s+by)\s+
    (?:(?:a|an)\s+)?(?:(?:valid|signed|lawful|proper)\s+)*(?:(?:judicial|criminal|federal)\s+)?
    (?:warrant|subpoena|court\s+order)
    (?:\s+(?:or|and/or)\s+(?:(?:a|an)\s+)?(?:judicial\s+)?(?:warrant|subpoena|court\s+order))?"""
PROCESS_DEMANDED = _compile(
    rf"""\brequest(?:s|ed|ing)?\s+(?:from\s+[^.;]{{1,60}}?\s+for\s+|for\s+)?
    (?P<object>[^.;]{{1,120}}?)(?:,\s*(?:they|it|the\s+\w+|such\s+\w+)\s+|\s+){_DEMAND}
    # "ICE agents must present a judicial warrant to obtain student records"
    |\b{_DEMAND}\s+(?:(?:in\s+order\s+)?to|before\s+(?:they|it)\s+(?:can|may))\s+
    (?:obtain|receive|review|inspect|get|see)\s+(?P<object2>[^.;]{{1,120}})
    # an approval step first: "must seek authorization from the General Counsel prior to
    # responding to a request for student records from an ICE agent"
    |\b(?:must|shall|will)\s+(?:first\s+)?(?:seek|obtain|get|receive|have)\s+(?:the\s+|prior\s+)?
    (?:[\w'’-]+\s+)?(?:authori[sz]ation|approval|permission|consent)\b[^.;]{{0,80}}?
    \b(?:prior\s+to|before)\s+(?:responding\s+to|answering|complying\s+with|fulfill?ing|honou?ring)
    \s+(?:a|any|the|such)\s+requests?\s+(?:from\s+[^.;]{{1,60}}?\s+)?for\s+(?P<object3>[^.;]{{1,120}})"""
)
# A request for information from immigration (or law) enforcement handed to a named office
# before anyone answers: "they are to send those requests to the district office", "Any
# requests from ICE officials to access school information ... must be directed to the
# Office of the Superintendent", "If you receive a request from external law enforcement
# for information, records ..., notify UMBC Police, who will ... respond to the request".
# Officials may not answer it themselves, which can restrict sending what it asks for
# (analysis._routed_request).
ROUTED = _compile(
    r"""\brequests?\b[^.;]{0,160}?\b(?:must|shall|will|should|(?:is|are)\s+to)\s+(?:be\s+)?
      (?:immediately\s+|promptly\s+|first\s+)?(?:directed|referred|forwarded|routed|sent
      |submitted|processed|handled|reviewed|approved)\s+(?:in\s+writing\s+)?(?:to|through|by)\b
    |\b(?:send|refer|forward|direct|route|submit)\s+(?:those|these|such|the|all|any|every|each)
      \s+(?:[\w-]+\s+)?requests?\s+(?:from\s+[^.;]{1,60}?\s+)?(?:directly\s+)?to\b
    |\b(?:receive|get)\s+an?\s+request\b[^.;]{0,160}?,\s*(?:immediately\s+|please\s+)?
      (?:notify|contact|call)\b"""
)
# Taking part in an inquiry about immigration: "forbid all officials ... from participating
# in or cooperating with any inquiry, investigation, surveillance or detention having to do
# with immigration matters". An inquiry asks for information; joining it is answering it.
JOINED_INQUIRY = _compile(
    r"""\b(?:cooperat(?:e|es|ed|ing)\s+with|participat(?:e|es|ed|ing)\s+in
      |assist(?:s|ed|ing)?\s+(?:in|with))\s+(?:(?:any|an|the|all|such)\s+)?
      (?:[\w-]+\s+){0,2}?(?P<object>inquir(?:y|ies))\b"""
)
# What such a request asks for, where no category is otherwise named: "asking for student
# or staff information", "requests ... to access school information", "a request ... for
# information, records, or access".
REQUESTED_OBJECT = _compile(
    r"""\b(?:ask(?:s|ed|ing)?\s+for|request(?:s|ed)?\b[^.;]{0,80}?\b(?:for|to\s+access)|to\s+access)
    \s+(?:access\s+to\s+)?(?:any\s+|the\s+)?
    (?P<object>(?:[\w-]+\s+(?:or\s+[\w-]+\s+)?)?(?:information|records|data)\b)
    # "any information request from immigration officials"
    |\b(?P<kind>information|records?|data)\s+requests?\b"""
)
NEW_CLAUSE = _compile(r"\b(?:shall|may|will|must|is|are|was|were|has|have|does|do)\b")
# Contacting a federal immigration authority to get status asks it for the status
# (§ 1373(b)(1)): "nor telephone ICE while in the field to obtain such information".
ASKED_OF_FEDERAL_BEFORE = _compile(
    rf"""\b(?:telephon(?:e|es|ed|ing)|call(?:s|ed|ing)?|contact(?:s|ed|ing)?|quer(?:y|ies|ied|ying)
    |ask(?:s|ed|ing)?|request(?:s|ed|ing)?
    |e-?mail(?:s|ed|ing)?|check(?:s|ed|ing)?\s+with|writ(?:e|es|ing)\s+to)\s+{_FEDERAL_RECIPIENT}
    [^.;]{{0,60}}?\bto\s+$"""
)
# "a ... policy that prohibits or restricts ... from", "a policy that limits or prohibits an
# officer from": the clause describes what is forbidden, so after an outer "may not" it
# protects the channels it names.
DESCRIBED_BEFORE = _compile(
    rf"\b(?:that|which)\s+(?:\w+\s+)?(?:{_RESTRICT_WORDS}\s*,?\s*(?:or|and|and/or)\s+)?$"
)
# A restriction as the object of imposing it, right after an outer restriction: "prohibits
# town officials from imposing limits on ... sending ... status", "shall not place any
# restrictions on sharing": to forbid imposing a limit protects what it would limit.
IMPOSED_BEFORE = _compile(
    r"""\b(?:impos|plac|put|adopt|enact|establish|set|creat|maint|enforc)\w*\s+
    (?:(?:any|a|an|the|such|new|additional|further|other)\s+)?$"""
)
# A sentence that goes on with the one before by naming what it includes: "This includes
# prohibitions or restrictions on: (a) ...", "Such policies include ...".
INCLUDES_START = _compile(
    r"""^\s*(?:this|these|that|those|such|the\s+foregoing)\b(?:\s+\w+){0,2}?\s+
    (?:includes?|shall\s+include|(?:is|are)\s+(?:meant|intended)\s+to\s+include)\b"""
)
# A restriction in the clause of a policy the text voids or forbids is described, not
# imposed: "voiding policies that municipalities may adopt to limit or prohibit any person
# from communicating ...", "is prohibited from enacting a rule under which ...", "Any policy
# that restricts ... is void". POLICY_CLAUSE_BEFORE ends where the restriction starts.
POLICY_CLAUSE_BEFORE = _compile(
    r"""\b(?:polic(?:y|ies)|ordinances?|rules?|practices?|resolutions?|regulations?|measures?
    |directives?|procedures?|guidelines?|laws?)\b[^;.]{0,30}?
    \b(?:that|which|whereby|to|(?:meant|designed|intended)\s+to)\b[^;.]{0,140}$
    # "Any local entity that restricts the sharing ... shall be ineligible"
    |\b(?:entit(?:y|ies)|jurisdictions?|municipalit(?:y|ies)|localit(?:y|ies)|cit(?:y|ies)
    |count(?:y|ies)|governments?|agenc(?:y|ies))\s+(?:that|which)\b[^;.]{0,140}$
    # "a policy restricting communication with ..."
    |\b(?:polic(?:y|ies)|ordinances?|rules?|practices?|resolutions?|regulations?|measures?
    |directives?|procedures?|laws?)\s+$"""
)
VOIDING_BEFORE = _compile(
    r"""\b(?:void(?:s|ed|ing)?|invalidat\w*|nullif\w*|preempt\w*|repeal\w*)\b
    [^;.]{0,40}$
    # a complaint or an investigation of the policy: "investigate complaints that a
    # municipality has adopted a policy restricting ..."
    |\b(?:complaints?|allegations?|alleg(?:es|ed|ing))\s+that\b[^;.]{0,60}$"""
)
# A lead-in naming the laws a body challenges, as a list after it: "The Board is
# challenging:" (its items describe the laws it sues over; it does not make them its own).
CHALLENGED_LEAD = _compile(
    r"""\b(?:challeng(?:e|es|ed|ing)|contest(?:s|ed|ing)?|seek(?:s|ing)?\s+to\s+(?:overturn
    |invalidate|strike\s+down|enjoin))\b[^;.:]{0,80}:$"""
)
ADOPTING_BEFORE = _compile(
    r"""\b(?:adopt|enact|pass|maintain|implement|promulgat|establish|enforc)\w*\b
    [^;.]{0,60}$|\bhave\s+in\s+effect\b[^;.]{0,40}$"""
)
# A defined policy the document itself adopts ("The City hereby adopts a sanctuary policy",
# "Each department shall implement the shielding rule"): its definition's items are then
# imposed, not described. `{term}` is the defined term; a negation, a relative clause or
# a condition just before the verb ("shall not adopt", "a town that adopts", "if it
# enacts") is a ban or a penalty, not an adoption (analysis._adopted_terms).
ADOPTED_TERM = r"""(?<![^\s(])(?P<verb>(?:hereby\s+)?(?:adopt|enact|establish|implement|maintain
    |enforce|declare|follow|comply\s+with)\w*)\s+(?:(?:a|an|the|this|its|their|such)\s+)?
    (?:following\s+)?{term}\b"""
NOT_ADOPTING_BEFORE = _compile(
    r"""\b(?:not|never|no|nor|that|which|who|whom|if|unless|when|whether|may|might|prohibit\w*
    |forbid\w*|ineligible|penalt\w*|unlawful|illegal|from)\b[^;.]{0,60}$"""
)
VOID_AFTER = _compile(
    r"""\b(?:is|are|shall\s+be|will\s+be|becomes?)\s+(?:hereby\s+)?(?:declared\s+)?
    (?:void|invalid|null|unenforceable|preempted|of\s+no\s+(?:force|effect))\b
    # a penalty on whoever restricts: "Any local entity that restricts ... shall be ineligible
    # for state grant funds"
    |\b(?:is|are|shall\s+be|will\s+be|becomes?)\s+(?:\w+\s+)?(?:ineligible|disqualified)\b
    |\b(?:shall|will)\s+(?:lose|forfeit)\b
    |\b(?:is|are|shall\s+be)\s+(?:subject\s+to|liable\s+for)\s+(?:a\s+)?(?:civil\s+)?
      (?:penalt|fines?\b|suit|action|withholding|loss)"""
)
# Verbs of using joined to a list of verbs of moving information, between them and their
# object: "shall solicit, release, disclose, receive, use, or knowingly permit or
# participate in the use of any information regarding an individual" (the object is still
# the list's).
USE_CHAIN = _compile(
    r"""(?=[^;]*\buse)(?:[\s,]+|\b(?:use[sd]?|using|or|and|knowingly|intentionally|otherwise
    |permit|allow|participate|engage|make|in|the|of)\b)*"""
)
INFO_NOUN = _compile(
    r"\b(?:information|data|records?|details|files?|database|lists?|verification|confirmation)\b"
)
# A verb whose own object is "information about ..." ("request or maintain information
# about, or otherwise investigate, the ... status"): the object after the last verb is
# the one "information about" points to, so every such verb takes it.
INFO_OBJECT_AFTER = _compile(
    r"""\s+(?:any\s+|the\s+|such\s+|all\s+)?(?:information|data|records?)\s+
    (?:about|regarding|concerning|on|of|as\s+to|relating\s+to|related\s+to|pertaining\s+to
    |in\s+relation\s+to|connected\s+with)\b"""
)
# A participle right after an object describes it, as a relative clause would: "personal
# information collected by the City shall not be shared" (the subject of "shared" is the
# information, not the collecting).
DESCRIBING_PARTICIPLE = _compile(
    r"""\s*(?:[a-z]+(?:ed|en|ld|wn)\s+(?:(?:or|and)\s+[a-z]+(?:ed|en|ld|wn)\s+)?)
    (?:by|from|in|for|under|through|during|at|about|on|pursuant)\b"""
)
PASSIVE_BEFORE = _compile(
    r"\b(?:be|been|being|is|are|was|were)\s+(?:not\s+)?(?:\w+\s+(?:or|and|nor)\s+)?(?:\w+\s+)?$"
    # a second passive with its auxiliary left out: "is protected by law and not shared"
    r"|\b(?:is|are|was|were|be)\s+\w+(?:ed|en)\b[^.;]{0,80}?\b(?:and|but)\s+not\s+$"
)
# A second predicate with no subject of its own, right after an object: "this information
# will not include immigration status and will not be shared", "records shall contain A and
# shall not be disclosed", "the form asks for B but is not released". Its subject is the
# first predicate's (X), not the object (Y) before the conjunction.
COORDINATED_PREDICATE = _compile(
    r"""\s*,?\s*(?:and|but|or|yet)\s+(?:(?:it|they)\s+)?(?:(?:also|further)\s+)?
    (?:will|shall|must|may|can|could|should|would|is|are|was|were|does|do|did|has|have)\b"""
)
# Before the object, in its clause: a first predicate (a modal or auxiliary) ...
PREDICATE_BEFORE = _compile(
    r"""\b(?:will|shall|must|may|can|could|should|would|does|do|did|is|are|was|were|has|have
    |had)\b[^,;:.]{0,60}$"""
)
# ... that says X holds Y ("will include", "contains", "asks for"): X's restriction reaches Y ...
HELD_BEFORE = _compile(
    r"""\b(?:includ(?:e|es|ed|ing)|contain(?:s|ed|ing)?|ask(?:s|ed)?\s+(?:for|about))\b
    [^,;:.]{0,40}$"""
)
# ... or that X does not ("will not include immigration status"): then Y is not in the X
# the sentence restricts, and with "include" or "contain" it is excluded from it, as by
# "other than" (EXCLUDED_BEFORE).
NOT_HELD_BEFORE = _compile(
    r"""\b(?:not|never|won['’]t|doesn['’]t|don['’]t)\s+(?:(?:ever|otherwise)\s+)?
    (?:include|contain|(?P<ask>ask\s+(?:for|about)))\b[^,;:.]{0,40}$"""
)

# Hedges: an exception for what the law requires or allows.
HEDGE = Scanner(
    r"""
    \b(?:except|unless)\b(?:(?!\b(?:shall|may)\s+not\b)[^;.]){0,80}?
      \b(?:required|provided|permitted|mandated|authori[sz]ed|compelled|directed|allowed)\b
      [^;.]{0,80}?\b(?:laws?|legal\s+process|court\s+(?:order|decision)|statutes?|regulations?
      |subpoenas?|directives?|§+\s*1373|1373)\b
  | \bto\s+the\s+(?:extent|degree)\s+(?:permitted|allowed|required|consistent)\b
      [^;.]{0,60}?\blaws?\b
  | \bsubject\s+to\s+(?:applicable\s+)?(?:federal\s+|state\s+)?laws?\b
    """,
    ("except", "unless", "to", "subject"),
)
CITES_1373 = _compile(r"\b1373\b")

# A citation of provisions, as the subject of a sentence ("RCW 2.28.300 through 2.28.330",
# "Sections 4 and 5", "§§ 12-1 to 12-4", "This article").
_CITATION_NUMBER = r"(?:§+\s*)?[0-9][0-9a-z]*(?:[.\-–:][0-9a-z]+)*(?:\([0-9a-z]{1,4}\))*"
_CITATION = (
    r"(?:^|(?<=[\s(]))(?:(?:[a-z]{2,5}\.?|u\.s\.c\.|c\.r\.s\.|(?:sub)?sections?|secs?\.|"
    r"chapters?|articles?|titles?|parts?)\s+)?§*\s*"
    + _CITATION_NUMBER
    + r"(?:\s*(?:,|through|to|and|-|–)\s*"
    + _CITATION_NUMBER
    + r")*"
)

# A savings clause: "nothing in this ordinance prohibits or restricts ...".
SAVINGS_OPENER = _compile(
    rf"""
    \bnothing\b[^;]{{0,200}}?\b(?:{_RESTRICT_WORDS}|construed)
  | \b(?:this|the)\s+(?:ordinance|chapter|section|article|policy|act|resolution|order|subsection
      |code|title|part|subdivision|paragraph)\s+(?:does|shall|will)\s+not\s+
      (?:be\s+(?:construed|interpreted)\s+(?:to|as)\s+(?:\w+\s+)?)?{_RESTRICT_WORDS}
  | \bno\s+provision\s+of\s+this\b[^;]{{0,80}}?\b(?:{_RESTRICT_WORDS}|construed)
  # a citation as the subject: "RCW 2.28.300 through 2.28.330 do not limit or prohibit",
  # "Sections 3 to 5 shall not be construed to restrict"
  | {_CITATION}\s+(?:does|do|shall|will)\s+not\s+
      (?:be\s+(?:construed|interpreted)\s+(?:to|as)\s+(?:\w+\s+)?)?{_RESTRICT_WORDS}
  | \b(?:is|are)\s+not\s+(?:prohibited|restricted|prevented|barred|precluded)\s+from\b
  # "This restriction does not apply to information regarding citizenship or immigration
  # status, which City staff may send, receive, request, maintain, and exchange"
  | \b(?:this|the|such|these|that)\s+(?:restrictions?|prohibitions?|limitations?)\s+
      (?:does|do|shall|will)\s+not\s+apply\s+to\b
  | \bshall\s+not\s+be\s+(?:construed|interpreted)\s+(?:to|as)\b[^;]{{0,60}}?\b{_RESTRICT_WORDS}
    """
)
# An exception for any government agency: "except ... for use by any governmental agency,
# including any court, in carrying out its functions" (NMSA § 66-2-7.1(A)(2), in the corpus).
# Federal immigration authorities are such an agency, so the sending the sentence restricts
# stays open to them. Not "a state agency", nor an agency "of this state".
_ANY_GOVERNMENT = r"""(?:to|for\s+use\s+by|by|with)\s+any\s+(?:other\s+)?(?:federal,?\s+state,?\s+or
    \s+local\s+)?(?:governmental|government|public|law\s+enforcement)\s+(?:agenc(?:y|ies)|entit(?:y|ies)
    |bod(?:y|ies)|authorit(?:y|ies))\b(?!\s+(?:of|in|within)\s+(?:this|the)\s+state\b)"""
GOVERNMENT_EXCEPTED = _compile(
    rf"""\b(?:except|other\s+than|unless)\b[^;]{{0,200}}?\b{_ANY_GOVERNMENT}"""
)
# An item of an exception's list that opens sending to any government agency: "(2) for use by
# any governmental agency, including any court, in carrying out its functions;"
GOVERNMENT_ITEM = _compile(rf"""^\W*{_ANY_GOVERNMENT}""")
EXCEPT_LEAD = _compile(r"""\b(?:except|other\s+than|unless)(?:\s+as\s+follows)?\s*[:—]\s*$""")
SCOPE = _compile(
    r"""\b(?:in|of|by)\s+this\s+(?P<a>\w+)|\bthis\s+(?P<b>\w+)\s+(?:does|shall|will)\s+not\b
    |\b(?P<herein>herein|hereunder)\b"""
)
NARROW_SCOPES = frozenset({"section", "subsection", "subdivision", "paragraph", "clause", "part"})

# Detainers and holds.
DETAINER = Scanner(
    r"""\bdetainers?\b | \bhold\s+requests?\b | \b(?:ice|immigration)\s+holds?\b
    | \badministrative\s+warrants?\b | \bcivil\s+immigration\s+warrants?\b
    | \btransfer\s+requests?\b
    | \bi-247[a-z]?\b | \brequests?\s+(?:by\s+\w+\s+)?to\s+(?:hold|detain)\b""",
    (
        "detainer",
        "hold",
        "ice",
        "immigration",
        "administrative",
        "civil",
        "transfer",
        "i",
        "request",
    ),
)
DETAINER_VERB = Scanner(
    r"""\b(?:hono(?:u)?r(?:s|ed|ing)?|compl(?:y|ies|ied|ying|iance)|hold(?:s|ing)?|held
    |detain(?:s|ed|ing)?|accept(?:s|ed|ing)?|respond(?:s|ed|ing)?|extend(?:s|ed|ing)?
    |transfer(?:s|red|ring)?)\b""",
    ("hono", "compl", "hold", "held", "detain", "accept", "respond", "extend", "transfer"),
)
REFUSE_VERB = Scanner(r"\b(?:declin|refus|reject)\w*", ("declin", "refus", "reject"))
NOTIFICATION = _compile(
    r"""\bnotification\b|\bnoti(?:ce|fy)\s+(?:\w+\s+){0,3}(?:of\s+)?(?:\w+\s+){0,2}release\b
    |\bi-247n\b|\brelease\s+dates?\b|\bpending\s+release\b"""
)

RECITAL = _compile(r"^\s*(?:whereas|now,?\s+therefore)\b")
# The operative words after recitals in one paragraph: "WHEREAS ...; NOW, THEREFORE, BE IT
# RESOLVED that no City agency shall disclose ..." (analysis.sentence_facts reads from here)
RESOLVED_WITHIN = _compile(
    r"\bbe\s+it\s+(?:further\s+)?(?:resolved|ordained|enacted)\b(?:\s+(?:by\s+[^,;:]{1,80}?))?[,:]?\s*"
)
# Legislative findings are recitals too: they give the reasons and restrict nothing. A
# paragraph that opens "The legislature (further) finds that ..." or "The Council hereby
# finds and declares all of the following:" is findings to its end (analysis.analyse),
# and so is a section headed "Findings" ("Legislative findings and declarations").
FINDINGS = _compile(
    r"""^\s*(?:the\s+)?(?:[\w.’'-]+\s+){0,3}?(?:legislature|council|board|assembly|congress
    |commission|commissioners|supervisors|aldermen|selectmen|people|voters|electors|senate|house)
    \s+(?:of\s+(?:the\s+)?(?:[\w.’'-]+\s+){1,5}?)?(?:(?:further|also|hereby)\s+){0,2}
    (?:finds?|found)(?:\s*,?\s*(?:and\s+)?(?:declares?|determines?))*\s*,?\s*
    (?:that|as\s+follows|(?:all\s+of\s+)?the\s+following)\b
    # a paragraph that opens with its own heading: "Findings. (1) Several counties have ..."
    |^\s*(?:legislative\s+)?findings(?:\s+and\s+(?:purposes?|declarations?|intent))?\s*[.:]"""
)
FINDINGS_HEADING = _compile(r"\bfindings\b")
# Findings run on inside a sentence that starts elsewhere ("... is amended by adding a new
# section to read: 06 LEGISLATIVE FINDINGS AND INTENT. (a) The legislature finds that ..."):
# what follows is findings too.
FINDINGS_WITHIN = _compile(
    r"""\bfindings(?:\s+and\s+(?:intent|purposes?|declarations?))?\s*[.:]\s*(?:\(\w+\)\s*)?
    (?:[0-9]{1,3}\s+)?(?:the\s+)?(?:legislature|council|board|assembly|congress|commission)\s+
    (?:(?:further|also|hereby)\s+)?finds?\b"""
)
# A recital that reports a rule in force ("WHEREAS, pursuant to Executive Order No. 170,
# it is the policy of the State that officers shall not disclose ..."): it enacts nothing,
# but it tells the reader an operative restriction exists elsewhere.
REPORTED_RULE = _compile(
    r"""\b(?:it\s+is|is|was|has\s+been|remains)\s+the\s+(?:\w+\s+)?policy\s+of\b
    |\bpursuant\s+to\b
    |\b(?:provides|provided|requires|required|directs|directed|prohibits|prohibited|mandates)\s+that\b"""
)
DEFINITION = _compile(
    r"""^\s*[“"‘'][^”"’']{1,80}[”"’']\s*(?:,\s*)?(?:\(or\s+[^)]*\)\s*)?
    (?:as\s+used\s+in\s+this\s+[a-z]+(?:\s+[a-z]+)?\s*,?\s*)?
    (?:means|shall\s+mean|shall\s+refer|refers|includes?|has|have|is|are)\b"""
)

# A resolution that asks another body to adopt a rule enacts none: "expresses its desire
# that the Sheriff's Office develop a policy refusing to report ...", "urges the Sheriff to
# adopt a policy of not sharing ...".
URGED = _compile(
    r"""\b(?:urg(?:e|es|ed|ing)|encourag(?:e|es|ed|ing)|calls?\s+(?:up)?on|recommends?
    |expresses\s+(?:its|their)\s+(?:desire|wish|hope)|requests?|asks?|invites?)\b[^.;]{0,160}?
    \b(?:develop|adopt|enact|implement|establish|create|consider)\w*\s+(?:(?:a|an|the|such)\s+)?
    (?:[\w-]+\s+){0,3}?(?:polic(?:y|ies)|ordinances?|procedures?|rules?|protocols?|practices?)\b"""
)

# A sentence whose subject is what it forbids: "Any communication to an immigration agency
# ... concerning any student in reference to his or her immigration status is prohibited."
PROHIBITED_AT_END = _compile(
    r"""\b(?:is|are|shall\s+be|will\s+be)\s+(?:hereby\s+|strictly\s+|expressly\s+)?
    (?:prohibited|forbidden|banned|not\s+permitted|not\s+allowed)\s*(?:[.;]?\s*$|,\s*(?:and|or)\b)"""
)
# A sentence whose subject is what it confines: "The use or disclosure of information
# concerning applicants and recipients will be limited to purposes directly connected with
# the administration of the plan" (whatever falls outside is forbidden).
CONFINED_AFTER_SUBJECT = _compile(
    r"""\b(?:is|are|shall\s+be|will\s+be|must\s+be)\s+(?:strictly\s+)?(?:limited|restricted
    |confined)\s+(?:solely\s+|only\s+|exclusively\s+)?to\b"""
)
# A duty of confidentiality whose object is the list after it: "The Office shall keep
# confidential:" then "(1) All information received pursuant to a complaint filed ...";
# "The following shall be kept confidential:" (a denied duty is NEGATED_DUTY).
CONFIDENTIAL_LEAD = _compile(
    r"""\b(?:shall|must|will|is|are|to)\s+
      (?:(?:keep|hold|maintain|treat)(?:\s+as)?|be\s+(?:kept|held|maintained|treated)(?:\s+as)?)
      \s+(?:strictly\s+)?(?:confidential|private|secret|in\s+(?:strict\s+)?confidence)\s*[:—]\s*$"""
)
# A lead-in whose restricted verb takes the items of its list as objects: "may not disclose,
# for the purpose of ..., the following information concerning a student:".
# Not a list of who may receive it or when ("is restricted to the following persons:",
# "except in the following circumstances:"): its items open channels, they are not the object.
FOLLOWING_OBJECT = _compile(
    r"""\bthe\s+following(?:\s+(?:information|data|records?|items?|categories|details))?\b
    (?!\s+(?:persons?|individuals?|people|entities|agencies|recipients|officials|officers
      |employees|parties|purposes|circumstances|conditions|cases|exceptions)\b)
    [^.;]{0,400}:\s*$"""
)

# Status learned in a condition, then not passed on: "if staff became aware of a lack of
# legal immigration status, the district would not notify immigration officials". What the
# telling would tell is the status the condition names (analysis._condition_told).
CONDITION = _compile(
    r"(?:^[\s•·\-–*]*|[,;:]\s*(?:and\s+|but\s+)?)(?:if|when|whenever|where|once)\b[^;,]*,"
)
TOLD_FEDERAL = _compile(
    rf"""\b(?:notif(?:y|ies|ied|ying)|inform(?:s|ed|ing)?|tell(?:s|ing)?|alert(?:s|ed|ing)?
    |contact(?:s|ed|ing)?|call(?:s|ed|ing)?|report(?:s|ed|ing)?\s+(?:(?:it|this|that|them)\s+)?to)
    \s+(?:{_IMMIGRATION_RECIPIENT}|{_FEDERAL_RECIPIENT})"""  # the whole name, for the quotation
)

# An answer that says no ("No.", "No, the school will not.", "May not."): the question
# before it is what is not done (analysis._answered_no).
NEGATIVE_ANSWER = _compile(
    r"""^\s*(?:a:\s*|answer:\s*)?(?:no\b(?!\s+(?:one|person|employee|officer|information|[a-z]+\s+shall))
    # "We do not.", "Staff will not.", "Not without a court order.", "Only when a court orders it."
    |(?:(?:we|they|it|staff|employees|officers|(?:the|our)\s+[a-z]+)\s+)?
      (?:may|will|shall|must|can|does|do|would|should|is|are)\s+not\b|cannot\b|never\b
    |not\s+(?:without|unless|except|until)\b|only\s+(?:when|if|with|upon|after|pursuant)\b)"""
)

# Communicating with federal immigration authorities, with no information named: "shall
# not initiate communication with ICE officers", "may contact ICE only in cases involving".
# The channel § 1373(a) protects is the sending itself, so a restriction on it can reach
# status (analysis._channel_restricted).
CHANNEL = _compile(
    rf"""\b(?:communicat(?:e|es|ed|ing|ions?)|contact(?:s|ed|ing)?)\s+(?:with\s+)?{_FEDERAL_RECIPIENT}
    # "Our officers do not call ICE" (not "call the federal hotline")
    |\b(?:call(?:s|ed|ing)?|telephon(?:e|es|ed|ing)|e-?mail(?:s|ed|ing)?)\s+{_IMMIGRATION_RECIPIENT}
    # "policies that prohibit information-sharing with local law enforcement and federal
    # immigration authorities"
    |\binformation[- ]sharing\s+with\s+(?:[^.;]{{0,60}}?\s)?{_FEDERAL_RECIPIENT}
    # reporting people to immigration authorities tells them about those people: "will not
    # report students to ICE" (people described by status are status: REPORTED_PERSONS; to
    # "federal agents" alone, not read)
    |\b(?:mak(?:e|es|ing)|made)\s+(?:any\s+)?referrals?\s+to\s+{_IMMIGRATION_RECIPIENT}
    |\b(?:report|refer)(?:s|red|ring|ed|ing)?\s+(?:(?:any|the|our|its|their|a|an)\s+)?(?:[\w-]+\s+)?
    (?:students?|pupils?|residents?|persons?|individuals?|people|famil(?:y|ies)|parents?
    |child(?:ren)?|patients?|clients?|tenants?|victims?|witnesses|anyone|employees?|workers?
    |immigrants?|community\s+members)
    (?:\s+(?:or|and)\s+(?:their\s+)?(?:famil(?:y|ies)|parents?))?\s+to\s+{_IMMIGRATION_RECIPIENT}"""
)

# What every sentence is scanned for, in one pass (see analysis.sentence_facts).
CORE = Scanners(OPERATOR, VERB, STATUS, BROAD, LIMITED, DETAINER)
