from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.retention import anonymise_registrations


class Command(BaseCommand):
    help = (
        "Erase the personal data of registrations for events that ended more than "
        "REGISTRATION_RETENTION_DAYS ago (names, e-mail, phone, organisation, "
        "position, needs, links and e-mails), keeping counts. Safe to run daily."
    )

    def handle(self, *args, **options):
        count = anonymise_registrations()
        self.stdout.write(
            f"Anonymised {count} registration(s) of events over more than "
            f"{settings.REGISTRATION_RETENTION_DAYS} days ago."
        )
