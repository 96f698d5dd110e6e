"""The day's agenda as frab/pretalx-compatible schedule JSON.

The shape is the one pretalx and frab export and the C3VOC schedule tools
read (https://c3voc.de/schedule/schema.json); docs/programme.md describes it and
programme/schemas/schedule.schema.json is its JSON Schema. Texts are given in
the language of the URL (/bg/… or /en/…); `schedule.translations` carries
every text in both languages, keyed by the same GUIDs.
"""

import datetime
import uuid

from django.utils import timezone
from django.utils.translation import gettext as _

from conference.models import Event
from programme.bilingual import both_languages
from programme.models import Session, Speaker

SCHEDULE_VERSION = "1.0"
TIMESLOT = "00:05"


def guid(kind: str, event: Event, pk: int | str) -> str:
    return str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"urn:conference:{event.slug}:{kind}:{pk}")
    )


def hours_minutes(delta: datetime.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def acronym(event: Event) -> str:
    return f"bgch_closing_{event.date.year}"


def room_name(session: Session, event: Event) -> str:
    return str(session.room) if session.room is not None else event.venue_name


def room_guid(session: Session, event: Event) -> str:
    """A room's GUID follows its record (renaming keeps it); a session without
    a room is in the venue."""
    if session.room is not None and session.room.pk is not None:
        return guid("room", event, session.room.pk)
    return guid("room", event, room_name(session, event))


def person(speaker: Speaker, *, event: Event, absolute) -> dict:
    data = {
        "guid": guid("speaker", event, speaker.pk),
        "code": f"SP{speaker.pk}",
        "name": speaker.name,
        "public_name": speaker.name,
        "biography": speaker.bio,
        "url": absolute(speaker.get_absolute_url()),
    }
    return data


def session_event(session: Session, *, event: Event, absolute) -> dict:
    starts = timezone.localtime(session.starts_at)
    links = []
    if session.materials_url:
        links.append({"title": _("Slides and materials"), "url": session.materials_url})
    if session.recording_url:
        links.append({"title": _("Recording"), "url": session.recording_url})
    return {
        "id": session.pk,
        "guid": guid("session", event, session.pk),
        "date": starts.isoformat(),
        "start": starts.strftime("%H:%M"),
        "duration": hours_minutes(session.duration),
        "room": room_name(session, event),
        "slug": f"{acronym(event)}-{session.pk}-{session.slug}".replace("_", "-"),
        "url": absolute(session.get_absolute_url()),
        "title": session.title,
        "subtitle": "",
        "track": None,
        "type": session.kind,
        "language": session.language,
        "abstract": session.description,
        "description": session.description,
        "persons": [
            {**person(row.speaker, event=event, absolute=absolute), "role": row.role}
            for row in session.session_speakers.all()
        ],
        "links": links,
        "attachments": [],
    }


def translations(event: Event, sessions: list[Session]) -> dict:
    speakers = {
        row.speaker.pk: row.speaker
        for session in sessions
        for row in session.session_speakers.all()
    }
    return {
        "conference": {
            "title": both_languages(event, "title"),
            "description": both_languages(event, "tagline"),
        },
        "events": {
            guid("session", event, session.pk): {
                "title": both_languages(session, "title"),
                "abstract": both_languages(session, "description"),
                "room": both_languages(session.room, "name")
                if session.room is not None
                else both_languages(None, "name"),
            }
            for session in sessions
        },
        "persons": {
            guid("speaker", event, speaker.pk): {
                "name": both_languages(speaker, "name"),
                "biography": both_languages(speaker, "bio"),
            }
            for speaker in speakers.values()
        },
    }


def day_bounds(
    event: Event, sessions: list[Session]
) -> tuple[datetime.datetime, datetime.datetime]:
    """The day's first start and last end. While the conference's hours are
    not confirmed they come from the published sessions alone, and with none
    the whole day (midnight to midnight), as the calendar file's all-day
    entry: the unconfirmed hours never reach the data."""
    if not event.times_are_provisional:
        return (
            min([event.starts_at, *(s.starts_at for s in sessions)]),
            max([event.ends_at, *(s.ends_at for s in sessions)]),
        )
    if sessions:
        return (
            min(s.starts_at for s in sessions),
            max(s.ends_at for s in sessions),
        )
    midnight = datetime.datetime.combine(
        event.date, datetime.time(0), tzinfo=timezone.get_default_timezone()
    )
    return midnight, midnight + datetime.timedelta(days=1)


def build_schedule(
    event: Event, sessions: list[Session], *, absolute, language: str
) -> dict:
    """The schedule document; `absolute` turns a path into an absolute URL."""
    rooms: dict[str, list[dict]] = {}
    room_guids: dict[str, str] = {}
    for session in sessions:
        name = room_name(session, event)
        room_guids.setdefault(name, room_guid(session, event))
        rooms.setdefault(name, []).append(
            session_event(session, event=event, absolute=absolute)
        )
    day_start, day_end = day_bounds(event, sessions)
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": "conference-site", "version": SCHEDULE_VERSION},
        "schedule": {
            "version": SCHEDULE_VERSION,
            "base_url": absolute("/"),
            "language": language,
            "conference": {
                "acronym": acronym(event),
                "title": event.title,
                "description": event.tagline,
                "start": event.date.isoformat(),
                "end": event.date.isoformat(),
                "daysCount": 1,
                "timeslot_duration": TIMESLOT,
                "time_zone_name": timezone.get_default_timezone_name(),
                "url": absolute(event.get_absolute_url()),
                "rooms": [{"name": name, "guid": room_guids[name]} for name in rooms],
                "days": [
                    {
                        "index": 1,
                        "date": event.date.isoformat(),
                        "day_start": timezone.localtime(day_start).isoformat(),
                        "day_end": timezone.localtime(day_end).isoformat(),
                        "rooms": rooms,
                    }
                ],
            },
            "translations": translations(event, sessions),
        },
    }
