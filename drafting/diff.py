"""Diff two documents as data: sections by clause, blocks by key, then words. Pure.

    >>> from drafting.document import Block, Document, Run, Section
    >>> def section(clause, label, text):
    ...     block = Block("paragraph", (Run(text),), clause=clause, key=clause)
    ...     return Section(clause.upper(), (block,), label=label, clause=clause)
    >>> old = Document("T", (section("advisory", "IV)", "Ask first."),
    ...                      section("privacy", "V)", "Keep it private.")))
    >>> new = Document("T", (section("privacy", "IV)", "Keep it private."),))
    >>> diff = diff_documents(old, new)
    >>> [(op.op, op.label_change) for op in diff.sections]
    [('deleted', None), ('equal', ('V)', 'IV)'))]

Three levels, each aligned by identity before any text is compared:

1. Sections pair up by clause slug. Pairs whose relative order is kept are
   "equal" or "changed"; a pair that changed place is "moved" and appears
   twice: where it was (`move="from"`, the old text) and where it is
   (`move="to"`, old and new, diffed). Unpaired sections are "deleted" or
   "inserted". Sections without a slug (a parsed outside document) pair up
   between the keyed ones by equal, then similar, heading and text.
2. Within a pair, blocks pair up by `Block.key` the same way (keys that are
   only a position, "purpose:2", count as none: see `_block_key`).
3. Within a pair of blocks, words are diffed with diff-match-patch over tokens
   (each distinct word, space run or punctuation mark becomes one character),
   so joining the equal and inserted pieces gives the new text exactly and the
   equal and deleted pieces the old text. Each run of changes is one deletion
   then one insertion: a one-word edit is exactly one of each.

Everything is linear in the document's length but for the word diff inside a
changed block (bounded by the block) and the pairing of keyless leftovers
inside one gap. The full model (about 5,000 words) diffs in 15-30 ms.

A label that only changed because a clause before it came or went ("C." -> "B.")
is not a text change: it is kept apart in `label_change`, for renderers to show
quietly or not at all.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from diff_match_patch import diff_match_patch

from drafting.document import Block, Document, Run, RunStyle, Section

WordOpKind = Literal["equal", "insert", "delete"]
WordOp = tuple[WordOpKind, str]
BlockOpKind = Literal["equal", "changed", "inserted", "deleted"]
SectionOpKind = Literal["equal", "changed", "inserted", "deleted", "moved"]
Move = Literal["", "from", "to"]


@dataclass(frozen=True)
class BlockOp:
    """One block's fate. `words` always rebuilds both texts (see `old_text`).

    `moved` marks an inserted or deleted block whose key is found elsewhere in
    the other document (it changed place rather than came or went).
    """

    op: BlockOpKind
    old: Block | None
    new: Block | None
    words: tuple[WordOp, ...]
    anchor: str = ""
    label_change: tuple[str, str] | None = None
    moved: bool = False

    @property
    def block(self) -> Block:
        """The block as it is now (or as it was, if deleted)."""
        return self.new or self.old  # type: ignore[return-value]

    @property
    def old_text(self) -> str:
        return "".join(text for kind, text in self.words if kind != "insert")

    @property
    def new_text(self) -> str:
        return "".join(text for kind, text in self.words if kind != "delete")

    @property
    def is_change(self) -> bool:
        return self.op != "equal"


@dataclass(frozen=True)
class SectionOp:
    """One section's fate, with its heading diffed and its blocks aligned.

    A moved section is two ops: `move="from"` at its old place (only `old`,
    every block deleted) and `move="to"` at its new place (both, diffed).
    """

    op: SectionOpKind
    old: Section | None
    new: Section | None
    heading: tuple[WordOp, ...]
    blocks: tuple[BlockOp, ...]
    anchor: str = ""
    label_change: tuple[str, str] | None = None
    move: Move = ""

    @property
    def section(self) -> Section:
        return self.new or self.old  # type: ignore[return-value]

    @property
    def in_old(self) -> bool:
        """Does this op stand for a place in the old document?"""
        return self.old is not None and self.move != "to"

    @property
    def in_new(self) -> bool:
        return self.new is not None and self.move != "from"


@dataclass(frozen=True)
class DocumentDiff:
    old: Document
    new: Document
    title: tuple[WordOp, ...]
    enacting_clause: tuple[WordOp, ...]
    sections: tuple[SectionOp, ...]
    ordinance_number: tuple[str, str] | None = None

    def block_ops(self) -> list[tuple[SectionOp, BlockOp]]:
        return [(section, block) for section in self.sections for block in section.blocks]


@dataclass(frozen=True)
class Change:
    """One entry of a change list: where it is (`anchor`) and what it is."""

    anchor: str
    kind: str  # title, enacting, section-inserted/-deleted/-moved, heading, block-*
    section: str  # the section's title as it is now ("II) CIVIL ..."), or "Title"
    section_label: str = ""  # "II)"
    label: str = ""  # the block's label ("C."), if the change is in a block
    deleted: str = ""  # the deleted words, runs joined by " … "
    inserted: str = ""

    @property
    def where(self) -> str:
        """Short: "II) C.", "II)", or the heading of an unnumbered section."""
        return f"{self.section_label} {self.label}".strip() or self.section


# -- words --------------------------------------------------------------------

TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_FIRST_CODE = 0xE000  # the private-use area: no surrogates for the first 6,400 tokens


class _Tokens:
    """Token <-> one character, shared by every block of one document diff."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def _add(self, token: str) -> str:
        number = _FIRST_CODE + len(self.codes)
        if number >= 0xF900:  # past the private-use area: skip the surrogates
            number += 0x10000 - 0xF900
        code = self.codes[token] = chr(number)
        self.tokens[code] = token
        return code

    def encode(self, text: str) -> str:
        codes = self.codes
        return "".join([codes.get(token) or self._add(token) for token in TOKEN.findall(text)])

    def decode(self, codes: str) -> str:
        return "".join(map(self.tokens.__getitem__, codes))


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 1.0
_KIND: dict[int, WordOpKind] = {0: "equal", 1: "insert", -1: "delete"}


def diff_words(old: str, new: str, tokens: _Tokens | None = None) -> tuple[WordOp, ...]:
    """Word-level diff; each run of changes is one delete then one insert.

    >>> diff_words("reports quarterly to the Council", "reports annually to the Council")
    (('equal', 'reports '), ('delete', 'quarterly'), ('insert', 'annually'), ('equal', ' to the Council'))
    """  # noqa: E501
    if old == new:
        return (("equal", old),) if old else ()
    if not old:
        return (("insert", new),)
    if not new:
        return (("delete", old),)
    tokens = tokens or _Tokens()
    raw = _DMP.diff_main(tokens.encode(old), tokens.encode(new), False)
    _DMP.diff_cleanupSemantic(raw)
    return _coalesce((_KIND[kind], tokens.decode(codes)) for kind, codes in raw)


def token_opcodes(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher-style opcodes between two token lists, in linear-ish time.

    difflib with ``autojunk=False`` is quadratic on word tokens, where every space
    matches every other; diff-match-patch on one character per token is not.

    >>> token_opcodes(["a", " ", "b"], ["a", " ", "c"])
    [('equal', 0, 2, 0, 2), ('replace', 2, 3, 2, 3)]
    """
    tokens = _Tokens()
    codes = tokens.codes
    encoded_old = "".join([codes.get(t) or tokens._add(t) for t in old])
    encoded_new = "".join([codes.get(t) or tokens._add(t) for t in new])
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for kind, text in _DMP.diff_main(encoded_old, encoded_new, False):
        if kind == 0:
            opcodes.append(("equal", i, i + len(text), j, j + len(text)))
            i, j = i + len(text), j + len(text)
            continue
        di, dj = (len(text), 0) if kind == -1 else (0, len(text))
        last = opcodes[-1] if opcodes else None
        if last is not None and last[0] != "equal":
            _, i1, _, j1, _ = last
            tag = "replace" if (i + di > i1 and j + dj > j1) else last[0]
            opcodes[-1] = (tag, i1, i + di, j1, j + dj)
        else:
            opcodes.append(("delete" if kind == -1 else "insert", i, i + di, j, j + dj))
        i, j = i + di, j + dj
    return _shift_left(opcodes, old, new)


def _shift_left(
    opcodes: list[tuple[str, int, int, int, int]], old: Sequence[str], new: Sequence[str]
) -> list[tuple[str, int, int, int, int]]:
    """Slide each lone insertion or deletion as far left as it goes ("a b b" minus
    one "b" deletes the first), so the same texts always give the same edits."""
    ops = [list(op) for op in opcodes]
    k = 0
    while (k := k + 1) < len(ops):
        tag, i1, i2, j1, j2 = ops[k]
        before = ops[k - 1]
        if tag not in ("insert", "delete") or before[0] != "equal":
            continue
        seq, lo, hi = (old, i1, i2) if tag == "delete" else (new, j1, j2)
        shift = 0
        while before[2] - shift > before[1] and seq[lo - shift - 1] == seq[hi - shift - 1]:
            shift += 1
        if not shift:
            continue
        before[2] -= shift
        before[4] -= shift
        ops[k] = [tag, i1 - shift, i2 - shift, j1 - shift, j2 - shift]
        after = ops[k + 1] if k + 1 < len(ops) else None
        if after is not None and after[0] == "equal":
            after[1] -= shift
            after[3] -= shift
        else:
            ops.insert(k + 1, ["equal", i2 - shift, i2, j2 - shift, j2])
    return [tuple(op) for op in ops if op[1] != op[2] or op[3] != op[4]]  # type: ignore[misc]


def _coalesce(ops) -> tuple[WordOp, ...]:
    """Merge neighbours: equal runs joined, each change run as delete + insert."""
    out: list[WordOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(("delete", "".join(deleted)))
        if inserted:
            out.append(("insert", "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for kind, text in ops:
        if not text:
            continue
        if kind == "equal":
            flush()
            if out and out[-1][0] == "equal":
                out[-1] = ("equal", out[-1][1] + text)
            else:
                out.append(("equal", text))
        else:
            (deleted if kind == "delete" else inserted).append(text)
    flush()
    return tuple(out)


# -- alignment ----------------------------------------------------------------


def _increasing_pairs(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs in order on both sides (pairs sorted by old index).

    The pairs are a partial permutation, so their longest common subsequence
    is the longest increasing subsequence of the new indices: O(n log n).
    """
    tails: list[int] = []  # new index ending the best run of each length
    tail_at: list[int] = []  # index into pairs of that ending
    previous: list[int] = [-1] * len(pairs)
    for at, (_old, new) in enumerate(pairs):
        length = bisect.bisect_left(tails, new)
        if length == len(tails):
            tails.append(new)
            tail_at.append(at)
        else:
            tails[length] = new
            tail_at[length] = at
        previous[at] = tail_at[length - 1] if length else -1
    kept: set[tuple[int, int]] = set()
    at = tail_at[-1] if tail_at else -1
    while at >= 0:
        kept.add(pairs[at])
        at = previous[at]
    return kept


def _unique_keys(items: Sequence, key: Callable[[Any], str]) -> dict[str, int]:
    """key -> index, for the keys that occur exactly once (and are not empty)."""
    keys = [key(item) for item in items]
    counts = Counter(keys)
    return {k: i for i, k in enumerate(keys) if k and counts[k] == 1}


Step = tuple[int | None, int | None, str]


@dataclass(frozen=True)
class _Identity:
    """How to align one level: `key` is a strong identity ("" if none),
    `text` what equal items share, `similar` whether two items are close
    enough to diff rather than show as out and in."""

    key: Callable[[Any], str]
    text: Callable[[Any], str]
    similar: Callable[[Any, Any], bool]
    same_place: Callable[[Any, Any], bool] = lambda a, b: False

    def compatible(self, a: Any, b: Any) -> bool:
        """Two different strong keys never pair, however alike their text."""
        key_a, key_b = self.key(a), self.key(b)
        return not key_a or not key_b or key_a == key_b


def _align(old: Sequence, new: Sequence, identity: _Identity) -> list[Step]:
    """Old and new items in one merged order.

    Each step is (old index, new index, kind), kind being "pair", "from" /
    "to" (a keyed pair that changed place: where it was, where it is), "old"
    (only in old) or "new" (only in new). Keyed pairs kept in order anchor the
    alignment; between two anchors, items without a (matching) key pair up by
    equal text, then by similar text. Between pairs, old-only items come
    first, then new-only ones (as Word shows a replacement).
    """
    old_keys = _unique_keys(old, identity.key)
    new_keys = _unique_keys(new, identity.key)
    keyed = sorted((i, new_keys[k]) for k, i in old_keys.items() if k in new_keys)
    kept = sorted(_increasing_pairs(keyed))
    moved_new = {j: i for i, j in keyed if (i, j) not in kept}
    moved_old = {i for i, j in keyed if (i, j) not in kept}
    kept = _pair_in_gaps(kept, old, new, moved_old, set(moved_new), identity)
    steps: list[Step] = []
    previous = (-1, -1)
    for anchor in [*kept, (len(old), len(new))]:
        for i in range(previous[0] + 1, anchor[0]):
            steps.append((i, None, "from" if i in moved_old else "old"))
        for j in range(previous[1] + 1, anchor[1]):
            steps.append((moved_new[j], j, "to") if j in moved_new else (None, j, "new"))
        if anchor[0] < len(old):
            steps.append((anchor[0], anchor[1], "pair"))
        previous = anchor
    return steps


def _pair_in_gaps(kept, old, new, skip_old, skip_new, identity) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    previous = (-1, -1)
    for anchor in [*kept, (len(old), len(new))]:
        olds = [i for i in range(previous[0] + 1, anchor[0]) if i not in skip_old]
        news = [j for j in range(previous[1] + 1, anchor[1]) if j not in skip_new]
        if olds and news:
            out.extend(_pair_gap(olds, news, old, new, identity))
        if anchor[0] < len(old):
            out.append(anchor)
        previous = anchor
    return out


def _pair_gap(olds, news, old, new, identity) -> list[tuple[int, int]]:
    """Pairs within one gap, in order: equal texts first, similar ones between."""
    matcher = SequenceMatcher(
        None,
        [identity.text(old[i]) for i in olds],
        [identity.text(new[j]) for j in news],
        autojunk=False,
    )
    pairs: list[tuple[int, int]] = []
    last_a = last_b = 0
    for a, b, size in matcher.get_matching_blocks():
        pairs.extend(_pair_similar(olds[last_a:a], news[last_b:b], old, new, identity))
        for k in range(size):
            i, j = olds[a + k], news[b + k]
            if identity.compatible(old[i], new[j]):
                pairs.append((i, j))
        last_a, last_b = a + size, b + size
    return pairs


def _pair_similar(olds, news, old, new, identity) -> list[tuple[int, int]]:
    """Pairs of alike items, in order; a lone old item and a lone new one in the
    same place (one paragraph rewritten) pair however much the words changed."""
    if len(olds) == len(news) == 1:
        i, j = olds[0], news[0]
        if identity.compatible(old[i], new[j]) and (
            identity.similar(old[i], new[j]) or identity.same_place(old[i], new[j])
        ):
            return [(i, j)]
        return []
    pairs = []
    start = 0
    for i in olds:
        for at in range(start, len(news)):
            j = news[at]
            if identity.compatible(old[i], new[j]) and identity.similar(old[i], new[j]):
                pairs.append((i, j))
                start = at + 1
                break
    return pairs


def _similar_text(a: str, b: str) -> bool:
    """Half the words in common (by multiset): worth a word diff, not out and in."""
    words_a = Counter(a.lower().split())
    words_b = Counter(b.lower().split())
    total = max(sum(words_a.values()), sum(words_b.values()), 1)
    return sum((words_a & words_b).values()) * 2 >= total


_POSITIONAL = re.compile(r".+:\d+")


def _block_key(block: Block) -> str:
    """A block's key as an identity. Assembly keys a keyless paragraph by its
    position in the clause ("purpose:2"): a paragraph inserted before it would
    shift every later key, so such keys align by text instead."""
    return "" if _POSITIONAL.fullmatch(block.key) else block.key


def _normal(text: str) -> str:
    return " ".join(text.split())


def _section_body(section: Section) -> str:
    return " ".join([section.heading, *(block.text for block in section.blocks)])


BLOCKS = _Identity(
    key=_block_key,
    text=lambda block: _normal(block.text),
    similar=lambda a, b: _similar_text(a.text, b.text),
    same_place=lambda a, b: bool(a.key) and a.key == b.key,
)
SECTIONS = _Identity(
    key=lambda section: section.clause,
    text=lambda section: _normal(section.heading).lower(),
    similar=lambda a, b: (
        _normal(a.heading).lower() == _normal(b.heading).lower()
        or _similar_text(_section_body(a), _section_body(b))
    ),
)


# -- anchors ------------------------------------------------------------------


def _section_key(section: Section) -> str:
    return section.clause or "heading-" + _normal(section.heading).lower()


def anchor_id(text: str) -> str:
    """An HTML-id-safe form of a slug or key: "definitions#ice" -> "definitions-ice"."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in text)


class _Anchors:
    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def __call__(self, base: str) -> str:
        self.seen[base] += 1
        count = self.seen[base]
        return base if count == 1 else f"{base}-{count}"


# -- the diff -----------------------------------------------------------------


def _label_change(old: str, new: str) -> tuple[str, str] | None:
    return (old, new) if old != new else None


@dataclass
class _Context:
    """What one document diff shares: the token table, the anchors given out,
    and the block keys of each side (to tell a block that moved from one that
    came or went)."""

    tokens: _Tokens
    anchors: _Anchors
    old_keys: set[str]
    new_keys: set[str]


def _diff_blocks(
    old: Section | None, new: Section | None, context: _Context, section_anchor: str
) -> tuple[BlockOp, ...]:
    old_blocks = old.blocks if old else ()
    new_blocks = new.blocks if new else ()
    ops = []
    steps = _align(old_blocks, new_blocks, BLOCKS)
    for index, (i, j, kind) in enumerate(steps):
        a = old_blocks[i] if i is not None and kind != "to" else None
        b = new_blocks[j] if j is not None and kind != "from" else None
        block = b or a
        assert block is not None
        anchor = context.anchors("b-" + anchor_id(block.key or f"{section_anchor}-{index + 1}"))
        if a is not None and b is not None:
            words = diff_words(a.text, b.text, context.tokens)
            op = "equal" if a.text == b.text else "changed"
            ops.append(BlockOp(op, a, b, words, anchor, _label_change(a.label, b.label)))
        elif a is not None:
            moved = kind == "from" or a.key in context.new_keys
            words = (("delete", a.text),) if a.text else ()
            ops.append(BlockOp("deleted", a, None, words, anchor, moved=moved))
        else:
            moved = kind == "to" or block.key in context.old_keys
            words = (("insert", block.text),) if block.text else ()
            ops.append(BlockOp("inserted", None, b, words, anchor, moved=moved))
    return tuple(ops)


def _section_op(a: Section | None, b: Section | None, kind: str, context: _Context) -> SectionOp:
    base = "s-" + anchor_id(_section_key(b or a))  # type: ignore[arg-type]
    if kind == "from":
        anchor = context.anchors(base + "-from")
        blocks = _diff_blocks(a, None, context, anchor)
        return SectionOp("moved", a, None, _whole("delete", a), blocks, anchor, move="from")
    anchor = context.anchors(base)
    if kind == "old":
        blocks = _diff_blocks(a, None, context, anchor)
        return SectionOp("deleted", a, None, _whole("delete", a), blocks, anchor)
    if kind == "new":
        blocks = _diff_blocks(None, b, context, anchor)
        return SectionOp("inserted", None, b, _whole("insert", b), blocks, anchor)
    assert a is not None and b is not None
    heading = diff_words(a.heading, b.heading, context.tokens)
    blocks = _diff_blocks(a, b, context, anchor)
    label = _label_change(a.label, b.label)
    if kind == "to":
        return SectionOp("moved", a, b, heading, blocks, anchor, label, move="to")
    changed = a.heading != b.heading or any(op.is_change for op in blocks)
    return SectionOp("changed" if changed else "equal", a, b, heading, blocks, anchor, label)


def diff_documents(old: Document, new: Document) -> DocumentDiff:
    """Align `old` and `new` by clause, then block key, then diff words."""
    context = _Context(
        tokens=_Tokens(),
        anchors=_Anchors(),
        old_keys={b.key for _s, b in old.blocks() if b.key},
        new_keys={b.key for _s, b in new.blocks() if b.key},
    )
    sections = tuple(
        _section_op(
            old.sections[i] if i is not None else None,
            new.sections[j] if j is not None else None,
            kind,
            context,
        )
        for i, j, kind in _align(old.sections, new.sections, SECTIONS)
    )
    number = None
    if old.ordinance_number != new.ordinance_number:
        number = (old.ordinance_number, new.ordinance_number)
    return DocumentDiff(
        old=old,
        new=new,
        title=diff_words(old.title, new.title, context.tokens),
        enacting_clause=diff_words(old.enacting_clause, new.enacting_clause, context.tokens),
        sections=sections,
        ordinance_number=number,
    )


def _whole(kind: WordOpKind, section: Section | None) -> tuple[WordOp, ...]:
    return ((kind, section.heading),) if section and section.heading else ()


# -- reading a diff -----------------------------------------------------------


def new_text(words: Sequence[WordOp]) -> str:
    return "".join(text for kind, text in words if kind != "delete")


def old_text(words: Sequence[WordOp]) -> str:
    return "".join(text for kind, text in words if kind != "insert")


def document_texts(document: Document) -> list[str]:
    """A document as the list of texts the redline carries, labels left out:
    title, enacting clause, then each section's heading and blocks."""
    texts = [document.title, document.enacting_clause]
    for section in document.sections:
        texts.append(section.heading)
        texts.extend(block.text for block in section.blocks)
    return texts


def accept_all(diff: DocumentDiff) -> list[str]:
    """The texts after accepting every change: `document_texts(diff.new)`."""
    return _one_side(diff, "new")


def reject_all(diff: DocumentDiff) -> list[str]:
    """The texts after rejecting every change: `document_texts(diff.old)`."""
    return _one_side(diff, "old")


def _one_side(diff: DocumentDiff, side: str) -> list[str]:
    text = new_text if side == "new" else old_text
    texts = [text(diff.title), text(diff.enacting_clause)]
    for section in diff.sections:
        if section.in_new if side == "new" else section.in_old:
            texts.append(text(section.heading))
            texts.extend(
                getattr(op, f"{side}_text")
                for op in section.blocks
                if getattr(op, side) is not None
            )
    return texts


def _changed_words(words: Sequence[WordOp]) -> tuple[str, str]:
    deleted = " … ".join(text.strip() for kind, text in words if kind == "delete")
    inserted = " … ".join(text.strip() for kind, text in words if kind == "insert")
    return deleted, inserted


def changes(diff: DocumentDiff) -> list[Change]:
    """The change list, in document order; label-only changes are left out.

    A whole inserted, deleted or moved section is one entry; otherwise the
    heading and each changed block are one entry each. Anchors are the ops'
    anchors, stable for the same pair of documents.
    """
    out: list[Change] = []
    for anchor, kind, name, words in (
        ("doc-title", "title", "Title", diff.title),
        ("doc-enacting", "enacting", "Enacting clause", diff.enacting_clause),
    ):
        if any(op != "equal" for op, _ in words):
            deleted, inserted = _changed_words(words)
            out.append(Change(anchor, kind, name, deleted=deleted, inserted=inserted))
    for section in diff.sections:
        if section.move != "from":
            out.extend(_section_changes(section))
    return out


def _section_changes(op: SectionOp) -> list[Change]:
    where = {"section": op.section.title, "section_label": op.section.label}
    heading = op.section.heading
    if op.op == "inserted":
        return [Change(op.anchor, "section-inserted", **where, inserted=heading)]
    if op.op == "deleted":
        return [Change(op.anchor, "section-deleted", **where, deleted=heading)]
    out = []
    if op.move == "to":
        out.append(Change(op.anchor, "section-moved", **where))
    if any(kind != "equal" for kind, _ in op.heading):
        deleted, inserted = _changed_words(op.heading)
        out.append(Change(op.anchor, "heading", **where, deleted=deleted, inserted=inserted))
    for block in op.blocks:
        if block.is_change:
            deleted, inserted = _changed_words(block.words)
            kind = f"block-{block.op}"
            label = block.block.label
            out.append(
                Change(block.anchor, kind, **where, label=label, deleted=deleted, inserted=inserted)
            )
    return out


def counts(diff: DocumentDiff) -> dict[str, int]:
    """How much changed: word-level insertions and deletions (as Word counts
    revisions), and sections and blocks by kind. Label-only changes count apart."""
    result = Counter(
        {
            "insertions": 0,
            "deletions": 0,
            "sections_inserted": 0,
            "sections_deleted": 0,
            "sections_moved": 0,
            "sections_changed": 0,
            "blocks_inserted": 0,
            "blocks_deleted": 0,
            "blocks_changed": 0,
            "relabelled": 0,
        }
    )
    words = [diff.title, diff.enacting_clause]
    for section in diff.sections:
        if section.move != "from":
            if section.op != "equal":
                result[f"sections_{section.op}"] += 1
            words.append(section.heading)
        result["relabelled"] += section.label_change is not None
        for op in section.blocks:
            if section.move == "from":
                continue
            if op.is_change:
                result[f"blocks_{op.op}"] += 1
            result["relabelled"] += op.label_change is not None
            words.append(op.words)
    for ops in words:
        for kind, _text in ops:
            if kind != "equal":
                result["insertions" if kind == "insert" else "deletions"] += 1
    return dict(result)


# -- styled pieces, for renderers ---------------------------------------------


@dataclass(frozen=True)
class Piece:
    """A stretch of a changed block with one fate and one run style."""

    kind: WordOpKind
    text: str
    style: RunStyle = "plain"


def _cut(runs: Sequence[Run], start: int, end: int) -> list[tuple[str, RunStyle]]:
    out = []
    position = 0
    for run in runs:
        run_end = position + len(run.text)
        lo, hi = max(start, position), min(end, run_end)
        if lo < hi:
            out.append((run.text[lo - position : hi - position], run.style))
        position = run_end
        if position >= end:
            break
    return out


def pieces(op: BlockOp) -> list[Piece]:
    """The block's word ops split where run styles change: equal and inserted
    text take the new block's styles, deleted text the old block's.

    Keeps a defined term bold in a redline while the words around it change.
    """
    old_runs = op.old.runs if op.old else ()
    new_runs = op.new.runs if op.new else ()
    at_old = at_new = 0
    out: list[Piece] = []
    for kind, text in op.words:
        if kind == "delete":
            cut = _cut(old_runs, at_old, at_old + len(text))
            at_old += len(text)
        else:
            cut = _cut(new_runs, at_new, at_new + len(text))
            at_new += len(text)
            if kind == "equal":
                at_old += len(text)
        out.extend(Piece(kind, part, style) for part, style in cut)
    return out
