from django.core.management.base import BaseCommand, CommandError

from archive.services import TooEarly, issue_certificates
from conference.models import Event


class Command(BaseCommand):
    help = (
        "Issue a certificate of attendance to every checked-in attendee of the "
        "current event who has none yet (after the conference). Attendees "
        "download theirs through the link in the follow-up e-mail; anyone can "
        "verify one at /<language>/certificates/<code>/."
    )

    def handle(self, *args, **options):
        event = Event.objects.current()
        if event is None:
            raise CommandError("There is no current event.")
        try:
            issued = issue_certificates(event=event)
        except TooEarly:
            raise CommandError(
                "The conference has not taken place yet: certificates are "
                "issued after it ends."
            ) from None
        self.stdout.write(f"Issued {issued} certificate(s).")
