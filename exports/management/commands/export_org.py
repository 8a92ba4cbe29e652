"""manage.py export_org SLUG -o FILE.json: an organisation's drafts, revisions, export
overrides, unsaved wizard input and audit trail as one JSON file."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from common.commands import MIGRATE_FIRST, setup_errors
from exports.backup import organisation_export
from organisations.models import Organisation


class Command(BaseCommand):
    help = "Write an organisation's drafts, revisions and audit trail to a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the organisation's slug")
        parser.add_argument("-o", "--output", help="write to this file instead of stdout")

    def handle(self, *args, **options):
        with setup_errors(MIGRATE_FIRST):
            organisation = Organisation.objects.filter(slug=options["slug"]).first()
            if organisation is None:
                raise CommandError(f"No organisation with slug {options['slug']!r}.")
            data = organisation_export(organisation=organisation)
        text = json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if not options["output"]:
            self.stdout.write(text, ending="")
            return
        Path(options["output"]).write_text(text, encoding="utf-8")
        revisions = sum(len(draft["revisions"]) for draft in data["drafts"])
        self.stderr.write(
            f"Wrote {len(data['drafts'])} drafts, {revisions} revisions and "
            f"{len(data['audit'])} audit events of {organisation.name} to {options['output']}."
        )
