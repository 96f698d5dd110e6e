"""Reads about registrations used in more than one place."""

from typing import Any

from registrations.models import Registration

# Everything stored about the person, in the order the manage page shows it.
PERSONAL_DATA_FIELDS = (
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
