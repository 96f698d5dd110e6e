"""The mail worker: sends the outbox, away from any web request.

`manage.py send_queued_emails --loop` runs `send_queued_emails` every few
seconds (a systemd service, see docs/deployment.md); without `--loop` it runs
once, e.g. from cron. A web request only writes the outbox row, so a mail
server that is down, slow or hanging never slows a page or a registration.

- Claiming: a sender first claims a row with a conditional UPDATE (to
  "sending", with a lease), so two workers never send the same e-mail.
- Lease: a sender that dies or hangs mid-send leaves a "sending" row whose
  lease runs out after LEASE; the next run takes it up again. The lease is
  far longer than any send can take with the SMTP time-out.
- Back-off: a failed attempt is retried after 1, 2, 4, … 32 minutes, then
  hourly, like a mail server's queue, until REGISTRATION_EMAIL_RETRY_DAYS
  after it was queued; only then is it abandoned (organisers can send it
  again from the admin).
- No secret at rest: the links are issued when the e-mail is rendered, just
  before sending; the copy kept is redacted (registrations/emails.py).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F, Min
from django.utils import timezone

from registrations.emails import render_email
from registrations.models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

LEASE = datetime.timedelta(minutes=10)
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
        with transaction.atomic():
            rendered = render_email(email)
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
