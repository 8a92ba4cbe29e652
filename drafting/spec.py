"""The draft spec: the JSON document that fully determines a draft.

    {
      "format": "ordinance-spec/2",        # /1 (without the words below) is still read
      "edition": "cpd-2026-council",       # optional: default is CURRENT_EDITION
      "numbering": "cpd",                  # or "section"
      "locality": {"name": "City of Springfield", "type": "city", "state": "Illinois",
                   "legislative_body": "City Council", ...},
      "options": {"warrant_standard": "judicial", "reporting_cadence": "semiannual"},
      "clauses": ["title", "purpose", ...],   # optional: default is the edition's model set
      "versions": {"detainers": 1, ...},      # optional: pinned clause versions
      "edits": [...], "sections": [...],      # optional: the draft's own words
      "headings": {...}, "order": [...],      #   (ordinance-spec/2: see drafting.words)
      "existing": {...}                       # optional: the law it amends (drafting.amend)
    }

Pure: parsing and validation only. Anything wrong raises SpecError with every
problem found, each naming the field, so a form or the CLI can show them all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

from drafting.amend.existing import Existing, parse_existing
from drafting.grammar import INSTRUMENTS
from drafting.words import Words, parse_words

SPEC_FORMAT = "ordinance-spec/2"
READ_FORMATS = ("ordinance-spec/1", SPEC_FORMAT)  # /1 is /2 without the draft's own words
NUMBERING_STYLES = ("cpd", "section")
LOCALITY_TYPES = ("city", "county", "town", "village", "borough", "parish", "city and county")
# The edition new drafts, and specs that name none, are drafted against: the
# current recommended text (cpd-2017 is the verbatim model, kept for fidelity).
CURRENT_EDITION = "cpd-2026-council"
MAX_FIELD_LENGTH = 200
MAX_LANGUAGES = 20

# Characters XML 1.0 cannot carry (so no .docx could hold them), plus bidi
# overrides that can disguise text. Right-to-left letters themselves are fine.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")

LOCALITY_FIELDS: dict[str, str] = {
    "name": "Locality name",
    "type": "Locality type",
    "instrument": "Instrument",
    "state": "State",
    "legislative_body": "Legislative body",
    "chief_law_enforcement_officer": "Chief law enforcement officer",
    "complaint_body": "Complaint body",
    "commission_coordinator": "Commission coordinator",
    "reporting_officer": "Reporting officer",
    "effective_date": "Effective date",
    "ordinance_number": "Ordinance number",
    "executive": "Executive (who issues an executive order)",
}
REQUIRED_LOCALITY = ("name", "type", "state", "legislative_body")
_LATER_FIELDS = ("instrument", "executive")


class SpecError(ValueError):
    """The spec is invalid. `problems` maps a field path to a message."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("; ".join(f"{k}: {v}" for k, v in problems.items()))


@dataclass(frozen=True)
class Locality:
    name: str
    type: str
    state: str
    legislative_body: str
    chief_law_enforcement_officer: str = ""
    complaint_body: str = ""
    commission_coordinator: str = ""
    reporting_officer: str = ""
    effective_date: str = ""
    ordinance_number: str = ""
    instrument: str = ""
    executive: str = ""
    languages: tuple[str, ...] = ()

    def with_placeholders(self, problems: dict[str, str]) -> Locality | None:
        """This locality with each field `problems` names ("locality.complaint_body")
        filled by a bracketed placeholder ("[Complaint body]"), for a comparison that
        needs the model's words, not the names; None if a problem is not such a field.

        >>> Locality("Springfield", "city", "Illinois", "City Council").with_placeholders(
        ...     {"locality.complaint_body": "Complaint body is required."}).complaint_body
        '[Complaint body]'
        """
        names = [key.removeprefix("locality.") for key in problems]
        if not names or any(
            name not in LOCALITY_FIELDS or name in REQUIRED_LOCALITY for name in names
        ):
            return None
        return replace(self, **{name: f"[{LOCALITY_FIELDS[name]}]" for name in names})

    def as_dict(self) -> dict[str, Any]:
        # Fields added after ordinance-spec/1 first shipped appear only when set,
        # so a spec written before them round-trips unchanged.
        data: dict[str, Any] = {
            k: getattr(self, k)
            for k in LOCALITY_FIELDS
            if k not in _LATER_FIELDS or getattr(self, k)
        }
        data["languages"] = list(self.languages)
        return data


@dataclass(frozen=True)
class DraftSpec:
    locality: Locality
    edition: str = CURRENT_EDITION
    numbering: str = "cpd"
    options: dict[str, Any] = field(default_factory=dict)
    clauses: tuple[str, ...] | None = None
    versions: dict[str, int] = field(default_factory=dict)
    words: Words = field(default_factory=Words)
    # The law this draft amends, and what to do with each of its sections (a draft
    # with none is a new ordinance, as every spec before it).
    existing: Existing | None = None

    def library_spec(self) -> DraftSpec:
        """This spec without the draft's own words: the library text it edits."""
        return replace(self, words=Words())

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": SPEC_FORMAT,
            "edition": self.edition,
            "numbering": self.numbering,
            "locality": self.locality.as_dict(),
            "options": dict(sorted(self.options.items())),
        }
        if self.clauses is not None:
            data["clauses"] = list(self.clauses)
        if self.versions:
            data["versions"] = dict(sorted(self.versions.items()))
        data.update(self.words.as_dict())
        if self.existing is not None:
            data["existing"] = self.existing.as_dict()
        return data

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"


def clean_text(value: Any, label: str, *, required: bool = False) -> tuple[str, str | None]:
    """Normalise one free-text value; return (value, problem or None)."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        return "", f"{label} must be text."
    if _FORBIDDEN.search(value):
        return value, f"{label} contains a control character that a document cannot hold."
    value = " ".join(value.split())
    if required and not value:
        return value, f"{label} is required."
    if len(value) > MAX_FIELD_LENGTH:
        return value, f"{label} is {len(value)} characters long; at most {MAX_FIELD_LENGTH}."
    return value, None


def parse_locality(raw: Any) -> Locality:
    if not isinstance(raw, dict):
        raise SpecError({"locality": "must be an object with the locality's details."})
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key, label in LOCALITY_FIELDS.items():
        value, problem = clean_text(raw.get(key), label, required=key in REQUIRED_LOCALITY)
        values[key] = value
        if problem:
            problems[f"locality.{key}"] = problem
    if values["type"] and values["type"] not in LOCALITY_TYPES:
        problems["locality.type"] = f"Locality type must be one of: {', '.join(LOCALITY_TYPES)}."
    if values["instrument"] and values["instrument"] not in INSTRUMENTS:
        problems["locality.instrument"] = f"Instrument must be one of: {', '.join(INSTRUMENTS)}."
    if values["instrument"] == "executive-order" and not values["executive"]:
        problems["locality.executive"] = (
            "Executive is required for an executive order (e.g. “Mayor”)."
        )
    languages = raw.get("languages") or []
    if isinstance(languages, str):
        languages = [part for part in re.split(r"[,;\n]", languages)]
    if not isinstance(languages, list):
        problems["locality.languages"] = "Languages must be a list of names."
        languages = []
    cleaned = []
    for item in languages:
        value, problem = clean_text(item, "Language")
        if problem:
            problems["locality.languages"] = problem
        elif value and value not in cleaned:
            cleaned.append(value)
    if len(cleaned) > MAX_LANGUAGES:
        problems["locality.languages"] = f"At most {MAX_LANGUAGES} languages."
    unknown = set(raw) - set(LOCALITY_FIELDS) - {"languages"}
    if unknown:
        problems["locality"] = f"Unknown field(s): {', '.join(sorted(unknown))}."
    if problems:
        raise SpecError(problems)
    return Locality(**values, languages=tuple(cleaned))


def parse_spec(data: Any) -> DraftSpec:
    """Validate a spec from decoded JSON. Raises SpecError listing every problem."""
    if not isinstance(data, dict):
        raise SpecError({"spec": "must be a JSON object."})
    problems: dict[str, str] = {}
    if data.get("format", SPEC_FORMAT) not in READ_FORMATS:
        problems["format"] = (
            f"Unsupported spec format {data.get('format')!r}; expected {SPEC_FORMAT}."
        )
    numbering = data.get("numbering", "cpd")
    if numbering not in NUMBERING_STYLES:
        problems["numbering"] = f"Numbering must be one of: {', '.join(NUMBERING_STYLES)}."
    edition = data.get("edition", CURRENT_EDITION)
    if not isinstance(edition, str) or not edition:
        problems["edition"] = "Edition must be an edition's slug."
    options = data.get("options") or {}
    if not isinstance(options, dict):
        problems["options"] = "Options must be an object of option key to value."
        options = {}
    clauses = data.get("clauses")
    if clauses is not None and (
        not isinstance(clauses, list) or not all(isinstance(c, str) for c in clauses)
    ):
        problems["clauses"] = "Clauses must be a list of clause slugs."
        clauses = None
    versions = data.get("versions") or {}
    if not isinstance(versions, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in versions.values()
    ):
        problems["versions"] = "Versions must map clause slugs to version numbers."
        versions = {}
    words, word_problems = parse_words(data)
    problems.update(word_problems)
    existing = None
    if data.get("existing") is not None:
        existing, existing_problems = parse_existing(data["existing"])
        problems.update(existing_problems)
    try:
        locality = parse_locality(data.get("locality"))
    except SpecError as exc:
        problems.update(exc.problems)
        locality = None
    if problems:
        raise SpecError(problems)
    return DraftSpec(
        locality=locality,
        edition=edition,
        numbering=numbering,
        options=dict(options),
        clauses=tuple(clauses) if clauses is not None else None,
        versions=dict(versions),
        words=words,
        existing=existing,
    )


MAX_JSON_DEPTH = 64
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class JSONTooDeep(ValueError):
    """JSON nested deeper than any file of ours (Python's parser would recurse and fail)."""


def json_loads(text: str | bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """`json.loads`, refusing nesting deeper than `max_depth` first, in linear time.

    `json.loads` recurses once per level: 100,000 nested "[" raise RecursionError,
    which no caller expects. Raises JSONTooDeep, json.JSONDecodeError or
    UnicodeDecodeError.

        >>> json_loads("[[1]]")
        [[1]]
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                raise JSONTooDeep(f"nested more than {max_depth} levels deep")
        elif token in "]}":
            depth -= 1
    return json.loads(text)


def load_spec(text: str) -> DraftSpec:
    try:
        data = json_loads(text)
    except json.JSONDecodeError as exc:
        raise SpecError({"spec": f"not valid JSON (line {exc.lineno}): {exc.msg}"}) from None
    except JSONTooDeep as exc:
        raise SpecError({"spec": f"not a draft spec: {exc}"}) from None
    return parse_spec(data)
