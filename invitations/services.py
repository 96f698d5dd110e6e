"""Every change of state of an invitation, as one plain function each:
sending, reminding, withdrawing, the guest's answer, and adding the delegates
a guest named to the list.

Each asks invitations.rules first, runs in one transaction, locks the guests
it changes, and queues its e-mails in the outbox (invitations/emails.py).
A guest who accepts is seated by the registrations' own service, from the
reserved seats and under the event's lock (registrations/reserved.py).
"""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone, translation

from conference.locks import lock_event
from invitations import rules
from invitations.emails import queue_guest_email
from invitations.exceptions import InvitationNotOpen, InvitationWithdrawn
from invitations.models import Guest, GuestCategory, InvitationStatus
from registrations import reserved
from registrations.exceptions import NoReservedSeatLeft
from registrations.models import EmailKind, OrganisationType

# What the guest may tell us when accepting (pre-filled from the list).
ANSWER_FIELDS = (
    "language",
    "needs_interpretation",
    "accessibility_requirements",
    "dietary_requirements",
)
# A guest is reminded at most once in this time, however often asked.
REMINDER_INTERVAL = datetime.timedelta(hours=20)
# Invitations can be answered while in these states.
OPEN_STATUSES = (
    InvitationStatus.SENT,
    InvitationStatus.DECLINED,
    InvitationStatus.DELEGATED,
)
SENDABLE_STATUSES = (InvitationStatus.NOT_SENT, InvitationStatus.WITHDRAWN)


def _lock_guest(guest_id: int) -> Guest:
    """The guest, re-read under the lock on its event (conference.locks: the
    event first, the one lock every change of its guests and registrations
    takes); call inside a transaction."""
    event_id = Guest.objects.values_list("event_id", flat=True).get(pk=guest_id)
    event = lock_event(event_id)
    guest = Guest.objects.get(pk=guest_id)
    guest.event = event
    return guest


def _events(guests) -> list:
    return list({guest.event_id: guest.event for guest in guests}.values())


def _organisation_type(guest: Guest) -> str:
    if guest.organisation_type:
        return guest.organisation_type
    if guest.category == GuestCategory.PRESS:
        return OrganisationType.MEDIA
    return OrganisationType.OTHER


def registration_details(guest: Guest) -> dict[str, Any]:
    """The registration an accepted invitation makes, from the guest list;
    position and institution in the guest's language."""
    with translation.override(guest.language):
        position, institution = guest.position, guest.institution
    return {
        "form_of_address": guest.form_of_address,
        "first_name": guest.first_name,
        "last_name": guest.last_name,
        "email": guest.email,
        "organisation": institution,
        "position": position,
        "country": guest.country,
        "organisation_type": _organisation_type(guest),
        "language": guest.language,
        "needs_interpretation": guest.needs_interpretation,
        "accessibility_requirements": guest.accessibility_requirements,
        "dietary_requirements": guest.dietary_requirements,
    }


def send_invitations(*, guests, now: datetime.datetime | None = None) -> int:
    """Invite each guest not invited yet (or whose invitation was withdrawn),
    each in their language; returns how many. Others are left as they are."""
    now = now or timezone.now()
    guests = list(guests.select_related("event"))
    for event in _events(guests):
        rules.check(rules.Action.SEND_INVITATIONS, event=event, now=now)
    sent = 0
    with transaction.atomic():
        for guest_id in sorted(guest.pk for guest in guests):
            guest = _lock_guest(guest_id)
            if guest.status not in SENDABLE_STATUSES or guest.anonymised_at:
                continue
            guest.status = InvitationStatus.SENT
            guest.invited_at = now
            guest.withdrawn_at = None
            guest.reminded_at = None
            guest.save(
                update_fields=[
                    "status",
                    "invited_at",
                    "withdrawn_at",
                    "reminded_at",
                    "updated_at",
                ]
            )
            queue_guest_email(guest=guest, kind=EmailKind.INVITATION)
            sent += 1
    return sent


def send_reminders(*, guests, now: datetime.datetime | None = None) -> int:
    """Remind the guests who have not answered, at most once in
    REMINDER_INTERVAL each; returns how many were reminded."""
    now = now or timezone.now()
    guests = list(guests.select_related("event"))
    for event in _events(guests):
        rules.check(rules.Action.REMIND_GUESTS, event=event, now=now)
    reminded = 0
    with transaction.atomic():
        for guest_id in sorted(guest.pk for guest in guests):
            guest = _lock_guest(guest_id)
            if guest.status != InvitationStatus.SENT or guest.anonymised_at:
                continue
            if guest.reminded_at and now - guest.reminded_at < REMINDER_INTERVAL:
                continue
            guest.reminded_at = now
            guest.save(update_fields=["reminded_at", "updated_at"])
            queue_guest_email(guest=guest, kind=EmailKind.INVITATION_REMINDER)
            reminded += 1
    return reminded


def withdraw_invitations(*, guests, now: datetime.datetime | None = None) -> int:
    """Withdraw the invitations not answered yet: their link then says so.
    Returns how many."""
    now = now or timezone.now()
    guests = list(guests.select_related("event"))
    for event in _events(guests):
        rules.check(rules.Action.WITHDRAW_INVITATION, event=event, now=now)
    withdrawn = 0
    with transaction.atomic():
        for guest_id in sorted(guest.pk for guest in guests):
            guest = _lock_guest(guest_id)
            if guest.status != InvitationStatus.SENT:
                continue
            guest.status = InvitationStatus.WITHDRAWN
            guest.withdrawn_at = now
            guest.save(update_fields=["status", "withdrawn_at", "updated_at"])
            withdrawn += 1
    return withdrawn


def accept_invitation(
    *,
    guest: Guest,
    answers: Mapping[str, Any],
    now: datetime.datetime | None = None,
) -> Guest:
    """The guest accepts: a confirmed registration on a reserved seat, its
    ticket e-mailed. Accepting twice changes nothing; a guest who declined
    may still accept while the invitation is open.

    Raises InvitationRefused (the doors are open), InvitationWithdrawn,
    InvitationNotOpen, and NoReservedSeatLeft when every reserved seat is
    taken (the attempt is recorded for the organisers).
    """
    now = now or timezone.now()
    rules.check(rules.Action.ACCEPT_INVITATION, event=guest.event, now=now)
    no_seat = None
    with transaction.atomic():
        guest = _lock_guest(guest.pk)
        if guest.status == InvitationStatus.ACCEPTED:
            return guest
        if guest.status == InvitationStatus.WITHDRAWN:
            raise InvitationWithdrawn(str(guest.pk))
        if guest.status not in OPEN_STATUSES:
            raise InvitationNotOpen(guest.status)
        for field in ANSWER_FIELDS:
            if field in answers:
                setattr(guest, field, answers[field])
        try:
            registration = reserved.seat_invited_person(
                event=guest.event, details=registration_details(guest), now=now
            )
        except NoReservedSeatLeft as full:
            guest.no_seat_at = now
            guest.save(update_fields=["no_seat_at", "updated_at"])
            no_seat = full
        else:
            guest.status = InvitationStatus.ACCEPTED
            guest.answered_at = now
            guest.registration = registration
            guest.no_seat_at = None
            guest.save()
    if no_seat is not None:
        raise no_seat
    return guest


def decline_invitation(
    *,
    guest: Guest,
    delegate_name: str = "",
    delegate_email: str = "",
    now: datetime.datetime | None = None,
) -> Guest:
    """The guest cannot come, and may name who comes in their place; the
    organisers decide whether to invite that delegate (add_delegates)."""
    now = now or timezone.now()
    rules.check(rules.Action.DECLINE_INVITATION, event=guest.event, now=now)
    with transaction.atomic():
        guest = _lock_guest(guest.pk)
        if guest.status == InvitationStatus.WITHDRAWN:
            raise InvitationWithdrawn(str(guest.pk))
        if guest.status != InvitationStatus.SENT:
            if guest.status in (InvitationStatus.DECLINED, InvitationStatus.DELEGATED):
                return guest
            raise InvitationNotOpen(guest.status)
        delegated = bool(delegate_name.strip() and delegate_email.strip())
        guest.status = (
            InvitationStatus.DELEGATED if delegated else InvitationStatus.DECLINED
        )
        guest.answered_at = now
        guest.delegate_name = delegate_name.strip() if delegated else ""
        guest.delegate_email = delegate_email.strip() if delegated else ""
        guest.save()
    return guest


def _split_name(name: str) -> tuple[str, str]:
    parts = name.split()
    if len(parts) < 2:
        return name.strip(), ""
    return " ".join(parts[:-1]), parts[-1]


def add_delegates(*, guests, now: datetime.datetime | None = None) -> list[Guest]:
    """Put the delegates the selected guests named on the guest list, not yet
    invited, with the guest's category, institution, language and place in
    protocol order; the organisers check them and send the invitations.
    Returns the new guests (a delegate already on the list is not added)."""
    guests = list(guests.select_related("event"))
    for event in _events(guests):
        rules.check(rules.Action.ADD_DELEGATES, event=event, now=now)
    added = []
    with transaction.atomic():
        for guest_id in sorted(guest.pk for guest in guests):
            guest = _lock_guest(guest_id)
            if guest.status != InvitationStatus.DELEGATED or guest.anonymised_at:
                continue
            on_list = (
                Guest.objects.for_event(guest.event_id)
                .present()
                .with_email(guest.delegate_email)
                .exists()
            )
            if on_list:
                continue
            first_name, last_name = _split_name(guest.delegate_name)
            added.append(
                Guest.objects.create(
                    event=guest.event,
                    first_name=first_name,
                    last_name=last_name,
                    email=guest.delegate_email,
                    language=guest.language,
                    category=guest.category,
                    reserved_seat=guest.reserved_seat,
                    precedence=guest.precedence,
                    institution_bg=guest.institution_bg,
                    institution_en=guest.institution_en,
                    country=guest.country,
                    organisation_type=guest.organisation_type,
                    delegate_of=guest,
                )
            )
    return added
