"""A small rate limit over Django's cache: so many uses of one key within a window.

The cache must be shared by every process in production (config/settings.py
requires it, for sign-in throttling too). Sign-in keeps its own counters
(config/auth.py), with per-username rules this does not need.
"""

from __future__ import annotations

import hashlib
import math
import time

from django.core.cache import cache


def hit(key: str, *, limit: int, window: int, now: float | None = None) -> int:
    """Count one use of `key`; the seconds to wait if this use is over `limit` uses
    within `window` seconds (then it is not counted), else 0."""
    now = time.time() if now is None else now
    cache_key = "rate:" + hashlib.sha256(key.encode()).hexdigest()
    recent = [t for t in cache.get(cache_key, []) if t > now - window]
    if len(recent) >= limit:
        return max(1, math.ceil(sorted(recent)[-limit] + window - now))
    cache.set(cache_key, [*recent, now][-limit:], window)
    return 0
