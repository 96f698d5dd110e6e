"""The mail worker: sends the outbox, away from any web request.

`manage.py send_queued_emails --loop` runs `send_queued_emails` every few
seconds (a systemd service, see docs/deployment.md); without `--loop` it runs
once, e.g. from cron. A web request only writes the outbox row, so a mail
server that is down, slow or hanging never slows a page or a registration.

- Claiming: a sender first claims a row with a conditional UPDATE (to
  "sending", with a lease), so two workers never send the same e-mail.
- Lease: a sender that dies or hangs mid-send leaves a "sending" row whose
  lease runs out after LEASE (2 minutes); the next run takes it up again.
  While a send is in progress a thread renews the lease every LEASE_RENEWAL
  (30 s), so a slow but live send keeps its claim however long the mail
  server takes, and a dead sender's e-mail is taken up within LEASE.
- Duplicates: a sender killed after the mail server accepted the e-mail but
  before it recorded "sent" (a window of one database statement) leaves it
  to be sent again. Every e-mail has a Message-ID of its own, given at the
  first attempt and kept for every retry, so mail systems that see it twice
  keep one.
- Back-off: a failed attempt is retried after 1, 2, 4, … 32 minutes, then
  hourly, like a mail server's queue, until REGISTRATION_EMAIL_RETRY_DAYS
  after it was queued; only then is it abandoned (organisers can send it
  again from the admin).
- No secret at rest: the links are issued when the e-mail is rendered, just
  before sending; the copy kept is redacted (registrations/emails.py).
"""

import contextlib
import datetime
import logging
import threading
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Min
from django.utils import timezone

from registrations.emails import render_email
from registrations.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

LEASE = datetime.timedelta(minutes=2)
LEASE_RENEWAL = datetime.timedelta(seconds=30)
FIRST_RETRY = datetime.timedelta(minutes=1)
LONGEST_RETRY = datetime.timedelta(hours=1)


def retry_delay(attempts: int) -> datetime.timedelta:
    """The wait after the `attempts`-th failed attempt: doubling, at most 1 h."""
    return min(FIRST_RETRY * 2 ** min(attempts - 1, 10), LONGEST_RETRY)


def retry_horizon(now: datetime.datetime) -> datetime.datetime:
    return now + datetime.timedelta(days=settings.REGISTRATION_EMAIL_RETRY_DAYS)


def _claim(email_id: int, now: datetime.datetime) -> bool:
    return bool(
        OutgoingEmail.objects.due(now=now)
        .filter(pk=email_id)
        .update(
            status=EmailStatus.SENDING,
            lease_expires_at=now + LEASE,
            attempts=F("attempts") + 1,
            last_attempt_at=now,
        )
    )


def _failed(email: OutgoingEmail, error: Exception, now: datetime.datetime) -> None:
    attempts = email.attempts
    next_attempt = now + retry_delay(attempts)
    give_up = email.retry_until or retry_horizon(email.created_at)
    status = EmailStatus.FAILED if next_attempt <= give_up else EmailStatus.ABANDONED
    logger.warning(
        "Sending e-mail %s failed (attempt %s, %s): %r",
        email.pk,
        attempts,
        status,
        error,
    )
    OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.SENDING).update(
        status=status,
        next_attempt_at=next_attempt,
        lease_expires_at=None,
        last_error=repr(error)[:2000],
    )


def new_message_id() -> str:
    """A Message-ID in the site's own domain."""
    return make_msgid(domain=urlsplit(settings.SITE_URL).hostname or "localhost")


def _message_id(email: OutgoingEmail) -> str:
    """The e-mail's Message-ID, given at its first attempt and then kept."""
    if not email.message_id:
        message_id = new_message_id()
        OutgoingEmail.objects.filter(pk=email.pk, message_id="").update(
            message_id=message_id
        )
        email.refresh_from_db(fields=["message_id"])
    return email.message_id


def _renew_lease(email_id: int, stop: threading.Event, every: float) -> None:
    try:
        while not stop.wait(every):
            try:
                OutgoingEmail.objects.filter(
                    pk=email_id, status=EmailStatus.SENDING
                ).update(lease_expires_at=timezone.now() + LEASE)
            except DatabaseError as error:
                logger.warning("Could not renew the lease of %s: %r", email_id, error)
    finally:
        connection.close()  # this thread's own connection


@contextlib.contextmanager
def lease_kept(email_id: int, *, every: datetime.timedelta = LEASE_RENEWAL):
    """Renew the claim on the e-mail every `every` while the block runs."""
    stop = threading.Event()
    renewer = threading.Thread(
        target=_renew_lease,
        args=(email_id, stop, every.total_seconds()),
        name=f"lease-{email_id}",
        daemon=True,
    )
    renewer.start()
    try:
        yield
    finally:
        stop.set()
        renewer.join()


def _send_claimed(email_id: int) -> bool:
    email = (
        OutgoingEmail.objects.select_related("registration__event", "announcement")
        .filter(pk=email_id)
        .first()
    )
    if email is None:  # erased with its registration meanwhile
        return False
    rendered = None
    try:
        message_id = _message_id(email)
        with transaction.atomic():
            rendered = render_email(email)
        rendered.message.extra_headers["Message-ID"] = message_id
        with lease_kept(email_id):
            rendered.message.send()
    except Exception as error:  # any failure of rendering or of any mail backend
        if rendered is not None:
            rendered.discard_secrets()
        _failed(email, error, timezone.now())
        return False
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=EmailStatus.SENT,
        sent_at=timezone.now(),
        lease_expires_at=None,
        last_error="",
        body_text=rendered.redacted(rendered.body_text),
        body_html=rendered.redacted(rendered.body_html),
        attachments=rendered.attachments,
    )
    return True


def send_queued_emails(*, limit: int = 500) -> tuple[int, int]:
    """Try each due e-mail once; return (sent, failed).

    Rows are claimed one by one (a conditional UPDATE each), so parallel
    workers share the queue without sending anything twice. Sending happens
    outside any transaction.
    """
    sent = failed = 0
    ids = list(
        OutgoingEmail.objects.due(now=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for email_id in ids:
        if not _claim(email_id, timezone.now()):
            continue  # another worker took it
        if _send_claimed(email_id):
            sent += 1
        else:
            failed += 1
    return sent, failed


def requeue_email(
    email: OutgoingEmail, *, now: datetime.datetime | None = None
) -> bool:
    """An organiser's retry: a failed or abandoned e-mail goes out with the
    worker's next run, with a fresh retry horizon."""
    now = now or timezone.now()
    return bool(
        OutgoingEmail.objects.retryable()
        .filter(pk=email.pk)
        .update(
            status=EmailStatus.QUEUED,
            attempts=0,
            last_error="",
            next_attempt_at=now,
            retry_until=retry_horizon(now),
        )
    )


def oldest_waiting_age(now: datetime.datetime | None = None) -> datetime.timedelta:
    """How long the oldest undelivered e-mail has been waiting (0 when none)."""
    oldest = OutgoingEmail.objects.waiting().aggregate(oldest=Min("created_at"))[
        "oldest"
    ]
    if oldest is None:
        return datetime.timedelta(0)
    return max((now or timezone.now()) - oldest, datetime.timedelta(0))
