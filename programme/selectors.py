"""Reads of the programme, shaped for the pages that show them."""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from conference.models import Event
from programme.models import (
    Project,
    Result,
    ResultCategory,
    Session,
    SessionSpeaker,
    Speaker,
)


class SessionStatus:
    CURRENT = "current"
    NEXT = "next"
    NONE = ""


@dataclass
class AgendaEntry:
    session: Session
    status: str = SessionStatus.NONE
    # The session as HTML, rendered ahead (programme.agenda_fragments).
    article: str = ""

    @property
    def is_current(self) -> bool:
        return self.status == SessionStatus.CURRENT

    @property
    def is_next(self) -> bool:
        return self.status == SessionStatus.NEXT


@dataclass
class AgendaSlot:
    starts_at: datetime.datetime
    entries: list[AgendaEntry] = field(default_factory=list)

    @property
    def is_current(self) -> bool:
        return any(entry.is_current for entry in self.entries)

    @property
    def is_next(self) -> bool:
        return any(entry.is_next for entry in self.entries)


def session_statuses(
    sessions: list[Session], *, event: Event, now: datetime.datetime
) -> dict[int, str]:
    """Which sessions are on now and which come next, on the event day only.

    Times are compared as aware datetimes and the day is the Europe/Sofia day
    (the project's time zone), so a visitor's own time zone never matters.
    """
    if timezone.localtime(now).date() != event.date:
        return {}
    statuses = {
        session.pk: SessionStatus.CURRENT
        for session in sessions
        if session.starts_at <= now < session.ends_at
    }
    upcoming = [session.starts_at for session in sessions if session.starts_at > now]
    if upcoming:
        next_start = min(upcoming)
        for session in sessions:
            if session.starts_at == next_start:
                statuses.setdefault(session.pk, SessionStatus.NEXT)
    return statuses


def build_agenda(
    sessions: list[Session], *, event: Event, now: datetime.datetime
) -> list[AgendaSlot]:
    """The day as slots of sessions that start at the same time."""
    statuses = session_statuses(sessions, event=event, now=now)
    return [
        AgendaSlot(
            starts_at=starts_at,
            entries=[
                AgendaEntry(session, statuses.get(session.pk, SessionStatus.NONE))
                for session in group
            ],
        )
        for starts_at, group in groupby(sessions, key=lambda session: session.starts_at)
    ]


def now_and_next(event: Event, *, now: datetime.datetime) -> dict[str, list[Session]]:
    """The sessions on now and those starting next, on the event day."""
    sessions = agenda_sessions(event)
    statuses = session_statuses(sessions, event=event, now=now)
    return {
        "current": [s for s in sessions if statuses.get(s.pk) == SessionStatus.CURRENT],
        "next": [s for s in sessions if statuses.get(s.pk) == SessionStatus.NEXT],
    }


def agenda_sessions(event: Event) -> list[Session]:
    return list(Session.objects.for_event(event))


def agenda_timetable(event: Event) -> list:
    """Only when each session of the event starts and ends, in agenda order:
    enough to lay out the day without loading the sessions themselves."""
    return list(
        Session.objects.filter(event=event).values_list(
            "pk", "starts_at", "ends_at", named=True
        )
    )


def get_session(event: Event, slug: str) -> Session:
    return get_object_or_404(Session.objects.for_event(event), slug=slug)


def event_speakers(event: Event) -> list[Speaker]:
    return list(Speaker.objects.for_event(event))


def get_speaker(event: Event, slug: str) -> Speaker:
    speaker = get_object_or_404(Speaker.objects.with_sessions(event), slug=slug)
    if not speaker.session_roles.all():
        # Speakers are public through the sessions of the current event.
        raise Http404("The speaker has no session at the current event")
    return speaker


def results_by_category() -> list[tuple[str, list[Result]]]:
    results = list(Result.objects.all())
    groups = []
    for category in ResultCategory:
        members = [result for result in results if result.category == category]
        if members:
            groups.append((category.label, members))
    return groups


def key_figures() -> list[Result]:
    return list(Result.objects.with_key_figure())


def projects() -> list[Project]:
    return list(Project.objects.prefetch_related("partners"))


def speaker_sessions(speaker: Speaker) -> list[SessionSpeaker]:
    return list(speaker.session_roles.all())


def get_result(slug: str) -> Result:
    return get_object_or_404(Result, slug=slug)
