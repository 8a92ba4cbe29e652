"""From a drafter's changed text to edits, and edits onto a changed library text. Pure.

`derive_edits(clause, old, new)`: the smallest find/replace pairs that turn the
clause's assembled text into what the drafter typed, each `find` unique where
it applies (so the edits apply in order and give exactly `new`):

    >>> old = "The City shall not ask. The City shall not keep records."
    >>> [(e.find, e.replace) for e in derive_edits("x", old, old.replace("keep", "retain"))]
    [('keep', 'retain')]
    >>> [(e.find, e.replace) for e in derive_edits("x", old, old.replace("not ask", "never ask"))]
    [('not ask', 'never ask')]

`rebase_edits(clause, old_library, new_library, edits)`: the three-way merge of
an upgrade or option change. An edit whose text is still there applies as is;
otherwise the drafter's change is carried over from the old library text to
the new (a clean merge gives new edits); what cannot be carried is a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafting.diff import token_opcodes
from drafting.document import Document
from drafting.edits import apply_edits_to_text, clause_text, count_matches, normalise_text
from drafting.words import Edit, Words

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def derive_edits(clause: str, old: str, new: str) -> list[Edit]:
    """The smallest unique find/replace pairs from `old` to `new` (both normalised)."""
    old, new = normalise_text(old), normalise_text(new)
    a, b = _tokens(old), _tokens(new)
    edits: list[Edit] = []
    for i1, i2, j1, j2 in _changes(a, b):
        current = b[:j1] + a[i1:]  # earlier changes applied, later ones not yet
        lo, hi = j1, j1 + (i2 - i1)
        text = "".join(current)
        grow_right = True
        while True:
            find = "".join(current[lo:hi])
            if find.strip() and count_matches(text, find) == 1:
                break
            if lo == 0 and hi >= len(current):
                break  # the whole text (an empty clause cannot be edited by find)
            if (grow_right and hi < len(current)) or lo == 0:
                hi += 1
                while hi < len(current) and current[hi - 1].isspace():
                    hi += 1  # whole words: a space and the word after it
            else:
                lo -= 1
                while lo > 0 and current[lo].isspace():
                    lo -= 1
            grow_right = not grow_right
        if not find.strip():
            continue
        suffix = "".join(current[j1 + (i2 - i1) : hi])
        replacement = "".join(b[lo:j2]) + suffix
        edits.append(Edit(clause, find, replacement))
    return edits


def _changes(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    """The changed stretches (i1, i2, j1, j2), two changes with at most one word
    between them taken as one ("on a quarterly basis" -> "every month" is one edit,
    not "on" -> "every" and "a quarterly basis" -> "month")."""
    changes: list[list[int]] = []
    gap = 0
    for tag, i1, i2, j1, j2 in token_opcodes(a, b):
        if tag == "equal":
            gap = sum(1 for token in a[i1:i2] if not token.isspace())
        elif changes and gap <= 1:
            changes[-1][1], changes[-1][3] = i2, j2
        else:
            changes.append([i1, i2, j1, j2])
        if tag != "equal":
            gap = 0
    return [tuple(change) for change in changes]  # type: ignore[misc]


@dataclass(frozen=True)
class Rebased:
    """The edits of one clause carried onto a new library text."""

    clause: str
    edits: tuple[Edit, ...]
    conflict: bool
    old_text: str = ""  # the old library text
    new_text: str = ""  # the new library text
    mine: str = ""  # the old library text as the drafter edited it


def rebase_edits(clause: str, old: str, new: str, edits: list[Edit]) -> Rebased:
    """Three-way merge of one clause's edits (see the module docstring)."""
    numbered = list(enumerate(edits))
    mine, conflict = apply_edits_to_text(old, numbered)
    if conflict is not None:
        # the edits did not even apply to the old text: nothing to carry over
        return Rebased(clause, tuple(edits), True, old, new, old)
    if old == new:
        return Rebased(clause, tuple(edits), False, old, new, mine)
    _, still = apply_edits_to_text(new, numbered)
    if still is None:
        return Rebased(clause, tuple(edits), False, old, new, mine)
    merged = three_way(old, mine, new)
    if merged is None:
        return Rebased(clause, tuple(edits), True, old, new, mine)
    return Rebased(clause, tuple(derive_edits(clause, new, merged)), False, old, new, mine)


def three_way(base: str, mine: str, theirs: str) -> str | None:
    """`mine`'s changes from `base` applied to `theirs`, word by word, or None where
    the two changed the same (or touching) words of `base`.

    >>> three_way("a b c d", "a B c d", "a b c D")
    'a B c D'
    >>> three_way("a b c d", "a B c d", "a x c d") is None
    True
    """
    a = _tokens(base)
    changes = []
    for side, other in (("mine", mine), ("theirs", theirs)):
        b = _tokens(other)
        for tag, i1, i2, j1, j2 in token_opcodes(a, b):
            if tag != "equal":
                changes.append((i1, i2, "".join(b[j1:j2]), side))
    changes.sort()
    for (_a1, a2, _t, s1), (b1, _b2, _u, s2) in zip(changes, changes[1:], strict=False):
        if s1 != s2 and b1 <= a2:  # the same or touching words of base
            return None
    out, at = [], 0
    for i1, i2, text, _side in changes:
        out.append("".join(a[at:i1]))
        out.append(text)
        at = i2
    out.append("".join(a[at:]))
    return normalise_text("".join(out))


def rebase_words(old: Document, new: Document, words: Words) -> tuple[Words, list[Rebased]]:
    """Every edited clause whose library text changed between `old` and `new` (both
    without the draft's own words), merged three ways. Returns the words with clean
    merges applied, conflicting clauses keeping their edits, and each clause's result.
    """
    edits: list[Edit] = []
    results: list[Rebased] = []
    for clause in words.edited_clauses():
        mine = words.edits_of(clause)
        before, after = clause_text(old, clause), clause_text(new, clause)
        if before is None or after is None or before == after:
            edits.extend(mine)
            continue
        rebased = rebase_edits(clause, before, after, mine)
        results.append(rebased)
        edits.extend(rebased.edits)
    return replace(words, edits=tuple(edits)), results


def settle(words: Words, clause: str, library_text: str, text: str | None) -> Words:
    """The words with `clause`'s edits replaced by those that turn `library_text` into
    `text` (None: no edits, the library's text)."""
    kept = tuple(e for e in words.edits if e.clause != clause)
    mine = derive_edits(clause, library_text, text) if text is not None else []
    return replace(words, edits=kept + tuple(mine))
