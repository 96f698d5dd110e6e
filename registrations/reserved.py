"""Seats reserved for invited guests and accredited press.

An event keeps `reserved_seats` beside its `capacity`. A seat given from them
is a confirmed registration whose quota is RESERVED; it is allocated here
under the event's row lock, counting the reserved seats taken under it, as
services.py does for the capacity: never more than the reserved seats,
however many guests accept at the same moment on however many servers. The
public never takes a reserved seat, and an invited guest never takes a seat
of the capacity.

Reserved seats nobody holds go to the public when the organisers release
them (`release_reserved_seats`): the capacity grows by as many, and the
waiting list is promoted into them in the same transaction.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from conference.locks import lock_event
from conference.models import Event
from registrations import rules
from registrations.emails import queue_email
from registrations.exceptions import (
    NoReservedSeatLeft,
    ReservedSeatsBelowTaken,
    ReservedSeatsUnavailable,
)
from registrations.models import (
    EmailKind,
    Registration,
    RegistrationStatus,
    SeatQuota,
)
from registrations.privacy import NOTICE_VERSION
from registrations.rules import Action
from registrations.services import (
    EDITABLE_FIELDS,
    REGISTRATION_FIELDS,
    _fill_free_seats,
)


@dataclass(frozen=True)
class ReservedSeats:
    """The reserved seats of an event and how many are taken."""

    quota: int
    taken: int

    @property
    def free(self) -> int:
        return max(self.quota - self.taken, 0)


def reserved_taken(event: Event) -> int:
    """Reserved seats given; under the event lock when it decides anything."""
    return Registration.objects.for_event(event).reserved().confirmed().count()


def reserved_seats(event: Event) -> ReservedSeats:
    return ReservedSeats(quota=event.reserved_seats, taken=reserved_taken(event))


def seat_invited_person(
    *,
    event: Event,
    details: Mapping[str, Any],
    now: datetime.datetime | None = None,
) -> Registration:
    """A confirmed registration on a reserved seat, with its ticket e-mailed:
    for an invited guest who accepts, or a journalist the organisers accredit.

    Someone who had already registered with the address through the public
    form keeps that registration, moved to a reserved seat; the public seat
    it held goes to the first person waiting. Seated twice, nothing changes.
    Refused when the table of registrations.rules says so (NotAllowed: once
    check-in opens on the day) and when every reserved seat is taken
    (NoReservedSeatLeft).
    """
    now = now or timezone.now()
    values = {
        field: details[field] for field in REGISTRATION_FIELDS if field in details
    }
    values["email"] = values["email"].strip()
    with transaction.atomic():
        # The event's lock serialises every change of its registrations and
        # the counting of its seats (conference.locks): the only lock needed.
        event = lock_event(event.pk)
        rules.require(Action.GIVE_RESERVED_SEAT, event=event, at=now)
        existing = (
            Registration.objects.for_event(event)
            .active()
            .with_email(values["email"])
            .first()
        )
        if (
            existing is not None
            and existing.quota == SeatQuota.RESERVED
            and existing.status == RegistrationStatus.CONFIRMED
        ):
            return existing
        if reserved_taken(event) >= event.reserved_seats:
            raise NoReservedSeatLeft(event.reserved_seats)
        if existing is None:
            registration = Registration.objects.create(
                event=event,
                consent_given_at=now,
                privacy_notice_version=NOTICE_VERSION,
                status=RegistrationStatus.CONFIRMED,
                confirmed_at=now,
                quota=SeatQuota.RESERVED,
                **values,
            )
            queue_email(registration=registration, kind=EmailKind.TICKET)
            return registration
        registration = existing
        registration.event = event
        had_public_seat = registration.status == RegistrationStatus.CONFIRMED
        for field in EDITABLE_FIELDS:
            if field in values:
                setattr(registration, field, values[field])
        registration.quota = SeatQuota.RESERVED
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = registration.confirmed_at or now
        registration.consent_given_at = now
        registration.privacy_notice_version = NOTICE_VERSION
        registration.save()
        if had_public_seat:
            # They have their ticket already; their public seat is free now.
            _fill_free_seats(event, now=now)
        else:
            queue_email(registration=registration, kind=EmailKind.TICKET)
        return registration


def release_reserved_seats(
    *, event: Event, seats: int, now: datetime.datetime | None = None
) -> list[Registration]:
    """Give `seats` of the reserved seats nobody holds to the public: the
    capacity grows by as many and the waiting list moves up into them, in
    order, each person e-mailed. Returns those promoted.

    Refused when the table says so (NotAllowed: once check-in opens, a seat
    helps nobody waiting), and for more seats than are free
    (ReservedSeatsUnavailable).
    """
    now = now or timezone.now()
    with transaction.atomic():
        event = lock_event(event.pk)
        rules.require(Action.RELEASE_RESERVED_SEATS, event=event, at=now)
        unused = event.reserved_seats - reserved_taken(event)
        if seats < 1 or seats > unused:
            raise ReservedSeatsUnavailable(max(unused, 0))
        event.reserved_seats -= seats
        event.capacity += seats
        event.save(update_fields=["reserved_seats", "capacity"])
        return _fill_free_seats(event, now=now)


def change_reserved_seats(*, event: Event, reserved_seats: int) -> None:
    """Set the number of reserved seats; never below those already given."""
    with transaction.atomic():
        event = lock_event(event.pk)
        taken = reserved_taken(event)
        if reserved_seats < taken:
            raise ReservedSeatsBelowTaken(taken)
        event.reserved_seats = reserved_seats
        event.save(update_fields=["reserved_seats"])
