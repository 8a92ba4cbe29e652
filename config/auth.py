"""Sign-in with throttling, and the account URLs the app offers.

Failures are counted per username, normalised (NFKC, then casefold: "Dana",
"ＤＡＮＡ" and "dana" share one counter). After `MAX_FAILURES` failed sign-ins
for one username from one address within `WINDOW_SECONDS`, further attempts
for that pair are refused, right password or not, until the oldest failure
leaves the window; after `MAX_FAILURES_ANY_ADDRESS` failures from any
addresses, the username is refused from every address likewise (an attacker
with many addresses). The site's own sign-in and the admin's are throttled
alike. Failures are counted in Django's cache, which production requires to be
shared by every process (config/settings.py), and logged (logger "config.auth").

Password reset is left out on purpose: it needs outgoing mail, which this
deployment does not configure; an administrator resets passwords.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
import unicodedata

from django.contrib import admin, messages
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import path

MAX_FAILURES = 5
MAX_FAILURES_ANY_ADDRESS = 20
WINDOW_SECONDS = 15 * 60

logger = logging.getLogger(__name__)


def normalise_username(username: str) -> str:
    """The form of a username that throttling counts: NFKC, casefolded, trimmed.

    >>> normalise_username(" ＤＡＮＡ ") == normalise_username("dana")
    True
    """
    return unicodedata.normalize("NFKC", username).casefold().strip()


def _keys(username: str, address: str) -> tuple[str, str]:
    """Cache keys: (this username from this address, this username from anywhere)."""
    name = normalise_username(username)
    pair = hashlib.sha256(f"{name}\0{address}".encode()).hexdigest()
    anywhere = hashlib.sha256(name.encode()).hexdigest()
    return f"login-failures:{pair}", f"login-failures-any:{anywhere}"


def _recent(key: str, now: float) -> list[float]:
    return [t for t in cache.get(key, []) if t > now - WINDOW_SECONDS]


def _wait(recent: list[float], limit: int, now: float) -> int:
    if len(recent) < limit:
        return 0
    newest_that_counts = sorted(recent)[-limit]
    return max(1, math.ceil(newest_that_counts + WINDOW_SECONDS - now))


def wait_seconds(username: str, address: str, *, now: float | None = None) -> int:
    """Seconds until `username` may try again from `address`; 0 when not locked out."""
    now = time.time() if now is None else now
    pair, anywhere = _keys(username, address)
    return max(
        _wait(_recent(pair, now), MAX_FAILURES, now),
        _wait(_recent(anywhere, now), MAX_FAILURES_ANY_ADDRESS, now),
    )


def record_failure(username: str, address: str, *, now: float | None = None) -> None:
    now = time.time() if now is None else now
    for key in _keys(username, address):
        cache.set(key, [*_recent(key, now), now][-MAX_FAILURES_ANY_ADDRESS:], WINDOW_SECONDS)
    logger.warning("Failed sign-in for %r from %s", normalise_username(username)[:150], address)


def clear_failures(username: str, address: str) -> None:
    """A successful sign-in forgets this address's failures (not the other addresses')."""
    cache.delete(_keys(username, address)[0])


def too_many_attempts_message(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many failed sign-in attempts. Try again in {minutes} {unit}."


def _pair(request: HttpRequest) -> tuple[str, str]:
    return request.POST.get("username", ""), request.META.get("REMOTE_ADDR", "")


def _refused(request: HttpRequest, seconds: int) -> None:
    logger.warning(
        "Sign-in refused (throttled) for %r from %s",
        normalise_username(_pair(request)[0])[:150],
        _pair(request)[1],
    )


class ThrottledLoginView(auth_views.LoginView):
    """Django's sign-in, refusing a username and address pair after repeated failures."""

    def _pair(self) -> tuple[str, str]:
        return _pair(self.request)

    def post(self, request, *args, **kwargs) -> HttpResponse:
        seconds = wait_seconds(*self._pair())
        if seconds:
            _refused(request, seconds)
            messages.error(request, too_many_attempts_message(seconds))
            response = self.render_to_response(self.get_context_data(form=self.form_class()))
            response.status_code = 429
            response["Retry-After"] = str(seconds)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form) -> HttpResponse:
        username, address = self._pair()
        if username:
            record_failure(username, address)
            seconds = wait_seconds(username, address)
            if seconds:
                messages.error(self.request, too_many_attempts_message(seconds))
        return super().form_invalid(form)

    def form_valid(self, form) -> HttpResponse:
        clear_failures(*self._pair())
        return super().form_valid(form)


def admin_login(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in, throttled as the site's is (the same counters)."""
    if request.method != "POST":
        return admin.site.login(request)
    username, address = _pair(request)
    seconds = wait_seconds(username, address)
    if seconds:
        _refused(request, seconds)
        response = HttpResponse(
            f"{too_many_attempts_message(seconds)}\n",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(seconds)
        return response
    response = admin.site.login(request)
    if request.user.is_authenticated and request.user.is_staff:
        clear_failures(username, address)
    elif username and response.status_code == 200:
        record_failure(username, address)
    return response


urlpatterns = [
    path("login/", ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
