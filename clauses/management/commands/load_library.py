from django.core.management.base import BaseCommand, CommandError

from clauses.loader import LibraryLoadError, load_library
from common.commands import MIGRATE_FIRST, setup_errors
from drafting.library import ClauseSourceError


class Command(BaseCommand):
    help = "Load the clause library source files (clauses/ and history/) and editions (idempotent)."

    def handle(self, *args, **options):
        try:
            with setup_errors(MIGRATE_FIRST):
                report = load_library()
        except (ClauseSourceError, LibraryLoadError) as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Library loaded: {report.summary()}."))
