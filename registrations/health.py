"""The outbox's state for /healthz (conference.health)."""

from conference.health import HealthReport
from registrations.models import OutgoingEmail
from registrations.outbox import oldest_waiting_age

# An e-mail waiting longer than this (seconds) makes /healthz say degraded.
OUTBOX_LATE = 15 * 60


def outbox() -> HealthReport:
    oldest = int(oldest_waiting_age().total_seconds())
    return HealthReport(
        {
            "outbox_waiting": OutgoingEmail.objects.waiting().count(),
            "outbox_oldest_seconds": oldest,
        },
        degraded=oldest > OUTBOX_LATE,
    )
