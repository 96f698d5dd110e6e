"""Changes of state in the programme that are more than saving a form."""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from conference.models import Event
from programme.models import AgendaVersion, Session
from programme.renditions import SIZES, write_rendition
from programme.selectors import changed_sessions
from programme.slides import create_slides_preview

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


# Called with the new version inside the publishing transaction; registrations
# adds the function that writes to attendees (see RegistrationsConfig.ready).
agenda_published_hooks: list[Callable[..., int]] = []


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
        Event.objects.select_for_update().get(pk=event.pk)
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
            version.notified_count = sum(
                hook(version=version, changed=changed)
                for hook in agenda_published_hooks
            )
            version.save(update_fields=["notified_count"])
    return version


def schedule_slides_preview(*, session) -> None:
    """Draw the first page of the session's slides once the save commits."""
    transaction.on_commit(lambda: create_slides_preview(session=session))
