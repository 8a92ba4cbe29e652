"""What the locality step says about the chosen state's law, before any clause is chosen.

A preempting state comes plainly and first ("Texas law forbids ..., penalties
..., verify with counsel before proceeding"); a floor state gets its note; a
state with nothing found gets the dated "No state statute found as of DATE;
verify with counsel". The template is ordinances/_state_law_notice.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from clauses.state_law import state_law_for
from drafting.state_law import NONE_FOUND_OPENING, Effect, StateLawEntry


@dataclass(frozen=True)
class StateNotice:
    name: str
    entry: StateLawEntry | None

    @property
    def tone(self) -> str:
        """The Bootstrap alert colour: danger where state law forbids, and so on."""
        entry = self.entry
        if entry is None or entry.stance == "none-found":
            return "secondary"
        if self.forbidden:
            return "danger"
        return "info" if entry.stance == "floor" else "warning"

    @property
    def forbidden(self) -> list[Effect]:
        return [e for e in self.entry.effects if e.level == "forbids"] if self.entry else []

    @property
    def shown_effects(self) -> list[Effect]:
        """The areas worth reading at this step: all but the silent ones."""
        return [e for e in self.entry.effects if e.level != "silent"] if self.entry else []

    @property
    def details(self) -> str:
        """The summary, without the none-found opening the headline already says."""
        if self.entry is None:
            return ""
        opening = NONE_FOUND_OPENING.format(as_of=self.entry.as_of)
        return self.entry.summary.removeprefix(opening).strip()


def typed_state(form: forms.Form | None, spec: dict) -> str:
    """The state as typed on the locality form (else as the working spec has it)."""
    if form is not None and form.is_bound and "state" in form.fields:
        return " ".join(str(form.data.get("state") or "").split())
    return str((spec.get("locality") or {}).get("state") or "")


def state_notice(state: str) -> StateNotice | None:
    """The notice for a typed state (None before one is typed)."""
    state = state.strip()
    return StateNotice(state, state_law_for(state)) if state else None
