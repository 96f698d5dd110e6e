import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from conference import signals
from conference.content import next_conference_date


class Command(BaseCommand):
    help = (
        "Load the conference's real content (event, partners, programme) from the "
        "source text. Idempotent: only missing records are created, and records "
        "an organiser edited are never overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help=(
                "Date of the conference as YYYY-MM-DD. Required when DEBUG is off "
                "(production); in development the default is the next 20 "
                "September."
            ),
        )

    def handle(self, *args, **options):
        if options["date"]:
            try:
                event_date = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be a date as YYYY-MM-DD.") from None
        elif settings.DEBUG:
            # Only for trying the site locally: a date that is always ahead.
            event_date = next_conference_date(timezone.localdate())
        else:
            raise CommandError(
                "In production (DEBUG off) give the conference's date: "
                "manage.py load_conference_content --date YYYY-MM-DD"
            )

        # Each app loads its part (conference.signals.load_content), in the
        # order of INSTALLED_APPS: the event before the sessions.
        created = [
            line
            for _receiver, lines in signals.load_content.send(
                sender=None, event_date=event_date
            )
            for line in lines
        ]
        if created:
            for line in created:
                self.stdout.write(f"created {line}")
        else:
            self.stdout.write("Content is up to date: nothing to create.")
