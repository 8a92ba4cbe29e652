"""Celery tasks: an export rendered by a worker into the shared cache."""

from __future__ import annotations

from celery import shared_task
from django.core.cache import cache

from exports import jobs


@shared_task(name="exports.render_export")
def render_export(key: str, kind: str, data: dict, timeout: int | None = None) -> int:
    """Render `data` (exports.jobs.payload or redline_payload) as `kind` and cache it
    under `key` (for `timeout` seconds; None: until evicted)."""
    rendered = jobs.render_payload(kind, data)
    cache.set(key, rendered, timeout=timeout)
    return len(rendered)


@shared_task(name="exports.render_packet")
def render_packet(key: str, data: dict) -> int:
    """Render a council packet (exports.packet.packet_payload) and cache it under `key`."""
    from exports.packet import render_packet as render

    rendered = render(data)
    cache.set(key, rendered, timeout=None)
    return len(rendered)
