"""Services of the organisers' desk that write to attendees: resending and
retrying e-mails, reminders before the conference, messages to everyone.

Like registrations.services, each is a plain function in one transaction that
queues its e-mails in the outbox (see emails.py) for the mail worker.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from conference.locks import lock_row, lock_rows
from conference.models import Event
from registrations.emails import copy_email, queue_email
from registrations.exceptions import AnnouncementAlreadySent, NoEmailToResend
from registrations.models import (
    Announcement,
    EmailKind,
    OutgoingEmail,
    Registration,
)
from registrations.outbox import requeue_email


def resend_last_email(*, registration: Registration) -> OutgoingEmail:
    """Send the registration's most recent e-mail once more, as it was."""
    with transaction.atomic():
        last = (
            OutgoingEmail.objects.filter(registration=registration)
            .order_by("-created_at", "-pk")
            .first()
        )
        if last is None:
            raise NoEmailToResend(str(registration.pk))
        return copy_email(last)


def retry_failed_emails(*, emails) -> int:
    """Send failed or abandoned e-mails again, with a fresh set of attempts;
    returns how many there were (others are left as they are)."""
    with transaction.atomic():
        return sum(requeue_email(email) for email in emails)


def reminder_is_due(event: Event, *, days: int, now: datetime.datetime) -> bool:
    """From `days` days before the conference until the doors open."""
    today = timezone.localdate(now)
    return event.phase(now).is_before and event.date - today <= datetime.timedelta(
        days=days
    )


def send_reminders(*, days: int, now: datetime.datetime | None = None) -> int:
    """Remind every confirmed attendee, once each, `days` days before.

    Safe to run as often as you like and in parallel: a registration is
    marked in the same transaction as its e-mail is queued, and rows another
    run holds are skipped. Returns the number of reminders queued.
    """
    now = now or timezone.now()
    events = [
        event
        for event in Event.objects.filter(date__gte=timezone.localdate(now))
        if reminder_is_due(event, days=days, now=now)
    ]
    sent = 0
    for event in events:
        with transaction.atomic():
            due = lock_rows(
                Registration.objects.for_event(event)
                .confirmed()
                .filter(reminder_sent_at__isnull=True, anonymised_at__isnull=True)
                .select_related("event")
                .order_by("pk"),
                skip_locked=True,
                of=("self",),
            )
            for registration in due:
                registration.reminder_sent_at = now
                registration.save(update_fields=["reminder_sent_at", "updated_at"])
                queue_email(registration=registration, kind=EmailKind.REMINDER)
            sent += len(due)
    return sent


def announcement_recipients(announcement: Announcement):
    return (
        Registration.objects.for_event(announcement.event_id)
        .filter(status=announcement.audience, anonymised_at__isnull=True)
        .select_related("event")
        .order_by("pk")
    )


def send_announcement(
    *, announcement: Announcement, by, now: datetime.datetime | None = None
) -> Announcement:
    """Queue the message for each person of its audience, in their language.

    Sent once: the announcement row is locked and marked in the transaction.
    The mail worker sends them, never the web request, however many there are.
    """
    now = now or timezone.now()
    with transaction.atomic():
        announcement = lock_row(Announcement.objects.all(), pk=announcement.pk)
        if announcement.sent_at is not None:
            raise AnnouncementAlreadySent(str(announcement.pk))
        recipients = list(announcement_recipients(announcement))
        for registration in recipients:
            queue_email(
                registration=registration,
                kind=EmailKind.ANNOUNCEMENT,
                announcement=announcement,
            )
        announcement.sent_at = now
        announcement.sent_by = by
        announcement.recipient_count = len(recipients)
        announcement.save(update_fields=["sent_at", "sent_by", "recipient_count"])
    return announcement


def notify_agenda_change(*, version, changed: list[str]) -> int:
    """Tell every confirmed attendee, in one e-mail each in their language,
    which sessions moved; runs inside the publishing transaction."""
    recipients = list(
        Registration.objects.for_event(version.event)
        .confirmed()
        .filter(anonymised_at__isnull=True)
        .select_related("event")
        .order_by("pk")
    )
    for registration in recipients:
        queue_email(
            registration=registration,
            kind=EmailKind.AGENDA_CHANGED,
            agenda_version=version,
        )
    return len(recipients)
