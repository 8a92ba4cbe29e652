"""ordinances.documents: the one way from a revision or a spec to its document."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from clauses.loader import load_library
from common.errors import SetupNeeded
from drafting.library import read_edition
from drafting.render.text import render_text
from drafting.spec import parse_spec
from ordinances import documents
from tests.factories import make_draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_document_for_a_revision_is_built_once(library, office, drafter):
    revision = make_draft(organisation=office, author=drafter).latest_revision()
    first = documents.document_for(revision)
    assert documents.document_for(revision) is first
    assert render_text(first) == render_text(documents.document_for_spec(revision.draft_spec()))
    assert [c.slug for c in documents.clauses_for(revision)] == [
        c.slug for c in read_edition("cpd-2017")
    ]


def test_the_cache_key_is_the_spec_and_the_clause_content(model_spec_data):
    spec = parse_spec(model_spec_data)
    clauses = read_edition("cpd-2017")
    first = documents.assembled(clauses, spec)
    assert documents.assembled(list(clauses), parse_spec(model_spec_data)) is first
    other_spec = parse_spec({**model_spec_data, "options": {"reporting_cadence": "annual"}})
    assert documents.assembled(clauses, other_spec) is not first
    severability = next(c for c in clauses if c.slug == "severability")
    reworded = [
        replace(c, body=c.body.replace("invalid", "void")) if c is severability else c
        for c in clauses
    ]
    changed = documents.assembled(reworded, spec)
    assert changed is not first
    assert "void" in render_text(changed)


@pytest.mark.django_db
def test_a_spec_reads_the_files_when_no_library_is_loaded(model_spec_data):
    spec = parse_spec({**model_spec_data, "versions": {"definitions": 2}})
    from_files = render_text(documents.document_for_spec(spec))
    assert not documents.database_has_library()
    load_library()
    assert documents.database_has_library()
    assert render_text(documents.document_for_spec(spec)) == from_files


@pytest.mark.django_db
def test_a_version_no_file_holds_needs_the_database(model_spec_data):
    spec = parse_spec({**model_spec_data, "versions": {"definitions": 99}})
    with pytest.raises(SetupNeeded, match="no version 99 of clause 'definitions'"):
        documents.document_for_spec(spec)


@pytest.mark.django_db
def test_with_a_library_loaded_a_missing_edition_is_a_spec_error(library, model_spec_data):
    with pytest.raises(documents.SpecError, match="No library edition 'nope'"):
        documents.document_for_spec(parse_spec({**model_spec_data, "edition": "nope"}))


# Assembling a document from clause texts is the pure core's `assemble`; the apps reach it
# through ordinances.documents only. The library browser previews clause versions that no
# spec names (it sits below ordinances, so it cannot call the service).
ASSEMBLERS = {"ordinances/documents.py", "clauses/views.py"}


def _calls_assemble(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Call) and getattr(node.func, "id", "") == "assemble"
        for node in ast.walk(tree)
    )


def test_only_the_document_service_assembles():
    callers = {
        str(path.relative_to(ROOT))
        for package in ("organisations", "clauses", "ordinances", "exports", "config")
        for path in (ROOT / package).rglob("*.py")
        if _calls_assemble(path)
    }
    assert callers == ASSEMBLERS
