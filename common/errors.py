"""Domain errors that views map to 404 and commands to `CommandError`."""

from __future__ import annotations


class NotFound(LookupError):
    """What was asked for does not exist, or is not the asker's to see.

    Views answer 404 (`config.middleware` maps it), so a URL reveals nothing;
    commands print the message.
    """


SETUP_HINT = "run `make run` once, or `python manage.py migrate && python manage.py load_library`"


class SetupNeeded(RuntimeError):
    """The database is not set up for this yet (no tables, or no library loaded).

    The message says what to run; commands print it instead of a traceback.
    """
