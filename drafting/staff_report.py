"""The staff report of a council packet, drafted from the draft's own data. Pure.

`staff_report(...)` returns a `Report`: headed parts of paragraphs, items and
tables, which `drafting.render.staff_report` prints as PDF (WeasyPrint) and as
an editable .docx (the export's Word styles). Every part is read off data the
app already holds: the library's plain-language summaries (`drafting.summaries`)
for what the ordinance does, the options' guidance for why the choices matter,
the lint's § 1373 and state-law findings, the state-law table, the scorecard,
and the option summary and word diff against the previous reading.

Nothing here is legal advice; the report says so, and dates its legal notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from drafting.diff import DocumentDiff, changes, counts
from drafting.document import Document
from drafting.library import ClauseText, effective_options, included_slugs
from drafting.lint.engine import Finding
from drafting.lint.scorecard import Scorecard
from drafting.option_summary import SummaryLine
from drafting.state_law import StateLawEntry
from drafting.summaries import Summaries, document_summaries

ParaKind = Literal["p", "item", "note"]

HEADING = "Staff Report"
PARTS = (
    "What the ordinance does",
    "Options chosen and why they matter",
    "8 U.S.C. § 1373",
    "State law",
    "Protectiveness scorecard",
    "Changes since the previous reading",
)
COUNSEL = "Drafting help, not legal advice: verify with counsel."
STATUS_NAMES = {"met": "Met", "partial": "Partly met", "missing": "Not met"}
SECTION_1373 = (
    "8 U.S.C. § 1373(a)–(b) (no local restriction on sending, receiving, maintaining or "
    "exchanging information regarding citizenship or immigration status)"
)


@dataclass(frozen=True)
class Para:
    text: str
    kind: ParaKind = "p"
    lead: str = ""  # a bold lead-in ("Warrant standard: "), printed before the text


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Part:
    heading: str
    content: tuple[Para | Table, ...]


@dataclass(frozen=True)
class Report:
    title: str  # "Staff Report: Justice and Equity Ordinance"
    lines: tuple[str, ...]  # the lines under the title: locality, draft, date
    parts: tuple[Part, ...]
    footer: str = ""  # the running footer ("Draft r3, 2026-11-30")


@dataclass(frozen=True)
class Previous:
    """The previous reading: its label ("r2, 2026-11-20"), the option summary
    between the two specs, and the word diff between the two documents."""

    label: str
    lines: Sequence[SummaryLine]
    diff: DocumentDiff


@dataclass(frozen=True)
class ReportInput:
    document: Document
    clauses: Sequence[ClauseText]
    options: Mapping[str, Any]
    chosen_clauses: Sequence[str] | None
    summaries: Summaries
    findings: Sequence[Finding]
    scorecard: Scorecard
    state: str
    state_entry: StateLawEntry | None
    draft_label: str  # "Draft r3, 2026-11-30"
    prepared_by: str = ""
    previous: Previous | None = None
    today: dt.date = field(default_factory=dt.date.today)
    edited: tuple[str, ...] = ()  # clauses whose words the draft changed


def staff_report(data: ReportInput) -> Report:
    """The report's parts, in the order a council reads them."""
    parts = [
        Part(PARTS[0], tuple(_what_it_does(data))),
        Part(PARTS[1], tuple(_options(data))),
        Part(PARTS[2], tuple(_section_1373(data))),
        Part(PARTS[3], tuple(_state_law(data))),
        Part(PARTS[4], tuple(_scorecard(data.scorecard))),
        Part(PARTS[5], tuple(_changes(data.previous))),
    ]
    lines = [data.document.locality, data.draft_label]
    if data.prepared_by:
        lines.append(f"Prepared by {data.prepared_by}")
    lines.append(f"Report date {data.today.isoformat()}. {COUNSEL}")
    return Report(
        title=f"{HEADING}: {data.document.title}",
        lines=tuple(line for line in lines if line),
        parts=tuple(parts),
        footer=data.draft_label,
    )


def _what_it_does(data: ReportInput) -> list[Para]:
    summaries = document_summaries(
        data.document, data.clauses, data.options, data.summaries, "en", edited=data.edited
    )
    out = [
        Para(
            "A plain-language summary of each part of the ordinance, with the options this "
            "draft chose. The ordinance text governs; these summaries have no legal effect."
        )
    ]
    for item in summaries:
        lead = f"{item.section or item.title}: "
        out.append(Para(item.text, "item", lead))
    return out


def _choice_guidance(option, value: Any) -> tuple[str, str]:
    """The guidance and source for the value chosen (a choice's own, else the option's)."""
    values = value if isinstance(value, list | tuple) else [value]
    notes = [option.choice(str(v)) for v in values if option.choice(str(v)) is not None]
    guidance = " ".join(c.guidance for c in notes if c.guidance) or option.guidance
    source = "; ".join(c.source for c in notes if c.source) or option.source
    return " ".join(guidance.split()), " ".join(source.split())


def _options(data: ReportInput) -> list[Para]:
    included = included_slugs(data.clauses, data.chosen_clauses)
    values = effective_options(data.clauses, data.options)
    out = []
    for clause in data.clauses:
        if clause.slug not in included:
            continue
        for option in clause.options:
            if not option.applies(values):
                continue
            value = values[option.key]
            guidance, source = _choice_guidance(option, value)
            if option.type == "number" and isinstance(value, int):
                text = f"{value:,}"
            else:
                text = option.label_of(value)
            if guidance:
                text += f". {guidance}"
            if source:
                text += f" (Source: {source})"
            out.append(Para(text, "item", f"{option.name}: "))
    if not out:
        out.append(Para("The included clauses offer no options."))
    return out


def _where(finding: Finding) -> str:
    return f" — {finding.section}" if finding.section else ""


def _section_1373(data: ReportInput) -> list[Para]:
    findings = [f for f in data.findings if f.rule.startswith("1373-")]
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    if errors:
        status = f"{len(errors)} error(s): a provision restricts what § 1373 protects."
    elif warnings:
        status = f"No errors; {len(warnings)} warning(s) to review."
    else:
        status = "No errors or warnings."
    out = [Para(status, "p", "Status: ")]
    for finding in [*errors, *warnings, *[f for f in findings if f.severity == "info"]]:
        limb = f" [{finding.limb}]" if finding.limb else ""
        out.append(
            Para(
                f"{finding.message}{_where(finding)}{limb}", "item", f"{finding.severity.title()}: "
            )
        )
    out.append(
        Para(
            f"Authority: {SECTION_1373}. Checked by the app's lint on "
            f"{data.today.isoformat()}. {COUNSEL}",
            "note",
        )
    )
    return out


def _state_law(data: ReportInput) -> list[Para]:
    entry = data.state_entry
    if entry is None:
        return [
            Para(
                f"No state-law entry in the library matches “{data.state}”. {COUNSEL}",
            )
        ]
    out = [Para(entry.headline()), Para(" ".join(entry.summary.split()))]
    for law in entry.laws:
        out.append(Para(f"{law.citation} ({law.url})", "item"))
    for finding in data.findings:
        if finding.rule.startswith("state-") and finding.rule != f"state-{entry.postal.lower()}":
            out.append(
                Para(f"{finding.message}{_where(finding)}", "item", f"{finding.severity.title()}: ")
            )
    out.append(
        Para(
            f"State law as of {entry.as_of.isoformat()}, recorded {entry.recorded.isoformat()} "
            f"in the library's state-law table. {COUNSEL}",
            "note",
        )
    )
    return out


def _scorecard(card: Scorecard) -> list[Para | Table]:
    rows = tuple(
        (
            c.label,
            STATUS_NAMES[c.status],
            f"{c.points} of {c.max_points}",
            " ".join(c.note.split()),
            c.section or "—",
        )
        for c in card.criteria
    )
    return [
        Para(f"{card.score} of {card.max_score} points.", "p", "Score: "),
        Table(("Criterion", "Status", "Points", "Note", "Where"), rows),
        Para(
            "Criteria from CPD (2017), “Policies to Reduce Criminal Justice System "
            "Entanglement”, and the Local Progress checklist; met scores 2, partly met 1, "
            "times the criterion's weight.",
            "note",
        ),
    ]


def _changes(previous: Previous | None) -> list[Para]:
    if previous is None:
        return [Para("This is the first reading: there is no previous reading to compare.")]
    out = [Para(f"Compared with the previous reading, {previous.label}.")]
    if previous.lines:
        out.extend(Para(line.text, "item") for line in previous.lines)
    else:
        out.append(Para("No option, clause or locality changed.", "item"))
    found = counts(previous.diff)
    listed = changes(previous.diff)
    out.append(
        Para(
            f"{len(listed)} change(s) in the text: {found['insertions']} insertion(s) and "
            f"{found['deletions']} deletion(s) of words; the redline in the council packet "
            "shows each one.",
        )
    )
    for change in listed[:LISTED_CHANGES]:
        out.append(Para(_change_words(change), "item", f"{change.where or change.section}: "))
    if len(listed) > LISTED_CHANGES:
        out.append(Para(f"… and {len(listed) - LISTED_CHANGES} more (see the redline).", "item"))
    return out


LISTED_CHANGES = 40


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _change_words(change) -> str:
    """ "“on a quarterly basis” → “every six months”", "added: “...”", "removed: “...”"."""
    if change.deleted and change.inserted:
        return f"“{_short(change.deleted)}” → “{_short(change.inserted)}”"
    if change.inserted:
        return f"added: “{_short(change.inserted)}”"
    if change.deleted:
        return f"removed: “{_short(change.deleted)}”"
    return "moved" if change.kind == "section-moved" else "changed"
