"""Asking the table: may this be done now, to this registration, and if not,
what do we say?

`decide` answers for one action (and one registration, or none for the
event as a whole), `require` raises `NotAllowed` instead of answering no,
and `allowed_states` with `in_states` turn a cell's column into a query for
the actions that run on many registrations at once (reminders, messages,
the follow-up, certificates, anonymisation).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format, time_format

from conference.models import Event
from conference.phases import EventPhase, anonymised_from, desk_opens_at, event_phase
from registrations.exceptions import NotAllowed
from registrations.models import Registration, RegistrationStatus
from registrations.rules.table import TABLE
from registrations.rules.terms import Action, Reason, State

_BY_STATUS = {
    RegistrationStatus.PENDING: State.PENDING,
    RegistrationStatus.CONFIRMED: State.CONFIRMED,
    RegistrationStatus.WAITLISTED: State.WAITLISTED,
    RegistrationStatus.CANCELLED: State.CANCELLED,
    RegistrationStatus.EXPIRED: State.EXPIRED,
}
# The same states as conditions on registrations, for lists.
_STATE_FILTERS = {
    State.PENDING: Q(status=RegistrationStatus.PENDING),
    State.CONFIRMED: Q(status=RegistrationStatus.CONFIRMED, checked_in_at=None),
    State.CHECKED_IN: Q(
        status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False
    ),
    State.WAITLISTED: Q(status=RegistrationStatus.WAITLISTED),
    State.CANCELLED: Q(status=RegistrationStatus.CANCELLED),
    State.EXPIRED: Q(status=RegistrationStatus.EXPIRED),
}


def state_of(registration: Registration) -> State:
    if registration.anonymised_at is not None:
        return State.ANONYMISED
    if (
        registration.status == RegistrationStatus.CONFIRMED
        and registration.checked_in_at is not None
    ):
        return State.CHECKED_IN
    return _BY_STATUS[registration.status]


def state_filter(states: Iterable[State]) -> Q:
    """Registrations in any of `states` (none: nothing matches)."""
    condition = Q(pk__in=[])
    for state in states:
        if state == State.ANONYMISED:
            condition |= Q(anonymised_at__isnull=False)
        else:
            condition |= _STATE_FILTERS[state] & Q(anonymised_at=None)
    return condition


@dataclass(frozen=True)
class Decision:
    action: Action
    event: Event
    phase: EventPhase
    registration: Registration | None
    reason: Reason | None

    @property
    def allowed(self) -> bool:
        return self.reason is None

    @property
    def already(self) -> bool:
        """Refused only because it was done before."""
        return self.reason is not None and self.reason.already

    @property
    def by_phase(self) -> bool:
        """Refused for the phase (for everyone), not for this state."""
        return self.reason is not None and (
            self.phase.phase not in TABLE[self.action].phases
        )

    @property
    def state(self) -> State | None:
        return None if self.registration is None else state_of(self.registration)

    @property
    def message(self) -> str:
        """The reason, in the active language; "" when allowed."""
        if self.reason is None:
            return ""
        text = self.reason.text
        if self.reason.today is not None and self.phase.is_event_date:
            text = self.reason.today
        return str(text) % self._values()

    def __str__(self) -> str:
        return self.message

    def _values(self) -> dict:
        event = self.event
        values = {
            "date": date_format(event.date, "DATE_FORMAT"),
            "desk_time": time_format(timezone.localtime(desk_opens_at(event)), "H:i"),
            "end_time": time_format(event.end_time, "H:i"),
            "erased_date": date_format(anonymised_from(event).date(), "DATE_FORMAT"),
            "status": "",
            "checked_in_time": "",
        }
        registration = self.registration
        if registration is not None:
            values["status"] = registration.get_status_display()
            if registration.checked_in_at:
                values["checked_in_time"] = time_format(
                    timezone.localtime(registration.checked_in_at), "H:i"
                )
        return values


def decide(
    action: Action,
    *,
    event: Event | None = None,
    registration: Registration | None = None,
    at: datetime.datetime | None = None,
    phase: EventPhase | None = None,
) -> Decision:
    """May `action` be done now (or `at`), to `registration` if given?

    Pass `phase` when it is already known (many registrations of one event).
    """
    if event is None:
        event = registration.event
    phase = phase or event_phase(event, at)
    state = None if registration is None else state_of(registration)
    return Decision(
        action=action,
        event=event,
        phase=phase,
        registration=registration,
        reason=TABLE[action].reason(phase.phase, state),
    )


def require(action: Action, **kwargs) -> Decision:
    """As `decide`, raising NotAllowed (with the decision) when refused."""
    decision = decide(action, **kwargs)
    if not decision.allowed:
        raise NotAllowed(decision)
    return decision


def allowed_states(action: Action, phase: EventPhase) -> frozenset[State]:
    """The states in which `action` is allowed in `phase`; none when the
    phase refuses it."""
    entry = TABLE[action]
    if phase.phase not in entry.phases:
        return frozenset()
    return entry.states


def in_states(queryset, action: Action, phase: EventPhase):
    """The registrations of `queryset` to which `action` may be done now."""
    return queryset.filter(state_filter(allowed_states(action, phase)))
