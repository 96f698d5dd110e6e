"""Reads about registrations used in more than one place."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from conference.models import Event
from registrations.models import Registration, RegistrationStatus, SeatQuota

# Everything stored about the person, in the order the manage page shows it.
PERSONAL_DATA_FIELDS = (
    "form_of_address",
    "first_name",
    "last_name",
    "email",
    "phone",
    "organisation",
    "position",
    "organisation_type",
    "country",
    "language",
    "needs_interpretation",
    "accessibility_requirements",
    "dietary_requirements",
    "consent_given_at",
    "privacy_notice_version",
    "status",
    "created_at",
    "updated_at",
    "confirmed_at",
    "waitlisted_at",
    "promoted_at",
    "cancelled_at",
    "expired_at",
    "checked_in_at",
)


def personal_data(registration: Registration) -> dict[str, Any]:
    """What we hold about the registrant, as they may download it (GDPR art. 15
    and 20): their own fields and the event, nothing about anyone else."""
    data = {field: getattr(registration, field) for field in PERSONAL_DATA_FIELDS}
    data["waitlist_position"] = registration.waitlist_position
    data["event"] = {
        "title": registration.event.title,
        "date": registration.event.date,
    }
    return data


@dataclass(frozen=True)
class StatusCounts:
    capacity: int
    confirmed: int
    waitlisted: int
    pending: int
    cancelled: int
    expired: int
    checked_in: int
    # The seats kept for invited guests and press, and how many are taken;
    # `confirmed` counts everyone confirmed, on either kind of seat.
    reserved_seats: int = 0
    reserved_confirmed: int = 0

    @property
    def public_confirmed(self) -> int:
        """Confirmed on a seat of the capacity."""
        return self.confirmed - self.reserved_confirmed

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.public_confirmed, 0)

    @property
    def reserved_left(self) -> int:
        return max(self.reserved_seats - self.reserved_confirmed, 0)


def status_counts(event: Event) -> StatusCounts:
    """How many registrations of the event are in each status, in one query."""
    counts = Registration.objects.for_event(event).aggregate(
        **{
            status.value: Count("pk", filter=Q(status=status))
            for status in RegistrationStatus
        },
        checked_in=Count(
            "pk",
            filter=Q(status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False),
        ),
        reserved_confirmed=Count(
            "pk",
            filter=Q(status=RegistrationStatus.CONFIRMED, quota=SeatQuota.RESERVED),
        ),
    )
    return StatusCounts(
        capacity=event.capacity, reserved_seats=event.reserved_seats, **counts
    )


def confirmed_count(event: Event) -> int:
    """Confirmed attendees of the event (the programme's room warnings)."""
    return Registration.objects.for_event(event).confirmed().count()
