"""Upgrading a draft to a newer library edition, as data. Pure: no Django.

    >>> from drafting.library import read_edition
    >>> from drafting.spec import parse_spec
    >>> spec = parse_spec({"locality": {"name": "Springfield", "type": "city",
    ...                                 "state": "Illinois", "legislative_body": "City Council"}})
    >>> upgrade = plan_upgrade(spec, read_edition("cpd-2017"), "cpd-2026-forms",
    ...                        read_edition("cpd-2026-forms"), accepted={"definitions"})
    >>> upgrade.spec.versions["definitions"], upgrade.spec.edition
    (2, 'cpd-2026-forms')

The drafter accepts the new edition's version clause by clause; the others keep
the version the draft has now (pinned in the spec's `versions`). Every option
the draft answered, or left at its default, is carried over by key. Nothing is
dropped in silence: an option the new clause set no longer has, a choice that
is gone, a number now out of range, a default that moved, a choice whose words
changed — each gets an `OptionMapping` with a message saying what will happen.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from drafting.assembly import edition_options, option_value_problem, resolve_options
from drafting.library import ClauseText, Option
from drafting.option_summary import choice_name
from drafting.spec import DraftSpec

OptionStatus = Literal["same", "kept", "reworded", "reset", "narrowed", "dropped", "new"]


@dataclass(frozen=True)
class OptionMapping:
    """What becomes of one option on upgrade. `old` and `new` are effective
    values (defaults filled in); `clause` is the slug of the clause that asks it."""

    key: str
    name: str
    status: OptionStatus
    clause: str
    old: Any = None
    new: Any = None
    message: str = ""

    @property
    def reported(self) -> bool:
        return self.status != "same"


@dataclass(frozen=True)
class ClauseChange:
    """A clause whose version differs between the draft and the new edition."""

    slug: str
    title: str
    old: ClauseText | None
    new: ClauseText | None

    @property
    def kind(self) -> Literal["added", "removed", "changed"]:
        if self.old is None:
            return "added"
        return "removed" if self.new is None else "changed"


@dataclass(frozen=True)
class Upgrade:
    spec: DraftSpec
    clauses: list[ClauseText]
    options: list[OptionMapping]
    changes: list[ClauseChange]

    def reported(self) -> list[OptionMapping]:
        return [mapping for mapping in self.options if mapping.reported]


def describe(option: Option, value: Any) -> str:
    """A value as the drafter chose it: "judicial criminal warrant", "30", "none"."""
    if option.type == "number":
        return str(value)
    return ", ".join(choice_name(label, short=False) for label in option.labels(value)) or "none"


def _chosen_texts(option: Option, value: Any) -> dict[str, tuple[str, str]]:
    values = value if isinstance(value, list) else [value]
    return {
        str(v): (choice.text, choice.label)
        for v in values
        if (choice := option.choice(str(v))) is not None
    }


# (status, value after the upgrade, value to write in the spec or None for the default, message)
_Outcome = tuple[OptionStatus, Any, Any, str]


def _no_longer_fits(name: str, old: Option, new: Option | None, value: Any) -> _Outcome | None:
    """How the old value fails the new option (gone, other kind, choice gone), or None."""
    shown = describe(old, value)
    if new is None:
        message = (
            f"Option “{name}” is not in the new edition; your choice “{shown}” will no longer "
            "apply."
        )
        return "dropped", None, None, message
    default = describe(new, new.default)
    if new.type != old.type:
        message = (
            f"Option “{name}” is a different kind of question in the new edition; your choice "
            f"“{shown}” will no longer apply, and the new default “{default}” will."
        )
        return "reset", new.default, None, message
    if new.type == "multi":
        kept = [v for v in value if new.choice(v) is not None]
        lost = [v for v in value if new.choice(v) is None]
        if not lost:
            return None
        message = (
            f"Option “{name}”: “{describe(old, lost)}” is not in the new edition; that part "
            f"of your choice will no longer apply (kept: {describe(new, kept)})."
        )
        return "narrowed", kept, kept, message
    problem = option_value_problem(new, value)
    if problem is None:
        return None
    message = (
        f"Option “{name}”: your choice “{shown}” is not offered by the new edition ({problem}); "
        f"it will no longer apply, and the default “{default}” will."
    )
    return "reset", new.default, None, message


def _still_fits(name: str, old: Option, new: Option, value: Any, explicit: bool) -> _Outcome:
    """The old value is valid: kept, with a word if its wording or the default moved."""
    written = value if explicit or value != new.default else None
    before, after = _chosen_texts(old, value), _chosen_texts(new, value)
    reworded = [after[v][1] for v in before if v in after and before[v] != after[v]]
    if reworded:
        labels = ", ".join(f"“{label}”" for label in reworded)
        message = (
            f"Option “{name}”: the new edition words your choice {labels} differently; "
            "read the redline to see whether it still says what you meant."
        )
        return "reworded", value, value, message
    if not explicit and new.default != old.default:
        message = (
            f"Option “{name}”: the new edition's default is “{describe(new, new.default)}”; "
            f"your draft keeps “{describe(old, value)}”, the default it was written with."
        )
        return "kept", value, value, message
    return "same", value, written, ""


def _map_one(
    key: str, clause: ClauseText, old: Option, value: Any, explicit: bool, new: Option | None
) -> tuple[OptionMapping, Any]:
    """The mapping of one option, and the value to write in the new spec (None: default)."""
    name = old.name
    outcome = _no_longer_fits(name, old, new, value)
    if outcome is None:
        assert new is not None
        outcome = _still_fits(name, old, new, value, explicit)
    status, after, written, message = outcome
    mapping = OptionMapping(
        key=key, name=name, status=status, clause=clause.slug, old=value, new=after, message=message
    )
    return mapping, written


def map_options(
    old_clauses: Sequence[ClauseText],
    chosen: Mapping[str, Any],
    new_clauses: Sequence[ClauseText],
) -> tuple[dict[str, Any], list[OptionMapping]]:
    """The new spec's options and one mapping for every option of the old clauses
    (then one for each option only the new clauses ask). Raises AssemblyError
    if `chosen` does not fit the old clauses."""
    old_options = edition_options(old_clauses)
    new_options = edition_options(new_clauses)
    values = resolve_options(old_clauses, dict(chosen))
    options: dict[str, Any] = {}
    mappings = []
    for key, (clause, option) in old_options.items():
        new = new_options.get(key, (None, None))[1]
        mapping, written = _map_one(key, clause, option, values[key], key in chosen, new)
        mappings.append(mapping)
        if written is not None:
            options[key] = written
    for key, (clause, option) in new_options.items():
        if key not in old_options:
            default = describe(option, option.default)
            message = f"New option “{option.name}”: the default “{default}” applies."
            mappings.append(
                OptionMapping(
                    key=key,
                    name=option.name,
                    status="new",
                    clause=clause.slug,
                    new=option.default,
                    message=message,
                )
            )
    return options, mappings


def clause_changes(
    old_clauses: Sequence[ClauseText], new_clauses: Sequence[ClauseText]
) -> list[ClauseChange]:
    """Clauses whose version differs, in the new edition's document order."""
    old = {c.slug: c for c in old_clauses}
    new = {c.slug: c for c in new_clauses}
    order = {c.slug: (c.order, c.slug) for c in [*old_clauses, *new_clauses]}
    changes = []
    for slug in sorted(set(old) | set(new), key=order.__getitem__):
        before, after = old.get(slug), new.get(slug)
        if before and after and before.version == after.version:
            continue
        title = (after or before).title  # type: ignore[union-attr]
        changes.append(ClauseChange(slug, title, before, after))
    return changes


def plan_upgrade(
    spec: DraftSpec,
    old_clauses: Sequence[ClauseText],
    edition: str,
    new_clauses: Sequence[ClauseText],
    accepted: Collection[str],
) -> Upgrade:
    """The spec after accepting the new edition's version of the `accepted` clauses.

    `old_clauses` are the versions the draft is assembled from now;
    `new_clauses` the new edition's. A changed clause not accepted stays pinned
    at its old version; a removed clause not accepted stays, pinned; a new
    clause not accepted is left out of the document.
    """
    changes = clause_changes(old_clauses, new_clauses)
    chosen = {c.slug: c for c in new_clauses}
    for change in changes:
        if change.slug in accepted:
            if change.new is None:
                chosen.pop(change.slug, None)
        elif change.old is not None:
            chosen[change.slug] = change.old
    clauses = sorted(chosen.values(), key=lambda c: (c.order, c.slug))
    options, mappings = map_options(old_clauses, spec.options, clauses)
    return Upgrade(
        spec=DraftSpec(
            locality=spec.locality,
            edition=edition,
            numbering=spec.numbering,
            options=options,
            clauses=_included(spec, clauses, changes, accepted),
            versions={c.slug: c.version for c in clauses},
            words=spec.words,  # re-applied per clause by drafting.edit_merge.rebase_words
        ),
        clauses=clauses,
        options=mappings,
        changes=changes,
    )


def _included(
    spec: DraftSpec,
    clauses: Sequence[ClauseText],
    changes: Sequence[ClauseChange],
    accepted: Collection[str],
) -> tuple[str, ...] | None:
    """The spec's clause list: as it was, less removed clauses accepted; when it
    followed the model (None), made explicit only to leave out a new model
    clause the drafter did not accept."""
    removed = {c.slug for c in changes if c.kind == "removed" and c.slug in accepted}
    if spec.clauses is not None:
        return tuple(slug for slug in spec.clauses if slug not in removed)
    refused = {
        c.slug for c in changes if c.kind == "added" and c.slug not in accepted and c.new.model
    }
    if not refused:
        return None
    return tuple(c.slug for c in clauses if c.model and c.slug not in refused)
