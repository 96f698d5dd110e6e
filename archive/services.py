"""What happens after the day: certificates, feedback and the follow-up e-mail.

Each is a plain function in one transaction, like registrations.services.
Who counts as an attendee: a confirmed registration that was checked in and
is not anonymised. Nobody else gets a certificate, a feedback form or the
follow-up e-mail.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from archive.models import Certificate, Feedback
from conference.locks import lock_rows
from conference.models import Event
from registrations.emails import queue_email
from registrations.exceptions import RegistrationError
from registrations.models import EmailKind, Registration, RegistrationStatus


class NotAnAttendee(RegistrationError):
    """Only checked-in attendees get a certificate or a feedback form."""


class TooEarly(RegistrationError):
    """Certificates, feedback and the follow-up wait until the day is over."""


class FeedbackAlreadyGiven(RegistrationError):
    pass


def is_attendee(registration: Registration) -> bool:
    return (
        registration.status == RegistrationStatus.CONFIRMED
        and registration.checked_in_at is not None
        and registration.anonymised_at is None
    )


def _check_attendee(registration: Registration, now: datetime.datetime) -> None:
    if not is_attendee(registration):
        raise NotAnAttendee(registration.status)
    if not registration.event.phase(now).has_taken_place:
        raise TooEarly(str(registration.event.date))


def issue_certificate(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Certificate:
    """The attendee's certificate, issued on first request; idempotent."""
    _check_attendee(registration, now or timezone.now())
    certificate, _created = Certificate.objects.get_or_create(registration=registration)
    return certificate


def issue_certificates(*, event: Event, now: datetime.datetime | None = None) -> int:
    """Issue a certificate to every attendee who has none; returns how many."""
    now = now or timezone.now()
    if not event.phase(now).has_taken_place:
        raise TooEarly(str(event.date))
    with transaction.atomic():
        missing = list(
            Registration.objects.for_event(event)
            .checked_in()
            .filter(anonymised_at__isnull=True, certificate__isnull=True)
        )
        Certificate.objects.bulk_create(
            [Certificate(registration=registration) for registration in missing]
        )
    return len(missing)


def submit_feedback(
    *,
    registration: Registration,
    answers: Mapping[str, Any],
    now: datetime.datetime | None = None,
) -> Feedback:
    """Save an attendee's one answer; a second one is refused."""
    _check_attendee(registration, now or timezone.now())
    try:
        with transaction.atomic():
            return Feedback.objects.create(
                event=registration.event,
                registration=registration,
                rating=answers["rating"],
                most_useful_session=answers.get("most_useful_session"),
                comments=answers.get("comments", ""),
            )
    except IntegrityError as error:
        raise FeedbackAlreadyGiven(str(registration.pk)) from error


def send_follow_up_emails(*, now: datetime.datetime | None = None) -> int:
    """E-mail each attendee of a past event once, with links to the record,
    the feedback form and the certificate. Safe to run again: an attendee's
    certificate records that the e-mail was queued, in the same transaction.
    Returns the number of e-mails queued.
    """
    now = now or timezone.now()
    queued = 0
    for event in Event.objects.filter(date__lte=timezone.localdate(now)):
        phase = event.phase(now)
        if not phase.has_taken_place or phase.is_anonymised:
            continue
        issue_certificates(event=event, now=now)
        with transaction.atomic():
            due = lock_rows(
                Certificate.objects.filter(
                    registration__event=event,
                    registration__anonymised_at__isnull=True,
                    follow_up_sent_at__isnull=True,
                )
                .select_related("registration__event")
                .order_by("pk"),
                skip_locked=True,
                of=("self",),
            )
            for certificate in due:
                queue_email(
                    registration=certificate.registration, kind=EmailKind.FOLLOW_UP
                )
                certificate.follow_up_sent_at = now
                certificate.save(update_fields=["follow_up_sent_at"])
            queued += len(due)
    return queued
