from django.contrib.auth.models import Permission, User
from django.core.management.base import BaseCommand

from common.commands import MIGRATE_FIRST, setup_errors
from organisations.models import Membership, Organisation

DEMO_PASSWORD = "springfield-demo-2026"


class Command(BaseCommand):
    help = "Create a demo organisation with a drafter and a library editor (idempotent)."

    def handle(self, *args, **options):
        with setup_errors(MIGRATE_FIRST):
            office = self._demo_office()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo organisation “{office.name}”. Sign in at http://127.0.0.1:8000/ as "
                f"demo / {DEMO_PASSWORD} (drafter) or editor / {DEMO_PASSWORD} (library editor)."
            )
        )

    def _demo_office(self) -> Organisation:
        office, _ = Organisation.objects.get_or_create(
            slug="springfield-council", defaults={"name": "Springfield City Council Office"}
        )
        for username, first, last, editor in (
            ("demo", "Dana", "Drafter", False),
            ("editor", "Eli", "Editor", True),
        ):
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": first, "last_name": last}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            Membership.objects.get_or_create(user=user, defaults={"organisation": office})
            if editor:
                user.user_permissions.add(Permission.objects.get(codename="edit_library"))
        return office
