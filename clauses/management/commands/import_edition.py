from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clauses.loader import LibraryLoadError, load_library
from common.commands import MIGRATE_FIRST, setup_errors
from drafting.library import ClauseSourceError, read_all_versions, read_editions
from organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Load an edition written by export_edition (DIR/clauses, DIR/history, DIR/editions). "
        "Idempotent; with --organisation, new versions and the edition are that "
        "organisation's own."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--organisation", help="slug of the organisation it is for")

    def handle(self, *args, **options):
        with setup_errors(MIGRATE_FIRST):
            self._import(Path(options["directory"]), options["organisation"])

    def _import(self, directory: Path, organisation_slug: str | None) -> None:
        if not (directory / "editions").is_dir():
            raise CommandError(f"{directory} has no editions/ directory.")
        organisation = None
        if organisation_slug:
            organisation = Organisation.objects.filter(slug=organisation_slug).first()
            if organisation is None:
                raise CommandError(f"No organisation {organisation_slug!r}.")
        try:
            report = load_library(
                read_all_versions(directory),
                read_editions(directory / "editions"),
                organisation=organisation,
            )
        except (ClauseSourceError, LibraryLoadError) as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Imported: {report.summary()}."))
