"""E-mails to registrants: rendered into the outbox, delivered after commit.

An e-mail is rendered in the registrant's language and saved as an
`OutgoingEmail` in the same transaction as the change that causes it, so a
rolled-back change sends nothing and a committed one always has its e-mail.
`transaction.on_commit` then delivers it from the web process; what fails
stays in the outbox and `manage.py send_queued_emails` retries it.

Every delivery first *claims* the row (a conditional UPDATE from queued or
failed to "sending"), so two processes never send the same e-mail twice.
"""

import base64
import io
import logging
from email.message import MIMEPart
from functools import partial

import segno
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from conference.calendar import event_calendar
from registrations.models import (
    Announcement,
    EmailKind,
    EmailStatus,
    OutgoingEmail,
    Registration,
)

logger = logging.getLogger(__name__)

SUBJECTS = {
    EmailKind.CONFIRM_ADDRESS: _("Please confirm your registration – %(event)s"),
    EmailKind.ALREADY_REGISTERED: _("You are already registered – %(event)s"),
    EmailKind.TICKET: _("Your ticket – %(event)s"),
    EmailKind.WAITLISTED: _("You are on the waiting list – %(event)s"),
    EmailKind.PROMOTED: _("A seat is now yours – %(event)s"),
    EmailKind.CANCELLED: _("Your registration has been cancelled – %(event)s"),
    EmailKind.LEFT_WAITING_LIST: _("You have left the waiting list – %(event)s"),
    EmailKind.REMINDER: _("See you soon: your ticket – %(event)s"),
    EmailKind.AGENDA_CHANGED: _("A change in the agenda – %(event)s"),
    EmailKind.FOLLOW_UP: _("Thank you for coming – %(event)s"),
}
TICKET_KINDS = {EmailKind.TICKET, EmailKind.PROMOTED, EmailKind.REMINDER}
QR_CONTENT_ID = "ticket-qr@conference"


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def single_line(text: str) -> str:
    """Header-safe text: no line breaks or control characters, ever."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def qr_code_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=4)
    return buffer.getvalue()


def _attachment(filename, content_type, content: bytes, content_id="") -> dict:
    return {
        "filename": filename,
        "content_type": content_type,
        "content": base64.b64encode(content).decode("ascii"),
        "content_id": content_id,
    }


def queue_email(
    *,
    registration: Registration,
    kind: EmailKind,
    manage_token: str,
    check_in_token: str | None = None,
    announcement: Announcement | None = None,
    agenda_changes: list | None = None,
    deliver_now: bool = True,
) -> OutgoingEmail:
    """Render an e-mail in the registrant's language and put it in the outbox.

    Must run inside the transaction of the change it reports; it is delivered
    after that transaction commits, or, with `deliver_now=False` (messages to
    everyone at once), by the next `send_queued_emails`.
    """
    event = registration.event
    attachments = []
    with translation.override(registration.language):
        manage_url = absolute_url(
            reverse("registrations:manage", kwargs={"token": manage_token})
        )
        context = {
            "registration": registration,
            "event": event,
            "manage_url": manage_url,
            "confirm_url": absolute_url(
                reverse("registrations:confirm", kwargs={"token": manage_token})
            ),
            "cancel_url": absolute_url(
                reverse("registrations:cancel", kwargs={"token": manage_token})
            ),
            "announcement": announcement,
            "agenda_changes": agenda_changes or [],
            "agenda_url": absolute_url(reverse("programme:agenda")),
            "home_url": absolute_url(reverse("conference:home")),
            "privacy_url": absolute_url(reverse("registrations:privacy")),
            "waitlist_position": registration.waitlist_position,
            "qr_content_id": QR_CONTENT_ID,
            "confirmation_hours": settings.REGISTRATION_CONFIRMATION_HOURS,
            # Links of other apps behind the same secret (the follow-up e-mail).
            "manage_token": manage_token,
            "site_url": settings.SITE_URL.rstrip("/"),
        }
        if kind in TICKET_KINDS:
            check_in_url = absolute_url(
                reverse("registrations:check_in", kwargs={"token": check_in_token})
            )
            attachments = [
                _attachment(
                    "ticket-qr.png",
                    "image/png",
                    qr_code_png(check_in_url),
                    QR_CONTENT_ID,
                ),
                _attachment(
                    f"{event.slug}.ics",
                    "text/calendar",
                    event_calendar(event, url=context["home_url"]),
                ),
            ]
        if announcement is not None:
            subject = single_line(announcement.subject)
        else:
            subject = single_line(str(SUBJECTS[kind] % {"event": event.short_title}))
        body_text = render_to_string(f"registrations/email/{kind}.txt", context)
        body_html = render_to_string(f"registrations/email/{kind}.html", context)
    email = OutgoingEmail.objects.create(
        registration=registration,
        kind=kind,
        recipient=registration.email,
        subject=subject[:300],
        body_text=body_text,
        body_html=body_html,
        attachments=attachments,
    )
    if deliver_now:
        transaction.on_commit(partial(deliver_email, email_id=email.pk), robust=True)
    return email


def copy_email(email: OutgoingEmail) -> OutgoingEmail:
    """Queue the same e-mail again, as a new outbox row delivered after commit.

    Its links still work: earlier tokens are never revoked.
    """
    copy = OutgoingEmail.objects.create(
        registration_id=email.registration_id,
        kind=email.kind,
        recipient=email.recipient,
        subject=email.subject,
        body_text=email.body_text,
        body_html=email.body_html,
        attachments=email.attachments,
    )
    transaction.on_commit(partial(deliver_email, email_id=copy.pk), robust=True)
    return copy


def requeue_email(email: OutgoingEmail) -> bool:
    """Give a failed e-mail a fresh set of attempts and send it after commit."""
    requeued = (
        OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.FAILED).update(
            status=EmailStatus.QUEUED, attempts=0, last_error=""
        )
        == 1
    )
    if requeued:
        transaction.on_commit(partial(deliver_email, email_id=email.pk), robust=True)
    return requeued


def build_message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=single_line(email.subject),
        body=email.body_text,
        to=[email.recipient],
    )
    message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments:
        content = base64.b64decode(attachment["content"])
        if attachment.get("content_id"):
            maintype, subtype = attachment["content_type"].split("/", 1)
            part = MIMEPart()
            part.set_content(
                content,
                maintype=maintype,
                subtype=subtype,
                disposition="inline",
                filename=attachment["filename"],
                cid=f"<{attachment['content_id']}>",
            )
            message.attach(part)
        else:
            message.attach(attachment["filename"], content, attachment["content_type"])
    return message


def _claim(queryset) -> int:
    return queryset.filter(status__in=[EmailStatus.QUEUED, EmailStatus.FAILED]).update(
        status=EmailStatus.SENDING,
        attempts=F("attempts") + 1,
        last_attempt_at=timezone.now(),
    )


def _send_claimed(email_id: int) -> bool:
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        build_message(email).send()
    except Exception as error:  # any failure of any mail backend
        logger.warning("Sending e-mail %s failed: %r", email_id, error)
        OutgoingEmail.objects.filter(pk=email_id).update(
            status=EmailStatus.FAILED, last_error=repr(error)[:2000]
        )
        return False
    OutgoingEmail.objects.filter(pk=email_id).update(
        status=EmailStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def deliver_email(*, email_id: int) -> bool:
    """Send one outbox e-mail now, unless another process has claimed it."""
    if not _claim(OutgoingEmail.objects.filter(pk=email_id)):
        return False
    return _send_claimed(email_id)


def send_queued_emails(*, limit: int = 500) -> tuple[int, int]:
    """Try each unsent e-mail once; return (sent, failed).

    The batch is claimed in one short transaction; rows another process holds
    are skipped (PostgreSQL), and on SQLite the IMMEDIATE transaction
    serialises claimers. Sending happens outside any transaction.
    """
    with transaction.atomic():
        ids = list(
            OutgoingEmail.objects.due(
                max_attempts=settings.REGISTRATION_EMAIL_MAX_ATTEMPTS
            )
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        claimed = [pk for pk in ids if _claim(OutgoingEmail.objects.filter(pk=pk))]
    sent = sum(_send_claimed(pk) for pk in claimed)
    return sent, len(claimed) - sent
