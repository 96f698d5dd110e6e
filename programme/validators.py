"""Validation of programme content, with translated messages for the admin."""

import re

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
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
    to itself. Raises one ValidationError with every problem found."""
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
    if event is not None and session.room_id and session.room.event_id != event.pk:
        errors["room"] = ValidationError(
            _("Choose a room of this event."), code="room_of_another_event"
        )
    if not errors and event is not None and session.room_id:
        clash = _overlapping_session(session)
        if clash is not None:
            errors[NON_FIELD_ERRORS] = ValidationError(
                _(
                    "“%(title)s” already takes place in this room from %(start)s "
                    "to %(end)s."
                )
                % {
                    "title": clash.title,
                    "start": format_time(timezone.localtime(clash.starts_at), "H:i"),
                    "end": format_time(timezone.localtime(clash.ends_at), "H:i"),
                },
                code="room_overlap",
            )
    if errors:
        raise ValidationError(errors)


def _overlapping_session(session):
    return (
        type(session)
        .objects.filter(
            room_id=session.room_id,
            event_id=session.event_id,
            starts_at__lt=session.ends_at,
            ends_at__gt=session.starts_at,
        )
        .exclude(pk=session.pk)
        .order_by("starts_at")
        .first()
    )
