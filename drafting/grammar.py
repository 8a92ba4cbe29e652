"""How the locality, its officers and the instrument read in a sentence. Pure.

Clause text needs more than the name a user typed: "the City of Springfield"
takes an article, "Lake County" does not; a second reference is "the City";
a title ("Chief of Police") takes "the" unless the user typed one. Each value
prints as typed (`str()`), so older clause versions that place the words
themselves keep reading as they did; the current edition asks for the form it
means:

    >>> place = LocalityName.parse("Springfield", "city")
    >>> place.the, place.The, place.short, place.adjective
    ('the City of Springfield', 'The City of Springfield', 'the City', 'City')
    >>> LocalityName.parse("Cook County", "county").the
    'Cook County'
    >>> LocalityName.parse("the City of Springfield", "city").of
    'of the City of Springfield'
    >>> Title("Chief of Police").the, Title("the Office of the Mayor").the
    ('the Chief of Police', 'the Office of the Mayor')
    >>> Instrument.parse("bylaw").this
    'this bylaw'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.numbering import NumberWords

# The word a locality type puts in a formal name, and where it goes.
_TYPE_WORDS = {
    "city": "City",
    "county": "County",
    "town": "Town",
    "village": "Village",
    "borough": "Borough",
    "parish": "Parish",
    "city and county": "City and County",
}
# Counties and parishes are named "Lake County", "Jefferson Parish" (no article);
# the rest "City of Springfield" (with one). Both shapes are accepted as typed.
_SUFFIX_TYPES = {"county", "parish"}
_ARTICLE = re.compile(r"^the\s+", re.I)


def _strip_article(text: str) -> str:
    return _ARTICLE.sub("", text.strip())


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class LocalityName:
    """The locality as the text names it.

    `formal` is the name without any article ("City of Springfield", "Lake County");
    `takes_the` whether a sentence puts "the" before it ("of the City of Springfield"
    but "of Lake County"); `adjective` the type word for "City custody".
    """

    typed: str
    formal: str
    takes_the: bool
    adjective: str

    @classmethod
    def parse(cls, typed: str, locality_type: str) -> LocalityName:
        """Read a typed name ("the City of Springfield", "Springfield", "Cook County").

        >>> LocalityName.parse("Amherst", "town").the
        'the Town of Amherst'
        >>> LocalityName.parse("Jefferson", "parish").the
        'Jefferson Parish'
        >>> LocalityName.parse("San Francisco", "city and county").short
        'the City and County'
        >>> LocalityName.parse("County of Santa Clara", "county").the
        'the County of Santa Clara'
        """
        word = _TYPE_WORDS.get(locality_type, "City")
        bare = _strip_article(typed)
        lowered = bare.lower()
        known = sorted(_TYPE_WORDS.values(), key=len, reverse=True)
        # "City of X", "City and County of X", "Town of X" ... as typed: takes "the".
        prefix = next((w for w in known if lowered.startswith(f"{w.lower()} of ")), None)
        if prefix:
            return cls(typed, bare, True, word)
        # "Lake County", "Jefferson Parish", "New York City": no article.
        if any(lowered.endswith(f" {w.lower()}") for w in known):
            return cls(typed, bare, False, word)
        if locality_type in _SUFFIX_TYPES:
            return cls(typed, f"{bare} {word}", False, word)
        return cls(typed, f"{word} of {bare}", True, word)

    def __str__(self) -> str:
        return self.typed

    @property
    def the(self) -> str:
        """In running text: "the City of Springfield", "Lake County"."""
        return f"the {self.formal}" if self.takes_the else self.formal

    @property
    def The(self) -> str:  # noqa: N802 - reads as the sentence-initial form in templates
        return capfirst(self.the)

    @property
    def of(self) -> str:
        return f"of {self.the}"

    @property
    def possessive(self) -> str:
        """ "the City of Springfield's", "Lake County's"."""
        return f"{self.the}’s"

    @property
    def short(self) -> str:
        """A second reference: "the City", "the County", "the Parish"."""
        return f"the {self.adjective}"

    @property
    def Short(self) -> str:  # noqa: N802
        return capfirst(self.short)

    @property
    def upper(self) -> str:
        """For the enacting formula: "THE CITY OF SPRINGFIELD", "LAKE COUNTY"."""
        return self.the.upper()


@dataclass(frozen=True)
class Title:
    """An office or body named in the text ("Chief of Police", "Human Relations Commission").

    >>> Title("Sheriff").The
    'The Sheriff'
    >>> Title("The Lake County Sheriff").the
    'the Lake County Sheriff'
    >>> str(Title("Chief of Police"))
    'Chief of Police'
    """

    typed: str

    def __str__(self) -> str:
        return self.typed

    def __bool__(self) -> bool:
        return bool(self.typed)

    @property
    def bare(self) -> str:
        return _strip_article(self.typed)

    @property
    def the(self) -> str:
        return f"the {self.bare}" if self.bare else ""

    @property
    def The(self) -> str:  # noqa: N802
        return capfirst(self.the)

    @property
    def upper(self) -> str:
        return self.bare.upper()


# Instruments: how each is headed, enacted and referred to. Sources: council
# ordinances "BE IT ORDAINED" (CPD 2017, Appendix I is an ordinance); Massachusetts
# town bylaws are adopted by Town Meeting (M.G.L. c. 40, § 21); resolutions close
# their recitals with "NOW, THEREFORE, BE IT RESOLVED" (Cook County Resolution,
# CPD 2017 Appendix II); executive orders are issued by the executive ("I ...
# hereby order", Philadelphia Executive Order, CPD 2017 "ICE Notification
# Requests"); a police department policy is the chief's (sample-trust-policy).
INSTRUMENTS: dict[str, str] = {
    "ordinance": "Ordinance (adopted by the council or board)",
    "bylaw": "Bylaw (adopted by Town Meeting, Massachusetts)",
    "resolution": "Resolution (of the council or board)",
    "executive-order": "Executive order (of the mayor or county executive)",
    "policy": "Police department policy (of the chief law enforcement officer)",
}


@dataclass(frozen=True)
class Instrument:
    """The kind of document: its noun, its heading line and its self-reference."""

    kind: str
    noun: str  # "ordinance": "this ordinance"
    title_noun: str  # "Ordinance": "Justice and Equity Ordinance"
    number_label: str  # "ORDINANCE NO." heading line
    legislative: bool  # enacted by the legislative body (ordinance, bylaw, resolution)

    @classmethod
    def parse(cls, kind: str) -> Instrument:
        kind = kind or "ordinance"
        return {
            "ordinance": cls("ordinance", "ordinance", "Ordinance", "ORDINANCE NO.", True),
            "bylaw": cls("bylaw", "bylaw", "Bylaw", "ARTICLE", True),
            "resolution": cls("resolution", "resolution", "Resolution", "RESOLUTION NO.", True),
            "executive-order": cls(
                "executive-order", "order", "Executive Order", "EXECUTIVE ORDER NO.", False
            ),
            "policy": cls("policy", "policy", "Policy", "POLICY NO.", False),
        }[kind]

    def __str__(self) -> str:
        return self.noun

    @property
    def this(self) -> str:
        """ "this ordinance", "this bylaw", "this order", "this policy"."""
        return f"this {self.noun}"

    @property
    def This(self) -> str:  # noqa: N802
        return capfirst(self.this)

    @property
    def adopted(self) -> str:
        """How it becomes binding: an ordinance "is signed into law" (CPD §XIII), a
        bylaw or resolution "is adopted", an order or policy "is issued"."""
        if self.kind == "ordinance":
            return "is signed into law"
        return "is adopted" if self.legislative else "is issued"

    @property
    def act_word(self) -> str:
        """What a named act is called: "Act" for enactments, else the instrument's noun."""
        return "Act" if self.kind in ("ordinance", "bylaw") else self.title_noun


def enacting_formula(
    instrument: Instrument,
    place: LocalityName,
    legislative_body: Title,
    *,
    executive: Title | None = None,
    chief: Title | None = None,
) -> str:
    """The words that make the text law, as the instrument is made.

    >>> spfld = LocalityName.parse("Springfield", "city")
    >>> enacting_formula(Instrument.parse("ordinance"), spfld, Title("City Council"))
    'BE IT ORDAINED BY THE CITY COUNCIL OF THE CITY OF SPRINGFIELD:'
    >>> amherst = LocalityName.parse("Amherst", "town")
    >>> enacting_formula(Instrument.parse("bylaw"), amherst, Title("Town Meeting"))
    'BE IT ENACTED BY THE TOWN MEETING OF THE TOWN OF AMHERST:'
    >>> enacting_formula(Instrument.parse("executive-order"), spfld, Title("City Council"),
    ...                  executive=Title("Mayor"))
    'I, THE MAYOR OF THE CITY OF SPRINGFIELD, BY THE AUTHORITY VESTED IN ME, HEREBY ORDER:'
    """
    where = place.upper
    if instrument.kind == "executive-order":
        who = (executive or Title("")).upper or "CHIEF EXECUTIVE"
        return f"I, THE {who} OF {where}, BY THE AUTHORITY VESTED IN ME, HEREBY ORDER:"
    if instrument.kind == "policy":
        who = (chief or Title("")).upper or "CHIEF LAW ENFORCEMENT OFFICER"
        return f"THE {who} OF {where} HEREBY ADOPTS THE FOLLOWING POLICY:"
    verb = {"bylaw": "ENACTED", "resolution": "RESOLVED"}.get(instrument.kind, "ORDAINED")
    return f"BE IT {verb} BY THE {legislative_body.upper} OF {where}:"


def plural(number: int, noun: str, plural_form: str = "") -> str:
    """ "1 day", "45 days"; digits, as the model writes its day counts.

    >>> plural(1, "day"), plural(14, "day")
    ('1 day', '14 days')
    """
    return f"{int(number)} {noun if int(number) == 1 else plural_form or noun + 's'}"


def count_words(number: int, noun: str) -> str:
    """ "forty-five days", "one day".

    >>> count_words(1, "day")
    'one day'
    """
    return f"{NumberWords.words(number)} {noun if int(number) == 1 else noun + 's'}"


def count_words_digits(number: int, noun: str) -> str:
    """ "thirty (30) days", "one (1) year".

    >>> count_words_digits(1, "year"), count_words_digits(10, "year")
    ('one (1) year', 'ten (10) years')
    """
    return f"{NumberWords.words_digits(number)} {noun if int(number) == 1 else noun + 's'}"


def days_notice(number: int) -> str:
    """ "30 days’ notice", "1 day’s notice"."""
    return "1 day’s notice" if int(number) == 1 else f"{int(number)} days’ notice"


def most_spoken(number: int) -> str:
    """ "the five most commonly spoken languages"; for one, "the most commonly spoken language".

    >>> most_spoken(1)
    'the most commonly spoken language'
    """
    if int(number) == 1:
        return "the most commonly spoken language"
    return f"the {NumberWords.words(number)} most commonly spoken languages"


def unstop(text: object) -> str:
    """A sentence without its closing full stop, to be joined before other punctuation.

    >>> unstop("The request is accompanied by a judicial warrant. ")
    'The request is accompanied by a judicial warrant'
    """
    return str(text).strip().rstrip(".")
