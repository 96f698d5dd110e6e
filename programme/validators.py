"""Validation of programme content, with translated messages for the admin."""

import io
import logging

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Q
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import time as format_time
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def validate_document(upload):
    """A downloadable document: a real, readable PDF of at most 20 MB that
    runs no code and is not also a web page (programme/pdf_safety.py)."""
    check_pdf(upload, kind="document")


def check_pdf(upload, *, kind: str):
    """Refuse what a PDF upload may not be; return its parsed reader.

    `kind` starts the codes of the errors (`document_…`, `slides_…`)."""
    from pypdf.errors import PdfReadError

    from programme.pdf_safety import TooComplex, active_content, html_content

    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is larger than %(limit)s MB.")
            % {"limit": MAX_DOCUMENT_BYTES // (1024 * 1024)},
            code="document_too_large",
        )
    upload.seek(0)
    content = upload.read(MAX_DOCUMENT_BYTES + 1)
    upload.seek(0)
    if not (upload.name.lower().endswith(".pdf") and content.startswith(b"%PDF-")):
        raise ValidationError(
            _("Only PDF documents are accepted."), code="document_format"
        )
    tag = html_content(content)
    if tag is not None:
        logger.info("PDF refused, it is also HTML (<%s>)", tag[:40])
        raise ValidationError(
            _(
                "The file is a PDF and also a web page (HTML), which a browser "
                "could run. Please upload the PDF as your presentation program "
                "saves it."
            ),
            code=f"{kind}_html",
        )
    reader = _read_pdf(content, kind=kind)
    try:
        found = active_content(reader)
    except TooComplex:
        found = "too many objects"
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, RecursionError):
        raise _damaged(kind) from None
    if found is not None:
        logger.info("PDF refused, it carries %s", found)
        raise ValidationError(
            _(
                "The PDF contains scripts, automatic actions, embedded files or "
                "commands that start programs. Please save it again without them "
                "(for example with “Print to PDF”)."
            ),
            code=f"{kind}_active_content",
        )
    return reader


def _damaged(kind: str) -> ValidationError:
    return ValidationError(
        _("The PDF is damaged and cannot be read. Please upload another file."),
        code=f"{kind}_damaged",
    )


def _read_pdf(content: bytes, *, kind: str):
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(content))
        encrypted = reader.is_encrypted
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as error:
        logger.info("PDF refused, unreadable: %r", error)
        raise _damaged(kind) from None
    if encrypted:
        raise ValidationError(
            _(
                "The PDF is protected with a password or encrypted. Please upload "
                "a version that opens without one."
            ),
            code=f"{kind}_encrypted",
        )
    return reader


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
