"""Helpers for the lint tests only: documents from text, the CPD model, rule ids (the
helpers other tests share are in tests/factories.py)."""

from __future__ import annotations

import textwrap

from drafting.assembly import assemble
from drafting.document import Document
from drafting.lint import Finding, lint
from drafting.parse.text import parse_text
from drafting.spec import parse_spec
from tests.factories import library
from tests.model_seed import MODEL_LOCALITY


def doc(text: str) -> Document:
    return parse_text(textwrap.dedent(text).strip())


def rules(findings: list[Finding], severity: str | None = None) -> list[str]:
    return [f.rule for f in findings if severity is None or f.severity == severity]


def hits(rule, text: str) -> list[Finding]:
    """Run one rule over a document parsed from `text`."""
    return lint(doc(text), rules=[rule])


def model(**spec) -> Document:
    """The CPD model assembled from the library, with spec overrides."""
    return assemble(library(), parse_spec({"locality": MODEL_LOCALITY, **spec}))


def model_with(*slugs: str, **spec) -> Document:
    clauses = [c.slug for c in library() if c.model] + list(slugs)
    return model(clauses=clauses, **spec)
