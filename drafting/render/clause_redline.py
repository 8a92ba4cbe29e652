"""One clause's part of a document diff, as a two-column table. Pure.

    >>> from drafting.diff import diff_documents
    >>> from drafting.document import Block, Document, Run, Section
    >>> def one_clause(text):
    ...     block = Block("paragraph", (Run(text),), clause="reporting", key="reporting")
    ...     return Document("Trust Act", (Section("REPORTING", (block,), clause="reporting"),))
    >>> diff = diff_documents(one_clause("Report quarterly."), one_clause("Report annually."))
    >>> html = clause_redline_html(diff, "reporting", old_label="Now",
    ...                            new_label="On the new edition")
    >>> import re
    >>> re.findall(r'<td class="(old|new)">.*?(<ins>|<del>)', html)
    [('old', '<del>'), ('new', '<ins>')]

Only the blocks the clause wrote are shown, and only the changed ones unless
asked; each section they sit in gets a heading row for context (a heading the
clause owns is diffed). Insertions and deletions are `<ins>`/`<del>` with a
visually hidden "inserted:"/"deleted:", as on the compare page.
"""

from __future__ import annotations

from html import escape

from drafting.diff import BlockOp, DocumentDiff, SectionOp, pieces
from drafting.render.compare_html import HIDDEN, TAG, pieces_html, words_html


def _label(label: str) -> str:
    return f'<span class="label">{escape(label)} </span>' if label else ""


def _cell(op: BlockOp, side: str) -> str:
    block = op.old if side == "old" else op.new
    if block is None:
        return f'<td class="{side} empty"></td>'
    kind = "delete" if side == "old" else "insert"
    if op.op in ("inserted", "deleted"):
        hidden = f'<span class="visually-hidden">{HIDDEN[kind]}</span>'
        body = f"<{TAG[kind]}>{hidden}{_label(block.label)}{escape(block.text)}</{TAG[kind]}>"
    else:
        body = _label(block.label) + pieces_html(pieces(op), show=(kind,))
    classes = f"block block-{block.kind} level-{block.level} op-{op.op}"
    return f'<td class="{side}"><p class="{classes}">{body}</p></td>'


def _heading_row(section: SectionOp, slug: str) -> str:
    if section.section.clause == slug and any(kind != "equal" for kind, _ in section.heading):
        old = words_html(section.heading, show=("delete",))
        new = words_html(section.heading, show=("insert",))
        return (
            f'<tr class="compare-heading"><td class="old"><p class="section-heading">{old}</p></td>'
            f'<td class="new"><p class="section-heading">{new}</p></td></tr>'
        )
    title = escape(section.section.title)
    return (
        f'<tr class="compare-heading"><th colspan="2" scope="colgroup" class="section-heading">'
        f"{title}</th></tr>"
    )


def clause_rows(diff: DocumentDiff, slug: str, *, include_equal: bool = False) -> list[str]:
    """Table rows for the clause's blocks (changed ones, or all), grouped by section."""
    rows = []
    for section in diff.sections:
        if section.move == "from":
            continue
        ops = [
            op
            for op in section.blocks
            if op.block.clause == slug and (include_equal or op.is_change)
        ]
        owned = section.section.clause == slug and section.op != "equal"
        if ops or (owned and any(kind != "equal" for kind, _ in section.heading)):
            rows.append(_heading_row(section, slug))
            rows.extend(
                f'<tr class="compare-block op-{op.op}">{_cell(op, "old")}{_cell(op, "new")}</tr>'
                for op in ops
            )
    return rows


def clause_redline_html(
    diff: DocumentDiff,
    slug: str,
    *,
    old_label: str,
    new_label: str,
    title_clause: bool = False,
    include_equal: bool = False,
) -> str:
    """The clause's changes between the diff's two documents; "" when there are none."""
    rows = []
    if title_clause and any(kind != "equal" for kind, _ in diff.title):
        rows.append(
            '<tr class="compare-block op-changed">'
            f'<td class="old"><p class="ordinance-title">{words_html(diff.title, show=("delete",))}'
            "</p></td>"
            f'<td class="new"><p class="ordinance-title">{words_html(diff.title, show=("insert",))}'
            "</p></td></tr>"
        )
    rows.extend(clause_rows(diff, slug, include_equal=include_equal))
    if not rows:
        return ""
    old, new = escape(old_label), escape(new_label)
    body = "\n".join(rows)
    return (
        '<table class="compare-table clause-redline">\n'
        f'<caption class="visually-hidden">{old} (left) compared with {new} (right)</caption>\n'
        f'<thead><tr><th scope="col" class="old">{old}</th>'
        f'<th scope="col" class="new">{new}</th></tr></thead>\n'
        f"<tbody>\n{body}\n</tbody>\n</table>"
    )
