"""Capacity under a burst of simultaneous confirmations.

Twenty-plus threads, each with its own database connection, confirm different
pending registrations at the same moment for the last five seats.
"""

import threading

import pytest
from django.db import close_old_connections, connection

from registrations import services
from registrations.models import Registration, RegistrationStatus
from tests.factories import EventFactory, RegistrationFactory

THREADS = 20
SEATS_LEFT = 5
CAPACITY = 10


def race_for_the_last_seats():
    """Run the race; return (confirmed count, waitlisted in order, errors)."""
    event = EventFactory(capacity=CAPACITY)
    RegistrationFactory.create_batch(
        CAPACITY - SEATS_LEFT, event=event, status=RegistrationStatus.CONFIRMED
    )
    pending = RegistrationFactory.create_batch(THREADS, event=event)
    barrier = threading.Barrier(THREADS)
    errors = []

    def confirm(registration_id):
        try:
            registration = Registration.objects.select_related("event").get(
                pk=registration_id
            )
            barrier.wait(timeout=10)
            services.confirm_registration(registration=registration)
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=confirm, args=(registration.pk,))
        for registration in pending
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    close_old_connections()
    confirmed = Registration.objects.for_event(event).confirmed().count()
    waitlisted = list(Registration.objects.for_event(event).waitlisted())
    return confirmed, waitlisted, errors


def assert_no_oversell(confirmed, waitlisted, errors):
    assert errors == []
    assert confirmed == CAPACITY
    assert len(waitlisted) == THREADS - SEATS_LEFT
    assert [registration.waitlist_position for registration in waitlisted] == list(
        range(1, THREADS - SEATS_LEFT + 1)
    )
    times = [registration.waitlisted_at for registration in waitlisted]
    assert times == sorted(times)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_last_seats_are_never_oversold_on_postgresql():
    assert_no_oversell(*race_for_the_last_seats())


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_row_lock_the_race_oversells_on_postgresql(monkeypatch):
    """Negative control: the race above does catch a missing lock."""
    monkeypatch.setattr(services, "LOCK_EVENT_ROW", False)

    confirmed, _waitlisted, errors = race_for_the_last_seats()

    assert errors == []
    assert confirmed > CAPACITY


@pytest.mark.django_db(transaction=True)
def test_last_seats_are_never_oversold_on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite variant of the race; PostgreSQL runs its own")
    confirmed, waitlisted, errors = race_for_the_last_seats()

    assert not [error for error in errors if "locked" in str(error)]
    assert_no_oversell(confirmed, waitlisted, errors)
