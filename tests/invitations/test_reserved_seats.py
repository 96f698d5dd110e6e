"""Reserved seats: invited guests and press draw from them, never from the
public capacity, and the public never from them; unused ones go to the
public and the waiting list when the organisers release them."""

import pytest
from django.core import mail

from conference.models import RegistrationMode
from invitations import services
from invitations.models import Guest, InvitationStatus
from registrations import exceptions, reserved
from registrations import services as registration_services
from registrations.models import (
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    SeatQuota,
)
from registrations.outbox import send_queued_emails
from tests.factories import GuestFactory, RegistrationFactory
from tests.invitations.conftest import accept_path
from tests.invitations.test_invitations import ACCEPT_FORM, send

pytestmark = pytest.mark.django_db

ANSWERS = {"language": "bg"}


def accept(guest):
    return services.accept_invitation(guest=guest, answers=ANSWERS)


def test_a_guest_is_seated_even_when_the_public_seats_are_full(event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    guest = GuestFactory(event=event, status=InvitationStatus.SENT)

    accept(guest)

    guest.refresh_from_db()
    assert guest.registration.status == RegistrationStatus.CONFIRMED
    assert guest.registration.quota == SeatQuota.RESERVED
    assert registration_services.seats_taken(event) == 1
    assert reserved.reserved_seats(event).taken == 1


def test_the_public_never_takes_a_reserved_seat(event):
    event.capacity = 1
    event.save()
    first, second = RegistrationFactory.create_batch(2, event=event)

    registration_services.confirm_registration(registration=first)
    registration_services.confirm_registration(registration=second)

    second.refresh_from_db()
    assert second.status == RegistrationStatus.WAITLISTED
    assert reserved.reserved_seats(event).free == event.reserved_seats


def test_no_reserved_seat_left_is_said_politely_and_recorded(client, event):
    event.reserved_seats = 1
    event.save()
    RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, quota=SeatQuota.RESERVED
    )
    guest = GuestFactory(event=event)
    send(guest)

    response = client.post(accept_path(guest.email), ACCEPT_FORM, follow=True)

    assert "всички места, запазени за поканени гости, са заети" in (
        response.content.decode()
    )
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.SENT
    assert guest.no_seat_at is not None
    assert reserved.reserved_seats(event).taken == 1
    # The organisers raise the reserved seats; the same link then works.
    event.reserved_seats = 2
    event.save()
    client.post(accept_path(guest.email), ACCEPT_FORM)
    guest.refresh_from_db()
    assert guest.status == InvitationStatus.ACCEPTED
    assert guest.no_seat_at is None


def test_a_cancelled_reserved_seat_goes_to_nobody_waiting(event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    guest = GuestFactory(event=event, status=InvitationStatus.SENT)
    accept(guest)
    guest.refresh_from_db()

    registration_services.cancel_registration(registration=guest.registration)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert reserved.reserved_seats(event).taken == 0


def test_a_guest_who_had_registered_moves_to_a_reserved_seat(event):
    event.capacity = 1
    event.save()
    public = RegistrationFactory(
        event=event, email="Tsipov@Example.org", status=RegistrationStatus.CONFIRMED
    )
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    guest = GuestFactory(
        event=event, email="tsipov@example.org", status=InvitationStatus.SENT
    )

    accept(guest)

    public.refresh_from_db()
    waiting.refresh_from_db()
    guest.refresh_from_db()
    assert guest.registration == public
    assert public.quota == SeatQuota.RESERVED
    assert waiting.status == RegistrationStatus.CONFIRMED  # the freed seat
    assert Registration.objects.count() == 2


def test_releasing_reserved_seats_promotes_the_waiting_list(event):
    event.capacity = 1
    event.reserved_seats = 5
    event.save()
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    waiting = [
        registration_services.confirm_registration(registration=registration)
        for registration in RegistrationFactory.create_batch(3, event=event)
    ]
    accept(GuestFactory(event=event, status=InvitationStatus.SENT))

    promoted = reserved.release_reserved_seats(event=event, seats=2)

    event.refresh_from_db()
    assert (event.capacity, event.reserved_seats) == (3, 3)
    assert [registration.pk for registration in promoted] == [
        registration.pk for registration in waiting[:2]
    ]
    assert OutgoingEmail.objects.filter(kind=EmailKind.PROMOTED).count() == 2
    with pytest.raises(exceptions.ReservedSeatsUnavailable) as refused:
        reserved.release_reserved_seats(event=event, seats=3)
    assert refused.value.unused == 2


def test_an_organiser_releases_seats_in_the_bulgarian_admin(organiser_client, event):
    event.capacity = 1
    event.save()
    RegistrationFactory(event=event, status=RegistrationStatus.CONFIRMED)
    waiting = registration_services.confirm_registration(
        registration=RegistrationFactory(event=event)
    )
    url = "/bg/admin/invitations/guest/release-seats/"

    page = organiser_client.get(url).content.decode()
    assert "Свободни запазени места" in page
    response = organiser_client.post(url, {"seats": "4"}, follow=True)

    assert (
        "4 запазени места са освободени за публиката; от списъка на чакащите "
        "място получиха 1 души" in response.content.decode()
    )
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    send_queued_emails()
    assert any(waiting.email in message.to for message in mail.outbox)


def test_releasing_more_than_free_is_refused_in_the_form(organiser_client, event):
    response = organiser_client.post(
        "/en/admin/invitations/guest/release-seats/", {"seats": "11"}
    )

    assert "less than or equal to 10" in response.content.decode()
    event.refresh_from_db()
    assert event.reserved_seats == 10


def test_the_event_form_keeps_reserved_seats_above_those_taken(event):
    accept(GuestFactory(event=event, status=InvitationStatus.SENT))

    with pytest.raises(exceptions.ReservedSeatsBelowTaken):
        reserved.change_reserved_seats(event=event, reserved_seats=0)
    reserved.change_reserved_seats(event=event, reserved_seats=1)

    event.refresh_from_db()
    assert event.reserved_seats == 1


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("bg", "Участието в конференцията е само с покана"),
        ("en", "Registration is by invitation only"),
    ],
)
def test_by_invitation_only_the_public_form_is_closed(client, event, language, text):
    event.registration_mode = RegistrationMode.INVITATION_ONLY
    event.save()
    guest = GuestFactory(event=event, status=InvitationStatus.SENT)

    page = client.get(f"/{language}/register/").content.decode()

    assert text in page
    assert 'name="first_name"' not in page
    accept(guest)
    assert Guest.objects.get().status == InvitationStatus.ACCEPTED
