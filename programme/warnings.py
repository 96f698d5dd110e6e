"""Warnings about the agenda: what an organiser may do on purpose but should
see before saving, unlike the refusals of programme.validators (a session
ending before it starts, on another day, or overlapping another in its room).

- the same speaker in two overlapping sessions;
- a session outside the conference’s hours (the event's start and end time);
- a session longer than the conference day;
- a room with fewer seats than the people expected in it: every confirmed
  attendee for a plenary session (nothing else on at the same time), an even
  share of them when sessions run in parallel.

`session_warnings(session)` checks one session as it would be saved (it may be
unsaved, e.g. a form's instance or a block moved on the day grid);
`agenda_warnings(event)` checks the whole draft agenda, for the go-live
checklist. Both read the sessions of the database for the rest of the day.
"""

import datetime
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import time as format_time
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from conference.models import Event
from programme import signals
from programme.models import Session, SessionSpeaker


class WarningKind:
    SPEAKER_OVERLAP = "speaker_overlap"
    OUTSIDE_HOURS = "outside_hours"
    LONGER_THAN_DAY = "longer_than_day"
    OVER_CAPACITY = "over_capacity"


@dataclass(frozen=True)
class AgendaWarning:
    kind: str
    message: str
    # The sessions concerned (their ids; None for an unsaved session).
    session_ids: tuple[int | None, ...]
    # What the warning is about, in any language and whatever the titles: the
    # session form lets an edit through when the session already had this
    # warning before (it was accepted then), and asks again for a new one.
    key: tuple = ()

    def __str__(self):
        return self.message


def confirmed_attendance(event: Event) -> int:
    """Counted by the apps that know (registrations), through the
    programme.signals.confirmed_attendance signal."""
    answers = signals.confirmed_attendance.send(sender=None, event=event)
    return sum(count for _receiver, count in answers)


def hhmm(moment: datetime.datetime) -> str:
    return format_time(timezone.localtime(moment), "H:i")


def day_of(moment: datetime.datetime) -> str:
    """“20 September 2027” in the active language (“20 септември 2027 г.”)."""
    return format_date(timezone.localtime(moment), "DATE_FORMAT")


def span(session: Session) -> str:
    """The session's date and hours: a warning always says which day it means
    (after the event moves, a session left on the old date shows it)."""
    hours = f"{hhmm(session.starts_at)}–{hhmm(session.ends_at)}"
    return f"{day_of(session.starts_at)}, {hours}"


def overlaps(one: Session, other: Session) -> bool:
    return one.starts_at < other.ends_at and other.starts_at < one.ends_at


def duration_text(delta: datetime.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if not minutes:
        return ngettext("%(hours)s hour", "%(hours)s hours", hours) % {"hours": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}


def hours_warnings(session: Session, event: Event) -> list[AgendaWarning]:
    warnings = []
    day = event.ends_at - event.starts_at
    if session.starts_at < event.starts_at or session.ends_at > event.ends_at:
        warnings.append(
            AgendaWarning(
                WarningKind.OUTSIDE_HOURS,
                _(
                    "“%(title)s” (%(time)s) is outside the conference’s hours, "
                    "%(start)s–%(end)s."
                )
                % {
                    "title": session.title,
                    "time": span(session),
                    "start": f"{day_of(event.starts_at)}, {hhmm(event.starts_at)}",
                    "end": hhmm(event.ends_at),
                },
                (session.pk,),
                key=(WarningKind.OUTSIDE_HOURS, session.starts_at, session.ends_at),
            )
        )
    if session.ends_at - session.starts_at > day:
        warnings.append(
            AgendaWarning(
                WarningKind.LONGER_THAN_DAY,
                _(
                    "“%(title)s” (%(time)s) lasts %(length)s, longer than the "
                    "conference day (%(day)s)."
                )
                % {
                    "title": session.title,
                    "time": span(session),
                    "length": duration_text(session.ends_at - session.starts_at),
                    "day": duration_text(day),
                },
                (session.pk,),
                key=(WarningKind.LONGER_THAN_DAY, session.ends_at - session.starts_at),
            )
        )
    return warnings


def speaker_warnings(
    session: Session, speaker_ids: Iterable[int], day: list[Session]
) -> list[AgendaWarning]:
    """`day`: the event's other sessions, with their speakers prefetched."""
    wanted = set(speaker_ids)
    warnings = []
    for other in day:
        if other.pk == session.pk or not overlaps(session, other):
            continue
        for row in other.session_speakers.all():
            if row.speaker_id in wanted:
                warnings.append(
                    AgendaWarning(
                        WarningKind.SPEAKER_OVERLAP,
                        _(
                            "%(speaker)s speaks in “%(title)s” (%(time)s) and in "
                            "“%(other)s” (%(other_time)s) at the same time."
                        )
                        % {
                            "speaker": row.speaker.name,
                            "title": session.title,
                            "time": span(session),
                            "other": other.title,
                            "other_time": span(other),
                        },
                        (session.pk, other.pk),
                        key=(WarningKind.SPEAKER_OVERLAP, other.pk, row.speaker_id),
                    )
                )
    return warnings


def expected_audience(session: Session, day: list[Session], attendance: int) -> int:
    """Everyone for a plenary session; an even share when others run beside it."""
    parallel = sum(
        1 for other in day if other.pk != session.pk and overlaps(session, other)
    )
    return math.ceil(attendance / (parallel + 1))


def capacity_warnings(
    session: Session, day: list[Session], attendance: int
) -> list[AgendaWarning]:
    room = session.room
    if room is None or room.capacity is None or not attendance:
        return []
    expected = expected_audience(session, day, attendance)
    if expected <= room.capacity:
        return []
    return [
        AgendaWarning(
            WarningKind.OVER_CAPACITY,
            ngettext(
                "“%(title)s” (%(time)s) expects %(expected)s people, but %(room)s "
                "seats %(capacity)s (%(attendance)s attendee confirmed).",
                "“%(title)s” (%(time)s) expects %(expected)s people, but %(room)s "
                "seats %(capacity)s (%(attendance)s attendees confirmed).",
                attendance,
            )
            % {
                "title": session.title,
                "time": span(session),
                "expected": expected,
                "room": room,
                "capacity": room.capacity,
                "attendance": attendance,
            },
            (session.pk,),
            key=(WarningKind.OVER_CAPACITY, room.pk, expected, room.capacity),
        )
    ]


def day_sessions(event: Event) -> list[Session]:
    return list(
        Session.objects.filter(event=event)
        .select_related("room")
        .prefetch_related("session_speakers__speaker")
    )


def candidate_warnings(
    session: Session,
    *,
    speaker_ids: Iterable[int] | None = None,
    day: list[Session] | None = None,
    attendance: int | None = None,
) -> list[AgendaWarning]:
    """Warnings for one session as it would be saved.

    `session` needs `event`, `starts_at` and `ends_at` (and `room` if any); it
    may be unsaved. Its speakers are `speaker_ids` when given (the speaker
    rows of a form not yet saved), otherwise its rows in the database.
    """
    if session.starts_at is None or session.ends_at is None or not session.event_id:
        return []
    event = session.event
    if day is None:
        day = day_sessions(event)
    if speaker_ids is None:
        speaker_ids = (
            SessionSpeaker.objects.filter(session=session).values_list(
                "speaker_id", flat=True
            )
            if session.pk
            else []
        )
    if attendance is None:
        attendance = confirmed_attendance(event)
    others = [other for other in day if other.pk != session.pk or session.pk is None]
    return (
        speaker_warnings(session, speaker_ids, others)
        + hours_warnings(session, event)
        + capacity_warnings(session, [*others, session], attendance)
    )


def session_warnings(
    session: Session, *, speaker_ids: Iterable[int] | None = None
) -> list[str]:
    """The translated warnings for one (possibly unsaved) session, e.g.
    ``session_warnings(moved)`` after setting ``moved.starts_at``,
    ``moved.ends_at`` and ``moved.room`` from the day grid; pass
    ``speaker_ids`` when the speakers are not saved yet."""
    return [
        warning.message
        for warning in candidate_warnings(session, speaker_ids=speaker_ids)
    ]


def agenda_warnings(event: Event) -> list[AgendaWarning]:
    """Every warning of the event's draft agenda; a double-booked speaker is
    reported once per pair of sessions."""
    day = day_sessions(event)
    attendance = confirmed_attendance(event)
    warnings = []
    for index, session in enumerate(day):
        later = day[index + 1 :]
        speaker_ids = [row.speaker_id for row in session.session_speakers.all()]
        warnings += speaker_warnings(session, speaker_ids, later)
        warnings += hours_warnings(session, event)
        warnings += capacity_warnings(session, day, attendance)
    return warnings


def saved_warnings(session: Session) -> list[AgendaWarning]:
    """The warnings the session has as it is saved now (none for a new one):
    those were accepted when it was saved, and an edit that leaves them as
    they are is not asked about them again."""
    if session.pk is None:
        return []
    saved = Session.objects.select_related("event", "room").filter(pk=session.pk)
    current = saved.first()
    return candidate_warnings(current) if current is not None else []


def new_warnings(
    warnings: list[AgendaWarning], before: list[AgendaWarning]
) -> list[AgendaWarning]:
    """`warnings` that `before` did not have (compared by their keys)."""
    known = {warning.key for warning in before}
    return [warning for warning in warnings if warning.key not in known]


def fingerprint(warnings: list[AgendaWarning]) -> str:
    """A short digest of exactly these warnings: “save despite the warnings”
    counts only for the warnings the organiser was shown, never for others
    that a later change brings."""
    text = "|".join(sorted(repr(warning.key) for warning in warnings))
    return hashlib.sha256(text.encode()).hexdigest()[:16] if warnings else ""
