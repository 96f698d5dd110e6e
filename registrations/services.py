"""Every change of state of a registration, as one plain function each.

Views, admin actions and management commands call these; none of them changes
a registration's status on its own. Each function runs in one transaction and
queues its e-mail in it (see emails.py); the mail worker sends it.

Locks: every status change goes through `locks.lock_registration` (the
event's row locked, the registration re-read under it); a seat is allocated
only while holding the event lock, counting the confirmed seats under it.

Whether a change is allowed at all — in this phase of the event, for a
registration in this state — is the table's answer (registrations.rules),
asked under the lock; a refusal raises `NotAllowed`, whose message the
views, the admin and the desk show.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from conference.models import Event
from conference.phases import event_phase
from registrations import locks, rules
from registrations.emails import queue_email
from registrations.exceptions import (
    CapacityBelowConfirmed,
    NoSeatLeft,
    NotAllowed,
    RegistrationConflict,
)
from registrations.models import (
    CheckInUndo,
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    SeatQuota,
)
from registrations.privacy import NOTICE_VERSION
from registrations.retention import expire_registration
from registrations.rules import Action

# Fields a registrant gives when registering, and those they can change later.
REGISTRATION_FIELDS = (
    "form_of_address",
    "first_name",
    "last_name",
    "email",
    "organisation",
    "position",
    "country",
    "organisation_type",
    "phone",
    "language",
    "needs_interpretation",
    "accessibility_requirements",
    "dietary_requirements",
)
EDITABLE_FIELDS = tuple(field for field in REGISTRATION_FIELDS if field != "email")
# A second submission for the same address within this time sends no second
# e-mail (a double click, or someone filling the form with another's address).
REPEAT_NOTICE_INTERVAL = datetime.timedelta(minutes=10)


@dataclass(frozen=True)
class RegistrationOutcome:
    registration: Registration
    created: bool


def seats_taken(event: Event) -> int:
    """Confirmed seats of the capacity (not the reserved seats of invited
    guests and press, see reserved.py); the caller holds the event lock."""
    return Registration.objects.for_event(event).public().confirmed().count()


def confirmation_deadline(registration: Registration) -> datetime.datetime:
    return registration.created_at + datetime.timedelta(
        hours=settings.REGISTRATION_CONFIRMATION_HOURS
    )


def register_attendee(
    *,
    event: Event,
    details: Mapping[str, Any],
    now: datetime.datetime | None = None,
) -> RegistrationOutcome:
    """Save a registration waiting for e-mail confirmation, or, for an address
    already registered, e-mail its manage link instead of registering twice.
    """
    now = now or timezone.now()
    rules.require(Action.REGISTER, event=event, at=now)
    values = {
        field: details[field] for field in REGISTRATION_FIELDS if field in details
    }
    values["email"] = values["email"].strip()
    with transaction.atomic():
        existing = (
            Registration.objects.for_event(event)
            .active()
            .with_email(values["email"])
            .first()
        )
        if existing is None:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=event,
                        consent_given_at=now,
                        privacy_notice_version=NOTICE_VERSION,
                        **values,
                    )
            except IntegrityError as error:
                # The same address was registered a moment ago (a double click
                # on PostgreSQL): treat it as the existing registration.
                existing = (
                    Registration.objects.for_event(event)
                    .active()
                    .with_email(values["email"])
                    .first()
                )
                if existing is None:
                    raise RegistrationConflict(str(error)) from error
            else:
                queue_email(registration=registration, kind=EmailKind.CONFIRM_ADDRESS)
                return RegistrationOutcome(registration=registration, created=True)
        _notify_existing(existing, now=now)
        return RegistrationOutcome(registration=existing, created=False)


def _notify_existing(registration: Registration, *, now: datetime.datetime) -> None:
    recently_notified = OutgoingEmail.objects.filter(
        registration=registration,
        kind__in=[EmailKind.CONFIRM_ADDRESS, EmailKind.ALREADY_REGISTERED],
        created_at__gte=now - REPEAT_NOTICE_INTERVAL,
    ).exists()
    if recently_notified:
        return
    if registration.status == RegistrationStatus.PENDING:
        queue_email(registration=registration, kind=EmailKind.CONFIRM_ADDRESS)
    else:
        queue_email(registration=registration, kind=EmailKind.ALREADY_REGISTERED)


def confirm_registration(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Double opt-in: allocate a seat, or a place on the waiting list.

    Idempotent: a registration confirmed before is returned as it is.
    A pending registration past its confirmation deadline expires instead.
    """
    now = now or timezone.now()
    with transaction.atomic():
        registration = locks.lock_registration(registration.pk)
        event = registration.event
        decision = rules.decide(Action.CONFIRM, registration=registration, at=now)
        if decision.already:
            return registration
        if not decision.allowed:
            raise NotAllowed(decision)
        if now >= confirmation_deadline(registration):
            expire_registration(registration=registration, now=now)
            return registration
        if seats_taken(event) < event.capacity:
            registration.status = RegistrationStatus.CONFIRMED
            registration.confirmed_at = now
            kind = EmailKind.TICKET
        else:
            registration.status = RegistrationStatus.WAITLISTED
            registration.waitlisted_at = now
            kind = EmailKind.WAITLISTED
        registration.save(
            update_fields=["status", "confirmed_at", "waitlisted_at", "updated_at"]
        )
        queue_email(registration=registration, kind=kind)
    return registration


def _fill_free_seats(event: Event, *, now: datetime.datetime) -> list[Registration]:
    """Promote waitlisted registrations into free seats, first come first,
    while the table allows promotions (not once the day has come).

    The caller holds the lock on the event.
    """
    phase = event_phase(event, now)
    free = event.capacity - seats_taken(event)
    if free <= 0 or not rules.allowed_states(Action.PROMOTE, phase):
        return []
    waiting = Registration.objects.for_event(event).waitlisted()
    promoted = list(
        rules.in_states(waiting, Action.PROMOTE, phase).select_related("event")[:free]
    )
    for registration in promoted:
        _promote(registration, now=now)
    return promoted


def _promote(registration: Registration, *, now: datetime.datetime) -> None:
    """From the waiting list to a seat, with its e-mail; the caller holds the
    event lock and has checked the seat."""
    registration.status = RegistrationStatus.CONFIRMED
    registration.confirmed_at = now
    registration.promoted_at = now
    registration.save(
        update_fields=["status", "confirmed_at", "promoted_at", "updated_at"]
    )
    queue_email(registration=registration, kind=EmailKind.PROMOTED)


def change_event_capacity(
    *, event: Event, capacity: int, now: datetime.datetime | None = None
) -> list[Registration]:
    """Set the number of seats; new seats go to the waiting list in order.

    Refused (CapacityBelowConfirmed) below the number of confirmed seats:
    nobody loses a seat they were promised. Returns those promoted.
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = locks.lock_event(event.pk)
        confirmed = seats_taken(event)
        if capacity < confirmed:
            raise CapacityBelowConfirmed(confirmed)
        event.capacity = capacity
        event.save(update_fields=["capacity"])
        return _fill_free_seats(event, now=now)


def confirm_from_waiting_list(
    *,
    registration: Registration,
    override_capacity: bool = False,
    now: datetime.datetime | None = None,
) -> Registration:
    """An organiser gives a waitlisted person a seat, out of turn if need be.

    Needs a free seat unless `override_capacity` (an organiser's explicit
    decision to seat more people than the capacity).
    """
    now = now or timezone.now()
    with transaction.atomic():
        registration = locks.lock_registration(registration.pk)
        event = registration.event
        rules.require(
            Action.CONFIRM_FROM_WAITING_LIST, registration=registration, at=now
        )
        if seats_taken(event) >= event.capacity and not override_capacity:
            raise NoSeatLeft(event.capacity)
        _promote(registration, now=now)
    return registration


def _cancel(
    registration: Registration, *, now: datetime.datetime, only_waitlisted: bool
) -> Registration:
    with transaction.atomic():
        registration = locks.lock_registration(registration.pk)
        event = registration.event
        action = Action.LEAVE_WAITING_LIST if only_waitlisted else Action.CANCEL
        rules.require(action, registration=registration, at=now)
        previous_status = registration.status
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        queue_email(
            registration=registration,
            kind=EmailKind.LEFT_WAITING_LIST
            if previous_status == RegistrationStatus.WAITLISTED
            else EmailKind.CANCELLED,
        )
        if (
            previous_status == RegistrationStatus.CONFIRMED
            and registration.quota == SeatQuota.PUBLIC
        ):
            _fill_free_seats(event, now=now)
    return registration


def cancel_registration(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Cancel; a freed seat goes to the first person waiting, in the same
    transaction."""
    return _cancel(registration, now=now or timezone.now(), only_waitlisted=False)


def leave_waiting_list(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Take a waitlisted registration off the list; the others move up."""
    return _cancel(registration, now=now or timezone.now(), only_waitlisted=True)


def update_registration_details(
    *,
    registration: Registration,
    details: Mapping[str, Any],
    now: datetime.datetime | None = None,
) -> Registration:
    """Change the contact fields and needs (not the e-mail address)."""
    with transaction.atomic():
        registration = locks.lock_registration(registration.pk)
        rules.require(
            Action.CHANGE_DETAILS, registration=registration, at=now or timezone.now()
        )
        changed = [
            field
            for field in EDITABLE_FIELDS
            if field in details and getattr(registration, field) != details[field]
        ]
        for field in changed:
            setattr(registration, field, details[field])
        if changed:
            registration.save(update_fields=[*changed, "updated_at"])
    return registration


def check_in_registration(
    *, registration: Registration, by, now: datetime.datetime | None = None
) -> Registration:
    """Mark a confirmed attendee as arrived, once, while the desk is open."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = locks.lock_registration(registration.pk)
        rules.require(Action.CHECK_IN, registration=registration, at=now)
        registration.checked_in_at = now
        registration.checked_in_by = by
        registration.save(
            update_fields=["checked_in_at", "checked_in_by", "updated_at"]
        )
    return registration


def undo_check_in(
    *, registration: Registration, by, reason: str, now: datetime.datetime | None = None
) -> CheckInUndo:
    """Take back a check-in made by mistake, on the day, saying why; the
    log keeps who had checked the person in, when, and who undid it."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = locks.lock_registration(registration.pk)
        rules.require(Action.UNDO_CHECK_IN, registration=registration, at=now)
        undo = CheckInUndo.objects.create(
            registration=registration,
            checked_in_at=registration.checked_in_at,
            checked_in_by=registration.checked_in_by,
            undone_at=now,
            undone_by=by,
            reason=reason.strip(),
        )
        registration.checked_in_at = None
        registration.checked_in_by = None
        registration.save(
            update_fields=["checked_in_at", "checked_in_by", "updated_at"]
        )
    return undo
