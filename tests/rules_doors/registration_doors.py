"""Registering, confirming, leaving the waiting list, cancelling, promotion
and changing one's details."""

from collections.abc import Callable

from registrations.models import (
    OutgoingEmail,
    RegistrationStatus,
)
from tests.registrations.conftest import event_form_data
from tests.rules_doors.cell import admin_action, text_of


def register_form(cell):
    before = OutgoingEmail.objects.count()
    response = cell.anonymous.post(
        f"/{cell.language}/register/",
        {
            "first_name": "Zoë",
            "last_name": "Smith",
            "email": cell.registration.email or "someone.new@example.org",
            "organisation": "Animus Association Foundation",
            "position": "Social worker",
            "country": "Bulgaria",
            "organisation_type": "ngo",
            "language": cell.language,
            "consent": "on",
        },
    )
    return OutgoingEmail.objects.count() > before, text_of(response)


def link_post(suffix, changed: Callable):
    def door(cell):
        if cell.manage is None:
            return False, None
        response = cell.anonymous.post(cell.manage + suffix)
        return changed(cell), text_of(response)

    return door


def status_became(status):
    return lambda cell: (
        cell.registration.status != status and cell.fresh().status == status
    )


def confirmed_now(cell):
    return cell.registration.status == RegistrationStatus.PENDING and (
        cell.fresh().status != RegistrationStatus.PENDING
    )


def cancel_admin(cell):
    said = admin_action(cell, "cancel_registrations")
    return status_became(RegistrationStatus.CANCELLED)(cell), said


def promote_by_capacity(cell):
    event = cell.event
    event.capacity = event.registrations.confirmed().count()
    event.save()
    data = event_form_data(event, cell.organiser.user) | {
        "capacity": event.capacity + 1
    }
    cell.organiser.post(
        f"/{cell.language}/admin/conference/event/{event.pk}/change/", data
    )
    return cell.fresh().promoted_at is not None, None


def confirm_from_list_admin(cell):
    said = admin_action(cell, "confirm_from_waiting_list")
    return status_became(RegistrationStatus.CONFIRMED)(cell), said


def change_details_form(cell):
    if cell.manage is None:
        return False, None
    registration = cell.registration
    data = {
        field: getattr(registration, field) or "x"
        for field in (
            "first_name",
            "last_name",
            "organisation",
            "position",
            "country",
            "organisation_type",
            "language",
        )
    } | {"phone": "+359 2 999 9999"}
    response = cell.anonymous.post(cell.manage, data)
    return cell.fresh().phone == "+359 2 999 9999", text_of(response)
