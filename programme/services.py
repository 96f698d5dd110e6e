"""Changes of state in the programme that are more than saving a form."""

import datetime
import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from conference.locks import lock_event, lock_row, lock_rows
from conference.models import Event
from programme import signals
from programme.models import (
    AgendaVersion,
    Room,
    Session,
    SessionSpeaker,
    SlidesPreviewStatus,
    Speaker,
)
from programme.renditions import SIZES, write_rendition
from programme.selectors import changed_sessions
from programme.slugs import slug_for
from programme.warnings import AgendaWarning, candidate_warnings, fingerprint

IMAGE_RENDITIONS = {
    "speaker": ("photo", ("portrait", "avatar")),
    "result": ("image", ("card", "thumb")),
    # archive.Photo: the gallery's responsive sizes.
    "photo": ("image", ("photo_small", "photo_medium", "photo_large")),
}


def create_renditions(*, instance) -> list[str]:
    """Write the resized copies of the instance's image; return their names.

    Called by the admin after a save, once the transaction has committed, so a
    failed save never leaves files behind for a row that does not exist.
    """
    field_name, sizes = IMAGE_RENDITIONS[instance._meta.model_name]
    field_file = getattr(instance, field_name)
    if not field_file:
        return []
    return [write_rendition(field_file, size) for size in sizes if size in SIZES]


def schedule_renditions(*, instance) -> None:
    """Create the renditions when the current transaction commits."""
    transaction.on_commit(lambda: create_renditions(instance=instance))


class NothingToPublish(Exception):
    pass


def session_snapshot(session: Session) -> dict:
    """What the public sees of a session's time and place: the room's id and
    its names as they are at publication (a room renamed later keeps its
    published name until the next publication)."""
    room = session.room
    return {
        "slug": session.slug,
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "room_id": room.pk if room is not None else None,
        "room_bg": (room.name_bg or "") if room is not None else "",
        "room_en": (room.name_en or "") if room is not None else "",
    }


def publish_agenda(
    *, event: Event, by=None, changelog: str = "", now=None
) -> AgendaVersion:
    """Publish the draft sessions as the next version of the agenda.

    The event row is locked so two organisers publishing at once get two
    numbered versions, and attendees are told of a change once.
    """
    with transaction.atomic():
        lock_event(event.pk)
        sessions = {
            str(session.pk): session_snapshot(session)
            for session in Session.objects.filter(event=event).select_related("room")
        }
        if not sessions:
            raise NothingToPublish(event.slug)
        return publish_snapshot(
            event=event, sessions=sessions, by=by, changelog=changelog, now=now
        )


def publish_snapshot(
    *, event: Event, sessions: dict, by=None, changelog: str = "", now=None
) -> AgendaVersion:
    """Record `sessions` (snapshots keyed by id) as the next published version
    and tell the attendees of the sessions whose time or room changed. Runs
    inside the caller's transaction, with the event's row locked."""
    previous = AgendaVersion.objects.latest_for(event)
    version = AgendaVersion.objects.create(
        event=event,
        number=previous.number + 1 if previous else 1,
        published_at=now or timezone.now(),
        published_by=by,
        changelog=changelog,
        sessions=sessions,
    )
    changed = changed_sessions(previous.sessions, sessions) if previous else []
    if changed:
        # Whoever must be told (registrations: the confirmed attendees).
        answers = signals.agenda_changed.send(
            sender=None, version=version, changed=changed
        )
        version.notified_count = sum(told for _receiver, told in answers)
        version.save(update_fields=["notified_count"])
    return version


def schedule_slides_preview(*, session) -> None:
    """Leave the session's preview to the mail worker, which draws it out of
    any web request (programme/slides.py); until then pages say it is being
    prepared. The old picture goes once the change commits."""
    old_preview = session.slides_preview.name if session.slides_preview else ""
    status = SlidesPreviewStatus.PENDING if session.slides else SlidesPreviewStatus.NONE
    with transaction.atomic():
        Session.objects.filter(pk=session.pk).update(
            slides_preview="",
            slides_preview_width=None,
            slides_preview_height=None,
            slides_preview_status=status,
        )
        if old_preview:
            storage = session.slides_preview.storage
            transaction.on_commit(lambda: storage.delete(old_preview))
    session.slides_preview = ""
    session.slides_preview_width = session.slides_preview_height = None
    session.slides_preview_status = status


# A new session from the day grid.


class UnacceptedWarnings(Exception):
    """The new session has warnings the organiser has not accepted yet."""

    def __init__(self, warnings: list[AgendaWarning]):
        super().__init__(len(warnings))
        self.warnings = warnings
        self.fingerprint = fingerprint(warnings)


def create_session(
    *,
    event: Event,
    title_bg: str,
    title_en: str,
    kind: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    room: Room | None = None,
    in_every_room: bool = False,
    speakers: list[Speaker] = (),
    accepted_warnings: str = "",
) -> Session:
    """Add a draft session, as the session form would: the same rules
    (Django's ValidationError, translated) and the same warnings, which stop
    the creation (UnacceptedWarnings) unless `accepted_warnings` is the
    fingerprint of exactly those warnings. The speakers come in the order
    given, each with the role “speaker”.

    The event's row is locked first, so two sessions put into the same free
    slot of a room at once are checked one after the other.
    """
    with transaction.atomic():
        lock_event(event.pk)
        session = Session(
            event=event,
            title_bg=title_bg,
            title_en=title_en,
            kind=kind,
            starts_at=starts_at,
            ends_at=ends_at,
            room=None if in_every_room else room,
            in_every_room=in_every_room,
        )
        session.slug = slug_for(
            title_bg,
            title_en,
            fallback="session",
            taken=lambda slug: Session.objects.filter(event=event, slug=slug).exists(),
        )
        session.full_clean()
        warnings = candidate_warnings(
            session, speaker_ids=[speaker.pk for speaker in speakers]
        )
        if warnings and fingerprint(warnings) != accepted_warnings:
            raise UnacceptedWarnings(warnings)
        session.save()
        SessionSpeaker.objects.bulk_create(
            SessionSpeaker(session=session, speaker=speaker, order=position)
            for position, speaker in enumerate(speakers, start=1)
        )
    return session


# Moving a session on the day grid.

# The fields the grid changes; everything else of the session is left alone.
RESCHEDULED_FIELDS = ("starts_at", "ends_at", "room")


def session_token(session: Session) -> str:
    """A fingerprint of the session's time and room as the organiser saw them.

    The grid sends it back with a change; if it no longer matches, another
    organiser moved the session meanwhile and the change is refused rather
    than silently overwriting theirs.
    """
    text = "|".join(
        [
            str(session.pk),
            str(session.starts_at.timestamp()),
            str(session.ends_at.timestamp()),
            str(session.room_id or ""),
        ]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class SessionChanged(Exception):
    """The session was changed by someone else since the organiser saw it."""

    def __init__(self, session: Session):
        super().__init__(session.pk)
        self.session = session


def reschedule_session(
    *,
    session: Session,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    room,
    expected_token: str,
) -> Session:
    """Give a draft session a new time and room, as the session form would.

    The event's row is locked first, so two moves into the same free slot of a
    room are checked one after the other; then the session's row, whose token
    must still be the one the organiser saw (else SessionChanged, with the
    session as it is now). The change is validated with the model's own rules
    (Django's ValidationError, translated) and touches only the draft: the
    public sees it once the agenda is published again.
    """
    with transaction.atomic():
        lock_event(session.event_id)
        current = lock_row(
            Session.objects.select_related("event", "room"),
            of=("self",),
            pk=session.pk,
        )
        if session_token(current) != expected_token:
            raise SessionChanged(current)
        current.starts_at, current.ends_at, current.room = starts_at, ends_at, room
        current.full_clean(
            exclude=[
                field.name
                for field in Session._meta.concrete_fields
                if field.name not in RESCHEDULED_FIELDS
            ]
        )
        current.save(update_fields=RESCHEDULED_FIELDS)
    return current


# Moving the event to another date.


def shifted(moment: datetime.datetime, days: datetime.timedelta) -> datetime.datetime:
    """The same local time of day, `days` later (the UTC offset may differ
    between the two dates: summer time)."""
    local = timezone.localtime(moment)
    return datetime.datetime.combine(
        local.date() + days, local.time(), tzinfo=timezone.get_default_timezone()
    )


def shifted_snapshot(snapshot: dict, days: datetime.timedelta) -> dict:
    return {
        **snapshot,
        "starts_at": shifted(
            datetime.datetime.fromisoformat(snapshot["starts_at"]), days
        ).isoformat(),
        "ends_at": shifted(
            datetime.datetime.fromisoformat(snapshot["ends_at"]), days
        ).isoformat(),
    }


@dataclass
class SessionsMoved:
    moved: int
    version: AgendaVersion | None = None

    @property
    def notified(self) -> int:
        return self.version.notified_count if self.version else 0

    def report(self, event: Event) -> str:
        values = {
            "count": self.moved,
            "date": format_date(event.date, "DATE_FORMAT"),
        }
        text = (
            ngettext(
                "%(count)s session moved with it to %(date)s.",
                "%(count)s sessions moved with it to %(date)s.",
                self.moved,
            )
            % values
        )
        if self.version is not None:
            text += " " + ngettext(
                "The published agenda moved too (version %(number)s): "
                "%(notified)s confirmed attendee will be told.",
                "The published agenda moved too (version %(number)s): "
                "%(notified)s confirmed attendees will be told.",
                self.notified,
            ) % {"number": self.version.number, "notified": self.notified}
        return text


def move_sessions(
    *, event: Event, previous_date: datetime.date, by=None
) -> SessionsMoved:
    """Move the event's sessions from `previous_date` to the event's date,
    keeping their hours; once the agenda is published, publish it again at the
    new date (the published times, not the draft's pending edits), so the
    confirmed attendees are told as of any change of time.

    Called inside conference.services.move_event's transaction (the event's
    row is locked there) through the `event_moved` signal.
    """
    days = event.date - previous_date
    with transaction.atomic():
        lock_event(event.pk)
        sessions = lock_rows(Session.objects.filter(event=event))
        for session in sessions:
            session.starts_at = shifted(session.starts_at, days)
            session.ends_at = shifted(session.ends_at, days)
        Session.objects.bulk_update(sessions, ["starts_at", "ends_at"])
        published = AgendaVersion.objects.latest_for(event)
        if published is None:
            return SessionsMoved(moved=len(sessions))
        version = publish_snapshot(
            event=event,
            sessions={
                key: shifted_snapshot(snapshot, days)
                for key, snapshot in published.sessions.items()
            },
            by=by,
            changelog=gettext("The conference moved from %(old)s to %(new)s.")
            % {
                "old": format_date(previous_date, "DATE_FORMAT"),
                "new": format_date(event.date, "DATE_FORMAT"),
            },
        )
    return SessionsMoved(moved=len(sessions), version=version)
