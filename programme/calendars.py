"""Sessions as iCalendar entries, through conference.calendar."""

from conference.calendar import (
    CalendarEntry,
    build_calendar,
    event_entry,
    event_location,
)
from conference.models import Event
from programme.models import Session


def session_location(session: Session, event: Event) -> str:
    room = str(session.room) if session.room is not None else ""
    return ", ".join(part for part in (room, event_location(event)) if part)


def session_entry(session: Session, *, url: str = "") -> CalendarEntry:
    event = session.event
    return CalendarEntry(
        uid=f"session-{session.pk}.{event.slug}@conference",
        title=session.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        location=session_location(session, event),
        description=session.description,
        url=url,
        sequence=getattr(session, "agenda_version", 0),
    )


def session_calendar(session: Session, *, url: str = "") -> bytes:
    return build_calendar([session_entry(session, url=url)], name=session.title)


def agenda_calendar(
    event: Event, sessions: list[Session], *, url_for=lambda session: ""
) -> bytes:
    return build_calendar(
        [session_entry(session, url=url_for(session)) for session in sessions],
        name=event.short_title,
    )


def changed_agenda_calendar(
    event: Event,
    sessions: list[Session],
    *,
    url: str = "",
    url_for=lambda session: "",
) -> bytes:
    """What the e-mail about a change of the agenda attaches: the conference's
    entry as the ticket gave it (now at its current date and revision) and the
    sessions that changed, at their newly published times (SEQUENCE: the
    version), so importing it replaces what a calendar app already holds."""
    return build_calendar(
        [
            event_entry(event, url=url),
            *(session_entry(session, url=url_for(session)) for session in sessions),
        ],
        name=event.short_title,
    )
