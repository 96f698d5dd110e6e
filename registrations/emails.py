"""E-mails to registrants: queued with the change, rendered when sent.

`queue_email` saves an `OutgoingEmail` row (kind, recipient, subject) in the
same transaction as the change that causes it, so a rolled-back change sends
nothing and a committed one always has its e-mail. The mail worker
(registrations/outbox.py) sends it later, outside any web request.

The body is rendered only at sending time, in the registrant's language, with
secret links issued then (`render_email`): nothing stored before sending holds
a working link, and what is stored afterwards is the body with the links
removed (`redacted`).

E-mails to people who have no registration — an invitation, a journalist's
request — are queued with `queue_message` by the app they belong to, which
renders them when asked (registrations.signals.email_to_render); the worker
sends them like the others.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import MIMEPart

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.calendar import event_calendar
from conference.models import Partner, PartnerRole
from conference.site import absolute_url
from programme.calendars import changed_agenda_calendar
from programme.selectors import agenda_changes, agenda_new_date
from registrations import signals
from registrations.models import (
    Announcement,
    EmailKind,
    OutgoingEmail,
    Registration,
    RegistrationToken,
    TokenPurpose,
    hash_token,
)
from registrations.salutations import salutation
from registrations.tickets import check_in_url, qr_code_png

SUBJECTS = {
    EmailKind.CONFIRM_ADDRESS: _("Please confirm your registration – %(event)s"),
    EmailKind.ALREADY_REGISTERED: _("You are already registered – %(event)s"),
    EmailKind.TICKET: _("Your ticket – %(event)s"),
    EmailKind.WAITLISTED: _("You are on the waiting list – %(event)s"),
    EmailKind.PROMOTED: _("A seat has been allocated to you – %(event)s"),
    EmailKind.CANCELLED: _("Your registration has been cancelled – %(event)s"),
    EmailKind.LEFT_WAITING_LIST: _("You have left the waiting list – %(event)s"),
    EmailKind.REMINDER: _("Reminder and your ticket – %(event)s"),
    EmailKind.AGENDA_CHANGED: _("A change in the agenda – %(event)s"),
    EmailKind.EVENT_MOVED: _("A new date for the conference – %(event)s"),
    EmailKind.FOLLOW_UP: _("Thank you for coming – %(event)s"),
}
TICKET_KINDS = {EmailKind.TICKET, EmailKind.PROMOTED, EmailKind.REMINDER}
QR_CONTENT_ID = "ticket-qr@conference"
# What replaces a secret link in the copy kept after sending.
LINK_REMOVED = "[…]"
# The stand-in for a link's secret in a preview.
PREVIEW_TOKEN = "preview-link"  # noqa: S105 - not a secret: a placeholder


def signatories() -> list[str]:
    """The organisers who sign every e-mail, as the admin names them (in the
    active language); none means the e-mails sign „Организаторите“."""
    return [
        partner.name for partner in Partner.objects.filter(role=PartnerRole.ORGANISER)
    ]


def single_line(text: str) -> str:
    """Header-safe text: no line breaks or control characters, ever."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _subject(registration: Registration, kind, announcement) -> str:
    with translation.override(registration.language):
        if announcement is not None:
            subject = single_line(announcement.subject)
        else:
            subject = single_line(
                str(SUBJECTS[kind] % {"event": registration.event.short_title})
            )
    return subject[:300]


def queue_email(
    *,
    registration: Registration,
    kind: EmailKind,
    announcement: Announcement | None = None,
    agenda_version=None,
) -> OutgoingEmail:
    """Put an e-mail in the outbox; must run inside the transaction of the
    change it reports. The mail worker renders and sends it."""
    return OutgoingEmail.objects.create(
        registration=registration,
        kind=kind,
        announcement=announcement,
        agenda_version=agenda_version,
        recipient=registration.email,
        subject=_subject(registration, kind, announcement),
    )


def queue_message(*, kind: EmailKind, recipient: str, subject: str) -> OutgoingEmail:
    """Put an e-mail to someone without a registration in the outbox; the app
    whose kind it is renders it when it is sent (signals.email_to_render)."""
    return OutgoingEmail.objects.create(
        kind=kind, recipient=recipient, subject=single_line(subject)[:300]
    )


def copy_email(email: OutgoingEmail) -> OutgoingEmail:
    """Queue the same e-mail again (rendered afresh, with fresh links)."""
    return OutgoingEmail.objects.create(
        registration_id=email.registration_id,
        kind=email.kind,
        announcement_id=email.announcement_id,
        agenda_version_id=email.agenda_version_id,
        recipient=email.recipient,
        subject=email.subject,
    )


@dataclass
class RenderedEmail:
    message: EmailMultiAlternatives
    body_text: str
    body_html: str
    secrets: list[str] = field(default_factory=list)
    attachments: list[dict] = field(default_factory=list)
    # Deletes the links issued for this e-mail when it could not be sent; the
    # registrations' own links by default, a renderer's own otherwise.
    discard: Callable[[], None] | None = None

    def redacted(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, LINK_REMOVED)
        return text

    def discard_secrets(self) -> None:
        """Links nobody received must not keep working."""
        if self.discard is not None:
            self.discard()
            return
        RegistrationToken.objects.filter(
            token_hash__in=[hash_token(secret) for secret in self.secrets]
        ).delete()


def _rendered_elsewhere(email: OutgoingEmail) -> RenderedEmail:
    """An e-mail another app queued (queue_message), as that app renders it."""
    for _receiver, rendered in signals.email_to_render.send(sender=None, email=email):
        if rendered is not None:
            return rendered
    raise LookupError(f"No app renders e-mails of kind {email.kind!r}")


def email_message(
    *, email: OutgoingEmail, body_text: str, body_html: str
) -> EmailMultiAlternatives:
    """The message of an outbox row: its subject and recipient, both bodies."""
    message = EmailMultiAlternatives(
        subject=single_line(email.subject), body=body_text, to=[email.recipient]
    )
    message.attach_alternative(body_html, "text/html")
    return message


def _context(*, registration, event, manage_token, email=None) -> dict:
    """What the e-mail templates get, in the active language."""
    changes = agenda_changes(email.agenda_version if email else None)
    context = {
        "registration": registration,
        "salutation": salutation(registration),
        "signatories": signatories(),
        "event": event,
        "manage_url": absolute_url(
            reverse("registrations:manage", kwargs={"token": manage_token})
        ),
        "confirm_url": absolute_url(
            reverse("registrations:confirm", kwargs={"token": manage_token})
        ),
        "cancel_url": absolute_url(
            reverse("registrations:cancel", kwargs={"token": manage_token})
        ),
        "announcement": email.announcement if email else None,
        "agenda_changes": changes,
        "agenda_new_date": agenda_new_date(changes),
        "agenda_url": absolute_url(reverse("programme:agenda")),
        "home_url": absolute_url(reverse("conference:home")),
        "privacy_url": absolute_url(reverse("registrations:privacy")),
        "waitlist_position": registration.waitlist_position,
        "qr_content_id": QR_CONTENT_ID,
        "confirmation_hours": settings.REGISTRATION_CONFIRMATION_HOURS,
        # For the links other apps add behind the same secret (the
        # archive's certificate and feedback form, in the follow-up e-mail).
        "manage_token": manage_token,
    }
    return context


def preview_email(*, kind: EmailKind, event, language: str) -> dict:
    """The subject and plain text of an e-mail of `kind` as a person of
    `language` would get it now, for organisers to read before sending: a
    placeholder for the name, links shown as […]."""
    with translation.override(language):
        registration = Registration(
            event=event,
            language=language,
            first_name=gettext("[first name]"),
            last_name=gettext("[last name]"),
        )
        context = _context(
            registration=registration,
            event=event,
            manage_token=PREVIEW_TOKEN,
        )
        text = render_to_string(f"registrations/email/{kind}.txt", context)
        subject = single_line(str(SUBJECTS[kind] % {"event": event.short_title}))
    return {
        "language": language,
        "subject": subject,
        "text": text.replace(PREVIEW_TOKEN, LINK_REMOVED),
    }


def render_email(email: OutgoingEmail) -> RenderedEmail:
    """The message to send now, with links issued now (their hashes saved)."""
    if email.registration_id is None:
        return _rendered_elsewhere(email)
    registration = email.registration
    event = registration.event
    manage_token = RegistrationToken.objects.issue(
        registration=registration, purpose=TokenPurpose.MANAGE
    )
    secrets = [manage_token]
    files = []
    with translation.override(registration.language):
        context = _context(
            registration=registration,
            event=event,
            manage_token=manage_token,
            email=email,
        )
        if email.kind in TICKET_KINDS:
            check_in_token = RegistrationToken.objects.issue(
                registration=registration, purpose=TokenPurpose.CHECK_IN
            )
            secrets.append(check_in_token)
            files = [
                (
                    "ticket-qr.png",
                    "image/png",
                    qr_code_png(check_in_url(check_in_token)),
                    True,
                ),
                (
                    f"{event.slug}.ics",
                    "text/calendar",
                    event_calendar(event, url=context["home_url"]),
                    False,
                ),
            ]
        if email.kind == EmailKind.EVENT_MOVED:
            files = [
                (
                    f"{event.slug}.ics",
                    "text/calendar",
                    event_calendar(event, url=context["home_url"]),
                    False,
                )
            ]
        if email.kind == EmailKind.AGENDA_CHANGED:
            files = [
                (
                    f"{event.slug}.ics",
                    "text/calendar",
                    changed_agenda_calendar(
                        event,
                        [change.session for change in context["agenda_changes"]],
                        url=context["home_url"],
                        url_for=lambda session: absolute_url(
                            session.get_absolute_url()
                        ),
                    ),
                    False,
                )
            ]
        body_text = render_to_string(f"registrations/email/{email.kind}.txt", context)
        body_html = render_to_string(f"registrations/email/{email.kind}.html", context)
    message = email_message(email=email, body_text=body_text, body_html=body_html)
    for filename, content_type, content, inline in files:
        if inline:
            maintype, subtype = content_type.split("/", 1)
            part = MIMEPart()
            part.set_content(
                content,
                maintype=maintype,
                subtype=subtype,
                disposition="inline",
                filename=filename,
                cid=f"<{QR_CONTENT_ID}>",
            )
            message.attach(part)
        else:
            message.attach(filename, content, content_type)
    return RenderedEmail(
        message=message,
        body_text=body_text,
        body_html=body_html,
        secrets=secrets,
        attachments=[
            {"filename": filename, "content_type": content_type}
            for filename, content_type, _content, _inline in files
        ],
    )
