import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from programme.slides import render_pending_previews
from registrations.outbox import send_queued_emails


class Command(BaseCommand):
    help = (
        "Send the e-mails of the outbox that are due. With --loop, keep doing "
        "so every few seconds: the mail worker of docs/deployment.md. Each "
        "e-mail is claimed before sending, so parallel runs never send one twice. "
        "Between runs it also draws the pending previews of uploaded slides, in "
        "a child process with limited memory and time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500)
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Run until stopped (SIGTERM or SIGINT finish the current e-mail).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="Seconds between runs with --loop.",
        )

    def handle(self, *args, **options):
        if not options["loop"]:
            self._run_once(options["limit"])
            return
        self.stopping = False

        def stop(signum, frame):
            self.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write("Mail worker started.")
        while not self.stopping:
            try:
                sent, failed = send_queued_emails(limit=options["limit"])
                render_pending_previews()
            except DatabaseError as error:
                # The database is down: wait and try again, never exit.
                self.stderr.write(f"Database unavailable: {type(error).__name__}")
                sent = failed = 0
            finally:
                close_old_connections()
            if sent or failed:
                self.stdout.write(f"Sent {sent} e-mail(s); {failed} failed.")
            if not sent:
                deadline = time.monotonic() + options["interval"]
                while not self.stopping and time.monotonic() < deadline:
                    time.sleep(0.2)
        self.stdout.write("Mail worker stopped.")

    def _run_once(self, limit):
        sent, failed = send_queued_emails(limit=limit)
        render_pending_previews()
        self.stdout.write(f"Sent {sent} e-mail(s); {failed} failed.")
        if failed:
            self.stderr.write(
                "Some e-mails failed; they will be retried. See Admin → Outgoing "
                "e-mails for the errors."
            )
