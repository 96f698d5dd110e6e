"""What /healthz reports beyond the database and the cache.

An app whose state a monitor should see (the registrations' outbox) adds a
check with `add_health_check()` in its `AppConfig.ready()`; `conference`
runs them while the database answers, and never imports the app.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class HealthReport:
    values: dict = field(default_factory=dict)
    # Still serving, but someone should look (a backlog, say): 200 "degraded".
    degraded: bool = False


CHECKS: dict[str, Callable[[], HealthReport]] = {}


def add_health_check(name: str, check: Callable[[], HealthReport]) -> None:
    # Registering again (ready() run twice) replaces, never repeats, a check.
    CHECKS[name] = check


def run_checks() -> HealthReport:
    values, degraded = {}, False
    for check in CHECKS.values():
        report = check()
        values |= report.values
        degraded = degraded or report.degraded
    return HealthReport(values, degraded)
