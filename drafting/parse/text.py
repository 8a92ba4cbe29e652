"""Outside documents' text structure into the document IR: sections, items, headings. Pure.

    >>> doc = parse_text("Sec. 46-37. Policy for responding to ICE detainers.\\n"
    ...                  "a) The Sheriff shall decline ICE detainer requests.")
    >>> doc.sections[0].label, doc.sections[0].heading
    ('Sec. 46-37.', 'Policy for responding to ICE detainers.')
    >>> [(b.label, b.level) for b in doc.sections[0].blocks]
    [('a)', 1)]

Structure is recognised from paragraph starts: section labels ("Sec. 46-37.",
"Section 2.", "7284.6.", "II)", "IV.", "1. DEFINITIONS"), item labels ("A.",
"a)", "a.)", "(1)", "1)", "(i)"), bullets, and headings (capitals, Title Case,
or a Word heading style). Item levels follow the label styles as they nest
("(a)" then "(1)" then "(A)"), and a label that could be a letter or a Roman
numeral ("I.", "(i)") is read as whichever continues the list it is in.

Bill text printed with line numbers ("3.15 shall not:", "12 (2025 Replacement
Volume)", or at the line's end as Kentucky prints them: "unwritten, that: 25")
has them set aside first (`strip_line_numbers`): they number the printed page,
not the law, and left in place they split sentences ("shall 3.15 not") and hide
list items. Only text where most lines carry a line number that counts up by
one is treated so; a list of numbered paragraphs or a table of sections is not.

A word hyphenated across a line break ("IMMI-" / "GRATION") is joined again
(`join_broken_words`), and a hard-wrapped line of capitals that goes on with the
sentence before it (bill text prints new matter in capitals) is text, not a
heading.

Nothing else is lost: `flatten(parse_text(text))` holds every non-space
character of `prepared_lines(text)`, in order, except characters no XML
document can carry (C0 controls, U+FFFE/U+FFFF, bidi overrides), which are
dropped. Arbitrary text never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafting.budget import tick
from drafting.document import Block, Document, Run, Section
from drafting.numbering import roman

# XML 1.0 cannot carry these (so no .docx could); bidi overrides can disguise text.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


# -- labels -------------------------------------------------------------------

_SECTION_WORD = re.compile(
    r"^(?P<label>(?:(?:sec(?:tion)?|art(?:icle)?|chapter|ch)\.?|§+)\s*"
    r"(?P<num>[0-9]+(?:[.\-–][0-9a-z]+)*|[ivxlc]+)\b(?P<end>[.:]?))(?=\s|$|\()",
    re.I,
)
# Code section numbers with no "Sec." before them: "4-12-030", "2-173-030", "17-5(b)(2)".
_CODE_NUMBER = re.compile(
    r"^(?P<label>(?P<num>[0-9]{1,4}[A-Z]?(?:[-–][0-9]{1,4}[A-Za-z]?){1,3})(?P<end>\.?))(?=\s|$|\()"
)
# Subdivisions written straight after a section number: "(b)(2)" of "17-5(b)(2)".
_SUBS = re.compile(r"^(?P<label>(?:\([0-9a-zA-Z]{1,4}\)){1,4})(?=\s|$)")
_MODAL_WORD = re.compile(r"\b(?:shall|may|must|will|is|are)\b", re.I)
_DECIMAL = re.compile(r"^(?P<label>(?P<num>[0-9]+(?:\.[0-9]+)+)\.?)(?=\s|$)")
_ROMAN_SECTION = re.compile(r"^(?P<label>(?P<num>[IVXLC]+)[.)])(?=\s|$)")
_ITEM = re.compile(
    r"^(?P<label>\((?P<paren>[0-9]{1,3}|[a-z]{1,4}|[A-Z]{1,4})\)"
    r"|(?P<bare>[0-9]{1,4}|[a-z]{1,4}|[A-Z]{1,4})(?P<close>\.\)|[.)]))(?=\s|$)"
)
_BULLET = re.compile(r"^(?P<label>[-–•▪■●◦*★✚]+)(?=\s)")
_ROMANS = {roman(value).lower(): value for value in range(1, 400)}
_TERMINAL = (".", ":", ";", "!", "?", ")", "”", '"', "’")
# Heading lines join into one heading (or the title) up to this length; past it a new
# section starts, so a run of capital lines costs linear time, not quadratic.
MAX_HEADING_CHARS = 500
# List nesting deeper than this is kept at this level (it is never meaningful).
MAX_LEVEL = 12
_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def _roman_value(letters: str) -> int:
    """ "iv" -> 4; 0 if not a Roman numeral (below 400, as labels are)."""
    return _ROMANS.get(letters.lower(), 0)


def _letter_value(letters: str) -> int:
    """ "a" -> 1, "z" -> 26, "aa" -> 27 (statute style); 0 if not a letter label."""
    if len(set(letters)) != 1:
        return 0
    return (len(letters) - 1) * 26 + ord(letters[0].lower()) - ord("a") + 1


@dataclass(frozen=True)
class _Label:
    text: str
    candidates: tuple[tuple[str, int], ...]  # (style, ordinal), preferred first


def _item_label(text: str) -> _Label | None:
    match = _ITEM.match(text)
    if not match:
        return None
    core = match["paren"] or match["bare"]
    wrap = (
        "paren" if match["paren"] else {".": "dot", ")": "close", ".)": "dotclose"}[match["close"]]
    )
    if core.isdigit():
        return _Label(match["label"], ((f"{wrap}-digit", int(core)),))
    case = "l" if core.islower() else "u"
    letter, numeral = _letter_value(core), _roman_value(core)
    candidates = []
    if letter:
        candidates.append((f"{wrap}-{case}letter", letter))
    if numeral:
        candidates.append((f"{wrap}-{case}roman", numeral))
    if not candidates:
        return None
    if numeral == 1 or len(core) > 1:  # "i", "ii", "iv": Roman unless a list continues
        candidates.sort(key=lambda c: "roman" not in c[0])
    return _Label(match["label"], tuple(candidates))


class _Levels:
    """Item levels from label styles as they nest (a stack of open list styles)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []

    def continues(self, label: _Label) -> bool:
        return any(
            style == open_style and ordinal == open_ordinal + 1
            for open_style, open_ordinal in self.stack
            for style, ordinal in label.candidates
        )

    def place(self, label: _Label) -> int:
        stack = self.stack
        for depth in range(len(stack) - 1, -1, -1):  # continue an open list
            for style, ordinal in label.candidates:
                if stack[depth] == (style, ordinal - 1):
                    return self._set(depth, style, ordinal)
        open_styles = {style for style, _ in stack}
        for style, ordinal in label.candidates:  # start a nested list
            if ordinal == 1 and style not in open_styles:
                return self._push(style, 1)
        for depth in range(len(stack) - 1, -1, -1):  # an open list, out of sequence
            for style, ordinal in label.candidates:
                if stack[depth][0] == style:
                    return self._set(depth, style, ordinal)
        return self._push(*label.candidates[0])

    def bullet(self, mark: str) -> int:
        style = f"bullet-{mark}"
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == style:
                return self._set(depth, style, 0)
        return self._push(style, 0)

    def _push(self, style: str, ordinal: int) -> int:
        """Open a nested list; at MAX_LEVEL the deepest list is replaced instead."""
        if len(self.stack) >= MAX_LEVEL:
            return self._set(MAX_LEVEL - 1, style, ordinal)
        self.stack.append((style, ordinal))
        return len(self.stack)

    def _set(self, depth: int, style: str, ordinal: int) -> int:
        del self.stack[depth + 1 :]
        self.stack[depth] = (style, ordinal)
        return depth + 1


# -- lines to paragraphs ------------------------------------------------------


@dataclass
class Paragraph:
    lines: list[str]
    adjacent: bool = False  # no blank line before it
    heading: bool = False  # a heading by style (Word), not by guess

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())


def _starts_with_label(line: str) -> bool:
    return bool(
        _SECTION_WORD.match(line)
        or _CODE_NUMBER.match(line)
        or _DECIMAL.match(line)
        or _ROMAN_SECTION.match(line)
        or _item_label(line)
        or _BULLET.match(line)
    )


def _label_only(line: str) -> bool:
    for pattern in (_SECTION_WORD, _CODE_NUMBER, _DECIMAL, _ROMAN_SECTION, _ITEM):
        match = pattern.match(line)
        if match and not line[match.end() :].strip():
            return pattern is not _ITEM or _item_label(line) is not None
    return False


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


# A line that ends in one of these words stops mid-sentence: the next line goes on with it.
_CONTINUING_END = re.compile(
    r"\b(?:a|an|the|of|to|or|and|nor|as|for|by|in|on|at|with|from|that|any|such|its|their"
    r"|is|are|be|shall|may|must|will|not|than|under|into|upon|whether)$",
    re.I,
)


# A line that ends in a word naming a part of a text: a lone label after it is a reference.
_REFERENCE_END = re.compile(
    r"(?:\b(?:sections?|subsections?|paragraphs?|subparagraphs?|clauses?|items?|subdivisions?"
    r"|divisions?|parts?|articles?|chapters?|titles?)|§+)$",
    re.I,
)


def _heading_line(line: str) -> bool:
    """An all-capitals line short enough to be a heading, that does not stop mid-sentence.

    Bills print new matter in capitals, hard-wrapped: "A PEACE OFFICER MAY NOT
    INQUIRE AS TO THE" is a line of a sentence, not a heading. A line ending in a
    function word, or a long one stating a duty ("SHALL NOT", "MAY NOT"), is text.
    """
    if not _capitals(line) or len(line.split()) > 20 or line.endswith((",", ";", ":", "-")):
        return False
    if _CONTINUING_END.search(line):
        return False
    return not (len(line.split()) >= 8 and _MODAL_WORD.search(line))


def _continues(line: str, previous: str) -> bool:
    """`line` goes on with the sentence of `previous` (a hard-wrapped line of capitals).

    >>> _continues("FEDERAL LAW ENFORCEMENT AGENCY.", "REFER SUCH STATUS TO ANY LOCAL, STATE OR")
    True
    """
    return bool(previous) and _capitals(previous) and not previous.endswith(_TERMINAL)


# A catchline ended by a dash ("SENSITIVE PERSONAL INFORMATION.--", "Definitions.—"), as
# New Mexico and other codes print a section's title: the label after it starts the text.
_CATCHLINE_DASH = re.compile(r"\.\s*(?:--|—|–)$")
_SENTENCE_START = re.compile(r"^[“\"‘'(\[]?[A-Z]")
_RECITAL_START = re.compile(
    r"^(?:whereas\b|now,?\s+therefore\b|be\s+it\s+(?:further\s+)?(?:ordained|resolved|enacted)\b)",
    re.I,
)


def _breaks_before(line: str, previous: str, width: int) -> bool:
    """Does `line` start a new paragraph although no blank line comes before it?

    Yes for a heading or a recital ("WHEREAS"); for a label after a line that
    ends a sentence or a list item ("; or"); and, in hard-wrapped text, after a
    short line (the ragged end of a paragraph) when `line` starts like a sentence.
    """
    if _RECITAL_START.match(line):
        return True
    if _heading_line(line):
        return not _continues(line, previous)
    if _catchline(previous) and _SENTENCE_START.match(line):
        return True  # "4-12-030 Disclosure." then the section's first sentence
    if _starts_with_label(line):
        return bool(
            previous.endswith(_TERMINAL)
            # a label alone on its line labels what follows ("... - Definition" then "(a)"),
            # unless the line before stops mid-sentence ("as provided in subsection" "(a)")
            or (
                _label_only(line)
                and not _REFERENCE_END.search(previous)
                and not _CONTINUING_END.search(previous)
            )
            or _CATCHLINE_DASH.search(previous)
            or previous.endswith((" or", " and", " and/or"))
            or _BULLET.match(line)
        )
    return (
        width >= 40
        and len(previous) < 0.6 * width
        and not previous.endswith((",", ";", "-"))
        and bool(_SENTENCE_START.match(line))
    )


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    """Lines into paragraphs: blank lines, labels after a full stop, lone labels, headings."""
    paras: list[Paragraph] = []
    current: list[str] = []
    adjacent = False
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0  # the wrapped line width

    def flush(next_adjacent: bool) -> None:
        nonlocal current, adjacent
        if current:
            paras.append(Paragraph(current, adjacent))
            current = []
        adjacent = next_adjacent

    for raw in lines:
        tick()
        line = raw.strip()
        if not line:
            flush(False)
            continue
        continuing = bool(current) and _continues(line, current[-1])
        if current and _breaks_before(line, current[-1], width):
            flush(True)
            continuing = False
        current.append(line)
        # a capitals line as wide as the text, not ending a sentence, wraps onto the next
        wraps = width >= 40 and len(line) >= 0.75 * width and not line.endswith(_TERMINAL)
        if _label_only(line) or (_heading_line(line) and not continuing and not wraps):
            flush(True)
    flush(False)
    return paras


# -- bill line numbers --------------------------------------------------------

# A printed line number: "3.15" (page.line, Minnesota) or "15" (Maryland), then the line.
_LINE_NUMBER = re.compile(r"^(?P<indent>[ \t]*)(?P<num>[0-9]{1,3}(?:\.[0-9]{1,3})?)(?:[ \t]+|$)")
# ... or at its end: "whether written or unwritten, that: 25" (Kentucky). Looked for only
# in a line's last few characters, so a long run of spaces costs no backtracking.
_TRAILING_NUMBER = re.compile(r"(?<=[ \t])(?P<num>[0-9]{1,3})$")
# How much of a text must look like numbered lines before the numbers are set aside.
_MIN_NUMBERED_LINES = 5
_MIN_NUMBERED_SHARE = 0.5
_MIN_COUNTING_SHARE = 0.8
_MIN_MEAN_LINE = 30  # printed bill lines are long; a table of sections is not


def _line_numbers(lines: list[str]) -> list[re.Match[str] | None]:
    return [_LINE_NUMBER.match(line) for line in lines]


def _trailing_numbers(lines: list[str]) -> list[re.Match[str] | None]:
    found = []
    for line in lines:
        end = len(line.rstrip(" \t"))
        found.append(_TRAILING_NUMBER.search(line, max(0, end - 3), end))
    return found


def _counts_up(numbers: list[str]) -> bool:
    """Most neighbours go up by one (a new page may start again at 1)."""
    steps = 0
    for before, after in zip(numbers, numbers[1:], strict=False):
        last, first = int(before.rsplit(".", 1)[-1]), int(after.rsplit(".", 1)[-1])
        steps += first in (last + 1, 1)
    return steps >= _MIN_COUNTING_SHARE * max(1, len(numbers) - 1)


def _numbered(lines: list[str], matches: list[re.Match[str] | None], *, trailing: bool) -> bool:
    filled = [line for line in lines if line.strip()]
    numbered = [(m, line) for m, line in zip(matches, lines, strict=True) if m]
    if len(numbered) < _MIN_NUMBERED_LINES or len(numbered) < _MIN_NUMBERED_SHARE * len(filled):
        return False
    rest = [line[: m.start()] if trailing else line[m.end() :] for m, line in numbered]
    rest = [len(text) for text in rest if text.strip()]
    if not rest or sum(rest) / len(rest) < _MIN_MEAN_LINE:
        return False
    return _counts_up([m["num"] for m, _ in numbered])


def numbered_lines(lines: list[str]) -> bool:
    """Is this bill text printed with a line number at the start of (most) lines?

    >>> numbered_lines(["3.14 Subd. 3. Government restrictions. (a) A government unit,",
    ...                 "3.15 and the unit's personnel, shall not:", "3.16 (1) disclose, "
    ...                 "distribute, or disseminate data on any individual", "3.17 to any "
    ...                 "federal immigration authority if the data will be used for",
    ...                 "3.18 civil immigration enforcement, except as required by law;"])
    True
    >>> numbered_lines(["1. Purpose.", "2. Definitions.", "3. Policy.", "4. Training.",
    ...                 "5. Reports."])
    False
    """
    return _numbered(lines, _line_numbers(lines), trailing=False)


def numbered_at_the_end(lines: list[str]) -> bool:
    """Is this bill text printed with a line number at the end of (most) lines, as
    Kentucky's bills are ("(f) "Sanctuary policy" means an order, ordinance, resolution,
    or policy, 24", "whether written or unwritten, that: 25")?

    >>> numbered_at_the_end(["(1) As used in this section, unless the context requires: 5",
    ...     '(a) "Local employee" means a person who is employed by a local law 6',
    ...     "enforcement agency who is not otherwise a local law enforcement official, 7",
    ...     "and a person who is employed by a local government who is not otherwise a 8",
    ...     "public official, and who is not an elected or appointed officer here; 9"])
    True
    >>> numbered_at_the_end(["The fee is $25", "and the deposit is $50", "due by May 1",
    ...     "or June 2", "each year 3"])
    False
    """
    return _numbered(lines, _trailing_numbers(lines), trailing=True)


def strip_line_numbers(lines: list[str]) -> list[str]:
    """`lines` without the bill line numbers at their starts (or ends), when the text has
    them.

    >>> strip_line_numbers(["14 (A) A PERSON SHALL NOT DISCLOSE", "15 THE INFORMATION."])
    ['14 (A) A PERSON SHALL NOT DISCLOSE', '15 THE INFORMATION.']
    """
    if numbered_lines(lines):
        out = []
        for line, match in zip(lines, _line_numbers(lines), strict=True):
            out.append(match["indent"] + line[match.end() :] if match else line)
        return out
    if numbered_at_the_end(lines):
        return [
            line[: match.start()].rstrip() if match else line
            for line, match in zip(lines, _trailing_numbers(lines), strict=True)
        ]
    return lines


# -- words broken across lines -------------------------------------------------

# "... VICTIM OF DOMESTIC VIOLENCE'S IMMI-" then "GRATION STATUS ...": a word broken at the
# line end. Both pieces must be letters of the same case (or the second lower case), so a
# dash ("- ") or a number range ("12-") is left alone.
_BROKEN_END = re.compile(r"(?<![\w-])(?P<head>[A-Za-z]{2,})-$")
_BROKEN_START = re.compile(r"^(?P<tail>[A-Za-z]+)(?P<after>['’]?[A-Za-z]*[,.;:)]?)(?=\s|$)")


def join_broken_words(lines: list[str]) -> list[str]:
    """`lines` with words hyphenated across a line break put back together.

    The rest of the word moves up to the line where it starts; the hyphen goes.

    >>> join_broken_words(["OF DOMESTIC VIOLENCE'S IMMI-", "GRATION STATUS SHALL BE"])
    ["OF DOMESTIC VIOLENCE'S IMMIGRATION", 'STATUS SHALL BE']
    >>> join_broken_words(["the non-", "public records", "items 1-", "4 and a dash -", "here"])
    ['the nonpublic', 'records', 'items 1-', '4 and a dash -', 'here']
    """
    out = list(lines)
    for index in range(len(out) - 1):
        end = _BROKEN_END.search(out[index].rstrip())
        following = out[index + 1].lstrip()
        start = _BROKEN_START.match(following)
        if not end or not start:
            continue
        head, tail = end["head"], start["tail"]
        if not (tail.islower() or (head.isupper() and tail.isupper())):
            continue
        word = start.group()
        out[index] = out[index].rstrip()[:-1] + word
        out[index + 1] = following[len(word) :].lstrip()
    return out


def prepared_lines(text: str) -> list[str]:
    """The lines `parse_text` reads: escaped line breaks restored, bill line numbers set aside,
    broken words joined."""
    text = unescape_line_breaks(UNWRITABLE.sub("", text))
    return join_broken_words(strip_line_numbers(text.splitlines()))


_ESCAPED_BREAK = re.compile(r"\\r\\n|\\n")


def unescape_line_breaks(text: str) -> str:
    """Line breaks written as the two characters "\\n", as text copied from a page's source or
    a JSON export shows them ("shall disclose to an immigration\\nauthority"), made line breaks
    again; only where such escapes outnumber the real line breaks, so a text that merely
    mentions "\\n" keeps it.
    """
    escapes = len(_ESCAPED_BREAK.findall(text))
    if escapes < 2 or escapes <= text.count("\n"):
        return text
    return _ESCAPED_BREAK.sub("\n", text)


# -- paragraphs to sections ---------------------------------------------------


def _title_case(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 10 or text.endswith((".", ",", ";", ":", "?", "!")):
        return False
    significant = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() for w in significant)


def _is_heading(para: Paragraph) -> bool:
    if para.heading:
        return True
    text = para.text
    if len(text) > 200 or len(para.lines) > 3:
        return False
    return _heading_line(text) or (len(para.lines) == 1 and _title_case(text))


@dataclass
class _SectionDraft:
    label: str = ""
    number: str = ""
    heading: str = ""
    blocks: list[Block] = field(default_factory=list)


class _Builder:
    def __init__(self) -> None:
        self.title = ""
        self.sections: list[_SectionDraft] = []
        self.levels = _Levels()
        self.pending: str = ""  # a label alone on its line, for the next paragraph
        self.last_section_roman = 0
        self.keys: dict[str, int] = {}  # key -> how many blocks have used it
        self.paths: list[str] = []

    @property
    def section(self) -> _SectionDraft:
        if not self.sections:
            self.sections.append(_SectionDraft())
        return self.sections[-1]

    def add(self, para: Paragraph) -> None:
        text = para.text
        if self.pending:
            text = f"{self.pending} {text}"
            self.pending = ""
        section = self._section_label(text)
        if section is None and _label_only(text):
            self.pending = text
            return
        if section is not None:
            label, number, rest = section
            if self.sections and self.sections[-1].number == number and _SUBS.match(rest):
                self._subdivision(rest)  # "17-5(b) ..." after "17-5(a) ...": same section
                return
            self._start_section(label, number, rest)
            return
        if not para.heading and self._item(text):
            return
        if _is_heading(para):
            self._heading(text, para.adjacent)
            return
        self._block("paragraph", text, "", 0)

    # sections

    def _section_label(self, text: str) -> tuple[str, str, str] | None:
        """(label, number, rest) if `text` starts a section; remembers a Roman number."""
        match = _SECTION_WORD.match(text)
        if match:
            rest = text[match.end() :].strip()
            # "Section 1373 of Title 8 ..." is a sentence, not a label; "§ 2.04.110 Records." is
            if (
                match["end"]
                or not rest
                or rest[0] in "-–—"
                or _heading_line(rest)
                or _SUBS.match(rest)
                or (re.search(r"[0-9][.\-–][0-9]", match["num"]) and _code_heading(rest))
            ):
                return match["label"], match["num"].rstrip("."), rest
            return None
        match = _CODE_NUMBER.match(text)
        if match:
            rest = text[match.end() :].strip()
            if not rest or _SUBS.match(rest) or _heading_line(rest) or _code_heading(rest):
                return match["label"], match["num"], rest
            return None
        match = _DECIMAL.match(text)
        if match:
            return match["label"], match["num"], text[match.end() :].strip()
        match = _ROMAN_SECTION.match(text)
        if match:
            rest = text[match.end() :].strip()
            label = _item_label(match["label"])
            value = _roman_value(match["num"])
            if label and self.levels.continues(label):
                return None
            if (
                not rest
                or _heading_line(rest)
                or value == self.last_section_roman + 1
                or (value == 1 and not self.levels.stack)
            ):
                self.last_section_roman = value
                return match["label"], match["num"], rest
            return None
        match = re.match(r"^(?P<label>(?P<num>[0-9]{1,4})\.)\s+(?P<rest>.+)$", text)
        if match and (_heading_line(match["rest"]) or int(match["num"]) >= 100):
            return match["label"], match["num"], match["rest"].strip()
        return None

    def _start_section(self, label: str, number: str, rest: str = "") -> None:
        self.sections.append(_SectionDraft(label=label.strip(), number=number))
        self.levels = _Levels()
        self.paths = []
        if not rest:
            return
        if _SUBS.match(rest) and not _item_label(rest):
            self._subdivision(rest)
        elif _heading_line(rest) or (
            (_CODE_NUMBER.match(label) or _DECIMAL.match(label)) and _code_heading(rest)
        ):
            self.sections[-1].heading = rest
        elif _item_label(rest) or _BULLET.match(rest):
            self._item(rest)
        elif _SECTION_WORD.match(label) and len(rest.split()) <= 15 and not _ends_body(rest):
            self.sections[-1].heading = rest
        else:
            self._block("paragraph", rest, "", 0)

    def _subdivision(self, text: str) -> None:
        """ "(b)(2) text" after a section number: an item labelled "(b)(2)", one level a part.

        A single "(b)" is an ordinary item, placed among its siblings.
        """
        if _item_label(text):
            self._item(text)
            return
        match = _SUBS.match(text)
        assert match is not None
        label = match["label"]
        level = label.count("(")
        self.paths = []  # its key is the section number and the whole label
        self._block("item", text[match.end() :].strip(), label, level)

    def _heading(self, text: str, adjacent: bool) -> None:
        if not self.sections and not self.title:
            self.title = text
            return
        if (
            not self.sections
            and adjacent
            and len(self.title) < MAX_HEADING_CHARS
            and _capitals(text) == _capitals(self.title)
        ):
            self.title = f"{self.title} {text}"
            return
        section = self.sections[-1] if self.sections else None
        if (
            section is not None
            and not section.blocks
            and (not section.heading or adjacent)
            and len(section.heading) < MAX_HEADING_CHARS
        ):
            section.heading = f"{section.heading} {text}".strip()
            return
        self.sections.append(_SectionDraft(heading=text))
        self.levels = _Levels()
        self.paths = []

    # blocks

    def _item(self, text: str) -> bool:
        bullet = _BULLET.match(text)
        if bullet:
            level = self.levels.bullet(bullet["label"])
            self._block("bullet", text[bullet.end() :].strip(), bullet["label"], level)
            return True
        label = _item_label(text)
        if label is None:
            return False
        level = self.levels.place(label)
        self._block("item", text[len(label.text) :].strip(), label.text, level)
        return True

    def _block(self, kind: str, text: str, label: str, level: int) -> None:
        section = self.section
        index = len(self.sections)
        prefix = section.number or f"s{index}"
        if kind == "item":
            del self.paths[max(level - 1, 0) :]
            self.paths.append(label)
            key = "/".join([prefix, *self.paths])
        else:
            key = f"{prefix}/p{len(section.blocks) + 1}"
        key = self._unique(key)
        runs = (Run(text),) if text else ()
        section.blocks.append(Block(kind, runs, level=level, label=label, key=key))  # type: ignore[arg-type]

    def _unique(self, key: str) -> str:
        """`key`, or `key~2`, `key~3` ... when it is taken: constant time per block.

        (Appending "~" until the key was free made repeated labels cubic.)
        """
        while key in self.keys:
            count = self.keys[key] = self.keys[key] + 1
            key = f"{key}~{count}"
        self.keys[key] = 1
        return key

    def document(self) -> Document:
        if self.pending:
            self._block("item", "", self.pending, 1)
        sections = tuple(
            Section(heading=s.heading, blocks=tuple(s.blocks), number=s.number, label=s.label)
            for s in self.sections
        )
        return Document(title=self.title, sections=sections, numbering="parsed", kind="")


def _catchline(line: str) -> bool:
    """A code section's number and catchline on a line of their own ("Sec. 9-101. Definitions.")."""
    for pattern in (_SECTION_WORD, _CODE_NUMBER, _DECIMAL):
        match = pattern.match(line)
        if match:
            rest = line[match.end() :].strip()
            return bool(rest) and rest.endswith(".") and _code_heading(rest)
    return False


def _code_heading(text: str) -> bool:
    """A code section's catchline: "Disclosure of information." (short, no verb of duty)."""
    words = text.split()
    return (
        1 <= len(words) <= 14
        and text[0].isupper()
        and not text.endswith((",", ";", ":"))
        and not _MODAL_WORD.search(text)
        and text.count(".") <= 1
    )


def _ends_body(text: str) -> bool:
    """Reads as a sentence of body text rather than a heading."""
    return len(text.split()) > 12 or text.endswith((",", ";", ":"))


def build_document(paras: list[Paragraph]) -> Document:
    builder = _Builder()
    for para in paras:
        tick()
        builder.add(para)
    document = builder.document()
    return replace(document, kind=document_kind(document))


# -- what the document is -----------------------------------------------------

# Signals, strongest first: enacting words and "Ordinance No." (3), "this
# ordinance" (2), then looser words (1). Sections numbered as codes are ("4-12-030").
_KIND_SIGNALS: tuple[tuple[str, int, re.Pattern[str]], ...] = tuple(
    (kind, weight, re.compile(pattern, re.I))
    for kind, weight, pattern in (
        ("ordinance", 3, r"\bbe\s+it\s+ordained\b|\bhereby\s+ordains?\b|\bordinance\s+no\b"
                         r"|\ban\s+ordinance\s+(?:of|to|amending|relating|adding|establishing)\b"),
        ("ordinance", 2, r"\bthis\s+ordinance\b"
                         r"|\b(?:is|are)\s+hereby\s+(?:amended|added|repealed)\b"),
        ("resolution", 3, r"\bbe\s+it\s+(?:further\s+)?resolved\b|\bresolution\s+no\b"),
        ("resolution", 2, r"\bthis\s+resolution\b"),
        ("executive-order", 3, r"\bexecutive\s+(?:order|directive)\b|\bmayor['’]s\s+order\b"
                               r"|\bauthority\s+vested\s+in\s+me\b"),
        ("executive-order", 2, r"\bthis\s+(?:executive\s+)?order\b"),
        ("policy", 3, r"\bboard\s+policy\b|\bstandard\s+operating\s+procedures?\b"
                      r"|\bgeneral\s+order\b|\bpolicy\s+(?:no|number)\b"),
        ("policy", 2, r"\bthis\s+(?:policy|directive|procedure)\b"),
        ("code-chapter", 3, r"\b(?:municipal|administrative|county|city|revised)\s+code\b"
                            r"|\bcode\s+of\s+ordinances\b|\bcodified\b"),
        ("code-chapter", 2, r"\bthis\s+(?:chapter|article|title)\b|^\s*chapter\s+[0-9]"),
        ("statute", 3, r"\bbe\s+it\s+enacted\b|\bgeneral\s+assembly\b|\blegislature\b"),
        ("statute", 2, r"\bthis\s+act\b"),
    )
)  # fmt: skip
_KIND_ORDER = ("ordinance", "code-chapter", "statute", "resolution", "executive-order", "policy")


def document_kind(document: Document) -> str:
    """What an outside document says it is (see `Document.kind`); "" when it does not say.

    Sections numbered the way codes are ("4-12-030", "Sec. 46-37", "§ 2.04.110")
    also count for a code chapter, so a pasted chapter is not taken for a policy.
    """
    texts = [document.title] + [
        text for s in document.sections for text in (s.title, *(b.text for b in s.blocks))
    ]
    scores = dict.fromkeys(_KIND_ORDER, 0)
    for kind, weight, pattern in _KIND_SIGNALS:
        if any(pattern.search(text) for text in texts):
            scores[kind] += weight
    coded = sum(
        bool(re.search(r"[0-9][.\-–][0-9]", s.number))
        and bool(_CODE_NUMBER.match(s.number))
        or bool(
            re.match(r"^(?:sec(?:tion)?\.?|§)", s.label, re.I) and re.search(r"[.\-–]", s.number)
        )
        for s in document.sections
    )
    scores["code-chapter"] += 2 if coded >= 1 else 0
    best = max(_KIND_ORDER, key=lambda kind: (scores[kind], -_KIND_ORDER.index(kind)))
    return best if scores[best] else ""


def parse_text(text: str) -> Document:
    """Pasted text into the IR (see the module docstring)."""
    return build_document(_paragraphs(prepared_lines(text)))


def flatten(document: Document) -> str:
    """All the text of a parsed document, in order: title, labels, headings, blocks."""
    parts = [document.title]
    for section in document.sections:
        parts += [section.label, section.heading]
        for block in section.blocks:
            parts += [block.label, block.text]
    return " ".join(part for part in parts if part)
