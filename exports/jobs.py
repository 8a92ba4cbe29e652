"""What an export job carries to a Celery worker, and how the worker renders it.

The web process builds the document (ordinances.documents, cached) and sends it
with the export's metadata as plain JSON data; the worker renders it with the
same pure renderers and never touches the database. `render_payload` is the one
function both the web process (no broker) and the worker call, so both give
the same bytes. A redline or blueline PDF carries the two documents it compares
(`redline_payload`); the worker diffs them as the compare page did.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from drafting.annotations import Annotation
from drafting.diff import diff_documents
from drafting.document import Block, Document, Run, Section
from drafting.render.docx import ExportMeta, render_docx
from drafting.render.pdf import render_pdf
from drafting.render.redline_pdf import render_redline_pdf
from drafting.threads import AnchoredThread, Remark

REDLINE_KINDS = ("redline-pdf", "blueline-pdf")
# A page printed as a PDF (its HTML is the payload): the compliance report, the public
# summary.
PAGE_PDF_KINDS = ("compliance-pdf", "summary-pdf")


def render_kind(
    kind: str,
    document: Document,
    meta: ExportMeta,
    annotations: Sequence[Annotation] = (),
    threads: Sequence[AnchoredThread] = (),
) -> bytes:
    """The bytes of one export kind ("docx", "pdf", "annotated")."""
    if kind == "pdf":
        return render_pdf(document, meta)
    return render_docx(document, meta, annotations=annotations, threads=threads)


def document_data(document: Document) -> dict[str, Any]:
    return dataclasses.asdict(document)


def document_from_data(data: dict[str, Any]) -> Document:
    sections = tuple(
        Section(
            **{
                **section,
                "blocks": tuple(
                    Block(**{**block, "runs": tuple(Run(**run) for run in block["runs"])})
                    for block in section["blocks"]
                ),
            }
        )
        for section in data["sections"]
    )
    return Document(**{**data, "sections": sections})


def meta_data(meta: ExportMeta) -> dict[str, Any]:
    data = dataclasses.asdict(meta)
    data["revision_date"] = meta.revision_date.isoformat() if meta.revision_date else None
    return data


def meta_from_data(data: dict[str, Any]) -> ExportMeta:
    date = data["revision_date"]
    return ExportMeta(**{**data, "revision_date": dt.date.fromisoformat(date) if date else None})


def _remark_data(remark: Remark) -> dict[str, Any]:
    return {**dataclasses.asdict(remark), "date": remark.date.isoformat() if remark.date else None}


def _thread_data(thread: AnchoredThread) -> dict[str, Any]:
    return {**dataclasses.asdict(thread), "remarks": [_remark_data(r) for r in thread.remarks]}


def _thread_from_data(data: dict[str, Any]) -> AnchoredThread:
    remarks = tuple(
        Remark(**{**r, "date": dt.datetime.fromisoformat(r["date"]) if r["date"] else None})
        for r in data["remarks"]
    )
    return AnchoredThread(**{**data, "remarks": remarks})


def payload(
    document: Document,
    meta: ExportMeta,
    annotations: Sequence[Annotation] = (),
    threads: Sequence[AnchoredThread] = (),
) -> dict[str, Any]:
    """JSON-ready data for a worker: the document, the metadata, any annotations and
    comment threads."""
    return {
        "document": document_data(document),
        "meta": meta_data(meta),
        "annotations": [dataclasses.asdict(a) for a in annotations],
        "threads": [_thread_data(t) for t in threads],
    }


def redline_payload(
    old: Document, new: Document, *, old_label: str, new_label: str, summary: Sequence[object]
) -> dict[str, Any]:
    """JSON-ready data for a redline PDF: both documents, their labels, the option summary."""
    return {
        "old": document_data(old),
        "new": document_data(new),
        "old_label": old_label,
        "new_label": new_label,
        "summary": [str(getattr(line, "text", line)) for line in summary],
    }


def render_redline_payload(kind: str, data: dict[str, Any]) -> bytes:
    """The redline ("redline-pdf") or blueline ("blueline-pdf") PDF of `redline_payload`."""
    diff = diff_documents(document_from_data(data["old"]), document_from_data(data["new"]))
    return render_redline_pdf(
        diff,
        old_label=data["old_label"],
        new_label=data["new_label"],
        summary=data["summary"],
        blueline=kind == "blueline-pdf",
    )


def page_pdf_payload(html: str, *, tagged: bool) -> dict[str, Any]:
    """JSON-ready data for a page printed as a PDF: its HTML (static files referenced by
    URL are not fetched) and whether the PDF is tagged."""
    return {"html": html, "tagged": tagged}


def render_page_pdf(data: dict[str, Any]) -> bytes:
    import weasyprint

    return weasyprint.HTML(string=data["html"]).write_pdf(pdf_tags=data["tagged"]) or b""


def render_payload(kind: str, data: dict[str, Any]) -> bytes:
    if kind in REDLINE_KINDS:
        return render_redline_payload(kind, data)
    if kind in PAGE_PDF_KINDS:
        return render_page_pdf(data)
    return render_kind(
        kind,
        document_from_data(data["document"]),
        meta_from_data(data["meta"]),
        [Annotation(**a) for a in data["annotations"]],
        [_thread_from_data(t) for t in data.get("threads", [])],
    )
