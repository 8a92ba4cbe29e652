"""Open comment threads beside their clause in the wizard.

{% load comment_threads %}{% open_threads draft as open_threads %}
... {% clause_threads open_threads row.slug %}
"""

from __future__ import annotations

from django import template

from ordinances.comments import ThreadView, open_threads_by_clause
from ordinances.models import Draft

register = template.Library()


@register.simple_tag
def open_threads(draft: Draft) -> dict[str, list[ThreadView]]:
    """The draft's open threads against its latest revision, by clause key."""
    return open_threads_by_clause(draft)


@register.inclusion_tag("ordinances/_clause_threads.html")
def clause_threads(threads: dict[str, list[ThreadView]], clause: str) -> dict:
    return {"views": threads.get(clause, [])}
