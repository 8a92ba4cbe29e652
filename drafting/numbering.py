"""Section and item labels, internal references and numbers in words. Pure.

Two numbering styles:
- "cpd": the CPD model's own: sections "I)", items "A.", "1)", "(a)", "(i)";
- "section": "Section 1.", items "(a)", "(1)", "(A)", "(i)".
"""

from __future__ import annotations

_ROMAN = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
]  # fmt: skip


def roman(number: int) -> str:
    """A number in Roman numerals, as CPD numbers its sections.

    >>> roman(14)
    'XIV'
    """
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letters(number: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA (as statutes do: AA, BB, ...)."""
    repeat, index = divmod(number - 1, 26)
    return chr(ord("A") + index) * (repeat + 1)


def section_label(numbering: str, number: int) -> tuple[str, str]:
    """(bare number, printed label) of the n-th numbered section."""
    if numbering == "section":
        return str(number), f"Section {number}."
    return roman(number), f"{roman(number)})"


def item_label(numbering: str, level: int, number: int) -> str:
    if numbering == "section":
        forms = {1: f"({letters(number).lower()})", 2: f"({number})", 3: f"({letters(number)})"}
    else:
        forms = {1: f"{letters(number)}.", 2: f"{number})", 3: f"({letters(number).lower()})"}
    return forms.get(level, f"({roman(number).lower()})")


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def refs_phrase(numbering: str, item_letters: list[str]) -> str:
    """Name first-level items of the same section, in the numbering's words.

    >>> refs_phrase("cpd", ["A.", "B."])
    'sections A and B of this Subsection'
    >>> refs_phrase("section", ["(a)"])
    'subsection (a) of this section'
    """
    if not item_letters:
        return ""
    if numbering == "section":
        noun = "subsection" if len(item_letters) == 1 else "subsections"
        return f"{noun} {_join(item_letters)} of this section"
    bare = [label.rstrip(".") for label in item_letters]
    noun = "section" if len(bare) == 1 else "sections"
    return f"{noun} {_join(bare)} of this Subsection"


def subsections_phrase(numbering: str, item_letters: list[str]) -> str:
    """Name first-level items of the same section as statutes do.

    >>> subsections_phrase("section", ["(a)", "(b)"])
    'subsections (a) and (b) of this section'
    >>> subsections_phrase("cpd", ["A.", "B."])
    'subsections A and B of this Section'
    """
    if not item_letters:
        return ""
    noun = "subsection" if len(item_letters) == 1 else "subsections"
    if numbering == "section":
        return f"{noun} {_join(item_letters)} of this section"
    return f"{noun} {_join([label.rstrip('.') for label in item_letters])} of this Section"


_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


class NumberWords:
    """Numbers as legal drafting writes them: "thirty (30)"."""

    @staticmethod
    def words(number: int) -> str:
        """A whole number in words.

        >>> NumberWords.words(45)
        'forty-five'
        """
        number = int(number)
        if number < 0:
            return f"minus {NumberWords.words(-number)}"
        if number < 20:
            return _ONES[number]
        if number < 100:
            tens, ones = divmod(number, 10)
            return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
        if number < 1000:
            hundreds, rest = divmod(number, 100)
            tail = f" {NumberWords.words(rest)}" if rest else ""
            return f"{_ONES[hundreds]} hundred{tail}"
        thousands, rest = divmod(number, 1000)
        tail = f" {NumberWords.words(rest)}" if rest else ""
        return f"{NumberWords.words(thousands)} thousand{tail}"

    @staticmethod
    def words_digits(number: int) -> str:
        return f"{NumberWords.words(number)} ({int(number)})"
