"""Hostile texts for "Check an ordinance": each about `size` characters, each aimed
at a place where parsing, lint or rendering could grow faster than the input.

Used by `make bench` (time and peak memory of checking them) and by the tests.
"""

from __future__ import annotations

from collections.abc import Callable

_FINDING = (
    "No officer shall disclose information regarding the immigration status of any person "
    "unless a warrant is presented. "
)


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def repeated_labels(size: int) -> str:
    """The same item label on every line ("a) x."): block keys collide."""
    return _repeat("a) x.\n", size)


def many_findings(size: int) -> str:
    """A finding in every sentence, each in its own lettered item."""
    return _repeat(f"A. {_FINDING}\n", size)


def capital_lines(size: int) -> str:
    """Short all-capital lines: every one reads as a heading."""
    return _repeat("WHEREAS ABC\n", size)


def deep_bullets(size: int) -> str:
    """Bullets of growing length ("-", "--", ...): each a new nesting level."""
    lines, total, n = [], 0, 1
    while total < size:
        line = f"{'-' * (n % 400 + 1)} item\n"
        lines.append(line)
        total += len(line)
        n += 1
    return "".join(lines)[:size]


def one_long_line(size: int) -> str:
    """No line breaks at all: one paragraph, one block."""
    return _repeat(_FINDING, size)


def sentence_dots(size: int) -> str:
    """Full stops everywhere ("a. b. c."): many tiny sentences, abbreviation checks."""
    return _repeat("U.S.C. a. Sec. 1. ", size)


HOSTILE: dict[str, Callable[[int], str]] = {
    "repeated item labels": repeated_labels,
    "a finding in every sentence": many_findings,
    "all-capital lines": capital_lines,
    "deeply nested bullets": deep_bullets,
    "one long line": one_long_line,
    "full stops everywhere": sentence_dots,
}
