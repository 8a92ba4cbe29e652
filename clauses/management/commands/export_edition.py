from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clauses.models import Edition
from common.commands import setup_errors
from drafting.library import EditionManifest, write_edition_files


class Command(BaseCommand):
    help = (
        "Write a published edition as the library's source files: DIR/clauses/<order>-<slug>.md "
        "for each clause version and DIR/editions/<slug>.yaml (for review, or another city)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the edition's slug, e.g. cpd-2026-forms")
        parser.add_argument("directory", help="where to write (created if missing)")

    def handle(self, *args, **options):
        with setup_errors():
            edition = Edition.objects.filter(slug=options["slug"], published=True).first()
            if edition is None:
                raise CommandError(f"No published edition {options['slug']!r}.")
            versions = edition.contents()
        manifest = EditionManifest(
            slug=edition.slug,
            name=edition.name,
            date=edition.date,
            description=edition.description,
            clauses={c.slug: c.version for c in versions},
            derived_from=edition.derived_from.slug if edition.derived_from else "",
            release_notes=edition.release_notes,
        )
        try:
            written = write_edition_files(Path(options["directory"]), manifest, versions)
        except OSError as exc:
            raise CommandError(f"Cannot write {options['directory']}: {exc.strerror}") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {edition.name}: {len(written) - 1} clause file(s) and "
                f"editions/{edition.slug}.yaml in {options['directory']}."
            )
        )
