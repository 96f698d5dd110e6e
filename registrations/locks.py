"""The one way to lock a registration before changing its status.

Every status change (confirm, waiting list, cancel, expiry, check-in, edits)
locks the event row first, then the registration row, always in that order,
and re-reads the registration under the lock: two changes of one registration
never interleave, and two transactions never wait on each other's locks in
opposite orders (no deadlock). The event lock also serialises seat counting.

On SQLite `select_for_update` is a no-op; the IMMEDIATE transaction mode
serialises writers instead (see settings.DATABASES).
"""

from conference.models import Event
from registrations.models import Registration

# The negative-control concurrency tests switch this off to show that their
# races do go wrong without the locks. Nothing else may touch it.
TAKE_LOCKS = True


def lock_event(event_id: int) -> Event:
    queryset = Event.objects.all()
    if TAKE_LOCKS:
        queryset = queryset.select_for_update()
    return queryset.get(pk=event_id)


def lock_registration(registration_id: int) -> Registration:
    """The registration, re-read under locks on its event and itself; call
    inside a transaction. Its `.event` is the locked event row."""
    event_id = Registration.objects.values_list("event_id", flat=True).get(
        pk=registration_id
    )
    event = lock_event(event_id)
    queryset = Registration.objects.all()
    if TAKE_LOCKS:
        queryset = queryset.select_for_update()
    registration = queryset.get(pk=registration_id)
    registration.event = event
    return registration


def locked(queryset):
    """`queryset` whose rows are locked when read (the caller already holds
    the event's lock: event first, then registrations)."""
    return queryset.select_for_update() if TAKE_LOCKS else queryset
