"""iCalendar files (.ics) for the conference and its sessions.

Times are written in Europe/Sofia with a VTIMEZONE block, so calendar apps
show the right local time wherever the attendee is. Texts are in the language
active when the file is built.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from conference.models import Event

PRODUCT_ID = "-//Bulgarian-Swiss Programme closing conference//Conference site//EN"


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    location: str = ""
    description: str = ""
    url: str = ""
    # A whole-day entry, while the times are not confirmed.
    all_day: bool = False
    # Rises with every published version of the agenda, so calendar apps
    # replace an imported entry instead of keeping the old time.
    sequence: int = 0


def build_calendar(entries: list[CalendarEntry], *, name: str) -> bytes:
    import icalendar  # here: only calendar downloads need it (200 ms to import)

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    stamp = timezone.now().astimezone(datetime.UTC)
    for entry in entries:
        component = icalendar.Event()
        component.add("uid", entry.uid)
        component.add("dtstamp", stamp)
        component.add("sequence", entry.sequence)
        component.add("summary", entry.title)
        if entry.all_day:
            day = timezone.localtime(entry.starts_at).date()
            component.add("dtstart", day)
            component.add("dtend", day + datetime.timedelta(days=1))
        else:
            component.add("dtstart", timezone.localtime(entry.starts_at))
            component.add("dtend", timezone.localtime(entry.ends_at))
        if entry.location:
            component.add("location", entry.location)
        if entry.description:
            component.add("description", entry.description)
        if entry.url:
            component.add("url", entry.url)
        calendar.add_component(component)
    if entries:
        first = min(entry.starts_at for entry in entries).date()
        calendar.add_missing_timezones(
            first_date=first - datetime.timedelta(days=366),
            last_date=first + datetime.timedelta(days=366),
        )
    return calendar.to_ical()


def event_location(event: Event) -> str:
    return ", ".join(
        part for part in (event.venue_name, event.venue_address, event.city) if part
    )


def event_entry(event: Event, *, url: str = "") -> CalendarEntry:
    """The whole conference as one calendar entry."""
    return CalendarEntry(
        uid=f"{event.slug}@conference",
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        location=event_location(event),
        description=event.tagline,
        url=url,
        all_day=event.times_are_provisional,
        # Rises when the date or the hours change (times confirmed, the event
        # moved): an imported entry is then replaced, not duplicated or kept.
        sequence=event.calendar_sequence,
    )


def event_calendar(event: Event, *, url: str = "") -> bytes:
    return build_calendar([event_entry(event, url=url)], name=event.short_title)
