"""Races on PostgreSQL, each with a negative control without the locks.

- Capacity under a burst: twenty threads, each with its own database
  connection, confirm different pending registrations at the same moment for
  the last five seats.
- Two changes of one registration at once (confirm and expiry, two desks
  checking one ticket in, leaving the waiting list and a promotion, an edit and the
  anonymisation of the past event's registrations): the first change
  pauses while holding its locks until the second has finished or a second
  has passed. With the locks the second waits for the first; without them
  it commits in the middle of the first, which then writes stale data. So
  each negative control fails deterministically, not by chance.

The negative controls take the locks away with the `without_row_locks`
fixture (tests/conftest.py); nothing in the code can switch them off.
"""

import datetime
import threading

import pytest
import time_machine
from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from registrations import exceptions, locks, retention, services
from registrations.models import (
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
)
from tests.factories import EventFactory, RegistrationFactory, UserFactory

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
def test_without_the_row_lock_the_race_oversells_on_postgresql(
    monkeypatch, without_row_locks
):
    """Negative control: the race above does catch a missing lock. Every
    thread counts the seats before any saves (a barrier), so without the lock
    all of them see five free seats, every time."""
    counted = threading.Barrier(THREADS)
    count_seats = services.seats_taken

    def seats_taken_then_wait(event):
        taken = count_seats(event)
        counted.wait(timeout=10)
        return taken

    monkeypatch.setattr(services, "seats_taken", seats_taken_then_wait)

    confirmed, _waitlisted, errors = race_for_the_last_seats()

    assert errors == []
    assert confirmed == CAPACITY - SEATS_LEFT + THREADS


@pytest.mark.django_db(transaction=True)
def test_last_seats_are_never_oversold_on_sqlite():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite variant of the race; PostgreSQL runs its own")
    confirmed, waitlisted, errors = race_for_the_last_seats()

    assert not [error for error in errors if "locked" in str(error)]
    assert_no_oversell(confirmed, waitlisted, errors)


def interleave(first, second, monkeypatch):
    """Run `first` in a thread that, once it holds its locks, waits for
    `second` (run in another thread) to finish, for at most a second."""
    first_locked = threading.Event()
    second_done = threading.Event()
    lock_registration = locks.lock_registration
    outcomes = {}

    def lock_then_pause(registration_id):
        registration = lock_registration(registration_id)
        if threading.current_thread().name == "first":
            first_locked.set()
            second_done.wait(timeout=1)
        return registration

    monkeypatch.setattr(locks, "lock_registration", lock_then_pause)

    def run(name, call, done=None):
        try:
            outcomes[name] = call()
        except Exception as error:  # compared below
            outcomes[name] = error
        finally:
            connection.close()
            if done is not None:
                done.set()

    threads = [threading.Thread(target=run, args=("first", first), name="first")]
    threads[0].start()
    assert first_locked.wait(timeout=10)
    threads.append(threading.Thread(target=run, args=("second", second, second_done)))
    threads[1].start()
    for thread in threads:
        thread.join(timeout=30)
    close_old_connections()
    return outcomes


def confirm_during_expiry(monkeypatch):
    event = EventFactory()
    old = timezone.now() - datetime.timedelta(
        hours=settings.REGISTRATION_CONFIRMATION_HOURS - 1
    )
    registration = RegistrationFactory(event=event, email="ana@example.org")
    Registration.objects.filter(pk=registration.pk).update(created_at=old)
    soon = timezone.now() + datetime.timedelta(hours=2)  # past the deadline
    interleave(
        lambda: services.confirm_registration(
            registration=Registration.objects.get(pk=registration.pk),
            now=timezone.now(),
        ),
        lambda: retention.expire_unconfirmed_registrations(now=soon),
        monkeypatch,
    )
    registration.refresh_from_db()
    return registration


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_an_expiry_during_a_confirmation_waits_for_it(monkeypatch):
    registration = confirm_during_expiry(monkeypatch)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "ana@example.org"
    assert OutgoingEmail.objects.get().recipient == "ana@example.org"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_locks_an_expiry_erases_a_confirmed_registration(
    monkeypatch, without_row_locks
):
    """Negative control: confirmed, with its data erased, and a ticket queued
    to the erased address."""

    registration = confirm_during_expiry(monkeypatch)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == ""


def check_in_twice(monkeypatch):
    """Two desks scan the same ticket at the same moment, on the day."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    registration = RegistrationFactory(
        event=EventFactory(date=day), status=RegistrationStatus.CONFIRMED
    )
    first_desk, second_desk = UserFactory(), UserFactory()
    ten = datetime.datetime.combine(
        day, datetime.time(10), tzinfo=timezone.get_default_timezone()
    )
    with time_machine.travel(ten, tick=True):
        outcomes = interleave(
            lambda: services.check_in_registration(
                registration=registration, by=first_desk
            ),
            lambda: services.check_in_registration(
                registration=registration, by=second_desk
            ),
            monkeypatch,
        )
    registration.refresh_from_db()
    return registration, outcomes, first_desk


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_second_check_in_at_the_same_moment_is_refused(monkeypatch):
    registration, outcomes, first_desk = check_in_twice(monkeypatch)

    assert registration.checked_in_by == first_desk
    assert isinstance(outcomes["second"], exceptions.NotAllowed)
    assert outcomes["second"].decision.already


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_locks_one_ticket_is_checked_in_twice(
    monkeypatch, without_row_locks
):
    """Negative control: both desks are told the person is checked in."""

    _registration, outcomes, _first_desk = check_in_twice(monkeypatch)

    assert isinstance(outcomes["first"], Registration)
    assert isinstance(outcomes["second"], Registration)


def promote_during_leaving(monkeypatch):
    event = EventFactory(capacity=1)
    registration = RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now(),
    )
    outcomes = interleave(
        lambda: services.confirm_from_waiting_list(registration=registration),
        lambda: services.leave_waiting_list(registration=registration),
        monkeypatch,
    )
    registration.refresh_from_db()
    kinds = set(OutgoingEmail.objects.values_list("kind", flat=True))
    return registration, outcomes, kinds


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_leaving_the_waiting_list_during_a_promotion_is_refused(monkeypatch):
    registration, outcomes, kinds = promote_during_leaving(monkeypatch)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert isinstance(outcomes["second"], exceptions.NotAllowed)
    assert kinds == {EmailKind.PROMOTED}


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_locks_someone_who_left_is_confirmed_anyway(
    monkeypatch, without_row_locks
):
    """Negative control: told they left the list, yet confirmed."""

    registration, _outcomes, kinds = promote_during_leaving(monkeypatch)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert kinds == {EmailKind.PROMOTED, EmailKind.LEFT_WAITING_LIST}


def anonymise_during_an_edit(monkeypatch):
    """The attendee edits their details (holding the locks) while the
    retention command anonymises the past event's registrations."""
    event = EventFactory(
        date=timezone.localdate()
        - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS + 2)
    )
    registration = RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, first_name="Ана"
    )
    # An edit begun while edits were allowed (the table refuses them after
    # the day), finishing as the erasure starts.
    begun = event.starts_at - datetime.timedelta(days=10)
    interleave(
        lambda: services.update_registration_details(
            registration=registration, details={"first_name": "Анна"}, now=begun
        ),
        retention.anonymise_registrations,
        monkeypatch,
    )
    registration.refresh_from_db()
    return registration


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_an_anonymisation_during_an_edit_waits_and_erases_the_edit(monkeypatch):
    registration = anonymise_during_an_edit(monkeypatch)

    assert registration.anonymised_at is not None
    assert registration.first_name == ""


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_locks_an_edit_brings_back_anonymised_data(
    monkeypatch, without_row_locks
):
    """Negative control: anonymised, yet the name is back."""
    registration = anonymise_during_an_edit(monkeypatch)

    assert registration.anonymised_at is not None
    assert registration.first_name == "Анна"
