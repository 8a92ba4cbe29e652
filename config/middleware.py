"""Security headers the framework does not set itself."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers

from common.errors import NotFound
from drafting.parse import MAX_UPLOAD_BYTES

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (no inline script or style) and a referrer policy.

    The admin is left without the CSP: it is Django's, for site administrators,
    and relies on inline behaviour.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if settings.DEBUG is False:
            response.headers.setdefault("Permissions-Policy", "camera=(), microphone=()")
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than any form needs, before anything reads it.

    Django would otherwise stream a huge upload to a temporary file (the CSRF
    check alone reads the form) before a view could look at its size. The
    limit is the largest upload (a .docx to check) plus room for the form.
    """

    limit = MAX_UPLOAD_BYTES + 1024 * 1024

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > self.limit and request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "detail": f"The request is {length / 1048576:.1f} MB; the API accepts at most "
                    f"{self.limit // 1048576} MB."
                },
                status=413,
            )
        if length > self.limit:
            return HttpResponse(
                f"The request is {length / 1048576:.1f} MB; the limit is "
                f"{MAX_UPLOAD_BYTES // 1048576} MB for a file. Go back and choose a smaller "
                "file, or paste the text instead.\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user.

    Drafts, downloads and the library editor are an office's confidential work:
    no browser cache on a shared office computer and no proxy may keep a copy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response


class DomainErrorsMiddleware:
    """Domain errors raised under a view become the responses they mean (NotFound: 404)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, NotFound):
            raise Http404(str(exception)) from exception
        return None
