"""Row locks, taken one way by every service that takes them.

A lock only means something inside a transaction (it is released at the
commit), so `lock_rows` and `lock_row` refuse to run outside
`transaction.atomic()` rather than lock nothing. On PostgreSQL they set a
lock timeout for the rest of the transaction (`SET LOCAL lock_timeout`,
settings.DATABASE_LOCK_TIMEOUT_SECONDS): a change that waits longer for
another one gives up with LockTimeout, which the site shows as a translated
“try again in a moment” page (conference.middleware), never a 500.

The order, so that two transactions never wait on each other's locks: the
event row first (`lock_event`), then any other row. The event lock
serialises every change of a registration (registrations.locks) and every
change of the agenda (programme.services).

On SQLite `select_for_update` is a no-op; the IMMEDIATE transaction mode
serialises writers instead (see settings.DATABASES).
"""

from django.conf import settings
from django.db import OperationalError, connections
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from conference.models import Event

# PostgreSQL's SQLSTATE for lock_not_available (lock_timeout expired).
LOCK_NOT_AVAILABLE = "55P03"


class LockOutsideTransaction(RuntimeError):
    """A programming error: a lock taken outside `transaction.atomic()`."""


class LockTimeout(Exception):
    """Another change held the rows longer than the lock timeout."""

    message = _(
        "Someone else was changing the same data at that moment. Nothing was "
        "changed: please try again in a moment."
    )

    def __str__(self):
        return str(self.message)


def _prepare(queryset: QuerySet) -> None:
    connection = connections[queryset.db]
    if not connection.in_atomic_block:
        raise LockOutsideTransaction(
            f"Locking {queryset.model._meta.label} rows outside "
            "transaction.atomic(): the lock would be released at once."
        )
    if connection.vendor == "postgresql":
        milliseconds = int(settings.DATABASE_LOCK_TIMEOUT_SECONDS * 1000)
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = {milliseconds}")


def _timed_out(error: OperationalError) -> bool:
    return getattr(error.__cause__, "pgcode", None) == LOCK_NOT_AVAILABLE


def lock_rows(queryset: QuerySet, *, skip_locked: bool = False, of=()) -> list:
    """The rows of `queryset`, locked until the transaction ends (those locked
    by another transaction left out with `skip_locked`). Raises LockTimeout
    when another transaction holds them too long."""
    _prepare(queryset)
    try:
        return list(queryset.select_for_update(skip_locked=skip_locked, of=of))
    except OperationalError as error:
        if _timed_out(error):
            raise LockTimeout from error
        raise


def lock_row(queryset: QuerySet, *, of=(), **lookup):
    """The one row of `queryset` matching `lookup`, locked (as `get`)."""
    _prepare(queryset)
    try:
        return queryset.select_for_update(of=of).get(**lookup)
    except OperationalError as error:
        if _timed_out(error):
            raise LockTimeout from error
        raise


def lock_event(event_id: int) -> Event:
    """The event's row, locked: taken first by every change that locks."""
    return lock_row(Event.objects.all(), pk=event_id)
