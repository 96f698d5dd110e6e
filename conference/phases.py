"""The phases of the event's life, computed in this one place.

Every page, e-mail and command asks `event_phase(event)` where the event
stands; no template, view or service compares times itself. All times are
the event's own, in Europe/Sofia (settings.TIME_ZONE):

    registration not yet open → open → closed → desk open → the day
        → the evening → after → anonymised

- *before* covers the first four: registration is not yet open (before
  `registration_opens_at`), open, or closed (the deadline passed or the
  organisers switched it off), and, on the day, the desk open before the
  doors (when the organisers open it early: `Event.check_in_opens_before`).
  A full event stays open: new registrations join the waiting list.
- *the day* runs from the doors opening (or the start, when no time for the
  doors is entered) until the end time, end excluded.
- *the evening* runs from the end time until midnight: the conference has
  taken place, and the desk may still record arrivals (from the paper sheet).
- *after* starts at midnight; *anonymised* on the day the retention rule
  erases the attendees' personal data (registrations.retention), after which
  secret links, certificates' names and feedback links no longer work.

What may be done in each phase, and to whom, is the table in
registrations.rules; it reads the phase from here.

A new reason for registration not to be open yet belongs in
`_registration_before_the_day` below, and nowhere else.
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from conference.models import Event

# The practical-information block shows on the home page in the last days.
PRACTICAL_INFORMATION_DAYS = 7


class Phase(models.TextChoices):
    REGISTRATION_NOT_OPEN = "not_yet_open", _("Registration has not opened yet")
    REGISTRATION_OPEN = "open", _("Registration is open")
    REGISTRATION_CLOSED = "closed", _("Registration is closed")
    DESK_OPEN = "desk_open", _("Check-in has opened; the doors open soon")
    EVENT_DAY = "event_day", _("The conference is under way")
    EVENING = "evening", _("The conference has ended today")
    AFTER = "after", _("The conference has taken place")
    ANONYMISED = "anonymised", _("Personal data erased after the conference")


class RegistrationState(models.TextChoices):
    """What the registration pages say, and why registration is not open."""

    OPEN = "open", _("Registration is open")
    # The law's prerequisites are missing (Event.missing_for_registration).
    NOT_READY = "not_ready", _("Registration opens soon")
    NOT_YET_OPEN = "not_yet_open", _("Registration has not opened yet")
    DEADLINE_PASSED = "deadline_passed", _("The registration deadline has passed")
    SWITCHED_OFF = "switched_off", _("Registration has been closed by the organisers")
    INVITATION_ONLY = "invitation_only", _("Registration is by invitation only")
    UNDER_WAY = (
        "under_way",
        _("Registration has closed because the conference is under way"),
    )
    EVENT_OVER = "event_over", _("Registration is over: the conference has taken place")


class RegistrationMode(models.TextChoices):
    """Who may take a seat: anyone through the public form, invited guests
    from the reserved seats beside them, or invited guests only."""

    OPEN = "open", _("Open to everyone")
    MIXED = "mixed", _("Open to everyone, with invited guests")
    INVITATION_ONLY = "invitation_only", _("By invitation only")


@dataclass(frozen=True)
class EventPhase:
    phase: Phase
    registration: RegistrationState
    # The next moment at which the phase (or what a page shows) changes;
    # None when nothing will change any more. Bounds the page cache.
    changes_at: datetime.datetime | None
    show_practical_information: bool = False
    # The calendar day of the conference has come (and not yet passed):
    # "check-in opens today at 08:15" rather than "on 20 September".
    is_event_date: bool = False

    @property
    def is_before(self) -> bool:
        return self.phase in BEFORE_PHASES

    @property
    def is_event_day(self) -> bool:
        return self.phase == Phase.EVENT_DAY

    @property
    def is_the_day(self) -> bool:
        """The day itself until the end: the desk open, or the conference
        under way."""
        return self.phase in (Phase.DESK_OPEN, Phase.EVENT_DAY)

    @property
    def has_taken_place(self) -> bool:
        return self.phase in (Phase.EVENING, Phase.AFTER, Phase.ANONYMISED)

    @property
    def is_anonymised(self) -> bool:
        return self.phase == Phase.ANONYMISED

    @property
    def registration_open(self) -> bool:
        return self.registration == RegistrationState.OPEN

    @property
    def has_started(self) -> bool:
        """Doors open: attendees can no longer confirm or register."""
        return not self.is_before


BEFORE_PHASES = (
    Phase.REGISTRATION_NOT_OPEN,
    Phase.REGISTRATION_OPEN,
    Phase.REGISTRATION_CLOSED,
    Phase.DESK_OPEN,
)
# The phases in the order they follow one another (registration may also
# close and open again while before the day).
PHASES_IN_ORDER = tuple(Phase)


def _local(day: datetime.date, time: datetime.time = datetime.time()):
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_default_timezone())


def doors_open_at(event: "Event") -> datetime.datetime:
    return _local(event.date, event.doors_open_time or event.start_time)


def desk_opens_at(event: "Event") -> datetime.datetime:
    """When check-in opens: the doors, or as many minutes before them as the
    organisers chose, but never before the day itself."""
    early = datetime.timedelta(minutes=event.check_in_opens_before or 0)
    return max(doors_open_at(event) - early, _local(event.date))


def day_ends_at(event: "Event") -> datetime.datetime:
    """Midnight after the conference: the end of its day."""
    return _local(event.date + datetime.timedelta(days=1))


def reminders_due(event: "Event", *, days: int, at: datetime.datetime) -> bool:
    """From midnight `days` days before the day: when reminders go out (the
    table of registrations.rules says until when, and to whom)."""
    return at >= _local(event.date - datetime.timedelta(days=days))


def anonymised_from(event: "Event") -> datetime.datetime:
    """The first moment the retention rule erases the event's personal data
    (registrations.retention: the event's date is more than the retention
    period before today)."""
    days = settings.REGISTRATION_RETENTION_DAYS
    return _local(event.date + datetime.timedelta(days=days + 1))


def practical_information_from(event: "Event") -> datetime.datetime:
    return _local(event.date - datetime.timedelta(days=PRACTICAL_INFORMATION_DAYS))


def _registration_before_the_day(
    event: "Event", at: datetime.datetime
) -> tuple[Phase, RegistrationState]:
    if event.registration_opens_at and at < event.registration_opens_at:
        return Phase.REGISTRATION_NOT_OPEN, RegistrationState.NOT_YET_OPEN
    if not event.registration_enabled:
        return Phase.REGISTRATION_CLOSED, RegistrationState.SWITCHED_OFF
    if event.registration_mode == RegistrationMode.INVITATION_ONLY:
        # Invited guests answer their invitations; the public form is closed.
        return Phase.REGISTRATION_CLOSED, RegistrationState.INVITATION_ONLY
    if event.missing_for_registration():
        return Phase.REGISTRATION_NOT_OPEN, RegistrationState.NOT_READY
    if at >= registration_deadline(event):
        return Phase.REGISTRATION_CLOSED, RegistrationState.DEADLINE_PASSED
    return Phase.REGISTRATION_OPEN, RegistrationState.OPEN


def registration_deadline(event: "Event") -> datetime.datetime:
    """The organisers' deadline, and at the latest when check-in opens."""
    desk = desk_opens_at(event)
    if event.registration_closes_at:
        return min(event.registration_closes_at, desk)
    return desk


def _boundaries(event: "Event") -> list[datetime.datetime]:
    moments = [
        event.registration_opens_at,
        event.registration_closes_at,
        practical_information_from(event),
        _local(event.date),
        desk_opens_at(event),
        doors_open_at(event),
        event.ends_at,
        day_ends_at(event),
        anonymised_from(event),
    ]
    return sorted(moment for moment in moments if moment is not None)


def event_phase(event: "Event", at: datetime.datetime | None = None) -> EventPhase:
    """Where `event` stands at `at` (now by default)."""
    at = at or timezone.now()
    if at >= anonymised_from(event):
        phase, registration = Phase.ANONYMISED, RegistrationState.EVENT_OVER
    elif at >= day_ends_at(event):
        phase, registration = Phase.AFTER, RegistrationState.EVENT_OVER
    elif at >= event.ends_at:
        phase, registration = Phase.EVENING, RegistrationState.EVENT_OVER
    elif at >= doors_open_at(event):
        phase, registration = Phase.EVENT_DAY, RegistrationState.UNDER_WAY
    else:
        phase, registration = _registration_before_the_day(event, at)
        if at >= desk_opens_at(event):
            phase = Phase.DESK_OPEN
    changes_at = next((moment for moment in _boundaries(event) if moment > at), None)
    return EventPhase(
        phase=phase,
        registration=registration,
        changes_at=changes_at,
        show_practical_information=(
            phase in BEFORE_PHASES and at >= practical_information_from(event)
        ),
        is_event_date=_local(event.date) <= at < day_ends_at(event),
    )
