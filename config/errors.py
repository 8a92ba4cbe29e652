"""Error pages that say what happened in words a user can act on."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.views import defaults


def _megabytes(count: int) -> str:
    return f"{count / 1048576:.1f}".removesuffix(".0")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400, except a form too large to read: 413 with the limit and what to do instead.

    Django refuses a form over DATA_UPLOAD_MAX_MEMORY_SIZE when it is first read
    (often by the CSRF check, before any view), so the view cannot say it itself.
    """
    if isinstance(exception, RequestDataTooBig):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        size = f"The form is {_megabytes(length)} MB; " if length else "The form is too large; "
        return HttpResponse(
            f"{size}pasted text can be at most "
            f"{_megabytes(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)} MB. Go back and check the "
            "text in parts, or upload it as a Word file (.docx).\n",
            status=413,
            content_type="text/plain; charset=utf-8",
        )
    if isinstance(exception, TooManyFieldsSent):
        return HttpResponse(
            "The form has too many fields to read. Go back and send it again.\n",
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    return defaults.bad_request(request, exception)
