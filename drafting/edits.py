"""The draft's own words applied to its assembled document. Pure.

A clause's text is its blocks' texts, paragraphs separated by a blank line
(labels are generated, never part of the text). Edits replace exact text of
one clause, in order; sections of the draft's own are placed, then headings
renamed, sections reordered and every numbered section numbered again.

    >>> from drafting.document import Block, Document, Run, Section
    >>> def block(key, text, level=0):
    ...     kind = "item" if level else "paragraph"
    ...     return Block(kind, (Run(text),), level, "A." if level else "", "privacy", key)
    >>> doc = Document("T", (Section("PRIVACY", (block("privacy:1", "Keep it private."),),
    ...                               "I", "I)", "privacy"),))
    >>> words = Words(edits=(Edit("privacy", "private", "confidential"),),
    ...               sections=(OwnSection("hiring", "LOCAL HIRING", "Hire locally."),))
    >>> applied = apply_words(doc, words)
    >>> [(s.title, [b.text for b in s.blocks]) for s in applied.document.sections]
    [('I) PRIVACY', ['Keep it confidential.']), ('II) LOCAL HIRING', ['Hire locally.'])]
    >>> applied.conflicts
    ()

An edit whose `find` does not match exactly once (after an option change, say)
is a conflict: the clause keeps its library text and the edit stays in the
spec until the drafter settles it. `edit_problems` is the strict check for new
input, naming each field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from drafting.document import Block, Document, Run, Section
from drafting.numbering import item_label, section_label
from drafting.words import Edit, OwnSection, Words

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")


@dataclass(frozen=True)
class EditConflict:
    """An edit that no longer applies: `reason` says why, in words."""

    index: int
    edit: Edit
    reason: str


@dataclass(frozen=True)
class Applied:
    document: Document
    conflicts: tuple[EditConflict, ...] = ()
    edited: tuple[str, ...] = ()  # clauses whose edits all applied


# -- a clause's text ------------------------------------------------------------


def normalise_text(text: str) -> str:
    """Paragraphs separated by one blank line, spaces within a paragraph collapsed.

    >>> normalise_text("One\\r\\n two\\r\\n\\r\\n\\r\\nThree ")
    'One two\\n\\nThree'
    """
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.replace("\r", "")))
    return "\n\n".join(p for p in paragraphs if p)


def clause_blocks(document: Document, clause: str) -> list[Block]:
    return [block for _section, block in document.blocks() if block.clause == clause]


def clause_text(document: Document, clause: str) -> str | None:
    """The clause's text as assembled, or None if the document does not include it."""
    if document.clause_versions.get(clause) is not None and not _in_body(document, clause):
        return document.title  # the title clause is the document's title
    blocks = clause_blocks(document, clause)
    if not blocks and not any(s.clause == clause for s in document.sections):
        return None
    return "\n\n".join(block.text for block in blocks)


def _in_body(document: Document, clause: str) -> bool:
    return any(s.clause == clause for s in document.sections) or bool(
        clause_blocks(document, clause)
    )


def count_matches(text: str, find: str) -> int:
    """Occurrences of `find` in `text`, overlapping ones included."""
    if not find:
        return 0
    count, start = 0, text.find(find)
    while start != -1 and count < 3:
        count += 1
        start = text.find(find, start + 1)
    return count


def match_problem(text: str, edit: Edit) -> str | None:
    count = count_matches(text, edit.find)
    if count == 1:
        return None
    where = f"the text of clause “{edit.clause}”"
    if count == 0:
        return f"“{_short(edit.find)}” is not in {where}."
    return f"“{_short(edit.find)}” is in {where} more than once; include more words around it."


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- applying edits ---------------------------------------------------------------


def apply_edits_to_text(
    text: str, edits: list[tuple[int, Edit]]
) -> tuple[str, EditConflict | None]:
    """Apply edits in order; stop at the first that does not match exactly once."""
    for index, edit in edits:
        problem = match_problem(text, edit)
        if problem:
            return text, EditConflict(index, edit, problem)
        text = text.replace(edit.find, edit.replace, 1)
    return text, None


def _restyle(runs: tuple[Run, ...], text: str) -> tuple[Run, ...]:
    """Runs for `text`, keeping the styled runs (defined terms) at either end that
    are unchanged; what changed becomes plain text."""
    head: list[Run] = []
    start = 0
    for run in runs:
        if run.text and text.startswith(run.text, start):
            head.append(run)
            start += len(run.text)
        else:
            break
    rest = runs[len(head) :]
    tail: list[Run] = []
    end = len(text)
    for run in reversed(rest):
        if run.text and end - len(run.text) >= start and text.endswith(run.text, start, end):
            tail.insert(0, run)
            end -= len(run.text)
        else:
            break
    middle = [Run(text[start:end])] if end > start else []
    merged: list[Run] = []
    for run in [*head, *middle, *tail]:
        if merged and merged[-1].style == run.style:
            merged[-1] = Run(merged[-1].text + run.text, run.style)
        else:
            merged.append(run)
    return tuple(merged)


def _rebuild(old: list[Block], new_text: str, clause: str) -> list[Block]:
    """The clause's blocks for its edited text: unchanged paragraphs keep their block;
    a changed one keeps its kind, level and key; an added one takes its neighbour's
    kind and level and a key of its own."""
    paragraphs = new_text.split("\n\n") if new_text else []
    matcher = SequenceMatcher(None, [b.text for b in old], paragraphs, autojunk=False)
    blocks: list[Block] = []
    added = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks.extend(old[i1:i2])
            continue
        paired = min(i2 - i1, j2 - j1)
        for offset in range(paired):
            block = old[i1 + offset]
            blocks.append(replace(block, runs=_restyle(block.runs, paragraphs[j1 + offset])))
        for text in paragraphs[j1 + paired : j2]:
            # an added paragraph is of the kind that follows it (an item before an
            # item), else of the kind before it
            following = old[i1 + paired] if i1 + paired < len(old) else None
            model = following or (blocks[-1] if blocks else None)
            added += 1
            blocks.append(
                Block(
                    kind=model.kind if model else "paragraph",
                    runs=(Run(text),),
                    level=model.level if model else 0,
                    clause=clause,
                    key=f"{clause}+{added}",
                )
            )
    return blocks


def relabel(blocks: tuple[Block, ...] | list[Block], numbering: str) -> tuple[Block, ...]:
    """Item labels counted again (as assembly counts them), after items came or went."""
    counters = [0] * 9
    out = []
    for block in blocks:
        label = block.label
        if block.kind == "item":
            level = min(block.level, 8)
            counters[level] += 1
            for deeper in range(level + 1, len(counters)):
                counters[deeper] = 0
            label = item_label(numbering, level, counters[level])
        elif block.kind == "bullet":
            label = "–"
        out.append(block if label == block.label else replace(block, label=label))
    return tuple(out)


def apply_edits(document: Document, edits: tuple[Edit, ...]) -> Applied:
    """Each clause's edits applied in order; a clause with a conflict keeps its library text."""
    by_clause: dict[str, list[tuple[int, Edit]]] = {}
    for index, edit in enumerate(edits):
        by_clause.setdefault(edit.clause, []).append((index, edit))
    conflicts: list[EditConflict] = []
    new_texts: dict[str, str] = {}
    for clause, numbered in by_clause.items():
        text = clause_text(document, clause)
        if text is None:
            index, edit = numbered[0]
            reason = f"The draft does not include clause “{clause}”."
            conflicts.append(EditConflict(index, edit, reason))
            continue
        edited, conflict = apply_edits_to_text(text, numbered)
        if conflict:
            conflicts.append(conflict)
        elif edited != text:
            new_texts[clause] = normalise_text(edited)
    title = document.title
    sections = []
    for section in document.sections:
        blocks: list[Block] = []
        touched = False
        for clause, group in _clause_groups(section.blocks):
            if clause in new_texts:
                blocks.extend(_rebuild(group, new_texts[clause], clause))
                touched = True
            else:
                blocks.extend(group)
        if touched:
            section = replace(section, blocks=relabel(blocks, document.numbering))
        sections.append(section)
    for clause, text in new_texts.items():
        if not _in_body(document, clause):
            title = " ".join(text.split())
    return Applied(
        replace(document, title=title, sections=tuple(sections)),
        tuple(sorted(conflicts, key=lambda c: c.index)),
        tuple(new_texts),
    )


def _clause_groups(blocks: tuple[Block, ...]) -> list[tuple[str, list[Block]]]:
    groups: list[tuple[str, list[Block]]] = []
    for block in blocks:
        if groups and groups[-1][0] == block.clause:
            groups[-1][1].append(block)
        else:
            groups.append((block.clause, [block]))
    return groups


# -- sections of the draft's own, headings, order -----------------------------


def own_section(section: OwnSection, numbering: str) -> Section:
    """A section of the drafter's own: plain paragraphs and "- " / "  - " items."""
    from drafting.assembly import split_blocks  # assembly applies words: import late

    blocks = [
        Block(
            kind=raw.kind,  # type: ignore[arg-type]
            runs=(Run(" ".join(raw.text.split())),),
            level=raw.level,
            clause=section.key,
            key=f"{section.key}:{index + 1}",
        )
        for index, raw in enumerate(split_blocks(section.text))
    ]
    return Section(section.heading, relabel(blocks, numbering), "0", "", section.key, 0)


def _place(sections: list[Section], own: Section, after: str) -> None:
    position = len(sections)
    for index, section in enumerate(sections):
        if section.clause == after or any(b.clause == after for b in section.blocks):
            position = index + 1
    sections.insert(position, own)


def _reorder(sections: list[Section], order: tuple[str, ...]) -> list[Section]:
    """Sections named in `order` take that order among the places they hold."""
    named = {key: i for i, key in enumerate(order)}
    slots = [i for i, s in enumerate(sections) if s.clause in named]
    moved = sorted((sections[i] for i in slots), key=lambda s: named[s.clause])
    out = list(sections)
    for slot, section in zip(slots, moved, strict=True):
        out[slot] = section
    return out


def _renumber(sections: list[Section], numbering: str) -> tuple[Section, ...]:
    out, number = [], 0
    for section in sections:
        if section.number:
            number += 1
            bare, label = section_label(numbering, number)
            section = replace(section, number=bare, label=label)
        out.append(section)
    return tuple(out)


def apply_words(document: Document, words: Words) -> Applied:
    """The document with the draft's own words (see the module docstring)."""
    if not words:
        return Applied(document)
    applied = apply_edits(document, words.edits)
    sections = list(applied.document.sections)
    for section in words.sections:
        _place(sections, own_section(section, document.numbering), section.after)
    headings = dict(words.headings)
    sections = [
        replace(s, heading=headings[s.clause]) if s.clause in headings else s for s in sections
    ]
    sections = _reorder(sections, words.order)
    return replace(
        applied,
        document=replace(applied.document, sections=_renumber(sections, document.numbering)),
    )


def edit_problems(document: Document, words: Words) -> dict[str, str]:
    """Strict check of the words against the document they edit (the library text):
    every field that cannot apply, by name. Empty when everything applies."""
    problems: dict[str, str] = {}
    texts: dict[str, str | None] = {}
    for index, edit in enumerate(words.edits):
        if edit.clause not in texts:
            texts[edit.clause] = clause_text(document, edit.clause)
        text = texts[edit.clause]
        if text is None:
            problems[f"edits[{index}].clause"] = (
                f"The draft does not include clause “{edit.clause}”; include it to edit it."
            )
            continue
        problem = match_problem(text, edit)
        if problem:
            problems[f"edits[{index}].find"] = problem
            texts[edit.clause] = ""  # later edits of this clause cannot be checked
        else:
            texts[edit.clause] = text.replace(edit.find, edit.replace, 1)
    problems.update(section_key_problems(document, words))
    keys = {s.clause for s in document.sections} | set(document.clause_versions)
    own = {s.key for s in words.sections}
    for index, section in enumerate(words.sections):
        if section.after and section.after not in keys | own:
            problems[f"sections[{index}].after"] = (
                f"“{section.after}” is not a section of this draft."
            )
    for key, _heading in words.headings:
        if key not in keys | own:
            problems[f"headings.{key}"] = f"“{key}” is not a section of this draft."
    for key in words.order:
        if key not in keys | own:
            problems["order"] = f"“{key}” is not a section of this draft."
    return problems


def section_key_problems(document: Document, words: Words) -> dict[str, str]:
    """The structural problems assembly refuses outright: an own section's key that
    is a clause of the library (its blocks would be taken for the clause's)."""
    keys = {s.clause for s in document.sections} | set(document.clause_versions)
    return {
        f"sections[{i}].key": f"The key “{s.key}” is a clause of the library; choose another."
        for i, s in enumerate(words.sections)
        if s.key in keys
    }
