"""The council packet and the staff report: inputs from a revision or a spec file.

The web process (or `manage.py packet`) builds what is cheap and needs the
database or the templates: the lint, the scorecard, the staff report's HTML,
the compliance report's HTML, the documents. `render_packet` (run by a Celery
worker, or in-process without a broker) prints the four parts with the pure
renderers and joins them with a bookmark per part (`drafting.render.packet`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.template.loader import render_to_string

from clauses.state_law import federal_context, lint_state, state_law_for
from clauses.summaries import current_summaries
from drafting.diff import diff_documents
from drafting.document import Document
from drafting.library import ClauseText
from drafting.lint import lint, scorecard
from drafting.option_summary import option_summary
from drafting.render.docx import ExportMeta
from drafting.render.packet import COMPLIANCE, ORDINANCE, REDLINE, STAFF_REPORT, join_parts
from drafting.render.pdf import render_pdf
from drafting.render.redline_pdf import render_redline_pdf
from drafting.render.staff_report import (
    render_staff_report_docx,
    staff_report_html,
)
from drafting.spec import DraftSpec
from drafting.staff_report import Previous, Report, ReportInput, staff_report
from exports import jobs


@dataclass(frozen=True)
class Reading:
    """One reading of a draft: a saved revision or a spec file."""

    document: Document
    clauses: Sequence[ClauseText]
    spec: DraftSpec
    label: str  # "r3" or the spec file's name
    date: dt.date | None = None

    @property
    def long_label(self) -> str:
        """ "r3, saved 2026-11-30" (the label alone without a date)."""
        return f"{self.label}, saved {self.date.isoformat()}" if self.date else self.label


def reading_for_revision(revision) -> Reading:
    from ordinances.documents import clauses_for, document_for

    return Reading(
        document=document_for(revision),
        clauses=clauses_for(revision),
        spec=revision.draft_spec(),
        label=f"r{revision.number}",
        date=revision.created_at.date(),
    )


def edited_clauses(spec: DraftSpec) -> tuple[str, ...]:
    """The clauses whose words the draft changed (its summaries describe the library text)."""
    return tuple(dict.fromkeys(edit.clause for edit in spec.words.edits))


def report_for(
    current: Reading,
    previous: Reading | None,
    *,
    draft_label: str,
    prepared_by: str = "",
    today: dt.date | None = None,
) -> tuple[Report, dict[str, Any]]:
    """The staff report, and the context the compliance report is printed from."""
    state = current.spec.locality.state
    findings = lint(current.document, state=lint_state(state))
    card = scorecard(current.document)
    before = None
    if previous is not None:
        before = Previous(
            label=previous.long_label,
            lines=option_summary(previous.clauses, previous.spec, current.clauses, current.spec),
            diff=diff_documents(previous.document, current.document),
        )
    today = today or dt.date.today()
    report = staff_report(
        ReportInput(
            document=current.document,
            clauses=current.clauses,
            options=current.spec.options,
            chosen_clauses=current.spec.clauses,
            summaries=current_summaries(),
            findings=findings,
            scorecard=card,
            state=state,
            state_entry=state_law_for(state),
            draft_label=draft_label,
            prepared_by=prepared_by,
            previous=before,
            today=today,
            edited=edited_clauses(current.spec),
        )
    )
    compliance = {
        "title": current.document.title,
        "draft_label": draft_label,
        "prepared_by": prepared_by,
        "today": today,
        "findings": findings,
        "scorecard": card,
        "state_entry": state_law_for(state),
        "federal": federal_context(),
    }
    return report, compliance


def packet_payload(
    current: Reading,
    previous: Reading | None,
    meta: ExportMeta,
    *,
    prepared_by: str = "",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """JSON-ready data for `render_packet` (a worker needs no database)."""
    report, compliance = report_for(
        current, previous, draft_label=meta.revision_label, prepared_by=prepared_by, today=today
    )
    summary = []
    if previous is not None:
        summary = [
            line.text
            for line in option_summary(
                previous.clauses, previous.spec, current.clauses, current.spec
            )
        ]
    return {
        "staff_html": staff_report_html(report),
        "compliance_html": render_to_string("exports/compliance_packet.html", compliance),
        "document": jobs.document_data(current.document),
        "meta": jobs.meta_data(replace(meta, line_numbers=True)),
        "previous": jobs.document_data(previous.document) if previous else None,
        "labels": [previous.label if previous else "", current.label],
        "summary": summary,
    }


def render_packet(data: dict[str, Any]) -> bytes:
    """The packet's PDF: staff report, ordinance with line numbers, redline against the
    previous reading (when there is one), compliance report; a bookmark per part."""
    import weasyprint

    from drafting.render.staff_report import CSS

    document = jobs.document_from_data(data["document"])
    meta = jobs.meta_from_data(data["meta"])
    staff = weasyprint.HTML(string=data["staff_html"]).write_pdf(
        stylesheets=[weasyprint.CSS(string=CSS)], pdf_tags=True
    )
    parts = [(STAFF_REPORT, staff), (ORDINANCE, render_pdf(document, meta))]
    if data["previous"] is not None:
        old, new = data["labels"]
        diff = diff_documents(jobs.document_from_data(data["previous"]), document)
        parts.append(
            (
                REDLINE,
                render_redline_pdf(diff, old_label=old, new_label=new, summary=data["summary"]),
            )
        )
    compliance = weasyprint.HTML(string=data["compliance_html"]).write_pdf(pdf_tags=True)
    parts.append((COMPLIANCE, compliance))
    packet, _placed = join_parts(
        parts, title=f"Council packet: {meta.title}", author=meta.author_name
    )
    return packet


def staff_report_docx(
    current: Reading,
    previous: Reading | None,
    meta: ExportMeta,
    *,
    prepared_by: str = "",
    today: dt.date | None = None,
) -> bytes:
    report, _ = report_for(
        current, previous, draft_label=meta.revision_label, prepared_by=prepared_by, today=today
    )
    return render_staff_report_docx(report, meta)


# -- a saved revision's packet ---------------------------------------------------


def previous_revision(revision, number: str | None = None):
    """The previous reading: revision `number` of the same draft when given (and
    earlier), else the newest revision before this one; None when there is none
    or `number` is "0" (no redline)."""
    earlier = revision.draft.revisions.filter(number__lt=revision.number)
    if number is not None:
        if not number.isdigit() or number == "0":
            return None
        return earlier.filter(number=int(number)).first()
    return earlier.order_by("-number").first()


def packet_key(revision, previous) -> str:
    from ordinances.documents import revision_key

    before = revision_key(previous) if previous is not None else "-"
    return f"export:v1:{revision_key(revision)}:packet:{before}"


def revision_packet_payload(revision, previous) -> dict[str, Any]:
    from exports.services import export_meta

    meta = export_meta(revision, line_numbers=True)
    return packet_payload(
        reading_for_revision(revision),
        reading_for_revision(previous) if previous is not None else None,
        meta,
        prepared_by=meta.author,  # the author's name and the office
        today=revision.created_at.date(),
    )


def packet_bytes(revision, previous) -> bytes:
    """The packet, rendered in this process unless cached."""
    from django.core.cache import cache

    key = packet_key(revision, previous)
    data = cache.get(key)
    if data is None:
        data = render_packet(revision_packet_payload(revision, previous))
        cache.set(key, data, timeout=None)
    return data


def packet_job(revision, previous) -> str:
    """Queue the packet as a Celery job (like the PDF); its state (`start_job`)."""
    from exports.services import start_job
    from exports.tasks import render_packet as task

    key = packet_key(revision, previous)

    def start(task_id: str) -> None:
        task.apply_async(args=(key, revision_packet_payload(revision, previous)), task_id=task_id)

    return start_job(key, start)


def revision_staff_report_docx(revision, previous) -> bytes:
    from exports.services import export_meta

    meta = export_meta(revision)
    return staff_report_docx(
        reading_for_revision(revision),
        reading_for_revision(previous) if previous is not None else None,
        meta,
        prepared_by=meta.author,
        today=revision.created_at.date(),
    )
