"""The compliance report carries the state's law and the federal context, dated, as context."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.factories import make_draft
from tests.model_seed import MODEL_LOCALITY


@pytest.mark.django_db
def test_compliance_report_has_state_law_and_federal_context_in_html_and_pdf(
    client_for, office, drafter, library
):
    draft = make_draft(
        organisation=office, author=drafter, locality={**MODEL_LOCALITY, "state": "Texas"}
    )
    client = client_for(drafter)
    page = client.get(reverse("exports:compliance", args=[draft.pk, 1])).content.decode()
    assert "State law (context)" in page
    assert "Texas law forbids limits on honouring immigration detainers" in page
    assert (
        "State law as of 2026-11-30, recorded 2026-11-30. Not legal advice: verify with counsel."
        in page
    )
    assert "Federal context" in page
    assert (
        "2025-04-28: Executive Order 14287, Protecting American Communities From Criminal Aliens"
        in page
    )
    assert "state-tx-detainers" in page
    response = client.get(reverse("exports:compliance_pdf", args=[draft.pk, 1]))
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "State law (context)" in text
    assert "Federal context" in text
    assert "2025-04-28: Executive Order 14287" in text
    assert "checked up to 2026-11-30 (recorded 2026-11-30)" in text
