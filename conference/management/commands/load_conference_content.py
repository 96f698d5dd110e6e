import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from conference.content import next_conference_date
from conference.content_loaders import load_all_content


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
                "Date of the conference as YYYY-MM-DD (default: the next 20 "
                "September; use 2018-09-20 for the historical date)."
            ),
        )

    def handle(self, *args, **options):
        if options["date"]:
            try:
                event_date = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be a date as YYYY-MM-DD.") from None
        else:
            event_date = next_conference_date(timezone.localdate())

        created = load_all_content(event_date=event_date)
        if created:
            for line in created:
                self.stdout.write(f"created {line}")
        else:
            self.stdout.write("Content is up to date: nothing to create.")
