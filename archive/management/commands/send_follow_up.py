from django.core.management.base import BaseCommand

from archive.services import send_follow_up_emails


class Command(BaseCommand):
    help = (
        "After the conference, e-mail each checked-in attendee once, in their "
        "language, with links to the slides and photos, their certificate of "
        "attendance and the feedback form. Safe to run repeatedly: nobody "
        "gets it twice. The e-mails go out through the outbox "
        "(send_queued_emails)."
    )

    def handle(self, *args, **options):
        queued = send_follow_up_emails()
        self.stdout.write(f"Queued {queued} follow-up e-mail(s).")
