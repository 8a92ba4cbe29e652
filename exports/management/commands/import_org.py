"""manage.py import_org FILE.json: restore an organisation written by export_org."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import MIGRATE_FIRST, setup_errors
from drafting.spec import JSONTooDeep, json_loads
from exports.backup import BackupError, organisation_import


class Command(BaseCommand):
    help = (
        "Restore an organisation's drafts, revisions and audit trail from an export_org file. "
        "Users are created without a usable password; a username that exists here already "
        "is refused unless --allow-existing-users is given, and a user of another "
        "organisation is always refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a JSON file written by export_org")
        parser.add_argument(
            "--allow-existing-users",
            action="store_true",
            help="let users who exist here already (and belong to no other organisation) "
            "join the restored organisation",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = json_loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        except (UnicodeDecodeError, json.JSONDecodeError, JSONTooDeep) as error:
            raise CommandError(f"{path} is not a JSON file: {error}") from error
        try:
            with setup_errors(MIGRATE_FIRST):
                organisation = organisation_import(
                    data=data, allow_existing_users=options["allow_existing_users"]
                )
        except BackupError as error:
            raise CommandError(str(error)) from error
        except (KeyError, TypeError) as error:
            raise CommandError(f"{path} is not a complete export_org file ({error!r}).") from error
        drafts = organisation.drafts.count()
        self.stdout.write(f"Restored {organisation.name}: {drafts} drafts.")
