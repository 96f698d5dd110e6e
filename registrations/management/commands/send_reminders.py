from django.conf import settings
from django.core.management.base import BaseCommand

from registrations.outreach import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail every confirmed attendee a reminder with their ticket and a "
        "link to cancel, from --days days before the conference until it "
        "starts. Each person gets it once, however often this runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.REGISTRATION_REMINDER_DAYS,
            help="How many days before the conference (default: "
            "DJANGO_REGISTRATION_REMINDER_DAYS, %(default)s).",
        )

    def handle(self, *args, **options):
        sent = send_reminders(days=options["days"])
        self.stdout.write(f"Queued {sent} reminder(s).")
