"""Rate limits, read from `settings.API_RATES` when a request comes (so deployments and
tests set them without re-importing DRF)."""

from __future__ import annotations

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle


class _SettingsRates:
    def get_rate(self):
        return settings.API_RATES.get(self.scope)


class UserRate(_SettingsRates, UserRateThrottle):
    """Every call of a signed-in user (or token)."""


class AnonRate(_SettingsRates, AnonRateThrottle):
    """Calls without credentials (they all fail, but they still cost)."""


class RenderRate(_SettingsRates, ScopedRateThrottle):
    """The expensive calls: files (.docx, PDF), lint and compare."""

    def allow_request(self, request, view):
        if getattr(view, "throttle_scope", None) != "render":
            return True
        return super().allow_request(request, view)
