"""Plain-text and Markdown renderings of the document IR. Pure."""

from __future__ import annotations

from drafting.document import Block, Document, Section


def block_text(block: Block) -> str:
    return f"{block.label} {block.text}".strip()


def section_text(section: Section) -> str:
    """A section as text: its title line, then each block on its own line."""
    lines = [section.title] + [block_text(block) for block in section.blocks]
    return "\n".join(line for line in lines if line)


def document_text(document: Document) -> str:
    """A parsed document as editable text: its title, then each section as `section_text`
    prints it (the check page's text box and the existing law of an amendment)."""
    parts = [document.title] if document.title else []
    parts += [section_text(section) for section in document.sections]
    return "\n\n".join(parts)


def heading_lines(document: Document) -> list[str]:
    number = document.ordinance_number or "____"
    lines = [f"{document.number_label} {number}", document.title]
    if document.enacting_clause:
        lines.append(document.enacting_clause)
    return lines


def render_text(document: Document) -> str:
    """The whole ordinance as plain text, heading block first."""
    parts = ["\n".join(heading_lines(document))]
    for section in document.sections:
        lines = [section.title]
        for block in section.blocks:
            indent = "    " * max(block.level - 1, 0)
            lines.append(indent + block_text(block))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _escape_markdown(text: str) -> str:
    for char in "\\`*_[]#<>":
        text = text.replace(char, "\\" + char)
    return text


def render_markdown(document: Document) -> str:
    number = document.ordinance_number or "____"
    out = [
        f"**{document.number_label} {_escape_markdown(number)}**",
        "",
        f"# {_escape_markdown(document.title)}",
    ]
    if document.enacting_clause:
        out += ["", f"**{_escape_markdown(document.enacting_clause)}**"]
    for section in document.sections:
        out += ["", f"## {_escape_markdown(section.title)}", ""]
        for block in section.blocks:
            indent = "    " * max(block.level - 1, 0)
            label = f"**{_escape_markdown(block.label)}** " if block.label else ""
            out.append(f"{indent}{label}{_escape_markdown(block.text)}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"
