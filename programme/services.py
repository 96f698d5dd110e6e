"""Changes of state in the programme that are more than saving a form."""

import datetime
import hashlib

from django.db import transaction
from django.utils import timezone

from conference.locks import lock_event, lock_row
from conference.models import Event
from programme import signals
from programme.models import AgendaVersion, Session, SlidesPreviewStatus
from programme.renditions import SIZES, write_rendition
from programme.selectors import changed_sessions

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
    now = now or timezone.now()
    with transaction.atomic():
        lock_event(event.pk)
        previous = AgendaVersion.objects.latest_for(event)
        sessions = {
            str(session.pk): session_snapshot(session)
            for session in Session.objects.filter(event=event).select_related("room")
        }
        if not sessions:
            raise NothingToPublish(event.slug)
        version = AgendaVersion.objects.create(
            event=event,
            number=previous.number + 1 if previous else 1,
            published_at=now,
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
