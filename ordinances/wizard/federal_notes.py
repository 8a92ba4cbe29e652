"""Federal context beside the questions it bears on (the 287(g) and detainer questions).

Each note shows its date, its title and its source; the text is escaped (library
data is text, never a template). Context, not legal advice.
"""

from __future__ import annotations

from collections.abc import Sequence

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from django.utils.html import format_html, format_html_join

from drafting.federal_context import FederalNote


class FederalNotes(LayoutObject):
    def __init__(self, slug: str, notes: Sequence[FederalNote]):
        self.slug, self.notes = slug, tuple(notes)

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        items = format_html_join(
            "",
            '<li><strong>{}: {}.</strong> {} <a href="{}" rel="noreferrer">Source</a></li>',
            ((n.date, n.title, n.note, n.url) for n in self.notes),
        )
        return format_html(
            '<details class="federal-context small mb-3" data-clause="{}">'
            "<summary>Federal context since 2017 ({} dated note{}; not legal advice, "
            'verify with counsel)</summary><ul class="mb-0">{}</ul></details>',
            self.slug,
            len(self.notes),
            "" if len(self.notes) == 1 else "s",
            items,
        )
