from django.core.management.base import BaseCommand

from registrations.emails import send_queued_emails


class Command(BaseCommand):
    help = (
        "Try once to send each e-mail of the outbox that is queued or failed "
        "(up to REGISTRATION_EMAIL_MAX_ATTEMPTS attempts in all). Each e-mail is "
        "claimed before sending, so parallel runs never send one twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args, **options):
        sent, failed = send_queued_emails(limit=options["limit"])
        self.stdout.write(f"Sent {sent} e-mail(s); {failed} failed.")
        if failed:
            self.stderr.write(
                "Some e-mails failed; see Admin → Outgoing e-mails for the errors."
            )
