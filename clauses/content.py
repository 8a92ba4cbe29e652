"""Clause content as plain data, and the source-file format (see library/README.md).

Pure: no Django. The loader turns these into model rows; assembly takes them
straight from the rows (`ClauseVersion.content()`) or from the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

ClauseKind = Literal["title", "preamble", "definitions", "section", "subsection"]
OptionType = Literal["choice", "multi", "number"]

KINDS = ("title", "preamble", "definitions", "section", "subsection")
OPTION_TYPES = ("choice", "multi", "number")
TOPICS = ("locality", "detainers", "jail", "information", "policing", "victims", "reporting")

LIBRARY_DIR = Path(__file__).resolve().parent / "library"


class ClauseSourceError(ValueError):
    """A clause source file is malformed; the message names the file and field."""


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    text: str = ""
    guidance: str = ""
    source: str = ""


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    type: OptionType = "choice"
    default: Any = None
    guidance: str = ""
    source: str = ""
    choices: tuple[Choice, ...] = ()
    min: int | None = None
    max: int | None = None
    applies_when: dict[str, str] = field(default_factory=dict)

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)


@dataclass(frozen=True)
class Correction:
    source: str
    corrected: str
    note: str


@dataclass(frozen=True)
class ClauseText:
    """One version of one clause: everything assembly and the loader need."""

    slug: str
    title: str
    topic: str
    order: int
    kind: ClauseKind
    body: str
    version: int = 1
    heading: str = ""
    parent: str = ""
    model: bool = True
    date: dt.date | None = None
    author: str = ""
    change_note: str = ""
    source: str = ""
    options: tuple[Option, ...] = ()
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    def fingerprint(self) -> str:
        """A hash of everything a version fixes: text, options, terms, headings.

        The loader compares fingerprints to tell a changed file from an
        unchanged one; bookkeeping fields (change note, date) are left out so
        that re-wording a note alone never mints a version.
        """
        payload = {
            "title": self.title,
            "topic": self.topic,
            "order": self.order,
            "kind": self.kind,
            "heading": self.heading,
            "parent": self.parent,
            "model": self.model,
            "body": self.body,
            "options": [asdict(o) for o in self.options],
            "terms": {k: list(v) for k, v in self.terms.items()},
            "corrections": [asdict(c) for c in self.corrections],
            "source": self.source,
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()


def _require(meta: dict, key: str, where: str) -> Any:
    if key not in meta or meta[key] in (None, ""):
        raise ClauseSourceError(f"{where}: front matter needs '{key}'")
    return meta[key]


def _parse_option(raw: dict, where: str) -> Option:
    key = _require(raw, "key", where)
    where = f"{where}, option '{key}'"
    kind = raw.get("type", "choice")
    if kind not in OPTION_TYPES:
        raise ClauseSourceError(f"{where}: type must be one of {', '.join(OPTION_TYPES)}")
    choices = tuple(
        Choice(
            value=str(_require(c, "value", where)),
            label=str(_require(c, "label", where)),
            text=str(c.get("text", "")),
            guidance=str(c.get("guidance", "")),
            source=str(c.get("source", "")),
        )
        for c in raw.get("choices", [])
    )
    option = Option(
        key=key,
        label=str(_require(raw, "label", where)),
        type=kind,
        default=raw.get("default"),
        guidance=str(raw.get("guidance", "")).strip(),
        source=str(raw.get("source", "")),
        choices=choices,
        min=raw.get("min"),
        max=raw.get("max"),
        applies_when={str(k): str(v) for k, v in (raw.get("applies_when") or {}).items()},
    )
    _check_default(option, where)
    return option


def _check_default(option: Option, where: str) -> None:
    values = {c.value for c in option.choices}
    if option.type == "choice":
        if not option.choices:
            raise ClauseSourceError(f"{where}: a choice option needs choices")
        if option.default not in values:
            raise ClauseSourceError(f"{where}: default {option.default!r} is not a choice")
    elif option.type == "multi":
        default = option.default or []
        if not isinstance(default, list) or not set(default) <= values:
            raise ClauseSourceError(f"{where}: default must be a list of choice values")
    elif not isinstance(option.default, int):
        raise ClauseSourceError(f"{where}: a number option needs an integer default")


def split_front_matter(text: str, where: str = "clause") -> tuple[dict, str]:
    if not text.startswith("---\n"):
        raise ClauseSourceError(f"{where}: must start with '---' front matter")
    try:
        head, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise ClauseSourceError(f"{where}: front matter is not closed with '---'") from None
    try:
        meta = yaml.safe_load(head) or {}
    except yaml.YAMLError as exc:
        raise ClauseSourceError(f"{where}: front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise ClauseSourceError(f"{where}: front matter must be a mapping")
    return meta, body.strip("\n") + "\n"


def parse_clause(text: str, where: str = "clause") -> ClauseText:
    """Parse one clause source file (front matter + Jinja text)."""
    meta, body = split_front_matter(text, where)
    slug = str(_require(meta, "slug", where))
    where = f"{where} ({slug})"
    kind = _require(meta, "kind", where)
    if kind not in KINDS:
        raise ClauseSourceError(f"{where}: kind must be one of {', '.join(KINDS)}")
    topic = _require(meta, "topic", where)
    if topic not in TOPICS:
        raise ClauseSourceError(f"{where}: topic must be one of {', '.join(TOPICS)}")
    if kind == "subsection" and not meta.get("parent"):
        raise ClauseSourceError(f"{where}: a subsection needs a 'parent'")
    if kind in ("section", "preamble", "definitions") and not meta.get("heading"):
        raise ClauseSourceError(f"{where}: a {kind} needs a 'heading'")
    date = meta.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return ClauseText(
        slug=slug,
        title=str(_require(meta, "title", where)),
        topic=topic,
        order=int(_require(meta, "order", where)),
        kind=kind,
        body=body,
        version=int(meta.get("version", 1)),
        heading=str(meta.get("heading", "")),
        parent=str(meta.get("parent", "")),
        model=bool(meta.get("model", True)),
        date=date,
        author=str(meta.get("author", "")),
        change_note=str(meta.get("change_note", "")).strip(),
        source=str(meta.get("source", "")),
        options=tuple(_parse_option(o, where) for o in meta.get("options") or []),
        terms={str(k): tuple(v) for k, v in (meta.get("terms") or {}).items()},
        corrections=tuple(
            Correction(
                source=str(_require(c, "source", where)),
                corrected=str(c.get("corrected", "")),
                note=str(_require(c, "note", where)),
            )
            for c in meta.get("corrections") or []
        ),
    )


def dump_clause(clause: ClauseText) -> str:
    """Write a clause back in the source-file format (round-trips parse_clause)."""
    meta: dict[str, Any] = {
        "slug": clause.slug,
        "title": clause.title,
        "topic": clause.topic,
        "order": clause.order,
        "kind": clause.kind,
    }
    if clause.parent:
        meta["parent"] = clause.parent
    if clause.heading:
        meta["heading"] = clause.heading
    meta.update(
        model=clause.model,
        version=clause.version,
        date=clause.date.isoformat() if clause.date else None,
        author=clause.author,
        change_note=clause.change_note,
        source=clause.source,
    )
    if clause.terms:
        meta["terms"] = {k: list(v) for k, v in clause.terms.items()}
    if clause.options:
        meta["options"] = [_option_dict(o) for o in clause.options]
    if clause.corrections:
        meta["corrections"] = [asdict(c) for c in clause.corrections]
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=88)
    return f"---\n{head}---\n{clause.body}"


def _option_dict(option: Option) -> dict:
    data = {k: v for k, v in asdict(option).items() if v not in (None, "", (), [], {})}
    if "choices" in data:
        data["choices"] = [{k: v for k, v in c.items() if v} for c in data["choices"]]
    if option.type == "multi" and "default" not in data:
        data["default"] = []
    return data


def read_library(directory: Path | None = None) -> list[ClauseText]:
    """Every clause source file in the library directory, in document order."""
    directory = directory or LIBRARY_DIR / "clauses"
    clauses = [
        parse_clause(path.read_text(encoding="utf-8"), where=path.name)
        for path in sorted(directory.glob("*.md"))
    ]
    return sorted(clauses, key=lambda c: (c.order, c.slug))


@dataclass(frozen=True)
class EditionManifest:
    slug: str
    name: str
    date: dt.date
    description: str
    clauses: dict[str, int]


def read_editions(directory: Path | None = None) -> list[EditionManifest]:
    directory = directory or LIBRARY_DIR / "editions"
    editions = []
    for path in sorted(directory.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        where = path.name
        date = _require(raw, "date", where)
        editions.append(
            EditionManifest(
                slug=str(_require(raw, "slug", where)),
                name=str(_require(raw, "name", where)),
                date=date if isinstance(date, dt.date) else dt.date.fromisoformat(date),
                description=str(raw.get("description", "")).strip(),
                clauses={str(k): int(v) for k, v in _require(raw, "clauses", where).items()},
            )
        )
    return sorted(editions, key=lambda e: e.date)
