"""A reviewer's Word file mapped back onto the draft: proposed changes, per clause. Pure.

`review(base, reviewed)` takes the document of the revision the file came from
and the file as read (`drafting.parse.review`) and returns every change the
reviewer made, each on its clause:

- tracked changes (insertions, deletions, moves, paragraph marks) and edits made
  without tracking (the file's text compared with the revision's) are cut into
  stretches of one clause's text; touching changes make one stretch (a deletion
  and the insertion after it are one replacement);
- comments, with their replies and the text they are anchored to;
- whatever lies outside the ordinance's clauses (the header, a table, the number
  line, formatting) is listed as `unmapped`, never dropped.

Paragraphs map to clauses by the bookmarks the export writes around each clause
(`drafting.render.docx.clause_bookmarks`); without them (any .docx of the same
ordinance), by aligning paragraph texts as the compare does.

Each clause's text is kept as segments, equal text and changes in turn, so that
joining them with every change rejected gives the revision's text exactly and
with a set of changes accepted gives the reviewer's text for those changes
(`accepted_text`); `accept` turns that into the draft's own words (edits).

    >>> from drafting.document import Block, Document, Run, Section
    >>> from drafting.parse.review import FileParagraph, Piece, ReviewedFile, TrackedChange
    >>> base = Document("T", (Section("REPORTS", (Block("paragraph",
    ...     (Run("Report quarterly to the Council."),), clause="reporting", key="r"),),
    ...     clause="reporting"),))
    >>> pieces = (Piece("Report "), Piece("quarterly", "delete", 0), Piece("annually", "insert", 1),
    ...           Piece(" to the Council."))
    >>> file = ReviewedFile((FileParagraph((Piece("T"),), bookmarks=("_od_title",)),
    ...     FileParagraph((Piece("REPORTS"),), bookmarks=("_od_h_reporting",)),
    ...     FileParagraph(pieces, bookmarks=("_od_reporting",))),
    ...     (TrackedChange("delete", "City Attorney", "2026-11-30T10:00:00Z"),
    ...      TrackedChange("insert", "City Attorney", "2026-11-30T10:00:00Z")), ())
    >>> result = review(base, file)
    >>> [(c.id, c.clause, c.kind, c.old, c.new, c.author) for c in result.changes]
    [('c1', 'reporting', 'replace', 'quarterly', 'annually', 'City Attorney')]
    >>> result.accepted_text("reporting", {"c1"}), result.accepted_text("reporting", set())
    ('Report annually to the Council.', 'Report quarterly to the Council.')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any, Literal

from drafting.budget import tick
from drafting.diff import diff_words
from drafting.document import Document
from drafting.edit_merge import settle
from drafting.edits import clause_text, normalise_text
from drafting.parse.review import FileParagraph, Piece, ReviewedFile
from drafting.render.docx import bookmark_name
from drafting.words import OwnSection, Words

Kind = Literal["insert", "delete", "replace", "comment", "unmapped"]
KINDS = ("insert", "delete", "replace", "comment", "unmapped")

# Units of text a change can land on: "title", "heading:<clause>", "<clause>" (its
# blocks), and two with no clause: the number line and the enacting clause.
NUMBER, ENACTING, TITLE = "@number", "@enacting", "title"
_HEADING = "heading:"
_PLACES = {NUMBER: "number line", ENACTING: "enacting clause"}
# A label the export writes before a tab: "A.", "12)", "(iv)", "–".
_LABEL = re.compile(r"\(?[A-Za-z0-9]{1,6}[.)]?\)?|–|-|•")
_CONTEXT = 40


@dataclass(frozen=True)
class ProposedChange:
    """One change the reviewer proposes, on one clause (or unmapped).

    `old` is the revision's text the change replaces, `new` the reviewer's; for a
    comment, `old` is the text it is anchored to and `comment` what it says. A
    change with a comment anchored over it carries that comment too. `group`
    links the two halves of a moved passage (accepting one accepts both).
    """

    id: str
    clause: str
    kind: Kind
    old: str = ""
    new: str = ""
    author: str = ""
    date: str = ""
    comment: str = ""
    part: str = "text"  # text, heading, title; for unmapped: where it is
    tracked: bool = True
    before: str = ""  # a few words of context either side, for the page
    after: str = ""
    group: str = ""
    replies: tuple[tuple[str, str, str], ...] = ()  # (author, date, text)

    def as_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "clause": self.clause,
            "kind": self.kind,
            "old": self.old,
            "new": self.new,
            "author": self.author,
            "date": self.date,
            "comment": self.comment,
            "part": self.part,
            "tracked": self.tracked,
            "before": self.before,
            "after": self.after,
            "group": self.group,
            "replies": [list(reply) for reply in self.replies],
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProposedChange:
        return cls(**{**data, "replies": tuple(tuple(r) for r in data.get("replies") or ())})


# A unit's text: equal text, or (change id, old, new).
Segment = str | tuple[str, str, str]


@dataclass(frozen=True)
class Review:
    changes: tuple[ProposedChange, ...]
    segments: dict[str, tuple[Segment, ...]] = field(default_factory=dict)

    def accepted_text(self, unit: str, accepted: Collection[str]) -> str:
        """The unit's text with the `accepted` changes (by id) taken and the rest not."""
        out = []
        for segment in self.segments.get(unit, ()):
            if isinstance(segment, str):
                out.append(segment)
            else:
                ident, old, new = segment
                out.append(new if ident in accepted else old)
        return "".join(out)

    def with_groups(self, accepted: Iterable[str]) -> set[str]:
        """`accepted` with the other half of every moved passage it names."""
        chosen = set(accepted)
        groups = {c.group for c in self.changes if c.id in chosen and c.group}
        return chosen | {c.id for c in self.changes if c.group and c.group in groups}

    def as_dict(self) -> dict[str, Any]:
        return {
            "changes": [change.as_dict() for change in self.changes],
            "segments": {
                unit: [s if isinstance(s, str) else list(s) for s in segments]
                for unit, segments in self.segments.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Review:
        return cls(
            tuple(ProposedChange.from_dict(c) for c in data.get("changes") or ()),
            {
                unit: tuple(s if isinstance(s, str) else tuple(s) for s in segments)
                for unit, segments in (data.get("segments") or {}).items()
            },
        )


def unit_clause(unit: str) -> str:
    """The clause a unit belongs to ("" for the number line and enacting clause)."""
    if unit.startswith("@"):
        return ""
    return unit.removeprefix(_HEADING)


def unit_part(unit: str) -> str:
    if unit == TITLE:
        return "title"
    return "heading" if unit.startswith(_HEADING) else "text"


# -- the base document as units -------------------------------------------------


def base_units(document: Document) -> list[tuple[str, str]]:
    """The document's paragraphs in export order as (unit, text), labels left out."""
    rows = [(NUMBER, document.number_line), (TITLE, document.title)]
    if document.enacting_clause:
        rows.append((ENACTING, document.enacting_clause))
    for section in document.sections:
        rows.append((_HEADING + section.clause if section.clause else NUMBER, section.heading))
        rows.extend((block.clause or NUMBER, block.text) for block in section.blocks)
    return rows


def _bookmark_units(document: Document) -> dict[str, str]:
    names = {bookmark_name(TITLE): TITLE}
    for section in document.sections:
        if section.clause:
            names[bookmark_name(_HEADING + section.clause)] = _HEADING + section.clause
        for block in section.blocks:
            if block.clause:
                names[bookmark_name(block.clause)] = block.clause
                for count in range(2, 10):
                    names[bookmark_name(f"{block.clause}_{count}")] = block.clause
    return names


# -- a file paragraph's text, its label left out ----------------------------------


def _strip_label(pieces: tuple[Piece, ...], heading_labels: Collection[str]) -> list[Piece]:
    """The pieces without the export's labels: "A.<tab>" before an item's text, one
    per side when a redline relabelled it ("L." deleted, "K." inserted); a heading's
    "II) " when it is one of the document's section labels."""
    pieces = list(pieces)
    while True:
        text = "".join(p.text for p in pieces)
        tab = text.find("\t")
        if tab == -1 or tab > 12 or not _LABEL.fullmatch(text[:tab].strip()):
            break
        pieces = _drop(pieces, tab + 1)
    text = "".join(p.text for p in pieces if p.fate != "insert")
    for label in sorted(heading_labels, key=len, reverse=True):
        if label and text.startswith(label + " "):
            pieces = _drop_side(pieces, len(label) + 1)
            break
    return [replace(p, text=p.text.replace("\t", " ").replace("\n", " ")) for p in pieces if p.text]


def _drop(pieces: list[Piece], count: int) -> list[Piece]:
    out = []
    for piece in pieces:
        if count >= len(piece.text):
            count -= len(piece.text)
            continue
        out.append(replace(piece, text=piece.text[count:]))
        count = 0
    return out


def _drop_side(pieces: list[Piece], count: int) -> list[Piece]:
    """Drop `count` characters of the old text (equal and deleted pieces) from the front."""
    out = []
    for piece in pieces:
        if count and piece.fate != "insert":
            take = min(count, len(piece.text))
            count -= take
            if take == len(piece.text):
                continue
            piece = replace(piece, text=piece.text[take:])
        out.append(piece)
    return out


def _old(paragraph: list[Piece]) -> str:
    return "".join(p.text for p in paragraph if p.fate != "insert")


def _is_new(paragraph: FileParagraph, pieces: list[Piece]) -> bool:
    """A paragraph the reviewer added: its mark or every piece of it inserted."""
    return paragraph.mark == "insert" or (bool(pieces) and all(p.fate == "insert" for p in pieces))


# -- mapping paragraphs to units --------------------------------------------------


def _normal(text: str) -> str:
    return " ".join(text.split())


def _align(base: list[tuple[str, str]], texts: list[str]) -> list[str | None]:
    """Each file paragraph's unit by its text: equal texts first, similar ones between."""
    units: list[str | None] = [None] * len(texts)
    a = [_normal(text) for _unit, text in base]
    b = [_normal(text) for text in texts]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    last_a = last_b = 0
    for i, j, size in matcher.get_matching_blocks():
        _similar(base, a, b, range(last_a, i), range(last_b, j), units)
        for k in range(size):
            units[j + k] = base[i + k][0]
        last_a, last_b = i + size, j + size
    return units


def _similar(base, a, b, olds: range, news: range, units: list[str | None]) -> None:
    start = news.start
    for i in olds:
        for j in range(start, news.stop):
            tick()
            ratio = SequenceMatcher(None, a[i].split(), b[j].split(), autojunk=False).ratio()
            if ratio >= 0.5:
                units[j] = base[i][0]
                start = j + 1
                break


def _units_of(
    document: Document, paragraphs: list[tuple[FileParagraph, list[Piece]]]
) -> list[str | None]:
    by_bookmark = _bookmark_units(document)
    marked = [
        next((by_bookmark[n] for n in reversed(p.bookmarks) if n in by_bookmark), None)
        for p, _pieces in paragraphs
    ]
    # Reviewer's own paragraphs are left out of the alignment: they join a neighbour.
    olds = [(i, _old(pieces)) for i, (p, pieces) in enumerate(paragraphs) if not _is_new(p, pieces)]
    aligned = _align(base_units(document), [text for _i, text in olds])
    units: list[str | None] = [None] * len(paragraphs)
    for (index, _text), unit in zip(olds, aligned, strict=True):
        units[index] = unit
    units = [mark or unit for mark, unit in zip(marked, units, strict=True)]
    # A paragraph that maps nowhere (added, or rewritten past recognition) belongs
    # with the clause before it, or after a heading, with the blocks that follow.
    for index, unit in enumerate(units):
        if unit is not None:
            continue
        before = next((u for u in reversed(units[:index]) if u is not None), None)
        after = next((u for u in units[index + 1 :] if u is not None), None)
        if before is not None and not before.startswith(_HEADING) and before != TITLE:
            units[index] = before
        elif after is not None and not after.startswith(_HEADING):
            units[index] = after
        else:
            units[index] = before or after
    return units


# -- a unit's segments ---------------------------------------------------------------


@dataclass
class _Stretch:
    """A stretch of the file's old text (start, end) that changed, with the file
    pieces' changes in it and whether an untracked edit is part of it."""

    start: int
    end: int
    changes: set[int] = field(default_factory=set)
    untracked: bool = False


def _stream(paragraphs: list[tuple[FileParagraph, list[Piece]]]) -> list[Piece]:
    """A unit's paragraphs as one stream of pieces, a blank line between paragraphs.

    Between two paragraphs is the earlier one's mark; on each side (every change
    rejected, every change accepted) it separates text only where that side keeps
    the mark and has text before and after it. So a paragraph added at a clause's
    end brings its blank line with it, however the file marks it (as Word does,
    on the paragraph before, or on the added paragraph itself).
    """
    present = {side: _separators(paragraphs, side) for side in ("old", "new")}
    out: list[Piece] = []
    for index, (paragraph, pieces) in enumerate(paragraphs):
        out.extend(pieces)
        old, new = index in present["old"], index in present["new"]
        if not (old or new):
            continue
        fate = "equal" if old and new else "delete" if old else "insert"
        change = paragraph.mark_change
        if change is None and fate != "equal":
            following = paragraphs[index + 1][1] if index + 1 < len(paragraphs) else []
            neighbours = [*pieces, *following]
            change = next((p.change for p in neighbours if p.fate == fate), None)
        out.append(Piece("\n\n", fate, change))  # type: ignore[arg-type]
    return out


def _separators(paragraphs: list[tuple[FileParagraph, list[Piece]]], side: str) -> set[int]:
    """The paragraphs whose mark separates text on one side."""
    gone = "insert" if side == "old" else "delete"
    found: set[int] = set()
    pending: int | None = None
    content = False
    for index, (paragraph, pieces) in enumerate(paragraphs):
        if any(p.text.strip() for p in pieces if p.fate != gone):
            if pending is not None:
                found.add(pending)
                pending = None
            content = True
        if paragraph.mark != gone and content and pending is None:
            pending, content = index, False
    return found


def _segments(
    base: str, stream: list[Piece]
) -> tuple[list[tuple[str, str] | _Stretch], list[tuple[int, int, int, int]]]:
    """The unit's stretches over the file's old text, and the map from the file's
    old text to the revision's (f0, f1, b0, b1 regions, in order)."""
    file_old = "".join(p.text for p in stream if p.fate != "insert")
    stretches: list[_Stretch] = []
    at = 0
    for piece in stream:
        if piece.fate == "equal":
            at += len(piece.text)
            continue
        end = at + len(piece.text) if piece.fate == "delete" else at
        changes = {piece.change} if piece.change is not None else set()
        stretches.append(_Stretch(at, end, changes))
        at = end
    regions: list[tuple[int, int, int, int]] = []
    b = f = 0
    ops = diff_words(base, file_old)
    index = 0
    while index < len(ops):
        kind, text = ops[index]
        if kind == "equal":
            regions.append((f, f + len(text), b, b + len(text)))
            f, b = f + len(text), b + len(text)
            index += 1
            continue
        removed = added = ""
        while index < len(ops) and ops[index][0] != "equal":
            if ops[index][0] == "delete":
                removed += ops[index][1]
            else:
                added += ops[index][1]
            index += 1
        regions.append((f, f + len(added), b, b + len(removed)))
        if _normal(removed) != _normal(added):
            stretches.append(_Stretch(f, f + len(added), untracked=True))
        f, b = f + len(added), b + len(removed)
    return _merge(stretches), regions


def _merge(stretches: list[_Stretch]) -> list[_Stretch]:
    merged: list[_Stretch] = []
    for stretch in sorted(stretches, key=lambda s: (s.start, s.end)):
        if merged and stretch.start <= merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, stretch.end)
            last.changes |= stretch.changes
            last.untracked = last.untracked or stretch.untracked
        else:
            merged.append(_Stretch(stretch.start, stretch.end, set(stretch.changes),
                                   stretch.untracked))  # fmt: skip
    return merged


class _Map:
    """Positions in the file's old text as positions in the revision's text, through
    the diff's regions (f0, f1, b0, b1), which follow each other in the file's text:
    the regions holding a position are found by bisection."""

    def __init__(self, regions: list[tuple[int, int, int, int]]) -> None:
        self.regions = regions
        self.starts = [f0 for f0, _f1, _b0, _b1 in regions]
        self.ends = [f1 for _f0, f1, _b0, _b1 in regions]

    def to_base(self, position: int, *, end: bool) -> int:
        """The first such position for a stretch's start, the last for its end."""
        low = bisect.bisect_left(self.ends, position)
        high = bisect.bisect_right(self.starts, position)
        found = [
            min(b0 + (position - f0), b1) if f1 - f0 == b1 - b0 else (b1 if position > f0 else b0)
            for f0, f1, b0, b1 in self.regions[low:high]
        ]
        if not found:
            return self.regions[-1][3] if self.regions else 0
        return max(found) if end else min(found)


class _Located:
    """A unit's stream with each piece's start in the file's old text, so that a
    stretch finds its pieces by bisection (a file with thousands of changes in one
    clause stays linear)."""

    def __init__(self, stream: list[Piece]) -> None:
        self.pieces = stream
        self.starts: list[int] = []
        at = 0
        for piece in stream:
            self.starts.append(at)
            if piece.fate != "insert":
                at += len(piece.text)

    def around(self, start: int, end: int) -> range:
        """The indices of the pieces that may touch [start, end]."""
        first = max(bisect.bisect_left(self.starts, start) - 1, 0)
        last = bisect.bisect_right(self.starts, end)
        return range(first, min(last + 1, len(self.pieces)))

    def new_text(self, start: int, end: int) -> str:
        """The reviewer's text (equal and inserted) over the file's old text [start, end]."""
        out = []
        for index in self.around(start, end):
            piece, at = self.pieces[index], self.starts[index]
            if piece.fate == "insert":
                if start <= at <= end:
                    out.append(piece.text)
                continue
            stop = at + len(piece.text)
            lo, hi = max(start, at), min(end, stop)
            if lo < hi and piece.fate == "equal":
                out.append(piece.text[lo - at : hi - at])
        return "".join(out)

    def comments(self, start: int, end: int) -> set[str]:
        found: set[str] = set()
        for index in self.around(start, end):
            piece, at = self.pieces[index], self.starts[index]
            length = 0 if piece.fate == "insert" else len(piece.text)
            if (at < end and at + length > start) or (start <= at <= end and length == 0):
                found |= piece.comments
        return found


# -- the review ------------------------------------------------------------------------


class _Builder:
    def __init__(self, reviewed: ReviewedFile) -> None:
        self.reviewed = reviewed
        self.changes: list[ProposedChange] = []
        self.comment_text = {c.id: c.text for c in reviewed.comments}

    def add(self, **fields: Any) -> str:
        ident = f"c{len(self.changes) + 1}"
        self.changes.append(ProposedChange(id=ident, **fields))
        return ident

    def who(self, changes: Collection[int], untracked: bool) -> tuple[str, str, str]:
        """(authors, earliest date, move group) of some tracked changes."""
        tracked = [self.reviewed.changes[i] for i in sorted(changes)]
        authors = list(dict.fromkeys(c.author for c in tracked if c.author))
        if untracked and self.reviewed.last_modified_by not in authors:
            authors.append(self.reviewed.last_modified_by)
        dates = sorted(c.date for c in tracked if c.date)
        group = next((c.move for c in tracked if c.move), "")
        return ", ".join(a for a in authors if a), dates[0] if dates else "", group


def review(document: Document, reviewed: ReviewedFile) -> Review:
    """Every change in `reviewed` against `document` (the revision it came from)."""
    labels = {s.label for s in document.sections if s.label}
    body: list[tuple[FileParagraph, list[Piece]]] = []
    outside: list[FileParagraph] = []
    for paragraph in reviewed.paragraphs:
        tick()
        if paragraph.where == "body":
            body.append((paragraph, _strip_label(paragraph.pieces, labels)))
        else:
            outside.append(paragraph)
    units = _units_of(document, body)
    grouped: dict[str, list[tuple[FileParagraph, list[Piece]]]] = {}
    for unit, item in zip(units, body, strict=True):
        grouped.setdefault(unit or NUMBER, []).append(item)
    base_texts: dict[str, list[str]] = {}
    for unit, text in base_units(document):
        base_texts.setdefault(unit, []).append(text)
    builder = _Builder(reviewed)
    segments: dict[str, tuple[Segment, ...]] = {}
    comment_units: dict[str, str] = {}
    quotes: dict[str, str] = {}
    for unit, paragraphs in grouped.items():
        stream = _stream(paragraphs)
        base = "\n\n".join(base_texts.get(unit, []))
        segments[unit] = _unit_changes(builder, unit, base, stream)
        for piece in stream:
            for ident in piece.comments:
                comment_units.setdefault(ident, unit)
                if piece.fate != "delete":
                    quotes[ident] = quotes.get(ident, "") + piece.text
        for paragraph, _pieces in paragraphs:
            for ident in paragraph.comments:
                comment_units.setdefault(ident, unit)
    for unit in [u for u in segments if u.startswith("@")]:
        del segments[unit]  # nothing of the draft's own words lives there
    _outside(builder, outside)
    _comments(builder, comment_units, quotes)
    _formatting(builder)
    return Review(tuple(builder.changes), segments)


def _unit_changes(builder: _Builder, unit: str, base: str, stream: list[Piece]) -> tuple:
    stretches, regions = _segments(base, stream)
    located, mapping = _Located(stream), _Map(regions)
    out: list[Segment] = []
    at = 0  # in the revision's text
    clause = unit_clause(unit)
    for stretch in stretches:
        tick()
        start = mapping.to_base(stretch.start, end=False)
        end = max(mapping.to_base(stretch.end, end=True), start)
        start = max(start, at)
        old, new = base[start:end], located.new_text(stretch.start, stretch.end)
        if old == new or (_normal(old) == _normal(new) and not _normal(old)):
            continue
        author, date, group = builder.who(stretch.changes, stretch.untracked)
        comments = located.comments(stretch.start, stretch.end)
        kind: Kind = "replace" if old.strip() and new.strip() else "delete" if old else "insert"
        if not clause:
            kind = "unmapped"
        ident = builder.add(
            clause=clause,
            kind=kind,
            old=old,
            new=new,
            author=author,
            date=date,
            comment="\n".join(builder.comment_text.get(c, "") for c in sorted(comments)),
            part=unit_part(unit) if clause else _PLACES.get(unit, unit),
            tracked=not stretch.untracked,
            before=base[max(0, start - _CONTEXT) : start],
            after=base[end : end + _CONTEXT],
            group=group,
        )
        out.append(base[at:start])
        out.append((ident, old, new))
        at = end
    out.append(base[at:])
    return tuple(s for s in out if s)


def _outside(builder: _Builder, paragraphs: list[FileParagraph]) -> None:
    """Tracked changes in a header, footer, note, table or text box: unmapped."""
    for paragraph in paragraphs:
        changed: dict[int, list[Piece]] = {}
        for piece in paragraph.pieces:
            if piece.change is not None:
                changed.setdefault(piece.change, []).append(piece)
        if paragraph.mark_change is not None and not changed:
            changed[paragraph.mark_change] = []
        for change, pieces in changed.items():
            author, date, _group = builder.who({change}, False)
            text = "".join(p.text for p in pieces)
            deleted = builder.reviewed.changes[change].kind == "delete"
            builder.add(
                clause="",
                kind="unmapped",
                old=text if deleted else "",
                new="" if deleted else text,
                author=author,
                date=date,
                part=paragraph.where,
                before=paragraph.text("old")[:_CONTEXT],
            )


def _comments(builder: _Builder, units: dict[str, str], quotes: dict[str, str]) -> None:
    """Each comment that starts a thread, its replies with it."""
    comments = builder.reviewed.comments
    replies: dict[str, list[tuple[str, str, str]]] = {}
    for comment in comments:
        if comment.parent:
            replies.setdefault(_root(comment, comments), []).append(
                (comment.author, comment.date, comment.text)
            )
    for comment in comments:
        if comment.parent:
            continue
        unit = units.get(comment.id, "")
        clause = unit_clause(unit)
        builder.add(
            clause=clause,
            kind="comment" if clause else "unmapped",
            old=_normal(quotes.get(comment.id, "")),
            author=comment.author,
            date=comment.date,
            comment=comment.text,
            part=unit_part(unit) if clause else _PLACES.get(unit, "comment"),
            replies=tuple(replies.get(comment.id, ())),
        )


def _root(comment, comments) -> str:
    parents = {c.id: c.parent for c in comments}
    ident, seen = comment.id, set()
    while parents.get(ident) and ident not in seen:
        seen.add(ident)
        ident = parents[ident]
    return ident


def _formatting(builder: _Builder) -> None:
    """Formatting changes, one entry per author: text edits cannot carry them."""
    by_author: dict[str, list[str]] = {}
    for author, date, _where in builder.reviewed.formatting:
        by_author.setdefault(author, []).append(date)
    for author, dates in by_author.items():
        count = len(dates)
        builder.add(
            clause="",
            kind="unmapped",
            author=author,
            date=min(dates),
            part="formatting",
            comment=f"{count} formatting change{'s' if count != 1 else ''} (bold, italic, "
            "styles): the draft's text keeps its own formatting.",
        )


# -- accepting ----------------------------------------------------------------------------


def accept(library: Document, words: Words, result: Review, accepted: Iterable[str]) -> Words:
    """The draft's words with the `accepted` changes taken, as the drafter's own edits.

    `library` is the draft's document without its own words (what edits apply to);
    the changes were read against the document with them. Each clause the accepted
    changes touch gets the edits that turn its library text into the reviewer's text
    for those changes; a heading becomes the draft's heading; a section of the
    draft's own gets its new text. Comments and unmapped entries change no text.
    """
    chosen = result.with_groups(accepted)
    touched = {unit_of(c) for c in result.changes if c.id in chosen and c.kind in KINDS[:3]}
    for unit in sorted(u for u in touched if u):
        text = result.accepted_text(unit, chosen)
        clause = unit_clause(unit)
        if unit_part(unit) == "heading":
            heading = _normal(text)
            headings = dict(words.headings)
            headings[clause] = heading
            words = replace(words, headings=tuple(sorted(headings.items())))
        elif any(section.key == clause for section in words.sections):
            words = replace(words, sections=_own_section(words.sections, clause, text))
        else:
            library_text = clause_text(library, clause)
            if library_text is not None:
                words = settle(words, clause, library_text, normalise_text(text))
    return words


def unit_of(change: ProposedChange) -> str:
    """The unit a change was cut from (see `base_units`)."""
    if not change.clause:
        return ""
    if change.part == "heading":
        return _HEADING + change.clause
    return change.clause


def _own_section(sections: tuple[OwnSection, ...], key: str, text: str) -> tuple:
    """The section of one's own with its paragraphs replaced; a paragraph keeps the
    list marker ("- ") of the paragraph it replaces."""
    out = []
    for section in sections:
        if section.key == key:
            old = [p for p in section.text.split("\n\n") if p.strip()]
            markers = [p[: len(p) - len(p.lstrip(" -"))] for p in old]
            new = normalise_text(text).split("\n\n")
            matcher = SequenceMatcher(None, [p.lstrip(" -") for p in old], new, autojunk=False)
            lines = []
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                for offset, paragraph in enumerate(new[j1:j2]):
                    source = i1 + offset if tag != "insert" and i1 + offset < i2 else i1 - 1
                    marker = markers[source] if 0 <= source < len(markers) else ""
                    lines.append(marker + paragraph)
            section = replace(section, text="\n\n".join(lines))
        out.append(section)
    return tuple(out)
