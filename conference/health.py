"""What /healthz reports beyond the database and the cache.

An app whose state a monitor should see (the registrations' outbox) answers
the `conference.signals.health_check` signal, connected in its
`AppConfig.ready()`; `conference` asks while the database answers, and never
imports the app.
"""

from dataclasses import dataclass, field

from conference import signals


@dataclass(frozen=True)
class HealthReport:
    values: dict = field(default_factory=dict)
    # Still serving, but someone should look (a backlog, say): 200 "degraded".
    degraded: bool = False


def run_checks() -> HealthReport:
    values, degraded = {}, False
    for _receiver, report in signals.health_check.send(sender=None):
        values |= report.values
        degraded = degraded or report.degraded
    return HealthReport(values, degraded)
