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
from conference.phases import event_phase, reminders_due
from registrations import rules
from registrations.emails import copy_email, queue_email
from registrations.exceptions import AnnouncementAlreadySent, NoEmailToResend
from registrations.models import (
    Announcement,
    Audience,
    EmailKind,
    OutgoingEmail,
    Registration,
)
from registrations.outbox import requeue_email
from registrations.rules import Action, State

# Who each audience of a message is, as states of the rules' table.
AUDIENCE_STATES = {
    Audience.CONFIRMED: {State.CONFIRMED, State.CHECKED_IN},
    Audience.ATTENDED: {State.CHECKED_IN},
    Audience.NOT_ATTENDED: {State.CONFIRMED},
    Audience.WAITLISTED: {State.WAITLISTED},
}


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


def send_reminders(*, days: int, now: datetime.datetime | None = None) -> int:
    """Remind every confirmed attendee, once each, from `days` days before
    the conference for as long as the table allows reminders.

    Safe to run as often as you like and in parallel: a registration is
    marked in the same transaction as its e-mail is queued, and rows another
    run holds are skipped. Returns the number of reminders queued.
    """
    now = now or timezone.now()
    sent = 0
    for event in Event.objects.all():
        if not reminders_due(event, days=days, at=now):
            continue
        phase = event_phase(event, now)
        with transaction.atomic():
            due = lock_rows(
                rules.in_states(
                    Registration.objects.for_event(event),
                    Action.SEND_REMINDER,
                    phase,
                )
                .filter(reminder_sent_at__isnull=True)
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


def announcement_recipients(
    announcement: Announcement, *, now: datetime.datetime | None = None
):
    """Its audience, as far as the table lets messages reach them now."""
    event = announcement.event
    allowed = rules.allowed_states(Action.SEND_MESSAGE, event_phase(event, now))
    states = AUDIENCE_STATES[Audience(announcement.audience)] & allowed
    return (
        Registration.objects.for_event(event)
        .filter(rules.state_filter(states))
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
        announcement = lock_row(
            Announcement.objects.select_related("event"),
            pk=announcement.pk,
            of=("self",),
        )
        if announcement.sent_at is not None:
            raise AnnouncementAlreadySent(str(announcement.pk))
        rules.require(Action.SEND_MESSAGE, event=announcement.event, at=now)
        recipients = list(announcement_recipients(announcement, now=now))
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


def notify_event_moved(*, event) -> int:
    """Tell every confirmed attendee the conference's new date, with the
    ticket's calendar file updated, when no agenda has been published yet
    (once it has, the agenda published again at the new date tells them:
    notify_agenda_change); runs inside the transaction of the move."""
    recipients = list(
        rules.in_states(
            Registration.objects.for_event(event),
            Action.NOTIFY_AGENDA_CHANGE,
            event_phase(event),
        )
        .select_related("event")
        .order_by("pk")
    )
    for registration in recipients:
        queue_email(registration=registration, kind=EmailKind.EVENT_MOVED)
    return len(recipients)


def notify_agenda_change(*, version, changed: list[str]) -> int:
    """Tell every confirmed attendee, in one e-mail each in their language,
    which sessions moved, while the table allows it (not after the day);
    runs inside the publishing transaction."""
    phase = event_phase(version.event)
    recipients = list(
        rules.in_states(
            Registration.objects.for_event(version.event),
            Action.NOTIFY_AGENDA_CHANGE,
            phase,
        )
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
