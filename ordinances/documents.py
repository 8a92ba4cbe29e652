"""The one way from a saved revision, or a spec, to its document.

Every view, export and command asks here:

- `document_for(revision)` and `clauses_for(revision)`: a saved revision's
  document and the clause texts it is assembled from (for option summaries and
  Word annotations);
- `document_for_spec(spec, organisation=...)` and `clauses_for_spec(...)`: the
  same for a spec that is not saved (the command line, the wizard's preview,
  an uploaded spec, the CPD model).

A document is a pure function of the spec and the clause texts, so the cache
is keyed by exactly those: the spec's canonical JSON and every clause's slug,
version and fingerprint (its content hash). Nothing else can make two keys
meet, so a changed library or a reused primary key never serves a stale
document. A revision's document is also kept under the revision's own key (pk
and save time), which skips even the library lookup: a revision never changes.
Callers share the cached Document; the IR is frozen dataclasses.

Where the database holds no library (a fresh clone before `make run`: no tables
yet, or nothing loaded), a library edition is read from the clause files in
clauses/library/ (`drafting.library.read_edition`); what only the database
holds (a house edition, a version no file has) raises `SetupNeeded`, whose
message says what to run.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Hashable, Sequence

from django.db import DatabaseError, connection

from clauses.models import Edition
from clauses.services import edition_clauses, latest_edition
from common.errors import SETUP_HINT, SetupNeeded
from drafting.assembly import assemble
from drafting.document import Document
from drafting.edits import EditConflict, apply_edits, edit_problems
from drafting.library import (
    ClauseSourceError,
    ClauseText,
    read_all_versions,
    read_edition,
    read_editions,
)
from drafting.spec import DraftSpec, SpecError
from ordinances.models import Revision
from organisations.models import Organisation

__all__ = [
    "SetupNeeded",
    "clauses_for",
    "clauses_for_spec",
    "document_for",
    "document_for_spec",
    "edit_conflicts",
    "revision_key",
    "words_problems",
]

_CACHE_SIZE = 256


class _LRU:
    """A small least-recently-used map (documents are a few hundred kB each)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()

    def get(self, key: Hashable):
        if key not in self._items:
            return None
        self._items.move_to_end(key)
        return self._items[key]

    def put(self, key: Hashable, value) -> None:
        self._items[key] = value
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()


_BY_CONTENT = _LRU(_CACHE_SIZE)  # (spec JSON, clause identities) -> Document
_BY_REVISION = _LRU(_CACHE_SIZE)  # (revision key, spec JSON) -> (clauses, Document)
# id(clause text) -> (the clause text, its fingerprint). A published edition's
# texts are the same objects on every request (clauses.services caches them), so
# their content hash is computed once; the entry holds the object, so its id
# cannot be reused while the entry lives.
_FINGERPRINTS: dict[int, tuple[ClauseText, str]] = {}
_FINGERPRINTS_SIZE = 4096


def clear_caches() -> None:
    """Forget every cached document (tests that swap the library in place)."""
    _BY_CONTENT.clear()
    _BY_REVISION.clear()
    _FINGERPRINTS.clear()


def fingerprint(clause: ClauseText) -> str:
    """`clause.fingerprint()`, remembered for the clause text object."""
    entry = _FINGERPRINTS.get(id(clause))
    if entry is None or entry[0] is not clause:
        if len(_FINGERPRINTS) >= _FINGERPRINTS_SIZE:
            _FINGERPRINTS.clear()
        entry = (clause, clause.fingerprint())
        _FINGERPRINTS[id(clause)] = entry
    return entry[1]


def revision_key(revision: Revision) -> str:
    """Identifies a revision for caches: its pk and when it was saved (never reused)."""
    return f"{revision.pk}-{revision.created_at.timestamp():.6f}"


# -- specs ---------------------------------------------------------------------


def clauses_for_spec(
    spec: DraftSpec, *, organisation: Organisation | None = None
) -> list[ClauseText]:
    """The clause texts `spec` assembles from: its edition with its pinned versions.

    With `organisation`, an edition or version it may not see is refused
    (SpecError). With no library in the database, a library edition comes from
    the clause files; SetupNeeded when the files do not have it either.
    """
    try:
        return edition_clauses(spec.edition, spec.versions, organisation=organisation)
    except (SpecError, DatabaseError):
        if database_has_library():
            raise
    return _clauses_from_files(spec)


def document_for_spec(
    spec: DraftSpec, *, organisation: Organisation | None = None, strict: bool = False
) -> Document:
    """Assemble a spec against its edition and pinned versions (cached).

    Raises SpecError (AssemblyError) for a spec that does not assemble, and
    SetupNeeded as `clauses_for_spec` does. An edit that does not apply leaves its
    clause as the library has it (a conflict the wizard shows); with `strict` (a
    spec given whole: a file, an upload) it is refused, naming the field.
    """
    clauses = clauses_for_spec(spec, organisation=organisation)
    if strict and spec.words:
        problems = edit_problems(assembled(clauses, spec.library_spec()), spec.words)
        if problems:
            raise SpecError(problems)
    return assembled(clauses, spec)


def library_document(spec: DraftSpec, *, organisation: Organisation | None = None) -> Document:
    """The spec's document without its own words: the library text its edits change."""
    return document_for_spec(spec.library_spec(), organisation=organisation)


def words_problems(spec: DraftSpec, *, organisation: Organisation | None = None) -> dict[str, str]:
    """Every edit, section, heading or order entry of the spec that cannot apply, by field."""
    if not spec.words:
        return {}
    return edit_problems(library_document(spec, organisation=organisation), spec.words)


def edit_conflicts(
    spec: DraftSpec, *, organisation: Organisation | None = None
) -> tuple[EditConflict, ...]:
    """The spec's edits that no longer apply (their clauses show the library text)."""
    if not spec.words.edits:
        return ()
    library = library_document(spec, organisation=organisation)
    return apply_edits(library, spec.words.edits).conflicts


def assembled(clauses: Sequence[ClauseText], spec: DraftSpec) -> Document:
    """`assemble(clauses, spec)`, cached by the spec and the clauses' content."""
    key = (_spec_json(spec), tuple((c.slug, c.version, fingerprint(c)) for c in clauses))
    document = _BY_CONTENT.get(key)
    if document is None:
        document = assemble(clauses, spec)
        _BY_CONTENT.put(key, document)
    return document


def _spec_json(spec: DraftSpec) -> str:
    return json.dumps(spec.as_dict(), sort_keys=True, ensure_ascii=False)


# -- saved revisions -----------------------------------------------------------


def document_for(revision: Revision) -> Document:
    """The revision's document (cached: a revision is immutable)."""
    return _revision_entry(revision)[1]


def clauses_for(revision: Revision) -> list[ClauseText]:
    """The clause texts the revision is assembled from."""
    return list(_revision_entry(revision)[0])


def _revision_entry(revision: Revision) -> tuple[tuple[ClauseText, ...], Document]:
    key = (revision_key(revision), json.dumps(revision.spec, sort_keys=True))
    entry = _BY_REVISION.get(key)
    if entry is None:
        spec = revision.draft_spec()
        clauses = clauses_for_spec(spec, organisation=revision.draft.organisation)
        entry = (tuple(clauses), assembled(clauses, spec))
        _BY_REVISION.put(key, entry)
    return entry


# -- a fresh clone: the library files stand in for the database -----------------


def database_has_library() -> bool:
    """Whether the database holds a loaded library (False before `migrate` has run)."""
    try:
        if Edition._meta.db_table not in connection.introspection.table_names():
            return False
        return Edition.objects.exists()
    except DatabaseError:
        return False


def model_edition() -> tuple[str, str] | None:
    """(slug, name) of the newest library edition: the database's, else the files'."""
    try:
        edition = latest_edition()
    except DatabaseError:
        edition = None
    if edition is not None:
        return edition.slug, edition.name
    if database_has_library():
        return None
    manifests = read_editions()
    return (manifests[-1].slug, manifests[-1].name) if manifests else None


def _clauses_from_files(spec: DraftSpec) -> list[ClauseText]:
    try:
        clauses = {c.slug: c for c in read_edition(spec.edition)}
    except ClauseSourceError:
        raise SetupNeeded(
            f"The database holds no clause library, and the library files have no edition "
            f"{spec.edition!r} (a house edition lives only in the database): {SETUP_HINT}."
        ) from None
    every: dict[tuple[str, int], ClauseText] = {}
    for slug, number in spec.versions.items():
        if slug in clauses and clauses[slug].version == number:
            continue
        every = every or {(c.slug, c.version): c for c in read_all_versions()}
        if (slug, number) not in every:
            raise SetupNeeded(
                f"The database holds no clause library, and the library files have no "
                f"version {number} of clause {slug!r}: {SETUP_HINT}."
            )
        clauses[slug] = every[(slug, number)]
    return sorted(clauses.values(), key=lambda c: (c.order, c.slug))
