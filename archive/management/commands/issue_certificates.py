from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from archive.services import issue_certificates
from conference.models import Event
from registrations.exceptions import NotAllowed


class Command(BaseCommand):
    help = (
        "Issue a certificate of attendance to every checked-in attendee of the "
        "current event who has none yet, once the conference has ended (the "
        "same as “Issue certificates” in the admin, which organisers use). "
        "Attendees download theirs through their registration's link; anyone "
        "can verify one at /<language>/certificates/<code>/."
    )

    def handle(self, *args, **options):
        event = Event.objects.current()
        if event is None:
            raise CommandError("There is no current event.")
        try:
            issued = issue_certificates(event=event)
        except NotAllowed as refusal:
            with translation.override("en"):  # like every command's output
                raise CommandError(refusal.message) from None
        self.stdout.write(f"Issued {issued} certificate(s).")
