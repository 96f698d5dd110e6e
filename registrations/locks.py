"""The one way to lock a registration before changing it.

Every change of a registration (confirm, waiting list, cancel, expiry,
check-in, edits, anonymisation) first locks its event's row
(conference.locks.lock_event), then re-reads the registration under that
lock: two changes of one registration never interleave, and, as the event
lock also serialises seat counting, it is the only lock they need.
"""

from conference.locks import lock_event
from registrations.models import Registration


def lock_registration(registration_id: int) -> Registration:
    """The registration, re-read under the lock on its event; call inside a
    transaction. Its `.event` is the locked event row."""
    event_id = Registration.objects.values_list("event_id", flat=True).get(
        pk=registration_id
    )
    event = lock_event(event_id)
    registration = Registration.objects.get(pk=registration_id)
    registration.event = event
    return registration
