"""Every API error is a 4xx with a JSON body: `{"detail": "...", ...}`.

DRF's own errors (validation, authentication, throttling, 404) are JSON already;
the domain errors the services raise are mapped here, once, to the status they
mean, so a view never turns them into a 500.
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from common.errors import NotFound, SetupNeeded
from drafting.parse import UploadError
from drafting.spec import SpecError
from ordinances.services import StaleRevisionError


def api_exception_handler(exc, context):
    response = exception_handler(exc, context)
    if response is not None:
        return response
    if isinstance(exc, SpecError):
        body = {"detail": "The spec cannot be assembled."}
        problems = getattr(exc, "problems", None)
        body["problems"] = problems or {"spec": str(exc)}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, UploadError):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, NotFound):
        return Response({"detail": str(exc)}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, StaleRevisionError):
        return Response({"detail": str(exc), "latest": exc.latest}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, SetupNeeded):
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, RequestDataTooBig):
        return Response(
            {"detail": "The request body is larger than the API accepts."},
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    return None


@csrf_exempt  # a 404 whatever the method; nothing is changed
def not_found(request, *args, **kwargs):
    """Any other path under /api/: a JSON 404 rather than the site's HTML page."""
    return JsonResponse({"detail": "No such API endpoint."}, status=404)
