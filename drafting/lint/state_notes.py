"""State-law notes: dated, cited data (state_notes.yaml), shown as "verify with counsel". Pure.

The document IR has no state, so `lint(document, state="California")` passes it
in; `StateNotes(state)` is the rule that turns the matching notes into info
findings, each with its own rule id ("state-california-sb54").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from drafting.document import Document
from drafting.lint.engine import Finding

DATA = Path(__file__).with_name("state_notes.yaml")


@dataclass(frozen=True)
class StateNote:
    key: str
    state: str
    title: str
    as_of: str
    source: str
    recorded: str
    note: str
    aliases: tuple[str, ...] = ()

    def matches(self, state: str) -> bool:
        wanted = _normal(state)
        return wanted == _normal(self.state) or wanted in {_normal(a) for a in self.aliases}


def _normal(name: str) -> str:
    return " ".join(name.replace(".", " ").lower().split())


@functools.cache
def load_notes(path: Path = DATA) -> tuple[StateNote, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    notes = []
    for entry in raw:
        fields = {k: str(entry[k]) for k in ("key", "state", "title", "as_of", "source", "note")}
        fields["recorded"] = str(entry.get("recorded", ""))
        notes.append(StateNote(**fields, aliases=tuple(str(a) for a in entry.get("aliases", ()))))
    return tuple(notes)


class StateNotes:
    """The state-law notes for one state (no findings when the state is unknown)."""

    id = "state-notes"
    severity = "info"

    def __init__(self, state: str | None, notes: tuple[StateNote, ...] | None = None):
        self.state = (state or "").strip()
        self.notes = load_notes() if notes is None else notes

    def check(self, document: Document) -> Iterator[Finding]:
        if not self.state:
            return
        matching = [n for n in self.notes if n.matches(self.state)]
        for note in matching:
            yield Finding(
                rule=f"state-{note.key}",
                severity="info",
                message=f"{note.title} (as of {note.as_of}): {note.note}",
                authority=note.source,
            )
        if not matching:
            yield Finding(
                rule="state-no-note",
                severity="info",
                message=(
                    f"No state-law note is on file for {self.state}. State law can require or "
                    "forbid cooperation with federal immigration authorities, and some states "
                    "mirror § 1373 in state law; verify with counsel what your state allows."
                ),
                authority="NIPNLG, ICE Hold Campaign Toolkit, “State Laws”",
            )
