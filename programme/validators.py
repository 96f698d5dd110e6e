"""Validation of programme content, with translated messages for the admin."""

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import time as format_time
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# Markup a browser would run if it ever took the file for HTML: a PDF/HTML
# polyglot starts like a PDF and carries a page further on.
HTML_MARKERS = re.compile(
    rb"<\s*(html|head|body|script|iframe|svg|object|embed|meta|img)\b", re.IGNORECASE
)


def validate_document(upload):
    """A downloadable document must be a real PDF of at most 20 MB."""
    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is larger than %(limit)s MB.")
            % {"limit": MAX_DOCUMENT_BYTES // (1024 * 1024)},
            code="document_too_large",
        )
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    is_pdf = (
        upload.name.lower().endswith(".pdf")
        and content.startswith(b"%PDF-")
        and not HTML_MARKERS.search(content)
    )
    if not is_pdf:
        raise ValidationError(
            _("Only PDF documents are accepted."), code="document_format"
        )


def validate_session_times(session):
    """A session ends after it starts, falls on the event day and has its room
    to itself (a session in every room has them all). Raises one
    ValidationError with every problem found."""
    errors = {}
    if session.starts_at is None or session.ends_at is None:
        return
    if session.ends_at <= session.starts_at:
        errors["ends_at"] = ValidationError(
            _("The session must end after it starts."), code="ends_before_start"
        )
    event = session.event if session.event_id else None
    if event is not None:
        starts = timezone.localtime(session.starts_at)
        ends = timezone.localtime(session.ends_at)
        if starts.date() != event.date or ends.date() != event.date:
            errors["starts_at"] = ValidationError(
                _("The session must take place on the day of the event, %(date)s.")
                % {"date": format_date(event.date, "DATE_FORMAT")},
                code="wrong_day",
            )
    if session.in_every_room and session.room_id:
        errors["room"] = ValidationError(
            _("A session in every room has no room of its own."),
            code="room_and_every_room",
        )
    elif event is not None and session.room_id and session.room.event_id != event.pk:
        errors["room"] = ValidationError(
            _("Choose a room of this event."), code="room_of_another_event"
        )
    if not errors and event is not None and (session.room_id or session.in_every_room):
        clash = overlapping_session(session)
        if clash is not None:
            errors[NON_FIELD_ERRORS] = ValidationError(
                overlap_message(session, clash), code="room_overlap"
            )
    if errors:
        raise ValidationError(errors)


def overlap_message(session, clash) -> str:
    """Why `session` cannot be where it was put: `clash`, already there."""
    values = {
        "title": clash.title,
        "start": format_time(timezone.localtime(clash.starts_at), "H:i"),
        "end": format_time(timezone.localtime(clash.ends_at), "H:i"),
    }
    if clash.in_every_room:
        return (
            _("“%(title)s” takes place in every room from %(start)s to %(end)s.")
            % values
        )
    if session.in_every_room:
        return _(
            "“%(title)s” already takes place in %(room)s from %(start)s to %(end)s."
        ) % {**values, "room": clash.room}
    return (
        _("“%(title)s” already takes place in this room from %(start)s to %(end)s.")
        % values
    )


def overlapping_session(session):
    """The first session that leaves no room for `session` at its time: one in
    the same room, or one in every room (a coffee break, lunch); for a
    session in every room, any session that has a room or is in every room."""
    candidates = (
        type(session)
        .objects.filter(
            event_id=session.event_id,
            starts_at__lt=session.ends_at,
            ends_at__gt=session.starts_at,
        )
        .exclude(pk=session.pk)
        .select_related("room")
        .order_by("starts_at", "pk")
    )
    if session.in_every_room:
        candidates = candidates.filter(Q(room__isnull=False) | Q(in_every_room=True))
    else:
        candidates = candidates.filter(
            Q(room_id=session.room_id) | Q(in_every_room=True)
        )
    return candidates.first()
