"""Sign-in with throttling, and the account URLs the app offers.

After `MAX_FAILURES` failed sign-ins for one username from one address within
`WINDOW_SECONDS`, further attempts for that pair are refused, right password or
not, until the oldest failure leaves the window. Failures are counted in
Django's cache: with several server processes, configure a shared cache
(`CACHE_URL=db`) so they count together.

Password reset is left out on purpose: it needs outgoing mail, which this
deployment does not configure; an administrator resets passwords.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import path

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


def _key(username: str, address: str) -> str:
    digest = hashlib.sha256(f"{username.strip().lower()}\0{address}".encode()).hexdigest()
    return f"login-failures:{digest}"


def _recent(key: str, now: float) -> list[float]:
    return [t for t in cache.get(key, []) if t > now - WINDOW_SECONDS]


def wait_seconds(username: str, address: str, *, now: float | None = None) -> int:
    """Seconds until `username` may try again from `address`; 0 when not locked out."""
    now = time.time() if now is None else now
    recent = _recent(_key(username, address), now)
    if len(recent) < MAX_FAILURES:
        return 0
    return max(1, math.ceil(min(recent) + WINDOW_SECONDS - now))


def record_failure(username: str, address: str, *, now: float | None = None) -> None:
    now = time.time() if now is None else now
    key = _key(username, address)
    cache.set(key, [*_recent(key, now), now], timeout=WINDOW_SECONDS)


def clear_failures(username: str, address: str) -> None:
    cache.delete(_key(username, address))


def too_many_attempts_message(seconds: int) -> str:
    minutes = math.ceil(seconds / 60)
    unit = "minute" if minutes == 1 else "minutes"
    return f"Too many failed sign-in attempts. Try again in {minutes} {unit}."


class ThrottledLoginView(auth_views.LoginView):
    """Django's sign-in, refusing a username and address pair after repeated failures."""

    def _pair(self) -> tuple[str, str]:
        return self.request.POST.get("username", ""), self.request.META.get("REMOTE_ADDR", "")

    def post(self, request, *args, **kwargs) -> HttpResponse:
        seconds = wait_seconds(*self._pair())
        if seconds:
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
