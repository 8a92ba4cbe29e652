"""What a command's argument names: a spec file, or a saved revision ("12.3")."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError

from common.commands import tables_exist
from common.errors import SETUP_HINT, NotFound
from drafting.spec import DraftSpec, SpecError, load_spec
from ordinances.comparison import revision_by_reference
from ordinances.models import Draft, Revision


def spec_or_revision(reference: str) -> DraftSpec | Revision:
    """The spec in the file `reference` (a .json or any existing path), else the
    revision it names in any office; CommandError says which it is neither."""
    path = Path(reference)
    if path.suffix == ".json" or path.exists():
        try:
            return load_spec(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        except SpecError as exc:
            raise CommandError(f"{path}: {exc}") from exc
    if not tables_exist(Draft._meta.db_table):
        raise CommandError(
            f"{reference!r} names a saved revision, which lives in the database, and this "
            f"database has no tables yet: {SETUP_HINT}. (A spec file needs no database.)"
        )
    try:
        return revision_by_reference(reference, organisation=None)
    except NotFound:
        raise CommandError(
            f"{reference!r} is neither a spec file nor a revision (e.g. 12.3)."
        ) from None
