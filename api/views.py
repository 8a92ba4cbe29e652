"""The REST API: a thin layer over the same services, access rules and renderers as the
pages. Every lookup goes through `organisation_for` and `get_*_for_member`, so another
office's draft is a 404 here exactly as on the pages."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from drafting.diff import changes, counts
from drafting.lint import lint
from drafting.parse import parse_text
from drafting.parse.akn import parse_akn
from drafting.render.akn import AknMeta, render_akn
from drafting.render.docx import ExportMeta, render_docx
from drafting.render.html import render_html
from drafting.render.redline_docx import render_redline_docx
from drafting.render.text import render_text
from drafting.spec import parse_spec
from exports import jobs
from exports import services as exports
from ordinances import audit, services
from ordinances.access import get_draft_for_member, get_revision_for_member, organisation_for
from ordinances.comparison import MODEL, compare
from ordinances.documents import document_for, document_for_spec
from organisations.models import display_name

FORMATS = {
    "html": "text/html; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "docx": exports.DOCX_TYPE,
    "pdf": exports.PDF_TYPE,
    "akn": exports.AKN_TYPE,
}
FILE_RESPONSES = {
    (200, media.split(";")[0]): OpenApiTypes.BINARY if fmt in ("docx", "pdf") else OpenApiTypes.STR
    for fmt, media in FORMATS.items()
}
ERRORS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description="The input cannot be used."),
    404: OpenApiResponse(OpenApiTypes.OBJECT, description="No such draft in your office."),
}
FORMAT_PARAMETER = OpenApiParameter(
    "fmt", str, OpenApiParameter.PATH, enum=list(FORMATS), description="The file format."
)


def _file(data: bytes | str, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _rendered(document, fmt: str, *, meta: ExportMeta, akn: AknMeta) -> bytes | str:
    if fmt == "html":
        return render_html(document)
    if fmt == "txt":
        return render_text(document)
    if fmt == "docx":
        return render_docx(document, meta)
    return render_akn(document, akn)  # the PDF is a job: SpecRender


JOB_RETRY_SECONDS = 2


def _pending(request, state: str) -> Response:
    """A file not made yet: its job was queued (with a broker; see Deploying). 202 with
    `Retry-After` and `Location` (the same URL: ask again to get the file); 503 when the
    job failed (asking again queues it again)."""
    failed = state == "failed"
    response = Response(
        {
            "state": state,
            "detail": "Rendering failed; ask again to queue it again."
            if failed
            else "The file is being made; ask the same URL again after Retry-After seconds"
            + (" (POST the same body)." if request.method == "POST" else "."),
        },
        status=status.HTTP_503_SERVICE_UNAVAILABLE if failed else status.HTTP_202_ACCEPTED,
    )
    response["Retry-After"] = str(JOB_RETRY_SECONDS)
    response["Location"] = request.get_full_path()
    return response


PENDING = {
    202: OpenApiResponse(
        OpenApiTypes.OBJECT,
        description="With a job queue configured, a PDF not made yet is queued: ask the "
        "`Location` again after `Retry-After` seconds.",
    ),
    503: OpenApiResponse(
        OpenApiTypes.OBJECT, description="The queued job failed; asking again queues it again."
    ),
}


def _findings(document, state: str | None) -> list[dict]:
    return [finding.to_dict() for finding in lint(document, state=state or None)]


# -- drafts and revisions ------------------------------------------------------------------


@extend_schema(tags=["drafts"])
class DraftList(generics.ListAPIView):
    """The drafts of your office, newest first."""

    serializer_class = s.DraftSerializer

    def get_queryset(self):
        return organisation_for(self.request).drafts.order_by("-created_at", "-pk")


@extend_schema(tags=["drafts"], responses={200: s.DraftSerializer, 404: ERRORS[404]})
class DraftDetail(APIView):
    """One draft of your office."""

    def get(self, request, pk: int):
        return Response(s.DraftSerializer(get_draft_for_member(request, pk)).data)


@extend_schema(tags=["revisions"])
class RevisionList(APIView):
    @extend_schema(
        summary="The revisions of a draft, oldest first",
        responses={200: s.RevisionSummarySerializer(many=True), 404: ERRORS[404]},
    )
    def get(self, request, pk: int):
        draft = get_draft_for_member(request, pk)
        revisions = draft.revisions.select_related("author").order_by("number")
        return Response(s.RevisionSummarySerializer(revisions, many=True).data)

    @extend_schema(
        summary="Save a new revision from a spec",
        request=s.RevisionCreateSerializer,
        responses={
            201: s.RevisionSerializer,
            409: OpenApiResponse(OpenApiTypes.OBJECT, description="A newer revision exists."),
            **ERRORS,
        },
    )
    def post(self, request, pk: int):
        draft = get_draft_for_member(request, pk)
        data = _valid(s.RevisionCreateSerializer, request)
        spec = parse_spec(data["spec"])
        latest = draft.latest_revision()
        base = data.get("base", latest.number if latest else 0)
        revision = services.revision_create(
            draft=draft, spec=spec, author=request.user, base=base, message=data["message"]
        )
        return Response(s.RevisionSerializer(revision).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["revisions"], responses={200: s.RevisionSerializer, 404: ERRORS[404]})
class RevisionDetail(APIView):
    """One revision: its spec, pinned clause versions and lint counts."""

    def get(self, request, pk: int, number: int):
        return Response(s.RevisionSerializer(get_revision_for_member(request, pk, number)).data)


class RevisionRender(APIView):
    throttle_scope = "render"

    @extend_schema(
        tags=["render"],
        summary="A revision as HTML, text, .docx, PDF or Akoma Ntoso",
        parameters=[FORMAT_PARAMETER],
        responses={
            **FILE_RESPONSES,
            409: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="§ 1373 errors block the file until someone chooses “export "
                "anyway” on the revision page.",
            ),
            **PENDING,
            404: ERRORS[404],
        },
    )
    def get(self, request, pk: int, number: int, fmt: str):
        revision = get_revision_for_member(request, pk, number)
        if fmt in ("html", "txt"):
            document = document_for(revision)
            text = render_html(document) if fmt == "html" else render_text(document)
            return _file(text, fmt, f"r{revision.number}.{fmt}")
        blocking = exports.needs_override(revision)
        if blocking:
            return Response(
                {
                    "detail": "§ 1373 errors block this export; choose “export anyway” on the "
                    "revision page to record the decision.",
                    "findings": [finding.to_dict() for finding in blocking],
                },
                status=status.HTTP_409_CONFLICT,
            )
        kind = exports.KINDS[fmt]
        data = exports.export_or_job(revision, kind)
        if isinstance(data, str):
            return _pending(request, data)
        audit.record(user=request.user, action=audit.Action.EXPORTED, revision=revision, kind=fmt)
        return _file(data, fmt, exports.export_filename(revision, kind))


@extend_schema(
    tags=["lint"],
    summary="The lint findings of a revision (as `manage.py lint --format json`)",
    responses={200: s.FindingSerializer(many=True), 404: ERRORS[404]},
)
class RevisionLint(APIView):
    throttle_scope = "render"

    def get(self, request, pk: int, number: int):
        revision = get_revision_for_member(request, pk, number)
        state = revision.draft_spec().locality.state
        return Response(_findings(document_for(revision), state))


AGAINST = OpenApiParameter(
    "against",
    str,
    OpenApiParameter.QUERY,
    required=False,
    description='The other revision\'s number, or "model" (default: the previous revision, '
    "or the model for a first revision).",
)


def _comparison(request, pk, number):
    pk, number = int(pk), int(number)  # the redline's route is a regex (strings)
    revision = get_revision_for_member(request, pk, number)
    against = request.query_params.get("against", "")
    if against == MODEL:
        old = MODEL
    elif against:
        if not against.isdigit():
            raise s.serializers.ValidationError({"against": 'A revision number or "model".'})
        old = f"{pk}.{int(against)}"
    else:
        old = f"{pk}.{number - 1}" if number > 1 else MODEL
    return compare(organisation_for(request), old, f"{pk}.{revision.number}")


class RevisionCompare(APIView):
    throttle_scope = "render"

    @extend_schema(
        tags=["compare"],
        summary="What changed against another revision or the model: option summary and departures",
        parameters=[AGAINST],
        responses={200: s.ComparisonSerializer, **ERRORS},
    )
    def get(self, request, pk: int, number: int):
        comparison = _comparison(request, pk, number)
        return Response(
            {
                "old": comparison.old.label,
                "new": comparison.new.label,
                "summary": [
                    {"kind": x.kind, "key": x.key, "text": x.text, "old": x.old, "new": x.new}
                    for x in comparison.summary
                ],
                "changes": [
                    {
                        "kind": c.kind,
                        "section": c.section,
                        "where": c.where,
                        "deleted": c.deleted,
                        "inserted": c.inserted,
                    }
                    for c in changes(comparison.diff)
                ],
                "counts": dict(counts(comparison.diff)),
            }
        )


class RevisionRedline(APIView):
    throttle_scope = "render"

    @extend_schema(
        tags=["compare"],
        summary="The redline against another revision or the model (.docx or PDF)",
        parameters=[
            AGAINST,
            OpenApiParameter("fmt", str, OpenApiParameter.PATH, enum=["docx", "pdf"]),
        ],
        responses={
            (200, exports.DOCX_TYPE): OpenApiTypes.BINARY,
            (200, exports.PDF_TYPE): OpenApiTypes.BINARY,
            **PENDING,
            **ERRORS,
        },
    )
    def get(self, request, pk: int, number: int, fmt: str):
        comparison = _comparison(request, pk, number)
        new = comparison.new
        if fmt == "docx":
            meta = ExportMeta.for_document(
                new.document,
                author=organisation_for(request).name,
                revision=new.revision.number,
                revision_date=new.revision.created_at.date(),
            )
            author = display_name(request.user)
            data = render_redline_docx(comparison.diff, meta, author=author, date=timezone.now())
        else:
            payload = jobs.redline_payload(
                comparison.old.document,
                new.document,
                old_label=comparison.old.label,
                new_label=new.label,
                summary=comparison.summary,
            )
            data = exports.content_or_job(
                exports.content_key("redline-pdf", payload), "redline-pdf", payload
            )
            if isinstance(data, str):
                return _pending(request, data)
        return _file(data, fmt, f"redline-r{new.revision.number}.{fmt}")


# -- unsaved specs and outside documents ------------------------------------------------------


class SpecRender(APIView):
    throttle_scope = "render"

    @extend_schema(
        tags=["render"],
        summary="Assemble a spec (not saved) and render it",
        parameters=[FORMAT_PARAMETER],
        request=s.SpecSerializer,
        responses={**FILE_RESPONSES, **PENDING, **ERRORS},
    )
    def post(self, request, fmt: str):
        spec = parse_spec(_valid(s.SpecSerializer, request)["spec"])
        document = document_for_spec(spec, organisation=organisation_for(request))
        if fmt == "pdf":  # a job with a broker, keyed by what it is made from
            payload = jobs.payload(document, ExportMeta.for_document(document))
            pdf = exports.content_or_job(exports.content_key("pdf", payload), "pdf", payload)
            if isinstance(pdf, str):
                return _pending(request, pdf)
            return _file(pdf, fmt, "ordinance.pdf")
        data = _rendered(
            document,
            fmt,
            meta=ExportMeta.for_document(document),
            akn=AknMeta(date=dt.date.today(), state=spec.locality.state),
        )
        extension = "xml" if fmt == "akn" else fmt
        return _file(data, fmt, f"ordinance.{extension}")


class Lint(APIView):
    throttle_scope = "render"

    @extend_schema(
        tags=["lint"],
        summary="Lint a spec, an ordinance's text or an Akoma Ntoso act",
        request=s.LintRequestSerializer,
        responses={200: s.FindingSerializer(many=True), 400: ERRORS[400]},
    )
    def post(self, request):
        data = _valid(s.LintRequestSerializer, request)
        state = data.get("state")
        if "spec" in data:
            spec = parse_spec(data["spec"])
            document = document_for_spec(spec, organisation=organisation_for(request))
            state = state or spec.locality.state
        elif "akn" in data:
            document = parse_akn(data["akn"].encode("utf-8"))
        else:
            document = parse_text(data["text"])
        return Response(_findings(document, state))


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
