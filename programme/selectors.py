"""Reads of the programme, shaped for the pages that show them."""

import copy
import datetime
from collections import namedtuple
from dataclasses import dataclass, field
from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from conference.models import Event
from programme.models import (
    AgendaVersion,
    Project,
    Result,
    ResultCategory,
    Room,
    Session,
    SessionKind,
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


def published_room(
    published: dict, *, event_id: int, live: Room | None = None
) -> Room | None:
    """The room as a snapshot recorded it: an unsaved Room carrying the names
    of publication time (older snapshots have the names only, no id). When
    `live`, the session's room now, is that same room, its accessibility notes
    come along (they are information, not a change of place)."""
    name_bg = published.get("room_bg") or ""
    name_en = published.get("room_en") or ""
    room_id = published.get("room_id")
    if room_id is None and not (name_bg or name_en):
        return None
    room = Room(pk=room_id, event_id=event_id, name_bg=name_bg, name_en=name_en)
    if live is not None and room_id is not None and live.pk == room_id:
        room.accessibility_bg = live.accessibility_bg
        room.accessibility_en = live.accessibility_en
    return room


TimetableRow = namedtuple("TimetableRow", "pk starts_at ends_at order")


def published_version(event: Event) -> AgendaVersion | None:
    return AgendaVersion.objects.latest_for(event)


def with_published_times(
    sessions: list[Session], version: AgendaVersion
) -> list[Session]:
    """The sessions of `version`, each at its published time and room.

    Edits made since (the draft) stay out of public view until the next
    publication; a session deleted since simply disappears.
    """
    shown = []
    for session in sessions:
        published = version.sessions.get(str(session.pk))
        if published is None:
            continue
        session.starts_at = datetime.datetime.fromisoformat(published["starts_at"])
        session.ends_at = datetime.datetime.fromisoformat(published["ends_at"])
        live = session.room if Session.room.is_cached(session) else None
        session.room = published_room(published, event_id=session.event_id, live=live)
        session.agenda_version = version.number
        shown.append(session)
    shown.sort(key=lambda session: (session.starts_at, session.order, session.pk))
    return shown


def agenda_sessions(
    event: Event, *, draft: bool = False, version: AgendaVersion | None = None
) -> list[Session]:
    """What the public sees: the published agenda (`version`, the latest by
    default), or before the first publication only the confirmed opening (no
    times). `draft` is the staff preview of the sessions as they are."""
    sessions = Session.objects.for_event(event)
    if draft:
        return list(sessions)
    version = version or published_version(event)
    if version is None:
        return list(sessions.filter(is_confirmed=True, kind=SessionKind.OPENING))
    return with_published_times(list(sessions), version)


def timed_sessions(event: Event) -> list[Session]:
    """The published sessions with their times, for calendars and data:
    nothing before the first publication."""
    version = published_version(event)
    if version is None:
        return []
    return with_published_times(list(Session.objects.for_event(event)), version)


def public_session_ids(event: Event) -> list[int]:
    version = published_version(event)
    if version is not None:
        return [int(pk) for pk in version.sessions]
    return list(
        Session.objects.filter(
            event=event, is_confirmed=True, kind=SessionKind.OPENING
        ).values_list("pk", flat=True)
    )


def now_and_next(event: Event, *, now: datetime.datetime) -> dict[str, list[Session]]:
    """The published sessions on now and those starting next, on the event day."""
    sessions = timed_sessions(event)
    statuses = session_statuses(sessions, event=event, now=now)
    return {
        "current": [s for s in sessions if statuses.get(s.pk) == SessionStatus.CURRENT],
        "next": [s for s in sessions if statuses.get(s.pk) == SessionStatus.NEXT],
    }


def agenda_timetable(event: Event, *, version: AgendaVersion | None) -> list:
    """Only when each session starts and ends, in agenda order: enough to lay
    out the day without loading the sessions themselves. The published
    `version`'s times, or the sessions' own (the draft) when it is None."""
    if version is None:
        rows = Session.objects.filter(event=event).values_list(
            "pk", "starts_at", "ends_at", "order", named=True
        )
    else:
        rows = [
            TimetableRow(
                int(pk),
                datetime.datetime.fromisoformat(published["starts_at"]),
                datetime.datetime.fromisoformat(published["ends_at"]),
                0,
            )
            for pk, published in version.sessions.items()
        ]
    return sorted(rows, key=lambda row: (row.starts_at, row.order, row.pk))


def get_session(event: Event, slug: str) -> Session:
    for session in agenda_sessions(event):
        if session.slug == slug:
            return session
    raise Http404("No such published session")


def event_speakers(event: Event) -> list[Speaker]:
    return list(
        Speaker.objects.filter(
            session_roles__session__in=public_session_ids(event)
        ).distinct()
    )


def get_speaker(event: Event, slug: str) -> Speaker:
    speaker = get_object_or_404(
        Speaker.objects.with_sessions(event, public_session_ids(event)), slug=slug
    )
    if not speaker.session_roles.all():
        # Speakers are public through the published sessions of the event.
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


def speaker_sessions(
    speaker: Speaker, version: AgendaVersion | None = None
) -> list[SessionSpeaker]:
    """The speaker's public sessions, at their published times (`version`);
    without a version, the confirmed opening with no time to show."""
    rows = list(speaker.session_roles.all())
    if version is not None:
        with_published_times([row.session for row in rows], version)
    return rows


def get_result(slug: str) -> Result:
    return get_object_or_404(Result, slug=slug)


def same_place(old: dict, new: dict) -> bool:
    """Whether two snapshots of a session name the same room: by the room's id
    when both have one (a renamed room is the same room), by the names when
    one of them predates rooms as records."""
    if "room_id" in old and "room_id" in new:
        return old["room_id"] == new["room_id"]
    return (old.get("room_bg") or "", old.get("room_en") or "") == (
        new.get("room_bg") or "",
        new.get("room_en") or "",
    )


def changed_sessions(before: dict, after: dict) -> list[str]:
    """Ids of published sessions whose time or room differs between two
    versions; sessions added or removed are not changes for attendees."""
    return [
        key
        for key, old in before.items()
        if key in after
        and (
            old["starts_at"] != after[key]["starts_at"]
            or old["ends_at"] != after[key]["ends_at"]
            or not same_place(old, after[key])
        )
    ]


@dataclass
class SessionChange:
    session: Session
    before: Session


def agenda_changes(version: AgendaVersion | None) -> list[SessionChange]:
    """The sessions whose time or room `version` changed, at their new and
    their previous time and room."""
    if version is None:
        return []
    previous = (
        AgendaVersion.objects.filter(
            event_id=version.event_id, number__lt=version.number
        )
        .order_by("-number")
        .first()
    )
    if previous is None:
        return []
    changed = changed_sessions(previous.sessions, version.sessions)
    sessions = list(Session.objects.filter(pk__in=changed).order_by("pk"))
    changes = []
    for session in with_published_times(sessions, version):
        before = copy.copy(session)
        with_published_times([before], previous)
        changes.append(SessionChange(session=session, before=before))
    return changes


def agenda_new_date(changes: list[SessionChange]) -> datetime.date | None:
    """The conference's new date when the changes moved the day itself (every
    changed session now falls on another date than before), else None."""
    moved = [
        timezone.localtime(change.session.starts_at).date()
        for change in changes
        if timezone.localtime(change.session.starts_at).date()
        != timezone.localtime(change.before.starts_at).date()
    ]
    if not moved or len(moved) != len(changes):
        return None
    return moved[0]
