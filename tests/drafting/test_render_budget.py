"""Clause text is filled in within a budget: runaway loops, repetition and recursion in
an editor's Jinja are refused with a message, ordinary text is untouched."""

from __future__ import annotations

import pytest

from drafting import assembly
from drafting.assembly import TemplateTooCostly, _template, render_bounded, template_names


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "s to"),
        ("{{ 'a' * 10**9 }}", "repeats something too many times"),
        ("{{ 2 ** 100000000 }}", "raises 2 to the power 100000000"),
        ("{{ 'x'|center(10**9) }}", "gives a filter the number 1000000000"),
        ("{{ '%0999999999d' % 1 }}", "pads a value too wide"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "calls itself without end"),
    ],
)
def test_render_runaway_text_is_refused_with_the_reason(source, reason, monkeypatch):
    # A short budget keeps the loops quick; recursion is found by depth, not time, so it
    # keeps the real budget (on a busy machine 0.2 s of CPU could run out first).
    if "without end" not in reason:
        monkeypatch.setattr(assembly, "RENDER_SECONDS", 0.2)
    with pytest.raises(TemplateTooCostly, match=reason):
        render_bounded(_template(source), {})


def test_render_output_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(assembly, "MAX_RENDER_CHARS", 1000)
    with pytest.raises(TemplateTooCostly, match="fills in to more than 1,000 characters"):
        render_bounded(_template("{% for i in range(2000) %}x{% endfor %}"), {})


def test_render_ordinary_clause_text_is_unchanged():
    source = "{% for n in numbers %}{{ n|words_digits }}; {% endfor %}{{ body|capfirst }}."
    out = render_bounded(_template(source), {"numbers": [30, 45], "body": "the council"})
    assert out == "thirty (30); forty-five (45); The council."
    assert template_names(source) == {"numbers", "body"}
