"""Reserved seats, invited guests and their links, and the press."""

from django.utils import translation

from conference.models import RegistrationMode
from invitations.models import (
    Guest,
    InvitationStatus,
    InvitationToken,
    PressAccreditation,
    PressStatus,
)
from registrations import reserved
from registrations.exceptions import NotAllowed
from registrations.models import (
    Registration,
    SeatQuota,
)
from tests.factories import (
    GuestFactory,
    PressAccreditationFactory,
)
from tests.rules_doors.cell import text_of


def seat_invited(cell):
    """What accepting an invitation and accrediting a journalist call."""
    cell.event.reserved_seats = 5
    cell.event.save()
    details = {
        "first_name": "Guest",
        "last_name": "Invited",
        "email": cell.registration.email or "guest@example.org",
        "organisation": "Ministry",
        "position": "Expert",
        "country": "Bulgaria",
        "organisation_type": "government",
        "language": cell.language,
    }
    try:
        reserved.seat_invited_person(event=cell.event, details=details)
    except NotAllowed as refusal:
        with translation.override(cell.language):
            return False, refusal.message
    return Registration.objects.filter(quota=SeatQuota.RESERVED).exists(), ""


def release_seats_page(cell):
    """The guest list's page that gives unused reserved seats to the public."""
    cell.event.reserved_seats = 2
    cell.event.save()
    capacity = cell.event.capacity
    response = cell.organiser.post(
        f"/{cell.language}/admin/invitations/guest/release-seats/", {"seats": 1}
    )
    cell.event.refresh_from_db()
    return cell.event.capacity == capacity + 1, text_of(response)


def _guest(cell, status=InvitationStatus.SENT, **fields):
    """An invited guest of the cell's event; the event has guests beside the
    public and reserved seats left."""
    cell.event.registration_mode = RegistrationMode.MIXED
    cell.event.reserved_seats = 5
    cell.event.save()
    return GuestFactory(
        event=cell.event, status=status, language=cell.language, **fields
    )


def _guest_status(guest) -> str:
    return Guest.objects.get(pk=guest.pk).status


def _guests_admin(cell, action, guest):
    url = f"/{cell.language}/admin/invitations/guest/"
    data = {"action": action, "_selected_action": [guest.pk], "confirmed": "yes"}
    return text_of(cell.organiser.post(url, data))


def send_invitations_admin(cell):
    guest = _guest(cell, InvitationStatus.NOT_SENT)
    said = _guests_admin(cell, "send_invitations", guest)
    return _guest_status(guest) == InvitationStatus.SENT, said


def remind_guests_admin(cell):
    guest = _guest(cell)
    said = _guests_admin(cell, "send_reminders", guest)
    return Guest.objects.get(pk=guest.pk).reminded_at is not None, said


def withdraw_admin(cell):
    guest = _guest(cell)
    said = _guests_admin(cell, "withdraw_invitations", guest)
    return _guest_status(guest) == InvitationStatus.WITHDRAWN, said


def add_delegates_admin(cell):
    guest = _guest(
        cell,
        InvitationStatus.DELEGATED,
        delegate_name="Мария Петрова",
        delegate_email="delegate@example.org",
    )
    said = _guests_admin(cell, "add_delegates", guest)
    return Guest.objects.filter(delegate_of=guest).exists(), said


def _invitation_link(cell, guest, suffix, data):
    token = InvitationToken.objects.issue(guest=guest)
    response = cell.anonymous.post(
        f"/{cell.language}/invitation/{token}/{suffix}", data, follow=True
    )
    return text_of(response)


def accept_link(cell):
    guest = _guest(cell)
    said = _invitation_link(
        cell, guest, "accept/", {"language": cell.language, "consent": "on"}
    )
    return _guest_status(guest) == InvitationStatus.ACCEPTED, said


def decline_link(cell):
    guest = _guest(cell)
    said = _invitation_link(cell, guest, "decline/", {})
    return _guest_status(guest) == InvitationStatus.DECLINED, said


def press_form(cell):
    response = cell.anonymous.post(
        f"/{cell.language}/press/",
        {
            "first_name": "Елена",
            "last_name": "Георгиева",
            "email": "press@example.org",
            "outlet": "БТА",
            "position": "репортер",
            "country": "България",
            "language": cell.language,
            "consent": "on",
        },
    )
    return PressAccreditation.objects.exists(), text_of(response)


def accredit_admin(cell):
    cell.event.reserved_seats = 5
    cell.event.save()
    accreditation = PressAccreditationFactory(event=cell.event)
    url = f"/{cell.language}/admin/invitations/pressaccreditation/"
    data = {
        "action": "accredit",
        "_selected_action": [accreditation.pk],
        "confirmed": "yes",
    }
    said = text_of(cell.organiser.post(url, data))
    accreditation.refresh_from_db()
    return accreditation.status == PressStatus.ACCEPTED, said
