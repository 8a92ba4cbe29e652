"""Plain-language summaries of clauses, in English and Spanish: library data. Pure.

`clauses/library/summaries.yaml` holds, per clause, entries that each name the
clause versions they were written against (`versions: [first, last]`), the
summary in both languages, and a sentence per option choice that changes what
the clause does. `check_edition` refuses an edition with a clause version no
entry covers, so a clause whose text changes cannot keep a stale summary.

    >>> raw = {"format": FORMAT, "written": "2026-11-30", "clauses": {"severability": [
    ...     {"versions": [2, 2], "label": {"en": "Severability", "es": "Divisibilidad"},
    ...      "en": "The rest stays.", "es": "El resto sigue."}]}}
    >>> summaries = parse_summaries(raw)
    >>> summaries.for_version("severability", 2).text("es")
    'El resto sigue.'
    >>> summaries.for_version("severability", 3) is None
    True
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from drafting.document import Document
from drafting.library import LIBRARY_DIR, ClauseText, effective_options

FORMAT = "clause-summaries/1"
LANGUAGES = ("en", "es")
Language = Literal["en", "es"]
SUMMARIES_FILE = LIBRARY_DIR / "summaries.yaml"
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class SummaryError(ValueError):
    """The summaries file is malformed or does not cover an edition; lists every problem."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True)
class Bilingual:
    en: str
    es: str

    def get(self, language: str) -> str:
        return self.es if language == "es" else self.en


@dataclass(frozen=True)
class ClauseSummary:
    """One clause's summary, written against clause versions `first` to `last`."""

    slug: str
    first: int
    last: int
    summary: Bilingual
    # option key -> choice value -> the sentence that choice adds
    options: dict[str, dict[str, Bilingual]] = field(default_factory=dict)
    label: Bilingual = Bilingual("", "")  # a short name, for the public summary
    public: bool = True  # shown in the public summary

    def covers(self, version: int) -> bool:
        return self.first <= version <= self.last

    def text(self, language: str = "en") -> str:
        return self.summary.get(language)

    @property
    def written_against(self) -> str:
        """ "v2" or "v1–v2": the clause versions the summary was written from."""
        if self.first == self.last:
            return f"v{self.first}"
        return f"v{self.first}–v{self.last}"


@dataclass(frozen=True)
class Summaries:
    written: dt.date
    entries: tuple[ClauseSummary, ...]
    edition: str = ""

    def for_version(self, slug: str, version: int) -> ClauseSummary | None:
        return next((e for e in self.entries if e.slug == slug and e.covers(version)), None)

    def to_dict(self) -> dict[str, Any]:
        clauses: dict[str, list] = {}
        for entry in self.entries:
            item: dict[str, Any] = {
                "versions": [entry.first, entry.last],
                "label": {"en": entry.label.en, "es": entry.label.es},
                "public": entry.public,
                "en": entry.summary.en,
                "es": entry.summary.es,
            }
            if entry.options:
                item["options"] = {
                    key: {value: {"en": t.en, "es": t.es} for value, t in choices.items()}
                    for key, choices in entry.options.items()
                }
            clauses.setdefault(entry.slug, []).append(item)
        return {
            "format": FORMAT,
            "written": self.written.isoformat(),
            "edition": self.edition,
            "clauses": clauses,
        }

    def fingerprint(self) -> str:
        blob = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()


# -- reading ---------------------------------------------------------------------


def _bilingual(raw: Any, where: str, problems: list[str]) -> Bilingual:
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must map 'en' and 'es' to text")
        return Bilingual("", "")
    texts = {}
    for language in LANGUAGES:
        value = raw.get(language)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}.{language}: text is required")
            value = ""
        texts[language] = " ".join(value.split())
    return Bilingual(**texts)


def _versions(raw: Any, where: str, problems: list[str]) -> tuple[int, int]:
    ok = (
        isinstance(raw, list)
        and len(raw) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in raw)
        and raw[0] <= raw[1]
    )
    if not ok:
        problems.append(f"{where}.versions: must be [first, last] clause versions, first <= last")
        return 0, 0
    return raw[0], raw[1]


def _entry(slug: str, raw: Any, where: str, problems: list[str]) -> ClauseSummary | None:
    if not isinstance(raw, Mapping):
        problems.append(f"{where}: must be a mapping")
        return None
    first, last = _versions(raw.get("versions"), where, problems)
    summary = _bilingual(raw, where, problems)
    label = _bilingual(raw.get("label"), f"{where}.label", problems)
    public = raw.get("public", True)
    if not isinstance(public, bool):
        problems.append(f"{where}.public: must be true or false")
    options: dict[str, dict[str, Bilingual]] = {}
    raw_options = raw.get("options") or {}
    if not isinstance(raw_options, Mapping):
        problems.append(f"{where}.options: must map option keys to choices")
        raw_options = {}
    for key, choices in raw_options.items():
        if not isinstance(choices, Mapping):
            problems.append(f"{where}.options.{key}: must map choice values to text")
            continue
        options[str(key)] = {
            str(value): _bilingual(text, f"{where}.options.{key}.{value}", problems)
            for value, text in choices.items()
        }
    return ClauseSummary(slug, first, last, summary, options, label, public is not False)


def parse_summaries(raw: Any, where: str = "summaries") -> Summaries:
    """The summaries from the file's data; SummaryError lists every problem."""
    problems: list[str] = []
    if not isinstance(raw, Mapping) or raw.get("format") != FORMAT:
        raise SummaryError([f"{where}: format must be {FORMAT!r}"])
    written = raw.get("written")
    if isinstance(written, str):
        try:
            written = dt.date.fromisoformat(written)
        except ValueError:
            written = None
    if not isinstance(written, dt.date):
        problems.append(f"{where}.written: a date (YYYY-MM-DD) is required")
        written = dt.date.min
    clauses = raw.get("clauses")
    if not isinstance(clauses, Mapping):
        raise SummaryError([*problems, f"{where}.clauses: must map clause slugs to entries"])
    entries: list[ClauseSummary] = []
    for slug, items in clauses.items():
        if not isinstance(items, list):
            problems.append(f"{where}.clauses.{slug}: must be a list of entries")
            continue
        found = [
            _entry(str(slug), item, f"{where}.clauses.{slug}[{i}]", problems)
            for i, item in enumerate(items)
        ]
        found = [e for e in found if e is not None]
        for a, b in zip(found, found[1:], strict=False):
            if b.first <= a.last:
                problems.append(f"{where}.clauses.{slug}: version ranges overlap")
        entries.extend(found)
    if problems:
        raise SummaryError(problems)
    return Summaries(written, tuple(entries), str(raw.get("edition") or ""))


def read_summaries(path: Path | None = None) -> Summaries:
    path = path or SUMMARIES_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SummaryError([f"{path.name}: cannot be read: {exc}"]) from None
    return parse_summaries(raw, path.name)


# -- checking against an edition ------------------------------------------------------


def check_edition(summaries: Summaries, clauses: Iterable[ClauseText]) -> list[str]:
    """Every problem with `summaries` for these clause versions (an edition's): a clause
    version no entry covers, an option or choice the clause does not have, a placeholder
    that names no number option of the clause.

    >>> clause = ClauseText("severability", "S", "reporting", 1, "section", "", version=3)
    >>> summaries = Summaries(dt.date(2026, 11, 30), (
    ...     ClauseSummary("severability", 2, 2, Bilingual("a", "b")),))
    >>> check_edition(summaries, [clause])[0][:52]
    'severability v3: no summary covers this version (the'
    """
    problems = []
    for clause in clauses:
        entry = summaries.for_version(clause.slug, clause.version)
        if entry is None:
            older = [e for e in summaries.entries if e.slug == clause.slug]
            hint = (
                f" (the newest covers {older[-1].written_against}; re-read the clause and "
                "extend or add an entry)"
                if older
                else ""
            )
            problems.append(
                f"{clause.slug} v{clause.version}: no summary covers this version{hint}"
            )
            continue
        problems.extend(_option_problems(entry, clause))
    return problems


def _option_problems(entry: ClauseSummary, clause: ClauseText) -> list[str]:
    where = f"{clause.slug} v{clause.version}"
    problems = []
    for key, choices in entry.options.items():
        option = clause.option(key)
        if option is None or option.type == "number":
            problems.append(f"{where}: summary names option {key!r}, which it has no choice of")
            continue
        for value in choices:
            if option.choice(value) is None:
                problems.append(f"{where}: option {key!r} has no choice {value!r}")
    numbers = {o.key for o in clause.options if o.type == "number"}
    texts = [entry.summary.en, entry.summary.es] + [
        t for choices in entry.options.values() for b in choices.values() for t in (b.en, b.es)
    ]
    for name in sorted({n for text in texts for n in _PLACEHOLDER.findall(text)}):
        if name not in numbers:
            problems.append(f"{where}: placeholder {{{name}}} is not a number option")
    return problems


# -- what a document's summaries say ----------------------------------------------------


@dataclass(frozen=True)
class ClauseSummaryText:
    """A clause's summary for one draft: the sentences for its options filled in."""

    slug: str
    title: str
    section: str  # the section title the clause is part of ("II) CIVIL ...")
    text: str
    version: int
    written_against: str  # "" when no summary covers the version
    label: str = ""  # the clause's short name in the summary's language
    public: bool = True


MISSING = {
    "en": "No plain-language summary is recorded for this version of the clause.",
    "es": "No hay un resumen en lenguaje sencillo para esta versión de la cláusula.",
}


def _number(value: Any, language: str) -> str:
    """ "10,000" / "10 000" (Spanish groups thousands with a space)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
        grouped = f"{value:,}"
        return grouped.replace(",", NBSP) if language == "es" else grouped
    return str(value)


def fill(text: str, values: Mapping[str, Any], language: str = "en") -> str:
    """Replace `{key}` by the option's value; a number stays on one line with its
    thousands and its " %" (no-break spaces).

    >>> fill("{days} days; {n} residents; {p} %", {"days": 30, "n": 10000, "p": 5}, "es")
    '30 days; 10\xa0000 residents; 5\xa0%'
    """
    filled = _PLACEHOLDER.sub(lambda m: _number(values.get(m.group(1), m.group(0)), language), text)
    return _PERCENT.sub(NBSP + "%", filled)


NBSP = "\u00a0"
_PERCENT = re.compile(r"(?<=\d) %")


def clause_order(document: Document) -> list[tuple[str, str]]:
    """(clause slug, where) in the order the document first shows each clause: where is
    the section's title for a section's own clause ("V) REQUESTING INFORMATION
    PROHIBITED"), else the section's label and the item's label ("II) C.")."""
    seen: dict[str, str] = {}
    for section in document.sections:
        if section.clause:
            seen.setdefault(section.clause, section.title)
        for block in section.blocks:
            if block.clause and block.clause not in seen:
                # an item from a clause of its own: "II) C. No 287(g) agreements"
                where = f"{section.label} {block.label}".strip()
                seen[block.clause] = f"{where} {{title}}" if where else section.title
    return list(seen.items())


def document_summaries(
    document: Document,
    clauses: Sequence[ClauseText],
    options: Mapping[str, Any],
    summaries: Summaries,
    language: str = "en",
    *,
    edited: Collection[str] = (),
) -> list[ClauseSummaryText]:
    """The summary of every clause in `document`, in its order, with the sentences of
    the chosen options added. A clause in `edited` (the draft changed its words) says
    that its summary describes the library text; a section of the draft's own says it
    has no summary. Neither is described beyond what the library wrote."""
    by_slug = {c.slug: c for c in clauses}
    values = effective_options(clauses, options)
    out = []
    for slug, where in clause_order(document):
        clause = by_slug.get(slug)
        if clause is None:
            heading = where.replace(" {title}", "").replace("{title}", "")
            out.append(ClauseSummaryText(slug, heading, heading, OWN[language], 0, "", heading))
            continue
        where = where.replace("{title}", clause.title)
        entry = summaries.for_version(slug, clause.version)
        if entry is None:
            out.append(
                ClauseSummaryText(slug, clause.title, where, MISSING[language], clause.version, "")
            )
            continue
        text = fill(" ".join(_sentences(entry, clause, values, language)), values, language)
        if slug in edited:
            text = f"{text} {EDITED[language]}"
        out.append(
            ClauseSummaryText(
                slug,
                clause.title,
                where,
                text,
                clause.version,
                entry.written_against,
                entry.label.get(language),
                entry.public,
            )
        )
    return out


def _sentences(
    entry: ClauseSummary, clause: ClauseText, values: Mapping[str, Any], language: str
) -> list[str]:
    parts = [entry.text(language)]
    for key, choices in entry.options.items():
        option = clause.option(key)
        if option is None or not option.applies(values):
            continue
        chosen = values.get(key)
        for value in chosen if isinstance(chosen, list | tuple) else [chosen]:
            sentence = choices.get(str(value))
            if sentence is not None:
                parts.append(sentence.get(language))
    return parts


OWN = {
    "en": "A section of this draft's own: no plain-language summary is recorded; read its text.",
    "es": "Sección propia de este borrador: no hay resumen en lenguaje sencillo; lea su texto.",
}
EDITED = {
    "en": "(This draft changes the words of this part; the summary describes the model text.)",
    "es": "(Este borrador cambia el texto de esta parte; el resumen describe el texto modelo.)",
}


# -- the public summary ------------------------------------------------------------------

PUBLIC_TEXT = {
    "en": {
        "heading": "What this ordinance does",
        "status": "Draft — not adopted. Revision {revision}, {date}.",
        "intro": (
            "A plain-language summary of the proposed ordinance for {locality}. It is not "
            "the ordinance itself: the text of the ordinance governs."
        ),
        "switch": "Leer en español",
    },
    "es": {
        "heading": "Lo que hace esta ordenanza",
        "status": "Borrador: no aprobado. Versión {revision}, {date}.",
        "intro": (
            "Un resumen en lenguaje sencillo de la ordenanza propuesta para {locality}. No es "
            "la ordenanza en sí: lo que rige es el texto de la ordenanza."
        ),
        "switch": "Read in English",
    },
}


@dataclass(frozen=True)
class PublicSummary:
    language: str
    title: str  # the ordinance's title
    locality: str
    heading: str
    status: str
    intro: str
    items: tuple[ClauseSummaryText, ...]
    switch: str  # the link to the other language, in that language


def public_summary(
    document: Document,
    clauses: Sequence[ClauseText],
    options: Mapping[str, Any],
    summaries: Summaries,
    *,
    language: str = "en",
    revision: str = "",
    date: dt.date | None = None,
    edited: Collection[str] = (),
) -> PublicSummary:
    """The outreach page's content in one language: heading, the draft's status with
    its revision and date, and the summary of every clause marked public (formal parts
    such as definitions and severability are left out; a clause with no summary for its
    version is kept, saying so)."""
    language = language if language in LANGUAGES else "en"
    words = PUBLIC_TEXT[language]
    items = [
        item
        for item in document_summaries(
            document, clauses, options, summaries, language, edited=edited
        )
        if item.public
    ]
    when = date.isoformat() if date else ""
    return PublicSummary(
        language=language,
        title=document.title,
        locality=document.locality,
        heading=words["heading"],
        status=words["status"].format(revision=revision or "—", date=when).replace(", .", "."),
        intro=words["intro"].format(locality=document.locality),
        items=tuple(items),
        switch=words["switch"],
    )
