from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.retention import expire_unconfirmed_registrations


class Command(BaseCommand):
    help = (
        "Expire registrations whose address was not confirmed within "
        "REGISTRATION_CONFIRMATION_HOURS, erasing their unverified data. Safe to "
        "run from cron as often as you like."
    )

    def handle(self, *args, **options):
        count = expire_unconfirmed_registrations()
        self.stdout.write(
            f"Expired {count} registration(s) unconfirmed after "
            f"{settings.REGISTRATION_CONFIRMATION_HOURS} hours."
        )
