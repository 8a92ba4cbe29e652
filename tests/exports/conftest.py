"""Fixtures for the export tests: the assembled CPD model and its export metadata."""

from __future__ import annotations

import pytest

from clauses.content import read_library
from exports.docx import ExportMeta
from ordinances.assembly import assemble
from ordinances.document import Document
from ordinances.spec import parse_spec
from tests.exports.samples import REVISION_DATE
from tests.model_seed import MODEL_LOCALITY


@pytest.fixture(scope="session")
def library_texts():
    return read_library()


@pytest.fixture(scope="session")
def model_document(library_texts) -> Document:
    return assemble(library_texts, parse_spec({"locality": MODEL_LOCALITY}))


@pytest.fixture
def meta(model_document) -> ExportMeta:
    return ExportMeta.for_document(
        model_document, author="Springfield Law Department", revision=3, revision_date=REVISION_DATE
    )
