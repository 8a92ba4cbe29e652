"""The live preview in parts: the same HTML as render_html, and only what changed."""

from __future__ import annotations

from dataclasses import replace

from drafting.render.html import render_html
from drafting.render.preview import (
    HEADING,
    Part,
    article_html,
    changed_sections,
    preview_parts,
    shown_value,
)
from tests.factories import model


def _swap(parts: tuple[Part, ...], changed: list[Part]) -> tuple[Part, ...]:
    """What the browser holds after the out-of-band swaps."""
    by_ident = {part.ident: part for part in changed}
    return tuple(by_ident.get(part.ident, part) for part in parts)


def test_preview_parts_make_the_same_html_as_render_html():
    document = model()
    for highlight, edited in [((), ()), ({"detainers"}, ()), ({"privacy"}, {"reporting"})]:
        parts = preview_parts(document, highlight=highlight, edited=edited)
        assert article_html(parts) == render_html(document, highlight=highlight, edited=edited)


def test_changed_option_sends_exactly_the_sections_that_differ():
    old = preview_parts(model(), highlight={"detainers"})
    new = preview_parts(model({"warrant_standard": "categorical"}), highlight={"detainers"})
    changed = changed_sections(shown_value(old), new)
    assert changed is not None and changed
    differing = [n.ident for o, n in zip(old, new, strict=True) if o.html != n.html]
    assert [part.ident for part in changed] == differing
    assert article_html(_swap(old, changed)) == article_html(new)


def test_moving_the_highlight_resends_the_sections_it_leaves_and_enters():
    document = model()
    old = preview_parts(document, highlight={"detainers"})
    new = preview_parts(document, highlight={"privacy"})
    changed = changed_sections(shown_value(old), new)
    assert article_html(_swap(old, changed)) == article_html(new)
    assert {part.ident for part in changed} == {"s-civil-enforcement", "s-privacy"}


def test_unchanged_preview_sends_nothing():
    parts = preview_parts(model())
    assert changed_sections(shown_value(parts), parts) == []


def test_whole_preview_when_sections_come_or_go_or_the_heading_changes():
    old = preview_parts(model())
    assert changed_sections(shown_value(old), preview_parts(model(drop=("privacy",)))) is None
    retitled = preview_parts(replace(model(), title="Welcoming City Act"))
    assert changed_sections(shown_value(old), retitled) is None
    assert changed_sections("", old) is None
    assert changed_sections("garbage", old) is None
    assert changed_sections("x" * 50_000, old) is None


def test_whole_preview_when_two_sections_share_an_id():
    document = model()
    twice = replace(document, sections=(*document.sections, document.sections[-1]))
    parts = preview_parts(twice)
    assert changed_sections(shown_value(parts), parts) is None


def test_a_stale_digest_resends_that_section():
    parts = preview_parts(model())
    shown = shown_value(parts).replace(f"{parts[3].ident}:{parts[3].digest}", f"{parts[3].ident}:0")
    assert [part.ident for part in changed_sections(shown, parts)] == [parts[3].ident]


def test_out_of_band_section_keeps_its_id_and_classes():
    part = preview_parts(model(), highlight={"privacy"})[-1]
    assert part.ident != HEADING
    assert part.oob_html().startswith('<section hx-swap-oob="true" class="ordinance-section')
    assert f'id="{part.ident}"' in part.oob_html()
