"""State law as library data: read, validate and look up the 50 states and DC. Pure.

One YAML file per jurisdiction in `clauses/library/state-law/` (the schema is in
that folder's README) says what the state's law means for a local
immigrant-protection ordinance: its stance (`preempts`, `floor`, `mixed`,
`none-found`), the laws, and the effect on each ordinance area at one of the
levels `forbids`, `restricts`, `floor`, `contested`, `silent`.

    >>> entry = parse_entry({
    ...     "state": "Texas", "postal": "TX", "stance": "preempts",
    ...     "as_of": "2026-11-30", "recorded": "2026-11-30",
    ...     "summary": "Texas bans local sanctuary policies. Verify with counsel.",
    ...     "laws": [{"citation": "Tex. Gov't Code ch. 752", "name": "SB 4", "year": 2017,
    ...               "url": "https://capitol.texas.gov/"}],
    ...     "effects": {area: {"level": "silent", "text": "None found."} for area in AREAS},
    ...     "penalties": "", "litigation": [], "sources": [], "unverified": []})
    >>> find_entry([entry], "Tex.").postal, find_entry([entry], "tx").state
    ('TX', 'Texas')
    >>> parse_entry({"state": "Texas"})
    Traceback (most recent call last):
    ...
    drafting.state_law.StateLawError: postal: required; stance: required; as_of: required; ...

The data is research for drafters, never legal advice: every summary ends
"Verify with counsel.", and every note shows its date.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from drafting.library import LIBRARY_DIR

STATE_LAW_DIR = LIBRARY_DIR / "state-law"
STANCES = ("preempts", "floor", "mixed", "none-found")
LEVELS = ("forbids", "restricts", "floor", "contested", "silent")
AREAS = ("detainers", "287g", "information_sharing", "detention_contracts", "courthouses")
AREA_NAMES = {
    "detainers": "Detainers",
    "287g": "287(g) agreements",
    "information_sharing": "Information sharing",
    "detention_contracts": "Detention contracts",
    "courthouses": "Courthouses",
}
# What a local ordinance does in each area, as the thing a preempting state forbids.
AREA_LIMITS = {
    "detainers": "limits on honouring immigration detainers",
    "287g": "bans on 287(g) agreements",
    "information_sharing": "limits on asking about or sharing immigration status",
    "detention_contracts": "bans on immigration detention contracts",
    "courthouses": "limits on immigration enforcement at courthouses",
}
STANCE_NAMES = {
    "preempts": "preempts local limits",
    "floor": "state law is a floor",
    "mixed": "mixed",
    "none-found": "no state statute found",
}
REQUIRED = ("state", "postal", "stance", "as_of", "recorded", "summary", "effects")
NONE_FOUND_OPENING = "No state statute found as of {as_of}; verify with counsel."
COUNSEL = "Verify with counsel."

# Postal code -> name and the abbreviations people write (GPO and AP styles).
JURISDICTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "AL": ("Alabama", ("Ala.",)),
    "AK": ("Alaska", ()),
    "AZ": ("Arizona", ("Ariz.",)),
    "AR": ("Arkansas", ("Ark.",)),
    "CA": ("California", ("Cal.", "Calif.")),
    "CO": ("Colorado", ("Colo.",)),
    "CT": ("Connecticut", ("Conn.",)),
    "DE": ("Delaware", ("Del.",)),
    "DC": ("District of Columbia", ("D.C.", "Washington, D.C.", "Washington DC")),
    "FL": ("Florida", ("Fla.",)),
    "GA": ("Georgia", ("Ga.",)),
    "HI": ("Hawaii", ("Hawai'i", "Hawaiʻi")),
    "ID": ("Idaho", ()),
    "IL": ("Illinois", ("Ill.",)),
    "IN": ("Indiana", ("Ind.",)),
    "IA": ("Iowa", ()),
    "KS": ("Kansas", ("Kan.", "Kans.")),
    "KY": ("Kentucky", ("Ky.",)),
    "LA": ("Louisiana", ("La.",)),
    "ME": ("Maine", ()),
    "MD": ("Maryland", ("Md.",)),
    "MA": ("Massachusetts", ("Mass.",)),
    "MI": ("Michigan", ("Mich.",)),
    "MN": ("Minnesota", ("Minn.",)),
    "MS": ("Mississippi", ("Miss.",)),
    "MO": ("Missouri", ("Mo.",)),
    "MT": ("Montana", ("Mont.",)),
    "NE": ("Nebraska", ("Neb.", "Nebr.")),
    "NV": ("Nevada", ("Nev.",)),
    "NH": ("New Hampshire", ("N.H.",)),
    "NJ": ("New Jersey", ("N.J.",)),
    "NM": ("New Mexico", ("N.M.", "N. Mex.")),
    "NY": ("New York", ("N.Y.",)),
    "NC": ("North Carolina", ("N.C.",)),
    "ND": ("North Dakota", ("N.D.", "N. Dak.")),
    "OH": ("Ohio", ()),
    "OK": ("Oklahoma", ("Okla.",)),
    "OR": ("Oregon", ("Ore.", "Oreg.")),
    "PA": ("Pennsylvania", ("Pa.", "Penn.", "Penna.")),
    "RI": ("Rhode Island", ("R.I.",)),
    "SC": ("South Carolina", ("S.C.",)),
    "SD": ("South Dakota", ("S.D.", "S. Dak.")),
    "TN": ("Tennessee", ("Tenn.",)),
    "TX": ("Texas", ("Tex.",)),
    "UT": ("Utah", ()),
    "VT": ("Vermont", ("Vt.",)),
    "VA": ("Virginia", ("Va.",)),
    "WA": ("Washington", ("Wash.", "Washington State")),
    "WV": ("West Virginia", ("W. Va.", "W.Va.")),
    "WI": ("Wisconsin", ("Wis.", "Wisc.")),
    "WY": ("Wyoming", ("Wyo.",)),
}


class StateLawError(ValueError):
    """What is wrong with a state-law entry, field by field."""

    def __init__(self, problems: Sequence[str], where: str = ""):
        self.problems = list(problems)
        prefix = f"{where}: " if where else ""
        super().__init__(prefix + "; ".join(self.problems))


@dataclass(frozen=True)
class Law:
    citation: str
    name: str
    year: int | None
    url: str


@dataclass(frozen=True)
class Effect:
    area: str
    level: str
    text: str

    @property
    def name(self) -> str:
        return AREA_NAMES[self.area]


@dataclass(frozen=True)
class Case:
    case: str
    holding: str
    url: str


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    checked: str


@dataclass(frozen=True)
class StateLawEntry:
    """One jurisdiction's entry, as its file says."""

    state: str
    postal: str
    stance: str
    as_of: dt.date
    recorded: dt.date
    summary: str
    laws: tuple[Law, ...]
    effects: tuple[Effect, ...]
    penalties: str
    litigation: tuple[Case, ...]
    sources: tuple[Source, ...]
    unverified: tuple[str, ...]

    def effect(self, area: str) -> Effect:
        return next(e for e in self.effects if e.area == area)

    @property
    def citation(self) -> str:
        """The laws' citations, one string ("" when none was found)."""
        return "; ".join(law.citation for law in self.laws)

    @property
    def authority(self) -> str:
        """The citations with their source addresses, for a lint finding."""
        if not self.laws:
            return f"{self.state} state-law entry (no statute found as of {self.as_of})"
        return "; ".join(f"{law.citation} ({law.url})" for law in self.laws)

    @property
    def stance_name(self) -> str:
        return STANCE_NAMES[self.stance]

    def headline(self) -> str:
        """The one sentence a drafter reads first.

        >>> entry = example_entry("preempts", detainers="forbids", courthouses="forbids")
        >>> entry.headline()
        'Texas law forbids limits on honouring immigration detainers and limits on immigration enforcement at courthouses (state law as of 2026-11-30).'
        """  # noqa: E501
        dated = f"(state law as of {self.as_of})"
        if self.stance == "none-found":
            return NONE_FOUND_OPENING.format(as_of=self.as_of)
        forbidden = [AREA_LIMITS[e.area] for e in self.effects if e.level == "forbids"]
        if forbidden:
            return f"{self.state} law forbids {_and(forbidden)} {dated}."
        if self.stance == "floor":
            return f"{self.state} law already gives some of these protections {dated}."
        return f"{self.state} law limits what a local ordinance may do {dated}."

    def needs_review(self, today: dt.date) -> bool:
        return needs_review(self.recorded, today)

    def to_dict(self) -> dict[str, Any]:
        """The entry in its file's schema (dates as ISO strings), for storing as JSON."""
        return {
            "state": self.state,
            "postal": self.postal,
            "stance": self.stance,
            "as_of": self.as_of.isoformat(),
            "recorded": self.recorded.isoformat(),
            "summary": self.summary,
            "laws": [vars(law).copy() for law in self.laws],
            "effects": {e.area: {"level": e.level, "text": e.text} for e in self.effects},
            "penalties": self.penalties,
            "litigation": [vars(case).copy() for case in self.litigation],
            "sources": [vars(source).copy() for source in self.sources],
            "unverified": list(self.unverified),
        }

    def fingerprint(self) -> str:
        data = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def needs_review(recorded: dt.date, today: dt.date) -> bool:
    """A note recorded more than a year before `today` needs review.

    >>> needs_review(dt.date(2025, 11, 29), dt.date(2026, 11, 30))
    True
    >>> needs_review(dt.date(2025, 11, 30), dt.date(2026, 11, 30))
    False
    """
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return recorded < year_ago


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _text(raw: Mapping, key: str, problems: list[str], where: str, required: bool = True) -> str:
    value = raw.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(f"{where}{key}: required")
        return ""
    if not isinstance(value, str | int):
        problems.append(f"{where}{key}: must be text")
        return ""
    return " ".join(str(value).split())


def _date(raw: Mapping, key: str, problems: list[str]) -> dt.date:
    value = raw.get(key)
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{key}: must be a date YYYY-MM-DD, not {value!r}")
        return dt.date.min


def _url(raw: Mapping, problems: list[str], where: str) -> str:
    url = _text(raw, "url", problems, where)
    if url and not re.match(r"https?://\S+$", url):
        problems.append(f"{where}url: must start with http:// or https://")
    return url


def _items(raw: Any, key: str, problems: list[str]) -> list[Mapping]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(item, Mapping) for item in raw):
        problems.append(f"{key}: must be a list of mappings")
        return []
    return raw


def _laws(raw: Any, problems: list[str]) -> tuple[Law, ...]:
    laws = []
    for index, item in enumerate(_items(raw, "laws", problems)):
        where = f"laws[{index}]."
        year = item.get("year")
        if year is not None and not isinstance(year, int):
            problems.append(f"{where}year: must be a whole number")
            year = None
        laws.append(
            Law(
                _text(item, "citation", problems, where),
                _text(item, "name", problems, where, required=False),
                year,
                _url(item, problems, where),
            )
        )
    return tuple(laws)


def _effects(raw: Any, problems: list[str]) -> tuple[Effect, ...]:
    if not isinstance(raw, Mapping):
        return ()
    unknown = sorted(str(key) for key in raw if str(key) not in AREAS)
    if unknown:
        problems.append(f"effects: unknown area(s) {', '.join(unknown)}")
    effects = []
    for area in AREAS:
        item = raw.get(area)
        where = f"effects.{area}."
        if not isinstance(item, Mapping):
            problems.append(f"effects.{area}: required (level and text)")
            continue
        level = item.get("level")
        if level not in LEVELS:
            problems.append(f"{where}level: must be one of {', '.join(LEVELS)}, not {level!r}")
        effects.append(Effect(area, str(level), _text(item, "text", problems, where)))
    return tuple(effects)


def _cases(raw: Any, problems: list[str]) -> tuple[Case, ...]:
    return tuple(
        Case(
            _text(item, "case", problems, f"litigation[{i}]."),
            _text(item, "holding", problems, f"litigation[{i}]."),
            _url(item, problems, f"litigation[{i}]."),
        )
        for i, item in enumerate(_items(raw, "litigation", problems))
    )


def _sources(raw: Any, problems: list[str]) -> tuple[Source, ...]:
    return tuple(
        Source(
            _url(item, problems, f"sources[{i}]."),
            _text(item, "title", problems, f"sources[{i}].", required=False),
            _text(item, "checked", problems, f"sources[{i}].", required=False),
        )
        for i, item in enumerate(_items(raw, "sources", problems))
    )


def parse_entry(raw: Any, where: str = "") -> StateLawEntry:
    """One entry from its file's data; every problem at once in a `StateLawError`."""
    if not isinstance(raw, Mapping):
        raise StateLawError(["the file must hold a mapping of the schema's keys"], where)
    problems = [f"{key}: required" for key in REQUIRED if raw.get(key) in (None, "")]
    missing = {p.split(":")[0] for p in problems}
    postal = str(raw.get("postal") or "").upper()
    if "postal" in missing:
        pass
    elif postal not in JURISDICTIONS:
        problems.append(f"postal: {postal!r} is not a state's or DC's postal code")
    elif "state" not in missing and raw.get("state") != JURISDICTIONS[postal][0]:
        problems.append(f"state: {postal} is {JURISDICTIONS[postal][0]}, not {raw.get('state')!r}")
    stance = raw.get("stance")
    if "stance" not in missing and stance not in STANCES:
        problems.append(f"stance: must be one of {', '.join(STANCES)}, not {stance!r}")
    as_of = _date(raw, "as_of", problems) if "as_of" not in missing else dt.date.min
    recorded = _date(raw, "recorded", problems) if "recorded" not in missing else dt.date.min
    summary = _text(raw, "summary", [], "") if "summary" not in missing else ""
    if summary and not summary.endswith(COUNSEL):
        problems.append(f"summary: must end with “{COUNSEL}”")
    entry = StateLawEntry(
        state=str(raw.get("state") or ""),
        postal=postal,
        stance=str(stance),
        as_of=as_of,
        recorded=recorded,
        summary=summary,
        laws=_laws(raw.get("laws"), problems),
        effects=_effects(raw.get("effects"), problems) if "effects" not in missing else (),
        penalties=" ".join(str(raw.get("penalties") or "").split()),
        litigation=_cases(raw.get("litigation"), problems),
        sources=_sources(raw.get("sources"), problems),
        unverified=tuple(" ".join(str(u).split()) for u in raw.get("unverified") or ()),
    )
    if stance == "none-found" and not problems:
        problems.extend(_none_found_problems(entry))
    if problems:
        raise StateLawError(problems, where)
    return entry


def _none_found_problems(entry: StateLawEntry) -> list[str]:
    problems = []
    if entry.laws:
        problems.append("laws: a none-found entry lists no laws")
    if any(e.level != "silent" for e in entry.effects):
        problems.append("effects: every effect of a none-found entry is silent")
    opening = NONE_FOUND_OPENING.format(as_of=entry.as_of)
    if not entry.summary.startswith(opening):
        problems.append(f"summary: a none-found entry begins “{opening}”")
    return problems


def read_entry(path: Path) -> StateLawEntry:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise StateLawError([f"not valid YAML: {exc}"], path.name) from exc
    entry = parse_entry(raw, path.name)
    if path.stem.upper() != entry.postal:
        raise StateLawError([f"postal: {entry.postal} belongs in {entry.postal.lower()}.yaml"])
    return entry


def read_state_law(directory: Path | None = None) -> tuple[StateLawEntry, ...]:
    """Every entry in `directory` (default: the library's), ordered by state name."""
    directory = directory or STATE_LAW_DIR
    stamp = tuple((p.name, p.stat().st_mtime_ns) for p in sorted(directory.glob("*.yaml")))
    return _read_cached(directory, stamp)


@functools.cache
def _read_cached(directory: Path, stamp: tuple) -> tuple[StateLawEntry, ...]:
    entries = [read_entry(directory / name) for name, _ in stamp]
    return tuple(sorted(entries, key=lambda e: e.state))


def _normal(name: str) -> str:
    return " ".join(re.sub(r"[.,]", " ", name).lower().replace("ʻ", "'").split())


@functools.cache
def _names() -> dict[str, str]:
    names = {}
    for postal, (state, abbreviations) in JURISDICTIONS.items():
        for name in (postal, state, f"State of {state}", *abbreviations):
            names[_normal(name)] = postal
    return names


def postal_code(name: str | None) -> str | None:
    """The postal code for a state's name, postal code or common abbreviation.

    >>> postal_code("Calif."), postal_code("new york"), postal_code("D.C."), postal_code("Narnia")
    ('CA', 'NY', 'DC', None)
    """
    return _names().get(_normal(name or ""))


def find_entry(entries: Iterable[StateLawEntry], name: str | None) -> StateLawEntry | None:
    postal = postal_code(name)
    return next((e for e in entries if e.postal == postal), None) if postal else None


def example_entry(stance: str = "preempts", **levels: str) -> StateLawEntry:
    """A small Texas-like entry for examples and tests (every area silent unless given)."""
    return StateLawEntry(
        state="Texas",
        postal="TX",
        stance=stance,
        as_of=dt.date(2026, 11, 30),
        recorded=dt.date(2026, 11, 30),
        summary="An example entry. Verify with counsel.",
        laws=(Law("Tex. Gov't Code ch. 752", "SB 4", 2017, "https://capitol.texas.gov/"),),
        effects=tuple(
            Effect(area, levels.get(area, "silent"), f"Example effect on {area}.") for area in AREAS
        ),
        penalties="Example penalties.",
        litigation=(),
        sources=(),
        unverified=(),
    )
