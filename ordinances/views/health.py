"""For load balancers."""

from __future__ import annotations

from django.db import connection
from django.http import JsonResponse


def health(request):
    """The app answers and its database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
