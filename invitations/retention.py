"""The guests' and journalists' personal data are erased with the
registrations' (registrations.retention calls `anonymise_guests` in the same
transaction, for the same past events). What counts need stays: category,
invitation status, language, country, reserved seat, protocol order."""

import datetime

from invitations.models import (
    Guest,
    GuestEmail,
    InvitationToken,
    PressAccreditation,
)
from registrations.models import OutgoingEmail

GUEST_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "position_bg",
    "position_en",
    "institution_bg",
    "institution_en",
    "accessibility_requirements",
    "dietary_requirements",
    "delegate_name",
    "delegate_email",
)
PRESS_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "outlet",
    "position",
    "phone",
    "accessibility_requirements",
)


def anonymise_guests(*, event_ids, now: datetime.datetime) -> int:
    """Erase the personal data of the guests and journalists of these events;
    their links stop working and the copies of their e-mails go."""
    guests = Guest.objects.filter(event__in=event_ids, anonymised_at__isnull=True)
    press = PressAccreditation.objects.filter(
        event__in=event_ids, anonymised_at__isnull=True
    )
    guest_ids = list(guests.values_list("pk", flat=True))
    press_ids = list(press.values_list("pk", flat=True))
    OutgoingEmail.objects.filter(
        pk__in=GuestEmail.objects.filter(guest__in=guest_ids).values("email")
    ).delete()
    OutgoingEmail.objects.filter(
        pk__in=GuestEmail.objects.filter(accreditation__in=press_ids).values("email")
    ).delete()
    InvitationToken.objects.filter(guest__in=guest_ids).delete()
    # The events' rows are locked by the anonymisation that calls this.
    for guest in guests:
        for field in GUEST_FIELDS:
            setattr(guest, field, "")
        guest.anonymised_at = now
        guest.save()
    for accreditation in press:
        for field in PRESS_FIELDS:
            setattr(accreditation, field, "")
        accreditation.anonymised_at = now
        accreditation.save()
    return len(guest_ids) + len(press_ids)
