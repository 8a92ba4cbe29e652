"""The dated context a compliance report carries beside its findings: the state's law
and the federal notes. Context for the reader, never legal advice."""

from __future__ import annotations

from clauses.state_law import federal_context, state_law_for


def report_context_notes(state: str | None) -> dict:
    return {"state_entry": state_law_for(state), "federal": federal_context()}
