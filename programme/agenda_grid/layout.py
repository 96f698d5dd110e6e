"""The day grid's data: rooms as columns, time as rows, sessions as blocks,
and the sessions in every room (coffee breaks, lunch) across all columns."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from conference.models import Event
from programme.forms import GRID_STEP_MINUTES
from programme.models import Room, Session
from programme.services import session_token
from programme.warnings import agenda_warnings

STEP_MINUTES = GRID_STEP_MINUTES
# The grid shows the event's hours with an hour either side (and any session
# outside them), so a session can be moved a little before or after the day.
MARGIN_MINUTES = 60
LAST_MINUTE = 24 * 60 - STEP_MINUTES


def minutes_of(moment: datetime.datetime) -> int:
    local = timezone.localtime(moment)
    return local.hour * 60 + local.minute


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass
class GridSession:
    session: Session
    token: str
    warnings: list[str]

    @property
    def start(self) -> int:
        return minutes_of(self.session.starts_at)

    @property
    def end(self) -> int:
        return minutes_of(self.session.ends_at)

    @property
    def time_label(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"

    @property
    def speakers(self) -> str:
        return ", ".join(
            row.speaker.name for row in self.session.session_speakers.all()
        )


@dataclass
class GridColumn:
    room: Room | None
    sessions: list[GridSession] = field(default_factory=list)


@dataclass
class Grid:
    event: Event
    columns: list[GridColumn]
    unscheduled: GridColumn
    # Coffee breaks, lunch: drawn across every room's column.
    every_room: GridColumn
    first_minute: int
    last_minute: int
    warnings: list[str]

    @property
    def rows(self) -> int:
        return (self.last_minute - self.first_minute) // STEP_MINUTES

    @property
    def times(self) -> list[tuple[int, str]]:
        """A label every half hour, as (minute of the day, "HH:MM")."""
        return [
            (minute, clock(minute))
            for minute in range(self.first_minute, self.last_minute, 30)
        ]

    @property
    def sessions(self) -> list[GridSession]:
        every = [item for column in self.columns for item in column.sessions]
        every += self.unscheduled.sessions + self.every_room.sessions
        return sorted(every, key=lambda item: (item.start, item.session.order))


def warnings_by_session(warnings) -> dict[int, list[str]]:
    by_session: dict[int, list[str]] = {}
    for warning in warnings:
        for session_id in warning.session_ids:
            by_session.setdefault(session_id, []).append(warning.message)
    return by_session


def build_grid(event: Event) -> Grid:
    rooms = list(Room.objects.for_event(event))
    sessions = list(Session.objects.for_event(event).select_related("room"))
    warnings = agenda_warnings(event)
    by_session = warnings_by_session(warnings)
    columns = {room.pk: GridColumn(room=room) for room in rooms}
    unscheduled = GridColumn(room=None)
    every_room = GridColumn(room=None)
    for session in sessions:
        item = GridSession(
            session=session,
            token=session_token(session),
            warnings=by_session.get(session.pk, []),
        )
        if session.in_every_room:
            every_room.sessions.append(item)
        else:
            columns.get(session.room_id, unscheduled).sessions.append(item)
    starts = [event.start_time.hour * 60 + event.start_time.minute - MARGIN_MINUTES]
    ends = [event.end_time.hour * 60 + event.end_time.minute + MARGIN_MINUTES]
    for column in [*columns.values(), every_room]:
        starts += [item.start for item in column.sessions]
        ends += [item.end for item in column.sessions if item.end > item.start]
    first = max(0, min(starts) // 30 * 30)
    last = min(LAST_MINUTE, -(-max(ends) // 30) * 30)
    return Grid(
        event=event,
        columns=list(columns.values()),
        unscheduled=unscheduled,
        every_room=every_room,
        first_minute=first,
        last_minute=max(last, first + 30),
        warnings=[warning.message for warning in warnings],
    )
