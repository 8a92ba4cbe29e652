"""Helpers for the lint tests only: documents from text, the CPD model, rule ids (the
helpers other tests share are in tests/factories.py)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

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


# -- the real-provision corpus (real_corpus/, see its README) -------------------

REAL_CORPUS = Path(__file__).with_name("real_corpus")
# The measures the corpus test computes, printed at the end of the run by the
# terminal-summary hook in conftest.py (so plain `pytest` shows them, without -s).
REPORT = pytest.StashKey[list[str]]()


@dataclass(frozen=True)
class Case:
    """One real provision: its header fields and its verbatim text."""

    name: str
    meta: dict[str, str]
    text: str

    @property
    def split(self) -> str:
        return self.meta["split"]

    @property
    def verdict(self) -> str:
        return self.meta["verdict"]


def read_case(path: Path) -> Case:
    """Header lines "# key: value" up to the first line that is exactly "---", then the text."""
    meta: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    end = lines.index("---")
    for line in lines[:end]:
        key, _, value = line.removeprefix("# ").partition(":")
        meta.setdefault(key.strip(), value.strip())
    return Case(path.stem, meta, "\n".join(lines[end + 1 :]))


def real_cases(split: str | None = None) -> list[Case]:
    cases = [read_case(path) for path in sorted(REAL_CORPUS.glob("*.txt"))]
    return [c for c in cases if split is None or c.split == split]


def real_case(name: str) -> Case:
    return read_case(REAL_CORPUS / f"{name}.txt")
