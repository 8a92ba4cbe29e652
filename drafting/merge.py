"""Three-way merge of draft specs, field by field. Pure.

When a colleague saved a revision after I started, my unsaved answers are
brought onto theirs: base is the revision I started from, theirs the latest,
mine my workspace. A field only I changed takes my value; a field only they
changed keeps theirs; a field we both changed to the same value is no
conflict; a field we both changed differently is a conflict for me to settle.

    >>> base = {"numbering": "cpd", "options": {"warrant_standard": "judicial-criminal"}}
    >>> theirs = {"numbering": "section", "options": {"warrant_standard": "judicial-criminal"}}
    >>> mine = {"numbering": "cpd", "options": {"warrant_standard": "judicial"}}
    >>> merged = merge_specs(base, theirs, mine)
    >>> merged.conflicts, merged.mine, merged.theirs
    ((), ('options.warrant_standard',), ('numbering',))
    >>> merged.spec()["numbering"], merged.spec()["options"]
    ('section', {'warrant_standard': 'judicial'})

A spec is flattened to fields first: `locality.<key>`, `numbering`, `edition`,
`options.<key>`, `versions.<clause>`, `include.<clause>` (whether a clause is
in the draft), the draft's own words per clause and section (`edits.<clause>`:
that clause's edits as a list, `sections.<key>`, `headings.<key>`), and any
other top-level key whole (`order`).

    >>> edits = [{"clause": "privacy", "find": "a", "replace": "b"}]
    >>> base = {"edits": edits}
    >>> mine = {"edits": [*edits, {"clause": "u-visa", "find": "45", "replace": "30"}]}
    >>> theirs = {"edits": [*edits, {"clause": "privacy", "find": "c", "replace": "d"}]}
    >>> merge_specs(base, theirs, mine).spec()["edits"]  # doctest: +NORMALIZE_WHITESPACE
    [{'clause': 'privacy', 'find': 'a', 'replace': 'b'},
     {'clause': 'privacy', 'find': 'c', 'replace': 'd'},
     {'clause': 'u-visa', 'find': '45', 'replace': '30'}]
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

_NESTED = ("locality", "options", "versions", "headings")

Side = Literal["mine", "theirs"]


@dataclass(frozen=True)
class FieldConflict:
    """One field both sides changed, differently."""

    key: str
    base: Any
    theirs: Any
    mine: Any


@dataclass(frozen=True)
class SpecMerge:
    """The merged fields, what came from where, and the conflicts still to settle.

    Until settled, a conflicting field holds their value: nothing saved by a
    colleague is undone without a choice.
    """

    fields: dict[str, Any]
    conflicts: tuple[FieldConflict, ...] = ()
    mine: tuple[str, ...] = ()
    theirs: tuple[str, ...] = ()
    clause_order: tuple[str, ...] = ()
    explicit_clauses: bool = True
    _resolved: dict[str, Any] = field(default_factory=dict)

    def resolve(self, choices: Mapping[str, Side]) -> SpecMerge:
        """The merge with each named conflict settled ("mine" or "theirs")."""
        resolved = dict(self._resolved)
        for conflict in self.conflicts:
            side = choices.get(conflict.key)
            if side == "mine":
                resolved[conflict.key] = conflict.mine
            elif side == "theirs":
                resolved[conflict.key] = conflict.theirs
        return SpecMerge(
            fields=self.fields,
            conflicts=tuple(c for c in self.conflicts if c.key not in resolved),
            mine=self.mine,
            theirs=self.theirs,
            clause_order=self.clause_order,
            explicit_clauses=self.explicit_clauses,
            _resolved=resolved,
        )

    def spec(self) -> dict[str, Any]:
        """The merged spec (conflicts not yet settled keep their value)."""
        return spec_from_fields(
            {**self.fields, **self._resolved},
            self.clause_order,
            explicit_clauses=self.explicit_clauses,
        )


def spec_fields(spec: Mapping[str, Any], included: Collection[str] | None = None) -> dict[str, Any]:
    """A spec as flat fields. `included` is the set of clauses the spec includes (needed
    only when `clauses` is left to the model default); without it inclusion is a field
    `clauses` compared whole.

    >>> spec_fields({"locality": {"name": "Lake County"}, "clauses": ["title"]}, {"title"})
    {'locality.name': 'Lake County', 'include.title': True}
    """
    fields: dict[str, Any] = {}
    for key, value in spec.items():
        if key in _NESTED and isinstance(value, Mapping):
            for inner, item in value.items():
                fields[f"{key}.{inner}"] = item
        elif key == "clauses" and included is not None:
            continue
        elif key == "edits" and isinstance(value, Sequence) and not isinstance(value, str):
            for edit in value:
                pair = {"find": edit.get("find"), "replace": edit.get("replace", "")}
                fields.setdefault(f"edits.{edit.get('clause')}", []).append(pair)
        elif key == "sections" and isinstance(value, Sequence) and not isinstance(value, str):
            for section in value:
                rest = {k: v for k, v in section.items() if k != "key"}
                fields[f"sections.{section.get('key')}"] = rest
        elif key != "format":
            fields[key] = value
    if included is not None:
        for slug in included:
            fields[f"include.{slug}"] = True
    return fields


def spec_from_fields(
    fields: Mapping[str, Any], clause_order: Sequence[str], *, explicit_clauses: bool = True
) -> dict[str, Any]:
    """The spec that `spec_fields` flattened, with clauses in `clause_order`."""
    spec: dict[str, Any] = {}
    for key, value in fields.items():
        prefix, _, inner = key.partition(".")
        if prefix in _NESTED and inner:
            spec.setdefault(prefix, {})[inner] = value
        elif prefix == "edits" and inner:
            edits = spec.setdefault("edits", [])
            edits.extend({"clause": inner, **pair} for pair in value)
        elif prefix == "sections" and inner:
            spec.setdefault("sections", []).append({"key": inner, **value})
        elif prefix != "include":
            spec[key] = value
    if explicit_clauses and any(key.startswith("include.") for key in fields):
        spec["clauses"] = [slug for slug in clause_order if fields.get(f"include.{slug}")]
    return spec


def merge_fields(
    base: Mapping[str, Any], theirs: Mapping[str, Any], mine: Mapping[str, Any]
) -> tuple[dict[str, Any], list[FieldConflict], list[str], list[str]]:
    """(merged fields, conflicts, keys taken from mine, keys kept from theirs)."""
    merged: dict[str, Any] = {}
    conflicts, from_mine, from_theirs = [], [], []
    keys = list(dict.fromkeys([*theirs, *mine, *base]))
    for key in keys:
        old, their, my = base.get(key), theirs.get(key), mine.get(key)
        if _same(their, my):
            value = their
        elif _same(my, old):
            value = their
            from_theirs.append(key)
        elif _same(their, old):
            value = my
            from_mine.append(key)
        else:
            value = their
            conflicts.append(FieldConflict(key, old, their, my))
        if value is not None and value is not False:
            merged[key] = value
        elif key.startswith("include."):
            merged[key] = False
    return merged, conflicts, from_mine, from_theirs


def merge_specs(
    base: Mapping[str, Any],
    theirs: Mapping[str, Any],
    mine: Mapping[str, Any],
    *,
    included: Callable[[Mapping[str, Any]], Collection[str]] | None = None,
    clause_order: Sequence[str] = (),
) -> SpecMerge:
    """Merge three specs. `included(spec)` names the clauses a spec includes (the
    library's rule); without it clause lists are compared whole."""
    explicit = any(spec.get("clauses") is not None for spec in (base, theirs, mine))
    use_inclusion = included is not None and explicit
    flat = [
        spec_fields(spec, included(spec) if use_inclusion else None)
        for spec in (base, theirs, mine)
    ]
    merged, conflicts, from_mine, from_theirs = merge_fields(*flat)
    return SpecMerge(
        fields=merged,
        conflicts=tuple(conflicts),
        mine=tuple(from_mine),
        theirs=tuple(from_theirs),
        clause_order=tuple(clause_order),
        explicit_clauses=use_inclusion,
    )


def _same(a: Any, b: Any) -> bool:
    """Equal, counting an absent field, None and False (an excluded clause) alike."""
    if a in (None, False) and b in (None, False):
        return True
    return a == b
