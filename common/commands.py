"""What every management command shares: a database that is not set up yet is a
message saying what to run, never a traceback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import DatabaseError, connection

from common.errors import SETUP_HINT, SetupNeeded

MIGRATE_FIRST = "run `python manage.py migrate` first (or `make run`)"


def tables_exist(*tables: str) -> bool:
    """Whether the database has all these tables (False when it cannot be reached)."""
    try:
        existing = set(connection.introspection.table_names())
    except DatabaseError:
        return False
    return set(tables) <= existing


@contextmanager
def setup_errors(hint: str = SETUP_HINT) -> Iterator[None]:
    """Turn "no such table" and SetupNeeded into a CommandError that says what to run.

    A database error while every migration is applied is a real error and is
    raised as is.
    """
    try:
        yield
    except SetupNeeded as exc:
        raise CommandError(str(exc)) from None
    except DatabaseError as exc:
        if tables_exist("django_migrations"):
            from django.db.migrations.executor import MigrationExecutor

            executor = MigrationExecutor(connection)
            if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
                raise
        raise CommandError(f"The database is not set up ({str(exc).strip()}): {hint}.") from None
