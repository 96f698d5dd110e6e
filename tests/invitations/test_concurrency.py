"""Reserved seats under concurrent acceptances, on PostgreSQL: each thread
has its own database connection, as two (or twenty) application servers
would, and they all accept at the same moment (a barrier). Each race has a
negative control without the locks, which does oversell, every time."""

import threading

import pytest
from django.db import close_old_connections, connection

from invitations import services
from invitations.models import Guest, InvitationStatus
from registrations import reserved
from registrations import services as registration_services
from registrations.models import Registration, RegistrationStatus, SeatQuota
from tests.factories import EventFactory, GuestFactory, RegistrationFactory

GUESTS = 20
RESERVED = 10
TAKEN = 5  # reserved seats already given: five are left for twenty guests
CAPACITY = 8


def race(calls):
    """Run the calls in threads, each on its own connection, released at the
    same moment; return the errors they raised."""
    barrier = threading.Barrier(len(calls))
    errors = []

    def run(call):
        try:
            barrier.wait(timeout=10)
            call()
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()
    return errors


def accepting(guest_id):
    def call():
        guest = Guest.objects.select_related("event").get(pk=guest_id)
        services.accept_invitation(guest=guest, answers={"language": "bg"})

    return call


def race_for_the_last_reserved_seats():
    event = EventFactory(
        registration_mode="mixed", reserved_seats=RESERVED, capacity=CAPACITY
    )
    RegistrationFactory.create_batch(
        TAKEN, event=event, status=RegistrationStatus.CONFIRMED, quota="reserved"
    )
    RegistrationFactory.create_batch(
        CAPACITY, event=event, status=RegistrationStatus.CONFIRMED
    )
    guests = GuestFactory.create_batch(
        GUESTS, event=event, status=InvitationStatus.SENT
    )
    errors = race([accepting(guest.pk) for guest in guests])
    return event, errors


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_twenty_guests_accepting_at_once_take_exactly_the_five_seats_left():
    event, errors = race_for_the_last_reserved_seats()

    assert len(errors) == GUESTS - (RESERVED - TAKEN)
    assert {type(error).__name__ for error in errors} == {"NoReservedSeatLeft"}
    assert reserved.reserved_seats(event).taken == RESERVED
    assert Guest.objects.filter(status=InvitationStatus.ACCEPTED).count() == 5
    assert (
        Guest.objects.filter(
            status=InvitationStatus.SENT, no_seat_at__isnull=False
        ).count()
        == 15
    )
    # The public capacity is untouched: still exactly full, nobody moved.
    assert registration_services.seats_taken(event) == CAPACITY


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_row_lock_the_reserved_seats_are_oversold(
    monkeypatch, without_row_locks
):
    """Negative control: every thread counts the reserved seats before any
    takes one (a barrier), so without the lock all twenty see five free."""
    counted = threading.Barrier(GUESTS)
    count = reserved.reserved_taken

    def count_then_wait(event):
        taken = count(event)
        counted.wait(timeout=10)
        return taken

    monkeypatch.setattr(reserved, "reserved_taken", count_then_wait)

    event, errors = race_for_the_last_reserved_seats()

    assert errors == []
    assert (
        Registration.objects.for_event(event).reserved().confirmed().count()
        == TAKEN + GUESTS
    )


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_public_confirmations_and_acceptances_at_once_keep_both_exact():
    """Ten people confirm their registration for three public seats while
    ten guests accept for three reserved seats, all at the same moment."""
    event = EventFactory(registration_mode="mixed", reserved_seats=3, capacity=3)
    pending = RegistrationFactory.create_batch(10, event=event)
    guests = GuestFactory.create_batch(10, event=event, status=InvitationStatus.SENT)

    def confirming(registration_id):
        def call():
            registration = Registration.objects.select_related("event").get(
                pk=registration_id
            )
            registration_services.confirm_registration(registration=registration)

        return call

    calls = [confirming(r.pk) for r in pending] + [accepting(g.pk) for g in guests]
    errors = race(calls)

    assert len(errors) == 7
    confirmed = Registration.objects.for_event(event).confirmed()
    assert confirmed.filter(quota=SeatQuota.PUBLIC).count() == 3
    assert confirmed.filter(quota=SeatQuota.RESERVED).count() == 3
    assert Registration.objects.for_event(event).waitlisted().count() == 7
