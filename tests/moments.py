"""One event on 20 September 2027 and a moment in each of its phases, for
the tests that go through every phase: registration from 1 June to
13 September 18:00, check-in from 08:15, doors 08:45, 09:30–17:00,
personal data erased from 20 December (90 days)."""

import datetime

from django.utils import timezone

from conference.phases import Phase
from registrations import rules
from registrations.models import Registration, RegistrationStatus
from registrations.retention import expire_registration
from registrations.rules import State
from tests.factories import RegistrationFactory

SOFIA = timezone.get_default_timezone()
DAY = datetime.date(2027, 9, 20)


def sofia(day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=SOFIA)


MOMENTS = {
    Phase.REGISTRATION_NOT_OPEN: sofia(datetime.date(2027, 5, 20), 12),
    Phase.REGISTRATION_OPEN: sofia(datetime.date(2027, 8, 20), 12),
    Phase.REGISTRATION_CLOSED: sofia(DAY, 8),
    Phase.DESK_OPEN: sofia(DAY, 8, 30),
    Phase.EVENT_DAY: sofia(DAY, 10),
    Phase.EVENING: sofia(DAY, 18),
    Phase.AFTER: sofia(datetime.date(2027, 9, 25), 12),
    Phase.ANONYMISED: sofia(datetime.date(2027, 12, 25), 12),
}


def make_registration(event, state: State, language: str) -> Registration:
    now = timezone.now()
    status = {
        State.CHECKED_IN: RegistrationStatus.CONFIRMED,
        State.ANONYMISED: RegistrationStatus.CONFIRMED,
    }.get(state, state.value)
    registration = RegistrationFactory(event=event, status=status, language=language)
    if state in (State.CHECKED_IN, State.ANONYMISED):
        registration.checked_in_at = now - datetime.timedelta(minutes=5)
    if state == State.CANCELLED:
        registration.cancelled_at = now
    if state == State.EXPIRED:
        expire_registration(registration=registration, now=now)
    if state == State.ANONYMISED:
        for field in ("first_name", "last_name", "email", "organisation"):
            setattr(registration, field, "")
        registration.anonymised_at = now
    registration.save()
    assert rules.state_of(registration) == state
    return registration
