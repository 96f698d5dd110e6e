"""Reserved seats under concurrent acceptances on two servers, on PostgreSQL.

Each "server" is a separate operating-system process (forked, as gunicorn
forks its workers), with its own database connections; in each, ten
workers (threads, one connection each) accept an invitation, and all twenty
are released at the same moment by a barrier shared by the processes. Five
reserved seats are left: exactly five guests are seated, fifteen are told no
reserved seat is left, on whichever server they were. A negative control
without the row lock oversells across the two processes every time.

The figures are printed (`pytest -s`) for the closing note.
"""

import multiprocessing
import threading

import pytest
from django.db import connection, connections

from invitations import services
from invitations.models import Guest, InvitationStatus
from registrations import reserved
from registrations import services as registration_services
from registrations.models import Registration, RegistrationStatus
from tests.factories import EventFactory, GuestFactory, RegistrationFactory

SERVERS = 2
WORKERS = 10  # on each server
RESERVED = 10
TAKEN = 5  # five reserved seats left for twenty guests
CAPACITY = 8
# fork: the servers start from this process's settings, test database included.
FORK = multiprocessing.get_context("fork")
# Under pytest-xdist the test process has execnet's thread, and Python 3.13
# warns that a fork may then deadlock: a child that needs a lock the thread
# held at the fork. The servers only use what they create after the fork
# (their threads, their connections), as gunicorn's forked workers do.
pytestmark = pytest.mark.filterwarnings(
    "ignore:This process .* is multi-threaded, use of fork:DeprecationWarning"
)


def _server(guest_ids, barrier, results):
    """One server: a worker per guest, each with its own connection."""

    def worker(guest_id):
        outcome = "error"
        try:
            barrier.wait(timeout=30)
            guest = Guest.objects.select_related("event").get(pk=guest_id)
            services.accept_invitation(guest=guest, answers={"language": "bg"})
            outcome = "accepted"
        except Exception as error:  # reported to the test, which asserts
            outcome = type(error).__name__
        finally:
            connection.close()
            results.put(outcome)

    threads = [threading.Thread(target=worker, args=(pk,)) for pk in guest_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)


def race_on_two_servers():
    """Twenty guests, ten on each server, for the five reserved seats left;
    returns the event and every worker's outcome."""
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
        SERVERS * WORKERS, event=event, status=InvitationStatus.SENT
    )
    ids = [guest.pk for guest in guests]
    barrier = FORK.Barrier(SERVERS * WORKERS)
    results = FORK.Queue()
    # No connection may cross the fork: each server opens its own.
    connections.close_all()
    servers = [
        FORK.Process(
            target=_server, args=(ids[n::SERVERS], barrier, results), daemon=True
        )
        for n in range(SERVERS)
    ]
    for server in servers:
        server.start()
    outcomes = [results.get(timeout=120) for _ in ids]
    for server in servers:
        server.join(timeout=30)
    assert [server.exitcode for server in servers] == [0] * SERVERS
    return event, outcomes


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_servers_accepting_at_once_seat_exactly_the_five_left():
    event, outcomes = race_on_two_servers()

    accepted = outcomes.count("accepted")
    refused = outcomes.count("NoReservedSeatLeft")
    left = reserved.reserved_seats(event).free
    print(
        f"\ntwo servers x {WORKERS} workers: {len(outcomes)} attempts, "
        f"{accepted} accepted, {refused} refused (no reserved seat left), "
        f"{left} reserved seats left"
    )
    assert (accepted, refused, left) == (RESERVED - TAKEN, 15, 0)
    assert reserved.reserved_seats(event).taken == RESERVED
    assert Guest.objects.filter(status=InvitationStatus.ACCEPTED).count() == 5
    assert Guest.objects.filter(no_seat_at__isnull=False).count() == 15
    # The public seats are untouched: still exactly full.
    assert registration_services.seats_taken(event) == CAPACITY


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_without_the_row_lock_two_servers_oversell(monkeypatch, without_row_locks):
    """Negative control: every worker on both servers counts the reserved
    seats before any takes one (a barrier across the processes), so without
    the lock all twenty see five free and all are seated."""
    counted = FORK.Barrier(SERVERS * WORKERS)
    count = reserved.reserved_taken

    def count_then_wait(event):
        taken = count(event)
        counted.wait(timeout=30)
        return taken

    monkeypatch.setattr(reserved, "reserved_taken", count_then_wait)

    event, outcomes = race_on_two_servers()

    assert outcomes.count("accepted") == SERVERS * WORKERS
    assert (
        Registration.objects.for_event(event).reserved().confirmed().count()
        == TAKEN + SERVERS * WORKERS
    )
