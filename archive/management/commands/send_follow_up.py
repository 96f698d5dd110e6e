from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from archive.services import send_follow_up
from conference.models import Event
from registrations.exceptions import NotAllowed


class Command(BaseCommand):
    help = (
        "Once the conference has ended, e-mail each checked-in attendee of the "
        "current event who has not had it yet, in their language: thanks, the "
        "record of the day, their certificate of attendance and the feedback "
        "form. The same as “Send the follow-up e-mail” in the admin, which "
        "organisers use; not a cron job. The e-mails go out through the "
        "outbox (send_queued_emails)."
    )

    def handle(self, *args, **options):
        event = Event.objects.current()
        if event is None:
            raise CommandError("There is no current event.")
        try:
            queued = send_follow_up(event=event)
        except NotAllowed as refusal:
            with translation.override("en"):  # like every command's output
                raise CommandError(refusal.message) from None
        self.stdout.write(f"Queued {queued} follow-up e-mail(s).")
