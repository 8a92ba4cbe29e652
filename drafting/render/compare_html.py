"""HTML renderings of a document diff: side by side, and as one redline column. Pure.

    >>> import re
    >>> from drafting.diff import diff_documents
    >>> from drafting.parse import parse_text
    >>> diff = diff_documents(parse_text("Section 1. Reports.\\nReport quarterly."),
    ...                       parse_text("Section 1. Reports.\\nReport annually."))
    >>> html = compare_html(diff, old_label="r2", new_label="r3")
    >>> re.findall(r"<(?:ins|del)>.*?</(?:ins|del)>", html)  # doctest: +NORMALIZE_WHITESPACE
    ['<del><span class="visually-hidden">deleted: </span>quarterly</del>',
     '<ins><span class="visually-hidden">inserted: </span>annually</ins>']

- `side_by_side_html`: a two-column table, one `<tbody>` per aligned section
  and one row per aligned block, so the old and new text of the same clause
  sit side by side and the columns scroll together. Row ids are the diff's
  anchors (the change list links to them).
- `redline_html`: one column, as the redline PDF prints it.
- `change_list_html`, `summary_html`: the list of changes to jump through and
  the option summary; `compare_html` puts the four together.

Insertions are `<ins>` and deletions `<del>`, each opening with a visually
hidden "inserted:" / "deleted:" so that meaning is not carried by colour (or
by the strike-through a screen reader does not announce). Relabelled items
show their label quietly (class "relabelled", the old label in a title).
Every piece of text is escaped here, once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from itertools import groupby

from drafting.diff import (
    BlockOp,
    Change,
    DocumentDiff,
    Piece,
    SectionOp,
    WordOp,
    changes,
    counts,
    pieces,
)
from drafting.document import Block

HIDDEN = {"insert": "inserted: ", "delete": "deleted: "}
# The look the page and the PDF start from: meaning by style (underline,
# strike-through), colour only as a help; labels for screen readers.
COMPARE_CSS = """
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0;
  margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
ins { text-decoration: underline; text-decoration-thickness: 0.1em; color: #0b4f8a;
  background: #e6f0fa; }
del { text-decoration: line-through; text-decoration-thickness: 0.1em; color: #8a1c1c;
  background: #fbeaea; }
.label.relabelled { border-bottom: 1px dotted currentColor; }
.compare-table { width: 100%; table-layout: fixed; border-collapse: collapse; }
.compare-table td { vertical-align: top; width: 50%; padding: 0 0.75rem; }
.compare-table td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px,
  rgba(0, 0, 0, 0.04) 6px 12px); }
.compare-block.op-changed td, .compare-block.op-inserted td.new,
.compare-block.op-deleted td.old { box-shadow: inset 3px 0 0 #6c757d; }
.moved-note { font-style: italic; }
@media print {
  ins, del { background: none; }
  .compare-table thead { display: table-header-group; }
}
"""
TAG = {"insert": "ins", "delete": "del"}
_EXCERPT = 90


# -- inline -------------------------------------------------------------------


def _styled(text: str, style: str) -> str:
    text = escape(text)
    if style == "term":
        return f'<strong class="term">{text}</strong>'
    if style == "emphasis":
        return f"<em>{text}</em>"
    return text


def pieces_html(parts: Iterable[Piece], *, show: Sequence[str] = ("insert", "delete")) -> str:
    """Styled pieces as HTML; consecutive inserted (deleted) pieces share one
    `<ins>` (`<del>`). Pieces whose kind is not in `show` are left out."""
    out = []
    for kind, group in groupby((p for p in parts if p.kind in ("equal", *show)), lambda p: p.kind):
        inner = "".join(_styled(p.text, p.style) for p in group)
        if kind == "equal":
            out.append(inner)
        else:
            hidden = f'<span class="visually-hidden">{HIDDEN[kind]}</span>'
            out.append(f"<{TAG[kind]}>{hidden}{inner}</{TAG[kind]}>")
    return "".join(out)


def words_html(words: Sequence[WordOp], *, show: Sequence[str] = ("insert", "delete")) -> str:
    return pieces_html((Piece(kind, text) for kind, text in words), show=show)


def _wrap(kind: str, inner: str) -> str:
    """Wrap a whole inserted or deleted element's content."""
    if kind not in TAG:
        return inner
    hidden = f'<span class="visually-hidden">{HIDDEN[kind]}</span>'
    return f"<{TAG[kind]}>{hidden}{inner}</{TAG[kind]}>"


def _label_html(label: str, label_change: tuple[str, str] | None, *, old: bool = False) -> str:
    if not label:
        return ""
    if label_change and not old:
        title = escape(f"was {label_change[0]}" if label_change[0] else "newly labelled")
        return f'<span class="label relabelled" title="{title}">{escape(label)} </span>'
    return f'<span class="label">{escape(label)} </span>'


def _block_classes(block: Block, op: str) -> str:
    return f"block block-{block.kind} level-{block.level} op-{op}"


# -- one column (the redline) -------------------------------------------------


def _redline_block(op: BlockOp) -> str:
    block = op.block
    kind = {"inserted": "insert", "deleted": "delete"}.get(op.op, "")
    if kind:
        label = _label_html(block.label, None)
        body = _wrap(kind, label + _plain_words(op, kind))
    else:
        body = _label_html(block.label, op.label_change) + pieces_html(pieces(op))
    moved = ' data-moved="true"' if op.moved else ""
    return f'<p class="{_block_classes(block, op.op)}" id="{escape(op.anchor)}"{moved}>{body}</p>'


def _plain_words(op: BlockOp, kind: str) -> str:
    """The text of a wholly inserted or deleted block, styled but unmarked."""
    return "".join(_styled(p.text, p.style) for p in pieces(op) if p.kind == kind)


def _redline_section(op: SectionOp, targets: dict[str, tuple[str, str]]) -> str:
    section = op.section
    classes = f"ordinance-section op-{op.op}" + (f" move-{op.move}" if op.move else "")
    if op.move == "from":
        heading = _wrap("delete", escape(section.title))
        note = _moved_note("Moved to", targets.get(f"to {_move_key(op)}"))
        return (
            f'<section class="{classes}" id="{escape(op.anchor)}">\n'
            f'<h2 class="section-heading">{heading}</h2>\n{note}\n</section>'
        )
    if op.op in ("inserted", "deleted"):
        kind = "insert" if op.op == "inserted" else "delete"
        heading = _wrap(kind, escape(section.title))
    else:
        heading = _label_html(section.label, op.label_change) + words_html(op.heading)
    note = ""
    if op.move == "to":
        note = "\n" + _moved_note("Moved from", targets.get(f"from {_move_key(op)}"))
    blocks = "\n".join(_redline_block(block) for block in op.blocks)
    return (
        f'<section class="{classes}" id="{escape(op.anchor)}">\n'
        f'<h2 class="section-heading">{heading}</h2>{note}\n{blocks}\n</section>'
    )


def _moved_note(text: str, target: tuple[str, str] | None) -> str:
    """ "Moved to VI)." with a link to the other place."""
    if target is None:
        return f'<p class="moved-note">{escape(text)}.</p>'
    anchor, label = target
    link = f'<a href="#{escape(anchor)}">{escape(label or "its other place")}</a>'
    return f'<p class="moved-note">{escape(text)} {link}.</p>'


def _move_key(op: SectionOp) -> str:
    """What both halves of a moved section share: the old section's identity."""
    section = op.old or op.section
    return section.clause or " ".join(section.heading.lower().split())


def _move_targets(diff: DocumentDiff) -> dict[str, tuple[str, str]]:
    """For each moved section, where to point: "to <clause>" -> (anchor, label)
    of its new place, "from <clause>" -> its old place."""
    targets = {}
    for op in diff.sections:
        if op.move == "to" and op.new is not None:
            targets[f"to {_move_key(op)}"] = (op.anchor, op.new.label)
        elif op.move == "from" and op.old is not None:
            targets[f"from {_move_key(op)}"] = (op.anchor, op.old.label)
    return targets


def heading_block_html(diff: DocumentDiff) -> str:
    if diff.ordinance_number:
        old, new = diff.ordinance_number
        number = words_html((("delete", old or "____"), ("insert", new or "____")))
    else:
        number = escape(diff.new.ordinance_number or "____")
    enacting = ""
    if diff.old.enacting_clause or diff.new.enacting_clause:
        enacting = (
            f'<p class="enacting-clause" id="doc-enacting">{words_html(diff.enacting_clause)}</p>'
        )
    return (
        '<header class="ordinance-heading">'
        f'<p class="ordinance-number">{escape(diff.new.number_label)} {number}</p>'
        f'<h1 class="ordinance-title" id="doc-title">{words_html(diff.title)}</h1>'
        f"{enacting}</header>"
    )


def redline_html(diff: DocumentDiff) -> str:
    """The comparison as one ordinance: insertions and deletions in place.

    A moved section prints at its new place (its edits marked) and leaves a
    struck heading and a "Moved to" note at its old place.
    """
    targets = _move_targets(diff)
    sections = "\n".join(_redline_section(op, targets) for op in diff.sections)
    return (
        f'<article class="ordinance redline" lang="en">\n{heading_block_html(diff)}\n'
        f"{sections}\n</article>"
    )


# -- two columns --------------------------------------------------------------


def _cell(side: str, content: str) -> str:
    if not content:
        return f'<td class="{side} empty"></td>'
    return f'<td class="{side}">{content}</td>'


def _side_block(op: BlockOp, side: str) -> str:
    block = op.old if side == "old" else op.new
    if block is None:
        return ""
    show = ("delete",) if side == "old" else ("insert",)
    kind = {"inserted": "insert", "deleted": "delete"}.get(op.op, "")
    if kind:
        body = _wrap(kind, _label_html(block.label, None) + _plain_words(op, kind))
    else:
        label = _label_html(block.label, op.label_change, old=side == "old")
        body = label + pieces_html(pieces(op), show=show)
    return f'<p class="{_block_classes(block, op.op)}">{body}</p>'


def _side_heading(op: SectionOp, side: str) -> str:
    section = op.old if side == "old" else op.new
    if section is None or (op.move == "from" and side == "new"):
        return ""
    if op.op in ("inserted", "deleted") or op.move == "from":
        kind = "insert" if op.op == "inserted" else "delete"
        return f'<p class="section-heading">{_wrap(kind, escape(section.title))}</p>'
    show = ("delete",) if side == "old" else ("insert",)
    label = _label_html(section.label, op.label_change, old=side == "old")
    return f'<p class="section-heading">{label}{words_html(op.heading, show=show)}</p>'


def _side_section(op: SectionOp, targets: dict[str, tuple[str, str]]) -> str:
    classes = f"compare-section op-{op.op}" + (f" move-{op.move}" if op.move else "")
    old_heading = _side_heading(op, "old")
    new_heading = _side_heading(op, "new")
    if op.move == "from":
        old_heading += _moved_note("Moved to", targets.get(f"to {_move_key(op)}"))
    elif op.move == "to":
        new_heading += _moved_note("Moved from", targets.get(f"from {_move_key(op)}"))
    rows = [
        f'<tr class="compare-heading">{_cell("old", old_heading)}{_cell("new", new_heading)}</tr>'
    ]
    if op.move != "from":
        for block in op.blocks:
            old = _cell("old", _side_block(block, "old"))
            new = _cell("new", _side_block(block, "new"))
            rows.append(
                f'<tr class="compare-block op-{block.op}" id="{escape(block.anchor)}">'
                f"{old}{new}</tr>"
            )
    body = "\n".join(rows)
    return f'<tbody class="{classes}" id="{escape(op.anchor)}">\n{body}\n</tbody>'


def side_by_side_html(diff: DocumentDiff, *, old_label: str = "Old", new_label: str = "New") -> str:
    """Old and new in two columns, aligned section by section and block by block."""
    targets = _move_targets(diff)
    old, new = escape(old_label), escape(new_label)
    title_row = (
        f'<tbody class="compare-section compare-title" id="doc-title">'
        f'<tr class="compare-heading">'
        f"{_cell('old', _title_cell(diff, 'old'))}{_cell('new', _title_cell(diff, 'new'))}"
        "</tr></tbody>"
    )
    sections = "\n".join(_side_section(op, targets) for op in diff.sections)
    return (
        '<table class="compare-table">\n'
        f'<caption class="visually-hidden">{old} (left) compared with {new} (right)</caption>\n'
        f'<thead><tr><th scope="col" class="old">{old}</th>'
        f'<th scope="col" class="new">{new}</th></tr></thead>\n'
        f"{title_row}\n{sections}\n</table>"
    )


def _title_cell(diff: DocumentDiff, side: str) -> str:
    show = ("delete",) if side == "old" else ("insert",)
    document = diff.old if side == "old" else diff.new
    number = escape(document.ordinance_number or "____")
    parts = [
        f'<p class="ordinance-number">{escape(document.number_label)} {number}</p>',
        f'<p class="ordinance-title">{words_html(diff.title, show=show)}</p>',
    ]
    if document.enacting_clause:
        anchor = ' id="doc-enacting"' if side == "new" or not diff.new.enacting_clause else ""
        enacting = words_html(diff.enacting_clause, show=show)
        parts.append(f'<p class="enacting-clause"{anchor}>{enacting}</p>')
    return "".join(parts)


# -- change list, counts, summary ---------------------------------------------


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1].rstrip() + "…"


def change_text(change: Change) -> str:
    """A change in words, plain text: "deleted “criminal”", "added section"."""
    if change.kind == "section-inserted":
        return "section added"
    if change.kind == "section-deleted":
        return "section removed"
    if change.kind == "section-moved":
        return "section moved"
    if change.kind == "block-inserted":
        return f"paragraph added: {_excerpt(change.inserted)}"
    if change.kind == "block-deleted":
        return f"paragraph removed: {_excerpt(change.deleted)}"
    parts = []
    if change.deleted:
        parts.append(f"deleted “{_excerpt(change.deleted)}”")
    if change.inserted:
        parts.append(f"inserted “{_excerpt(change.inserted)}”")
    return "; ".join(parts)


def change_list_html(diff: DocumentDiff) -> str:
    """An ordered list of links to each change, in document order."""
    entries = changes(diff)
    if not entries:
        return '<p class="change-list-empty">No changes in the text.</p>'
    items = "\n".join(
        f'<li class="change change-{escape(c.kind)}"><a href="#{escape(c.anchor)}">'
        f"{escape(c.where)}</a> {escape(change_text(c))}</li>"
        for c in entries
    )
    return f'<ol class="change-list">\n{items}\n</ol>'


def counts_text(diff: DocumentDiff) -> str:
    """ "3 insertions, 2 deletions; 1 section added" (label changes not counted)."""
    found = counts(diff)

    def n(count: int, word: str) -> str:
        return f"{count} {word}{'' if count == 1 else 's'}"

    text = f"{n(found['insertions'], 'insertion')}, {n(found['deletions'], 'deletion')}"
    sections = [
        f"{n(found[key], 'section')} {verb}"
        for key, verb in (
            ("sections_inserted", "added"),
            ("sections_deleted", "removed"),
            ("sections_moved", "moved"),
        )
        if found[key]
    ]
    return "; ".join([text, *sections])


def summary_html(lines: Iterable[object]) -> str:
    """The option summary as a list; each line is a string or has `.text`."""
    texts = [getattr(line, "text", line) for line in lines]
    if not texts:
        return '<p class="option-summary-empty">Same options and clauses.</p>'
    items = "\n".join(f"<li>{escape(str(text))}</li>" for text in texts)
    return f'<ul class="option-summary">\n{items}\n</ul>'


def compare_html(
    diff: DocumentDiff,
    *,
    old_label: str = "Old",
    new_label: str = "New",
    summary: Iterable[object] = (),
) -> str:
    """The whole comparison fragment: summary, counts, change list, two columns."""
    return (
        '<div class="compare">\n'
        f'<section class="compare-summary" aria-label="What changed">\n'
        f"<h2>{escape(old_label)} → {escape(new_label)}</h2>\n"
        f"{summary_html(summary)}\n"
        f'<p class="change-counts">{escape(counts_text(diff))}</p>\n'
        f'<nav aria-label="Changes">{change_list_html(diff)}</nav>\n'
        "</section>\n"
        f"{side_by_side_html(diff, old_label=old_label, new_label=new_label)}\n"
        "</div>"
    )
