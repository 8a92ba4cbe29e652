from django.core.management.base import BaseCommand, CommandError

from clauses.content import ClauseSourceError
from clauses.loader import LibraryLoadError, load_library


class Command(BaseCommand):
    help = "Load the clause library source files (clauses/ and history/) and editions (idempotent)."

    def handle(self, *args, **options):
        try:
            report = load_library()
        except (ClauseSourceError, LibraryLoadError) as exc:
            raise CommandError(str(exc)) from exc
        for line in report.created_versions:
            self.stdout.write(f"  new version: {line}")
        for slug in report.created_editions:
            self.stdout.write(f"  new edition: {slug}")
        self.stdout.write(self.style.SUCCESS(f"Library loaded: {report.summary()}."))
