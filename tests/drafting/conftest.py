"""The pure core's tests: all marked `unit` (no database, no HTTP); the assembled CPD model."""

from __future__ import annotations

import pytest

from drafting.assembly import assemble
from drafting.document import Document
from drafting.library import read_edition
from drafting.render.docx import ExportMeta
from drafting.spec import parse_spec
from tests.drafting.render.samples import REVISION_DATE
from tests.model_seed import MODEL_LOCALITY


@pytest.fixture(scope="session")
def library_texts():
    return read_edition("cpd-2017")


@pytest.fixture(scope="session")
def model_document(library_texts) -> Document:
    return assemble(library_texts, parse_spec({"locality": MODEL_LOCALITY}))


@pytest.fixture
def meta(model_document) -> ExportMeta:
    return ExportMeta.for_document(
        model_document, author="Springfield Law Department", revision=3, revision_date=REVISION_DATE
    )


def pytest_collection_modifyitems(config, items):
    here = __file__.rsplit("/", 1)[0]
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.unit)
