"""What happens after the day: certificates, feedback and the follow-up e-mail.

Each is a plain function in one transaction, like registrations.services.
Who may get a certificate, give feedback or receive the follow-up, and from
when, is the table of registrations.rules: attendees who were checked in,
once the conference has ended and until the personal data are erased.
Organisers send the follow-up and issue certificates from the admin (or the
commands); each time is recorded (AfterEventRecord) with who and how many.
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from archive.models import AfterEventKind, AfterEventRecord, Certificate, Feedback
from conference.locks import lock_rows
from conference.models import Event
from conference.phases import EventPhase, event_phase
from registrations import rules
from registrations.emails import queue_email
from registrations.exceptions import RegistrationError
from registrations.models import EmailKind, Registration
from registrations.rules import Action


class FeedbackAlreadyGiven(RegistrationError):
    pass


def attendees(event: Event, phase: EventPhase):
    """Those who may get a certificate now (none before the end)."""
    return rules.in_states(
        Registration.objects.for_event(event), Action.ISSUE_CERTIFICATE, phase
    )


def absentees(event: Event):
    """Confirmed, never checked in: they get no certificate or follow-up."""
    return Registration.objects.for_event(event).filter(
        rules.state_filter([rules.State.CONFIRMED])
    )


def follow_up_recipients(event: Event, phase: EventPhase):
    """Attendees the follow-up may go to now who have not had it yet."""
    return rules.in_states(
        Registration.objects.for_event(event), Action.SEND_FOLLOW_UP, phase
    ).exclude(certificate__follow_up_sent_at__isnull=False)


def issue_certificate(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Certificate:
    """The attendee's certificate, issued on first request; idempotent."""
    rules.require(Action.ISSUE_CERTIFICATE, registration=registration, at=now)
    certificate, _created = Certificate.objects.get_or_create(registration=registration)
    return certificate


def _record(event, kind, *, by, now, count) -> AfterEventRecord | None:
    if not count:
        return None
    return AfterEventRecord.objects.create(
        event=event, kind=kind, done_at=now, done_by=by, count=count
    )


def _issue_missing(event: Event, phase: EventPhase) -> int:
    missing = list(attendees(event, phase).filter(certificate__isnull=True))
    Certificate.objects.bulk_create(
        [Certificate(registration=registration) for registration in missing]
    )
    return len(missing)


def issue_certificates(
    *, event: Event, by=None, now: datetime.datetime | None = None
) -> int:
    """Issue a certificate to every attendee who has none; returns how many,
    and records it. Refused (NotAllowed) before the end of the conference."""
    now = now or timezone.now()
    phase = event_phase(event, now)
    rules.require(Action.ISSUE_CERTIFICATE, event=event, phase=phase)
    with transaction.atomic():
        issued = _issue_missing(event, phase)
        _record(event, AfterEventKind.CERTIFICATES, by=by, now=now, count=issued)
    return issued


def submit_feedback(
    *,
    registration: Registration,
    answers: Mapping[str, Any],
    now: datetime.datetime | None = None,
) -> Feedback:
    """Save an attendee's one answer; a second one is refused."""
    rules.require(Action.GIVE_FEEDBACK, registration=registration, at=now)
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


def send_follow_up(*, event: Event, by=None, now: datetime.datetime | None = None):
    """E-mail each attendee once, in their language: thanks, the record of
    the day (as far as it is published when the e-mail is sent), the
    certificate and the feedback form. Sending again reaches only attendees
    who have not had it (checked in later from the paper sheet, say).
    Refused (NotAllowed) before the end; returns how many were queued."""
    now = now or timezone.now()
    phase = event_phase(event, now)
    rules.require(Action.SEND_FOLLOW_UP, event=event, phase=phase)
    with transaction.atomic():
        _issue_missing(event, phase)
        due = lock_rows(
            Certificate.objects.filter(
                registration__in=follow_up_recipients(event, phase)
            )
            .select_related("registration__event")
            .order_by("pk"),
            skip_locked=True,
            of=("self",),
        )
        for certificate in due:
            queue_email(registration=certificate.registration, kind=EmailKind.FOLLOW_UP)
            certificate.follow_up_sent_at = now
            certificate.save(update_fields=["follow_up_sent_at"])
        _record(event, AfterEventKind.FOLLOW_UP, by=by, now=now, count=len(due))
    return len(due)
