"""Clause content as plain data, and the source-file format (see library/README.md).

Pure: no Django. The loader turns these into model rows; assembly takes them
straight from the rows (`ClauseVersion.content()`) or from the files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml

ClauseKind = Literal["title", "preamble", "definitions", "section", "subsection"]
OptionType = Literal["choice", "multi", "number"]

KINDS = ("title", "preamble", "definitions", "section", "subsection")
OPTION_TYPES = ("choice", "multi", "number")
TOPICS = ("locality", "detainers", "jail", "information", "policing", "victims", "reporting")

LIBRARY_DIR = Path(__file__).resolve().parent.parent / "clauses" / "library"


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

    def effective(self, chosen: Any = None) -> Any:
        """The value in force: what was chosen, else the default (a multi option's is a list).

        >>> Option("carve_outs", "Carve-outs", "multi").effective()
        []
        >>> Option("days", "Days", "number", default=30).effective(45)
        45
        """
        value = self.default if chosen is None else chosen
        return [] if self.type == "multi" and value is None else value

    def applies(self, values: Mapping[str, Any]) -> bool:
        """Whether this follow-up question's condition (`applies_when`) holds, given every
        option's effective value: a choice option has the named value, or a multi option
        includes it. An option with no condition always applies.

        >>> years = Option("years", "Years", "number", 10, applies_when={"carve_outs": "felony"})
        >>> years.applies({"carve_outs": ["felony", "gang"]}), years.applies({"carve_outs": []})
        (True, False)
        """
        for key, wanted in self.applies_when.items():
            value = values.get(key)
            if isinstance(value, list | tuple | set | frozenset):
                if wanted not in {str(item) for item in value}:
                    return False
            elif value is None or str(value) != wanted:
                return False
        return True

    def labels(self, value: Any) -> list[str]:
        """The labels of what `value` chooses, in the order chosen; a number is its digits.
        A value the option does not offer is shown as it is.

        >>> warrant = Option("w", "Warrant", choices=(Choice("judicial", "Judicial warrant"),))
        >>> warrant.labels("judicial"), warrant.labels("other")
        (['Judicial warrant'], ['other'])
        """
        if self.type == "number":
            return [str(value)]
        values = value if isinstance(value, list | tuple) else [value]
        return [getattr(self.choice(str(item)), "label", str(item)) for item in values]

    def label_of(self, value: Any, *, separator: str = ", ", empty: str = "none") -> str:
        """`labels` joined for a sentence or a table cell."""
        return separator.join(self.labels(value)) or empty

    @property
    def name(self) -> str:
        """A short name for summaries and messages: the library's short name for the key
        (`option-names.yaml`), else the label shortened ("Warrant standard for detainers"
        -> "Warrant standard"); a question-like label falls back on the key."""
        short = option_short_names().get(self.key)
        if short:
            return short
        label = _PARENTHETICAL.sub("", self.label).strip()
        label = re.split(r" for |, |; ", label, maxsplit=1)[0]
        if _QUESTION.match(label) or len(label.split()) > 6:
            return self.key.replace("_", " ").capitalize()
        return label


_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_QUESTION = re.compile(r"^(how|what|who|where|when|which|why)\b", re.I)


@cache
def option_short_names(path: Path | None = None) -> dict[str, str]:
    """Short option names, library data (`clauses/library/option-names.yaml`)."""
    path = path or LIBRARY_DIR / "option-names.yaml"
    if not path.exists():
        return {}
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in raw.items()}


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


def effective_options(clauses: Iterable[ClauseText], chosen: Mapping[str, Any]) -> dict[str, Any]:
    """Every option of these clauses at its value in force (chosen, else default)."""
    return {o.key: o.effective(chosen.get(o.key)) for c in clauses for o in c.options}


def included_slugs(clauses: Sequence[ClauseText], chosen: Collection[str] | None) -> set[str]:
    """The clauses a draft includes: those chosen (None: the model's own set), always the
    title, and a subsection only while its parent section is included.

    >>> parent = ClauseText("ii", "Enforcement", "detainers", 1, "section", "")
    >>> item = ClauseText("287g", "287(g)", "detainers", 2, "subsection", "", parent="ii")
    >>> sorted(included_slugs([parent, item], None))
    ['287g', 'ii']
    >>> included_slugs([parent, item], ["287g"])
    set()
    """
    wanted = {c.slug for c in clauses if c.model} if chosen is None else set(chosen)
    wanted |= {c.slug for c in clauses if c.kind == "title"}
    return {
        c.slug
        for c in clauses
        if c.slug in wanted and (c.kind != "subsection" or c.parent in wanted)
    }


def _require(meta: dict, key: str, where: str) -> Any:
    if key not in meta or meta[key] in (None, ""):
        raise ClauseSourceError(f"{where}: front matter needs '{key}'")
    return meta[key]


def _mappings(raw: Any, what: str, where: str) -> list[dict]:
    """A YAML list of mappings (`options`, `choices`, `corrections`), checked."""
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise ClauseSourceError(f"{where}: '{what}' must be a list of mappings (“- key: value”)")
    return raw


def _whole_number(raw: Any, what: str, where: str) -> int | None:
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ClauseSourceError(f"{where}: '{what}' must be a whole number")
    return raw


def _parse_option(raw: dict, where: str) -> Option:
    key = str(_require(raw, "key", where))
    where = f"{where}, option '{key}'"
    kind = raw.get("type", "choice")
    if kind not in OPTION_TYPES:
        raise ClauseSourceError(f"{where}: type must be one of {', '.join(OPTION_TYPES)}")
    choices = tuple(
        Choice(
            value=str(_require(c, "value", where)),
            label=plain_text(str(_require(c, "label", where)), "a choice label", where),
            text=str(c.get("text", "")),
            guidance=str(c.get("guidance", "")),
            source=str(c.get("source", "")),
        )
        for c in _mappings(raw.get("choices"), "choices", where)
    )
    values = [c.value for c in choices]
    if len(values) != len(set(values)):
        raise ClauseSourceError(f"{where}: two choices have the same value")
    applies_when = raw.get("applies_when") or {}
    if not isinstance(applies_when, dict):
        raise ClauseSourceError(f"{where}: 'applies_when' must map an option key to a value")
    option = Option(
        key=key,
        label=plain_text(str(_require(raw, "label", where)), "an option label", where),
        type=kind,
        default=raw.get("default"),
        guidance=str(raw.get("guidance", "")).strip(),
        source=str(raw.get("source", "")),
        choices=choices,
        min=_whole_number(raw.get("min"), "min", where),
        max=_whole_number(raw.get("max"), "max", where),
        applies_when={str(k): str(v) for k, v in applies_when.items()},
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


_MARKUP = re.compile(r"[<>]|\{[{%#]")


def plain_text(value: str, what: str, where: str) -> str:
    """`value` if it is plain text; a title or label with markup or template syntax
    (`<b>`, `{{ ... }}`) is refused, since it is only ever shown as text.

    >>> plain_text("Detainers {{ request.COOKIES }}", "the title", "x")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    drafting.library.ClauseSourceError: x: the title must be plain text, without markup ...
    """
    if _MARKUP.search(value):
        raise ClauseSourceError(
            f"{where}: {what} must be plain text, without markup or template syntax"
        )
    return value


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
    date = _date(meta.get("date"), where)
    options = _mappings(meta.get("options"), "options", where)
    keys = [str(o.get("key")) for o in options]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ClauseSourceError(f"{where}: option key(s) used twice: {', '.join(duplicates)}")
    terms = meta.get("terms") or {}
    if not isinstance(terms, dict) or not all(isinstance(v, list) for v in terms.values()):
        raise ClauseSourceError(f"{where}: 'terms' must map each term key to a list of patterns")
    order = _require(meta, "order", where)
    if isinstance(order, bool) or not isinstance(order, int) or order < 0:
        raise ClauseSourceError(f"{where}: 'order' must be a whole number")
    version = meta.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ClauseSourceError(f"{where}: 'version' must be a whole number from 1")
    return ClauseText(
        slug=slug,
        title=plain_text(str(_require(meta, "title", where)), "the title", where),
        topic=topic,
        order=order,
        kind=kind,
        body=body,
        version=version,
        heading=str(meta.get("heading", "")),
        parent=str(meta.get("parent", "")),
        model=bool(meta.get("model", True)),
        date=date,
        author=str(meta.get("author", "")),
        change_note=str(meta.get("change_note", "")).strip(),
        source=str(meta.get("source", "")),
        options=tuple(_parse_option(o, where) for o in options),
        terms={str(k): tuple(str(p) for p in v) for k, v in terms.items()},
        corrections=tuple(
            Correction(
                source=str(_require(c, "source", where)),
                corrected=str(c.get("corrected", "")),
                note=str(_require(c, "note", where)),
            )
            for c in _mappings(meta.get("corrections"), "corrections", where)
        ),
    )


def _date(raw: Any, where: str) -> dt.date | None:
    if raw is None or isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise ClauseSourceError(f"{where}: 'date' must be a date (YYYY-MM-DD)") from None


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
        # Sorted: PostgreSQL's jsonb does not keep key order, and an export must
        # read the same from either database.
        meta["terms"] = {k: list(clause.terms[k]) for k in sorted(clause.terms)}
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
    """The newest version of every clause (the files in `clauses/`), in document order."""
    directory = directory or LIBRARY_DIR / "clauses"
    clauses = [
        parse_clause(path.read_text(encoding="utf-8"), where=path.name)
        for path in sorted(directory.glob("*.md"))
    ]
    return sorted(clauses, key=lambda c: (c.order, c.slug))


def read_history(directory: Path | None = None) -> list[ClauseText]:
    """The older versions kept in `history/` (`<slug>.v<N>.md`), by clause and number."""
    directory = directory or LIBRARY_DIR / "history"
    versions = []
    for path in sorted(directory.glob("*.md")):
        clause = parse_clause(path.read_text(encoding="utf-8"), where=f"history/{path.name}")
        if path.name != history_filename(clause):
            raise ClauseSourceError(
                f"history/{path.name}: holds {clause.slug} version {clause.version}; "
                f"name it {history_filename(clause)}"
            )
        versions.append(clause)
    return sorted(versions, key=lambda c: (c.slug, c.version))


def read_all_versions(directory: Path | None = None) -> list[ClauseText]:
    """Every clause version the library directory holds: `history/` and `clauses/`.

    Sorted by clause, then version number, so a loader creates them in order.
    Raises ClauseSourceError when two files hold the same version of a clause.
    """
    directory = directory or LIBRARY_DIR
    versions = [*read_history(directory / "history"), *read_library(directory / "clauses")]
    seen: set[tuple[str, int]] = set()
    for clause in versions:
        if (clause.slug, clause.version) in seen:
            raise ClauseSourceError(
                f"{clause.slug} version {clause.version} is in both clauses/ and history/"
            )
        seen.add((clause.slug, clause.version))
    return sorted(versions, key=lambda c: (c.slug, c.version))


def current_filename(clause: ClauseText) -> str:
    """ "230-detainers.md": where a clause's newest version lives."""
    return f"{clause.order:03d}-{clause.slug}.md"


def history_filename(clause: ClauseText) -> str:
    """ "detainers.v1.md": where an older version lives."""
    return f"{clause.slug}.v{clause.version}.md"


@dataclass(frozen=True)
class EditionManifest:
    """An edition as a reviewable file: a dated mapping of clause slug to version."""

    slug: str
    name: str
    date: dt.date
    description: str
    clauses: dict[str, int]
    derived_from: str = ""
    release_notes: str = ""


def parse_edition(text: str, where: str = "edition") -> EditionManifest:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ClauseSourceError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise ClauseSourceError(f"{where}: must be a mapping")
    date = _date(_require(raw, "date", where), where)
    clauses = _require(raw, "clauses", where)
    if not isinstance(clauses, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in clauses.values()
    ):
        raise ClauseSourceError(f"{where}: 'clauses' must map each clause slug to a version")
    return EditionManifest(
        slug=str(_require(raw, "slug", where)),
        name=str(_require(raw, "name", where)),
        date=date,
        description=str(raw.get("description") or "").strip(),
        clauses={str(k): v for k, v in clauses.items()},
        derived_from=str(raw.get("derived_from") or ""),
        release_notes=str(raw.get("release_notes") or "").strip(),
    )


def dump_edition(manifest: EditionManifest) -> str:
    """An edition manifest in the file format (round-trips `parse_edition`)."""
    data: dict[str, Any] = {
        "slug": manifest.slug,
        "name": manifest.name,
        "date": manifest.date.isoformat(),
    }
    if manifest.derived_from:
        data["derived_from"] = manifest.derived_from
    data["description"] = manifest.description
    if manifest.release_notes:
        data["release_notes"] = manifest.release_notes
    data["clauses"] = dict(manifest.clauses)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


def read_editions(directory: Path | None = None) -> list[EditionManifest]:
    """Every edition manifest, oldest first (a base edition before those derived from it)."""
    directory = directory or LIBRARY_DIR / "editions"
    editions = [
        parse_edition(path.read_text(encoding="utf-8"), where=path.name)
        for path in sorted(directory.glob("*.yaml"))
    ]
    return sorted(editions, key=lambda e: (e.date, bool(e.derived_from), e.slug))


def edition_contents(
    manifest: EditionManifest, versions: list[ClauseText] | None = None
) -> list[ClauseText]:
    """The clause versions an edition manifest names, in document order.

    `versions` defaults to every version in the library directory. Raises
    ClauseSourceError naming a version that no file holds.
    """
    by_key = {(c.slug, c.version): c for c in (versions or read_all_versions())}
    missing = [f"{s} v{n}" for s, n in manifest.clauses.items() if (s, n) not in by_key]
    if missing:
        raise ClauseSourceError(f"Edition {manifest.slug}: no file holds {', '.join(missing)}")
    chosen = [by_key[(slug, number)] for slug, number in manifest.clauses.items()]
    return sorted(chosen, key=lambda c: (c.order, c.slug))


def read_edition(slug: str, directory: Path | None = None) -> list[ClauseText]:
    """The clause versions of the library edition `slug`, from the files.

    >>> [c.version for c in read_edition("cpd-2017") if c.slug == "definitions"]
    [1]
    """
    directory = directory or LIBRARY_DIR
    manifest = next((e for e in read_editions(directory / "editions") if e.slug == slug), None)
    if manifest is None:
        raise ClauseSourceError(f"No edition manifest {slug!r} in {directory / 'editions'}")
    return edition_contents(manifest, read_all_versions(directory))


# -- editing in the app: the front matter split in two textareas ---------------

# Set by the library when a version is saved, never typed by an editor.
MANAGED_FIELDS = ("slug", "version", "date", "author", "change_note", "options")


def editable_front_matter(clause: ClauseText) -> tuple[str, str]:
    """(front matter without the managed fields, the options list) as YAML text."""
    head, _body = dump_clause(clause)[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    options = meta.pop("options", [])
    for name in MANAGED_FIELDS:
        meta.pop(name, None)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=88)
    listed = yaml.safe_dump(options, sort_keys=False, allow_unicode=True, width=88)
    return front, listed if options else ""


def compose_clause(
    *, front_matter: dict, options: list, body: str, managed: dict[str, Any]
) -> ClauseText:
    """A clause version from edited parts, validated as a source file would be.

    `managed` holds slug, version, date, author and change note. Raises
    ClauseSourceError naming the field.
    """
    meta = {**front_matter, **managed, "options": options}
    if isinstance(meta.get("date"), dt.date):
        meta["date"] = meta["date"].isoformat()
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=88)
    body = body.replace("\r\n", "\n").strip("\n")
    return parse_clause(f"---\n{head}---\n{body}\n", where="clause")


def write_edition_files(
    directory: Path, manifest: EditionManifest, versions: list[ClauseText]
) -> list[Path]:
    """Write an edition as the library's source files: `clauses/<order>-<slug>.md`
    for each version it holds and `editions/<slug>.yaml`. Returns the paths written."""
    (directory / "clauses").mkdir(parents=True, exist_ok=True)
    (directory / "editions").mkdir(parents=True, exist_ok=True)
    written = []
    for clause in sorted(versions, key=lambda c: (c.order, c.slug)):
        path = directory / "clauses" / current_filename(clause)
        path.write_text(dump_clause(clause), encoding="utf-8")
        written.append(path)
    path = directory / "editions" / f"{manifest.slug}.yaml"
    path.write_text(dump_edition(manifest), encoding="utf-8")
    written.append(path)
    return written
