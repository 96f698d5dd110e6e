"""The programme’s real content: results, projects, the opening session with
the four people who opened the conference, and a draft agenda for the rest of
the day built only from what the announcement says will be presented.

Sources: the organisers’ announcement and their and the donor’s public pages,
each claim with its source’s address and words in docs/sources.md. Every
figure names its source and period. Times, rooms, biographies and the speakers
of later sessions are not in the sources: those fields stay empty, and the
sessions are a draft that stays unpublished until the organisers publish a
version of the agenda (only the opening, which the sources confirm, is marked
confirmed).

Loaded by `manage.py load_conference_content` after conference.content.
Records are keyed by slug and only created when missing; an organiser’s edits
are never overwritten.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from conference.content import EVENT_SLUG, translated_fields
from conference.models import Event, Partner
from programme.content.agenda import ROOMS, SESSIONS, SPEAKERS
from programme.content.results import PROJECTS, RESULTS
from programme.models import Project, Result, Room, Session, SessionSpeaker, Speaker


def _at(date: datetime.date, hour_minute: tuple[int, int]) -> datetime.datetime:
    return datetime.datetime.combine(
        date, datetime.time(*hour_minute), tzinfo=timezone.get_default_timezone()
    )


def _load_speakers() -> list[str]:
    created = []
    for order, data in enumerate(SPEAKERS, start=1):
        if Speaker.objects.filter(slug=data["slug"]).exists():
            continue
        Speaker.objects.create(
            order=order * 10,
            **translated_fields(data),
        )
        created.append(f"speaker {data['slug']}")
    return created


def _load_rooms(event: Event) -> list[str]:
    """The rooms, only for an event that has none (an organiser's rooms are
    never touched)."""
    if Room.objects.filter(event=event).exists():
        return []
    created = []
    for order, data in enumerate(ROOMS, start=1):
        Room.objects.create(event=event, order=order * 10, **translated_fields(data))
        created.append(f"room {data['name']['en']}")
    return created


def _load_sessions(event: Event) -> list[str]:
    created = []
    for order, data in enumerate(SESSIONS, start=1):
        if Session.objects.filter(event=event, slug=data["slug"]).exists():
            continue
        fields = {
            key: value
            for key, value in data.items()
            if key not in {"start", "end", "speakers"}
        }
        session = Session.objects.create(
            event=event,
            starts_at=_at(event.date, data["start"]),
            ends_at=_at(event.date, data["end"]),
            order=order * 10,
            **translated_fields(fields),
        )
        for position, (slug, role) in enumerate(data.get("speakers", []), start=1):
            speaker = Speaker.objects.filter(slug=slug).first()
            if speaker is not None:
                SessionSpeaker.objects.create(
                    session=session, speaker=speaker, role=role, order=position
                )
        created.append(f"session {data['slug']}")
    return created


def _load_results() -> list[str]:
    created = []
    for order, data in enumerate(RESULTS, start=1):
        if Result.objects.filter(slug=data["slug"]).exists():
            continue
        fields = {key: value for key, value in data.items() if key != "project"}
        Result.objects.create(
            order=order * 10,
            project=Project.objects.filter(slug=data.get("project", "")).first(),
            **translated_fields(fields),
        )
        created.append(f"result {data['slug']}")
    return created


def _load_projects() -> list[str]:
    created = []
    for order, data in enumerate(PROJECTS, start=1):
        if Project.objects.filter(slug=data["slug"]).exists():
            continue
        fields = {key: value for key, value in data.items() if key != "partners"}
        project = Project.objects.create(order=order * 10, **translated_fields(fields))
        project.partners.set(Partner.objects.filter(slug__in=data["partners"]))
        created.append(f"project {data['slug']}")
    return created


@transaction.atomic
def load_content(*, event_date: datetime.date) -> list[str]:
    """Create the programme content that is missing; return what was created.

    Sessions go on the current event’s own date (an organiser may have moved
    it), so `event_date` only matters to the event itself.
    """
    created = _load_speakers() + _load_projects() + _load_results()
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    if event is not None:
        created += _load_rooms(event) + _load_sessions(event)
    return created
